/**
 * Installing or upgrading the CCHC sheets, as a pure function: what the workbook has now in,
 * the sheets to write out. Typed figures, notes and scores are carried over by the key in
 * column A (not by address), so an upgrade that moves rows keeps every figure; a user's own
 * sheet that happens to bear one of our names is never touched.
 */
import { sumMismatch } from "./arithmetic";
import { DEFAULT_CATALOGUE, inputName, type Catalogue } from "./catalogue";
import { catalogueById, catalogueForLevel, type TemplateLevel } from "./catalogue/levels";
import { SAMPLE_FIGURES, type SampleDocument } from "./catalogue/sample";
import { evaluateIndicators, type Evaluated } from "./evaluate";
import { cellRef, classifyCell, parseCellRef, type FigureCell, type Figures } from "./figures";
import { documentsSheetPlan, DOCUMENTS_HEADER_ROW, DOCUMENTS_SHEET } from "./layout/documentsSheet";
import { isOwnFormula } from "./layout/formulas";
import { inputSheetPlan } from "./layout/inputSheets";
import { parseAddress, type CellPlan, type SheetPlan } from "./layout/model";
import { SCORING_SHEET, scoringSheetPlan } from "./layout/scoringSheet";
import { metaSheetPlan, META_SHEET_NAME, readMeta, type TemplateMeta } from "./meta";
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
}

export interface InstallOptions {
  /** Fill new sheets with the Đức Thọ Q3/2021 sample. */
  sample?: boolean;
  /** Also list the sample's directive documents (a new list only). */
  sampleDocuments?: readonly SampleDocument[];
  /** District or commune template for a first install; an installed workbook keeps its own. */
  level?: TemplateLevel;
  /** An explicit catalogue wins over both (tests, a province's own catalogue). */
  catalogue?: Catalogue;
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
    META_SHEET_NAME,
    ...templateSheets(catalogue).flatMap((s) => [
      s.name,
      s.name.slice(0, 31 - ALTERNATE_SUFFIX.length) + ALTERNATE_SUFFIX,
    ]),
    ...extra,
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
  const taken = new Set(existing.sheetNames.map((n) => n.toLowerCase()));
  const names = new Map<string, string>();
  const existingKeys = new Set<string>();
  const renamed: InstallSummary["renamed"] = [];
  for (const sheet of sheets) {
    const recorded = meta?.sheets[sheet.key];
    const found =
      recorded && taken.has(recorded.toLowerCase()) ? recorded : meta ? renamedBy(sheet.key) : undefined;
    const actual = found && existing.sheetNames.find((n) => n.toLowerCase() === found.toLowerCase());
    if (actual && ![...names.values()].some((n) => n.toLowerCase() === actual.toLowerCase())) {
      names.set(sheet.key, actual);
      existingKeys.add(sheet.key);
    }
  }
  const used = new Set([...names.values()].map((n) => n.toLowerCase()));
  for (const sheet of sheets) {
    if (names.has(sheet.key)) continue;
    let name = sheet.name;
    for (let i = 1; taken.has(name.toLowerCase()) || used.has(name.toLowerCase()); i++) {
      const suffix = i === 1 ? ALTERNATE_SUFFIX : ` (CCHC ${i})`;
      name = sheet.name.slice(0, 31 - suffix.length) + suffix;
    }
    if (name !== sheet.name) renamed.push({ wanted: sheet.name, used: name });
    names.set(sheet.key, name);
    used.add(name.toLowerCase());
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
  if (!target || target.sheet.toLowerCase() !== sheet.name.toLowerCase()) return undefined;
  return sheet.cells[parseAddress(target.address).row - 1];
}

/** Where a keep key's content is on an existing sheet: its row, and how far its columns moved. */
interface OldRow {
  row: ReadonlyArray<unknown>;
  /** Columns inserted (positive) or deleted (negative) left of the row's cells since install. */
  shift: number;
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
  const planned = new Map(plan.names.map((n) => [n.name.toUpperCase(), parseAddress(n.address).column]));
  const keyAt = (row: number, column: number): string | undefined => {
    const raw = column >= 1 ? sheet.cells[row - 1]?.[column - 1] : undefined;
    return typeof raw === "string" && raw.trim() ? raw.trim() : undefined;
  };
  const named = new Map<string, { row: number; shift: number }>();
  for (const [name, plannedColumn] of planned) {
    const target = names?.get(name) ? parseCellRef(names.get(name)!) : undefined;
    if (!target || target.sheet.toLowerCase() !== sheet.name.toLowerCase()) continue;
    const at = parseAddress(target.address);
    named.set(name, { row: at.row, shift: at.column - plannedColumn });
  }
  // The key column as most names show it (a column inserted left moves them all alike).
  const shifts = [...named.values()].map((n) => n.shift);
  const usual = shifts.length
    ? shifts.sort((a, b) => shifts.filter((x) => x === b).length - shifts.filter((x) => x === a).length)[0]
    : 0;
  const byKey = (key: string, shift: number): OldRow | undefined => {
    const index = sheet.cells.findIndex((_, i) => keyAt(i + 1, 1 + shift) === key);
    return index >= 0 ? { row: sheet.cells[index], shift } : undefined;
  };
  return (key) => {
    const name = named.get(inputName(key).toUpperCase());
    if (!name) return byKey(key, usual) ?? (usual !== 0 ? byKey(key, 0) : undefined);
    const there = keyAt(name.row, 1 + name.shift);
    if (there && there !== key) return byKey(key, name.shift) ?? { row: sheet.cells[name.row - 1] ?? [], shift: name.shift };
    return { row: sheet.cells[name.row - 1] ?? [], shift: name.shift };
  };
}

/** Carries a user's content into the plan's keep cells; returns how many were non-empty. */
function carryOver(
  plan: SheetPlan,
  sheet: ExistingSheet | undefined,
  names?: ReadonlyMap<string, string>,
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
    if (!cell.keepKey) continue;
    const found = locate(cell.keepKey);
    if (!found) continue; // a row new in this version, or deleted: keep the plan's default
    const old = found.row[parseAddress(cell.address).column - 1 + found.shift];
    if (typeof old === "string" && old.startsWith("=")) {
      if (isOwnFormula(old)) continue; // ours: written again (this is also the #NAME? repair)
      setContent(cell, { formula: old });
    } else {
      setContent(cell, { value: old === undefined || old === "" ? null : (old as CellPlan["value"]) });
    }
    if (old !== null && old !== undefined && old !== "") kept++;
  }
  return kept;
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
      }
    }
  }
}

