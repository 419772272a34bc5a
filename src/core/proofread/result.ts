/** What the proofreader reports, and how it writes percentages (shared by its two checks). */
import { formatPercentVi, PERCENT_DECIMALS, roundedPercent, roundHalfAwayFromZero } from "../arithmetic";

/** A percentage the text gets wrong. */
export interface ProofFinding {
  /** Always an error: a wrong figure in a signed report. */
  severity: "error";
  /** `proofread:arithmetic` (the figures beside it) or `proofread:figures` (the workbook's). */
  checkId: string;
  /** Indicators concerned (with the workbook's figures), else empty. */
  ids: string[];
  /** Workbook cells concerned (with the workbook's figures), else empty. */
  cells: string[];
  /** 1-based number of the paragraph among the document's non-empty paragraphs. */
  paragraph: number;
  /** The sentence as written. */
  sentence: string;
  /** Offset in the sentence of the value written (for highlighting; findings sort on it). */
  offset: number;
  /** The words from the first figure to the percentage, e.g. «76 (Đạt 90,4%)». */
  excerpt: string;
  /** What is written, e.g. `90,4%` (or a figure, for a figure beside an indicator's wording). */
  written: string;
  /** What it should be at the precision written, e.g. `90,5%`. */
  expected: string;
  /** The value at the appendix's precision (two decimals), e.g. `90,48%`. */
  exact: string;
  /** One Vietnamese line saying what is wrong and what it should be. */
  message: string;
}

/**
 * Whether `percent` (as written, e.g. 90.4 with 1 decimal) is `value` (a ratio, 0.9047…) rounded
 * at the precision written. Only correct rounding passes: 90,4% for 90,476…% is the truncation
 * and is wrong (the real report's «76 (Đạt 90,4%)»).
 */
export function percentMatches(percent: { value: number; decimals: number }, value: number): boolean {
  return roundedPercent(value, percent.decimals) === roundHalfAwayFromZero(percent.value, percent.decimals);
}

/** «nên là 90,5% (90,48%)»: the value at the precision written, and at the appendix's when finer. */
export function shouldBe(value: number, decimals: number): { expected: string; exact: string; text: string } {
  const expected = formatPercentVi(value, decimals);
  const exact = formatPercentVi(value);
  return { expected, exact, text: decimals >= PERCENT_DECIMALS ? expected : `${expected} (${exact})` };
}

/** Where a wrong value was read: its paragraph, the sentence, the words quoted and the value's offset. */
export interface ProofPlace {
  paragraph: number;
  sentence: string;
  excerpt: string;
  offset: number;
}

/** Which check found it, and the workbook's indicators and cells concerned (empty without one). */
export interface ProofSource {
  checkId: string;
  ids: string[];
  cells: string[];
}

/**
 * The finding for a percentage written `text`% at `decimals` decimals where the ratio `value`
 * (0.9047…) is right: «Đoạn 14: «76 (Đạt 90,4%)»: <why> = 90,48%, ghi 90,4% là sai; nên là
 * 90,5% (90,48%).», `why` saying where the right value comes from («76/84», «theo bảng tính, Tỷ
 * lệ … là»). The caller has found it wrong (`percentMatches`).
 */
export function wrongPercent(
  place: ProofPlace,
  written: { text: string; decimals: number },
  value: number,
  source: ProofSource,
  why: string,
): ProofFinding {
  const { expected, exact, text } = shouldBe(value, written.decimals);
  const shown = `${written.text}%`;
  return {
    severity: "error",
    ...source,
    ...place,
    written: shown,
    expected,
    exact,
    message: `Đoạn ${place.paragraph}: «${place.excerpt}»: ${why} ${exact}, ghi ${shown} là sai; nên là ${text}.`,
  };
}
