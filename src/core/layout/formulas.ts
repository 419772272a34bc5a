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
import { inputName, type Indicator, type RatioArg } from "../catalogue";
import { DATE1904_OFFSET } from "../dates";

/**
 * A ratio argument in a formula and its blank test: the name, or for a summed list
 * `SUM(…)`, blank only when all of its cells are (as the core's `numericOfArg` reads it, so
 * the cell and the report agree).
 */
function argOf(arg: RatioArg): { expression: string; blank: string } {
  if (typeof arg === "string") return { expression: inputName(arg), blank: `ISBLANK(${inputName(arg)})` };
  const names = arg.map(inputName);
  const tests = names.map((name) => `ISBLANK(${name})`);
  return {
    expression: `SUM(${names.join(",")})`,
    blank: tests.length === 1 ? tests[0] : `AND(${tests.join(",")})`,
  };
}

/** `ISBLANK(A)` or `OR(ISBLANK(A),ISBLANK(B))`, from blank tests. */
function anyBlank(tests: readonly string[]): string {
  return tests.length === 1 ? tests[0] : `OR(${tests.join(",")})`;
}

/** `IF(<any test true>,"",call)`: the call only sees the arguments once they are typed. */
function emptyWhenBlank(tests: readonly string[], call: string): string {
  return `IF(${anyBlank(tests)},"",${call})`;
}

/**
 * A custom function's 1900-system date serial (ECMA-376 Part 1, §18.17.4.1) as the workbook's own
 * date: a custom function cannot know the workbook's date system, but a formula can, since
 * `DATE(1904,1,1)` is 1462 in the 1900 system and 0 in the 1904 one (`date1904`, §18.2.28; Excel
 * for Mac, LibreOffice's option), so the sum is the same calendar day in either.
 *
 * IFERROR rather than a bare sum: the function also returns "" for arguments ISBLANK does not see
 * as blank (a cell holding spaces: `isBlank` trims), and ""+n would turn that empty result into
 * #VALUE!. When the sum fails, the call itself is the result: its "" stays "", and its own error
 * (an unknown period, with its message) is shown as before, not hidden. The call is repeated
 * there only (no LET, which older Excel lacks); it is cheap and pure.
 */
function inWorkbookDateSystem(call: string): string {
  return `IFERROR(${call}+DATE(1904,1,1)-${DATE1904_OFFSET},${call})`;
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
 * for a ratio, the same around a derived date (both arguments: `periodStartSerial` is empty when
 * either is blank), whose call is shifted into the workbook's date system:
 * `IFERROR(CCHC.TUNGAY(CCHC_KY_BAO_CAO,CCHC_NAM)+DATE(1904,1,1)-1462,CCHC.TUNGAY(…))`; a form
 * whose units began on a known day (`unitsFrom`) passes it as a third argument, ISO text
 * `"2025-07-01"`, so the cell's window starts there as the core's does.
 */
export function indicatorFormula(indicator: Indicator, unitsFrom?: string): string | undefined {
  if (indicator.formula) {
    const args = indicator.formula.args.map(argOf);
    const tested = BLANK_MEANS_EMPTY[indicator.formula.fn].map((i) => args[i].blank);
    const call = `CCHC.${indicator.formula.fn}(${args.map((a) => a.expression).join(",")})`;
    return `=${emptyWhenBlank(tested, call)}`;
  }
  if (indicator.derived) {
    const args = [inputName("ky_bao_cao"), inputName("nam")];
    // The founding day goes as ISO text, not a DATE(): a serial would depend on the date system.
    const start = unitsFrom ? [`"${unitsFrom}"`] : [];
    return `=${emptyWhenBlank(
      args.map((name) => `ISBLANK(${name})`),
      inWorkbookDateSystem(`CCHC.${indicator.derived}(${[...args, ...start].join(",")})`),
    )}`;
  }
  return undefined;
}

/**
 * `=IF(ISBLANK(CCHC_HS_TONG),"",CCHC.KIEMTRA(CCHC_HS_TONG,CCHC_HS_MOI,CCHC_HS_KYTRUOC))`: empty
 * until the total is typed; blank parts count as 0 (`sumMismatch`), as desktop passes them.
 */
export function sumCheckFormula(total: string, parts: readonly string[]): string {
  const names = [total, ...parts].map(inputName);
  return `=${emptyWhenBlank([`ISBLANK(${names[0]})`], `CCHC.KIEMTRA(${names.join(",")})`)}`;
}

/**
 * Whether a formula found in a workbook is one of ours (rewritten on install) rather than a
 * user's own: Excel may hand it back as `CCHC.X(` or, unresolved, with the `_xldudf_` prefix.
 */
export function isOwnFormula(formula: string): boolean {
  return /(^|[^A-Z0-9_])(CCHC\.|_xldudf_CCHC_)/i.test(formula);
}
