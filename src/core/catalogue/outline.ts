/**
 * The outline of a form's report (docs/catalogue-format.md, "outline"): the headings of the
 * narrative report and the wording of its sentences, data a province owns like the rest of its
 * catalogue. A sentence template names figures through placeholders in braces:
 *
 * - `{kh_tong}`: an indicator's value (a count or money figure in Vietnamese conventions, a
 *   ratio as a percentage with two decimals, a text, a date);
 * - `{tyle:kh_ht:kh_tong}`: the ratio of two figures, computed by the core arithmetic;
 * - `{phanso:kh_tyle}`: a ratio indicator's two parts as «24/47», as its rate is computed (summed
 *   lists; on time over on time plus late for an on-time rate);
 * - `{sosanh:hs_tiepnhan}`: the difference against each compared period (`cchc draft --compare`),
 *   e.g. «, tăng 12 hồ sơ (+2,71%) so với cùng kỳ năm 2025»; nothing without a compared period;
 * - `{cap:co_quan}`: the administrative level a text figure names (xã, phường, đặc khu …), so
 *   one commune-level form writes «Ủy ban nhân dân phường» for a ward.
 *
 * Only the parsing lives here (the catalogue's validation needs it); filling the templates is
 * `src/core/narrative`.
 */

/** A paragraph of the outline: a sentence template, or a prompt for what a person must write. */
export type OutlineParagraph = string | { placeholder: string };

/** A heading of the report with its paragraphs and sub-parts. */
export interface OutlinePart {
  heading: string;
  /**
   * A section of the form (its id) whose indicators get one sentence each in their own wording,
   * after the part's own paragraphs.
   */
  section?: string;
  paragraphs?: OutlineParagraph[];
  parts?: OutlinePart[];
}

/** The outline of a form's report. */
export interface Outline {
  parts: OutlinePart[];
}

/** A placeholder of a sentence template, parsed. */
export type Placeholder =
  | { kind: "value"; id: string }
  | { kind: "ratio"; numerator: string; denominator: string }
  | { kind: "fraction"; id: string }
  | { kind: "compare"; id: string }
  /** The administrative level in a text figure, e.g. `{cap:co_quan}` → «phường». */
  | { kind: "level"; id: string }
  /** A table's rows with the most in a column, e.g. `{bang:tthc_lv:moi}` (docs/catalogue-format.md). */
  | { kind: "table"; table: string; column: string };

/** A template cut into literal text and placeholders (`source` is the text between the braces). */
export type TemplatePiece =
  { kind: "text"; text: string } | { kind: "placeholder"; source: string; placeholder?: Placeholder };

const ID = "[a-z0-9][a-z0-9_-]*";
const VALUE = new RegExp(`^(${ID})$`);
const RATIO = new RegExp(`^tyle:(${ID}):(${ID})$`);
const COMPARE = new RegExp(`^sosanh:(${ID})$`);
const FRACTION = new RegExp(`^phanso:(${ID})$`);
const TABLE = new RegExp(`^bang:(${ID}):(${ID})$`);
const LEVEL = new RegExp(`^cap:(${ID})$`);

/** The placeholder written between braces, or undefined when it is not one the program knows. */
export function parsePlaceholder(source: string): Placeholder | undefined {
  const text = source.trim();
  let m = RATIO.exec(text);
  if (m) return { kind: "ratio", numerator: m[1], denominator: m[2] };
  m = COMPARE.exec(text);
  if (m) return { kind: "compare", id: m[1] };
  m = FRACTION.exec(text);
  if (m) return { kind: "fraction", id: m[1] };
  m = TABLE.exec(text);
  if (m) return { kind: "table", table: m[1], column: m[2] };
  m = LEVEL.exec(text);
  if (m) return { kind: "level", id: m[1] };
  m = VALUE.exec(text);
  if (m) return { kind: "value", id: m[1] };
  return undefined;
}

/**
 * A template's pieces, in order. A brace that is never closed is kept as text (and reported by
 * the validation); an unknown placeholder comes back without `placeholder`.
 */
export function parseTemplate(template: string): TemplatePiece[] {
  const pieces: TemplatePiece[] = [];
  const pattern = /\{([^{}]*)\}/g;
  let last = 0;
  for (let m = pattern.exec(template); m; m = pattern.exec(template)) {
    if (m.index > last) pieces.push({ kind: "text", text: template.slice(last, m.index) });
    const placeholder = parsePlaceholder(m[1]);
    pieces.push({ kind: "placeholder", source: m[1], ...(placeholder ? { placeholder } : {}) });
    last = m.index + m[0].length;
  }
  if (last < template.length) pieces.push({ kind: "text", text: template.slice(last) });
  return pieces;
}

/** The indicator ids a placeholder names (a table's placeholder names none). */
export function placeholderIds(placeholder: Placeholder): string[] {
  if (placeholder.kind === "table") return [];
  return placeholder.kind === "ratio" ? [placeholder.numerator, placeholder.denominator] : [placeholder.id];
}
