/** Writing a consolidated workbook: the core's sheet descriptions into a new package, saved atomically. */
import type { SheetPlan } from "../../core/layout/model";
import { saveNewPackageFile } from "./files";
import { applyPlans } from "../package/applyPlans";
import { emptyWorkbookPackage } from "../package/skeleton";
import { nativeCodecs } from "./nativeCodecs";

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
  const pkg = emptyWorkbookPackage({ codecs: nativeCodecs });
  applyPlans(pkg, plans);
  await saveNewPackageFile(pkg, file, options);
}
