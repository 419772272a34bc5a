/**
 * Installing or upgrading the CCHC sheets through Office.js: one sync to read what the
 * workbook holds into the core's port (`WorkbookToInstall`), the core's install use case
 * (`planWorkbookInstall`, the same the file adapter runs), one sync to write everything. Two
 * round trips, whatever the number of indicators.
 *
 * Every CCHC.* formula of the plan is entered again, which is also the repair for cells stuck
 * at #NAME? (office-js issues 6611 and 108: Excel re-resolves an add-in function only when the
 * formula is entered again).
 */
import { DEFAULT_CATALOGUE } from "../core/catalogue";
import {
  candidateSheetNames,
  templateSheets,
  type InstallOptions,
  type InstallSummary,
} from "../core/install";
import { findMetaSheet } from "../core/meta";
import { planWorkbookInstall } from "../core/workbook/install";
import type { WorkbookToInstall } from "../core/workbook/port";
import type { ContextApi } from "./api";
import { applySheets, type WorkbookState } from "./applySheets";
import { assertCanRun, hostCapabilities, type Capabilities } from "./capabilities";
import { builtinForms } from "./readFigures";
import { queueSheetReads, type SheetSnapshot } from "./readSheets";

export interface InstallSheetsOptions extends InstallOptions {
  /** What the host supports; by default asked of Office (everything outside Office). */
  capabilities?: Capabilities;
}

/**
 * The names our sheets take when a user's sheet has the default one (`… (CCHC 2)` …), beyond
 * the core's first alternate: read too, so a sheet recorded under such a name in the meta sheet
 * is found in the same sync.
 */
export function furtherAlternates(catalogue: InstallOptions["catalogue"]): string[] {
  return templateSheets(catalogue ?? DEFAULT_CATALOGUE).flatMap((sheet) =>
    [2, 3, 4].map((i) => {
      const suffix = ` (CCHC ${i})`;
      return sheet.name.slice(0, 31 - suffix.length) + suffix;
    }),
  );
}

export interface InstallRead {
  /**
   * What the one sync read, as the core's port: the tab names, our names, the date system and
   * the sheets read (the formulas view only: install carries cells over by their formulas and
   * constants, `values` is not loaded), the meta from the meta sheet's constants.
   */
  workbook: WorkbookToInstall;
  state: WorkbookState;
}

export function queueInstallRead(
  context: ContextApi,
  names: readonly string[],
  /** Whether this Excel can tell the date system (ExcelApi 1.16): read in the same sync. */
  readsDateSystem = false,
): () => InstallRead {
  const { worksheets, names: definedNames, tables } = context.workbook;
  if (readsDateSystem) context.workbook.load("use1904DateSystem");
  worksheets.load("items/name");
  definedNames.load(["items/name", "items/value"]);
  tables.load("items/name");
  const collectSheets = queueSheetReads(context, names, false);
  return () => {
    const snapshots: Map<string, SheetSnapshot> = collectSheets();
    const protection = new Map<string, boolean>();
    for (const snapshot of snapshots.values())
      protection.set(snapshot.name.toLowerCase(), snapshot.protected);
    const sheetNames = worksheets.items.map((sheet) => sheet.name);
    // Typed dates are read, and the plan's written, in the workbook's own date system.
    const date1904 = readsDateSystem && context.workbook.use1904DateSystem === true;
    // Where our names point: the planner's fallback when a row's key text was lost.
    const names = new Map(
      definedNames.items
        .filter((item) => /^CCHC_/i.test(item.name) && typeof item.value === "string")
        .map((item): [string, string] => [item.name.toUpperCase(), String(item.value)]),
    );
    // Our meta sheet holds constants only: its formulas view is its values.
    const { meta } = findMetaSheet((name) => snapshots.get(name.toLowerCase())?.formulas);
    return {
      workbook: {
        meta: () => meta,
        date1904,
        sheet: (name) => snapshots.get(name.toLowerCase()),
        sheetNames: () => sheetNames,
        ourNames: () => names,
      },
      state: {
        sheets: new Map(
          sheetNames.map((name) => [
            name.toLowerCase(),
            { protected: protection.get(name.toLowerCase()) ?? false },
          ]),
        ),
        names: new Set(definedNames.items.map((item) => item.name.toLowerCase())),
        tables: new Set(tables.items.map((table) => table.name.toLowerCase())),
        date1904,
      },
    };
  };
}

/**
 * Installs or upgrades the CCHC sheets in the open workbook, keeping every typed figure, note
 * and score. Two syncs; a third only in the rare case where the meta sheet records one of our
 * sheets under a name that was not read in the first (renamed more than four times).
 * Office errors propagate with their message.
 */
export async function installSheets(
  context: ContextApi,
  options: InstallSheetsOptions = {},
): Promise<InstallSummary> {
  const capabilities = options.capabilities ?? hostCapabilities();
  assertCanRun(capabilities);
  // The sheets of every built-in form are read along, so that installing over a workbook of
  // another built-in form (an upgrade, a repair) still takes one read.
  const forms = [options.catalogue ?? DEFAULT_CATALOGUE, ...builtinForms()];
  const candidates = [
    ...new Set([
      ...forms.flatMap((form) => candidateSheetNames(form)),
      ...furtherAlternates(options.catalogue),
    ]),
  ];

  const collect = queueInstallRead(context, candidates, capabilities.dateSystem);
  await context.sync();
  let seen = collect();
  const first = planWorkbookInstall(seen.workbook, options);
  let plan = first.plan;

  // A sheet we are about to rewrite must have been read, or its typed figures would be lost.
  // So must a sheet of the previous version (its figures may go to the dropped-figures sheet).
  if (first.unread.length > 0) {
    const collectAgain = queueInstallRead(context, [...candidates, ...first.unread], capabilities.dateSystem);
    await context.sync();
    seen = collectAgain();
    ({ plan } = planWorkbookInstall(seen.workbook, options));
  }

  applySheets(context, plan.sheets, seen.state, capabilities);
  await context.sync();
  return plan.summary;
}
