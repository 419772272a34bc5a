/**
 * Consolidation into the open workbook through the Office.js adapter, on the in-memory fake:
 * two syncs whatever the number of units, the consolidated figures in the input cells with the
 * workbook's own Thông tin chung kept, the two consolidation sheets; another form or no form is
 * refused after the read, with nothing written.
 */
import { inputName } from "../../src/core/catalogue";
import { builtinCatalogue, DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import { consolidateUnits, type ReadWorkbook } from "../../src/core/consolidate";
import { consolidateIntoWorkbook } from "../../src/excel/consolidate";
import { FakeWorkbook } from "../fakes/fakeExcel";
import { unitWorkbook } from "../support/consolidation";
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
      expect(result).toEqual({ ok: true, sheets: ["Tổng hợp theo đơn vị", "Tệp tổng hợp"] });
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
