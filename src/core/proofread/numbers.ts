/**
 * Numbers as a Vietnamese report writes them (vi-VN, TCVN 7783 conventions the ministry's
 * forms follow): «.» groups thousands and «,» is the decimal mark, so «17.990» is 17990,
 * «47,9» is 47.9 and «120,535» is 120.535 (never 120535: a comma is always the decimal mark).
 *
 * `readNumbers` finds every run of digits in a sentence and says what it is: a figure, a
 * percentage, or a piece of something that is not a figure (a date, a document symbol
 * «2403 /UBND-TCNV», a standard «ISO 9001:2015», a section number «7.1.», a code «Covid-19»).
 */

/** What a run of digits in the prose is. */
export type NumberRole =
  /** A figure: a count, an amount, a part of a fraction. */
  | "figure"
  /** A percentage: the number before «%» (a space between is allowed: «99,7 %»). */
  | "percent"
  /** Not a figure to check: dates, symbols, standards, codes, section numbers. */
  | "other";

export interface NumberToken {
  /** The digits as written, e.g. `17.990`, `90,4`. */
  text: string;
  /** The value read the vi-VN way (NaN for `other` runs that are no number, e.g. `7.1`). */
  value: number;
  /** Digits after the decimal comma as written: the precision of a percentage. */
  decimals: number;
  role: NumberRole;
  /** Offsets in the sentence: [start, end) of the digits; `end` of a percentage is after «%». */
  start: number;
  end: number;
}

/** A vi-VN number: thousands grouped by «.» (groups of exactly three), optional decimal comma. */
const GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const PLAIN = /^\d+(?:,\d+)?$/;

/**
 * The value of a number written the vi-VN way, or undefined when the text is no such number
 * («7.1», «1,2,3»). `decimals` is how many digits follow the decimal comma.
 */
export function readViNumber(text: string): { value: number; decimals: number } | undefined {
  const trimmed = text.trim();
  if (!GROUPED.test(trimmed) && !PLAIN.test(trimmed)) return undefined;
  const [whole, fraction = ""] = trimmed.split(",");
  const value = Number(`${whole.replace(/\./g, "")}${fraction ? `.${fraction}` : ""}`);
  return Number.isFinite(value) ? { value, decimals: fraction.length } : undefined;
}

const LETTER = /\p{L}/u;
/** A run of digits with dots and commas between digits (never a trailing «.» that ends a sentence). */
const DIGIT_RUN = /\d+(?:[.,]\d+)*/g;

/**
 * Every run of digits in `sentence`, in order, each with its role. A run glued to letters
 * («NC1», «A4», «30m»), joined by «-» («Covid-19», «2021-2026») or «:» («9001:2015», «8:30»),
 * or that is no vi-VN number, is `other`; slashes are left to `findFractions`.
 */
export function readNumbers(sentence: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const match of sentence.matchAll(DIGIT_RUN)) {
    const text = match[0];
    const start = match.index;
    let end = start + text.length;
    const before = sentence[start - 1] ?? "";
    const after = sentence[end] ?? "";
    const read = readViNumber(text);
    let role: NumberRole = "figure";
    if (!read || LETTER.test(before) || LETTER.test(after) || /[-:]/.test(before) || /[-:]/.test(after)) {
      role = "other";
    } else {
      const percent = /^\s?%/.exec(sentence.slice(end));
      if (percent) {
        role = "percent";
        end += percent[0].length;
      }
    }
    tokens.push({ text, value: read?.value ?? NaN, decimals: read?.decimals ?? 0, role, start, end });
  }
  return tokens;
}
