/**
 * The `prepare` script (scripts/prepare.js) that `npm install` / `npm ci` run: with TypeScript it
 * compiles the command line (the rest of the suite runs what it built); without it, as in an
 * install with `--omit=dev`, it keeps a lib/ already built, and without one stops with what to do
 * instead of npm's «tsc: not found». Run from a copy in a folder where TypeScript cannot be found.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const SCRIPT = path.resolve(__dirname, "..", "..", "scripts", "prepare.js");
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-prepare-"));
  fs.mkdirSync(path.join(dir, "scripts"));
  fs.copyFileSync(SCRIPT, path.join(dir, "scripts", "prepare.js"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the copy, with no NODE_PATH that could lead to a TypeScript elsewhere. */
const prepare = () =>
  spawnSync(process.execPath, [path.join(dir, "scripts", "prepare.js")], {
    encoding: "utf8",
    env: { ...process.env, NODE_PATH: "" },
  });

describe("scripts/prepare.js without the development dependencies", () => {
  it("without lib/, stops the install and says to install in full, then prune", () => {
    const run = prepare();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("bỏ các gói phát triển (--omit=dev)");
    expect(run.stderr).toMatch(/npm ci\n\s+npm prune --omit=dev/);
  });

  it("with lib/ already built, keeps it and lets the install finish", () => {
    fs.mkdirSync(path.join(dir, "lib", "cli"), { recursive: true });
    fs.writeFileSync(path.join(dir, "lib", "cli", "main.js"), "");
    const run = prepare();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("dùng bản dòng lệnh đã biên dịch sẵn trong lib/");
  });
});
