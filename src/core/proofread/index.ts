/**
 * The proofreader of a report's prose (issue 18, «Soát số liệu trong văn bản»): paragraphs of
 * text in, findings out, each naming its paragraph, quoting the sentence, the percentage as
 * written and what it should be at the precision written. Pure: the adapters read .docx, .txt
 * and .md into paragraphs (src/docx/readText.ts); the arithmetic is the core's (`ratio`,
 * `roundHalfAwayFromZero`), the very one the appendix and the CCHC.* functions use.
 */
import { FigureError, ratio } from "../arithmetic";
import type { Catalogue } from "../catalogue";
import type { Figures } from "../figures";
import { findClaims, type PercentClaim } from "./claims";
import { checkAgainstWorkbook, workbookContext, type WorkbookContext } from "./figures";
import { percentMatches, wrongPercent, type ProofFinding } from "./result";

export { findClaims, type PercentClaim, type WrittenFigure } from "./claims";
export { percentMatches, shouldBe, type ProofFinding } from "./result";
export { workbookContext, type WorkbookContext } from "./figures";
export { readNumbers, readViNumber, type NumberToken, type NumberRole } from "./numbers";

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
export function checkClaim(
  claim: PercentClaim,
  paragraph: number,
  sentence: string,
): ProofFinding | undefined {
  const value = claimRatio(claim);
  if (value === undefined || percentMatches(claim.percent, value)) return undefined;
  return wrongPercent(
    { paragraph, sentence, excerpt: claim.excerpt, offset: claim.percentStart },
    claim.percent,
    value,
    { checkId: "proofread:arithmetic", ids: [], cells: [] },
    `${claim.numerator.text}/${claim.denominator.text} =`,
  );
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

/** The workbook a document is proofread against: its figures read by an adapter, and its form. */
export interface ProofWorkbook {
  figures: Figures;
  catalogue: Catalogue;
}

/**
 * The proofreader: every percentage of the text that does not follow from the figures written
 * beside it and, given a workbook, every percentage or figure that is not the workbook's (see
 * ./figures), in document order; a percentage wrong on both counts is one finding, carrying the
 * workbook's indicators and cells. `paragraphs` are the document's paragraphs as read (empty
 * ones are skipped and not numbered). Never throws for any text.
 */
export function proofread(paragraphs: readonly string[], workbook?: ProofWorkbook): ProofFinding[] {
  const context: WorkbookContext | undefined =
    workbook && workbookContext(workbook.figures, workbook.catalogue);
  const findings: ProofFinding[] = [];
  for (const { paragraph, sentence } of sentencesOf(paragraphs)) {
    const own = findClaims(sentence)
      .map((claim) => checkClaim(claim, paragraph, sentence))
      .filter((f): f is ProofFinding => f !== undefined);
    const theirs = context ? checkAgainstWorkbook(paragraph, sentence, context) : [];
    for (const other of theirs) {
      const same = own.find((f) => f.offset === other.offset);
      if (same) {
        same.ids = other.ids;
        same.cells = other.cells;
      } else {
        own.push(other);
      }
    }
    findings.push(...own.sort((a, b) => a.offset - b.offset));
  }
  return findings;
}
