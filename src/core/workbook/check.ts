/**
 * Checking a workbook, once for every adapter: its figures read through the port, the core's
 * checks with the rules of the form it was installed with.
 */
import type { Catalogue } from "../catalogue";
import { countFindings, workbookFindings, type Finding } from "../checks";
import type { WorkbookAsRead } from "./port";
import { formOf, readWorkbook, type WorkbookReading } from "./read";

/** A workbook checked: what was read, with which rules, and what the checks found. */
export interface WorkbookCheck {
  reading: WorkbookReading;
  /** The form checked against: the workbook's own unless the caller named one. */
  catalogue: Catalogue;
  /** The checks' findings, then the consolidation's warning on its parts with errors. */
  findings: Finding[];
  errors: number;
  warnings: number;
}

/**
 * The findings over a reading (`workbookFindings`: placement problems, kinds, sums, dates, the
 * document list, then a consolidation's parts with errors): what `check` lists and what the
 * report and the draft count.
 */
export function checkReading(reading: WorkbookReading, catalogue: Catalogue): Finding[] {
  return workbookFindings(reading, catalogue, reading.consolidation);
}

/**
 * Reads and checks a workbook with `catalogue`, or the workbook's own form (`formOf`). Throws
 * CatalogueError when the form stored in the workbook is damaged.
 */
export function checkWorkbook(
  workbook: WorkbookAsRead,
  catalogue: Catalogue = formOf(workbook),
): WorkbookCheck {
  const reading = readWorkbook(workbook, catalogue);
  const findings = checkReading(reading, catalogue);
  return { reading, catalogue, findings, ...countFindings(findings) };
}
