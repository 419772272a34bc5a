/**
 * A sheet described as plain data: what each cell holds, its style, names, validation,
 * protection and page setup. The core produces these; the Office.js and file adapters
 * apply them, so both stay short and a test can compare them.
 */

export type Align = "left" | "center" | "right";

export interface FontStyle {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** `#RRGGBB` */
  color?: string;
}

export interface CellStyle {
  font?: FontStyle;
  /** Solid background, `#RRGGBB`. */
  fill?: string;
  align?: Align;
  vAlign?: "top" | "center" | "bottom";
  wrap?: boolean;
  /** Indent level (Excel's indent, about 3 characters each). */
  indent?: number;
  numberFormat?: string;
  /** Thin black lines on all four edges (table cells). */
  border?: boolean;
  /** A thin rule under the cell only (the short rule under a document's header lines). */
  ruleBelow?: boolean;
  /** Excel's default is locked; input cells set false so they stay editable under protection. */
  locked?: boolean;
}

export interface CellPlan {
  /** A1-style address on its sheet, e.g. `D5`. */
  address: string;
  /** A constant: text, number (dates are Excel serials with a date format), or null for empty. */
  value?: string | number | boolean | null;
  /** A formula in en-US syntax with commas, e.g. `=CCHC.TYLE(CCHC_KH_HOANTHANH,CCHC_KH_TONG)`. */
  formula?: string;
  /** The core's result for a formula cell, stored as its cached value (see `fillCachedValues`). */
  cached?: number | string;
  /** What the formula computes, so the core can supply the cached value. */
  computes?: CachedSource;
  style?: CellStyle;
  /**
   * A user's cell (figure, note, typed score): on reinstall the content found in the row whose
   * column A holds `keepKey`, same column, replaces `value`/`formula` unless it is one of our
   * own CCHC formulas.
   */
  keepKey?: string;
}

/** What a formula cell computes, in the core's terms. */
export type CachedSource =
  /** a ratio or derived date of the catalogue */
  | { type: "indicator"; id: string }
  /** CCHC.KIEMTRA(total, parts…), one or more joined by a space */
  | { type: "sumCheck"; sums: ReadonlyArray<{ total: string; parts: readonly string[] }> }
  /** CCHC.DIEM of a criterion */
  | { type: "score"; code: string }
  /** this year's score − last year's */
  | { type: "scoreDelta"; code: string }
  /** the sum of a scoring column: max, score or last year */
  | { type: "scoreTotal"; column: "max" | "score" | "lastYear" }
  /** the sum of a table's column: its cells' figure ids (blank as 0) */
  | { type: "tableSum"; ids: readonly string[] };

export type ValidationRule =
  | { type: "wholeNumber"; min: number; max?: number }
  | { type: "decimal"; min: number; max?: number }
  | { type: "list"; values: readonly string[] }
  /** Excel date serials, inclusive. */
  | { type: "date"; min: number; max: number }
  /**
   * A figure cell that also takes one text (the «chưa có số liệu» mark, issue 21): a number from
   * `min` (to `max`), whole when `whole`, or `text` (Excel compares texts without case). Written
   * as Excel's custom rule, `figureValidationFormula` of the range's first cell.
   */
  | { type: "figureOrText"; whole: boolean; min: number; max?: number; text: string };

/**
 * The formula of a `figureOrText` rule for the cell `at` (`D12`, the top-left cell of the
 * range: Excel moves it over the range as a relative reference), without the leading `=`:
 * `OR(AND(ISNUMBER(D12),D12>=0,D12=INT(D12)),TRIM(D12)="chưa có số liệu")`.
 */
export function figureValidationFormula(
  rule: Extract<ValidationRule, { type: "figureOrText" }>,
  at: string,
): string {
  const tests = [`ISNUMBER(${at})`, `${at}>=${rule.min}`];
  if (rule.max !== undefined) tests.push(`${at}<=${rule.max}`);
  if (rule.whole) tests.push(`${at}=INT(${at})`);
  return `OR(AND(${tests.join(",")}),TRIM(${at})="${rule.text.replace(/"/g, '""')}")`;
}

export interface ValidationPlan {
  /** A1-style range on the sheet, e.g. `D5` or `C4:C500`. */
  range: string;
  rule: ValidationRule;
  prompt?: { title: string; message: string };
  error: { title: string; message: string };
}

