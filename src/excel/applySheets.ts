/**
 * The Office.js adapter's writing half: queues everything the core's sheet descriptions
 * (`SheetPlan`) say, in one batch. Nothing here calls `context.sync()`: the caller syncs once,
 * so installing costs one round trip to Excel whatever the number of indicators.
 *
 * What the workbook holds now (which sheets exist and are protected, which names and tables
 * exist) comes from the caller's read phase: a batch cannot ask and then decide.
 */
import {
  address,
  columnLetter,
  figureValidationFormula,
  parseAddress,
  planCells,
  type CellPlan,
  type CellStyle,
  type PagePlan,
  type SheetPlan,
  type ValidationPlan,
} from "../core/layout/model";
import { storedValue } from "../core/layout/dateCells";
import { fromExcelSerial } from "../core/period";
import type { BorderIndex, ContextApi, RangeApi, WorksheetApi } from "./api";
import type { Capabilities } from "./capabilities";

/** What the read phase saw; every key is lower-cased, as Excel compares these names. */
export interface WorkbookState {
  /** The sheets that exist, with their protection. */
  sheets: ReadonlyMap<string, { protected: boolean }>;
  /** Workbook-scoped defined names. */
  names: ReadonlySet<string>;
  /** Table names (workbook-wide in Excel). */
  tables: ReadonlySet<string>;
  /**
   * The workbook uses the 1904 date system (read where ExcelApi 1.16 exists): the plan's
   * 1900-system dates are entered as that system's serials.
   */
  date1904?: boolean;
}

/**
 * Excel's column width unit is the width of one digit of the default font (7 px for Calibri
 * 11) plus 5 px of padding; Office.js sets `columnWidth` in points (¾ px at 96 dpi). So a plan
 * width of w characters is (7w + 5) px = (7w + 5) × 0.75 pt: 16 characters → 87.75 pt, the
 * width Excel shows as 16 in its column width dialog.
 */
export function columnWidthPoints(characters: number): number {
  return (Math.round(characters * 7) + 5) * 0.75;
}

/** Millimetres → points (1 in = 25.4 mm = 72 pt): Office.js margins are in points. */
export function mmToPoints(mm: number): number {
  return Math.round(((mm * 72) / 25.4) * 100) / 100;
}

