/**
 * A file saved in the 1904 date system (the flag `date1904` in workbook.xml, date cells stored
 * 1462 lower, as LibreOffice and Mac Excel write it): `check` reads each date as the day it shows,
 * `install` keeps the flag and the typed date, and the reader reports the flag.
 */
import { DEFAULT_CATALOGUE, DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import { evaluateIndicators } from "../../src/core/evaluate";
import type { DocumentRow, Figures } from "../../src/core/figures";
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { DATE1904_OFFSET } from "../../src/core/figures";
import { saveWorkbookFile } from "../support/excelJsWorkbook";
import { checkFile, createTemplateFile } from "../../src/xlsx/node/operations";
import { toExcelSerial } from "../../src/core/dates";
import { readFigureFile } from "../../src/xlsx/node/figureFiles";
import { readExistingWorkbook, readWorkbookFigures } from "../support/excelJsWorkbook";
import { copyAs1904 } from "../support/dateSystem";
import { editZip, makeTempDir, namedCell, readBack, removeTempDir, zipPart } from "../support/xlsx";

/** 20/09/2021 typed over the derived «Từ ngày»: 44459 in the 1900 system, 42997 in the 1904 one. */
const TYPED_1900 = 44_459;
const TYPED_1904 = TYPED_1900 - DATE1904_OFFSET;

/** The derived «Đến ngày» formula of versions before the 1904 fix, as stored in the sheet XML. */
const OLD_DEN_NGAY =
  "IF(OR(ISBLANK(CCHC_KY_BAO_CAO),ISBLANK(CCHC_NAM)),&quot;&quot;,CCHC.DENNGAY(CCHC_KY_BAO_CAO,CCHC_NAM))";

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

  it("install keeps the flag and the typed date, and shifts «Đến ngày» into the 1904 system", async () => {
    const file = path.join(dir, "cai.xlsx");
    fs.copyFileSync(file1904, file);
    // «Đến ngày» as versions before the fix wrote it: the bare 1900-system serial, 4 years late here.
    await editZip(file, (name, text) =>
      name === "xl/worksheets/sheet1.xml"
        ? text.replace(/(<c r="D11"[^>]*><f>)[^<]*(<\/f>)/, `$1${OLD_DEN_NGAY}$2`)
        : undefined,
    );
    expect(await zipPart(file, "xl/worksheets/sheet1.xml")).toContain(OLD_DEN_NGAY);
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
    expect(book.getWorksheet("Thông tin chung")!.getCell("D11").formula).toBe(
      'IF(OR(ISBLANK(CCHC_KY_BAO_CAO),ISBLANK(CCHC_NAM)),"",IFERROR(CCHC.DENNGAY(CCHC_KY_BAO_CAO,CCHC_NAM)+DATE(1904,1,1)-1462,CCHC.DENNGAY(CCHC_KY_BAO_CAO,CCHC_NAM)))',
    );
    expect((await checkFile(file)).figures.figures.get("tu_ngay")?.value).toEqual({
      type: "number",
      value: TYPED_1900,
    });
  });
});

/**
 * The default form's sample with a document list and the report's own date, and its copy in
 * the 1904 date system: every path reads, installs and reports each date as in the original.
 * One document date sits in a General cell (a pasted value), read as a date by its place.
 */
