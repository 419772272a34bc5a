/**
 * The state behind the in-memory fake Excel: cells, sheets, names, tables, and the rules Excel
 * applies when something is entered (a leading `=`, `+` or `-` makes a formula, an apostrophe
 * keeps text, a `@` format keeps text…), when a user types into a validated cell, and when a
 * protected sheet is changed. No Office.js proxies here; see fakeExcel.ts.
 */
import { columnLetter, columnNumber } from "../../src/core/layout/model";

export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

/** An error shaped like Office.js's `OfficeExtension.Error`: a code and Excel's message. */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export const accessDenied = () =>
  new FakeExcelError(
    "AccessDenied",
    "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
  );

/** A rectangle of cells, 1-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `A1`, `A1:F10`, `$A$1`, `A:A`, `B:D`, `3:3`, `$9:$9` → box. */
export function parseBox(address: string): Box {
  const parts = address.replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length > 2)
    throw new FakeExcelError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format: ${address}`,
    );
  const ends = parts.map((part) => {
    const cell = /^([A-Z]{1,3})(\d+)$/.exec(part);
    if (cell) return { column: columnNumber(cell[1]), row: Number(cell[2]), kind: "cell" as const };
    if (/^[A-Z]{1,3}$/.test(part)) return { column: columnNumber(part), row: 0, kind: "column" as const };
    if (/^\d+$/.test(part)) return { column: 0, row: Number(part), kind: "row" as const };
    throw new FakeExcelError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format: ${address}`,
    );
  });
  const [a, b = a] = ends;
  if (a.kind !== b.kind)
    throw new FakeExcelError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format: ${address}`,
    );
  if (a.kind === "column")
    return {
      top: 1,
      bottom: MAX_ROW,
      left: Math.min(a.column, b.column),
      right: Math.max(a.column, b.column),
    };
  if (a.kind === "row")
    return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: 1, right: MAX_COLUMN };
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.column, b.column),
    right: Math.max(a.column, b.column),
  };
}

export function boxAddress(box: Box): string {
  if (box.top === 1 && box.bottom === MAX_ROW) return `${columnLetter(box.left)}:${columnLetter(box.right)}`;
  if (box.left === 1 && box.right === MAX_COLUMN) return `${box.top}:${box.bottom}`;
  const first = `${columnLetter(box.left)}${box.top}`;
  const last = `${columnLetter(box.right)}${box.bottom}`;
  return first === last ? first : `${first}:${last}`;
}

export function intersects(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function inside(inner: Box, outer: Box): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

/** The sheet part of an address as Excel writes it: quoted unless a plain identifier. */
export function quoteSheet(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Z]{1,3}\d+$/i.test(name) && !/^R\d*C\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export type Scalar = string | number | boolean;

export interface Edge {
  style?: string;
  weight?: string;
  color?: string;
}

export interface ValidationState {
  rule?: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
  ignoreBlanks?: boolean;
}

export interface CellState {
  /** The constant ("" when empty); for a formula cell, unused. */
  value: Scalar;
  formula?: string;
  /** What a formula cell shows: the fake has no formula engine, so tests set it ("#NAME?"…). */
  displayed?: Scalar;
  numberFormat: string;
  font: { name: string; size: number; bold: boolean; italic: boolean; underline: string; color: string };
  fill: string | null;
  edges: { top: Edge; bottom: Edge; left: Edge; right: Edge };
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
  locked: boolean;
  validation?: ValidationState;
}

export function defaultCell(): CellState {
  return {
    value: "",
    numberFormat: "General",
    font: { name: "Calibri", size: 11, bold: false, italic: false, underline: "None", color: "#000000" },
    fill: null,
    edges: { top: {}, bottom: {}, left: {}, right: {} },
    horizontalAlignment: "General",
    verticalAlignment: "Bottom",
    wrapText: false,
    indentLevel: 0,
    locked: true,
  };
}

export function hasContent(cell: CellState | undefined): boolean {
  return !!cell && (cell.formula !== undefined || cell.value !== "");
}

/** What the cell shows (Office.js `values`). */
export function displayedOf(cell: CellState | undefined): Scalar {
  if (!cell) return "";
  return cell.formula !== undefined ? (cell.displayed ?? "") : cell.value;
}

/** What the formulas view shows (Office.js `formulas`): the formula, else the constant. */
export function formulaViewOf(cell: CellState | undefined): Scalar {
  if (!cell) return "";
  return cell.formula ?? cell.value;
}

const NUMBER = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?\s*$/i;
const PERCENT = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*%\s*$/;

/**
 * Enters something into a cell as Excel does for `values`/`formulas` and for typing: `null`
 * leaves the cell as it is (Office.js), numbers and booleans are stored, and text is parsed.
 */
export function enter(cell: CellState, input: unknown): void {
  if (input === null || input === undefined) return;
  cell.displayed = undefined;
  cell.formula = undefined;
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    return;
  }
  const text = String(input);
  if (text === "") cell.value = "";
  else if (cell.numberFormat === "@") cell.value = text;
  else if (text.startsWith("'")) cell.value = text.slice(1);
  else if (NUMBER.test(text)) cell.value = Number(text);
  else if (PERCENT.test(text)) cell.value = Number(text.replace("%", "")) / 100;
  else if (text.startsWith("=")) cell.formula = text;
  // Typing «- Có mặt» in Excel gives the formula =- Có mặt (and #NAME?), not text.
  else if (text.startsWith("+") || text.startsWith("-")) cell.formula = `=${text}`;
  else if (/^(true|false)$/i.test(text)) cell.value = text.toLowerCase() === "true";
  else cell.value = text;
}

export class SheetState {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  protection: { protected: boolean; options?: Excel.WorksheetProtectionOptions } = { protected: false };
  freeze: { rows: number; columns: number } | null = null;
  readonly cells = new Map<string, CellState>();
  merges: Box[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly page: Record<string, unknown> = {};

  constructor(public name: string) {}

  peek(row: number, column: number): CellState | undefined {
    return this.cells.get(`${row}:${column}`);
  }

  cell(row: number, column: number): CellState {
    const key = `${row}:${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = defaultCell();
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Every cell of a box, created when missing (for writes). */
  forEach(box: Box, visit: (cell: CellState, row: number, column: number) => void): void {
    const area = (box.bottom - box.top + 1) * (box.right - box.left + 1);
    if (area > 200_000)
      throw new Error(`fake Excel: refusing to touch ${area} cells one by one (${boxAddress(box)})`);
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) visit(this.cell(r, c), r, c);
  }

  /** The cells of a box that exist (for clears and reads of large ranges). */
  existing(box: Box): Array<{ key: string; cell: CellState; row: number; column: number }> {
    const found: Array<{ key: string; cell: CellState; row: number; column: number }> = [];
    for (const [key, cell] of this.cells) {
      const [row, column] = key.split(":").map(Number);
      if (row >= box.top && row <= box.bottom && column >= box.left && column <= box.right)
        found.push({ key, cell, row, column });
    }
    return found;
  }

  /** The used range: cells with content (valuesOnly) or with anything but the defaults. */
  usedBox(valuesOnly: boolean): Box | null {
    let box: Box | null = null;
    const blank = JSON.stringify(defaultCell());
    for (const [key, cell] of this.cells) {
      if (!hasContent(cell) && (valuesOnly || JSON.stringify(cell) === blank)) continue;
      const [row, column] = key.split(":").map(Number);
      box = box
        ? {
            top: Math.min(box.top, row),
            bottom: Math.max(box.bottom, row),
            left: Math.min(box.left, column),
            right: Math.max(box.right, column),
          }
        : { top: row, bottom: row, left: column, right: column };
    }
    return box;
  }

  /** Excel refuses content changes to locked cells of a protected sheet. */
  assertContentWritable(box: Box): void {
    if (!this.protection.protected) return;
    for (let r = box.top; r <= Math.min(box.bottom, box.top + 5000); r++) {
      for (let c = box.left; c <= Math.min(box.right, box.left + 500); c++) {
        if (this.peek(r, c)?.locked ?? true) throw accessDenied();
      }
    }
  }

  /** Formatting a protected sheet needs the "format cells" permission, even for unlocked cells. */
  assertFormattable(
    permission: "allowFormatCells" | "allowFormatColumns" | "allowFormatRows" = "allowFormatCells",
  ): void {
    if (this.protection.protected && !this.protection.options?.[permission]) throw accessDenied();
  }

  /** Structural changes (merge, clear formats, validation, tables) are refused on a protected sheet. */
  assertUnprotected(): void {
    if (this.protection.protected) throw accessDenied();
  }
}

