/**
 * The commands cchc prints for pasting: quoted so that a file name is never code (`a $(id).xlsx`),
 * and started the way this cchc was (npx --prefix, a command on PATH, a script path), so that
 * pasting one never asks the public registry for a package named «cchc». Checked by pasting
 * the printed hints into a real POSIX shell.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { detectInvocation, pasteable, quoteArg } from "../../src/cli/invocation";
import { BIN, ensureCliBuilt, ROOT } from "../support/cliBuild";
import { makeTempDir, removeTempDir } from "../support/xlsx";

/** The environment of a user's own shell: none of what npm sets for the processes it starts (jest may run under npx). */
const userEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== "INIT_CWD"),
);

let dir: string;
beforeAll(() => {
  ensureCliBuilt();
  dir = makeTempDir("cchc-invocation-");
}, 180_000);
afterAll(() => removeTempDir(dir));

describe("quoteArg: a name is data for the user's shell", () => {
  it.each([
    ["bao-cao.xlsx", "bao-cao.xlsx"],
    ["báo cáo quý III.xlsx", "'báo cáo quý III.xlsx'"],
    ["a $(id).xlsx", "'a $(id).xlsx'"],
    ["a `id`.xlsx", "'a `id`.xlsx'"],
    ["it's.xlsx", "'it'\\''s.xlsx'"],
    ["", "''"],
  ])("POSIX: %j → %s", (arg, quoted) => expect(quoteArg(arg, "posix")).toBe(quoted));

  it.each([
    ["bao-cao.xlsx", "bao-cao.xlsx"],
    ["C:\\Báo cáo\\a $(id).xlsx", "'C:\\Báo cáo\\a $(id).xlsx'"],
    ["it's.xlsx", "'it''s.xlsx'"],
    // PowerShell reads a typographic quote as a single quote: doubled as well.
    ["it\u2019s.xlsx", "'it\u2019\u2019s.xlsx'"],
    ["@a.xlsx", "'@a.xlsx'"],
    ["-x.xlsx", "'-x.xlsx'"],
  ])("PowerShell: %j → %s", (arg, quoted) => expect(quoteArg(arg, "powershell")).toBe(quoted));

  it("each quoted name reaches the program unchanged through /bin/sh, and nothing in it runs", () => {
    if (process.platform === "win32") return;
    const names = ["a $(touch pwned).xlsx", "b `touch pwned`.xlsx", "it's; touch pwned", 'c "$HOME" \\ d'];
    for (const name of names) {
      const run = spawnSync("/bin/sh", ["-c", `printf %s ${quoteArg(name, "posix")}`], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(run.stdout).toBe(name);
    }
    expect(fs.existsSync(path.join(dir, "pwned"))).toBe(false);
  });
});

describe("detectInvocation: the hint starts cchc the way it was started", () => {
  const project = path.join(path.sep, "srv", "du-an");
  const packageRoot = path.join(project, "node_modules", "cchc-excel-addin");
  const base = { env: {}, platform: "linux" as const, packageRoot };

  it("through npx inside the project that holds it: npx cchc", () => {
    expect(
      detectInvocation({
        ...base,
        script: path.join(packageRoot, "bin", "cchc.js"),
        env: { npm_command: "exec" },
        cwd: path.join(project, "bao-cao"),
      }).prefix,
    ).toEqual(["npx", "cchc"]);
  });

  it("through npx --prefix from another folder: npx --prefix DIR cchc, never a bare npx cchc", () => {
    expect(
      detectInvocation({
        ...base,
        script: path.join(packageRoot, "bin", "cchc.js"),
        env: { npm_command: "exec" },
        cwd: path.join(path.sep, "home", "nva"),
      }).prefix,
    ).toEqual(["npx", "--prefix", project, "cchc"]);
  });

  it("as a path: node /x/bin/cchc.js (absolute, from the folder it was started in)", () => {
    expect(
      detectInvocation({
        ...base,
        script: path.join("x", "bin", "cchc.js"),
        cwd: path.join(path.sep, "home"),
      }).prefix,
    ).toEqual(["node", path.join(path.sep, "home", "x", "bin", "cchc.js")]);
  });

  it("as `cchc` on PATH when that is this one (npm link makes a symbolic link to bin/cchc.js)", () => {
    if (process.platform === "win32") return;
    const binDir = path.join(dir, "global-bin");
    fs.mkdirSync(binDir);
    fs.symlinkSync(BIN, path.join(binDir, "cchc"));
    const linked = { ...base, env: { PATH: binDir }, cwd: dir, packageRoot: ROOT };
    expect(detectInvocation({ ...linked, script: path.join(binDir, "cchc") }).prefix).toEqual(["cchc"]);
    // Another cchc on PATH is not this one: the script path instead.
    const other = path.join(dir, "other-cchc.js");
    fs.writeFileSync(other, "");
    expect(detectInvocation({ ...linked, script: other }).prefix).toEqual(["node", other]);
  });

  it("pasteable quotes the prefix too (a project folder with a space)", () => {
    expect(
      pasteable(["check", "a $(id).xlsx"], {
        prefix: ["npx", "--prefix", "/srv/dự án", "cchc"],
        shell: "posix",
      }),
    ).toBe("npx --prefix '/srv/dự án' cchc check 'a $(id).xlsx'");
    expect(
      pasteable(["check", "a $(id).xlsx"], {
        prefix: ["node", "C:\\cchc\\bin\\cchc.js"],
        shell: "powershell",
      }),
    ).toBe("node C:\\cchc\\bin\\cchc.js check 'a $(id).xlsx'");
  });
});

describe("the printed hints, pasted into a shell", () => {
  /** The command after `label` on the line that has it. */
  const hintAfter = (stdout: string, label: string) => {
    const line = stdout.split("\n").find((l) => l.includes(label));
    expect(line).toBeDefined();
    return line!.slice(line!.indexOf(label) + label.length);
  };

  it("started as `node …/bin/cchc.js`: template's and report's hints run this cchc on that file, and only that", () => {
    if (process.platform === "win32") return;
    const name = "a $(touch pwned).xlsx";
    const made = spawnSync(process.execPath, [BIN, "template", "-o", name, "--sample"], {
      cwd: dir,
      encoding: "utf8",
      env: userEnv,
    });
    expect(made.status).toBe(0);
    const hint = hintAfter(made.stdout, "Kiểm tra số liệu: ");
    expect(hint).toBe(`node ${BIN} check '${name}'`);
    const pasted = spawnSync("/bin/sh", ["-c", hint], { cwd: dir, encoding: "utf8", env: userEnv });
    expect(pasted.stdout).toMatch(/^Kết quả: \d+ lỗi/m);
    const reported = spawnSync(process.execPath, [BIN, "report", name], {
      cwd: dir,
      encoding: "utf8",
      env: userEnv,
    });
    expect(hintAfter(reported.stdout, "Chi tiết: ")).toBe(`node ${BIN} check '${name}'`);
    expect(fs.existsSync(path.join(dir, "pwned"))).toBe(false);
  }, 60_000);

  it("started through `npx --prefix DIR` from another folder: the hint names DIR, and pasting it runs this cchc", () => {
    if (process.platform === "win32") return;
    const made = spawnSync("npx", ["--prefix", ROOT, "cchc", "template", "-o", "qua-npx.xlsx"], {
      cwd: dir,
      encoding: "utf8",
      env: userEnv,
    });
    expect(made.status).toBe(0);
    const hint = hintAfter(made.stdout, "Kiểm tra số liệu: ");
    expect(hint).toBe(`npx --prefix ${quoteArg(ROOT, "posix")} cchc check qua-npx.xlsx`);
    const pasted = spawnSync("/bin/sh", ["-c", hint], { cwd: dir, encoding: "utf8", env: userEnv });
    expect(pasted.stdout).toMatch(/^Kết quả: \d+ lỗi/m);
  }, 60_000);
});
