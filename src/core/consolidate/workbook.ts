/**
 * The consolidated workbook as sheet descriptions: the same install as any new workbook of the
 * form (names, formulas, validation, the meta sheet), with the consolidated figures typed into
 * the input cells and every cached value recomputed from them, plus the breakdown and file
 * sheets. So `check` and `report` work on it like on any other workbook.
 */
import { limitCellTexts } from "../layout/cellText";
import { inputName, tableCellId, tableRows, type Catalogue } from "../catalogue";
import { evaluateIndicators } from "../evaluate";
import {
  fillCachedValues,
  figuresOfPlans,
  planInstall,
  type ExistingSheet,
  type ExistingWorkbook,
} from "../install";
import type { CellValue, Figures } from "../figures";
import { INPUT_COLUMNS } from "../layout/inputSheets";
import {
  DOCUMENT_COLUMNS,
  DOCUMENTS_HEADER_ROW,
  DOCUMENTS_SHEET,
  withListedDocuments,
  type ListedDocument,
} from "../layout/documentsSheet";
import type { CellPlan, SheetPlan } from "../layout/model";
import { formatDateVi, fromExcelSerial } from "../period";
import { scoreCriteria } from "../scoring";
import { aggregateOf, isInfo, type Consolidation, type FileStatus } from "./model";
import { breakdownSheetPlan, filesSheetPlan } from "./sheets";

/**
 * Types `values` (id → number, text or null) into the input cells of installed sheet plans,
 * found through their defined names, then recomputes every cached value (ratios, checks,
 * scores, tables' «Cộng» rows) by the core. A derived date given a value becomes a typed date, as a user would
 * type over it. Mutates `plans`.
 */
export function typeFigures(plans: SheetPlan[], result: Pick<Consolidation, "catalogue" | "values">): void {
  const byName = new Map<string, CellPlan>();
  for (const plan of plans) {
    const cells = new Map(plan.cells.map((c) => [c.address, c]));
    for (const name of plan.names) {
      const found = cells.get(name.address);
      if (found) byName.set(name.name, found);
    }
  }
  for (const [id, value] of Object.entries(result.values)) {
    const target = byName.get(inputName(id));
    if (!target) continue;
    if (target.formula) {
      if (value === null) continue; // a derived date left to its formula
      delete target.formula;
      delete target.computes;
      delete target.cached;
    }
    target.value = value;
  }
  const figures = figuresOfPlans(plans, result.catalogue);
  const evaluated = evaluateIndicators(figures, result.catalogue);
  // The figures too: a table's «Cộng» row caches the sum of its typed cells, which a reader that
  // does not recalculate (LibreOffice, Excel without a full recalc) shows as the sheet's total.
  fillCachedValues(plans, evaluated, scoreCriteria(result.catalogue, evaluated, new Map()), figures);
}

/**
 * Writes the result's `notes` (a ratio over incomplete parts) into the Ghi chú cell of their
 * rows, only where that cell is blank: a note a user typed in an open workbook is never
 * replaced. So the consolidated ratio does not read as a plain figure, and `report` on the
 * result prints the note (its Ghi chú carries the row's typed note). Mutates `plans`.
 */
export function writeNotes(plans: SheetPlan[], notes: Consolidation["notes"]): void {
  if (!notes) return;
  for (const plan of plans) {
    if (plan.role !== "input") continue;
    for (const cell of plan.cells) {
      const note = cell.keepKey !== undefined ? notes[cell.keepKey] : undefined;
      if (note === undefined || cell.address.replace(/\d+$/, "") !== INPUT_COLUMNS.note) continue;
      if (cell.value === null || cell.value === undefined || cell.value === "") cell.value = note;
    }
  }
}

/**
 * Writes the notes of a table's incomplete cells (a unit's «chưa có số liệu», consolidate/tables)
 * under the table: a table has no Ghi chú column, so they go, one after another, into the blank
 * row the sheet leaves after «Chỉ tiêu tổng» (three rows below the table's last row), only where
 * that cell is blank. Mutates `plans`.
 */
