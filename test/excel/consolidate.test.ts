/**
 * Consolidation into the open workbook through the Office.js adapter, on the in-memory fake:
 * two syncs whatever the number of units, the consolidated figures in the input cells with the
 * workbook's own Thông tin chung kept, the two consolidation sheets; another form or no form is
 * refused after the read, with nothing written.
 */
import { inputName } from "../../src/core/catalogue";
import { builtinCatalogue, DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import { consolidateUnits, type ReadWorkbook } from "../../src/core/consolidate";
import { toExcelSerial } from "../../src/core/period";
import { consolidateIntoWorkbook } from "../../src/excel/consolidate";
import { FakeWorkbook } from "../fakes/fakeExcel";
import { unitWorkbook } from "../support/consolidation";
import { documentsFromSample } from "../support/plans";
import { installedWorkbook } from "./support";

const XA = builtinCatalogue("cchc-xa")!;

function units(count: number): ReadWorkbook[] {
  return Array.from({ length: count }, (_, i) =>
    unitWorkbook(
      `xa-${i}.xlsx`,
      {
        co_quan: `UBND XÃ ${i}`,
        ky_bao_cao: "Quý III",
        nam: 2026,
        hs_dagq: 10 + i,
        hs_dagq_dunghan: 8,
        hs_dagq_quahan: 2 + i,
      },
      XA,
    ),
  );
}

describe("consolidateIntoWorkbook", () => {
  it.each([3, 60])(
    "%i units: two syncs, sums in the input cells, own Thông tin chung kept",
    async (count) => {
      const book = await installedWorkbook({ catalogue: builtinCatalogue("cchc-xa")! });
      book.type(inputName("co_quan"), "SỞ NỘI VỤ TỈNH THỬ");
      book.type(inputName("hs_dagq"), 999);
      const outcome = consolidateUnits(units(count));
      const { result, syncs } = await book.run((context) =>
        consolidateIntoWorkbook(context, outcome.result!, outcome.files),
      );
      expect(syncs).toBe(2);
      expect(result).toEqual({
        ok: true,
        sheets: ["Tổng hợp theo đơn vị", "Tệp tổng hợp"],
        keptDocuments: 0,
      });
      const sum = (f: (i: number) => number) =>
        Array.from({ length: count }, (_, i) => f(i)).reduce((a, b) => a + b);
      expect(book.valueOf(book.refOf(inputName("hs_dagq")))).toBe(sum((i) => 10 + i));
      expect(book.valueOf(book.refOf(inputName("hs_dagq_quahan")))).toBe(sum((i) => 2 + i));
      expect(book.valueOf(book.refOf(inputName("co_quan")))).toBe("SỞ NỘI VỤ TỈNH THỬ");
      expect(book.valueOf(book.refOf(inputName("ky_bao_cao")))).toBe("Quý III");
      const total = 5 + count;
      expect(book.valueOf(`'Tổng hợp theo đơn vị'!B${total + 1}`)).toBe(`Tổng cộng (${count} đơn vị)`);
      expect(book.valueOf(`'Tệp tổng hợp'!A2`)).toBe(`${count} tệp: ${count} đã tổng hợp, 0 bị loại.`);
    },
  );

  it("finds the form in a workbook whose own sheet is named _CCHC (the meta under its alternate)", async () => {
    const book = await installedWorkbook({ catalogue: XA }, { sheets: ["Sheet1", "_CCHC"] });
    book.type("'_CCHC'!A1", "ghi chép riêng");
    const outcome = consolidateUnits(units(3));
    const { result, syncs } = await book.run((context) =>
      consolidateIntoWorkbook(context, outcome.result!, outcome.files),
    );
    expect(syncs).toBe(2);
    expect(result).toMatchObject({ ok: true });
    expect(book.valueOf(book.refOf(inputName("hs_dagq")))).toBe(10 + 11 + 12);
    expect(book.valueOf("'_CCHC'!A1")).toBe("ghi chép riêng");
  });

  describe("the units' documents in «Danh mục văn bản»", () => {
    const list = (cell: string) => `'Danh mục văn bản'!${cell}`;
    const withDocuments = () =>
      units(3).map((unit, i) => ({
        ...unit,
        documents: documentsFromSample(
          i === 1
            ? []
            : [{ number: `${i + 1}/KH-UBND`, date: `2026-07-1${i}`, summary: `Kế hoạch của xã ${i}` }],
        ),
      }));

    it("an empty list gets them, Ghi chú naming the unit, still in two syncs", async () => {
      const book = await installedWorkbook({ catalogue: XA });
      const outcome = consolidateUnits(withDocuments());
      const { result, syncs } = await book.run((context) =>
        consolidateIntoWorkbook(context, outcome.result!, outcome.files),
      );
      expect(syncs).toBe(2);
      expect(result).toMatchObject({ ok: true, keptDocuments: 0 });
      expect(
        [4, 5].map((r) => ["A", "B", "C", "D", "E"].map((c) => book.formulaOf(list(`${c}${r}`)))),
      ).toEqual([
        [1, "1/KH-UBND", toExcelSerial({ year: 2026, month: 7, day: 10 }), "Kế hoạch của xã 0", "UBND XÃ 0"],
        [2, "3/KH-UBND", toExcelSerial({ year: 2026, month: 7, day: 12 }), "Kế hoạch của xã 2", "UBND XÃ 2"],
      ]);
      expect(book.formulaOf(list("B6"))).toBe("");
    });

    it("a list holding typed documents is kept as typed, and the outcome says so", async () => {
      const book = await installedWorkbook({ catalogue: XA });
      book.type(list("A4"), 1);
      book.type(list("B4"), "01/BC-SNV");
      book.type(list("D4"), "Báo cáo của Sở");
      book.type(list("E4"), "gõ tay");
      const outcome = consolidateUnits(withDocuments());
      const { result, syncs } = await book.run((context) =>
        consolidateIntoWorkbook(context, outcome.result!, outcome.files),
      );
      expect(syncs).toBe(2);
      expect(result).toMatchObject({ ok: true, keptDocuments: 1 });
      expect(
        [4, 5].map((r) => ["A", "B", "C", "D", "E"].map((c) => book.formulaOf(list(`${c}${r}`)))),
      ).toEqual([
        [1, "01/BC-SNV", "", "Báo cáo của Sở", "gõ tay"],
        ["", "", "", "", ""],
      ]);
    });
  });

  it("refuses a workbook of another form after one sync, writing nothing", async () => {
    const book = await installedWorkbook({ catalogue: DISTRICT_CATALOGUE });
    const before = book.sheetNames();
    const outcome = consolidateUnits(units(2));
    const { result, syncs } = await book.run((context) =>
      consolidateIntoWorkbook(context, outcome.result!, outcome.files),
    );
    expect(syncs).toBe(1);
    expect(result).toEqual({
      ok: false,
      reason: "otherForm",
      expected: "«cchc-xa» phiên bản 1.0.0",
      found: "«huyen-2021» phiên bản 2021.1",
    });
    expect(book.sheetNames()).toEqual(before);
  });

  it("refuses a workbook without the form", async () => {
    const book = new FakeWorkbook();
    const outcome = consolidateUnits(units(2));
    const { result, syncs } = await book.run((context) =>
      consolidateIntoWorkbook(context, outcome.result!, outcome.files),
    );
    expect(syncs).toBe(1);
    expect(result).toMatchObject({ ok: false, reason: "notInstalled" });
    expect(book.sheetNames()).toEqual(["Sheet1"]);
  });
});
