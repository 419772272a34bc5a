/**
 * Start-up of the compiled `cchc` bin: `--version`, `--help`, a command's `--help` and usage
 * errors answer without loading ExcelJS (it alone costs about 4× a bare `node -e 0`), while a
 * command that reads a workbook does load it, which proves the probe can see it. The times
 * themselves are in `npm run bench` (start-up section), never asserted here.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { BIN, ensureCliBuilt } from "../support/cliBuild";
import { makeTempDir, removeTempDir } from "../support/xlsx";

let dir: string;

/**
 * Runs the bin in a fresh Node whose module loader records every request for `exceljs`; the
 * child prints `EXCELJS=<yes|no>` on stderr as it exits.
 */
function runProbed(args: string[]): { status: number | null; stdout: string; loaded: boolean } {
  const probe = `
    const Module = require("module");
    const load = Module._load;
    let loaded = false;
    Module._load = function (request, ...rest) {
      if (request === "exceljs" || /[\\\\/]exceljs[\\\\/]/.test(request)) loaded = true;
      return load.call(this, request, ...rest);
    };
    process.on("exit", () => process.stderr.write("\\nEXCELJS=" + (loaded ? "yes" : "no") + "\\n"));
    process.argv = [process.argv[0], ${JSON.stringify(BIN)}, ...process.argv.slice(1)];
    require(${JSON.stringify(BIN)});
  `;
  const run = spawnSync(process.execPath, ["-e", probe, "--", ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, CCHC_DEBUG: "" },
  });
  const marker = /EXCELJS=(yes|no)\n$/.exec(run.stderr);
  if (!marker) throw new Error(`the probe did not report (exit ${run.status}): ${run.stderr}`);
  return { status: run.status, stdout: run.stdout, loaded: marker[1] === "yes" };
}

beforeAll(() => {
  ensureCliBuilt();
  dir = makeTempDir("cchc-startup-");
}, 180_000);
afterAll(() => removeTempDir(dir));

describe("cchc start-up", () => {
  it.each([
    [["--version"], 0],
    [["--help"], 0],
    [["report", "--help"], 0],
    [[], 2],
    [["khong-co-lenh"], 2],
    [["check"], 2],
    [["check", "--khong-co", "a.xlsx"], 2],
    [["report", "a.xlsx", "--pdf", "a.txt"], 2],
    [["template"], 2],
  ])("cchc %j exits %i without loading ExcelJS", (args, status) => {
    const run = runProbed(args as string[]);
    expect(run).toMatchObject({ status, loaded: false });
  });

  it("loads ExcelJS for a command that reads a workbook (the probe sees it)", () => {
    const run = runProbed(["template", "-o", path.join(dir, "mau.xlsx")]);
    expect(run).toMatchObject({ status: 0, loaded: true });
  });
});
