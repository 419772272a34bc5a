/**
 * The draft (src/core/narrative) as a Word .docx, written by the `docx` library: the same code
 * in Node (`cchc draft`) and in the browser (the pane). No file system here: the caller writes
 * or downloads the bytes. The page follows Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins top
 * and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 justified with a first-line
 * indent; the page number centred at the top from page 2. The top margin is 22 mm, inside the
 * decree's 20–25 mm, so that an engine that fits the page number's header above the text
 * (LibreOffice takes up to 2 mm of the margin for it) still starts the text below 20 mm.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from "docx";
import type {
  DraftAppendix,
  DraftBlock,
  DraftCell,
  DraftDocument,
  DraftParagraph,
  DraftRun,
  DraftTable,
} from "../core/narrative/document";

/** Twips (1/1440 inch) per millimetre. */
const MM = 1440 / 25.4;
const mm = (n: number) => Math.round(n * MM);
/** A4 and margins within those of Nghị định 30/2020, Phụ lục I, mục II.1 (20–25, 20–25, 30–35, 15–20 mm). */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(22), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
} as const;
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** The text width of a landscape page (an appendix whose workbook sheet prints landscape). */
const LANDSCAPE_TEXT_WIDTH = PAGE.height - PAGE.margin.left - PAGE.margin.right;
/** The font of administrative documents (Nghị định 30/2020, Điều 8: Times New Roman, Unicode). */
export const FONT = "Times New Roman";
const FIRST_LINE = mm(10);
const HEADER_LEFT = Math.round(TEXT_WIDTH * 0.4);
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;

const half = (points: number) => points * 2;

function textRun(run: DraftRun, size: number, extra: { bold?: boolean; italics?: boolean } = {}): TextRun {
  return new TextRun({
    text: run.text,
    font: FONT,
    size: half(size),
    bold: run.bold || extra.bold,
    italics: run.italic || extra.italics,
    ...(run.highlight ? { highlight: "yellow" as const } : {}),
  });
}

function line(
  text: string,
  size: number,
  options: { bold?: boolean; italics?: boolean; align?: "center" | "left"; after?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: options.align === "left" ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: { before: 0, after: options.after ?? 0 },
    children: [textRun({ text }, size, options)],
  });
}

/**
 * A horizontal rule drawn as the bottom border of an empty paragraph `width` twips wide, centred
 * in a column `column` twips wide (Nghị định 30/2020 asks for rules of a set length).
 */
function rule(width: number, column: number): Paragraph {
  const side = Math.max(0, Math.round((column - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120, lineRule: "exact" },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [new TextRun({ text: "", font: FONT, size: 4 })],
  });
}

/**
 * The printed width of a line of Times New Roman Bold, estimated from average glyph widths
 * (capitals 0.72 em, small letters 0.5 em, spaces and punctuation 0.28 em): the motto's rule is
 * as long as the motto.
 */
function boldTextWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text.normalize("NFC")) {
    if (/\s|[-.,:]/.test(ch)) em += 0.28;
    else if (ch === ch.toLocaleUpperCase("vi") && ch !== ch.toLocaleLowerCase("vi")) em += 0.72;
    else em += 0.5;
  }
  return Math.round(em * size * 20);
}

const NO_BORDERS = TableBorders.NONE;

function cellOf(children: Paragraph[], width: number): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, children });
}

/** The two-column header: bodies on the left, Quốc hiệu and Tiêu ngữ on the right; symbol and date. */
function headerTable(draft: DraftDocument): Table {
  const { header } = draft;
  const left = [
    ...(header.superior ? [line(header.superior, 13)] : []),
    ...header.bodyLines.map((l) => line(l, 13, { bold: true })),
    rule(mm(25), HEADER_LEFT),
  ];
  const motto = "Độc lập - Tự do - Hạnh phúc";
  const right = [
    line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, { bold: true }),
    line(motto, 13, { bold: true }),
    rule(boldTextWidth(motto, 13), HEADER_RIGHT),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [HEADER_LEFT, HEADER_RIGHT],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({ children: [cellOf(left, HEADER_LEFT), cellOf(right, HEADER_RIGHT)] }),
      new TableRow({
        children: [
          cellOf([line(header.symbol, 13, { after: 0 })], HEADER_LEFT),
          cellOf([line(header.placeAndDate, 14, { italics: true })], HEADER_RIGHT),
        ],
      }),
    ],
  });
}

function bodyParagraph(paragraph: DraftParagraph): Paragraph {
  const heading = paragraph.role === "heading";
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE },
    spacing: { before: heading ? 120 : 0, after: 120, line: 288 },
    keepNext: heading,
    children: paragraph.runs.map((run) =>
      textRun(run, 14, heading ? { bold: true, italics: (paragraph.level ?? 1) >= 3 } : {}),
    ),
  });
}

