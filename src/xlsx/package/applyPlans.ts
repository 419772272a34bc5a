/**
 * Applies the core's sheet plans to a package: our sheets' parts are written (created where
 * missing, next to their neighbours in the plan), their names and print areas set in the
 * workbook part, tables added in their own parts. Shared parts are edited, never regenerated;
 * every part that is not ours is left as it was read.
 */
import type { Element } from "@xmldom/xmldom";
import { columnLetter, parseAddress, type SheetPlan } from "../../core/layout/model";
import { syncWorksheetTitles } from "../parts/app/edit";
import { StylesPart } from "../parts/styles/edit";
import {
  dateSystem,
  intersects,
  parseRange,
  printNames,
  quoteSheetName,
  writeSheet,
  finishSheet,
  WORKSHEET_ORDER,
  EMPTY_WORKSHEET,
} from "../parts/sheet/write";
import { WorkbookPart, WORKSHEET_TYPE, type SheetEntry } from "../parts/workbook/edit";
import {
  children,
  child,
  createChild,
  encodeExcelEscapes,
  insertInOrder,
  parseXml,
  setRelId,
  MAIN_NS,
} from "../xml/dom";
import type { XlsxPackage } from "./xlsxPackage";
import type { ReadGrid } from "../parts/sheet/read";

export const TABLE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
export const TABLE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

/** What applying did beyond the plan's cells, for the caller to report. */
export interface ApplyReport {
  /** Sheets created, in plan order. */
  addedSheets: string[];
  /** Tables created (name). */
  addedTables: string[];
  /** Tables already over the plan's range (the user's list): kept as they are. */
  keptTables: string[];
}

/** Every table of the workbook: part, id, name and (for the sheet's own) range. */
function tablesOf(pkg: XlsxPackage, sheets: readonly SheetEntry[]) {
  const tables: Array<{ sheetPart: string; part: string; id: number; name: string; ref: string }> = [];
  for (const sheet of sheets) {
    if (!sheet.part) continue;
    for (const rel of pkg.relationships(sheet.part)) {
      if (!/\/table$/.test(rel.type) || !rel.part || !pkg.has(rel.part)) continue;
      const root = pkg.dom(rel.part)?.documentElement;
      if (!root) continue;
      tables.push({
        sheetPart: sheet.part,
        part: rel.part,
        id: Number(root.getAttribute("id")) || 0,
        name: root.getAttribute("name") ?? root.getAttribute("displayName") ?? "",
        ref: root.getAttribute("ref") ?? "",
      });
    }
  }
  return tables;
}

