/**
 * Installing or upgrading the CCHC sheets, as a pure function: what the workbook has now in,
 * the sheets to write out. Typed figures, notes and scores are carried over by the key in
 * column A (not by address), so an upgrade that moves rows keeps every figure; a user's own
 * sheet that happens to bear one of our names is never touched.
 */
import { sumMismatch } from "./arithmetic";
import {
  builtinCatalogue,
  catalogueToFile,
  DEFAULT_CATALOGUE,
  cellLabel,
  inputName,
  sameCatalogueId,
  tableCells,
  tableFigureIds,
  tableLabelId,
  type Catalogue,
} from "./catalogue";
import { sampleOf, type SampleDocument } from "./catalogue/sample";
import { evaluateIndicators, type Evaluated } from "./evaluate";
import { serialFromWorkbook } from "./dates";
import { cellRef, classifyCell, parseCellRef, type FigureCell, type Figures } from "./figures";
import { documentsSheetPlan, DOCUMENTS_HEADER_ROW, DOCUMENTS_SHEET } from "./layout/documentsSheet";
import { isOwnFormula } from "./layout/formulas";
import { inputSheetPlan } from "./layout/inputSheets";
import { carryTableCells, tableSheetPlan, tablesOfSheet } from "./layout/tableSheet";
import { columnSum, tableFiguresOfPlans } from "./tables/figures";
import { address, parseAddress, type CellPlan, type SheetPlan } from "./layout/model";
import { SCORING_SHEET, scoringSheetPlan } from "./layout/scoringSheet";
import { DATE_FORMAT } from "./layout/styles";
import { sameSheetName, sheetNameKey } from "./sheetNames";
import { DROPPED_SHEET, droppedRowsOf, droppedSheetPlan, type DroppedFigure } from "./layout/droppedSheet";
import { INPUT_COLUMNS } from "./layout/inputSheets";
import { catalogueOfMeta, findMetaSheet, metaSheetPlan, META_SHEET_NAMES, type TemplateMeta } from "./meta";
import { scoreCriteria, scoreTotals, type CriterionScore } from "./scoring";

/** A sheet's contents from A1 as the "formulas" view: a formula string (`=…`) or a constant. */
export interface ExistingSheet {
  name: string;
  cells: ReadonlyArray<ReadonlyArray<unknown>>;
}

export interface ExistingWorkbook {
  /** Every sheet of the workbook, in order. */
  sheetNames: readonly string[];
  /** The contents of the sheets named by `candidateSheetNames` that exist. */
  sheets: ReadonlyMap<string, ExistingSheet>;
  /**
   * Where the workbook's defined names point (name → `'Sheet'!$D$5`), when the adapter read
   * them: the fallback that finds a figure whose key in column A was lost (another program
   * rewrote or mangled the text), since Excel keeps names pointing at their cells.
   */
  names?: ReadonlyMap<string, string>;
  /**
   * The workbook uses the 1904 date system. The plan's serials are always 1900-based; the
   * adapter that writes them keeps the flag and stores date cells 1462 lower.
   */
  date1904?: boolean;
}

export interface InstallOptions {
  /** Fill new sheets with the catalogue's sample (built-ins: Đức Thọ Q3/2021, Xã Thử Nghiệm). */
  sample?: boolean;
  /** Also list the sample's directive documents (a new list only). */
  sampleDocuments?: readonly SampleDocument[];
  /**
   * The catalogue to install: over an installed workbook, a version of the workbook's own
   * catalogue (another id is refused); absent, the workbook keeps its own, and a new one gets
   * the default (`xa-2025`).
   */
  catalogue?: Catalogue;
}

/** Installing a catalogue over a workbook that carries another one (the file is left as it was). */
export class OtherCatalogueError extends Error {
  constructor(
    readonly installed: string,
    readonly wanted: string,
  ) {
    super(
      `Sổ làm việc đã cài mẫu "${installed}"; không cài mẫu khác ("${wanted}") lên trên được. ` +
        `Hãy dùng một sổ làm việc mới cho mẫu "${wanted}".`,
    );
    this.name = "OtherCatalogueError";
  }
}

