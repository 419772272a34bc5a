/**
 * Consolidation over periods into the open workbook through the Office.js adapter, on the
 * in-memory fake: one unit's 6 tháng and Quý III 2026 into its 9 tháng report. Known answers (a
 * flow summed, a stock from the latest period, a ratio recomputed from the summed parts, never
 * the average of the two rates), two syncs for the write, Thông tin chung carrying the target
 * period and the unit's details without overwriting what the user typed, the breakdown's rows
 * being the periods; and a gap refused by the core with nothing to write.
 */
import { inputName } from "../../src/core/catalogue";
import { checkFigures } from "../../src/core/checks";
import { consolidatePeriods, PERIODS_SHEET } from "../../src/core/consolidate";
import { evaluateIndicators } from "../../src/core/evaluate";
import { toExcelSerial } from "../../src/core/period";
import { consolidateIntoWorkbook } from "../../src/excel/consolidate";
import { readWithOwnCatalogue } from "../../src/excel/readFigures";
import type { FakeWorkbook } from "../fakes/fakeExcel";
import { TEST_CATALOGUE, unitWorkbook } from "../support/consolidation";
import { installedWorkbook } from "./support";

const UNIT = {
  co_quan: "UBND XÃ AN BÌNH",
  tinh: "Hà Tĩnh",
  quyen_han_ky: "TM. ỦY BAN NHÂN DÂN",
  chuc_vu_ky: "CHỦ TỊCH",
  nguoi_ky: "Trần Văn Bình",
  so_ky_hieu: "45/BC-UBND",
};
/** 6 tháng: 90 of 100 on time (90%); staff 20 of 20. */
const HALF_YEAR = {
  ...UNIT,
  ky_bao_cao: "6 tháng",
  nam: 2026,
  hs_nhan: 100,
  hs_dunghan: 90,
  hs_quahan: 10,
  kinh_phi: 1.5,
  mo_hinh: "Một cửa số",
  bien_che: 20,
  co_mat: 20,
  mot_cua: "Có",
};
/** Quý III: 30 of 50 on time (60%); staff 22 given, 21 present at the end. */
const Q3 = {
  ...UNIT,
  so_ky_hieu: "98/BC-UBND",
  ky_bao_cao: "Quý III",
  nam: 2026,
  hs_nhan: 50,
  hs_dunghan: 30,
  hs_quahan: 20,
  kinh_phi: 2.25,
  mo_hinh: "Phi giấy tờ",
  bien_che: 22,
  co_mat: 21,
  mot_cua: "Không",
};
const TARGET = { period: "9 tháng", year: 2026 } as const;

const periods = () => [unitWorkbook("quy3.xlsx", Q3), unitWorkbook("6thang.xlsx", HALF_YEAR)];

/** The unit's own 9-month workbook, partly filled in by hand. */
async function openWorkbook(): Promise<FakeWorkbook> {
  const book = await installedWorkbook({ catalogue: TEST_CATALOGUE });
  book.type(inputName("ky_bao_cao"), "Quý III");
  book.type(inputName("nam"), 2026);
  book.type(inputName("nguoi_ky"), "Nguyễn Thị Hoa"); // a new signer: typed, kept
  book.type(inputName("mo_hinh"), "Mô hình «Chính quyền số»"); // typed, kept
  book.type(inputName("hs_nhan"), 999); // a count: the consolidation's, as over units
  return book;
}

/** The column of an indicator on the breakdown sheet (its id is in row 5). */
function breakdownColumn(book: FakeWorkbook, id: string): string {
  for (let c = 5; c < 60; c++) {
    const letter = String.fromCharCode(64 + c);
    if (book.valueOf(`'${PERIODS_SHEET.name}'!${letter}5`) === id) return letter;
  }
  throw new Error(`no column for ${id}`);
}

