/**
 * Excel's limit on a cell's text: 32,767 characters (Microsoft, «Excel specifications and
 * limits»: total number of characters that a cell can contain). A longer text written into a
 * file makes Excel repair the workbook on opening (or drop the cell); a report made from a
 * very long typed name (a unit's name pasted with a whole document after it) must still open.
 * Texts past the limit are cut, each cut named with its cell so the user can shorten the input.
 */
import type { SheetPlan } from "./model";

/** Characters (UTF-16 code units, as Excel counts them) a cell holds at most. */
export const CELL_TEXT_LIMIT = 32_767;

/** A text the plan had to cut: where, and how long it was. */
export interface CutText {
  /** The sheet's name in the plan. */
  sheet: string;
  /** A1-style address on that sheet. */
  address: string;
  /** Its length before the cut, in UTF-16 code units. */
  length: number;
}

/** `text` within the limit: its start and an ellipsis, never half of a surrogate pair. */
export function cutToCellLimit(text: string): string {
  if (text.length <= CELL_TEXT_LIMIT) return text;
  let end = CELL_TEXT_LIMIT - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * Cuts, in place, every text value and cached text of `plans` longer than CELL_TEXT_LIMIT
 * (linear in the texts' length); returns the cells cut, in plan order, for the caller to name.
 */
export function limitCellTexts(plans: readonly SheetPlan[]): CutText[] {
  const cut: CutText[] = [];
  for (const plan of plans) {
    for (const cell of plan.cells) {
      let length = 0;
      if (typeof cell.value === "string" && cell.value.length > CELL_TEXT_LIMIT) {
        length = cell.value.length;
        cell.value = cutToCellLimit(cell.value);
      }
      if (typeof cell.cached === "string" && cell.cached.length > CELL_TEXT_LIMIT) {
        length = Math.max(length, cell.cached.length);
        cell.cached = cutToCellLimit(cell.cached);
      }
      if (length > 0) cut.push({ sheet: plan.name, address: cell.address, length });
    }
  }
  return cut;
}
