/**
 * The consolidated workbook as sheet descriptions: the same install as any new workbook of the
 * form (names, formulas, validation, the meta sheet), with the consolidated figures typed into
 * the input cells and every cached value recomputed from them, plus the breakdown and file
 * sheets. So `check` and `report` work on it like on any other workbook.
 */
import { inputName } from "../catalogue";
import { evaluateIndicators } from "../evaluate";
import { fillCachedValues, figuresOfPlans, planInstall } from "../install";
import type { CellPlan, SheetPlan } from "../layout/model";
import { formatDateVi, fromExcelSerial } from "../period";
import { scoreCriteria } from "../scoring";
import type { Consolidation, FileStatus } from "./model";
import { breakdownSheetPlan, filesSheetPlan } from "./sheets";

/**
 * Types `values` (id → number, text or null) into the input cells of installed sheet plans,
 * found through their defined names, then recomputes every cached value (ratios, checks,
 * scores) by the core. A derived date given a value becomes a typed date, as a user would
 * type over it. Mutates `plans`.
 */
export function typeFigures(plans: SheetPlan[], result: Pick<Consolidation, "catalogue" | "values">): void {
  const byName = new Map<string, CellPlan>();
  for (const plan of plans) {
    const cells = new Map(plan.cells.map((c) => [c.address, c]));
    for (const name of plan.names) {
      const found = cells.get(name.address);
      if (found) byName.set(name.name, found);
    }
  }
  for (const [id, value] of Object.entries(result.values)) {
    const target = byName.get(inputName(id));
    if (!target) continue;
    if (target.formula) {
      if (value === null) continue; // a derived date left to its formula
      delete target.formula;
      delete target.computes;
      delete target.cached;
    }
    target.value = value;
  }
  const evaluated = evaluateIndicators(figuresOfPlans(plans, result.catalogue), result.catalogue);
  fillCachedValues(plans, evaluated, scoreCriteria(result.catalogue, evaluated, new Map()));
}

/**
 * Every sheet of a new consolidated workbook, in tab order: the form's sheets holding the
 * consolidated figures, the breakdown, the file list, and the very hidden meta sheet last.
 */
export function consolidatedWorkbookPlan(
  result: Consolidation,
  files: readonly FileStatus[],
  options: { over: "units" | "periods"; subtitle: string },
): SheetPlan[] {
  const plans = planInstall({ sheetNames: [], sheets: new Map() }, { catalogue: result.catalogue }).sheets;
  typeFigures(plans, result);
  const meta = plans.filter((p) => p.role === "meta");
  return [
    ...plans.filter((p) => p.role !== "meta"),
    breakdownSheetPlan(result, options),
    filesSheetPlan(files),
    ...meta,
  ];
}

/** `Kỳ Quý III/2026 (số liệu 15/06/2026 – 14/09/2026), 3 đơn vị` */
export function consolidationSubtitle(result: Consolidation): string {
  const period = result.values.ky_bao_cao;
  const year = result.values.nam;
  const from = result.evaluated.get("tu_ngay")?.value;
  const to = result.evaluated.get("den_ngay")?.value;
  const label = period && year ? `Kỳ ${period}/${year}` : "Kỳ báo cáo chưa ghi";
  return typeof from === "number" && typeof to === "number"
    ? `${label} (số liệu ${formatSerial(from)} – ${formatSerial(to)})`
    : label;
}

const formatSerial = (serial: number) => formatDateVi(fromExcelSerial(serial));
