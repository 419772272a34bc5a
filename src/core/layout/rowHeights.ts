/**
 * Row heights for wrapped text. Excel does not re-measure rows when it opens a file, so a wrapped
 * note would print as one clipped line: the plan states the heights itself, from the text laid
 * out the way the engines do it (word by word, in the column span's width) with Times New
 * Roman's advance widths.
 *
 * Units: a column width `w` (Excel's unit, characters of the 11-pt Calibri default font) is
 * `7w + 5` pixels, i.e. `(7w + 5) × 0.75` points; text widths are in em of the cell's font size.
 * Measured on the demo's PDF printed by LibreOffice (Liberation Serif, metric-compatible with
 * Times New Roman), the widths below give each label within a few per cent of its printed length.
 */
import { parseAddress, type CellPlan, type SheetPlan } from "./model";

/** Points per line for a font size (Times New Roman's line spacing is about 1.15 × size). */
const lineHeight = (size: number) => Math.ceil(size * 1.17 + 1);

/** Times New Roman advance widths in em, by class of the base letter (diacritics add nothing). */
const NARROW = new Set([..."ijlt.,;:'!|()[]-/"]);
const SEMI = new Set([...'frsI"*']);
const WIDE_LOWER = new Set([..."mw"]);
const WIDE_UPPER = new Set([..."MW"]);

function charWidthEm(ch: string): number {
  if (ch === " ") return 0.25;
  const base = ch.normalize("NFD")[0];
  if (NARROW.has(base)) return 0.28;
  if (SEMI.has(base)) return 0.37;
  if (WIDE_LOWER.has(base)) return 0.75;
  if (WIDE_UPPER.has(base)) return 0.92;
  if (/[0-9]/.test(base)) return 0.5;
  if (base === "đ") return 0.5;
  if (base === "Đ") return 0.72;
  if (base !== base.toLocaleLowerCase("vi")) return 0.7;
  return 0.49;
}

/** The printed width of `text` in em (bold runs about 8% wider). */
export function textWidthEm(text: string, bold = false): number {
  let em = 0;
  for (const ch of text) em += charWidthEm(ch);
  return bold ? em * 1.08 : em;
}

/** Points of a column width in Excel's units. */
export function columnPoints(width: number): number {
  return (7 * width + 5) * 0.75;
}

/** Room lost to the cell's own margins, in points (LibreOffice and Excel leave about 2 pt a side). */
const CELL_PADDING = 4;
/** A few per cent of slack: better a row a little tall than a line clipped. */
const SAFETY = 1.03;

/**
 * The lines `text` takes in a cell `widthPt` wide, wrapped word by word as the engines do (a word
 * longer than the line is cut where it overflows); explicit line breaks are kept. Linear in the
 * text's length whatever it holds (each character's width is added once): a 100,000-letter word
 * costs as little as 100,000 letters in words.
 */
export function wrapText(text: string, widthPt: number, size: number, bold = false): string[] {
  const room = Math.max(widthPt - CELL_PADDING, size) / size / SAFETY;
  const scale = bold ? 1.08 : 1;
  const fits = (em: number) => em * scale <= room;
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    let lineEm = 0;
    for (const word of paragraph.split(" ")) {
      if (line) {
        // The word on this line, one character at a time: the width in the order it is read.
        let em = lineEm + charWidthEm(" ");
        for (const ch of word) em += charWidthEm(ch);
        if (fits(em)) {
          line = `${line} ${word}`;
          lineEm = em;
          continue;
        }
        lines.push(line);
      }
      // The word starts a line; one wider than the cell is cut where it overflows (at least one
      // character a line), as the engines break it.
      line = "";
      lineEm = 0;
      for (const ch of word) {
        const width = charWidthEm(ch);
        if (line && !fits(lineEm + width)) {
          lines.push(line);
          line = "";
          lineEm = 0;
        }
        line += ch;
        lineEm += width;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** For each merge's top-left cell (`row:column`), its last column: parsed once per plan. */
function mergeEnds(plan: SheetPlan): Map<string, number> {
  const ends = new Map<string, number>();
  for (const merge of plan.merges) {
    const [from, to] = merge.split(":").map(parseAddress);
    if (from.row === to.row) ends.set(`${from.row}:${from.column}`, to.column);
  }
  return ends;
}

/** The width in points of the cell's span (its merge across columns, or its own column). */
function spanPoints(plan: SheetPlan, ends: Map<string, number>, row: number, column: number): number {
  const last = ends.get(`${row}:${column}`) ?? column;
  let width = 0;
  for (let c = column; c <= last; c++) width += columnPoints(plan.columns[c - 1] ?? 9);
  return width;
}

/** Points an Excel indent level takes (about three characters of the default font). */
export const INDENT_POINTS = 9;

/** The lines a wrapped text cell of the plan needs. */
function linesOf(plan: SheetPlan, ends: Map<string, number>, cell: CellPlan & { value: string }): number {
  const { row, column } = parseAddress(cell.address);
  const size = cell.style?.font?.size ?? plan.font.size;
  const width = spanPoints(plan, ends, row, column) - (cell.style?.indent ?? 0) * INDENT_POINTS;
  return wrapText(cell.value, width, size, !!cell.style?.font?.bold).length;
}

/**
 * The lines of `text` in the span of `columns` (1-based, inclusive) of `plan`, e.g. a recipient
 * line of the signature block, so the planner can give each printed line a row of its own.
 */
export function wrapInColumns(
  plan: Pick<SheetPlan, "columns">,
  first: number,
  last: number,
  text: string,
  size: number,
  bold = false,
): string[] {
  let width = 0;
  for (let c = first; c <= last; c++) width += columnPoints(plan.columns[c - 1] ?? 9);
  return wrapText(text, width, size, bold);
}

/**
 * Sets the height of every row whose text needs more than one line (keeps larger ones); a row
 * of single lines keeps the engine's default height. Linear in the number of cells.
 */
export function fitRowHeights(plan: SheetPlan): SheetPlan {
  const heights: Record<number, number> = { ...(plan.rowHeights ?? {}) };
  const ends = mergeEnds(plan);
  const needed = new Map<number, number>();
  for (const cell of plan.cells) {
    if (typeof cell.value !== "string" || !cell.style?.wrap) continue;
    const lines = linesOf(plan, ends, cell as CellPlan & { value: string });
    if (lines < 2) continue;
    const size = cell.style.font?.size ?? plan.font.size;
    const row = parseAddress(cell.address).row;
    needed.set(row, Math.max(needed.get(row) ?? 0, lines * lineHeight(size) + 3));
  }
  for (const [row, height] of needed) heights[row] = Math.max(heights[row] ?? 0, height);
  return { ...plan, rowHeights: heights };
}
