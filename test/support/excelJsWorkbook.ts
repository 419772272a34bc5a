/**
 * The tests' second reader: a workbook read through ExcelJS (another program than cchc, whose
 * own files are read by the package layer) into the core's shapes: what `planInstall` needs (sheet
 * names and the "formulas" view of our candidate sheets) and the figures and document list the
 * checks need. Cells are unwrapped the way Office.js reports them (formulas as `=…`, dates as
 * serials, errors as `#N/A` …), so the core sees the same values from both adapters.
 */
import { promises as fs } from "fs";
import * as ExcelJS from "exceljs";
import { buildTemplate } from "../../src/xlsx/node/operations";
import { XlsxPackage } from "../../src/xlsx/package/xlsxPackage";
import { prepareForWrite, repairLoadedModel } from "./excelJsFixes";
import { DEFAULT_CATALOGUE, type Catalogue } from "../../src/core/catalogue";
import { workbookFindings, type Finding } from "../../src/core/checks";
import { breakdownFindings, PERIODS_SHEET, UNITS_SHEET } from "../../src/core/consolidate";
import {
  cellRef,
  dateToSerial,
  documentsFromGrid,
  parseCellRef,
  readNamedFigures,
  type DocumentRow,
  type Figures,
  type NamedCell,
  type PlacementProblem,
  type SheetGrids,
} from "../../src/core/figures";
import { serialToWorkbook } from "../../src/core/dates";
import { candidateSheetNames, type ExistingSheet, type ExistingWorkbook } from "../../src/core/install";
import { DOCUMENTS_HEADER_ROW, DOCUMENTS_SHEET } from "../../src/core/layout/documentsSheet";
import { parseAddress } from "../../src/core/layout/model";
import { catalogueOfMeta, findMetaSheet, type TemplateMeta } from "../../src/core/meta";
import { sheetNameKey } from "../../src/core/sheetNames";

/** Whether a value is one of ExcelJS's wrapped formula values. */
/** Whether the workbook uses the 1904 date system. */
function usesDate1904(workbook: ExcelJS.Workbook | undefined): boolean {
  return workbook?.properties?.date1904 === true;
}

function isFormulaValue(value: object): value is ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue {
  return "formula" in value || "sharedFormula" in value;
}

/** An ExcelJS value (or formula result) unwrapped to a plain value: Office.js's `values` view. */
function plainValue(
  value: ExcelJS.CellValue | ExcelJS.CellFormulaValue["result"] | undefined,
  date1904: boolean,
): unknown {
  if (value === null || value === undefined) return null;
  // ExcelJS turns a date cell into the day it shows; handed over as the workbook stores it, so
  // the core moves every date of a 1904 workbook the same way, date format or not.
  if (value instanceof Date) return serialToWorkbook(dateToSerial(value), date1904);
  if (typeof value !== "object") return value;
  if ("error" in value) return value.error;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return plainValue((value as ExcelJS.CellHyperlinkValue).text, date1904);
  if (isFormulaValue(value)) return plainValue(value.result, date1904);
  throw new Error(`Unexpected ExcelJS cell value: ${JSON.stringify(value)}`);
}

/** The value a cell shows (formula cells: their cached result). Merged-over cells are blank. */
export function cellValue(cell: ExcelJS.Cell): unknown {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return plainValue(cell.value, usesDate1904(cell.worksheet.workbook));
}

/** The formula of a cell as `=…`, or undefined. Shared-formula clones come back translated. */
export function cellFormula(cell: ExcelJS.Cell): string | undefined {
  if (cell.type !== ExcelJS.ValueType.Formula) return undefined;
  const formula = cell.formula;
  return formula ? `=${formula}` : undefined;
}

/** A sheet's grid from A1 to its last used cell, row by row (0-based arrays of 1-based cells). */
export function sheetGrid(worksheet: ExcelJS.Worksheet, view: "formulas" | "values"): unknown[][] {
  const grid: unknown[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const formula = view === "formulas" ? cellFormula(cell) : undefined;
      cells[column - 1] = formula ?? cellValue(cell);
    });
    // Fill holes so callers can index any column up to the row's last cell.
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    while (grid.length < rowNumber - 1) grid.push([]);
    grid[rowNumber - 1] = cells;
  });
  return grid;
}

/** Finds a worksheet by name as Excel does: case-insensitively, whatever the spelling (`sheetNameKey`). */
export function findWorksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const key = sheetNameKey(name);
  return workbook.worksheets.find((ws) => sheetNameKey(ws.name) === key);
}

/** The template meta recorded in the very hidden sheet, or null when the workbook has none of ours. */
export function readWorkbookMeta(workbook: ExcelJS.Workbook): TemplateMeta | null {
  return findMetaSheet((name) => {
    const sheet = findWorksheet(workbook, name);
    return sheet && sheetGrid(sheet, "values");
  }).meta;
}

