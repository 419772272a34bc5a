/**
 * `npm run bench` is not run by the suite (its sections take minutes and measure the machine),
 * so a module it loads that moved would break it unseen: after src/xlsx's Node-only I/O moved to
 * src/xlsx/node, the long-document section stopped at `lib/xlsx/operations.js` for three
 * sessions. Every module the bench scripts name (compiled, `lib/…`, or TypeScript, `src/…` and
 * `test/…`) must exist in the sources.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const BENCH = path.join(ROOT, "scripts", "bench");
const scripts = [
  path.join(ROOT, "scripts", "bench.js"),
  ...fs.readdirSync(BENCH).map((f) => path.join(BENCH, f)),
].filter((file) => file.endsWith(".js"));

/** The project modules a bench script names, as paths from the repository's root (`lib/x/y.js`, `src/x.ts`). */
function modulesNamed(source: string): string[] {
  const named: string[] = [];
  // path.join(root, "lib", "xlsx", "node", "files.js")
  for (const [, args] of source.matchAll(/path\.join\(root,\s*((?:"[^"]*"\s*,?\s*)+)\)/g)) {
    const parts = [...args.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    if (parts[0] === "lib" && parts.length > 1) named.push(parts.join("/"));
  }
  // lib("core/install"), src("src/core/workbook/draft.ts"), require(path.join(root, "src/…ts"))
  for (const [, p] of source.matchAll(/\blib\("([^"]+)"\)/g)) named.push(`lib/${p}`);
  for (const [, p] of source.matchAll(/\bsrc\("([^"]+)"\)/g)) named.push(p);
  for (const [, p] of source.matchAll(/path\.join\(root,\s*"((?:src|test)\/[^"]+\.ts)"\)/g)) named.push(p);
  return named;
}

/** Whether a named module has its source: `lib/a/b(.js)` is compiled from `src/a/b.ts` or `src/a/b/index.ts`. */
function hasSource(named: string): boolean {
  if (!named.startsWith("lib/")) return fs.existsSync(path.join(ROOT, named));
  const base = path.join(ROOT, "src", named.slice("lib/".length).replace(/\.js$/, ""));
  return fs.existsSync(`${base}.ts`) || fs.existsSync(path.join(base, "index.ts"));
}

describe("the bench's modules", () => {
  it("finds the modules the scripts name (the check itself sees them)", () => {
    const all = scripts.flatMap((file) => modulesNamed(fs.readFileSync(file, "utf8")));
    expect(all).toEqual(
      expect.arrayContaining([
        "lib/xlsx/node/operations.js",
        "lib/core/install",
        "src/core/workbook/draft.ts",
      ]),
    );
  });

  it.each(scripts.map((file) => [path.relative(ROOT, file), file]))(
    "%s names only modules that exist",
    (_, file) => {
      const missing = modulesNamed(fs.readFileSync(file, "utf8")).filter((named) => !hasSource(named));
      expect(missing).toEqual([]);
    },
  );
});