describe("a 1904 copy of the sample", () => {
  let original: string;
  let copy: string;
  const day = (year: number, month: number, d: number) => new Date(Date.UTC(year, month - 1, d));
  /** 15/08/2025 in the 1900 system. */
  const AUGUST_15 = toExcelSerial({ year: 2025, month: 8, day: 15 });

  beforeAll(async () => {
    const sample = path.join(dir, "xa.xlsx");
    await createTemplateFile(sample, { sample: true });
    const book = await readBack(sample);
    const docs = book.getWorksheet("Danh mục văn bản")!;
    docs.getRow(4).values = [1, "12/KH-UBND", day(2025, 7, 21), "Kế hoạch thử"];
    docs.getRow(5).values = [2, "13/KH-UBND", AUGUST_15, "Kế hoạch thử (ngày dán dạng số)"];
    namedCell(book, "CCHC_NGAY_BAN_HANH").value = day(2025, 9, 18);
    original = path.join(dir, "xa-1900.xlsx");
    await saveWorkbookFile(book, original, { overwrite: true });
    copy = path.join(dir, "xa-1904.xlsx");
    await copyAs1904(original, copy, { "Danh mục văn bản": ["C5"] });
    expect(await zipPart(copy, "xl/workbook.xml")).toMatch(/date1904="1"/);
  });

  /** The dates the core works with: the period's (computed, or typed over), the report's, the list's. */
  const datesOf = (read: { figures: Figures; documents: readonly DocumentRow[] }) => {
    const evaluated = evaluateIndicators(read.figures, DEFAULT_CATALOGUE);
    return {
      figures: ["tu_ngay", "den_ngay", "ngay_ban_hanh"].map((id) => evaluated.get(id)?.value),
      documents: read.documents.map((d) => d.date),
    };
  };
  const EXPECTED = {
    figures: [
      // xa-2025's units began on 1/7/2025 (issue 21): its Quý III/2025 starts then, not 15/6.
      toExcelSerial({ year: 2025, month: 7, day: 1 }),
      toExcelSerial({ year: 2025, month: 9, day: 14 }),
      toExcelSerial({ year: 2025, month: 9, day: 18 }),
    ],
    documents: [
      { type: "number", value: toExcelSerial({ year: 2025, month: 7, day: 21 }) },
      { type: "number", value: AUGUST_15 },
    ],
  };

  it("check reads every date as the original, with the same findings", async () => {
    const [a, b] = [await checkFile(original), await checkFile(copy)];
    expect(datesOf(a.figures)).toEqual(EXPECTED);
    expect(datesOf(b.figures)).toEqual(EXPECTED);
    expect(b.findings).toEqual(a.findings);
    // No date read 4 years off («nằm ngoài kỳ số liệu»); the count of 2 listed against 6 typed stays.
    expect(b.findings.filter((f) => f.checkId.startsWith("doc:")).map((f) => f.checkId)).toEqual([
      "doc:count",
    ]);
  });

  it("the consolidation's reader and the ExcelJS reader read the same dates", async () => {
    for (const file of [original, copy]) {
      const entry = await readFigureFile(file);
      if (!entry.ok) throw new Error(entry.reason);
      expect(datesOf(entry)).toEqual(EXPECTED);
      expect(datesOf(readWorkbookFigures(await readBack(file)))).toEqual(EXPECTED);
    }
  });

  it("install keeps every date; report prints Phụ lục II and the report's date as the original", async () => {
    const installed = path.join(dir, "xa-1904-cai.xlsx");
    fs.copyFileSync(copy, installed);
    expect(await main(["install", installed], bufferIo())).toBe(0);
    expect(await zipPart(installed, "xl/workbook.xml")).toMatch(/date1904="1"/);
    expect(datesOf((await checkFile(installed)).figures)).toEqual(EXPECTED);

    const printed = async (file: string) => {
      const out = path.join(dir, `bc-${path.basename(file)}`);
      expect(await main(["report", file, "-o", out, "--force"], bufferIo())).toBe(0);
      const sheet = (await readBack(out)).getWorksheet("Phụ lục II")!;
      const dates: string[] = [];
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value instanceof Date) dates.push(cell.value.toISOString().slice(0, 10));
        }),
      );
      return dates;
    };
    expect(await printed(original)).toEqual(["2025-07-21", "2025-08-15"]);
    expect(await printed(copy)).toEqual(["2025-07-21", "2025-08-15"]);
    expect(await printed(installed)).toEqual(["2025-07-21", "2025-08-15"]);
  });

  it("a workbook reported, then moved to the 1904 system, is not taken for one edited by hand", async () => {
    const reported = path.join(dir, "xa-1900-bc.xlsx");
    fs.copyFileSync(original, reported);
    expect(await main(["report", reported], bufferIo())).toBe(0);
    // As LibreOffice converts it: the flag, and every date (Phụ lục II's too) 1462 lower.
    const moved = path.join(dir, "xa-1900-bc-1904.xlsx");
    await copyAs1904(reported, moved, { "Danh mục văn bản": ["C5"] });
    const io = bufferIo();
    expect(await main(["report", moved], io)).toBe(0);
    expect(io.stdout + io.stderr).not.toMatch(/sửa tay/);
    expect((await readBack(moved)).worksheets.map((w) => w.name).filter((n) => /sửa tay/.test(n))).toEqual(
      [],
    );
  });

  it("report again into the same 1904 file keeps no «sửa tay» copy; a real edit is still kept", async () => {
    const reported = path.join(dir, "xa-1904-bc.xlsx");
    fs.copyFileSync(copy, reported);
    const report = async () => {
      const io = bufferIo();
      expect(await main(["report", reported], io)).toBe(0);
      return io.stdout + io.stderr;
    };
    await report();
    // Phụ lục II's dates are stored in the 1904 system; what the report recorded of the sheet is too.
    expect(await report()).not.toMatch(/sửa tay/);
    const sheets = () => readBack(reported).then((book) => book.worksheets.map((w) => w.name));
    expect((await sheets()).filter((name) => /sửa tay/.test(name))).toEqual([]);
    // A date typed over by hand in the printed list is an edit: that sheet is kept, renamed.
    const book = await readBack(reported);
    const list = book.getWorksheet("Phụ lục II")!;
    let edited = false;
    list.eachRow((row) =>
      row.eachCell((cell) => {
        if (!edited && cell.value instanceof Date) {
          cell.value = day(2025, 7, 22);
          edited = true;
        }
      }),
    );
    expect(edited).toBe(true);
    await saveWorkbookFile(book, reported, { overwrite: true });
    expect(await report()).toMatch(/«Phụ lục II \(sửa tay\)»/);
  });
});
