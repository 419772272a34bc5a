/**
 * The proofreader of a report's prose (issue 18, «Soát số liệu trong văn bản»): paragraphs of
 * text in, findings out, each naming its paragraph, quoting the sentence, the percentage as
 * written and what it should be at the precision written. Pure: the adapters read .docx, .txt
 * and .md into paragraphs (src/docx/readText.ts); the arithmetic is the core's (`ratio`,
 * `roundHalfAwayFromZero`), the very one the appendix and the CCHC.* functions use.
 */
import { FigureError, ratio, roundHalfAwayFromZero } from "../arithmetic";
import { findClaims, type PercentClaim } from "./claims";

export { findClaims, type PercentClaim, type WrittenFigure } from "./claims";
export { readNumbers, readViNumber, type NumberToken, type NumberRole } from "./numbers";

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
 * A ratio (0.9047…) as a vi-VN percentage with exactly `decimals` decimals, rounded half away
 * from zero like the appendix's cells (`90,48%`, `100,00%`, `70%`).
 */
export function formatPercentVi(value: number, decimals: number): string {
  const rounded = roundHalfAwayFromZero(value * 100, decimals);
  const [whole, fraction] = rounded.toFixed(decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${grouped}${fraction ? `,${fraction}` : ""}%`;
}

/** The appendix shows ratios with two decimals (Phụ lục: `0.00%`). */
export const APPENDIX_DECIMALS = 2;

/**
 * Whether `percent` (as written, e.g. 90.4 with 1 decimal) is `value` (a ratio, 0.9047…) rounded
 * at the precision written. Only correct rounding passes: 90,4% for 90,476…% is the truncation
 * and is wrong (the real report's «76 (Đạt 90,4%)»).
 */
export function percentMatches(percent: { value: number; decimals: number }, value: number): boolean {
  return roundHalfAwayFromZero(value * 100, percent.decimals) === roundHalfAwayFromZero(percent.value, percent.decimals);
}

/** The ratio of a claim's figures, or undefined when it has none (0 of 0, a zero total). */
export function claimRatio(claim: PercentClaim): number | undefined {
  try {
    const value = ratio(claim.numerator.value, claim.denominator.value);
    return value === "" ? undefined : value;
  } catch (error) {
    if (error instanceof FigureError) return undefined;
    throw error;
  }
}

/** «nên là 90,5% (90,48%)»: the value at the precision written, and at the appendix's when finer. */
export function shouldBe(value: number, decimals: number): { expected: string; exact: string; text: string } {
  const expected = formatPercentVi(value, decimals);
  const exact = formatPercentVi(value, APPENDIX_DECIMALS);
  return { expected, exact, text: decimals >= APPENDIX_DECIMALS ? expected : `${expected} (${exact})` };
}

/**
 * Splits a paragraph into sentences, keeping the text as written: a sentence ends at «.», «!»,
 * «?» or «…» followed by a space and a capital, a digit, a list mark or a quote. Decimal commas
 * and grouped thousands («17.990») never split (no space after the dot).
 */
export function splitSentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?…])\s+(?=[\p{Lu}\d\-+*"“(])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A finding for a claim whose percentage does not follow from its figures, or undefined. */
export function checkClaim(claim: PercentClaim, paragraph: number, sentence: string): ProofFinding | undefined {
  const value = claimRatio(claim);
  if (value === undefined || percentMatches(claim.percent, value)) return undefined;
  const { expected, exact, text } = shouldBe(value, claim.percent.decimals);
  const written = `${claim.percent.text}%`;
  return {
    severity: "error",
    checkId: "proofread:arithmetic",
    ids: [],
    cells: [],
    paragraph,
    sentence,
    excerpt: claim.excerpt,
    written,
    expected,
    exact,
    message: `Đoạn ${paragraph}: «${claim.excerpt}»: ${claim.numerator.text}/${claim.denominator.text} = ${exact}, ghi ${written} là sai; nên là ${text}.`,
  };
}

/** Every sentence of the document with its paragraph number (1-based, non-empty paragraphs). */
export function sentencesOf(paragraphs: readonly string[]): Array<{ paragraph: number; sentence: string }> {
  const result: Array<{ paragraph: number; sentence: string }> = [];
  let number = 0;
  for (const text of paragraphs) {
    if (!text.trim()) continue;
    number++;
    for (const sentence of splitSentences(text)) result.push({ paragraph: number, sentence });
  }
  return result;
}

/**
 * The proofreader: every percentage of the text that does not follow from the figures written
 * beside it, in document order. `paragraphs` are the document's paragraphs as read (empty ones
 * are skipped and not numbered). Never throws for any text.
 */
export function proofread(paragraphs: readonly string[]): ProofFinding[] {
  const findings: ProofFinding[] = [];
  for (const { paragraph, sentence } of sentencesOf(paragraphs)) {
    for (const claim of findClaims(sentence)) {
      const finding = checkClaim(claim, paragraph, sentence);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}
