/**
 * Planning a workbook's report, once for every adapter: the figures as read (`readWorkbook`),
 * the report sheets as they are now (read through the port), the core's planner (Phụ lục I and
 * II, the meta's fingerprints, a hand-edited report kept under another name).
 */
import type { Catalogue } from "../catalogue";
import type { ExistingWorkbook } from "../install";
import { candidateReportNames, planReport, type ReportPlan, type ReportRequest } from "../report/planReport";
import { existingSheets } from "./install";
import type { WorkbookToWrite } from "./port";
import type { WorkbookReading } from "./read";

export interface WorkbookReportOptions {
  /** Recorded in the meta sheet (`report_generated_at`); now by default. */
  generatedAt?: Date;
  /** Phụ lục II even with an empty document list (`cchc report --phu-luc-ii`). */
  documentsAppendix?: boolean;
  /** Earlier workbooks of the same unit and form, printed beside the figures (`--compare`). */
  compared?: ReportRequest["compared"];
}

/**
 * What the report planner reads of a workbook: every tab name, and as values the meta sheet,
 * the report sheets (under their names or alternates: a hand-edited one is kept) and the
 * sheets the meta records (`candidateReportNames`).
 */
export function existingForReport(workbook: WorkbookToWrite): ExistingWorkbook {
  const meta = workbook.meta();
  const wanted = [...candidateReportNames(), ...Object.values(meta?.sheets ?? {})];
  return {
    sheetNames: workbook.sheetNames(),
    sheets: existingSheets(workbook, wanted, "values"),
    // The old report's dates are read as the workbook stores them: its fingerprint is compared so.
    date1904: workbook.date1904,
  };
}

/**
 * The report of a workbook read with `catalogue` (its own form, whose rows the report has):
 * what to rename and write, counted as `check` counts (placement problems and a
 * consolidation's parts with errors included). `workbook` is the port the figures were read
 * through (`reading`), which also gives the tab names and the meta and report sheets
 * (`existingForReport`). Throws NotInstalledError when the workbook holds no CCHC template or
 * no figure.
 */
export function planWorkbookReport(
  workbook: WorkbookToWrite,
  reading: WorkbookReading,
  catalogue: Catalogue,
  options: WorkbookReportOptions = {},
): ReportPlan {
  return planReport(existingForReport(workbook), {
    figures: reading.figures,
    documents: reading.documents,
    problems: reading.problems,
    consolidation: reading.consolidation,
    generatedAt: options.generatedAt ?? new Date(),
    catalogue,
    documentsAppendix: options.documentsAppendix,
    compared: options.compared,
    overUnits: reading.consolidatedOver === "units",
  });
}
