/**
 * Targets a form sets per indicator (`target: { value, better }`, docs/catalogue-format.md
 * «Chỉ tiêu cần đạt»): whether a value meets one and how it is written, once for `check` (a
 * target missed) and for Phụ lục I (its «Chỉ tiêu» column).
 */
import { formatNumberVi, formatPercentVi, percentDecimalsOf } from "./arithmetic";
import type { Indicator, IndicatorTarget } from "./catalogue";

/**
 * Whether `value` (in the indicator's terms: a ratio as a fraction) meets `target`: ≥ its value
 * when higher is better, ≤ when lower is. Exact, not on the printed rounding: 99,996 % prints as
 * 100,00 % but does not meet a target of 100 % on time.
 */
export function meetsTarget(target: IndicatorTarget, value: number): boolean {
  return target.better === "higher" ? value >= target.value : value <= target.value;
}

/**
 * A value in the indicator's terms as the report prints it: `60,00%` for a computed rate, a
 * typed percentage with the decimals it has (`90%`, `96,8%`: a fraction, as the cell holds it),
 * `1.200` else.
 */
export function targetValueText(indicator: Pick<Indicator, "kind">, value: number): string {
  if (indicator.kind === "ratio") return formatPercentVi(value);
  if (indicator.kind === "percent") return formatPercentVi(value, percentDecimalsOf(value));
  return formatNumberVi(value);
}

/** The target as Phụ lục I prints it: `≥ 60,00%`, `≤ 5`; "" when the indicator has none. */
export function targetText(indicator: Pick<Indicator, "kind" | "target">): string {
  const target = indicator.target;
  if (!target) return "";
  return `${target.better === "higher" ? "≥" : "≤"} ${targetValueText(indicator, target.value)}`;
}
