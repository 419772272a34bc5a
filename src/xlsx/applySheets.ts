/**
 * The ExcelJS adapter's writing half: applies the core's sheet descriptions (`SheetPlan`) to a
 * workbook. Everything the plan describes is written as described; everything else in the
 * workbook (other sheets, their order, cells outside a plan's `clear` range, notes) is left
 * alone. Formula cells carry the core's figure as their cached value, and the workbook is
 * marked not to recalculate on load, so a file opened where the CCHC functions are unknown
 * (LibreOffice, Excel without the add-in, a viewer) shows the figures rather than `#NAME?`.
 */
import * as ExcelJS from "exceljs";
import {
  address as cellAddress,
  columnLetter,
  parseAddress,
  type CellPlan,
  type CellStyle,
  type PagePlan,
  type SheetPlan,
  type ValidationPlan,
} from "../core/layout/model";
import { tablesOf, type TableModel } from "./excelJsFixes";
import { findWorksheet } from "./readWorkbook";

/** What applying did beyond the plan's cells, for the caller to report. */
export interface ApplyReport {
  /** Sheets created, in plan order. */
  addedSheets: string[];
  /** Tables created (name). */
  addedTables: string[];
  /**
   * Tables left as they were: an existing table over the plan's range is the user's list, and
   * ExcelJS cannot resize a table it has read (it keeps only the loaded model, with no rows),
   * so it is kept untouched rather than rebuilt.
   */
  keptTables: string[];
}

