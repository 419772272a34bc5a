/**
 * A blank cell gives the same result on every Excel host. Excel for Windows passes an empty cell
 * to a custom function as 0, Excel on the web as blank (office-js issue 4702); the installed
 * formulas test blankness themselves, so every formula cell of the installed sheets evaluates
 * the same with blank passed either way, and equal to the cached value the core wrote.
 * Evaluated by test/support/formula-evaluator.ts, over the sample with figures blanked at random.
 */
import fc from "fast-check";
import { DEFAULT_CATALOGUE, inputName } from "../../src/core/catalogue";
import { SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { planInstall, type ExistingWorkbook } from "../../src/core/install";
import { parseAddress, type SheetPlan } from "../../src/core/layout/model";
import { PlanWorkbook, type Value } from "../support/formula-evaluator";
import { workbookOf } from "../support/plans";

const EMPTY: ExistingWorkbook = { sheetNames: [], sheets: new Map() };
const SAMPLE = planInstall(EMPTY, { sample: true }).sheets;
/** Every typed figure of the sample that a user could leave blank. */
const TYPED = Object.keys(SAMPLE_FIGURES).filter(
  (id) => !DEFAULT_CATALOGUE.indicators.find((i) => i.id === id)?.formula,
);

/** The installed sheets again, after the user emptied `blanked` in the sample. */
function withBlanks(blanked: readonly string[]): SheetPlan[] {
  const workbook = workbookOf(SAMPLE);
  for (const id of blanked) {
    for (const plan of SAMPLE) {
      const target = plan.names.find((n) => n.name === inputName(id));
      if (!target) continue;
      const { row, column } = parseAddress(target.address);
      (workbook.sheets.get(plan.name)!.cells[row - 1] as unknown[])[column - 1] = null;
    }
  }
  return planInstall(workbook).sheets;
}

/** What each formula cell shows on the web and on desktop, beside its cached value. */
function results(plans: readonly SheetPlan[]) {
  const book = new PlanWorkbook(plans);
  const rows: Array<{ cell: string; web: Value; desktop: Value; cached: unknown }> = [];
  for (const plan of plans) {
    for (const cell of plan.cells.filter((c) => c.formula)) {
      rows.push({
        cell: `${plan.name}!${cell.address}`,
        web: book.valueAt(plan, cell.address, "web"),
        desktop: book.valueAt(plan, cell.address, "desktop"),
        cached: cell.cached ?? "",
      });
    }
  }
  return rows;
}

/** Cached values are numbers or text; the evaluator's match them within float noise. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

function disagreements(plans: readonly SheetPlan[]) {
  return results(plans).filter((r) => !same(r.web, r.desktop) || !same(r.web, r.cached));
}

describe("the installed formulas on Excel desktop (blank = 0) and on the web (blank)", () => {
  it("agree with each other and with the cached value in the sample, every formula cell", () => {
    const rows = results(SAMPLE);
    expect(rows.length).toBeGreaterThan(50);
    expect(disagreements(SAMPLE)).toEqual([]);
  });

  it("agree in a blank template: empty results, no #DIV/0! or #VALUE!", () => {
    const blank = planInstall(EMPTY).sheets;
    expect(disagreements(blank)).toEqual([]);
    const shown = results(blank).map((r) => r.desktop);
    expect(shown.filter((v) => typeof v === "string" && v.startsWith("#"))).toEqual([]);
  });

  it("agree where only a numerator or only a denominator is typed", () => {
    const numeratorOnly = withBlanks(["kh_tong"]);
    const book = new PlanWorkbook(numeratorOnly);
    expect(book.valueOfName("CCHC_KH_TYLE", "desktop")).toBe("");
    expect(book.valueOfName("CCHC_KH_TYLE", "web")).toBe("");
    const denominatorOnly = new PlanWorkbook(withBlanks(["kh_hoanthanh"]));
    expect(denominatorOnly.valueOfName("CCHC_KH_TYLE", "desktop")).toBe("");
    // A blank late count is 0 late (the core's rule), on both hosts: the sample leaves it blank.
    const sample = new PlanWorkbook(SAMPLE);
    expect(sample.valueOfName("CCHC_HSN_QUAHAN", "web")).toBeNull();
    expect(sample.valueOfName("CCHC_HSN_TYLE", "desktop")).toBe(1);
    expect(sample.valueOfName("CCHC_HSN_TYLE", "web")).toBe(1);
    // …and a blank on-time count leaves the rate empty, not 0%.
    const noOnTime = new PlanWorkbook(withBlanks(["hsn_dunghan"]));
    expect(noOnTime.valueOfName("CCHC_HSN_TYLE", "desktop")).toBe("");
    expect(disagreements(numeratorOnly)).toEqual([]);
  });

  it("agree whichever figures are left blank", () => {
    fc.assert(
      fc.property(fc.subarray(TYPED, { minLength: 1, maxLength: 12 }), (blanked) => {
        expect(disagreements(withBlanks(blanked))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("would differ without the blank test: the evaluator sees what desktop does to a bare call", () => {
    const plans = withBlanks(["kh_tong"]);
    const sheet = plans.find((p) => p.names.some((n) => n.name === "CCHC_KH_TYLE"))!;
    const book = new PlanWorkbook(plans);
    const bare = "=CCHC.TYLE(CCHC_KH_HOANTHANH,CCHC_KH_TONG)";
    expect(book.evaluateFormula(bare, sheet, "web")).toBe("");
    expect(book.evaluateFormula(bare, sheet, "desktop")).toBe("#DIV/0!");
    const period = "=CCHC.TUNGAY(CCHC_KY_BAO_CAO,CCHC_NAM)";
    const noPeriod = new PlanWorkbook(withBlanks(["ky_bao_cao"]));
    expect(noPeriod.evaluateFormula(period, sheet, "web")).toBe("");
    expect(noPeriod.evaluateFormula(period, sheet, "desktop")).toBe("#VALUE!");
  });
});
