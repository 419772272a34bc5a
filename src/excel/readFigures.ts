/**
 * Reading the figures through Office.js: every `CCHC_<ID>` name, the document list and the
 * CCHC.* cells in error, in one load and one sync. What was read is the core's port
 * (`WorkbookAsRead`); the figures, the list and the findings are the core's use cases
 * (src/core/workbook), the same the file adapter runs.
 */
import {
  builtinCatalogue,
  builtinIds,
  DEFAULT_CATALOGUE,
  inputName,
  tableFigureIds,
  type Catalogue,
} from "../core/catalogue";
import { cellRef, classifyCell, type NameTarget } from "../core/figures";
import { candidateSheetNames, templateSheets } from "../core/install";
import { isOwnFormula } from "../core/layout/formulas";
import { address, parseAddress } from "../core/layout/model";
import { PERIODS_SHEET, UNITS_SHEET } from "../core/consolidate";
import { catalogueOfMeta, findMetaSheet, type TemplateMeta } from "../core/meta";
import type { SheetAsRead, WorkbookAsRead } from "../core/workbook/port";
import { readWorkbook as readThroughPort, type WorkbookReading as CoreReading } from "../core/workbook/read";
import type { ContextApi, NamedItemApi, RangeApi } from "./api";
import { assertCanRun, hostCapabilities, type Capabilities } from "./capabilities";
import { gridFromA1, queueSheetReads, type SheetSnapshot } from "./readSheets";
import { normalizeRef, splitRef } from "./refs";

/** A cell holding one of our CCHC.* formulas that currently shows an error. */
export interface BrokenCell {
  /** `'Sheet'!D12` */
  cell: string;
  formula: string;
  /** What the cell shows: `#NAME?`, `#VALUE!` … */
  value: string;
}

/**
 * What the core reads through the port (`readWorkbook`: figures, documents, placement problems,
 * a consolidation's warning, meta, date system), and the CCHC.* cells in error, which only the
 * pane acts on.
 */
export interface WorkbookReading extends CoreReading {
  /**
   * CCHC.* cells in error. `#NAME?` (or an `_xldudf_` formula) is the unresolved-function case
   * that installing again repairs; other errors come from the figures and the checks explain them.
   */
  broken: BrokenCell[];
}

export interface ReadOptions {
  /**
   * The catalogue the workbook is expected to carry (the pane knows it from its status read):
   * the names to load in the one sync. The workbook's own catalogue always decides; when it
   * is another, a second read follows with it.
   */
  catalogue?: Catalogue;
  capabilities?: Capabilities;
}

/** What the adapter's own operations need beyond the reading (checkWorkbook marks cells). */
export interface ReadDetails {
  reading: WorkbookReading;
  /** The port the reading went through (the report reads its sheets through it too). */
  workbook: WorkbookAsRead;
  /** The sheets read, by lower-cased name. */
  sheets: Map<string, SheetSnapshot>;
  /** References (`'Sheet'!D12`) of the named input cells that were found. */
  inputCells: Set<string>;
  /** The lower-cased name of our meta sheet when the workbook has one. */
  metaSheet: string | null;
  /** The catalogue read with: the workbook's own (the default in a workbook without ours). */
  catalogue: Catalogue;
}

/** The sheet names of ours: as the meta records them, else the defaults. */
function ourSheetNames(meta: TemplateMeta | null, catalogue: Catalogue): string[] {
  return templateSheets(catalogue).map((sheet) => meta?.sheets[sheet.key] ?? sheet.name);
}

function brokenCells(sheet: SheetSnapshot): BrokenCell[] {
  const broken: BrokenCell[] = [];
  sheet.formulas.forEach((row, r) =>
    row.forEach((formula, c) => {
      if (typeof formula !== "string" || !formula.startsWith("=") || !isOwnFormula(formula)) return;
      const shown = classifyCell(sheet.values[r]?.[c]);
      if (shown.type === "error")
        broken.push({ cell: cellRef(sheet.name, address(c + 1, r + 1)), formula, value: shown.value });
    }),
  );
  return broken;
}

/**
 * The row's Ghi chú: the cell right of a named input, taken from the sheet's values already
 * read (no extra load, and no chained call on a name that may not exist).
 */
function noteBeside(sheets: ReadonlyMap<string, SheetSnapshot>, cell: string): unknown {
  const { sheet, address: at } = splitRef(cell);
  if (!sheet) return undefined;
  const { row, column } = parseAddress(at);
  return sheets.get(sheet.toLowerCase())?.values[row - 1]?.[column];
}

/** The names of a catalogue's figures, computed ones too (a constant typed over a ratio is told). */
function figureNames(catalogue: Catalogue): string[] {
  return [...catalogue.indicators.map((i) => i.id), ...tableFigureIds(catalogue)].map(inputName);
}

/** The names of the computed figures (ratios): their cells are no input cells. */
function computedNames(catalogues: readonly Catalogue[]): Set<string> {
  return new Set(
    catalogues.flatMap((c) => c.indicators.filter((i) => i.kind === "ratio").map((i) => inputName(i.id))),
  );
}

/**
 * Queues every load of a reading; returns the collector to call after the one sync. The
 * candidate sheets (defaults, alternates, the meta sheet) are all loaded because which of them
 * are ours is only known once the meta sheet has been read. `alsoFor`: other catalogues whose
 * names and sheets are queued too, so that one sync serves a workbook of any of them.
 */