/** `A1:F10` → 1-based inclusive box. */
interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseBox(range: string): Box {
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

function boxAddress(box: Box): string {
  const first = address(box.left, box.top);
  const last = address(box.right, box.bottom);
  return first === last ? first : `${first}:${last}`;
}

/** A rectangle of cells sharing one style. */
interface StyleRun {
  box: Box;
  style: CellStyle;
}

/**
 * Groups cells of identical style into rectangles: vertical runs per column first (a column of
 * an input sheet mostly shares one style), then side-by-side runs with the same rows (header
 * rows). Fewer ranges means a smaller request: Excel on the web caps a batch at 5 MB.
 */
export function styleRuns(cells: readonly CellPlan[]): StyleRun[] {
  const keyed = cells.map((cell) => ({
    ...parseAddress(cell.address),
    style: cell.style ?? {},
    key: JSON.stringify(cell.style ?? {}),
  }));
  keyed.sort((a, b) => a.column - b.column || a.row - b.row);
  const vertical: Array<StyleRun & { key: string }> = [];
  for (const cell of keyed) {
    const last = vertical.at(-1);
    if (last && last.key === cell.key && last.box.left === cell.column && last.box.bottom === cell.row - 1) {
      last.box.bottom = cell.row;
    } else if (!(last && last.box.left === cell.column && last.box.bottom === cell.row)) {
      // (a cell listed twice keeps its first style)
      vertical.push({
        box: { top: cell.row, bottom: cell.row, left: cell.column, right: cell.column },
        style: cell.style,
        key: cell.key,
      });
    }
  }
  vertical.sort(
    (a, b) =>
      a.box.top - b.box.top ||
      a.box.bottom - b.box.bottom ||
      a.key.localeCompare(b.key) ||
      a.box.left - b.box.left,
  );
  const runs: Array<StyleRun & { key: string }> = [];
  for (const run of vertical) {
    const last = runs.at(-1);
    if (
      last &&
      last.key === run.key &&
      last.box.top === run.box.top &&
      last.box.bottom === run.box.bottom &&
      last.box.right === run.box.left - 1
    ) {
      last.box.right = run.box.right;
    } else {
      runs.push(run);
    }
  }
  return runs.map(({ box, style }) => ({ box, style }));
}

/** A row's run of adjacent cells and what to enter in each. */
interface ContentRun {
  row: number;
  left: number;
  entries: unknown[];
}

/**
 * What to enter for a constant so that Excel keeps it as it is. Excel parses what is entered
 * through `formulas`/`values` like typed input: a text starting with `-`, `+` or `=` becomes a
 * formula (the child rows' labels «- Có mặt» would turn into `#NAME?`), and "0912" or "1/2"
 * become numbers or dates. A leading apostrophe keeps such text as text, as in the UI.
 */
export function entryOf(value: CellPlan["value"], numberFormat?: string): string | number | boolean {
  if (value === null || value === undefined) return "";
  // A cell formatted as text (`@`) keeps what is entered as it is; an apostrophe would show.
  if (typeof value !== "string" || numberFormat === "@") return value;
  const looksParsed =
    /^[=+\-'@]/.test(value) ||
    /^\s*[-+]?(\d[\d.,]*|\.\d+)(e[-+]?\d+)?\s*%?\s*$/i.test(value) ||
    /^\s*\d{1,4}\s*[/\-.]\s*\d{1,2}(\s*[/\-.]\s*\d{1,4})?\s*$/.test(value) ||
    /^\s*(true|false)\s*$/i.test(value) ||
    /^#[A-Z/0!?]+[!?A]?$/.test(value.trim());
  return looksParsed ? `'${value}` : value;
}

/**
 * Adjacent cells of a row, each with its formula or constant. The cell's own number format is
 * set before its content (see applySheets), so a `@` cell already takes text as it is.
 */
export function contentRuns(cells: readonly CellPlan[], date1904 = false): ContentRun[] {
  const sorted = cells
    .map((cell) => ({ ...parseAddress(cell.address), cell }))
    .sort((a, b) => a.row - b.row || a.column - b.column);
  const runs: ContentRun[] = [];
  for (const { row, column, cell } of sorted) {
    // A date is entered as the workbook's own serial (the plan's are 1900-based).
    const value = storedValue(cell, date1904);
    const entry = cell.formula ?? entryOf(value, cell.style?.numberFormat);
    const last = runs.at(-1);
    if (last && last.row === row && last.left + last.entries.length === column) last.entries.push(entry);
    else if (!(last && last.row === row && last.left + last.entries.length > column))
      runs.push({ row, left: column, entries: [entry] });
  }
  return runs;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;

function grid<T>(rows: number, columns: number, value: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => value));
}

function thin(range: RangeApi, edges: readonly BorderIndex[]): void {
  for (const edge of edges) {
    const border = range.format.borders.getItem(edge);
    border.style = "Continuous";
    border.weight = "Thin";
    border.color = "#000000";
  }
}

function applyStyle(range: RangeApi, box: Box, style: CellStyle, capabilities: Capabilities): void {
  const format = range.format;
  if (style.font) {
    const font = format.font;
    if (style.font.name !== undefined) font.name = style.font.name;
    if (style.font.size !== undefined) font.size = style.font.size;
    if (style.font.bold !== undefined) font.bold = style.font.bold;
    if (style.font.italic !== undefined) font.italic = style.font.italic;
    if (style.font.underline !== undefined) font.underline = style.font.underline ? "Single" : "None";
    if (style.font.color !== undefined) font.color = style.font.color;
  }
  if (style.fill) format.fill.color = style.fill;
  if (style.align) format.horizontalAlignment = H_ALIGN[style.align];
  if (style.vAlign) format.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  // indentLevel arrived with ExcelApi 1.9, with page layout.
  if (style.indent !== undefined && capabilities.pageLayout) format.indentLevel = style.indent;
  if (style.numberFormat !== undefined)
    range.numberFormat = grid(box.bottom - box.top + 1, box.right - box.left + 1, style.numberFormat);
  if (style.border) {
    const edges: BorderIndex[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    // Inside edges only exist for a range of more than one row / column.
    if (box.bottom > box.top) edges.push("InsideHorizontal");
    if (box.right > box.left) edges.push("InsideVertical");
    thin(range, edges);
  }
  if (style.ruleBelow)
    thin(range, box.bottom > box.top ? ["EdgeBottom", "InsideHorizontal"] : ["EdgeBottom"]);
  if (style.locked !== undefined) format.protection.locked = style.locked;
}

/** An ISO date for a date validation bound (Office.js takes ISO 8601 text or a Date). */
function isoDate(serial: number): string {
  const d = fromExcelSerial(serial);
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** The Office.js rule of a validation plan. */
export function validationRule(rule: ValidationPlan["rule"], range = "A1"): Excel.DataValidationRule {
  switch (rule.type) {
    case "wholeNumber":
    case "decimal": {
      const basic: Excel.BasicDataValidation =
        rule.max === undefined
          ? { formula1: rule.min, operator: "GreaterThanOrEqualTo" }
          : { formula1: rule.min, formula2: rule.max, operator: "Between" };
      return rule.type === "wholeNumber" ? { wholeNumber: basic } : { decimal: basic };
    }
    case "list":
      // Office.js takes the choices as one comma-separated string; a choice holding a comma
      // would split into two, so refuse it rather than install a wrong list.
      if (rule.values.some((v) => v.includes(",")))
        throw new Error(`A list choice contains a comma: ${rule.values.join(" | ")}`);
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
    case "date":
      return { date: { formula1: isoDate(rule.min), formula2: isoDate(rule.max), operator: "Between" } };
    case "figureOrText":
      return { custom: { formula: `=${figureValidationFormula(rule, firstCellOf(range))}` } };
  }
}

/** The range's first cell (`D12` of `D12:D40`): a custom rule's formula is relative to it. */
function firstCellOf(range: string): string {
  return range.replace(/\$/g, "").split(/[\s:]/)[0];
}

function applyValidation(sheet: WorksheetApi, plan: ValidationPlan): void {
  const validation = sheet.getRange(plan.range).dataValidation;
  // Setting a rule over an existing one of another type fails: clear first.
  validation.clear();
  validation.ignoreBlanks = true;
  validation.rule = validationRule(plan.rule, plan.range);
  validation.prompt = plan.prompt
    ? { showPrompt: true, title: plan.prompt.title, message: plan.prompt.message }
    : { showPrompt: false, title: "", message: "" };
  validation.errorAlert = {
    showAlert: true,
    style: "Stop",
    title: plan.error.title,
    message: plan.error.message,
  };
}

function applyPage(sheet: WorksheetApi, page: PagePlan): void {
  const layout = sheet.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.topMargin = mmToPoints(page.marginsMm.top);
  layout.bottomMargin = mmToPoints(page.marginsMm.bottom);
  layout.leftMargin = mmToPoints(page.marginsMm.left);
  layout.rightMargin = mmToPoints(page.marginsMm.right);
  layout.headerMargin = mmToPoints(page.marginsMm.header);
  layout.footerMargin = mmToPoints(page.marginsMm.footer);
  // zoom is set as a whole object (its sub-properties cannot be set one by one); 0 pages tall
  // means "as many as needed", as Excel's Fit to 1 page wide by (blank) tall.
  if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.setPrintArea(page.printArea);
  if (page.printTitleRows) layout.setPrintTitleRows(page.printTitleRows);
  const headers = layout.headersFooters;
  if (page.pageNumberTopCenterFromSecondPage) {
    // "Different first page": the first page has its own (empty) header.
    headers.state = "FirstAndDefault";
    headers.firstPage.centerHeader = "";
    headers.defaultForAllPages.centerHeader = "&P";
  }
  // Manual breaks are rewritten whole: an earlier report's break would fall elsewhere now.
  sheet.horizontalPageBreaks.removePageBreaks();
  for (const row of page.rowBreaks ?? []) sheet.horizontalPageBreaks.add(`A${row}`);
}

function applyFreeze(sheet: WorksheetApi, freeze: NonNullable<SheetPlan["freeze"]>): void {
  const panes = sheet.freezePanes;
  panes.unfreeze();
  if (freeze.rows > 0 && freeze.columns > 0)
    panes.freezeAt(boxAddress({ top: 1, left: 1, bottom: freeze.rows, right: freeze.columns }));
  else if (freeze.rows > 0) panes.freezeRows(freeze.rows);
  else if (freeze.columns > 0) panes.freezeColumns(freeze.columns);
}

/** The range a plan owns: its `clear` range and every cell it writes. */
function extentOf(plan: SheetPlan): Box | undefined {
  const boxes = planCells(plan)
    .map((c) => parseAddress(c.address))
    .map(({ row, column }) => ({ top: row, bottom: row, left: column, right: column }));
  if (plan.clear) boxes.push(parseBox(plan.clear));
  if (boxes.length === 0) return undefined;
  return {
    top: Math.min(...boxes.map((b) => b.top)),
    left: Math.min(...boxes.map((b) => b.left)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
    right: Math.max(...boxes.map((b) => b.right)),
  };
}

/**
 * Queues the writing of every plan. Order matters inside the batch: all sheets exist and are
 * unprotected and cleared before any name is defined (a name refers to a sheet's cell), names
 * are defined before formulas that use them are entered, number formats before the content
 * (a `@` text format must be in place before "0912" is entered), and protection comes last.
 */
export function applySheets(
  context: ContextApi,
  plans: readonly SheetPlan[],
  state: WorkbookState,
  capabilities: Capabilities,
): void {
  const workbook = context.workbook;
  if (capabilities.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
  if (capabilities.suspendScreenUpdating) context.application.suspendScreenUpdatingUntilNextSync();

  // 1. Every sheet: create or take it, unprotect it, clear what the plan owns.
  const sheets = plans.map((plan) => {
    const existing = state.sheets.get(plan.name.toLowerCase());
    const sheet = existing ? workbook.worksheets.getItem(plan.name) : workbook.worksheets.add(plan.name);
    // Excel refuses any change to a locked cell of a protected sheet, and refuses to protect a
    // sheet twice: unprotect what the read phase saw protected (no password: ours never has one).
    if (existing?.protected) sheet.protection.unprotect();
    if (plan.clear) {
      const owned = sheet.getRange(plan.clear);
      owned.unmerge();
      owned.clear("All");
      if (capabilities.dataValidation) owned.dataValidation.clear();
    }
    return sheet;
  });

  // 2. Names: workbook scope; an existing one is deleted first (add refuses a duplicate).
  plans.forEach((plan, i) => {
    for (const name of plan.names) {
      if (state.names.has(name.name.toLowerCase())) workbook.names.getItem(name.name).delete();
      workbook.names.add(name.name, sheets[i].getRange(name.address));
    }
  });

  // 3. Layout, styles, content, validation, page setup, tables.
  plans.forEach((plan, i) => {
    const sheet = sheets[i];
    const extent = extentOf(plan);
    if (extent) {
      // The sheet's default font: Office.js has no per-sheet default, so it goes on the range.
      const font = sheet.getRange(boxAddress(extent)).format.font;
      font.name = plan.font.name;
      font.size = plan.font.size;
    }
    plan.columns.forEach((width, c) => {
      const letter = columnLetter(c + 1);
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(width);
    });
    for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
      sheet.getRange(`${row}:${row}`).format.rowHeight = height;
    }
    // The plan's rows made now (a breakdown of hundreds of units): the ranges need them all.
    const cells = planCells(plan);
    for (const run of styleRuns(cells))
      applyStyle(sheet.getRange(boxAddress(run.box)), run.box, run.style, capabilities);
    // Only formulas are entered: Excel computes them itself, so the plan's cached values are
    // for files only. Entering every CCHC formula again is also the #NAME? repair.
    for (const run of contentRuns(cells, state.date1904)) {
      sheet.getRange(
        boxAddress({
          top: run.row,
          bottom: run.row,
          left: run.left,
          right: run.left + run.entries.length - 1,
        }),
      ).formulas = [run.entries];
    }
    for (const merge of plan.merges) sheet.getRange(merge).merge(false);
    if (capabilities.dataValidation)
      for (const validation of plan.validations) applyValidation(sheet, validation);
    if (plan.freeze && capabilities.freezePanes) applyFreeze(sheet, plan.freeze);
    if (plan.page && capabilities.pageLayout) applyPage(sheet, plan.page);
    // A table that exists is the user's list, grown by Excel as rows are typed: leave it.
    if (plan.table && !state.tables.has(plan.table.name.toLowerCase())) {
      const table = sheet.tables.add(plan.table.range, true);
      table.name = plan.table.name;
    }
    if (plan.tabColor && capabilities.freezePanes) sheet.tabColor = plan.tabColor;
  });

  // 4. Visibility and protection last: a protected sheet refuses the writes above.
  plans.forEach((plan, i) => {
    sheets[i].visibility = plan.visibility === "veryHidden" ? "VeryHidden" : "Visible";
    if (plan.protect) sheets[i].protection.protect();
  });
}