/** Plans an install or upgrade over what the workbook holds now. */
export function planInstall(existing: ExistingWorkbook, options: InstallOptions = {}): InstallPlan {
  const metaSheet = existing.sheets.get(META_SHEET_NAME);
  const meta = metaSheet ? readMeta(metaSheet.cells) : null;
  const catalogue =
    options.catalogue ?? (meta ? catalogueById(meta.templateId) : catalogueForLevel(options.level ?? "H"));
  const ours = templateSheets(catalogue);
  const { names, existingKeys, renamed } = resolveSheetNames(existing, meta, ours, (key) =>
    sheetOfNames(existing, catalogue, key),
  );
  const initial = options.sample ? SAMPLE_FIGURES : {};

  let keptValues = 0;
  const plans: SheetPlan[] = ours.map((sheet) => {
    const name = names.get(sheet.key)!;
    const old = existingKeys.has(sheet.key) ? existing.sheets.get(name) : undefined;
    let plan: SheetPlan;
    if (sheet.key === DOCUMENTS_SHEET.key) {
      plan = documentsSheetPlan(documentRowCount(old), old ? [] : (options.sampleDocuments ?? []));
    } else if (sheet.key === SCORING_SHEET.key) {
      plan = scoringSheetPlan(catalogue);
    } else {
      const def = catalogue.sheets.find((s) => s.key === sheet.key)!;
      plan = inputSheetPlan(def, catalogue, old ? {} : initial);
    }
    plan.name = name;
    if (plan.role !== "list") keptValues += carryOver(plan, old, existing.names);
    return plan;
  });

  const figures = figuresOfPlans(plans, catalogue);
  const evaluated = evaluateIndicators(figures, catalogue);
  const scores = scoreCriteria(
    catalogue,
    evaluated,
    typedScoresOf(plans.find((p) => p.key === SCORING_SHEET.key)),
  );
  fillCachedValues(plans, evaluated, scores);

  plans.push(
    metaSheetPlan({
      templateId: catalogue.id,
      version: catalogue.version,
      sheets: Object.fromEntries(names),
      extra: meta?.extra ?? {},
    }),
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
    },
  };
}