export interface InstallSummary {
  fromVersion: string | null;
  toVersion: string;
  /** Sheets created by this install. */
  added: string[];
  /** Our sheets rewritten in place. */
  updated: string[];
  /** Non-empty typed cells carried over. */
  keptValues: number;
  /** Our sheets that had to take another name because a user's sheet had ours. */
  renamed: Array<{ wanted: string; used: string }>;
  /** The installed catalogue's id and title. */
  catalogueId: string;
  catalogueTitle: string;
  /** Figures (or notes) of ids this version dropped, now on the dropped-figures sheet. */
  dropped: Array<{ id: string; label: string }>;
  /**
   * Computed cells (ratios) that held a typed constant: the formula is written back. `cell` is
   * `'Sheet'!D12`, `typed` the constant it replaced, as read.
   */
  restored: Array<{ id: string; label: string; cell: string; typed: string | number | boolean }>;
}

export interface InstallPlan {
  /** Every sheet to write, in tab order, the (very hidden) meta sheet last. */
  sheets: SheetPlan[];
  summary: InstallSummary;
}

const ALTERNATE_SUFFIX = " (CCHC)";

interface OurSheet {
  key: string;
  name: string;
}

/** Our sheets in tab order, with their default names. */
export function templateSheets(catalogue: Catalogue = DEFAULT_CATALOGUE): OurSheet[] {
  return [
    ...catalogue.sheets.map((s) => ({ key: s.key, name: s.name })),
    { key: DOCUMENTS_SHEET.key, name: DOCUMENTS_SHEET.name },
    { key: SCORING_SHEET.key, name: SCORING_SHEET.name },
  ];
}

/** The sheet names an adapter must read before planning: ours, their alternates and the meta sheet. */
export function candidateSheetNames(
  catalogue: Catalogue = DEFAULT_CATALOGUE,
  extra: readonly string[] = [],
): string[] {
  return [
    ...META_SHEET_NAMES,
    ...templateSheets(catalogue).flatMap((s) => [
      s.name,
      s.name.slice(0, 31 - ALTERNATE_SUFFIX.length) + ALTERNATE_SUFFIX,
    ]),
    DROPPED_SHEET.name,
    ...extra,
  ];
}

/**
 * The sheets of the previous install that planning an upgrade reads besides ours: the input
 * sheets of the workbook's own catalogue (figures of dropped ids come from there) and the
 * dropped-figures sheet, under the names the meta sheet records.
 */
export function previousSheetNames(existing: ExistingWorkbook): string[] {
  const { meta } = findMetaSheet(existingCells(existing));
  if (!meta) return [];
  const previous = catalogueOfMeta(meta);
  return [
    ...previous.sheets.map((s) => meta.sheets[s.key] ?? s.name),
    ...(meta.sheets[DROPPED_SHEET.key] ? [meta.sheets[DROPPED_SHEET.key]] : []),
  ];
}

/** Chooses the name of each of our sheets: the one the meta records, else the default if free. */
export function resolveSheetNames(
  existing: ExistingWorkbook,
  meta: TemplateMeta | null,
  sheets: readonly OurSheet[],
  /** Where a sheet of ours went when a user renamed it (found through its defined names). */
  renamedBy: (key: string) => string | undefined = () => undefined,
): { names: Map<string, string>; existingKeys: Set<string>; renamed: InstallSummary["renamed"] } {
  const taken = new Set(existing.sheetNames.map(sheetNameKey));
  const names = new Map<string, string>();
  const existingKeys = new Set<string>();
  const renamed: InstallSummary["renamed"] = [];
  for (const sheet of sheets) {
    const recorded = meta?.sheets[sheet.key];
    const found =
      recorded && taken.has(sheetNameKey(recorded)) ? recorded : meta ? renamedBy(sheet.key) : undefined;
    const actual = found && existing.sheetNames.find((n) => sameSheetName(n, found));
    if (actual && ![...names.values()].some((n) => sameSheetName(n, actual))) {
      names.set(sheet.key, actual);
      existingKeys.add(sheet.key);
    }
  }
  const used = new Set([...names.values()].map(sheetNameKey));
  for (const sheet of sheets) {
    if (names.has(sheet.key)) continue;
    let name = sheet.name;
    for (let i = 1; taken.has(sheetNameKey(name)) || used.has(sheetNameKey(name)); i++) {
      const suffix = i === 1 ? ALTERNATE_SUFFIX : ` (CCHC ${i})`;
      name = sheet.name.slice(0, 31 - suffix.length) + suffix;
    }
    if (name !== sheet.name) renamed.push({ wanted: sheet.name, used: name });
    names.set(sheet.key, name);
    used.add(sheetNameKey(name));
  }
  return { names, existingKeys, renamed };
}

