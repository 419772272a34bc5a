/** The CCHC.* formulas of the installed sheets, written over the indicators' defined names. */
import { inputName, type Indicator, type RatioArg } from "../catalogue";

/**
 * A ratio argument in a formula: the name, or for a summed list the sum of the names, blank
 * when all of them are (as the core's `numericOfArg` reads it, so the cell and the report agree).
 */
function argFormula(arg: RatioArg): string {
  if (typeof arg === "string") return inputName(arg);
  const names = arg.map(inputName).join(",");
  return `IF(COUNT(${names})=0,"",SUM(${names}))`;
}

/** `=CCHC.TYLE(CCHC_KH_HOANTHANH,CCHC_KH_TONG)` for a ratio, `=CCHC.TUNGAY(…)` for a derived date. */
export function indicatorFormula(indicator: Indicator): string | undefined {
  if (indicator.formula) {
    const [a, b] = indicator.formula.args.map(argFormula);
    return `=CCHC.${indicator.formula.fn}(${a},${b})`;
  }
  if (indicator.derived) {
    return `=CCHC.${indicator.derived}(${inputName("ky_bao_cao")},${inputName("nam")})`;
  }
  return undefined;
}

/** `=CCHC.KIEMTRA(CCHC_HS_TONG,CCHC_HS_MOI,CCHC_HS_KYTRUOC)` */
export function sumCheckFormula(total: string, parts: readonly string[]): string {
  return `=CCHC.KIEMTRA(${[total, ...parts].map(inputName).join(",")})`;
}

/**
 * Whether a formula found in a workbook is one of ours (rewritten on install) rather than a
 * user's own: Excel may hand it back as `CCHC.X(` or, unresolved, with the `_xldudf_` prefix.
 */
export function isOwnFormula(formula: string): boolean {
  return /(^|[^A-Z0-9_])(CCHC\.|_xldudf_CCHC_)/i.test(formula);
}
