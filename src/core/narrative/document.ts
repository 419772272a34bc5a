/**
 * The plain description of the narrative report that `buildDraft` produces and an adapter
 * (src/docx) turns into a file: paragraphs of runs, tables, and the parts Nghị định 30/2020
 * (Phụ lục I, Mẫu 1.4) fixes (header, title, signature). No layout engine's types: the same
 * description could become a .docx, an .odt or HTML.
 */

/** A stretch of text with one look. `highlight` marks what a person must still write or check. */
export interface DraftRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  highlight?: boolean;
}

/** A paragraph of the body. */
export interface DraftParagraph {
  kind: "paragraph";
  runs: DraftRun[];
  /** `body`: justified, first-line indent; `heading`: a bold heading of the outline at `level`. */
  role: "body" | "heading";
  /** 1 for «I. …», 2 for «1. …», 3 below. */
  level?: number;
}

/** A table cell: its text (lines), its look, and how many columns it spans. */
export interface DraftCell {
  runs: DraftRun[];
  align?: "left" | "center" | "right";
  span?: number;
  /** The cell is shaded as the workbook's error rows are. */
  shaded?: boolean;
}

/** A table laid out as in the workbook: column widths in characters (Excel's unit), header rows first. */
export interface DraftTable {
  kind: "table";
  columns: number[];
  headerRows: number;
  rows: DraftCell[][];
  /** Font size in points. */
  size: number;
}

export type DraftBlock = DraftParagraph | DraftTable;

/** The header block of an administrative document (Nghị định 30/2020, Điều 8–9). */
export interface DocumentHeader {
  /** The parent body, upper case, not bold; "" when there is none. */
  superior: string;
  /** The issuing body's lines, bold, a short rule under the last. */
  bodyLines: string[];
  /** «Số: 125/BC-UBND» */
  symbol: string;
  /** «Đức Thọ, ngày 15 tháng 9 năm 2021», italic. */
  placeAndDate: string;
}

/** The signature block (Nghị định 30/2020, Điều 12–13) beside «Nơi nhận». */
export interface SignatureBlock {
  /** «Nơi nhận:» then one recipient a line. */
  recipients: string[];
  /** TM./KT. lines then the signer's title, bold upper case. */
  authority: string[];
  /** The signer's name, bold; "" when not given (then a highlighted prompt is printed). */
  signer: string;
}

/**
 * An appendix: its title lines (bold, then italic), its table, and the page it is printed on,
 * the one its workbook appendix prints on (a wide table, Phụ lục I.1, on a landscape page).
 */
export interface DraftAppendix {
  titleLines: DraftRun[][];
  table: DraftTable;
  orientation: "portrait" | "landscape";
}

/** The whole draft. */
export interface DraftDocument {
  header: DocumentHeader;
  /** The document type, «BÁO CÁO». */
  kind: string;
  /** The trích yếu, bold. */
  summary: string;
  /** «Kính gửi: …» runs (a highlighted prompt when the recipient is unknown). */
  addressee: DraftRun[];
  /** Highlighted notices for the first page (errors left in the workbook). */
  notices: DraftParagraph[];
  body: DraftBlock[];
  signature: SignatureBlock;
  appendices: DraftAppendix[];
}

/** The plain text of runs. */
export function runsText(runs: readonly DraftRun[]): string {
  return runs.map((r) => r.text).join("");
}
