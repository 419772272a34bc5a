/**
 * ExcelJS is a development dependency only (issue 19): the tests and the bench use it as
 * "another program" that reads and writes workbooks, and as the speed baseline; cchc's own
 * code (the add-in, the command line, the file layer) must never import it, or a production
 * install (`npm install --omit=dev`) would break at the first workbook. The compiled command
 * line runs in a Node that refuses ExcelJS in test/cli/startup.test.ts.
 */
import fs from "fs";
import path from "path";

const root = path.resolve(__dirname, "..", "..");

/** Every source file under `dir`. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

/** An import, dynamic import, require or `import type` of `exceljs` (or a file inside it). */
const IMPORTS_EXCELJS =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["']exceljs(?:\/[^"']*)?["']/;

describe("ExcelJS stays out of cchc's own code", () => {
  it("no file under src/ imports exceljs", () => {
    const files = sources(path.join(root, "src"));
    expect(files.length).toBeGreaterThan(50);
    const importing = files
      .filter((file) => IMPORTS_EXCELJS.test(fs.readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file));
    expect(importing).toEqual([]);
  });

  it("the pattern finds the import forms it is meant to find", () => {
    for (const text of [
      'import * as ExcelJS from "exceljs";',
      'import type * as ExcelJS from "exceljs";',
      'const x = await import("exceljs");',
      "const E = require('exceljs');",
      'import "exceljs/dist/es5";',
    ])
      expect({ text, found: IMPORTS_EXCELJS.test(text) }).toEqual({ text, found: true });
    expect(IMPORTS_EXCELJS.test("// ExcelJS wrote it so")).toBe(false);
  });

  it("is a development dependency, not a production one", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    expect(pkg.dependencies).not.toHaveProperty("exceljs");
    expect(pkg.devDependencies).toHaveProperty("exceljs");
  });
});
