/** Writing a consolidated workbook: the core's sheet descriptions through ExcelJS, saved atomically. */
import * as ExcelJS from "exceljs";
import type { SheetPlan } from "../../core/layout/model";
import { applySheets } from "../applySheets";
import { saveWorkbookFile } from "../files";

/**
 * Writes a new workbook of `plans` to `file` atomically (a failed write leaves no half file).
 * Without `overwrite` (the command line's --force) an existing file is never replaced, even one
 * that appeared while the inputs were read: WorkbookFileError `exists`.
 */
export async function writeConsolidatedWorkbook(
  plans: readonly SheetPlan[],
  file: string,
  options: { overwrite: boolean },
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cchc";
  workbook.created = new Date();
  await applySheets(workbook, plans);
  await saveWorkbookFile(workbook, file, options);
}