/**
 * The sheet the defined names of an input sheet's indicators point at: Excel keeps names on
 * their cells when a user renames the sheet, so this finds one of ours under its new name.
 */
function sheetOfNames(existing: ExistingWorkbook, catalogue: Catalogue, key: string): string | undefined {
  const sections = new Set(catalogue.sections.filter((s) => s.sheet === key).map((s) => s.id));
  for (const indicator of catalogue.indicators) {
    if (!sections.has(indicator.section)) continue;
    const ref = existing.names?.get(inputName(indicator.id));
    const target = ref ? parseCellRef(ref) : undefined;
    if (target) return target.sheet;
  }
  return undefined;
}

/** Rows of a grid by the key in column A (rows below `fromRow`, 1-based). */
function rowsByKey(sheet: ExistingSheet | undefined): Map<string, ReadonlyArray<unknown>> {
  const map = new Map<string, ReadonlyArray<unknown>>();
  for (const row of sheet?.cells ?? []) {
    const key = row[0];
    if (typeof key === "string" && key.trim() && !map.has(key.trim())) map.set(key.trim(), row);
  }
  return map;
}

/** The row the defined name `CCHC_<KEY>` points at on this sheet, if it does. */
function rowByName(
  sheet: ExistingSheet,
  key: string,
  names: ReadonlyMap<string, string> | undefined,
): ReadonlyArray<unknown> | undefined {
  const ref = names?.get(inputName(key));
  const target = ref ? parseCellRef(ref) : undefined;
  if (!target || !sameSheetName(target.sheet, sheet.name)) return undefined;
  return sheet.cells[parseAddress(target.address).row - 1];
}

/** Where a keep key's content is on an existing sheet: its row, and how far its columns moved. */
interface OldRow {
  row: ReadonlyArray<unknown>;
  /** Columns inserted (positive) or deleted (negative) left of the row's cells since install. */
  shift: number;
}

/** Where each planned name of a sheet points on the existing sheet: its row and column shift. */
function namedPlaces(
  plan: SheetPlan,
  sheet: ExistingSheet,
  names: ReadonlyMap<string, string> | undefined,
): Map<string, { row: number; shift: number }> {
  const named = new Map<string, { row: number; shift: number }>();
  for (const planned of plan.names) {
    const ref = names?.get(planned.name.toUpperCase());
    const target = ref ? parseCellRef(ref) : undefined;
    if (!target || !sameSheetName(target.sheet, sheet.name)) continue;
    const at = parseAddress(target.address);
    named.set(planned.name.toUpperCase(), {
      row: at.row,
      shift: at.column - parseAddress(planned.address).column,
    });
  }
  return named;
}

/** The column shift most names show (a column inserted left of the sheet moves them all alike). */
function usualShift(named: ReadonlyMap<string, { shift: number }>): number {
  const counts = new Map<number, number>();
  for (const { shift } of named.values()) counts.set(shift, (counts.get(shift) ?? 0) + 1);
  let usual = 0;
  for (const [shift, count] of counts) if (count > (counts.get(usual) ?? 0)) usual = shift;
  return usual;
}

/**
 * Widens the plan's cleared range by the columns a user inserted left of our columns, so the
 * columns pushed right (the old «Kiểm tra» …) do not stay beside the rewritten ones.
 */
export function clearShiftedColumns(
  plan: SheetPlan,
  sheet: ExistingSheet | undefined,
  names: ReadonlyMap<string, string> | undefined,
): void {
  if (!sheet || !plan.clear || plan.names.length === 0) return;
  const shift = usualShift(namedPlaces(plan, sheet, names));
  if (shift <= 0) return;
  const [from, to] = plan.clear.split(":");
  const end = parseAddress(to);
  plan.clear = `${from}:${address(end.column + shift, end.row)}`;
}

/**
 * Finds the rows of an input sheet a user has edited, by the defined names first (the identity
 * of a figure's cell: they move with inserted rows and columns), then by the key three columns
 * left of the name. A name whose row holds another indicator's key (rows sorted: keys and values
 * moved, names did not) gives way to the row of its own key; a key whose name is gone (`#REF!`)
 * is looked for in the key column the other names show. Without names, column A as laid out.
 */