/** The catalogue a workbook carries (its own form), or the default when it has none of ours. */
export function workbookCatalogue(workbook: ExcelJS.Workbook): Catalogue {
  const meta = readWorkbookMeta(workbook);
  return meta ? catalogueOfMeta(meta) : DEFAULT_CATALOGUE;
}

/** What `planInstall` needs: every sheet name in tab order, and our candidate sheets' formulas. */
export function readExistingWorkbook(
  workbook: ExcelJS.Workbook,
  catalogue: Catalogue = DEFAULT_CATALOGUE,
): ExistingWorkbook {
  const meta = readWorkbookMeta(workbook);
  // Where our names point: the planner's fallback when a row's key text was lost, and how it
  // finds a sheet of ours that a user renamed (so that sheet is read too).
  const names = new Map<string, string>();
  for (const { name, ranges } of workbook.definedNames.model) {
    if (/^CCHC_/i.test(name) && ranges.length > 0) names.set(name.toUpperCase(), ranges[0]);
  }
  const pointedAt = [...names.values()]
    .map((ref) => parseCellRef(ref)?.sheet)
    .filter((n): n is string => !!n);
  // The names recorded by an earlier install are candidates too (e.g. "… (CCHC 2)").
  const wanted = candidateSheetNames(catalogue, [
    ...Object.values(meta?.sheets ?? {}),
    ...new Set(pointedAt),
  ]);
  const sheets = new Map<string, ExistingSheet>();
  for (const name of wanted) {
    const worksheet = findWorksheet(workbook, name);
    if (worksheet && !sheets.has(worksheet.name)) {
      sheets.set(worksheet.name, { name: worksheet.name, cells: sheetGrid(worksheet, "formulas") });
    }
  }
  return {
    sheetNames: workbook.worksheets.map((ws) => ws.name),
    sheets,
    names,
    date1904: workbook.properties?.date1904 === true,
  };
}

/** Splits `'Sheet ''1'''!$D$5` (or `Sheet1!$D$5:$E$6`) into the sheet name and its first cell. */
export function parseNameReference(reference: string): { sheet: string; address: string } | undefined {
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?[A-Z]{1,3}\$?\d+)?$/i.exec(
    reference.trim(),
  );
  if (!match) return undefined;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  return { sheet, address: `${match[3].toUpperCase()}${match[4]}` };
}

/** The workbook's defined names by upper-cased name (Excel's names are case-insensitive). */
function definedNameIndex(workbook: ExcelJS.Workbook): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const { name, ranges } of workbook.definedNames.model) {
    if (ranges.length > 0 && !index.has(name.toUpperCase())) index.set(name.toUpperCase(), ranges);
  }
  return index;
}

/** Looks up a defined name's cell the way `figuresFromNamedCells` wants it. */
export function namedCellLookup(workbook: ExcelJS.Workbook): (name: string) => NamedCell | undefined {
  const index = definedNameIndex(workbook);
  return (name) => {
    const ranges = index.get(name.toUpperCase());
    const target = ranges && parseNameReference(ranges[0]);
    if (!target) return undefined;
    const worksheet = findWorksheet(workbook, target.sheet);
    if (!worksheet) return undefined;
    // findCell, not getCell: reading must not add cells to the workbook.
    const { row, column } = parseAddress(target.address);
    const cell = worksheet.findCell(row, column);
    // The row's Ghi chú sits right of the figure.
    const note = worksheet.findCell(row, column + 1);
    return {
      cell: cellRef(worksheet.name, target.address),
      value: cell ? cellValue(cell) : null,
      formula: cell && cellFormula(cell),
      note: note ? cellValue(note) : undefined,
    };
  };
}

/** The document list: the sheet the meta records for it, else the default name. */
export function readDocuments(workbook: ExcelJS.Workbook): DocumentRow[] {
  const meta = readWorkbookMeta(workbook);
  const worksheet = findWorksheet(workbook, meta?.sheets[DOCUMENTS_SHEET.key] ?? DOCUMENTS_SHEET.name);
  return worksheet
    ? documentsFromGrid(
        worksheet.name,
        sheetGrid(worksheet, "values"),
        DOCUMENTS_HEADER_ROW,
        usesDate1904(workbook),
      )
    : [];
}

export interface WorkbookFigures {
  figures: Figures;
  documents: DocumentRow[];
  /** Figures whose cell was deleted or whose row was sorted away from its name. */
  problems: PlacementProblem[];
  /** The workbook uses the 1904 date system (the figures' dates are moved to 1900 serials). */
  date1904: boolean;
}

