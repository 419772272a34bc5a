/** The CCHC.* formulas of the installed sheets, written over the indicators' defined names. */
import { inputName, type Indicator } from "../catalogue";

/** `=CCHC.TYLE(CCHC_KH_HOANTHANH,CCHC_KH_TONG)` for a ratio, `=CCHC.TUNGAY(…)` for a derived date. */
export function indicatorFormula(indicator: Indicator): string | undefined {
  if (indicator.formula) {
    const [a, b] = indicator.formula.args.map(inputName);
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