export function writeTableNotes(
  plans: SheetPlan[],
  catalogue: Catalogue,
  notes: Consolidation["notes"],
): void {
  if (!notes) return;
  for (const table of catalogue.tables ?? []) {
    const ids = tableRows(table).flatMap((slot) =>
      table.columns.map((c) => tableCellId(table.id, slot.id, c.id)),
    );
    const said = ids.map((id) => notes[id]).filter((note): note is string => note !== undefined);
    if (said.length === 0) continue;
    const plan = plans.find((p) => p.names.some((n) => n.name === inputName(ids[0])));
    if (!plan) continue;
    const names = new Set(ids.map(inputName));
    const lastRow = Math.max(
      ...plan.names.filter((n) => names.has(n.name)).map((n) => Number(n.address.replace(/^\D+/, ""))),
    );
    const address = `B${lastRow + 3}`;
    const found = plan.cells.find((c) => c.address === address);
    if (found && found.value !== null && found.value !== undefined && found.value !== "") continue;
    const cell: CellPlan = {
      address,
      value: `Ghi chú: ${said.join(" ")}`,
      style: { font: { size: 11, italic: true } },
    };
    if (found) Object.assign(found, cell);
    else plan.cells.push(cell);
  }
}

/** The form's sheets, then the breakdown and the file list, the very hidden meta sheet last. */
function withConsolidationSheets(
  plans: SheetPlan[],
  result: Consolidation,
  files: readonly FileStatus[],
  options: { over: "units" | "periods"; subtitle: string },
): SheetPlan[] {
  const sheets = [
    ...plans.filter((p) => p.role !== "meta"),
    breakdownSheetPlan(result, options),
    filesSheetPlan(files),
    ...plans.filter((p) => p.role === "meta"),
  ];
  // A unit's name or a file's reason past what a cell holds is cut, so the result opens in Excel.
  limitCellTexts(sheets);
  return sheets;
}

/**
 * Every sheet of a new consolidated workbook, in tab order: the form's sheets holding the
 * consolidated figures, the breakdown, the file list, and the very hidden meta sheet last.
 */
export function consolidatedWorkbookPlan(
  result: Consolidation,
  files: readonly FileStatus[],
  options: { over: "units" | "periods"; subtitle: string },
): SheetPlan[] {
  const installed = planInstall(
    { sheetNames: [], sheets: new Map() },
    { catalogue: result.catalogue },
  ).sheets;
  const plans = installed.map((plan) =>
    plan.key === DOCUMENTS_SHEET.key ? withListedDocuments(plan, unitDocuments(result)) : plan,
  );
  typeFigures(plans, result);
  writeNotes(plans, result.notes);
  writeTableNotes(plans, result.catalogue, result.notes);
  return withConsolidationSheets(plans, result, files, options);
}

/**
 * The units' documents as the consolidated list prints them: each row's Ghi chú names the unit
 * that issued it, before the unit's own note.
 */
function unitDocuments(result: Consolidation): ListedDocument[] {
  const plain = (v: CellValue) => (v.type === "blank" ? null : v.value);
  return (result.documents ?? []).map((doc) => {
    const own = doc.note.type === "blank" ? "" : String(doc.note.value).trim();
    return {
      number: plain(doc.number),
      date: plain(doc.date),
      summary: plain(doc.summary),
      note: doc.unit && own ? `${doc.unit}: ${own}` : doc.unit || own,
    };
  });
}

/**
 * The consolidated figures to type into a workbook that already holds the form (the task
 * pane's open workbook). Counts and amounts are the consolidation's, and so is the period (kỳ,
 * năm), as over units. Over units, nothing else: the workbook's own Thông tin chung and typed
 * texts stay as the user wrote them. Over periods the open workbook is the unit's own report of
 * the longer period, so the unit's details and the latest period's texts fill the cells of
 * `typed` (what the workbook holds, `figuresOfPlans` after the install plan carried it) that are
 * blank, never one the user typed; a data-period date typed over its formula gets the target's
 * date, so that Thông tin chung carries the target period whole.
 */
export function valuesForOpenWorkbook(
  result: Pick<Consolidation, "catalogue" | "values"> & Partial<Pick<Consolidation, "evaluated">>,
  over: "units" | "periods" = "units",
  typed?: Figures,
): Record<string, string | number | null> {
  const byId = new Map(result.catalogue.indicators.map((i) => [i.id, i]));
  const kept: Record<string, string | number | null> = {};
  for (const [id, value] of Object.entries(result.values)) {
    const indicator = byId.get(id);
    if (!indicator) continue;
    const period = id === "ky_bao_cao" || id === "nam" || (indicator.derived && value !== null);
    if (isInfo(indicator, result.catalogue) ? period : aggregateOf(indicator) !== "none" || value !== null)
      kept[id] = value;
  }
  if (over === "units") return kept;
  const isBlank = (id: string) => {
    const own = typed?.get(id);
    return !own || (!own.formula && own.value.type === "blank");
  };
  for (const indicator of result.catalogue.indicators) {
    const { id } = indicator;
    if (id === "ky_bao_cao" || id === "nam" || indicator.kind === "ratio") continue;
    if (indicator.derived) {
      const own = typed?.get(id);
      const date = result.evaluated?.get(id)?.value;
      if (own && !own.formula && typeof date === "number") kept[id] = date;
      continue;
    }
    if (!isInfo(indicator, result.catalogue) && aggregateOf(indicator) !== "none") continue;
    const value = result.values[id];
    if (value !== null && value !== undefined && isBlank(id)) kept[id] = value;
    else delete kept[id];
  }
  return kept;
}

