/** Printing a report plan to PDF through LibreOffice, shared by `report --pdf` and `demo`. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { ReportPlan } from "../../core/report/planReport";
import { reportOnlyWorkbook } from "../../xlsx/node/operations";
import type { Io } from "../io";
import {
  convertToPdf,
  findSoffice,
  LIBREOFFICE_HINT,
  sofficeSettingProblem,
  LibreOfficeError,
  pdfTargetProblem,
} from "../libreoffice";

/**
 * Whether a PDF can be written at `pdf` (not a folder, in a folder we may write to); if not,
 * says why in one Vietnamese line. `report --pdf` asks before writing anything.
 */
export function checkPdfTarget(pdf: string, io: Io): boolean {
  const problem = pdfTargetProblem(pdf);
  if (problem) io.err(`Không tạo được PDF "${pdf}": ${problem}.\n`);
  return !problem;
}

/**
 * Prints the report sheets (only them: the input sheets are not part of the appendix) to `pdf`.
 * Returns false, having said why in plain words, when LibreOffice is missing or fails.
 */
export async function printReportPdf(plan: ReportPlan, pdf: string, io: Io): Promise<boolean> {
  if (!checkPdfTarget(pdf, io)) return false;
  const soffice = findSoffice();
  if (!soffice) {
    const setting = sofficeSettingProblem();
    io.err(
      setting
        ? `Không tạo được PDF: ${setting}.\n`
        : `Không tạo được PDF: máy này chưa cài LibreOffice (cần để in không qua Excel). ${LIBREOFFICE_HINT}.\n`,
    );
    return false;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-report-"));
  try {
    const xlsx = path.join(work, `${path.basename(pdf, path.extname(pdf)) || "bao-cao"}.xlsx`);
    // A private temporary folder: a plain write, nothing to keep safe from a half write.
    fs.writeFileSync(xlsx, reportOnlyWorkbook(plan).toBytes());
    await convertToPdf(soffice, xlsx, pdf);
    return true;
  } catch (error) {
    if (!(error instanceof LibreOfficeError)) throw error;
    io.err(`Không tạo được PDF "${pdf}": ${error.message}\n`);
    return false;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
