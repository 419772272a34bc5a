/**
 * A user's sheets whose names meet ours: their own `_CCHC` is neither overwritten nor hidden (our
 * meta sheet takes another name), and a sheet whose name is ours only after Unicode
 * normalisation (NFD) does not get a look-alike twin.
 */
import * as path from "path";
import * as ExcelJS from "exceljs";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { sheetNameKey } from "../../src/core/sheetNames";
import { saveWorkbookFile } from "../support/excelJsWorkbook";
import { checkFile } from "../../src/xlsx/node/operations";
import { findWorksheet, readWorkbookMeta } from "../support/excelJsWorkbook";
import { makeTempDir, readBack, removeTempDir } from "../support/xlsx";

let dir: string;
beforeAll(() => (dir = makeTempDir("cchc-sheetnames-")));
afterAll(() => removeTempDir(dir));

/** A user's workbook with one sheet of their own, holding a note in A1. */
async function userWorkbook(file: string, sheet: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Trang tính 1").getCell("A1").value = "việc của tôi";
  book.addWorksheet(sheet).getCell("A1").value = "ghi chép riêng";
  const target = path.join(dir, file);
  await saveWorkbookFile(book, target, { overwrite: true });
  return target;
}

describe("a user's own sheet named _CCHC", () => {
  it("stays as it was, visible; our meta sheet takes another name, and every command finds it", async () => {
    const file = await userWorkbook("cchc-rieng.xlsx", "_CCHC");
    expect(await main(["install", file], bufferIo())).toBe(0);
    let book = await readBack(file);
    const own = findWorksheet(book, "_CCHC")!;
    expect(own.state).toBe("visible");
    expect(own.getCell("A1").value).toBe("ghi chép riêng");
    expect(own.getCell("B1").value).toBeNull();
    expect(findWorksheet(book, "_CCHC_2")!.state).toBe("veryHidden");
    expect(readWorkbookMeta(book)?.templateId).toBeTruthy();

    // A second install finds its meta sheet again: no third one.
    expect(await main(["install", file], bufferIo())).toBe(0);
    // The report is written; it exits 1 for the required rows a fresh install leaves blank.
    expect(await main(["report", file], bufferIo())).toBe(1);
    book = await readBack(file);
    expect(findWorksheet(book, "_CCHC_3")).toBeUndefined();
    expect(findWorksheet(book, "_CCHC")!.getCell("A1").value).toBe("ghi chép riêng");
    expect((await checkFile(file)).figures.figures.size).toBeGreaterThan(0);
  });
});

describe("a user's sheet whose name is ours after Unicode normalisation", () => {
  it("keeps the user's sheet and gives ours the alternate name: no two look-alike tabs", async () => {
    const decomposed = "Chỉ số CCHC".normalize("NFD");
    expect(decomposed).not.toBe("Chỉ số CCHC");
    const file = await userWorkbook("nfd.xlsx", decomposed);
    const io = bufferIo();
    expect(await main(["install", file], io)).toBe(0);
    expect(io.stdout).toContain('trang CCHC mang tên "Chỉ số CCHC (CCHC)"');
    const book = await readBack(file);
    const keys = book.worksheets.map((ws) => sheetNameKey(ws.name));
    expect(new Set(keys).size).toBe(keys.length);
    expect(findWorksheet(book, decomposed)!.getCell("A1").value).toBe("ghi chép riêng");
  });
});
