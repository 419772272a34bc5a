/**
 * Figures as read from a workbook: one map id → what the indicator's cell holds and where.
 * Adapters read every named input once into this shape; everything after is pure.
 */
import { isBlank } from "./arithmetic";
import {
  DATE1904_OFFSET,
  jsDateToSerial,
  parseDayMonthYear,
  serialFromWorkbook,
  toExcelSerial,
} from "./dates";
import { inputName, tableFigureIds, type Catalogue, type Indicator } from "./catalogue";
import { address, parseAddress } from "./layout/model";

/** What a cell holds, independent of the engine it came from. Dates are Excel serials. */
export type CellValue =
  | { type: "blank" }
  | { type: "number"; value: number }
  | { type: "text"; value: string }
  | { type: "boolean"; value: boolean }
  | { type: "error"; value: string };

export interface FigureCell {
  id: string;
  /** `'Sheet name'!D12` */
  cell: string;
  value: CellValue;
  /** The cell's formula when it has one (a computed or derived cell). */
  formula?: string;
  /** The user's note in the row's Ghi chú cell (an explanation of a warning). */
  note?: string;
}

export type Figures = ReadonlyMap<string, FigureCell>;

/** Excel's error values, as Office.js and ExcelJS report them. */
const EXCEL_ERRORS =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|BUSY!|CONNECT!|BLOCKED!|FIELD!|UNKNOWN!)$/;

/** Text of anything an engine might hand over; an object that cannot say what it is gets a placeholder. */
function textOf(raw: unknown): string {
  try {
    return String(raw);
  } catch {
    return "[giá trị không đọc được]";
  }
}

/** Classifies a raw cell value (Office.js `values`, or an ExcelJS value the adapter unwrapped). */
export function classifyCell(raw: unknown): CellValue {
  if (isBlank(raw)) return { type: "blank" };
  if (typeof raw === "number")
    return Number.isFinite(raw) ? { type: "number", value: raw } : { type: "error", value: "#NUM!" };
  if (typeof raw === "boolean") return { type: "boolean", value: raw };
  if (raw instanceof Date) return { type: "number", value: dateToSerial(raw) };
  const text = textOf(raw);
  return EXCEL_ERRORS.test(text.trim())
    ? { type: "error", value: text.trim() }
    : { type: "text", value: text };
}

/**
 * A Date as ExcelJS reads it (UTC, already corrected for a 1904 workbook) as a serial of the
 * 1900 date system; the time of day is kept as the fraction, as Excel does (see `dates`).
 */
export const dateToSerial = jsDateToSerial;

export { DATE1904_OFFSET };

/**
 * A date cell's value as a workbook stores it as a serial of the 1900 system, the core's
 * convention: moved when the workbook uses the 1904 date system (Mac Excel's old default,
 * LibreOffice's "1904" null date), unchanged otherwise. Not a number: unchanged.
 */
export function dateFromWorkbook(value: CellValue, date1904: boolean): CellValue {
  return value.type === "number"
    ? { type: "number", value: serialFromWorkbook(value.value, date1904) }
    : value;
}

/**
 * What a cell the form says holds a date is read as: a number is a serial of the workbook's
 * date system, moved to the core's 1900 system; a text written day/month/year («21/07/2025»,
 * «15/8/2025»: what a person types, and what an Excel set to another region keeps as text) is
 * that day. Anything else is left as it is, for the checks to explain. The cell is not changed.
 */
export function readDateCell(value: CellValue, date1904: boolean): CellValue {
  if (value.type === "number") return dateFromWorkbook(value, date1904);
  if (value.type === "text") {
    const day = parseDayMonthYear(value.value);
    if (day) return { type: "number", value: toExcelSerial(day) };
  }
  return value;
}

/** `'Sheet'!D12`, quoting the sheet name as Excel does. */
export function cellRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** Splits `'It''s'!$D$12` (or `Sheet1!D12:E13`) into the unquoted sheet name and its first cell. */
export function parseCellRef(ref: string): { sheet: string; address: string } | undefined {
  const match = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?[A-Z]{1,3}\$?\d+)?$/i.exec(
    ref.trim(),
  );
  if (!match) return undefined;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  return { sheet, address: `${match[3].toUpperCase()}${match[4]}` };
}

/** A figure set from plain values (the sample, tests): cells are named after the indicator. */
export function figuresFromValues(
  values: Readonly<Record<string, unknown>>,
  catalogue: Catalogue,
  cellOf: (indicator: Indicator) => string = (indicator) => indicator.id,
): Figures {
  const figures = new Map<string, FigureCell>();
  for (const indicator of catalogue.indicators) {
    // Ratios are computed; a derived date is a formula unless a value is typed over it.
    if (indicator.kind === "ratio" || (indicator.derived && !(indicator.id in values))) continue;
    figures.set(indicator.id, {
      id: indicator.id,
      cell: cellOf(indicator),
      value: classifyCell(values[indicator.id]),
    });
  }
  for (const id of tableFigureIds(catalogue))
    if (id in values) figures.set(id, { id, cell: id, value: classifyCell(values[id]) });
  return figures;
}

