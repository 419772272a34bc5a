/**
 * Installing or upgrading the form in a workbook, once for every adapter: which sheets the
 * planner reads (ours under the names the meta sheet records or the defined names point at,
 * their alternates, the previous version's), what they hold as the port read them (the
 * formulas view: typed figures, notes and scores are carried over, our formulas written again),
 * and the core's planner (`planInstall`).
 */
import { parseCellRef } from "../figures";
import {
  candidateSheetNames,
  installCatalogue,
  planInstall,
  previousSheetNames,
  type ExistingSheet,
  type ExistingWorkbook,
  type InstallOptions,
  type InstallPlan,
} from "../install";
import { catalogueOfMeta } from "../meta";
import { sameSheetName } from "../sheetNames";
import type { WorkbookToInstall, WorkbookToWrite } from "./port";

/** A workbook's install planned, and what the adapter must read before it can be trusted. */
export interface WorkbookInstall {
  plan: InstallPlan;
  /**
   * Sheets the plan rewrites or reads (ours, the previous version's) that the workbook has but
   * the adapter did not read: their typed figures would be lost. An adapter that reads lazily
   * (a file) never leaves one; one that read a list ahead (Office.js, in its one sync) reads
   * these too and plans again. Empty when the plan can be written.
   */
  unread: string[];
}

/**
 * The sheets `names` that the workbook has, as the port read them (`view`: the formulas view,
 * a formula's text or the constant, or the values view), each once under its actual name; a
 * sheet the adapter did not read is left out (`existingCells` then treats it as taken).
 */
export function existingSheets(
  workbook: WorkbookToWrite,
  names: readonly string[],
  view: "formulas" | "values",
): Map<string, ExistingSheet> {
  const sheets = new Map<string, ExistingSheet>();
  for (const name of names) {
    const sheet = workbook.sheet(name);
    if (!sheet || sheets.has(sheet.name)) continue;
    sheets.set(sheet.name, {
      name: sheet.name,
      cells: view === "formulas" ? (sheet.formulas ?? sheet.values) : sheet.values,
    });
  }
  return sheets;
}

/**
 * What the install planner reads of a workbook: every tab name, the formulas of the sheets an
 * install over it may rewrite or take figures from (`candidateSheetNames` of the form it will
 * install, the names the meta sheet records, the sheets our defined names point at, the
 * previous version's sheets), our defined names and the date system. Throws CatalogueError when
 * the form stored in the workbook is damaged, OtherCatalogueError when `options.catalogue` is
 * another form than the workbook's.
 */
export function existingForInstall(
  workbook: WorkbookToInstall,
  options: InstallOptions = {},
): ExistingWorkbook {
  const meta = workbook.meta();
  const catalogue = installCatalogue(meta, options.catalogue);
  const names = workbook.ourNames();
  const pointedAt = [...names.values()]
    .map((ref) => parseCellRef(ref)?.sheet)
    .filter((n): n is string => !!n);
  const previous = meta ? catalogueOfMeta(meta).sheets.map((s) => s.name) : [];
  const wanted = candidateSheetNames(catalogue, [
    ...Object.values(meta?.sheets ?? {}),
    ...new Set(pointedAt),
    ...previous,
  ]);
  return {
    sheetNames: workbook.sheetNames(),
    sheets: existingSheets(workbook, wanted, "formulas"),
    names,
    date1904: workbook.date1904,
  };
}

/**
 * Plans installing or upgrading the form in a workbook read through the port (`planInstall`
 * over `existingForInstall`), and says which sheets it needs that the adapter did not read.
 * Errors as `existingForInstall` and `planInstall`.
 */
export function planWorkbookInstall(
  workbook: WorkbookToInstall,
  options: InstallOptions = {},
): WorkbookInstall {
  const existing = existingForInstall(workbook, options);
  const plan = planInstall(existing, options);
  const needed = [...plan.sheets.map((p) => p.name), ...previousSheetNames(existing)];
  const unread = needed.filter(
    (name, i) =>
      existing.sheetNames.some((n) => sameSheetName(n, name)) &&
      ![...existing.sheets.keys()].some((n) => sameSheetName(n, name)) &&
      needed.findIndex((n) => sameSheetName(n, name)) === i,
  );
  return { plan, unread };
}