/** What a consolidation into an open workbook writes, and what it did with the document list. */
export interface ConsolidationIntoPlan {
  /** Every sheet to write, in tab order (the meta sheet last). */
  sheets: SheetPlan[];
  /** The parts' documents listed into «Danh mục văn bản» (it held none). */
  listedDocuments: number;
  /**
   * The documents the workbook's own «Danh mục văn bản» already held, kept untouched while the
   * parts had documents of their own: Phụ lục II then lists the workbook's documents, not the
   * parts'. 0 otherwise.
   */
  keptDocuments: number;
}

/**
 * Every sheet to write into a workbook that holds the form already: its own sheets planned as
 * an install over what it holds (typed notes, scores and Thông tin chung kept), the consolidated
 * figures typed in and every cached value recomputed, then the breakdown and file sheets, the
 * meta sheet last. The parts' documents (`result.documents`: over units each naming its unit in
 * Ghi chú, over periods every period's) fill «Danh mục văn bản» when it holds no document, as
 * in a new consolidated workbook, so Phụ lục II agrees with the summed count of documents; a
 * list holding documents is the user's and is never written over (`keptDocuments` says so).
 */
export function planConsolidationInto(
  existing: ExistingWorkbook,
  result: Consolidation,
  files: readonly FileStatus[],
  options: { over: "units" | "periods"; subtitle: string },
): ConsolidationIntoPlan {
  const installed = planInstall(existing, { catalogue: result.catalogue }).sheets;
  const parts = unitDocuments(result);
  let listedDocuments = 0;
  let keptDocuments = 0;
  const plans = installed.map((plan) => {
    if (plan.key !== DOCUMENTS_SHEET.key || parts.length === 0) return plan;
    const own = documentsHeld(existing.sheets.get(plan.name));
    if (own > 0) {
      keptDocuments = own;
      return plan;
    }
    listedDocuments = parts.length;
    return withListedDocuments(plan, parts);
  });
  const typed = options.over === "periods" ? figuresOfPlans(plans, result.catalogue) : undefined;
  typeFigures(plans, {
    catalogue: result.catalogue,
    values: valuesForOpenWorkbook(result, options.over, typed),
  });
  writeNotes(plans, result.notes);
  writeTableNotes(plans, result.catalogue, result.notes);
  return { sheets: withConsolidationSheets(plans, result, files, options), listedDocuments, keptDocuments };
}

/**
 * The documents a «Danh mục văn bản» holds: rows under the header with a number, a date or a
 * summary (columns B–D). A row holding only its STT or a note is no document, so a list with
 * only those is filled.
 */
function documentsHeld(sheet: ExistingSheet | undefined): number {
  if (!sheet) return 0;
  const columns = [DOCUMENT_COLUMNS.number, DOCUMENT_COLUMNS.date, DOCUMENT_COLUMNS.summary].map(
    (c) => c.charCodeAt(0) - 65,
  );
  return sheet.cells
    .slice(DOCUMENTS_HEADER_ROW)
    .filter((row) =>
      columns.some((i) => row[i] !== null && row[i] !== undefined && String(row[i]).trim() !== ""),
    ).length;
}

/** `Kỳ Quý III/2026 (số liệu 15/06/2026 – 14/09/2026), 3 đơn vị` */
export function consolidationSubtitle(result: Consolidation): string {
  const period = result.values.ky_bao_cao;
  const year = result.values.nam;
  const from = result.evaluated.get("tu_ngay")?.value;
  const to = result.evaluated.get("den_ngay")?.value;
  const label = period && year ? `Kỳ ${period}/${year}` : "Kỳ báo cáo chưa ghi";
  return typeof from === "number" && typeof to === "number"
    ? `${label} (số liệu ${formatSerial(from)} – ${formatSerial(to)})`
    : label;
}

const formatSerial = (serial: number) => formatDateVi(fromExcelSerial(serial));