/** A rectangular range, 1-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `C4:C504` or `D5` as a box. */
export function parseRange(range: string): Box {
  const [from, to = from] = range.replace(/\$/g, "").split(":");
  const a = parseAddress(from);
  const b = parseAddress(to);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

function intersects(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function contains(box: Box, row: number, column: number): boolean {
  return row >= box.top && row <= box.bottom && column >= box.left && column <= box.right;
}

/** `'Sheet name'`, quoted as Excel writes sheet names in references. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `#RRGGBB` → ExcelJS's `FFRRGGBB`. */
function argb(color: string): string {
  const hex = /^#?([0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) throw new Error(`Not a #RRGGBB colour: ${color}`);
  return `FF${hex.toUpperCase()}`;
}

const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
/** Days between the 1900 and the 1904 date systems. */
const DATE1904_OFFSET = 1_462;

/** Whether a number format shows a date (d, m, y outside quotes and brackets, no digit placeholders). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[0#?]/.test(bare));
}

/** The serials of the plan are 1900-based; a workbook in the 1904 system stores them 1462 lower. */
export interface DateSystem {
  toWorkbook(serial: number): number;
  /** A Date that ExcelJS's validation writer turns back into the workbook serial. */
  validationDate(serial: number): Date;
}

function dateSystemOf(workbook: ExcelJS.Workbook): DateSystem {
  const offset = workbook.properties?.date1904 ? DATE1904_OFFSET : 0;
  return {
    toWorkbook: (serial) => serial - offset,
    // ExcelJS writes date validation bounds as 25569 + ms/day, ignoring the 1904 flag.
    validationDate: (serial) => new Date(Math.round((serial - offset - UNIX_EPOCH_SERIAL) * DAY_MS)),
  };
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

/** The full ExcelJS style of a planned cell: the sheet's font under the cell's own settings. */
export function excelStyle(
  style: CellStyle | undefined,
  sheetFont: SheetPlan["font"],
): Partial<ExcelJS.Style> {
  const s = style ?? {};
  const font: Partial<ExcelJS.Font> = {
    name: s.font?.name ?? sheetFont.name,
    size: s.font?.size ?? sheetFont.size,
  };
  if (s.font?.bold) font.bold = true;
  if (s.font?.italic) font.italic = true;
  if (s.font?.underline) font.underline = true;
  if (s.font?.color) font.color = { argb: argb(s.font.color) };
  const result: Partial<ExcelJS.Style> = { font, protection: { locked: s.locked ?? true } };
  if (s.fill) result.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.align) alignment.horizontal = s.align;
  if (s.vAlign) alignment.vertical = s.vAlign === "center" ? "middle" : s.vAlign;
  if (s.wrap) alignment.wrapText = true;
  if (s.indent) alignment.indent = s.indent;
  if (Object.keys(alignment).length > 0) result.alignment = alignment;
  if (s.border) result.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  else if (s.ruleBelow) result.border = { bottom: THIN };
  if (s.numberFormat) result.numFmt = s.numberFormat;
  return result;
}

/** What ExcelJS's data validation model looks like at run time (not in its typings). */
type ValidationModel = Record<string, ExcelJS.DataValidation | undefined>;

function validationModel(worksheet: ExcelJS.Worksheet): ValidationModel {
  const holder = (worksheet as unknown as { dataValidations?: { model?: ValidationModel } }).dataValidations;
  if (!holder?.model)
    throw new Error("ExcelJS worksheet has no dataValidations model (unsupported ExcelJS version)");
  return holder.model;
}

/**
 * Removes every validation over `box`. ExcelJS keys validations by a cell or a range; a range
 * that reaches outside the box keeps its outside cells, one key per cell (ExcelJS joins equal
 * neighbours into ranges again when it writes).
 */
function removeValidations(worksheet: ExcelJS.Worksheet, box: Box): void {
  const model = validationModel(worksheet);
  for (const key of Object.keys(model)) {
    const validation = model[key];
    if (!validation) {
      // DataValidations.remove() leaves an undefined entry that the writer would emit as an empty rule.
      delete model[key];
      continue;
    }
    const keyBox = parseRange(key);
    if (!intersects(keyBox, box)) continue;
    delete model[key];
    for (let row = keyBox.top; row <= keyBox.bottom; row++) {
      for (let column = keyBox.left; column <= keyBox.right; column++) {
        if (!contains(box, row, column)) model[cellAddress(column, row)] = validation;
      }
    }
  }
}

/** A list validation's source: Excel's quoted, comma-separated constant (at most 255 characters). */
function listFormula(values: readonly string[]): string {
  for (const value of values) {
    if (/[,"]/.test(value)) throw new Error(`A list choice cannot hold a comma or a quote: ${value}`);
  }
  const list = `"${values.join(",")}"`;
  if (list.length > 257)
    throw new Error(`A list validation's choices exceed Excel's 255 characters: ${list}`);
  return list;
}

/** The ExcelJS form of a planned validation. */
export function excelValidation(plan: ValidationPlan, dates: DateSystem): ExcelJS.DataValidation {
  const messages = {
    allowBlank: true,
    showInputMessage: !!plan.prompt,
    ...(plan.prompt ? { promptTitle: plan.prompt.title, prompt: plan.prompt.message } : {}),
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: plan.error.title,
    error: plan.error.message,
  };
  const rule = plan.rule;
  switch (rule.type) {
    case "wholeNumber":
    case "decimal":
      return {
        type: rule.type === "wholeNumber" ? "whole" : "decimal",
        operator: rule.max === undefined ? "greaterThanOrEqual" : "between",
        formulae: rule.max === undefined ? [rule.min] : [rule.min, rule.max],
        ...messages,
      };
    case "list":
      return { type: "list", formulae: [listFormula(rule.values)], ...messages };
    case "date":
      return {
        type: "date",
        operator: "between",
        formulae: [dates.validationDate(rule.min), dates.validationDate(rule.max)],
        ...messages,
      };
  }
}

/** A formula cell as found before the clear, so a user's own formula keeps its cached result. */
type PriorFormulas = Map<string, { formula: string; result: ExcelJS.CellFormulaValue["result"] }>;

/**
 * Clears a range as Excel's "Clear All" minus notes: values, formats, merges reaching into it
 * and validation. Returns the formulas that were there, with their cached results.
 */
function clearRange(worksheet: ExcelJS.Worksheet, range: string): PriorFormulas {
  const box = parseRange(range);
  const prior: PriorFormulas = new Map();
  worksheet.unMergeCells(box.top, box.left, box.bottom, box.right);
  for (let row = box.top; row <= box.bottom; row++) {
    const found = worksheet.findRow(row);
    if (!found) continue;
    for (let column = box.left; column <= box.right; column++) {
      const cell = found.findCell(column);
      if (!cell) continue;
      if (cell.type === ExcelJS.ValueType.Formula && cell.formula) {
        prior.set(cell.address, { formula: cell.formula, result: cell.result });
      }
      cell.value = null;
      cell.style = {};
    }
  }
  removeValidations(worksheet, box);
  return prior;
}

/**
 * The cached text standing for the core's empty result (""). LibreOffice treats a formula cell
 * whose cached string is empty or blank as never calculated and computes it on load, which for
 * a CCHC.* function it does not know means `#NAME?` (every ratio of a blank template, every
 * sum check that holds). A no-break space is kept as the cached value and shows as an empty
 * cell; the core reads it as blank (it trims), and Excel replaces it when it recalculates.
 */
export const EMPTY_CACHED_TEXT = "\u00A0";

/**
 * A number the file format cannot hold (Infinity, NaN) is written as Excel's #NUM!, which is
 * what Excel itself shows for one; written as is, ExcelJS would put "Infinity" in the file.
 */
const NUM_ERROR: ExcelJS.CellErrorValue = { error: "#NUM!" as ExcelJS.CellErrorValue["error"] };

/** What a planned cell holds, in ExcelJS's terms. */
function cellContent(plan: CellPlan, prior: PriorFormulas, dates: DateSystem): ExcelJS.CellValue {
  if (plan.formula !== undefined) {
    const formula = plan.formula.replace(/^=/, "");
    const before = prior.get(plan.address);
    const cached = plan.cached === "" ? EMPTY_CACHED_TEXT : plan.cached;
    let result = cached ?? (before && before.formula === formula ? before.result : undefined);
    if (result === undefined) return { formula };
    // The core's cached date is a 1900 serial, like a constant's.
    if (cached !== undefined && typeof result === "number" && isDateFormat(plan.style?.numberFormat))
      result = dates.toWorkbook(result);
    return { formula, result: typeof result === "number" && !Number.isFinite(result) ? NUM_ERROR : result };
  }
  const value = plan.value ?? null;
  if (typeof value === "number" && !Number.isFinite(value)) return NUM_ERROR;
  if (typeof value === "number" && isDateFormat(plan.style?.numberFormat)) return dates.toWorkbook(value);
  return value;
}

function applyPage(worksheet: ExcelJS.Worksheet, page: PagePlan): void {
  const inches = (mm: number) => Math.round((mm / 25.4) * 10_000) / 10_000;
  const m = page.marginsMm;
  worksheet.pageSetup = {
    ...worksheet.pageSetup,
    paperSize: 9, // A4
    orientation: page.orientation,
    margins: {
      top: inches(m.top),
      bottom: inches(m.bottom),
      left: inches(m.left),
      right: inches(m.right),
      header: inches(m.header),
      footer: inches(m.footer),
    },
    fitToPage: page.fitToWidth,
    ...(page.fitToWidth ? { fitToWidth: 1, fitToHeight: 0 } : {}),
    printArea: page.printArea.replace(/\$/g, ""),
    printTitlesRow: page.printTitleRows?.replace(/\$/g, ""),
  };
  worksheet.headerFooter = page.pageNumberTopCenterFromSecondPage
    ? { differentFirst: true, oddHeader: "&C&P", firstHeader: "" }
    : { differentFirst: false };
}

/** Table names share one namespace with each other and with defined names, workbook-wide. */
function freeTableName(workbook: ExcelJS.Workbook, wanted: string): string {
  const taken = new Set<string>();
  for (const worksheet of workbook.worksheets)
    for (const table of Object.values(tablesOf(worksheet))) taken.add(table.model.name.toUpperCase());
  for (const { name } of workbook.definedNames.model) taken.add(name.toUpperCase());
  let name = wanted;
  for (let i = 2; taken.has(name.toUpperCase()); i++) name = `${wanted}_${i}`;
  return name;
}

function tableBox(model: TableModel): Box | undefined {
  // A loaded table has its extent in `tableRef`; addTable computes the same field when it
  // validates a new one (its `ref` is only the top-left cell).
  const ref = model.tableRef ?? model.ref;
  return ref ? parseRange(ref) : undefined;
}

/** Adds the plan's table over cells already written, unless a table is there already. */
function ensureTable(
  workbook: ExcelJS.Workbook,
  worksheet: ExcelJS.Worksheet,
  table: NonNullable<SheetPlan["table"]>,
  report: ApplyReport,
): void {
  const box = parseRange(table.range);
  const existing = Object.values(tablesOf(worksheet)).find((t) => {
    const other = tableBox(t.model);
    return (
      t.model.name.toUpperCase() === table.name.toUpperCase() ||
      (other !== undefined && intersects(other, box))
    );
  });
  if (existing) {
    report.keptTables.push(existing.model.name);
    return;
  }
  const names = new Set<string>();
  const columns: ExcelJS.TableColumnProperties[] = [];
  for (let column = box.left; column <= box.right; column++) {
    const text = worksheet.getCell(box.top, column).text.trim() || `Cột ${column - box.left + 1}`;
    let name = text;
    for (let i = 2; names.has(name.toLowerCase()); i++) name = `${text} ${i}`;
    names.add(name.toLowerCase());
    columns.push({ name, filterButton: true });
  }
  const rows: ExcelJS.CellValue[][] = [];
  for (let row = box.top + 1; row <= box.bottom; row++) {
    const values: ExcelJS.CellValue[] = [];
    for (let column = box.left; column <= box.right; column++)
      values.push(worksheet.getCell(row, column).value);
    rows.push(values);
  }
  const name = freeTableName(workbook, table.name);
  // addTable writes the header names and rows back into the cells: they are the cells' own values.
  worksheet.addTable({
    name,
    displayName: name,
    ref: cellAddress(box.left, box.top),
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleLight1", showRowStripes: true },
    columns,
    rows,
  });
  report.addedTables.push(name);
}

/** Finds or creates the plans' worksheets; a new sheet goes next to its neighbours in the plan. */
function ensureWorksheets(
  workbook: ExcelJS.Workbook,
  plans: readonly SheetPlan[],
  report: ApplyReport,
): ExcelJS.Worksheet[] {
  const order = workbook.worksheets;
  const activeIndex = workbook.views?.[0]?.activeTab;
  const active = activeIndex !== undefined ? order[activeIndex] : undefined;
  const sheets: ExcelJS.Worksheet[] = [];
  plans.forEach((plan, i) => {
    const found = findWorksheet(workbook, plan.name);
    if (found) {
      sheets.push(found);
      return;
    }
    const created = workbook.addWorksheet(plan.name);
    report.addedSheets.push(plan.name);
    // After the previous plan sheet, else before the next one that exists, else at the end.
    const previous = sheets[i - 1];
    const next = plans
      .slice(i + 1)
      .map((p) => findWorksheet(workbook, p.name))
      .find((ws): ws is ExcelJS.Worksheet => !!ws && ws !== created);
    const at = previous ? order.indexOf(previous) + 1 : next ? order.indexOf(next) : order.length;
    order.splice(at, 0, created);
    sheets.push(created);
  });
  // ExcelJS sorts `workbook.worksheets` (and writes the tabs) by this run-time field, absent from its typings.
  order.forEach((worksheet, index) => {
    (worksheet as unknown as { orderNo: number }).orderNo = index;
  });
  if (active && workbook.views?.[0]) workbook.views[0].activeTab = order.indexOf(active);
  return sheets;
}

/** Replaces the definitions of every planned name (case-insensitively, as Excel compares names). */
function replaceDefinedNames(
  workbook: ExcelJS.Workbook,
  plans: readonly SheetPlan[],
  sheets: readonly ExcelJS.Worksheet[],
): void {
  const planned = new Map<string, string>();
  plans.forEach((plan, i) => {
    for (const name of plan.names) {
      const { row, column } = parseAddress(name.address);
      planned.set(name.name, `${quoteSheetName(sheets[i].name)}!$${columnLetter(column)}$${row}`);
    }
  });
  const upper = new Set([...planned.keys()].map((n) => n.toUpperCase()));
  const definedNames = workbook.definedNames;
  definedNames.model = definedNames.model.filter((defined) => !upper.has(defined.name.toUpperCase()));
  for (const [name, reference] of planned) definedNames.add(reference, name);
}

/** Applies one plan to its worksheet. */
async function applySheet(
  workbook: ExcelJS.Workbook,
  worksheet: ExcelJS.Worksheet,
  plan: SheetPlan,
  dates: DateSystem,
  report: ApplyReport,
): Promise<void> {
  worksheet.state = plan.visibility === "veryHidden" ? "veryHidden" : "visible";
  if (plan.tabColor) worksheet.properties.tabColor = { argb: argb(plan.tabColor) };

  const prior = plan.clear ? clearRange(worksheet, plan.clear) : new Map();

  // Column default style: what Excel gives a cell typed later in the column.
  plan.columns.forEach((width, i) => {
    const column = worksheet.getColumn(i + 1);
    column.width = width;
    column.style = { ...column.style, font: { name: plan.font.name, size: plan.font.size } };
  });
  for (const [row, height] of Object.entries(plan.rowHeights ?? {}))
    worksheet.getRow(Number(row)).height = height;

  for (const planned of plan.cells) {
    const cell = worksheet.getCell(planned.address);
    if (cell.type === ExcelJS.ValueType.Merge) {
      // Writing into a merged-over cell would write its master: a merge outside `clear` is in the way.
      const { row, column } = parseAddress(planned.address);
      worksheet.unMergeCells(row, column, row, column);
    }
    cell.value = cellContent(planned, prior, dates);
    cell.style = excelStyle(planned.style, plan.font);
  }

  for (const merge of plan.merges) {
    const box = parseRange(merge);
    worksheet.unMergeCells(box.top, box.left, box.bottom, box.right);
    // Without style: each cell keeps its planned format (the borders of the covered cells).
    worksheet.mergeCellsWithoutStyle(box.top, box.left, box.bottom, box.right);
  }

  const validations = validationModel(worksheet);
  for (const validation of plan.validations) {
    removeValidations(worksheet, parseRange(validation.range));
    validations[validation.range.replace(/\$/g, "")] = excelValidation(validation, dates);
  }

  if (plan.freeze) {
    const { rows, columns } = plan.freeze;
    const base = worksheet.views[0] ?? {};
    worksheet.views = [
      {
        ...base,
        state: "frozen",
        xSplit: columns,
        ySplit: rows,
        topLeftCell: cellAddress(columns + 1, rows + 1),
      } as ExcelJS.WorksheetView,
    ];
  }

  if (plan.protect) {
    // No password: the protection stops accidents, and IT can lift it without a secret to lose.
    await worksheet.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    });
  } else {
    worksheet.unprotect();
  }

  if (plan.page) applyPage(worksheet, plan.page);
  if (plan.table) ensureTable(workbook, worksheet, plan.table, report);
}

/**
 * Applies the plans to the workbook: missing sheets are added in plan order next to their
 * neighbours, each plan's `clear` range is cleared and its cells, styles, merges, widths,
 * heights, panes, validation, names, protection, page setup and table are written.
 */
export async function applySheets(
  workbook: ExcelJS.Workbook,
  plans: readonly SheetPlan[],
): Promise<ApplyReport> {
  const report: ApplyReport = { addedSheets: [], addedTables: [], keptTables: [] };
  const dates = dateSystemOf(workbook);
  const sheets = ensureWorksheets(workbook, plans, report);
  for (let i = 0; i < plans.length; i++) await applySheet(workbook, sheets[i], plans[i], dates, report);
  replaceDefinedNames(workbook, plans, sheets);
  // Show the cached figures: Excel and LibreOffice would otherwise recompute CCHC.* to #NAME?.
  workbook.calcProperties.fullCalcOnLoad = false;
  return report;
}
