/**
 * The compiled `cchc` bin without ExcelJS, as a production install has it (ExcelJS is only a
 * development dependency, issue 19): `--version`, `--help`, usage errors and every command that
 * makes, reads or writes a workbook run in a Node where loading ExcelJS fails, and none tries.
 * The probe is shown to see a load. The times themselves are in `npm run bench`, never asserted.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { DEFAULT_CATALOGUE } from "../../src/core/catalogue";
import { BIN, ensureCliBuilt } from "../support/cliBuild";
import { makeTempDir, removeTempDir } from "../support/xlsx";

let dir: string;

/**
 * Runs the bin in a fresh Node whose module loader refuses every request for `exceljs` (as in
 * an install without development dependencies) and records it; the child prints
 * `EXCELJS=<yes|no>` on stderr as it exits. `requireFirst` asks for ExcelJS before the bin runs.
 */
function runProbed(
  args: string[],
  options: { requireFirst?: boolean } = {},
): { status: number | null; stdout: string; stderr: string; loaded: boolean } {
  const probe = `
    const Module = require("module");
    const load = Module._load;
    let loaded = false;
    Module._load = function (request, ...rest) {
      if (request === "exceljs" || /[\\\\/]exceljs[\\\\/]/.test(request)) {
        loaded = true;
        throw Object.assign(new Error("Cannot find module 'exceljs'"), { code: "MODULE_NOT_FOUND" });
      }
      return load.call(this, request, ...rest);
    };
    process.on("exit", () => process.stderr.write("\\nEXCELJS=" + (loaded ? "yes" : "no") + "\\n"));
    ${options.requireFirst ? `try { require("exceljs"); } catch {}` : ""}
    process.argv = [process.argv[0], ${JSON.stringify(BIN)}, ...process.argv.slice(1)];
    require(${JSON.stringify(BIN)});
  `;
  const run = spawnSync(process.execPath, ["-e", probe, "--", ...args], {
    cwd: dir,
    encoding: "utf8",
    // No PDF in the demo: LibreOffice is not what is tested here.
    env: { ...process.env, CCHC_DEBUG: "", CCHC_SOFFICE: path.join(dir, "khong-co-soffice") },
  });
  const marker = /EXCELJS=(yes|no)\n$/.exec(run.stderr);
  if (!marker) throw new Error(`the probe did not report (exit ${run.status}): ${run.stderr}`);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, loaded: marker[1] === "yes" };
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

  it("the probe sees a load of ExcelJS (and refuses it)", () => {
    const run = runProbed(["--version"], { requireFirst: true });
    expect(run).toMatchObject({ status: 0, loaded: true });
  });

  it("makes, reads, fills and consolidates workbooks without ExcelJS", () => {
    const at = (name: string) => path.join(dir, name);
    const commands: string[][] = [
      ["template", "-o", at("mau.xlsx")],
      ["template", "--sample", "-o", at("xa.xlsx")],
      ["install", at("mau.xlsx")],
      ["check", at("xa.xlsx")],
      ["report", at("xa.xlsx"), "-o", at("bao-cao.xlsx")],
      ["catalogue", "show", "xa-2025", "-o", at("danh-muc.xlsx")],
      ["consolidate", "-o", at("tong-hop.xlsx"), "--co-quan", "UBND HUYỆN THỬ", at("xa.xlsx")],
      ["demo", "-o", at("demo")],
    ];
    for (const args of commands) {
      const run = runProbed(args);
      expect({ args, loaded: run.loaded }).toEqual({ args, loaded: false });
      expect({ args, status: run.status, stderr: run.status === 0 ? "" : run.stderr }).toEqual({
        args,
        status: 0,
        stderr: "",
      });
    }
  }, 120_000);

  /** The built-in forms' files a fresh `cchc ARGS` loads (their file names), and its output. */
  function formsLoaded(args: string[]): { status: number | null; stdout: string; forms: string[] } {
    const probe = `
      const Module = require("module");
      const load = Module._load;
      const forms = new Set();
      Module._load = function (request, ...rest) {
        const form = /([\\w.-]+)\\.json$/.exec(request);
        if (form && /catalogue[\\/]data|^\\.\\/data\\//.test(request)) forms.add(form[1]);
        return load.call(this, request, ...rest);
      };
      process.on("exit", () => process.stderr.write("\\nFORMS=" + [...forms].sort().join(",") + "\\n"));
      process.argv = [process.argv[0], ${JSON.stringify(BIN)}, ...process.argv.slice(1)];
      require(${JSON.stringify(BIN)});
    `;
    const run = spawnSync(process.execPath, ["-e", probe, "--", ...args], { cwd: dir, encoding: "utf8" });
    const marker = /FORMS=(.*)\n$/.exec(run.stderr);
    if (!marker) throw new Error(`the probe did not report (exit ${run.status}): ${run.stderr}`);
    return { status: run.status, stdout: run.stdout, forms: marker[1] ? marker[1].split(",") : [] };
  }

  it("--version names the default form from its file alone; --help and a usage error load no form", () => {
    expect(formsLoaded(["--version"])).toEqual({
      status: 0,
      stdout: expect.stringContaining(`(mẫu ${DEFAULT_CATALOGUE.id} ${DEFAULT_CATALOGUE.version})`),
      forms: ["xa-2025"],
    });
    expect(formsLoaded(["--help"])).toMatchObject({ status: 0, forms: [] });
    expect(formsLoaded(["khong-co-lenh"])).toMatchObject({ status: 2, forms: [] });
    // The probe sees the forms a command loads.
    expect(formsLoaded(["catalogue", "list"]).forms).toEqual(
      expect.arrayContaining(["huyen-2021", "xa-2025"]),
    );
  });
});
