/**
 * "Tạo báo cáo" through Office.js: one sync reads the figures, the document list and the
 * report sheets as they are now; the core plans Phụ lục I and II; one sync writes them. A
 * report sheet edited by hand since it was generated is renamed, not overwritten.
 */
import { DEFAULT_CATALOGUE, DISTRICT_CATALOGUE, type Catalogue } from "../core/catalogue";
import { catalogueOfMeta } from "../core/meta";
import type { ComparedWorkbook } from "../core/report/comparison";
import { candidateReportNames, type ReportPlan } from "../core/report/planReport";
import { planWorkbookReport } from "../core/workbook/report";
import type { ContextApi } from "./api";
import { applySheets, type WorkbookState } from "./applySheets";
import { assertCanRun, hostCapabilities, type Capabilities } from "./capabilities";
import { queueReadWorkbook } from "./readFigures";
import { queueSheetReads } from "./readSheets";

export interface GenerateReportOptions {
  /** The time printed in the footnote; now by default. */
  generatedAt?: Date;
  capabilities?: Capabilities;
  /** The catalogue the workbook is expected to carry (its own decides; see readWithOwnCatalogue). */
  catalogue?: Catalogue;
  /** Earlier workbooks of the same unit and form (already read), printed beside the figures. */
  compared?: readonly ComparedWorkbook[];
}

export type ReportOutcome = ReportPlan["summary"] & { findings: ReportPlan["findings"] };

/** Generates the report sheets from the typed figures: exactly two syncs. */
export async function generateReport(
  context: ContextApi,
  options: GenerateReportOptions = {},
): Promise<ReportOutcome> {
  const capabilities = options.capabilities ?? hostCapabilities();
  assertCanRun(capabilities);
  const { worksheets, names, tables } = context.workbook;
  worksheets.load("items/name");
  names.load("items/name");
  tables.load("items/name");
  const expected = options.catalogue ?? DEFAULT_CATALOGUE;
  const collectReading = queueReadWorkbook(context, expected, [DISTRICT_CATALOGUE], capabilities);
  const collectReports = queueSheetReads(context, candidateReportNames(), true);
  await context.sync();

  let { reading, sheets: inputSheets, workbook } = collectReading();
  // The rows are the workbook's own form's: read again in the rare case it is neither the
  // expected one nor the district form read along.
  const own = reading.meta ? catalogueOfMeta(reading.meta) : expected;
  const read = [expected, DISTRICT_CATALOGUE].some((c) => c.id === own.id && c.version === own.version);
  if (read) ({ reading, sheets: inputSheets, workbook } = collectReading(own));
  else {
    const again = queueReadWorkbook(context, own, [], capabilities);
    await context.sync();
    ({ reading, sheets: inputSheets, workbook } = again());
  }
  const reports = collectReports();
  const sheetNames = worksheets.items.map((sheet) => sheet.name);
  // The port the figures were read through, with the tab names and the report sheets as they
  // are now (read as values in the same sync): the core's report use case reads both.
  const plan = planWorkbookReport(
    {
      meta: () => workbook.meta(),
      date1904: workbook.date1904,
      sheet: (name) => reports.get(name.toLowerCase()) ?? workbook.sheet(name),
      sheetNames: () => sheetNames,
    },
    reading,
    own,
    {
      generatedAt: options.generatedAt,
      compared: options.compared,
    },
  );

  const protection = new Map(
    [...inputSheets.values(), ...reports.values()].map((s) => [s.name.toLowerCase(), s.protected]),
  );
  const renamedAway = new Set(plan.renames.map((r) => r.from.toLowerCase()));
  const state: WorkbookState = {
    // A sheet renamed away frees its name: the new report sheet is added under it.
    sheets: new Map(
      sheetNames
        .filter((name) => !renamedAway.has(name.toLowerCase()))
        .map((name) => [name.toLowerCase(), { protected: protection.get(name.toLowerCase()) ?? false }]),
    ),
    names: new Set(names.items.map((item) => item.name.toLowerCase())),
    tables: new Set(tables.items.map((table) => table.name.toLowerCase())),
    date1904: reading.date1904,
  };
  for (const rename of plan.renames) worksheets.getItem(rename.from).name = rename.to;
  applySheets(context, plan.sheets, state, capabilities);
  // Show the result: whoever pressed the ribbon button sees Phụ lục I at once.
  worksheets.getItem(plan.summary.sheets[0]).activate();
  await context.sync();
  return { ...plan.summary, findings: plan.findings };
}