/** Adds the plan's table over the sheet's header row, unless a table is there already. */
function ensureTable(
  pkg: XlsxPackage,
  workbook: WorkbookPart,
  sheet: SheetEntry,
  sheetRoot: Element,
  plan: SheetPlan,
  report: ApplyReport,
): void {
  const table = plan.table!;
  const box = parseRange(table.range);
  const all = tablesOf(pkg, workbook.sheets());
  const existing = all.find(
    (t) =>
      t.sheetPart === sheet.part &&
      (t.name.toUpperCase() === table.name.toUpperCase() || (t.ref && intersects(parseRange(t.ref), box))),
  );
  if (existing) {
    report.keptTables.push(existing.name);
    return;
  }
  const taken = new Set([
    ...all.map((t) => t.name.toUpperCase()),
    ...workbook.definedNames().map((d) => d.name.toUpperCase()),
  ]);
  let name = table.name;
  for (let i = 2; taken.has(name.toUpperCase()); i++) name = `${table.name}_${i}`;
  const header = new Map(
    plan.cells
      .filter((c) => parseAddress(c.address).row === box.top)
      .map((c) => [parseAddress(c.address).column, String(c.value ?? "").trim()]),
  );
  const used = new Set<string>();
  const columns: string[] = [];
  for (let column = box.left; column <= box.right; column++) {
    const text = header.get(column) || `Cột ${column - box.left + 1}`;
    let columnName = text;
    for (let i = 2; used.has(columnName.toLowerCase()); i++) columnName = `${text} ${i}`;
    used.add(columnName.toLowerCase());
    columns.push(columnName);
  }
  const part = pkg.freePartName("xl/tables/table", ".xml");
  const doc = parseXml(part, pkg.conform(`<table xmlns="${MAIN_NS}"/>`));
  const root = doc.documentElement!;
  const ref = `${columnLetter(box.left)}${box.top}:${columnLetter(box.right)}${box.bottom}`;
  root.setAttribute("id", String(Math.max(0, ...all.map((t) => t.id)) + 1));
  root.setAttribute("name", name);
  root.setAttribute("displayName", name);
  root.setAttribute("ref", ref);
  root.setAttribute("totalsRowShown", "0");
  const filter = createChild(root, "autoFilter");
  filter.setAttribute("ref", ref);
  root.appendChild(filter);
  const list = createChild(root, "tableColumns");
  list.setAttribute("count", String(columns.length));
  columns.forEach((columnName, i) => {
    const c = createChild(list, "tableColumn");
    c.setAttribute("id", String(i + 1));
    c.setAttribute("name", encodeExcelEscapes(columnName));
    list.appendChild(c);
  });
  root.appendChild(list);
  const info = createChild(root, "tableStyleInfo");
  info.setAttribute("name", "TableStyleLight1");
  info.setAttribute("showFirstColumn", "0");
  info.setAttribute("showLastColumn", "0");
  info.setAttribute("showRowStripes", "1");
  info.setAttribute("showColumnStripes", "0");
  root.appendChild(info);
  pkg.setDom(part, doc);
  pkg.addContentType(part, TABLE_TYPE);
  const id = pkg.addRelationship(sheet.part!, TABLE_REL, part);
  const parts =
    child(sheetRoot, "tableParts") ??
    insertInOrder(sheetRoot, createChild(sheetRoot, "tableParts"), WORKSHEET_ORDER);
  const tablePart = createChild(parts, "tablePart");
  setRelId(tablePart, id);
  parts.appendChild(tablePart);
  parts.setAttribute("count", String(children(parts, "tablePart").length));
  report.addedTables.push(name);
}

/**
 * The calculation chain (`xl/calcChain.xml`) lists every formula cell by sheet id; Excel reports
 * a file damaged when it lists a cell that no longer holds a formula. Our sheets are rewritten,
 * so their entries go (Excel adds back the ones it needs); the user's stay, in order. An entry
 * may leave its sheet id implicit (the previous entry's), so kept entries get it spelled out.
 * When nothing is left the part, its relationship and its content type go.
 */
function pruneCalcChain(pkg: XlsxPackage, workbook: WorkbookPart, ours: ReadonlySet<string>): void {
  const rel = pkg.relationships(workbook.part).find((r) => /\/calcChain$/.test(r.type));
  if (!rel?.part || !pkg.has(rel.part)) return;
  const ids = new Set(
    workbook
      .sheets()
      .filter((s) => ours.has(s.element.getAttribute("name") ?? ""))
      .map((s) => s.element.getAttribute("sheetId") ?? ""),
  );
  const doc = pkg.dom(rel.part)!;
  const root = doc.documentElement!;
  let current = "";
  let removed = false;
  for (const c of children(root, "c")) {
    current = c.getAttribute("i") ?? current;
    if (ids.has(current)) {
      root.removeChild(c);
      removed = true;
    } else if (!c.getAttribute("i")) c.setAttribute("i", current);
  }
  if (!removed) return;
  if (children(root, "c").length > 0) {
    pkg.touch(rel.part);
    return;
  }
  pkg.removePart(rel.part);
  pkg.removeRelationship(workbook.part, rel.id);
}

/** Finds a tab by name as Excel does: case-insensitively. */
export function findSheet(workbook: WorkbookPart, name: string): SheetEntry | undefined {
  const lower = name.toLowerCase();
  return workbook.sheets().find((s) => s.name.toLowerCase() === lower);
}

