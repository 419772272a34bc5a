/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice re-measures rows when it opens a
 * file, so a wrapped note would print as one clipped line: the plan states the heights itself,
 * estimated from the text length, the column widths and the font size.
 */
import { parseAddress, type SheetPlan } from "./model";

/** Points per line for a font size (Times New Roman's line spacing is about 1.15 × size). */
const lineHeight = (size: number) => Math.ceil(size * 1.17 + 1);

/**
 * The last column of the merge starting at each top-left cell (`row:column`), for every row a
 * merge spans: parsed once per plan, so fitting is linear in the number of cells (parsing the
 * merges again for each wrapped cell made a long document list quadratic).
 */
function mergeEnds(plan: SheetPlan): Map<string, number> {
  const ends = new Map<string, number>();
  for (const merge of plan.merges) {
    const [a, b = a] = merge.split(":").map(parseAddress);
    for (let row = a.row; row <= b.row; row++) {
      const key = `${row}:${a.column}`;
      if (!ends.has(key)) ends.set(key, b.column);
    }
  }
  return ends;
}

function spanWidth(plan: SheetPlan, ends: Map<string, number>, row: number, column: number): number {
  const last = ends.get(`${row}:${column}`) ?? column;
  let width = 0;
  for (let c = column; c <= last; c++) width += plan.columns[c - 1] ?? 9;
  return width;
}

/** Sets the height of every row whose text needs more than one line (keeps larger ones). */
export function fitRowHeights(plan: SheetPlan): SheetPlan {
  const heights: Record<number, number> = { ...(plan.rowHeights ?? {}) };
  const needed = new Map<number, number>();
  const ends = mergeEnds(plan);
  for (const cell of plan.cells) {
    if (typeof cell.value !== "string" || !cell.style?.wrap) continue;
    const { row, column } = parseAddress(cell.address);
    const size = cell.style.font?.size ?? plan.font.size;
    // Column width is in characters of the 11-pt default font; bold text runs wider.
    // Times New Roman runs about 15% narrower than the width unit (Calibri digits).
    const perLine = Math.max(
      4,
      (spanWidth(plan, ends, row, column) * 11 * 1.15) / size / (cell.style.font?.bold ? 1.1 : 1) -
        (cell.style.indent ?? 0) * 3 -
        1,
    );
    const lines = cell.value
      .split("\n")
      .reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    needed.set(row, Math.max(needed.get(row) ?? 0, lines * lineHeight(size) + 3));
  }
  for (const [row, height] of needed) {
    if (height > lineHeight(plan.font.size) + 4) heights[row] = Math.max(heights[row] ?? 0, height);
  }
  return { ...plan, rowHeights: heights };
}