/** A row of the "Danh mục văn bản" list as read from a workbook. */
export interface DocumentRow {
  /** 1-based position in the list. */
  index: number;
  number: CellValue;
  date: CellValue;
  summary: CellValue;
  note: CellValue;
  /** Cell references of the row's number and date cells. */
  numberCell: string;
  dateCell: string;
}

/** What an adapter found at a defined name: the cell, its value and its formula if any. */
export interface NamedCell {
  /** `'Sheet'!D12` */
  cell: string;
  /** The value as the engine reports it (dates as serials or Date objects, errors as `#N/A` …). */
  value: unknown;
  /** The formula (`=…`) when the cell has one. */
  formula?: string;
  /** The value of the cell one column to the right: the row's Ghi chú. */
  note?: unknown;
  /** `cell` already split (sheet unquoted, `D12`), when the adapter has it: spares parsing `cell` again. */
  at?: { sheet: string; address: string };
}

/**
 * The figures of a workbook, read through the names `CCHC_<ID>`: `lookup` gets the defined name
 * and returns the cell, or undefined when the workbook lacks it. Ratios are skipped: they are
 * always computed by the core.
 */
export function figuresFromNamedCells(
  catalogue: Catalogue,
  lookup: (name: string) => NamedCell | undefined,
): Map<string, FigureCell> {
  return readNamedFigures(catalogue, lookup).figures;
}

/**
 * The rows of the "Danh mục văn bản" sheet from its values grid (row 1 first): the rows below
 * the header that hold anything, as documents. Columns: STT, number, date, summary, note.
 */
export function documentsFromGrid(
  sheetName: string,
  grid: ReadonlyArray<ReadonlyArray<unknown>>,
  headerRow: number,
  /** The grid's numbers are serials of the 1904 date system (see `readDateCell`). */
  date1904 = false,
): DocumentRow[] {
  const rows: DocumentRow[] = [];
  grid.forEach((row, i) => {
    const r = i + 1;
    if (r <= headerRow) return;
    const [, number, rawDate, summary, note] = [0, 1, 2, 3, 4].map((c) => classifyCell(row[c]));
    const date = readDateCell(rawDate, date1904);
    if ([number, date, summary, note].every((v) => v.type === "blank")) return;
    rows.push({
      index: rows.length + 1,
      number,
      date,
      summary,
      note,
      numberCell: cellRef(sheetName, `B${r}`),
      dateCell: cellRef(sheetName, `C${r}`),
    });
  });
  return rows;
}

/** Columns from a figure's key (column A of an input sheet) to its value (column D). */
export const KEY_TO_VALUE = 3;

/** A sheet's contents from A1, in the two views adapters read (values; formulas when read). */
export interface SheetGrids {
  values: ReadonlyArray<ReadonlyArray<unknown>>;
  formulas?: ReadonlyArray<ReadonlyArray<unknown>>;
}

/** What the defined name of a figure gives: a cell, or a reference that is no cell (`#REF!`). */
export type NameTarget = NamedCell | { broken: string };

/** Something wrong with where a figure is, found while reading (see `checkPlacement` in checks). */
export type PlacementProblem =
  /**
   * The name points at no cell (`#REF!`: its row or sheet was deleted), or is gone from a
   * workbook installed with this very template version (some engines drop a `#REF!` name).
   */
  | { kind: "brokenName"; id: string; name: string; reference?: string }
  /**
   * The name's row carries another indicator's key (rows sorted: values and keys moved, the
   * names stayed). The figure was read from the row of its own key, `cell`.
   */
  | { kind: "keyMismatch"; id: string; name: string; namedCell: string; keyThere: string; cell: string }
  /**
   * The name's row carries another indicator's key and no row carries this one's: the figure
   * is left out rather than read beside another row's label.
   */
  | { kind: "keyMissing"; id: string; name: string; namedCell: string; keyThere: string }
  /**
   * A computed cell (a ratio, which the core always computes) holds a typed constant instead of
   * its formula: the sheet shows the typed value, the report the computed one. `install`
   * writes the formula back.
   */
  | { kind: "typedOver"; id: string; cell: string; typed: CellValue };

export interface ReadNamedOptions {
  /** A sheet's grids when the adapter read them (else the names are trusted as they are). */
  gridOf?: (sheet: string) => SheetGrids | undefined;
  /** The workbook was installed with this very catalogue and version: every name must be there. */
  namesComplete?: boolean;
  /**
   * The adapter's numbers in date cells are serials of the 1904 date system (Office.js reports
   * them so); they are turned into the core's 1900 serials.
   */
  date1904?: boolean;
}

/** Figures and the problems met placing them. */
export interface FigureReading {
  figures: Map<string, FigureCell>;
  problems: PlacementProblem[];
}

function keyText(raw: unknown): string | undefined {
  return typeof raw === "string" && raw.trim() ? raw.trim() : undefined;
}