function tableCell(cell: DraftCell, width: number, size: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    // Narrow cell margins (1 mm), as a spreadsheet's cells have: «10.1» fits the STT column.
    margins: { left: mm(1), right: mm(1) },
    columnSpan: cell.span,
    verticalAlign: VerticalAlign.CENTER,
    ...(cell.shaded ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: "F8CBAD" } } : {}),
    children: [
      new Paragraph({
        alignment:
          header || cell.align === "center"
            ? AlignmentType.CENTER
            : cell.align === "right"
              ? AlignmentType.RIGHT
              : AlignmentType.LEFT,
        spacing: { before: 40, after: 40 },
        children: cell.runs.map((r) => textRun(r, size, header ? { bold: true } : {})),
      }),
    ],
  });
}

/** A table laid out as in the workbook: its column widths scaled to the text width (twips). */
function wordTable(table: DraftTable, textWidth = TEXT_WIDTH): Table {
  // At least 7 characters a column (STT «10.1», «Ngày»), as the workbook's print shows them.
  const columns = table.columns.map((c) => Math.max(c, 7));
  const total = columns.reduce((a, b) => a + b, 0);
  const widths = columns.map((c) => Math.round((c / total) * textWidth));
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: table.rows.map((row, r) => {
      let column = 0;
      return new TableRow({
        tableHeader: r < table.headerRows,
        cantSplit: true,
        children: row.map((cell) => {
          const span = cell.span ?? 1;
          const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
          column += span;
          return tableCell(cell, width, table.size, r < table.headerRows);
        }),
      });
    }),
  });
}

function blockOf(block: DraftBlock): Paragraph | Table {
  return block.kind === "table" ? wordTable(block) : bodyParagraph(block);
}

/** «Nơi nhận» (12 bold italic; entries 11) beside the signature block (bold 14). */
function signatureTable(draft: DraftDocument): Table {
  const { signature } = draft;
  const leftWidth = Math.round(TEXT_WIDTH * 0.45);
  const rightWidth = TEXT_WIDTH - leftWidth;
  const left = [
    line("Nơi nhận:", 12, { bold: true, italics: true, align: "left" }),
    ...signature.recipients.map((r) => line(r, 11, { align: "left" })),
  ];
  const right = [
    ...signature.authority.map((l) => line(l, 14, { bold: true })),
    ...Array.from({ length: 4 }, () => line("", 14)),
    signature.signer
      ? line(signature.signer, 14, { bold: true })
      : new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [textRun({ text: "[Họ và tên người ký]", highlight: true }, 14, { bold: true })],
        }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cellOf(left, leftWidth), cellOf(right, rightWidth)] })],
  });
}

function appendixChildren(appendix: DraftAppendix, textWidth: number): Array<Paragraph | Table> {
  return [
    ...appendix.titleLines.map(
      (runs) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 60 },
          children: runs.map((r) => textRun(r, 14)),
        }),
    ),
    new Paragraph({ children: [] }),
    wordTable(appendix.table, textWidth),
  ];
}

const pageProperties = {
  titlePage: true,
  page: {
    size: { width: PAGE.width, height: PAGE.height },
    margin: PAGE.margin,
  },
};

/** The page number, centred at the top, from page 2 (the first page has a header of its own, empty). */
function headers(): ISectionOptions["headers"] {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: half(14) })],
        }),
      ],
    }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}

/** The Word document of a draft. */
export function draftToDocument(draft: DraftDocument): Document {
  const main: Array<Paragraph | Table> = [
    headerTable(draft),
    new Paragraph({
      spacing: { before: 240, after: 0 },
      alignment: AlignmentType.CENTER,
      children: [textRun({ text: draft.kind }, 14, { bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 0 },
      children: [textRun({ text: draft.summary }, 14, { bold: true })],
    }),
    rule(mm(30), TEXT_WIDTH),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      children: draft.addressee.map((r) => textRun(r, 14)),
    }),
    ...draft.notices.map(bodyParagraph),
    ...draft.body.map(blockOf),
    new Paragraph({ children: [] }),
    signatureTable(draft),
  ];
  const sections: ISectionOptions[] = [
    { properties: pageProperties, headers: headers(), children: main },
    // Each appendix a section of its own, on the page its workbook sheet prints on: a wide table
    // (Phụ lục I.1, I.2) on a landscape page, so its headers do not break inside words. `docx`
    // takes the portrait size and swaps it for a landscape section.
    ...draft.appendices.map((appendix): ISectionOptions => {
      const landscape = appendix.orientation === "landscape";
      return {
        properties: {
          page: {
            ...pageProperties.page,
            size: {
              ...pageProperties.page.size,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
          },
        },
        headers: { default: headers()!.default },
        children: appendixChildren(appendix, landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH),
      };
    }),
  ];
  return new Document({
    creator: "cchc",
    title: draft.summary,
    styles: { default: { document: { run: { font: FONT, size: half(14) } } } },
    sections,
  });
}

/** The .docx bytes of a draft (Node and browser alike). */
export async function draftDocxBytes(draft: DraftDocument): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(draftToDocument(draft)));
}