function rowLocator(
  plan: SheetPlan,
  sheet: ExistingSheet,
  names: ReadonlyMap<string, string> | undefined,
): (key: string) => OldRow | undefined {
  const keyAt = (row: number, column: number): string | undefined => {
    const raw = column >= 1 ? sheet.cells[row - 1]?.[column - 1] : undefined;
    return typeof raw === "string" && raw.trim() ? raw.trim() : undefined;
  };
  const named = namedPlaces(plan, sheet, names);
  const usual = usualShift(named);
  const keys = new Set(plan.cells.flatMap((cell) => (cell.keepKey ? [cell.keepKey] : [])));
  const byKey = (key: string, shift: number): OldRow | undefined => {
    const index = sheet.cells.findIndex((_, i) => keyAt(i + 1, 1 + shift) === key);
    return index >= 0 ? { row: sheet.cells[index], shift } : undefined;
  };
  return (key) => {
    const name = named.get(inputName(key).toUpperCase());
    if (!name) return byKey(key, usual) ?? (usual !== 0 ? byKey(key, 0) : undefined);
    const there = keyAt(name.row, 1 + name.shift);
    // The key found elsewhere wins (rows sorted or moved under the names); the name's row is
    // another indicator's when it carries a known key; a key that was lost or mangled by
    // another program leaves the name in charge. As `readNamedFigures` reads it.
    if (there !== key) {
      const own = byKey(key, name.shift);
      if (own || (there && keys.has(there))) return own;
    }
    return { row: sheet.cells[name.row - 1] ?? [], shift: name.shift };
  };
}

/** Carries a user's content into the plan's keep cells; returns how many were non-empty. */
function carryOver(
  plan: SheetPlan,
  sheet: ExistingSheet | undefined,
  names: ReadonlyMap<string, string> | undefined,
  date1904: boolean,
  restored: InstallSummary["restored"] = [],
  labelOf: (id: string) => string = (id) => id,
): number {
  if (!sheet) return 0;
  const rows = rowsByKey(sheet);
  // Input sheets carry names; the other sheets are found by the key in column A alone.
  const locate =
    plan.names.length > 0
      ? rowLocator(plan, sheet, names)
      : (key: string): OldRow | undefined => {
          const row = rows.get(key) ?? rowByName(sheet, key, names);
          return row && { row, shift: 0 };
        };
  let kept = 0;
  for (const cell of plan.cells) {
    if (!cell.keepKey) {
      // A computed cell is always written again; a constant typed over it is said, not kept.
      const computed = cell.computes?.type === "indicator" && cell.computes.id;
      const found = computed && locate(computed);
      const old = found ? found.row[parseAddress(cell.address).column - 1 + found.shift] : undefined;
      if (computed && isTypedConstant(old))
        restored.push({
          id: computed,
          label: labelOf(computed),
          cell: cellRef(plan.name, cell.address),
          typed: old,
        });
      continue;
    }
    const found = locate(cell.keepKey);
    if (!found) continue; // a row new in this version, or deleted: keep the plan's default
    const old = found.row[parseAddress(cell.address).column - 1 + found.shift];
    if (typeof old === "string" && old.startsWith("=")) {
      if (isOwnFormula(old)) continue; // ours: written again (this is also the #NAME? repair)
      setContent(cell, { formula: old });
    } else if (typeof old === "number" && cell.style?.numberFormat === DATE_FORMAT) {
      // A typed date, read as the workbook stores it: the plan holds the core's 1900 serial,
      // which the writer stores back in the workbook's system.
      setContent(cell, { value: serialFromWorkbook(old, date1904) });
    } else {
      setContent(cell, { value: old === undefined || old === "" ? null : (old as CellPlan["value"]) });
    }
    if (old !== null && old !== undefined && old !== "") kept++;
  }
  return kept;
}

/** A constant a user typed (not blank, not a formula). */
function isTypedConstant(value: unknown): value is string | number | boolean {
  if (typeof value === "number" || typeof value === "boolean") return true;
  return typeof value === "string" && value.trim() !== "" && !value.startsWith("=");
}

function setContent(cell: CellPlan, content: { value?: CellPlan["value"]; formula?: string }): void {
  delete cell.value;
  delete cell.formula;
  delete cell.computes;
  delete cell.cached;
  if (content.formula !== undefined) cell.formula = content.formula;
  else cell.value = content.value ?? null;
}

