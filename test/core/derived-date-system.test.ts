/**
 * The derived dates (Từ ngày, Đến ngày) are the same calendar day in a workbook of either date
 * system. CCHC.TUNGAY / CCHC.DENNGAY return 1900-system serials (a custom function cannot know the
 * workbook's system); the installed formula shifts them by DATE(1904,1,1)-1462, which is 0 in a
 * 1900 workbook and -1462 in a 1904 one (ECMA-376 Part 1, §18.17.4.1). Evaluated by
 * test/support/formula-evaluator.ts, whose DATE counts from the workbook's system.
 */
import { DISTRICT_CATALOGUE, inputName } from "../../src/core/catalogue";
import { fromExcelSerial, serialFromWorkbook } from "../../src/core/dates";
import { planInstall, type ExistingWorkbook } from "../../src/core/install";
import { parseAddress, type SheetPlan } from "../../src/core/layout/model";
import { PlanWorkbook, type Value } from "../support/formula-evaluator";
import { workbookOf } from "../support/plans";

const EMPTY: ExistingWorkbook = { sheetNames: [], sheets: new Map() };
const SAMPLE = planInstall(EMPTY, { sample: true, catalogue: DISTRICT_CATALOGUE }).sheets;

/** The installed sample again, after the user typed `values` (by indicator id). */
function withValues(values: Record<string, unknown>): SheetPlan[] {
  const workbook = workbookOf(SAMPLE);
  for (const [id, value] of Object.entries(values))
    for (const plan of SAMPLE) {
      const target = plan.names.find((n) => n.name === inputName(id));
      if (!target) continue;
      const { row, column } = parseAddress(target.address);
      (workbook.sheets.get(plan.name)!.cells[row - 1] as unknown[])[column - 1] = value;
    }
  return planInstall(workbook).sheets;
}

/** The day a cell's value shows in a workbook of the given system, as dd/mm/yyyy. */
function dayShown(value: Value, date1904: boolean): Value {
  if (typeof value !== "number") return value;
  const { year, month, day } = fromExcelSerial(serialFromWorkbook(value, date1904));
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/** Từ ngày and Đến ngày as a workbook of each system shows them, on both hosts. */
function periodShown(plans: SheetPlan[]) {
  const shown: Record<string, Value> = {};
  for (const date1904 of [false, true]) {
    const book = new PlanWorkbook(plans, { date1904 });
    for (const host of ["web", "desktop"] as const)
      for (const name of ["CCHC_TU_NGAY", "CCHC_DEN_NGAY"])
        shown[`${date1904 ? "1904" : "1900"} ${host} ${name}`] = dayShown(
          book.valueOfName(name, host),
          date1904,
        );
  }
  return shown;
}

describe("derived dates in a 1900 and a 1904 workbook", () => {
  it("show the same calendar day in both: Quý III/2025 runs from 15/06/2025 to 14/09/2025", () => {
    const shown = periodShown(withValues({ ky_bao_cao: "Quý III", nam: 2025 }));
    for (const [key, value] of Object.entries(shown))
      expect([key, value]).toEqual([key, key.endsWith("TU_NGAY") ? "15/06/2025" : "14/09/2025"]);
  });

  it("the sample's Quý III/2021: the 1904 workbook's serial is 1462 lower, the 1900 one the core's", () => {
    const tuNgay = SAMPLE.flatMap((p) => p.cells).find(
      (c) => c.computes?.type === "indicator" && c.computes.id === "tu_ngay",
    )!;
    expect(new PlanWorkbook(SAMPLE).valueOfName("CCHC_TU_NGAY", "web")).toBe(tuNgay.cached);
    expect(new PlanWorkbook(SAMPLE, { date1904: true }).valueOfName("CCHC_TU_NGAY", "web")).toBe(
      (tuNgay.cached as number) - 1462,
    );
    expect(dayShown(tuNgay.cached as number, false)).toBe("15/06/2021");
  });

  it("stay empty when a period cell holds only spaces, and an unknown period stays an error", () => {
    const spaces = periodShown(withValues({ ky_bao_cao: "   ", nam: 2025 }));
    for (const [key, value] of Object.entries(spaces)) expect([key, value]).toEqual([key, ""]);
    const unknown = periodShown(withValues({ ky_bao_cao: "Quý V", nam: 2025 }));
    for (const [key, value] of Object.entries(unknown)) expect([key, value]).toEqual([key, "#VALUE!"]);
  });
});
