/**
 * Row heights for wrapped text. Excel does not re-measure rows when it opens a file, so a wrapped
 * note would print as one clipped line: the plan states the heights itself, from the text laid
 * out the way the engines do it (word by word, in the column span's width) with Times New
 * Roman's advance widths.
 *
 * Units: a column width `w` (Excel's unit, characters of the 11-pt Calibri default font) is
 * `7w + 5` pixels, i.e. `(7w + 5) × 0.75` points; text widths are in em of the cell's font size.
 * Excel's widths are the narrower: LibreOffice prints a wide column about 3 % wider (measured on
 * the demo's PDF), so a text measured to fit Excel's width prints on one line in both, and a
 * text that needs two lines in Excel gets them (never clipped), at the cost of a spare line in
 * LibreOffice for the few labels in between. Advance widths are the font's own (`textWidthEm`).
 */
import { parseAddress, type CellPlan, type SheetPlan } from "./model";

/** Points per line for a font size (Times New Roman's line spacing is about 1.15 × size). */
const lineHeight = (size: number) => Math.ceil(size * 1.17 + 1);

/**
 * Times New Roman's advance widths in thousandths of an em for the printable ASCII characters
 * (space to «~»), regular and bold, as Liberation Serif 2 (metric-compatible) gives them. A
 * Vietnamese letter is as wide as its base letter (the marks add nothing), except the horned
 * and barred letters below.
 */
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500,
  500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333,
  389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469,
  500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
  278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500,
  500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389,
  500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581,
  500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389,
  333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];
/** ơ ư đ and their capitals, regular and bold (thousandths of an em). */
const OWN: Readonly<Record<string, readonly [number, number]>> = {
  ơ: [542, 600],
  Ơ: [776, 796],
  ư: [529, 554],
  Ư: [722, 778],
  đ: [500, 556],
  Đ: [722, 722],
  "…": [1000, 1000],
  "–": [500, 500],
};

function measureCharEm(ch: string, bold: boolean): number {
  const own = OWN[ch] ?? OWN[ch.normalize("NFD")[0]];
  if (own) return own[bold ? 1 : 0] / 1000;
  const base = ch.normalize("NFD").codePointAt(0)!;
  const table = bold ? BOLD : REGULAR;
  // Outside the table (a rare symbol): as wide as a capital, better a row too tall than clipped.
  return (base >= 32 && base < 32 + table.length ? table[base - 32] : 722) / 1000;
}

/**
 * Widths already measured, by character, regular and bold: a report wraps tens of thousands of
 * texts drawn from a few hundred characters, and the NFD look-up is the costly part.
 */
const measured: readonly [Map<string, number>, Map<string, number>] = [new Map(), new Map()];

function charWidthEm(ch: string, bold: boolean): number {
  const cache = measured[bold ? 1 : 0];
  let em = cache.get(ch);
  if (em === undefined) {
    em = measureCharEm(ch, bold);
    cache.set(ch, em);
  }
  return em;
}

/** The printed width of `text` in em, regular or bold. */
export function textWidthEm(text: string, bold = false): number {
  let em = 0;
  for (const ch of text) em += charWidthEm(ch, bold);
  return em;
}

/** A run of low lines («_», half an em each) about `widthPt` long at `size`: a short printed rule. */
export function ruleOf(widthPt: number, size: number): string {
  return "_".repeat(Math.max(1, Math.round(widthPt / (size * 0.5))));
}

/** Points of a column width in Excel's units. */
export function columnPoints(width: number): number {
  return (7 * width + 5) * 0.75;
}

/** Room lost to the cell's own margins, in points (LibreOffice and Excel leave about 2 pt a side). */
const CELL_PADDING = 4;

/**
 * The lines `text` takes in a cell `widthPt` wide, wrapped word by word as the engines do (a word
 * longer than the line is cut where it overflows); explicit line breaks are kept. Linear in the
 * text's length whatever it holds (each character's width is added once): a 100,000-letter word
 * costs as little as 100,000 letters in words.
 */
export function wrapText(text: string, widthPt: number, size: number, bold = false): string[] {
  const room = Math.max(widthPt - CELL_PADDING, size) / size;
  const fits = (em: number) => em <= room;
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    let lineEm = 0;
    for (const word of paragraph.split(" ")) {
      if (line) {
        // The word on this line, one character at a time: the width in the order it is read.
        let em = lineEm + charWidthEm(" ", bold);
        for (const ch of word) em += charWidthEm(ch, bold);
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
        const width = charWidthEm(ch, bold);
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
 * The height of a row of single lines in its largest font: Excel's default row height for Times
 * New Roman (15.75 pt at 12 pt), which LibreOffice then uses too (its own is about 15 pt).
 */
export function oneLineHeight(size: number): number {
  return Math.ceil(size * 1.3125 * 4) / 4;
}

/**
 * Sets the height of every row whose text needs more than one line (keeps larger ones). With
 * `everyRow`, a row of single lines is set to one line's height (`oneLineHeight`) instead of
 * being left to the engine, so that Excel and LibreOffice lay the page out alike (the printed
 * appendices: their page breaks are planned from these heights). Linear in the number of cells.
 */
export function fitRowHeights(plan: SheetPlan, options: { everyRow?: boolean } = {}): SheetPlan {
  const heights: Record<number, number> = { ...(plan.rowHeights ?? {}) };
  const ends = mergeEnds(plan);
  const needed = new Map<number, number>();
  for (const cell of plan.cells) {
    const size = cell.style?.font?.size ?? plan.font.size;
    const row = parseAddress(cell.address).row;
    if (options.everyRow && cell.value !== null && cell.value !== undefined)
      needed.set(row, Math.max(needed.get(row) ?? 0, oneLineHeight(size)));
    if (typeof cell.value !== "string" || !cell.style?.wrap) continue;
    const lines = linesOf(plan, ends, cell as CellPlan & { value: string });
    if (lines < 2) continue;
    needed.set(row, Math.max(needed.get(row) ?? 0, lines * lineHeight(size) + 3));
  }
  for (const [row, height] of needed) heights[row] = Math.max(heights[row] ?? 0, height);
  return { ...plan, rowHeights: heights };
}
