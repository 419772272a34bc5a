/**
 * A workbook in the 1904 date system through Office.js: `values` are serials of that system, so
 * the reader asks `use1904DateSystem` (ExcelApi 1.16) in its one sync and the core reads every
 * date as the same day. An Excel without 1.16 still reads in one sync, without the correction.
 */
import { DATE1904_OFFSET } from "../../src/core/figures";
import { readWorkbook } from "../../src/excel/readFigures";
import { detectCapabilities } from "../../src/excel/capabilities";
import { DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import { generateReport } from "../../src/excel/generateReport";
import { installSheets } from "../../src/excel/installSheets";
import { FakeWorkbook } from "../fakes/fakeExcel";
import { installedWorkbook } from "./support";

/** 20/09/2021: serial 44459 in the 1900 system, 42997 in the 1904 system. */
const TYPED_1900 = 44_459;
const TYPED_1904 = TYPED_1900 - DATE1904_OFFSET;

describe("the 1904 date system", () => {
  it("reads a typed date as the day it shows, in one sync", async () => {
    const book = await installedWorkbook({ sample: true });
    book.date1904 = true;
    // A date typed in a 1904 workbook is stored as its 1904 serial.
    book.paste("CCHC_TU_NGAY", TYPED_1904);
    const { result, syncs } = await book.run((context) => readWorkbook(context));
    expect(syncs).toBe(1);
    expect(result.figures.get("tu_ngay")?.value).toEqual({ type: "number", value: TYPED_1900 });
    // Numbers that are not dates are left alone.
    expect(result.figures.get("kh_tong")?.value).toEqual({ type: "number", value: 47 });
  });

  it("reads a 1900 workbook unchanged", async () => {
    const book = await installedWorkbook({ sample: true });
    book.paste("CCHC_TU_NGAY", TYPED_1900);
    const { result } = await book.run((context) => readWorkbook(context));
    expect(result.figures.get("tu_ngay")?.value).toEqual({ type: "number", value: TYPED_1900 });
  });

  it("does not ask an Excel older than ExcelApi 1.16 (the read would fail); still one sync", async () => {
    const book = await installedWorkbook({ sample: true }, { apiVersion: "1.15" });
    book.date1904 = true;
    book.paste("CCHC_TU_NGAY", TYPED_1904);
    const capabilities = detectCapabilities((name, version) => book.isSetSupported(name, version));
    expect(capabilities.dateSystem).toBe(false);
    const { result, syncs } = await book.run((context) => readWorkbook(context, { capabilities }));
    expect(syncs).toBe(1);
    expect(result.figures.get("tu_ngay")?.value).toEqual({ type: "number", value: TYPED_1904 });
  });
});

describe("the 1904 date system, written through Office.js", () => {
  /** 21/07/2021 in the 1900 system. */
  const DOC_1900 = 44_398;

  /** A 1904 workbook with the sample and one document typed, stored as its 1904 serial. */
  async function bookWithDocument(): Promise<FakeWorkbook> {
    const book = new FakeWorkbook();
    book.date1904 = true;
    await book.run((context) => installSheets(context, { catalogue: DISTRICT_CATALOGUE, sample: true }));
    book.paste("'Danh mục văn bản'!B4", "12/KH-UBND");
    book.paste("'Danh mục văn bản'!C4", DOC_1900 - DATE1904_OFFSET);
    book.paste("'Danh mục văn bản'!D4", "Kế hoạch thử");
    return book;
  }

  it("report enters Phụ lục II's dates as the workbook's own serials, the same days", async () => {
    const book = await bookWithDocument();
    const { result } = await book.run((context) => readWorkbook(context));
    expect(result.documents.map((d) => d.date)).toEqual([{ type: "number", value: DOC_1900 }]);
    await book.run((context) => generateReport(context, { generatedAt: new Date(Date.UTC(2021, 9, 1)) }));
    const dates = Array.from({ length: 40 }, (_, r) => book.valueOf(`'Phụ lục II'!C${r + 1}`)).filter(
      (v): v is number => typeof v === "number" && v > 30_000,
    );
    expect(dates).toEqual([DOC_1900 - DATE1904_OFFSET]);
  });

  it("report again keeps no «sửa tay» copy of Phụ lục II: its 1904 dates are what was recorded", async () => {
    const book = await bookWithDocument();
    const report = () =>
      book.run((context) => generateReport(context, { generatedAt: new Date(Date.UTC(2021, 9, 1)) }));
    await report();
    const again = await report();
    expect(again.result.keptEdited).toEqual([]);
    expect(book.sheetNames().filter((name) => /sửa tay/.test(name))).toEqual([]);
  });
});