/** The data rows under the documents header that hold anything. */
export function documentRowCount(sheet: ExistingSheet | undefined): number {
  if (!sheet) return 0;
  let last = 0;
  sheet.cells.forEach((row, i) => {
    if (
      i + 1 > DOCUMENTS_HEADER_ROW &&
      row.slice(0, 5).some((v) => v !== null && v !== undefined && v !== "")
    )
      last = i + 1;
  });
  return Math.max(0, last - DOCUMENTS_HEADER_ROW);
}

/** The figures a set of sheet plans holds, read through the plans' defined names. */
export function figuresOfPlans(plans: readonly SheetPlan[], catalogue: Catalogue): Figures {
  const byName = new Map<string, { sheet: SheetPlan; cell: CellPlan }>();
  for (const sheet of plans) {
    const cells = new Map(sheet.cells.map((c) => [c.address, c]));
    for (const name of sheet.names) {
      const cell = cells.get(name.address);
      if (cell) byName.set(name.name, { sheet, cell });
    }
  }
  const figures = new Map<string, FigureCell>();
  for (const indicator of catalogue.indicators) {
    const found = byName.get(inputName(indicator.id));
    if (!found || indicator.kind === "ratio") continue;
    figures.set(indicator.id, {
      id: indicator.id,
      cell: cellRef(found.sheet.name, found.cell.address),
      value: found.cell.formula ? { type: "blank" } : classifyCell(found.cell.value),
      formula: found.cell.formula,
    });
  }
  for (const figure of tableFiguresOfPlans(byName, catalogue)) figures.set(figure.id, figure);
  return figures;
}

/** Typed scores of a scoring-sheet plan, by criterion code. */
function typedScoresOf(plan: SheetPlan | undefined): Map<string, { score?: unknown; lastYear?: unknown }> {
  const typed = new Map<string, { score?: unknown; lastYear?: unknown }>();
  for (const cell of plan?.cells ?? []) {
    if (!cell.keepKey) continue;
    const entry = typed.get(cell.keepKey) ?? {};
    if (cell.address.startsWith("G")) entry.score = cell.value;
    if (cell.address.startsWith("H")) entry.lastYear = cell.value;
    typed.set(cell.keepKey, entry);
  }
  return typed;
}

/** Sets the cached value of every formula cell from the core's own computation. */
export function fillCachedValues(
  plans: readonly SheetPlan[],
  evaluated: ReadonlyMap<string, Evaluated>,
  scores: readonly CriterionScore[],
  /** The figures typed in the plans (a table's «Cộng» row sums them). */
  figures?: Figures,
): void {
  const figureOf = (id: string): unknown => evaluated.get(id)?.value;
  const byCode = new Map(scores.map((s) => [s.criterion.code, s]));
  const totals = scoreTotals(scores);
  for (const plan of plans) {
    for (const cell of plan.cells) {
      const source = cell.computes;
      if (!source || !cell.formula) continue;
      switch (source.type) {
        case "indicator":
          cell.cached = evaluated.get(source.id)?.value ?? "";
          break;
        case "sumCheck":
          cell.cached = source.sums
            .map((s) => {
              try {
                return sumMismatch(figureOf(s.total), s.parts.map(figureOf));
              } catch {
                return "";
              }
            })
            .filter(Boolean)
            .join(" ");
          break;
        case "score":
          cell.cached = byCode.get(source.code)?.score ?? "";
          break;
        case "scoreDelta":
          cell.cached = byCode.get(source.code)?.delta ?? "";
          break;
        case "scoreTotal":
          cell.cached = totals[source.column];
          break;
        case "tableSum":
          cell.cached = figures ? columnSum(figures, source.ids) : "";
          break;
      }
    }
  }
}

/**
 * A sheet's cells by name as `findMetaSheet` asks: the cells read, an empty grid for a sheet
 * that exists but was not read (it is taken), undefined when there is no such sheet.
 */
export function existingCells(
  existing: ExistingWorkbook,
): (name: string) => ReadonlyArray<ReadonlyArray<unknown>> | undefined {
  return (name) => {
    const actual = existing.sheetNames.find((n) => sameSheetName(n, name));
    if (actual === undefined) return undefined;
    return [...existing.sheets.values()].find((s) => sameSheetName(s.name, actual))?.cells ?? [];
  };
}

/** Every name our meta sheet may take is a user's own sheet: say so rather than overwrite one. */
function refuseMetaName(): never {
  throw new Error(
    `Sổ đã có các trang ${META_SHEET_NAMES.join(", ")} của bạn: hãy đổi tên một trang rồi cài lại.`,
  );
}

