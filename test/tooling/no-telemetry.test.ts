/**
 * Government figures stay on the machine: these tests pin down that the Microsoft tooling we
 * install cannot report usage, and that a production build does not even load the certificate
 * tool. They fail if a lockfile update brings back a reporting version of office-addin-usage-data.
 */
import fs from "fs";
import http from "http";
import https from "https";
import net from "net";
import path from "path";

const root = path.resolve(__dirname, "..", "..");

/** Every installed copy of a package, nested ones included. */
function installedCopies(name: string): string[] {
  const found: string[] = [];
  const visit = (nodeModules: string, depth: number): void => {
    if (depth > 6 || !fs.existsSync(nodeModules)) return;
    for (const entry of fs.readdirSync(nodeModules)) {
      const dirs = entry.startsWith("@")
        ? fs.readdirSync(path.join(nodeModules, entry)).map((sub) => path.join(nodeModules, entry, sub))
        : [path.join(nodeModules, entry)];
      for (const dir of dirs) {
        if (path.relative(nodeModules, dir) === name) found.push(dir);
        visit(path.join(dir, "node_modules"), depth + 1);
      }
    }
  };
  visit(path.join(root, "node_modules"), 0);
  return found;
}

describe("office-addin-usage-data (a dependency of Microsoft's add-in tools)", () => {
  const copies = installedCopies("office-addin-usage-data");

  it("is installed (through office-addin-dev-certs and office-addin-manifest)", () => {
    expect(copies.length).toBeGreaterThan(0);
  });

  it("has no network client to send with", () => {
    expect(installedCopies("applicationinsights")).toEqual([]);
    expect(installedCopies("@microsoft/applicationinsights-web")).toEqual([]);
  });

  it.each(copies.map((dir) => [path.relative(root, dir), dir]))(
    "%s never turns reporting on and opens no connection",
    async (_label, dir) => {
      const attempts: string[] = [];
      const spies = [
        jest.spyOn(http, "request").mockImplementation(() => {
          attempts.push("http.request");
          throw new Error("blocked");
        }),
        jest.spyOn(https, "request").mockImplementation(() => {
          attempts.push("https.request");
          throw new Error("blocked");
        }),
        jest.spyOn(net, "connect").mockImplementation(() => {
          attempts.push("net.connect");
          throw new Error("blocked");
        }),
        jest.spyOn(globalThis, "fetch").mockImplementation(() => {
          attempts.push("fetch");
          return Promise.reject(new Error("blocked"));
        }),
      ];
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const usageData = require(dir);
        const reporter = new usageData.OfficeAddinUsageData({
          projectName: "cchc-test",
          raisePrompt: false,
          usageDataLevel: "on",
          connectionString: usageData.connectionStringForOfficeAddinCLITools,
        });
        reporter.setUsageDataOn();
        expect(reporter.isUsageDataOn()).toBe(false);
        await Promise.all([
          reporter.reportEvent("cchc-test", { figure: 1 }),
          reporter.reportError("cchc-test", new Error("figure")),
        ]);
        reporter.reportSuccess("cchc-test", { figure: 1 });
        reporter.reportException("cchc-test", new Error("figure"));
        reporter.sendUsageDataEvent({ figure: 1 });
        await new Promise((resolve) => setTimeout(resolve, 20));
      } finally {
        spies.forEach((spy) => spy.mockRestore());
      }
      expect(attempts).toEqual([]);
    },
  );
});

describe("webpack.config.js", () => {
  it("does not load office-addin-dev-certs for a production build", async () => {
    const before = new Set(Object.keys(require.cache));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(root, "webpack.config.js"));
    const config = await makeConfig({ WEBPACK_BUILD: true }, { mode: "production" });
    const loaded = Object.keys(require.cache).filter((file) => !before.has(file));
    expect(loaded.filter((file) => file.includes(`${path.sep}office-addin-dev-certs${path.sep}`))).toEqual(
      [],
    );
    expect(config.devServer).toBeUndefined();
  });
});