export interface NameState {
  name: string;
  sheet: SheetState;
  box: Box;
  /** The name's cells were deleted: Excel shows its reference as `#REF!` and it has no range. */
  broken?: boolean;
}

export interface TableState {
  name: string;
  sheet: SheetState;
  box: Box;
}

function isoToSerial(value: unknown): number {
  if (typeof value === "number") return value;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value).replace(/^=/, ""));
  if (!match) return Number(String(value).replace(/^=/, ""));
  return Math.round(
    (Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - Date.UTC(1899, 11, 30)) /
      86_400_000,
  );
}

function compare(operator: string, value: number, a: number, b: number): boolean {
  switch (operator) {
    case "Between":
      return value >= a && value <= b;
    case "NotBetween":
      return value < a || value > b;
    case "EqualTo":
      return value === a;
    case "NotEqualTo":
      return value !== a;
    case "GreaterThan":
      return value > a;
    case "LessThan":
      return value < a;
    case "GreaterThanOrEqualTo":
      return value >= a;
    case "LessThanOrEqualTo":
      return value <= a;
    default:
      throw new Error(`fake Excel: unknown validation operator ${operator}`);
  }
}

/**
 * Excel's verdict on the one custom rule the add-in writes (`figureValidationFormula`):
 * `=OR(AND(ISNUMBER(X),X>=a[,X<=b][,X=INT(X)]),TRIM(X)="text")`, texts compared without case as
 * Excel does. Any other custom formula is beyond the fake and throws.
 */