export interface PagePlan {
  orientation: "portrait" | "landscape";
  /** Millimetres (Nghị định 30/2020: top/bottom 20–25, left 30–35, right 15–20). */
  marginsMm: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** All columns on one page wide, as many pages tall as needed. */
  fitToWidth: boolean;
  /** A1-style range, e.g. `A1:E80`. */
  printArea: string;
  /** Rows repeated at the top of every printed page, e.g. `$9:$9`. */
  printTitleRows?: string;
  /** Page number centred at the top, not on the first page. */
  pageNumberTopCenterFromSecondPage: boolean;
  /** Rows that start a new printed page (manual breaks), e.g. `[80]`: a break above row 80. */
  rowBreaks?: readonly number[];
}

export interface NamePlan {
  /** Workbook-scoped defined name, e.g. `CCHC_KH_TONG`. */
  name: string;
  /** A1-style address of one cell on the sheet. */
  address: string;
}

export type SheetRole = "info" | "input" | "list" | "scoring" | "report" | "meta";

export interface SheetPlan {
  /** Stable key of the sheet across versions (`info`, `s1`, `docs`, `score`, `report1` …). */
  key: string;
  name: string;
  role: SheetRole;
  /** Column widths in characters, from column A. */
  columns: readonly number[];
  /** Row heights in points, by 1-based row number. */
  rowHeights?: Readonly<Record<number, number>>;
  /** The default font of the sheet's cells (Times New Roman for everything printed). */
  font: { name: string; size: number };
  cells: CellPlan[];
  merges: string[];
  names: NamePlan[];
  validations: ValidationPlan[];
  /** Protect without a password: labels and formulas locked, input cells (locked: false) open. */
  protect: boolean;
  freeze?: { rows: number; columns: number };
  page?: PagePlan;
  /** An Excel table over a range whose first row is the header. */
  table?: { name: string; range: string };
  visibility: "visible" | "veryHidden";
  /**
   * Range whose contents and formats are cleared before the cells are written, so an upgrade
   * leaves no stale cells. Kept values were read before and are written back by the plan.
   */
  clear?: string;
  tabColor?: string;
  /**
   * Rows whose cells are made when asked, after `cells` (a consolidation's breakdown: a row per
   * unit, 300,000 cells for the country's 3,300 communes, too many to hold as cell objects at
   * once). Adapters write them row by row; `planCells` lists every cell of the plan.
   */
  rows?: RowsPlan;
}

/**
 * `count` rows from row `first`, the cells of the i-th (0-based) made anew by `cells(i)`. No
 * cell of the plan's `cells` lies in these rows, and their texts are within what a cell holds
 * (`cutToCellLimit`): `limitCellTexts` does not see them.
 */
export interface RowsPlan {
  first: number;
  count: number;
  cells(index: number): CellPlan[];
}

/** Every cell of a plan: its `cells`, then those of its `rows`, made now. */
export function planCells(plan: SheetPlan): CellPlan[] {
  if (!plan.rows) return plan.cells;
  const { count, cells } = plan.rows;
  const all = [...plan.cells];
  for (let i = 0; i < count; i++) all.push(...cells(i));
  return all;
}

/** Converts a 1-based column number to letters: 1 → A, 28 → AB. */
export function columnLetter(column: number): string {
  let result = "";
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) {
    result = String.fromCharCode(65 + ((c - 1) % 26)) + result;
  }
  return result;
}

/** Converts column letters to a 1-based number: A → 1, AB → 28. */
export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/**
 * Splits `D12` (or `$D$12`, `d12`) into column 4 and row 12. Read character by character: the
 * writers parse the address of every cell of a sheet (a report of 10,000 documents has 60,000).
 */
export function parseAddress(address: string): { column: number; row: number } {
  const end = address.length;
  let i = address.charCodeAt(0) === 36 ? 1 : 0; // $
  let column = 0;
  const lettersFrom = i;
  for (; i < end; i++) {
    const code = address.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    column = column * 26 + code - 96;
  }
  const lettersTo = i;
  if (i < end && address.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  let row = 0;
  for (; i < end; i++) {
    const code = address.charCodeAt(i);
    if (code < 48 || code > 57) break;
    row = row * 10 + code - 48;
  }
  if (lettersTo === lettersFrom || i === digitsFrom || i !== end)
    throw new Error(`Not an A1 address: ${address}`);
  // A row of more digits than a number holds exactly reads as Number() does.
  return { column, row: i - digitsFrom > 15 ? Number(address.slice(digitsFrom)) : row };
}

export function address(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}