export function queueReadWorkbook(
  context: ContextApi,
  catalogue: Catalogue = DEFAULT_CATALOGUE,
  alsoFor: readonly Catalogue[] = [],
  capabilities: Capabilities = hostCapabilities(),
): (own?: Catalogue) => ReadDetails {
  // The date system (ExcelApi 1.16) in the same sync; an older Excel reads dates as 1900 serials.
  const readsDateSystem = capabilities.dateSystem;
  if (readsDateSystem) context.workbook.load("use1904DateSystem");
  const named = new Map<string, { item: NamedItemApi; range: RangeApi }>();
  const computed = computedNames([catalogue, ...alsoFor]);
  for (const name of [catalogue, ...alsoFor].flatMap(figureNames)) {
    if (named.has(name)) continue;
    const item = context.workbook.names.getItemOrNullObject(name);
    // The value tells a deleted cell (`#REF!`) from a missing name, in the same sync.
    item.load("value");
    const range = item.getRangeOrNullObject();
    range.load(["values", "formulas", "address"]);
    named.set(name, { item, range });
  }
  const collectSheets = queueSheetReads(
    context,
    [...new Set([catalogue, ...alsoFor].flatMap((c) => candidateSheetNames(c)))],
    true,
  );
  // A consolidation's breakdown sheet, its first three columns only (STT, name, Số lỗi): a
  // country's breakdown has thousands of rows of a hundred columns.
  const breakdowns = [UNITS_SHEET.name, PERIODS_SHEET.name].map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load("name");
    const lead = sheet.getUsedRangeOrNullObject(true).getIntersectionOrNullObject("A:C");
    lead.load(["values", "rowIndex", "columnIndex"]);
    return { sheet, lead };
  });

  return (own = catalogue) => {
    const sheets = collectSheets();
    const cells = new Map<string, NameTarget>();
    for (const [name, { item, range }] of named) {
      if (item.isNullObject) continue;
      if (range.isNullObject) {
        cells.set(name, { broken: String(item.value ?? "#REF!") });
        continue;
      }
      const cell = normalizeRef(range.address).replace(/:.*$/, "");
      cells.set(name, {
        cell,
        value: range.values[0]?.[0],
        formula: String(range.formulas[0]?.[0] ?? ""),
        note: noteBeside(sheets, cell),
      });
    }
    // Our meta sheet: `_CCHC`, or an alternate when a user's own sheet has that name.
    const { name: metaName, meta } = findMetaSheet((name) => sheets.get(name.toLowerCase())?.values);
    const ours = ourSheetNames(meta, own)
      .map((name) => sheets.get(name.toLowerCase()))
      .filter((sheet): sheet is SheetSnapshot => sheet !== undefined);
    // A consolidation's breakdown sheets are read as their first three columns (see above).
    const leads = new Map<string, SheetAsRead>();
    for (const { sheet, lead } of breakdowns)
      if (!sheet.isNullObject && !lead.isNullObject)
        leads.set(sheet.name.toLowerCase(), {
          name: sheet.name,
          values: gridFromA1(lead.values, lead.rowIndex, lead.columnIndex),
        });
    // Office.js reports date cells as serials of the workbook's own date system.
    const date1904 = readsDateSystem && context.workbook.use1904DateSystem === true;
    // The port over what the one sync read; a sheet not read trusts its names.
    const workbook: WorkbookAsRead = {
      meta: () => meta,
      date1904,
      namedCell: (name) => cells.get(name),
      sheet: (name) => leads.get(name.toLowerCase()) ?? sheets.get(name.toLowerCase()),
    };
    return {
      reading: { ...readThroughPort(workbook, own), broken: ours.flatMap(brokenCells) },
      workbook,
      sheets,
      metaSheet: meta && metaName ? metaName.toLowerCase() : null,
      inputCells: new Set(
        [...cells].flatMap(([name, c]) => ("cell" in c && !computed.has(name) ? [c.cell] : [])),
      ),
      catalogue: own,
    };
  };
}

/**
 * The built-in forms, read along in every first sync: a workbook of any of them then takes one
 * read, whichever form the caller expected.
 */
export function builtinForms(): Catalogue[] {
  return builtinIds().map((id) => builtinCatalogue(id)!);
}

/**
 * Reads with the workbook's own catalogue: one sync when the expected catalogue is the one the
 * workbook carries, a second only when the meta sheet names another (then read again with it).
 */
export async function readWithOwnCatalogue(
  context: ContextApi,
  expected?: Catalogue,
  capabilities: Capabilities = hostCapabilities(),
): Promise<ReadDetails> {
  const guess = expected ?? DEFAULT_CATALOGUE;
  // The built-in forms are read along: a workbook of any of them takes one sync.
  const builtins = builtinForms();
  const queued = new Set([guess, ...builtins].flatMap(figureNames));
  const sheetsQueued = new Set(
    [guess, ...builtins].flatMap((c) => candidateSheetNames(c)).map((n) => n.toLowerCase()),
  );
  const collect = queueReadWorkbook(context, guess, builtins, capabilities);
  await context.sync();
  const first = collect();
  const meta = first.reading.meta;
  if (!meta) return first;
  const own = catalogueOfMeta(meta);
  const covered =
    figureNames(own).every((name) => queued.has(name)) &&
    ourSheetNames(meta, own).every((name) => sheetsQueued.has(name.toLowerCase()));
  if (covered) return collect(own);
  const again = queueReadWorkbook(context, own, [], capabilities);
  await context.sync();
  return again();
}

/** Reads the figures, the document list and the CCHC.* cells in error: one sync. */
export async function readWorkbook(context: ContextApi, options: ReadOptions = {}): Promise<WorkbookReading> {
  assertCanRun(options.capabilities ?? hostCapabilities());
  return (await readWithOwnCatalogue(context, options.catalogue, options.capabilities)).reading;
}
