/**
 * What a check type of the catalogue is (docs/catalogue-format.md, "Checks"): the one place that
 * says, for each type, how a catalogue file writes it (its JSON Schema fragment), which of its
 * fields name indicators and of which kinds, the check the program uses (ids and defaults
 * completed), the check in words, and what it computes over a unit's figures and how it says
 * what it found. The table of types is `registry.ts`; the catalogue validates with it and the
 * check engine (`core/checks`) applies it, so a new type is one module and one table line.
 *
 * Low in the core (below the catalogue): only the arithmetic and the date conversion below it,
 * the figures reached through `RuleContext`, which the check engine provides.
 */

export type Severity = "error" | "warning";

/** A JSON Schema fragment (draft-07), as plain data. */
export type SchemaFragment = Readonly<Record<string, unknown>>;

/** An indicator id in the schema: lower-case ASCII, digits, `-` and `_`. */
export const ID_REF: SchemaFragment = { type: "string", pattern: "^[a-z0-9][a-z0-9_-]*$", maxLength: 64 };
/** A non-empty list of indicator ids. */
export const ID_LIST: SchemaFragment = { type: "array", minItems: 1, items: ID_REF };

/** The fields every check of a catalogue file may have besides its own. */
const COMMON_PROPERTIES: Readonly<Record<string, SchemaFragment>> = {
  id: { type: "string", minLength: 1 },
  severity: {
    enum: ["error", "warning"],
    description: "error (lỗi) hoặc warning (cảnh báo); mặc định error",
  },
  what: { type: "string", description: "Lời mô tả in trong thông báo (không bắt buộc)" },
};

/** The fields every check as a catalogue file writes it has (`id`, `severity` optional). */
export interface RuleFileBase {
  id?: string;
  severity?: Severity;
  what?: string;
}

/**
 * What a rule reads of a unit's figures, given by the check engine: numbers already judged by
 * the kind checks (a figure whose kind is wrong counts as invalid, so it is reported once).
 */
export interface RuleContext {
  /** The numbers of `ids`, or undefined when one is invalid, or blank where a value is needed. */
  numbers(ids: readonly string[], blankAsZero: boolean): number[] | undefined;
  /** Whether any of `ids` holds something (a number or an invalid value). */
  anyGiven(ids: readonly string[]): boolean;
  /** One figure: its number, "blank", or "invalid" (wrong kind, or not a number ≥ 0). */
  numeric(id: string): number | "blank" | "invalid";
  /** A date's serial as evaluated (a derived date computed), undefined when blank or invalid. */
  date(id: string): number | undefined;
  /** The indicator's label (its id when the catalogue has none). */
  label(id: string): string;
  /** The label with its parent's: `Có mặt (Cán bộ, công chức cấp xã được giao)`. */
  fullLabel(id: string, besides?: string): string;
  /** The label followed by its figure in parentheses (the parent joined by a dash). */
  numbered(id: string, value: number, besides?: string): string;
  /** The indicator's unit (`hồ sơ`), "" when none. */
  unit(id: string): string;
}

/** What a rule found: the check engine adds the rule's id and the cells of `ids`. */
export interface RuleFinding {
  severity: Severity;
  /** The indicators involved, the main one first (their cells are shown in that order). */
  ids: string[];
  message: string;
}

/**
 * One check type. `File` is the check as a catalogue file writes it, `Rule` as the program
 * uses it (id and defaults completed).
 */
export interface CheckType<Rule extends { type: string; id: string }, File extends RuleFileBase> {
  type: Rule["type"];
  /** The schema's description of the type (Vietnamese: editors show it to a province's staff). */
  description: string;
  /** Schema of the fields of its own (besides type, id, severity, what). */
  properties: Readonly<Record<string, SchemaFragment>>;
  /** Its own required fields. */
  required: readonly string[];
  /** The fields naming indicators (a string or a list of strings each). */
  indicatorFields: readonly string[];
  /**
   * Why an indicator of `kind` cannot stand in one of `indicatorFields` (the message a catalogue
   * file gets), undefined when it can.
   */
  kindProblem(kind: string, ref: string): string | undefined;
  /** The id a check gets when its file gives none: stable, built from what it compares. */
  defaultId(file: File): string;
  /** The check the program uses, from the file's (valid) check and its id. */
  fromFile(file: File, id: string): Rule;
  /** The check in words for the catalogue listing: `hs_dagq = hs_truochan + hs_dunghan`. */
  inWords(rule: Rule): string;
  /** How the listing names its severity: `Lỗi`, `Cảnh báo`, or both for a type that has both. */
  severityWords(rule: Rule): string;
  /** What the check finds over a unit's figures, undefined when they agree. */
  apply(rule: Rule, ctx: RuleContext): RuleFinding | undefined;
}

/** The schema of one check type: its `type`, the common fields, then its own. */
export function schemaOf(definition: CheckType<never, never>): SchemaFragment {
  return {
    type: "object",
    description: definition.description,
    properties: { type: { const: definition.type }, ...COMMON_PROPERTIES, ...definition.properties },
    required: ["type", ...definition.required],
    additionalProperties: false,
  };
}

/** Checks compare numbers: a text, a choice or a date cannot stand in one. */
export function numbersOnly(kind: string, ref: string): string | undefined {
  return kind === "text" || kind === "choice" || kind === "date"
    ? `Kiểm tra số liệu không dùng được trên chỉ tiêu "${kind}" ("${ref}").`
    : undefined;
}

/** Checks that add figures: numbers only, and never ratios (rates do not add up). */
export function addableOnly(kind: string, ref: string): string | undefined {
  return (
    numbersOnly(kind, ref) ??
    (kind === "ratio" ? `Không cộng các tỷ lệ: "${ref}" là chỉ tiêu tỷ lệ.` : undefined)
  );
}

/** The listing's severity of a check with one: `Lỗi` or `Cảnh báo`. */
export function severityName(severity: Severity): string {
  return severity === "error" ? "Lỗi" : "Cảnh báo";
}

/** A label inside a sentence: `Số hồ sơ` → `số hồ sơ`, but acronyms (`TTHC`, `CCHC`) stay. */
export function inSentence(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0].toLocaleLowerCase("vi") + text.slice(1) : text;
}
