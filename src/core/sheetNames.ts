/**
 * Comparing sheet names as Excel does. Excel treats names case-insensitively; beyond that, the
 * same visible name may reach us in several spellings, which must not give two tabs that look
 * alike or a name that points at no sheet:
 * - Unicode normalisation: Vietnamese letters composed (NFC, what Windows keyboards type) or
 *   decomposed (NFD, what macOS file names and some converters give);
 * - a control character: stored as an `_xHHHH_` escape in the sheet's name attribute, raw in a
 *   defined name's text, or turned into a space by an XML reader's attribute normalisation.
 */

const ESCAPE = /_x([0-9a-fA-F]{4})_/g;

/** The key two sheet names share when Excel would take them for the same sheet. */
export function sheetNameKey(name: string): string {
  return name
    .replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\p{Cc}/gu, " ")
    .normalize("NFC")
    .toLowerCase();
}

/** Whether two sheet names are the same sheet (see `sheetNameKey`). */
export function sameSheetName(a: string, b: string): boolean {
  return sheetNameKey(a) === sheetNameKey(b);
}