/** Plans an install or upgrade over what the workbook holds now. */
/**
 * The catalogue an install uses: the one asked for; else the workbook's own, or the newer
 * built-in version of it when the program ships one (versions compared numerically, `2025.10`
 * after `2025.9`); else the default. Raises OtherCatalogueError when the one asked for is not
 * a version of the workbook's.
 */
export function installCatalogue(meta: TemplateMeta | null, wanted: Catalogue | undefined): Catalogue {
  if (meta && wanted && !sameCatalogueId(meta.templateId, wanted.id)) {
    throw new OtherCatalogueError(meta.templateId, wanted.id);
  }
  if (wanted) return wanted;
  if (!meta) return DEFAULT_CATALOGUE;
  const own = catalogueOfMeta(meta);
  const builtin = builtinCatalogue(own.id);
  return builtin && newerVersion(builtin.version, own.version) ? builtin : own;
}

/** Whether version `a` comes after `b`, comparing their numbers as numbers. */
export function newerVersion(a: string, b: string): boolean {
  return a.localeCompare(b, "en", { numeric: true }) > 0;
}

/**
 * The figures and notes typed under ids that `previous` had and `next` drops, read from the
 * previous input sheets by the key in column A (value in D, note in E).
 */
export function droppedFigures(
  existing: ExistingWorkbook,
  meta: TemplateMeta,
  previous: Catalogue,
  next: Catalogue,
): DroppedFigure[] {
  const kept = new Set(next.indicators.map((i) => i.id));
  const value = INPUT_COLUMNS.value.charCodeAt(0) - 65;
  const note = INPUT_COLUMNS.note.charCodeAt(0) - 65;
  const found: DroppedFigure[] = [];
  for (const sheet of previous.sheets) {
    const name = meta.sheets[sheet.key] ?? sheet.name;
    const rows = rowsByKey(existing.sheets.get(name));
    const sections = new Set(previous.sections.filter((s) => s.sheet === sheet.key).map((s) => s.id));
    for (const indicator of previous.indicators) {
      if (kept.has(indicator.id) || !sections.has(indicator.section) || indicator.kind === "ratio") continue;
      const row = rows.get(indicator.id);
      const typed = (v: unknown) => v !== null && v !== undefined && v !== "" && !isOwnFormula(String(v));
      if (!row || (!typed(row[value]) && !typed(row[note]))) continue;
      found.push({
        id: indicator.id,
        label: indicator.label,
        value: typed(row[value]) ? (row[value] as DroppedFigure["value"]) : null,
        note: typed(row[note]) ? (row[note] as DroppedFigure["note"]) : null,
        fromVersion: previous.version,
      });
    }
  }
  found.push(...droppedTableCells(existing, meta, previous, next));
  return found;
}

/**
 * The typed cells of the previous version's tables whose row or column `next` drops (or whose
 * whole table), read through their defined names: kept on the dropped-figures sheet like an
 * indicator's, labelled with the table, row and column.
 */
function droppedTableCells(
  existing: ExistingWorkbook,
  meta: TemplateMeta,
  previous: Catalogue,
  next: Catalogue,
): DroppedFigure[] {
  const kept = new Set(tableFigureIds(next));
  const found: DroppedFigure[] = [];
  for (const table of previous.tables ?? []) {
    const sheetName = meta.sheets[table.sheet] ?? previous.sheets.find((s) => s.key === table.sheet)?.name;
    const sheet = sheetName ? existing.sheets.get(sheetName) : undefined;
    const valueOf = (id: string): unknown => {
      const target = parseCellRef(existing.names?.get(inputName(id)) ?? "");
      if (!sheet || !target || !sameSheetName(target.sheet, sheet.name)) return undefined;
      const { row, column } = parseAddress(target.address);
      return sheet.cells[row - 1]?.[column - 1];
    };
    for (const cell of tableCells(table)) {
      if (kept.has(cell.id)) continue;
      const value = valueOf(cell.id);
      if (value === null || value === undefined || value === "" || isOwnFormula(String(value))) continue;
      const typed = cell.row.extra ? valueOf(tableLabelId(table.id, cell.row.id)) : undefined;
      found.push({
        id: cell.id,
        label: `${table.title}: ${cellLabel(cell, typeof typed === "string" ? typed : undefined)}`,
        value: value as DroppedFigure["value"],
        note: null,
        fromVersion: previous.version,
      });
    }
  }
  return found;
}