describe("consolidateIntoWorkbook over periods", () => {
  it("writes 6 tháng + Quý III as 9 tháng in two syncs: flows summed, stocks the latest, ratios recomputed", async () => {
    const book = await openWorkbook();
    const outcome = consolidatePeriods(periods(), TARGET);
    expect(outcome.problem).toBeUndefined();
    const { result, syncs } = await book.run((context) =>
      consolidateIntoWorkbook(context, outcome.result!, outcome.files, { over: "periods" }),
    );
    expect(syncs).toBe(2);
    expect(result).toEqual({ ok: true, sheets: ["Tổng hợp theo kỳ", "Tệp tổng hợp"], keptDocuments: 0 });

    const value = (id: string) => book.valueOf(book.refOf(inputName(id)));
    // Flows summed (the typed 999 replaced, as over units), stocks from Quý III.
    expect([value("hs_nhan"), value("hs_dunghan"), value("hs_quahan"), value("kinh_phi")]).toEqual([
      150, 120, 30, 3.75,
    ]);
    expect([value("bien_che"), value("co_mat")]).toEqual([22, 21]);
    // The target period; the unit's details fill the blank cells; what the user typed stays.
    expect([value("ky_bao_cao"), value("nam")]).toEqual(["9 tháng", 2026]);
    expect([value("co_quan"), value("tinh"), value("chuc_vu_ky")]).toEqual([
      "UBND XÃ AN BÌNH",
      "Hà Tĩnh",
      "CHỦ TỊCH",
    ]);
    expect(value("nguoi_ky")).toBe("Nguyễn Thị Hoa");
    expect(value("mo_hinh")).toBe("Mô hình «Chính quyền số»");
    expect(value("mot_cua")).toBe("Không");
    // The report's own number is not the inputs': left to type.
    expect(value("so_ky_hieu")).toBe("");

    // What Excel computes from the workbook now: the recomputed rates and the 9-month window.
    const { reading, catalogue } = (
      await book.run((context) => readWithOwnCatalogue(context, TEST_CATALOGUE))
    ).result;
    const evaluated = evaluateIndicators(reading.figures, catalogue);
    expect(evaluated.get("hs_tyle")?.value).toBe(0.8); // 120 / 150, not (90% + 60%) / 2
    expect(evaluated.get("co_mat_tyle")?.value).toBeCloseTo(21 / 22, 12);
    expect(evaluated.get("tu_ngay")?.value).toBe(toExcelSerial({ year: 2025, month: 12, day: 15 }));
    expect(evaluated.get("den_ngay")?.value).toBe(toExcelSerial({ year: 2026, month: 9, day: 14 }));

    // The breakdown: one row per period in date order, then the total equal to the result.
    const sheet = (at: string) => book.valueOf(`'${PERIODS_SHEET.name}'!${at}`);
    expect(sheet("A1")).toBe("TỔNG HỢP SỐ LIỆU CCHC THEO KỲ");
    expect(String(sheet("A2"))).toMatch(/^Kỳ 9 tháng\/2026 \(số liệu 15\/12\/2025 – 14\/09\/2026\)/);
    expect(sheet("B3")).toBe("Kỳ số liệu");
    expect([sheet("B6"), sheet("B7"), sheet("B8")]).toEqual([
      "6 tháng/2026, 15/12/2025 – 14/06/2026",
      "Quý III/2026, 15/06/2026 – 14/09/2026",
      "Tổng cộng (2 kỳ)",
    ]);
    const rate = breakdownColumn(book, "hs_tyle");
    expect([sheet(`${rate}6`), sheet(`${rate}7`), sheet(`${rate}8`)]).toEqual([0.9, 0.6, 0.8]);
    const staff = breakdownColumn(book, "bien_che");
    expect([sheet(`${staff}6`), sheet(`${staff}7`), sheet(`${staff}8`)]).toEqual([20, 22, 22]);
    expect(book.valueOf("'Tệp tổng hợp'!A2")).toBe("2 tệp: 2 đã tổng hợp, 0 bị loại.");
  });

  it("gives a data-period date the user typed over its formula the target's date", async () => {
    const book = await openWorkbook();
    book.paste(book.refOf(inputName("tu_ngay")), toExcelSerial({ year: 2026, month: 6, day: 15 }));
    const outcome = consolidatePeriods(periods(), TARGET);
    await book.run((context) =>
      consolidateIntoWorkbook(context, outcome.result!, outcome.files, { over: "periods" }),
    );
    expect(book.valueOf(book.refOf(inputName("tu_ngay")))).toBe(
      toExcelSerial({ year: 2025, month: 12, day: 15 }),
    );
    expect(String(book.formulaOf(book.refOf(inputName("den_ngay"))))).toMatch(/^=/);
  });

  it("still takes two syncs when the breakdown sheet is there from an earlier run", async () => {
    const book = await openWorkbook();
    const outcome = consolidatePeriods(periods(), TARGET);
    const write = () =>
      book.run((context) =>
        consolidateIntoWorkbook(context, outcome.result!, outcome.files, { over: "periods" }),
      );
    await write();
    const again = await write();
    expect(again.syncs).toBe(2);
    expect(book.sheetNames().filter((n) => n === PERIODS_SHEET.name)).toHaveLength(1);
  });

  it("refuses after one read a workbook whose Thông tin chung names another unit, changing nothing", async () => {
    const book = await openWorkbook();
    book.type(inputName("co_quan"), "UBND XÃ CẨM HÀ");
    const before = book.sheetNames();
    const outcome = consolidatePeriods(periods(), TARGET);
    const { result, syncs } = await book.run((context) =>
      consolidateIntoWorkbook(context, outcome.result!, outcome.files, { over: "periods" }),
    );
    expect(syncs).toBe(1);
    expect(result).toEqual({
      ok: false,
      reason: "otherUnit",
      expected: "UBND XÃ AN BÌNH",
      found: "UBND XÃ CẨM HÀ",
    });
    expect(book.sheetNames()).toEqual(before);
    expect(book.valueOf(book.refOf(inputName("hs_nhan")))).toBe(999);
  });

  it("takes the unit's name however it is spaced or cased", async () => {
    const book = await openWorkbook();
    book.type(inputName("co_quan"), "  ubnd xã   an bình ");
    const outcome = consolidatePeriods(periods(), TARGET);
    const { result } = await book.run((context) =>
      consolidateIntoWorkbook(context, outcome.result!, outcome.files, { over: "periods" }),
    );
    expect(result).toMatchObject({ ok: true });
    expect(book.valueOf(book.refOf(inputName("co_quan")))).toBe("  ubnd xã   an bình ");
  });

  it("has nothing to write when the periods leave a gap: the core names the dates", () => {
    const outcome = consolidatePeriods(periods(), { period: "Năm", year: 2026 });
    expect(outcome.result).toBeUndefined();
    expect(outcome.problem).toBe(
      "Các kỳ số liệu không ghép đúng kỳ Năm/2026 (15/12/2025 – 14/12/2026): thiếu số liệu 15/09/2026 – 14/12/2026.",
    );
  });

  it("writes a «Tùy chọn» target's days over the date formulas, in two syncs, and the result checks clean (issue 21)", async () => {
    const book = await openWorkbook();
    const q4 = { ...Q3, ky_bao_cao: "Quý IV", so_ky_hieu: "120/BC-UBND" };
    const from = toExcelSerial({ year: 2026, month: 6, day: 15 });
    const to = toExcelSerial({ year: 2026, month: 12, day: 14 });
    const outcome = consolidatePeriods([unitWorkbook("quy3.xlsx", Q3), unitWorkbook("quy4.xlsx", q4)], {
      period: "Tùy chọn",
      year: 2026,
      from,
      to,
    });
    expect(outcome.problem).toBeUndefined();
    const { syncs } = await book.run((context) =>
      consolidateIntoWorkbook(context, outcome.result!, outcome.files, { over: "periods" }),
    );
    expect(syncs).toBe(2);
    const value = (id: string) => book.valueOf(book.refOf(inputName(id)));
    expect([value("ky_bao_cao"), value("nam"), value("tu_ngay"), value("den_ngay")]).toEqual([
      "Tùy chọn",
      2026,
      from,
      to,
    ]);
    expect(value("hs_nhan")).toBe(100);
    const { reading, catalogue } = (
      await book.run((context) => readWithOwnCatalogue(context, TEST_CATALOGUE))
    ).result;
    const periodFindings = checkFigures(reading.figures, [], catalogue).filter((f) =>
      f.checkId.startsWith("period:"),
    );
    expect(periodFindings).toEqual([]);
  });
});
