/**
 * Ranges are handled as ranges (issue 10 C): a data validation over the whole sheet
 * (`A1:XFD1048576`, what "select all → Data Validation" makes) or a whole column, on one of our
 * sheets, costs what its one element costs. Install cuts it back around the cells it writes
 * (a handful of rectangles, never a cell list) and check and report read past it.
 */
import * as fs from "fs";
import * as path from "path";
import { unzipSync, strFromU8 } from "fflate";
import { main } from "../../src/cli/main";
import { bufferIo } from "../../src/cli/io";
import { createTemplateFile } from "../../src/xlsx/node/operations";
import { PackageReader } from "../../src/xlsx/package/readPackage";
import { XlsxPackage } from "../../src/xlsx/package/xlsxPackage";
import { editZip, makeTempDir, removeTempDir } from "../support/xlsx";

let dir: string;
beforeAll(() => (dir = makeTempDir("cchc-ranges-")));
afterAll(() => removeTempDir(dir));

const WHOLE_SHEET =
  '<dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation>';
const WHOLE_COLUMN =
  '<dataValidation type="textLength" operator="lessThan" allowBlank="1" sqref="H:H"><formula1>300</formula1></dataValidation>';

/** The worksheet part of a tab. */
function partOf(file: string, sheet: string): string {
  const reader = new PackageReader(XlsxPackage.fromBytes(fs.readFileSync(file)));
  return reader.findSheet(sheet)!.part!;
}

it("a whole-sheet and a whole-column validation on an input sheet: install, check and report go through", async () => {
  const file = path.join(dir, "toan-trang.xlsx");
  await createTemplateFile(file, { sample: true });
  const sheet = "1. Chỉ đạo điều hành";
  const part = partOf(file, sheet);
  await editZip(file, (name, text) =>
    name === part
      ? text.replace(
          /<dataValidations count="(\d+)">/,
          (_, n: string) => `<dataValidations count="${Number(n) + 2}">${WHOLE_SHEET}${WHOLE_COLUMN}`,
        )
      : undefined,
  );
  expect(strFromU8(unzipSync(fs.readFileSync(file))[part])).toContain('sqref="A1:XFD1048576"');

  expect(await main(["install", file], bufferIo())).toBe(0);
  expect([0, 1]).toContain(await main(["check", file], bufferIo()));
  expect([0, 1]).toContain(await main(["report", file], bufferIo()));

  const xml = strFromU8(unzipSync(fs.readFileSync(file))[partOf(file, sheet)]);
  const rules = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
  const whole = rules.find((sqref) => sqref.includes("XFD1048576"));
  // Cut around the cleared range and the planned rules: a few rectangles, still reaching the sheet's end.
  expect(whole).toBeDefined();
  expect(whole!.split(" ").length).toBeLessThanOrEqual(16);
  // The whole column lies outside what install writes: kept as it was.
  expect(rules).toContain("H:H");
  // No planned rule is covered twice: the whole-sheet rule no longer reaches the planned cells.
  expect(whole).not.toMatch(/(^| )A1:/);
});
