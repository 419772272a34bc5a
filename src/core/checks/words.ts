/** How findings quote what a cell holds: typed text with its invisible characters, numbers, dates. */
import { formatNumberVi } from "../arithmetic";
import type { CellValue } from "../figures";

/** Excel's first and last date serials (1 Jan 1900, 31 Dec 9999). */
export const FIRST_SERIAL = 1;
export const LAST_SERIAL = 2_958_465;

export const n = formatNumberVi;

/** Invisible characters a typed value may carry (pasted from Word, a web page, a PDF), by name. */
const INVISIBLE_NAMES: Readonly<Record<string, string>> = {
  "\u00a0": "dấu cách không ngắt",
  "\u202f": "dấu cách hẹp không ngắt",
  "\u2007": "dấu cách chữ số",
  "\u200b": "dấu cách độ rộng 0",
  "\u200c": "ký tự nối độ rộng 0",
  "\u200d": "ký tự nối độ rộng 0",
  "\u2060": "ký tự nối từ",
  "\ufeff": "ký tự BOM",
  "\u00ad": "dấu gạch nối mềm",
  "\t": "dấu tab",
  "\n": "dấu xuống dòng",
  "\r": "dấu xuống dòng",
};
/** Spaces Excel and a reader cannot see apart from a plain one, format and control characters. */
const INVISIBLE = /[\u00a0\u202f\u2007\u00ad\p{Cc}\p{Cf}]/gu;

/**
 * Typed text as a message quotes it: every invisible character shown as `⟨U+200B⟩`, and named
 * after the quote, so «47» that holds a zero-width space does not read as a plain 47.
 */
export function quoteTyped(text: string, max = 40): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  const found = new Set<string>();
  const shown = cut.replace(INVISIBLE, (ch) => {
    found.add(ch);
    return `⟨U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}⟩`;
  });
  if (found.size === 0) return `«${shown}»`;
  const names = [...found].map(
    (ch) =>
      `${INVISIBLE_NAMES[ch] ?? "ký tự điều khiển"} U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`,
  );
  return `«${shown}» (có ký tự ẩn: ${[...new Set(names)].join(", ")})`;
}

/** What a cell holds, as a message quotes it: typed text quoted, a number in Vietnamese digits. */
export function describe(value: CellValue): string {
  switch (value.type) {
    case "text":
      return quoteTyped(value.value);
    case "boolean":
      return value.value ? "TRUE" : "FALSE";
    case "error":
      return value.value;
    case "number":
      return n(value.value, 6);
    default:
      return "ô trống";
  }
}

/**
 * A date cell holding text that is no day/month/year date (a day/month/year text is read as its
 * date: `readDateCell`): what it holds and how to make it a date.
 */
export function textNotDate(text: string): string {
  return (
    `ô đang chứa chữ ${quoteTyped(text)}, không phải một ngày: hãy gõ lại ngày theo dạng ngày/tháng/năm (ví dụ 18/9/2025), ` +
    `hoặc định dạng ô là ngày (Định dạng ô → Ngày) rồi gõ lại`
  );
}

/** A ratio as its cell shows it: 0.5106 → `51,06%`. */
export const percent = (value: number) => `${n(value * 100, 2)}%`;
