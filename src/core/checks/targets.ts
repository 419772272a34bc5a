/**
 * Targets missed: a figure or rate on the wrong side of the target the form sets for it
 * (`target: { value, better }`, docs/catalogue-format.md, «Targets»). A warning, not an
 * error: the report is still right; it says the unit fell short of what the province asked.
 */
import { formatPercentVi } from "../arithmetic";
import { argIds } from "../catalogue";
import { meetsTarget, targetText, targetValueText } from "../targets";
import { cellsOf, fullLabel, type CheckContext } from "./context";
import type { Finding } from "./finding";

/**
 * A warning for every indicator with a target whose evaluated value misses it, naming the
 * cell, the value and the target as the report prints them (`45,00%`, `≥ 60,00%`). A blank or
 * invalid value is not judged (blanks and kinds have their own findings).
 */
export function targetFindings(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const indicator of ctx.catalogue.indicators) {
    const target = indicator.target;
    if (!target || ctx.invalid.has(indicator.id)) continue;
    const value = ctx.evaluated.get(indicator.id)?.value;
    if (typeof value !== "number" || meetsTarget(target, value)) continue;
    let shown = targetValueText(indicator, value);
    // A rate just short of its target may print as the target itself: say the unrounded rate.
    if (shown === targetValueText(indicator, target.value) && indicator.kind === "ratio")
      shown = `${formatPercentVi(value, 4)} (làm tròn ${shown})`;
    // A rate has no typed cell of its own: the cells it is computed from are named instead.
    const own = cellsOf(ctx, [indicator.id]);
    const from = indicator.formula ? cellsOf(ctx, indicator.formula.args.flatMap(argIds)) : [];
    const cells = own.length > 0 ? own : from;
    const where =
      own.length > 0 ? ` (ô ${own[0]})` : from.length > 0 ? ` (tính từ ô ${from.join(", ")})` : "";
    findings.push({
      severity: "warning",
      checkId: `target:${indicator.id}`,
      ids: [indicator.id],
      cells,
      message: `${fullLabel(ctx, indicator.id)}${where} là ${shown}${
        indicator.kind === "ratio" || indicator.kind === "percent" || !indicator.unit
          ? ""
          : ` ${indicator.unit}`
      }, chưa đạt chỉ tiêu ${targetText(indicator)} mà mẫu báo cáo đặt ra.`,
    });
  }
  return findings;
}
