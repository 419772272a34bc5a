/**
 * The operations of the command line on .xlsx files, each one read → core → write: create a
 * template, install or upgrade in place, check the figures. Front ends (the `cchc` commands,
 * the bench, later `report` and `demo`) call these and only present the outcome.
 */
import * as ExcelJS from "exceljs";
import { DEFAULT_CATALOGUE, type Catalogue } from "../core/catalogue";
import type { Finding } from "../core/checks";
import { planInstall, type InstallSummary } from "../core/install";
import { applySheets, type ApplyReport } from "./applySheets";
import { openWorkbookFile, partsLostOnRewrite, saveWorkbookFile, WorkbookFileError } from "./files";
import { checkWorkbook, readExistingWorkbook, type WorkbookFigures } from "./readWorkbook";

export interface InstallOutcome {
  summary: InstallSummary;
  applied: ApplyReport;
}

/** A new workbook holding the installed sheets, empty or with the Đức Thọ Q3/2021 sample. */
export async function buildTemplate(
  options: { sample?: boolean; catalogue?: Catalogue } = {},
): Promise<{ workbook: ExcelJS.Workbook } & InstallOutcome> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cchc";
  workbook.created = new Date();
  const plan = planInstall(
    { sheetNames: [], sheets: new Map() },
    { sample: options.sample, catalogue: options.catalogue },
  );
  const applied = await applySheets(workbook, plan.sheets);
  return { workbook, summary: plan.summary, applied };
}

/** `cchc template`: writes a new template file; refuses to replace a file unless `overwrite`. */
export async function createTemplateFile(
  file: string,
  options: { sample?: boolean; overwrite?: boolean; catalogue?: Catalogue } = {},
): Promise<InstallOutcome> {
  const { workbook, summary, applied } = await buildTemplate(options);
  await saveWorkbookFile(workbook, file, { overwrite: options.overwrite ?? false });
  return { summary, applied };
}

/** `cchc install`: installs or upgrades the sheets in place, keeping everything else in the file. */
export async function installIntoFile(
  file: string,
  options: { catalogue?: Catalogue } = {},
): Promise<InstallOutcome> {
  const catalogue = options.catalogue ?? DEFAULT_CATALOGUE;
  const opened = await openWorkbookFile(file);
  // Refuse before touching anything: a rewrite through ExcelJS would silently drop these.
  const lost = partsLostOnRewrite(opened);
  if (lost.length > 0) {
    throw new WorkbookFileError(
      "unsupported",
      file,
      `Không cài vào tệp "${file}": tệp có ${lost.join(", ")} mà cchc không giữ được khi ghi lại; hãy cài bằng add-in trong Excel.`,
    );
  }
  const plan = planInstall(readExistingWorkbook(opened.workbook, catalogue), { catalogue });
  const applied = await applySheets(opened.workbook, plan.sheets);
  await saveWorkbookFile(opened.workbook, file, { overwrite: true });
  return { summary: plan.summary, applied };
}

export interface CheckOutcome {
  figures: WorkbookFigures;
  findings: Finding[];
}

/** `cchc check`: the findings over a file's figures; a workbook without CCHC sheets is an error. */
export async function checkFile(
  file: string,
  options: { catalogue?: Catalogue } = {},
): Promise<CheckOutcome> {
  const opened = await openWorkbookFile(file);
  const outcome = checkWorkbook(opened.workbook, options.catalogue ?? DEFAULT_CATALOGUE);
  if (outcome.figures.figures.size === 0) {
    throw new WorkbookFileError(
      "notInstalled",
      file,
      `Tệp "${file}" chưa có các trang CCHC (không có ô nào tên CCHC_…): hãy chạy "cchc install ${file}" trước.`,
    );
  }
  return outcome;
}
