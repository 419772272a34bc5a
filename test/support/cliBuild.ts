/**
 * The compiled command line (lib/) for tests that run the real `bin/cchc.js` in a child process.
 * Builds it with `npm run build:cli` when lib/ is missing or older than any source it compiles,
 * so a re-run does not pay for tsc again.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const BIN = path.join(ROOT, "bin", "cchc.js");
const ENTRY = path.join(ROOT, "lib", "cli", "main.js");
const SOURCES = [
  "src/cli",
  "src/xlsx",
  "src/docx",
  "src/core",
  "src/docx",
  "src/functions",
  "tsconfig.cli.json",
  "tsconfig.json",
  "package.json",
];

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target)
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
}

export function ensureCliBuilt(): void {
  const sources = Math.max(
    ...SOURCES.map((s) => path.join(ROOT, s))
      .filter(fs.existsSync)
      .map(newestMtime),
  );
  if (fs.existsSync(ENTRY) && fs.statSync(ENTRY).mtimeMs >= sources) return;
  const run = spawnSync("npm", ["run", "build:cli"], {
    cwd: ROOT,
    encoding: "utf8",
    shell: process.platform === "win32",
  });
  if (run.status !== 0)
    throw new Error(`npm run build:cli failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  // tsc keeps the mtime of unchanged outputs; touch the entry so the next run sees a fresh build.
  const now = new Date();
  fs.utimesSync(ENTRY, now, now);
}