export function planInstall(existing: ExistingWorkbook, options: InstallOptions = {}): InstallPlan {
  const { name: metaName, meta } = findMetaSheet(existingCells(existing));
  const catalogue = installCatalogue(meta, options.catalogue);
  const previous = meta ? catalogueOfMeta(meta) : null;
  const dropped = meta && previous ? droppedFigures(existing, meta, previous, catalogue) : [];
  const droppedName = meta?.sheets[DROPPED_SHEET.key];
  const droppedBefore = droppedName ? existing.sheets.get(droppedName) : undefined;
  const ours = [
    ...templateSheets(catalogue),
    ...(dropped.length || droppedBefore ? [{ key: DROPPED_SHEET.key, name: DROPPED_SHEET.name }] : []),
  ];
  const { names, existingKeys, renamed } = resolveSheetNames(existing, meta, ours, (key) =>
    sheetOfNames(existing, catalogue, key),
  );
  const sample = options.sample ? sampleOf(catalogue.id) : undefined;
  const initial = sample?.figures ?? {};

  let keptValues = 0;
  const restored: InstallSummary["restored"] = [];
  const labelOf = (id: string) => catalogue.indicators.find((i) => i.id === id)?.label ?? id;
  const plans: SheetPlan[] = ours.map((sheet) => {
    const name = names.get(sheet.key)!;
    const old = existingKeys.has(sheet.key) ? existing.sheets.get(name) : undefined;
    let plan: SheetPlan;
    if (sheet.key === DROPPED_SHEET.key) {
      plan = droppedSheetPlan([...droppedRowsOf(old?.cells), ...dropped]);
    } else if (sheet.key === DOCUMENTS_SHEET.key) {
      plan = documentsSheetPlan(documentRowCount(old), old ? [] : (options.sampleDocuments ?? []));
    } else if (sheet.key === SCORING_SHEET.key) {
      const lastYear = old ? undefined : sample?.lastYear;
      plan = scoringSheetPlan(
        lastYear
          ? { ...catalogue, criteria: catalogue.criteria.map((c) => ({ ...c, lastYear: lastYear[c.code] })) }
          : catalogue,
      );
    } else {
      const def = catalogue.sheets.find((s) => s.key === sheet.key)!;
      plan =
        tablesOfSheet(catalogue, sheet.key).length > 0
          ? tableSheetPlan(def, catalogue, old ? {} : initial)
          : inputSheetPlan(def, catalogue, old ? {} : initial);
    }
    plan.name = name;
    // A sheet of tables carries its cells by their names, so a new version may add a column.
    const byNames =
      old && tablesOfSheet(catalogue, sheet.key).length > 0
        ? carryTableCells(plan, old, existing.names, isOwnFormula, parseCellRef, sameSheetName)
        : undefined;
    if (byNames !== undefined) keptValues += byNames;
    else if (plan.role !== "list")
      keptValues += carryOver(plan, old, existing.names, existing.date1904 === true, restored, labelOf);
    clearShiftedColumns(plan, old, existing.names);
    return plan;
  });

  const figures = figuresOfPlans(plans, catalogue);
  const evaluated = evaluateIndicators(figures, catalogue);
  const scores = scoreCriteria(
    catalogue,
    evaluated,
    typedScoresOf(plans.find((p) => p.key === SCORING_SHEET.key)),
  );
  fillCachedValues(plans, evaluated, scores, figures);

  plans.push(
    metaSheetPlan(
      {
        templateId: catalogue.id,
        version: catalogue.version,
        sheets: Object.fromEntries(names),
        extra: meta?.extra ?? {},
        catalogue: JSON.stringify(catalogueToFile(catalogue)),
      },
      metaName ?? refuseMetaName(),
    ),
  );

  return {
    sheets: plans,
    summary: {
      fromVersion: meta?.version ?? null,
      toVersion: catalogue.version,
      added: ours.filter((s) => !existingKeys.has(s.key)).map((s) => names.get(s.key)!),
      updated: ours.filter((s) => existingKeys.has(s.key)).map((s) => names.get(s.key)!),
      keptValues,
      renamed,
      catalogueId: catalogue.id,
      catalogueTitle: catalogue.title,
      dropped: dropped.map(({ id, label }) => ({ id, label })),
      restored,
    },
  };
}
