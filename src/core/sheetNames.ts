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

/**
 * Keys already computed: a reader looks up the same few tab names once per defined name (a
 * consolidation, hundreds of times a file, for hundreds of files), and the key's regular
 * expressions and normalisation cost more than the look-up. Only short names are kept, and
 * all are dropped when they grow past `KEYS_KEPT`: a file of countless names costs no memory.
 */
const keys = new Map<string, string>();
const KEYS_KEPT = 4096;
/** Only names this short are kept (Excel's tab names have at most 31 characters). */
const KEPT_LENGTH = 64;

/** The key two sheet names share when Excel would take them for the same sheet. */
export function sheetNameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = name
      .replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/\p{Cc}/gu, " ")
      .normalize("NFC")
      .toLowerCase();
    if (name.length <= KEPT_LENGTH) {
      if (keys.size >= KEYS_KEPT) keys.clear();
      // Copies: a name read from a file may be a slice of the whole part's text, which a kept
      // slice would keep alive.
      keys.set(copy(name), copy(key));
    }
  }
  return key;
}

/** A string with its own storage, as `xlsx/xml/text.ts`'s `own` makes it (flattening a concatenation). */
const copy = (text: string): string => (text.length < 13 ? text : (" " + text).slice(1));

/** Whether two sheet names are the same sheet (see `sheetNameKey`). */
export function sameSheetName(a: string, b: string): boolean {
  return sheetNameKey(a) === sheetNameKey(b);
}
