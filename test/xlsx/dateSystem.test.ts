/**
 * A file saved in the 1904 date system (the flag `date1904` in workbook.xml, date cells stored
 * 1462 lower, as LibreOffice and Mac Excel write it): `check` reads each date as the day it shows,
 * `install` keeps the flag and the typed date, and the reader reports the flag.
 */
import { DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { DATE1904_OFFSET } from "../../src/core/figures";
import { saveWorkbookFile } from "../support/excelJsWorkbook";
import { checkFile, createTemplateFile } from "../../src/xlsx/operations";
import { readExistingWorkbook } from "../support/excelJsWorkbook";
import { editZip, makeTempDir, readBack, removeTempDir, zipPart } from "../support/xlsx";

/** 20/09/2021 typed over the derived «Từ ngày»: 44459 in the 1900 system, 42997 in the 1904 one. */
const TYPED_1900 = 44_459;
const TYPED_1904 = TYPED_1900 - DATE1904_OFFSET;

let dir: string;
let file1904: string;

beforeAll(async () => {
  dir = makeTempDir("cchc-1904-");
  const sample = path.join(dir, "mau.xlsx");
  await createTemplateFile(sample, { sample: true, catalogue: DISTRICT_CATALOGUE });
  const book = await readBack(sample);
  book.getWorksheet("Thông tin chung")!.getCell("D10").value = new Date(Date.UTC(2021, 8, 20));
  file1904 = path.join(dir, "he-1904.xlsx");
  await saveWorkbookFile(book, file1904, { overwrite: true });
  // Switch the file to the 1904 system the way it is stored: the flag, and the serial 1462 lower.
  await editZip(file1904, (name, text) => {
    if (name === "xl/workbook.xml") return text.replace(/<workbookPr\b/, '<workbookPr date1904="1"');
    if (name === "xl/worksheets/sheet1.xml")
      return text.replace(`<c r="D10" s="13"><v>${TYPED_1900}</v>`, `<c r="D10" s="13"><v>${TYPED_1904}</v>`);
    return undefined;
  });
  expect(await zipPart(file1904, "xl/worksheets/sheet1.xml")).toContain(`<v>${TYPED_1904}</v>`);
});
afterAll(() => removeTempDir(dir));

describe("a workbook in the 1904 date system", () => {
  it("check reads the typed date as the day it shows; the reader reports the flag", async () => {
    const { figures } = await checkFile(file1904);
    expect(figures.figures.get("tu_ngay")?.value).toEqual({ type: "number", value: TYPED_1900 });
    expect(figures.date1904).toBe(true);
    expect(readExistingWorkbook(await readBack(file1904)).date1904).toBe(true);
  });

  it("install keeps the flag and the typed date", async () => {
    const file = path.join(dir, "cai.xlsx");
    fs.copyFileSync(file1904, file);
    expect(await main(["install", file], bufferIo())).toBe(0);
    expect(await zipPart(file, "xl/workbook.xml")).toMatch(/<workbookPr[^>]*date1904="1"/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.getWorksheet("Thông tin chung")!.getCell("D10").value).toEqual(
      new Date(Date.UTC(2021, 8, 20)),
    );
    // «Đến ngày» stays a formula; its cached day (what a viewer without CCHC functions shows) is right too.
    expect(book.getWorksheet("Thông tin chung")!.getCell("D11").result).toEqual(
      new Date(Date.UTC(2021, 8, 14)),
    );
    expect((await checkFile(file)).figures.figures.get("tu_ngay")?.value).toEqual({
      type: "number",
      value: TYPED_1900,
    });
  });
});