function customAccepts(formula: string, value: Scalar): boolean {
  const m =
    /^=OR\(AND\(ISNUMBER\(([A-Z]+\d+)\),\1>=([\d.]+)(?:,\1<=([\d.]+))?(,\1=INT\(\1\))?\),TRIM\(\1\)="((?:[^"]|"")*)"\)$/.exec(
      formula,
    );
  if (!m) throw new Error(`fake Excel: custom validation formula not understood: ${formula}`);
  const [, , min, max, whole, text] = m;
  if (typeof value === "number")
    return (
      value >= Number(min) &&
      (max === undefined || value <= Number(max)) &&
      (!whole || Number.isInteger(value))
    );
  return String(value).trim().toLowerCase() === text.replace(/""/g, '"').toLowerCase();
}

/**
 * Whether Excel's data validation accepts what a user types (validation fires on typing only;
 * a paste or a program's write bypasses it).
 */
export function validationAccepts(validation: ValidationState | undefined, value: Scalar): boolean {
  const rule = validation?.rule;
  if (!rule) return true;
  if (value === "") return validation?.ignoreBlanks ?? true;
  const basic = rule.wholeNumber ?? rule.decimal;
  if (basic) {
    if (typeof value !== "number") return false;
    if (rule.wholeNumber && !Number.isInteger(value)) return false;
    return compare(basic.operator, value, Number(basic.formula1), Number(basic.formula2 ?? NaN));
  }
  if (rule.list) return String(rule.list.source).split(",").includes(String(value));
  if (rule.custom) return customAccepts(String(rule.custom.formula), value);
  if (rule.date) {
    if (typeof value !== "number") return false;
    return compare(
      rule.date.operator,
      value,
      isoToSerial(rule.date.formula1),
      isoToSerial(rule.date.formula2 ?? NaN),
    );
  }
  return true;
}