/**
 * Reads the figures through their names `CCHC_<ID>`, the name being the identity of a figure's
 * cell (it moves with inserted rows and columns). Two checks against the row's key, three
 * columns left of the name: when the row holds another indicator's key (the rows were sorted),
 * the figure is read from the row of its own key in the same columns, so no figure is ever
 * paired with another row's label; when the name points at no cell (`#REF!`), the figure is
 * left out and a problem recorded. `gridOf` gives a sheet's grids when the adapter read them
 * (else the name is trusted as is). With `namesComplete` (the workbook was installed with this
 * very catalogue and version, so every name must be there), a missing name is a problem too.
 * With `date1904`, typed dates are turned into 1900 serials. Ratios are not read (the core
 * computes them); a ratio cell holding a typed constant is a `typedOver` problem.
 */
export function readNamedFigures(
  catalogue: Catalogue,
  lookup: (name: string) => NameTarget | undefined,
  options: ReadNamedOptions = {},
): FigureReading {
  const { gridOf = () => undefined, namesComplete = false, date1904 = false } = options;
  const known = new Set(catalogue.indicators.map((i) => i.id));
  const figures = new Map<string, FigureCell>();
  const problems: PlacementProblem[] = [];
  for (const indicator of catalogue.indicators) {
    const computed = indicator.kind === "ratio";
    const name = `CCHC_${indicator.id.toUpperCase()}`;
    const target = lookup(name);
    if (computed) {
      // Never read as a figure; only a constant typed over the formula is told.
      if (target && !("broken" in target)) {
        const cell = figureOf(indicator.id, target);
        if (!cell.formula && cell.value.type !== "blank")
          problems.push({ kind: "typedOver", id: indicator.id, cell: cell.cell, typed: cell.value });
      }
      continue;
    }
    if (!target) {
      if (namesComplete) problems.push({ kind: "brokenName", id: indicator.id, name });
      continue;
    }
    if ("broken" in target) {
      problems.push({ kind: "brokenName", id: indicator.id, name, reference: target.broken });
      continue;
    }
    let found: NamedCell = target;
    const at = target.at ?? parseCellRef(target.cell);
    const grids = at && gridOf(at.sheet);
    if (at && grids) {
      const { row, column } = parseAddress(at.address);
      const keyColumn = column - KEY_TO_VALUE;
      const keyThere = keyColumn >= 1 ? keyText(grids.values[row - 1]?.[keyColumn - 1]) : undefined;
      if (keyThere !== indicator.id) {
        const own = grids.values.findIndex((r) => keyText(r?.[keyColumn - 1]) === indicator.id);
        if (own >= 0) {
          const cell = cellRef(at.sheet, address(column, own + 1));
          problems.push({
            kind: "keyMismatch",
            id: indicator.id,
            name,
            namedCell: target.cell,
            keyThere: keyThere ?? "",
            cell,
          });
          const formula = grids.formulas?.[own]?.[column - 1];
          found = {
            cell,
            value: grids.values[own]?.[column - 1] ?? null,
            formula: typeof formula === "string" ? formula : undefined,
            note: grids.values[own]?.[column],
          };
        } else if (keyThere && known.has(keyThere)) {
          problems.push({ kind: "keyMissing", id: indicator.id, name, namedCell: target.cell, keyThere });
          continue;
        }
        // Otherwise the key's text was lost or mangled (another program): the name decides.
      }
    }
    const figure = figureOf(indicator.id, found);
    // A typed date (not our formula's result, which the core computes again) is read as a day.
    if (indicator.kind === "date" && !figure.formula) figure.value = readDateCell(figure.value, date1904);
    figures.set(indicator.id, figure);
  }
  readTableFigures(catalogue, lookup, namesComplete, figures, problems);
  return { figures, problems };
}

/**
 * The cells of the catalogue's tables, through their names `CCHC_T_<TABLE>_<ROW>_<COL>` (the
 * name alone: a table's rows carry no key beside each cell to check it against). A name that
 * points at no cell is a `brokenName` problem, as an indicator's.
 */
function readTableFigures(
  catalogue: Catalogue,
  lookup: (name: string) => NameTarget | undefined,
  namesComplete: boolean,
  figures: Map<string, FigureCell>,
  problems: PlacementProblem[],
): void {
  for (const id of tableFigureIds(catalogue)) {
    const name = inputName(id);
    const target = lookup(name);
    if (!target) {
      if (namesComplete) problems.push({ kind: "brokenName", id, name });
    } else if ("broken" in target) problems.push({ kind: "brokenName", id, name, reference: target.broken });
    else {
      const figure = figureOf(id, target);
      // A cell's right neighbour is the next column's figure, not a note.
      delete figure.note;
      figures.set(id, figure);
    }
  }
}

function figureOf(id: string, found: NamedCell): FigureCell {
  const formula =
    typeof found.formula === "string" && found.formula.startsWith("=") ? found.formula : undefined;
  const note = typeof found.note === "string" && found.note.trim() ? found.note.trim() : undefined;
  return { id, cell: found.cell, value: classifyCell(found.value), formula, note };
}
