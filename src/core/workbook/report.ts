/**
 * Planning a workbook's report, once for every adapter: the figures as read (`readWorkbook`),
 * the report sheets as they are now, the core's planner (Phụ lục I and II, the meta's
 * fingerprints, a hand-edited report kept under another name).
 */
import type { Catalogue } from "../catalogue";
import type { ExistingWorkbook } from "../install";
import { planReport, type ReportPlan, type ReportRequest } from "../report/planReport";
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
 * The report of a workbook read with `catalogue` (its own form, whose rows the report has):
 * what to rename and write, counted as `check` counts (placement problems and a
 * consolidation's parts with errors included). `existing` is the workbook's tab names and its
 * meta and report sheets as values. Throws NotInstalledError when the workbook holds no CCHC
 * template or no figure.
 */
export function planWorkbookReport(
  existing: ExistingWorkbook,
  reading: WorkbookReading,
  catalogue: Catalogue,
  options: WorkbookReportOptions = {},
): ReportPlan {
  return planReport(existing, {
    figures: reading.figures,
    documents: reading.documents,
    problems: reading.problems,
    consolidation: reading.consolidation,
    generatedAt: options.generatedAt ?? new Date(),
    catalogue,
    documentsAppendix: options.documentsAppendix,
    compared: options.compared,
  });
}
