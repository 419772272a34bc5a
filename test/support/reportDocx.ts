/**
 * The real Đức Thọ report (test/fixtures/proofread) as a Word .docx, generated with the `docx`
 * library the way Word writes one: every paragraph of the Markdown text a paragraph, its text
 * split over several runs (bold and plain), so the reader must join runs to see a sentence.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { textParagraphs } from "../../src/docx/readText";

export const REPORT_MD = path.join(
  __dirname,
  "..",
  "fixtures",
  "proofread",
  "bao-cao-cchc-quy-III-2021-huyen-duc-tho.md",
);

/** The report's paragraphs as the proofreader reads the Markdown. */
export function reportParagraphs(): string[] {
  return textParagraphs(readFileSync(REPORT_MD, "utf8"), "md");
}

/** A paragraph in runs: split at every comma, the first run bold (as a heading's lead often is). */
function runs(text: string): TextRun[] {
  const pieces = text.split(/(?<=,)/);
  return pieces.map((piece, i) => new TextRun({ text: piece, bold: i === 0 && pieces.length > 1 }));
}

/** A .docx of the given paragraphs (empty ones kept, as Word keeps blank lines). */
export async function docxOf(paragraphs: readonly string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph({ children: runs(text) })) }],
  });
  return Packer.toBuffer(doc);
}

/** The whole real report as a .docx. */
export function reportDocx(): Promise<Buffer> {
  return docxOf(reportParagraphs());
}
