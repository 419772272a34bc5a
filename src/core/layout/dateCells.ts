/**
 * Which planned cells hold dates, and how a workbook stores them. The core's plans give dates as
 * serials of the 1900 date system; a workbook in the 1904 system (Mac Excel's old default) stores
 * the same day 1462 lower (`serialToWorkbook`, core/dates.ts). Both writers (the package's and
 * Office.js's) and the report's fingerprint of what it wrote ask here, so the three agree on
 * which cells move: the fingerprint of a 1904 workbook's Phụ lục II once held the 1900 serials
 * while the sheet held the 1904 ones, and every report kept the sheet as «sửa tay».
 */
import { serialToWorkbook } from "../dates";
import type { CellPlan } from "./model";

/** Formats already classified (asked once per number cell written). */
const dateFormats = new Map<string, boolean>();

/**
 * Whether a number format shows a date: d, m or y outside quotes, brackets and escapes, and for
 * «m» no digit placeholder (`#,##0 "m"` is a number). Excel's own rule of thumb for date formats
 * (ECMA-376 Part 1, §18.8.31 numFmt, the format codes).
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  let known = dateFormats.get(format);
  if (known === undefined) dateFormats.set(format, (known = showsDate(format)));
  return known;
}

function showsDate(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[0#?]/.test(bare));
}

/**
 * A number planned in a cell of `format`, as a workbook of that date system stores it: a date's
 * serial moved to the 1904 system where the workbook counts from 1904, any other number as is.
 */
export function storedNumber(value: number, format: string | undefined, date1904: boolean): number {
  return date1904 && Number.isFinite(value) && isDateFormat(format) ? serialToWorkbook(value, true) : value;
}

/** A planned cell's constant as the workbook stores it (`storedNumber` for a number). */
export function storedValue(cell: Pick<CellPlan, "value" | "style">, date1904: boolean): CellPlan["value"] {
  return typeof cell.value === "number"
    ? storedNumber(cell.value, cell.style?.numberFormat, date1904)
    : cell.value;
}