/** A sheet's grids by name, each built once. */
function gridsLookup(workbook: ExcelJS.Workbook): (sheet: string) => SheetGrids | undefined {
  const cache = new Map<string, SheetGrids | undefined>();
  return (sheet) => {
    if (!cache.has(sheet)) {
      const worksheet = findWorksheet(workbook, sheet);
      cache.set(
        sheet,
        worksheet && { values: sheetGrid(worksheet, "values"), formulas: sheetGrid(worksheet, "formulas") },
      );
    }
    return cache.get(sheet);
  };
}

/**
 * Every named figure and the document list, read once (see `readNamedFigures`). ExcelJS drops
 * a name that reads `#REF!`, so a name missing from a workbook installed with this very
 * catalogue version counts as a deleted cell.
 */
export function readWorkbookFigures(workbook: ExcelJS.Workbook, catalogue?: Catalogue): WorkbookFigures {
  const meta = readWorkbookMeta(workbook);
  // The workbook's own form unless told otherwise; a legacy template id reads as its built-in.
  const own = meta ? catalogueOfMeta(meta) : undefined;
  catalogue ??= own ?? DEFAULT_CATALOGUE;
  const complete = own !== undefined && own.id === catalogue.id && own.version === catalogue.version;
  const { figures, problems } = readNamedFigures(catalogue, namedCellLookup(workbook), {
    gridOf: gridsLookup(workbook),
    namesComplete: complete,
    date1904: usesDate1904(workbook),
  });
  return {
    figures,
    documents: readDocuments(workbook),
    problems,
    date1904: workbook.properties?.date1904 === true,
  };
}

/** The findings of the checks over a workbook's figures. */
export function checkWorkbook(
  workbook: ExcelJS.Workbook,
  catalogue?: Catalogue,
): { figures: WorkbookFigures; findings: Finding[] } {
  // The rules of the form the file was installed with (the catalogue it carries).
  const rules = catalogue ?? workbookCatalogue(workbook);
  const figures = readWorkbookFigures(workbook, rules);
  return { figures, findings: workbookFindings(figures, rules, consolidationFindings(workbook)) };
}

/** A consolidation's result: the parts with errors its breakdown sheet counts. */
export function consolidationFindings(workbook: ExcelJS.Workbook): Finding[] {
  return [UNITS_SHEET.name, PERIODS_SHEET.name].flatMap((name) => {
    const sheet = findWorksheet(workbook, name);
    return sheet ? breakdownFindings(sheet.name, sheetGrid(sheet, "values")) : [];
  });
}

/** A workbook opened through ExcelJS, with the file's bytes. */
export interface OpenedWorkbook {
  file: string;
  workbook: ExcelJS.Workbook;
  bytes: Buffer;
}

/** Opens an .xlsx file through ExcelJS, with the corrections of `excelJsFixes.ts`. */
export async function openWorkbookFile(file: string): Promise<OpenedWorkbook> {
  const bytes = await fs.readFile(file);
  const workbook = new ExcelJS.Workbook();
  // ExcelJS types `load` with its own ArrayBuffer-like `Buffer`; JSZip underneath takes a Node Buffer as is.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  repairLoadedModel(workbook, XlsxPackage.fromBytes(bytes));
  return { file, workbook, bytes };
}

/**
 * Saves a workbook through ExcelJS as Excel would write it (validation ranges disjoint, text
 * that looks like an `_xHHHH_` escape escaped): a file "another program" made, for cchc to read.
 */
export async function saveWorkbookFile(
  workbook: ExcelJS.Workbook,
  file: string,
  // Kept for the callers' sake: the tests write only into their own temporary folders.
  _options: { overwrite: boolean } = { overwrite: true },
): Promise<void> {
  const restore = prepareForWrite(workbook);
  try {
    await fs.writeFile(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
  } finally {
    restore();
  }
}

/** Bytes of an .xlsx read through ExcelJS, with the corrections of `excelJsFixes.ts`. */
export async function workbookFromBytes(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const buffer = Buffer.from(bytes);
  const workbook = new ExcelJS.Workbook();
  // ExcelJS types `load` with its own ArrayBuffer-like `Buffer`; JSZip underneath takes a Node Buffer as is.
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  repairLoadedModel(workbook, XlsxPackage.fromBytes(buffer));
  return workbook;
}

/**
 * A new template (`buildTemplate`) as ExcelJS reads it: for the tests that then edit it the way
 * a user would in another program before cchc reads it again.
 */
export async function templateWorkbook(
  options: Parameters<typeof buildTemplate>[0],
): Promise<ExcelJS.Workbook> {
  return workbookFromBytes(buildTemplate(options).pkg.toBytes());
}