/**
 * Applies the plans: renames first, missing sheets added in plan order next to their
 * neighbours, each sheet's part written, then names, print areas and visibility set.
 */
export function applyPlans(
  pkg: XlsxPackage,
  plans: readonly SheetPlan[],
  renames: ReadonlyArray<{ from: string; to: string }> = [],
): ApplyReport {
  const report: ApplyReport = { addedSheets: [], addedTables: [], keptTables: [] };
  const workbook = new WorkbookPart(pkg, pkg.workbookPart()!);
  const worksheetNames = () =>
    workbook
      .sheets()
      .filter((s) => s.worksheet)
      .map((s) => s.name);
  const worksheetsBefore = worksheetNames();
  const styles = StylesPart.of(pkg, workbook.part);
  const ctx = { styles, dates: dateSystem(workbook.date1904), emptySheet: pkg.conform(EMPTY_WORKSHEET) };
  for (const rename of renames) {
    const entry = findSheet(workbook, rename.from);
    if (entry) workbook.rename(entry, rename.to);
  }

  const entries: SheetEntry[] = [];
  plans.forEach((plan, i) => {
    const found = findSheet(workbook, plan.name);
    if (found) {
      entries.push(found);
      return;
    }
    const tabs = workbook.sheets();
    const previous = entries[i - 1];
    const next = plans
      .slice(i + 1)
      .map((p) => findSheet(workbook, p.name))
      .find((s): s is SheetEntry => !!s);
    const indexOf = (entry: SheetEntry) => tabs.findIndex((t) => t.element === entry.element);
    const at = previous ? indexOf(previous) + 1 : next ? indexOf(next) : tabs.length;
    const part = pkg.freePartName("xl/worksheets/sheet", ".xml");
    pkg.setDom(part, parseXml(part, "<worksheet/>"));
    pkg.addContentType(part, WORKSHEET_TYPE);
    entries.push(workbook.addSheet(plan.name, part, at));
    report.addedSheets.push(plan.name);
  });

  plans.forEach((plan, i) => {
    const entry = entries[i];
    const part = entry.part!;
    const isNew = report.addedSheets.includes(plan.name);
    const written = writeSheet(isNew ? undefined : pkg.dom(part), plan, ctx);
    const { doc } = written;
    if (plan.table) ensureTable(pkg, workbook, entry, doc.documentElement!, plan, report);
    pkg.writePart(part, (push) => finishSheet(doc, written, push));
    workbook.setState(entry, plan.visibility === "veryHidden" ? "veryHidden" : "visible");
  });

  const tabs = workbook.sheets();
  plans.forEach((plan, i) => {
    const entry = entries[i];
    for (const name of plan.names) {
      const { row, column } = parseAddress(name.address);
      workbook.setDefinedName(name.name, `${quoteSheetName(entry.name)}!$${columnLetter(column)}$${row}`);
    }
    const index = tabs.findIndex((t) => t.element === entry.element);
    if (plan.page) {
      const { area, titles } = printNames(entry.name, plan.page);
      workbook.setDefinedName("_xlnm.Print_Area", area, index);
      if (titles) workbook.setDefinedName("_xlnm.Print_Titles", titles, index);
      else workbook.removeDefinedName("_xlnm.Print_Titles", index);
    }
    if (plan.visibility === "veryHidden") {
      const visible = tabs.findIndex((t) => t.state === "visible" && t.element !== entry.element);
      workbook.avoidActive(index, Math.max(0, visible));
    }
  });
  pruneCalcChain(pkg, workbook, new Set(entries.map((e) => e.element.getAttribute("name") ?? "")));
  workbook.keepCachedValues();
  syncWorksheetTitles(pkg, worksheetsBefore, worksheetNames());
  return report;
}

/** Reads `grid` helper type re-export for readers. */
export type { ReadGrid };
