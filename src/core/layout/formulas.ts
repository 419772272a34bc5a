/**
 * The CCHC.* formulas of the installed sheets, written over the indicators' defined names.
 *
 * Every call is wrapped in a blank test of its own, e.g.
 * `=IF(OR(ISBLANK(CCHC_KH_HOANTHANH),ISBLANK(CCHC_KH_TONG)),"",CCHC.TYLE(…))`: Excel for Windows
 * passes an empty cell to a custom function as 0 while Excel on the web passes it as blank
 * (office-js issue 4702), so without the test `TYLE(5, <blank>)` would be `#DIV/0!` on desktop
 * and empty on the web. The test covers exactly the arguments whose blankness the core answers
 * with an empty result (src/core/arithmetic.ts, src/core/period.ts); an argument the core reads
 * as 0 when blank (DUNGHAN's late count, KIEMTRA's parts) needs none, since 0 is what desktop
 * passes. The result is then the same on every host and equal to the cached value the core
 * computes.
 */
import { inputName, type Indicator } from "../catalogue";

/** `ISBLANK(A)` or `OR(ISBLANK(A),ISBLANK(B))`. */
function anyBlank(names: readonly string[]): string {
  const tests = names.map((name) => `ISBLANK(${name})`);
  return tests.length === 1 ? tests[0] : `OR(${tests.join(",")})`;
}

/** `IF(<any of names blank>,"",call)`: the call only sees the arguments once they are typed. */
function emptyWhenBlank(names: readonly string[], call: string): string {
  return `IF(${anyBlank(names)},"",${call})`;
}

/**
 * Which arguments of each catalogue formula give an empty result when blank: TYLE's both
 * (`ratio`), DUNGHAN's on-time count only (`onTimeRate` reads a blank late count as 0).
 */
const BLANK_MEANS_EMPTY: Record<NonNullable<Indicator["formula"]>["fn"], readonly number[]> = {
  TYLE: [0, 1],
  DUNGHAN: [0],
};

/**
 * The formula of a computed indicator, or undefined for a typed one:
 * `=IF(OR(ISBLANK(CCHC_KH_HOANTHANH),ISBLANK(CCHC_KH_TONG)),"",CCHC.TYLE(CCHC_KH_HOANTHANH,CCHC_KH_TONG))`
 * for a ratio, the same around `CCHC.TUNGAY(CCHC_KY_BAO_CAO,CCHC_NAM)` for a derived date (both
 * arguments: `periodStartSerial` is empty when either is blank).
 */
export function indicatorFormula(indicator: Indicator): string | undefined {
  if (indicator.formula) {
    const args = indicator.formula.args.map(inputName);
    const tested = BLANK_MEANS_EMPTY[indicator.formula.fn].map((i) => args[i]);
    return `=${emptyWhenBlank(tested, `CCHC.${indicator.formula.fn}(${args.join(",")})`)}`;
  }
  if (indicator.derived) {
    const args = [inputName("ky_bao_cao"), inputName("nam")];
    return `=${emptyWhenBlank(args, `CCHC.${indicator.derived}(${args.join(",")})`)}`;
  }
  return undefined;
}

/**
 * `=IF(ISBLANK(CCHC_HS_TONG),"",CCHC.KIEMTRA(CCHC_HS_TONG,CCHC_HS_MOI,CCHC_HS_KYTRUOC))`: empty
 * until the total is typed; blank parts count as 0 (`sumMismatch`), as desktop passes them.
 */
export function sumCheckFormula(total: string, parts: readonly string[]): string {
  const names = [total, ...parts].map(inputName);
  return `=${emptyWhenBlank([names[0]], `CCHC.KIEMTRA(${names.join(",")})`)}`;
}

/**
 * Whether a formula found in a workbook is one of ours (rewritten on install) rather than a
 * user's own: Excel may hand it back as `CCHC.X(` or, unresolved, with the `_xldudf_` prefix.
 */
export function isOwnFormula(formula: string): boolean {
  return /(^|[^A-Z0-9_])(CCHC\.|_xldudf_CCHC_)/i.test(formula);
}
