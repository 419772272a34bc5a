/**
 * The operations of the command line on .xlsx files, each one read → core → write: create a
 * template, install or upgrade in place, check the figures. Front ends (the `cchc` commands,
 * the bench, later `report` and `demo`) call these and only present the outcome.
 */
import * as ExcelJS from "exceljs";
import { DEFAULT_CATALOGUE, type Catalogue } from "../core/catalogue";
import type { TemplateLevel } from "../core/catalogue/levels";
import type { SampleDocument } from "../core/catalogue/sample";
import type { Finding } from "../core/checks";
import { planInstall, type ExistingSheet, type ExistingWorkbook, type InstallSummary } from "../core/install";
import {
  candidateReportNames,
  NotInstalledError,
  planReport,
  type ReportPlan,
} from "../core/report/planReport";
import { applySheets, type ApplyReport } from "./applySheets";
import { openWorkbookFile, partsLostOnRewrite, saveWorkbookFile, WorkbookFileError } from "./files";
import { stampFile, withFileLock } from "./safeWrite";
import {
  checkWorkbook,
  findWorksheet,
  readExistingWorkbook,
  readWorkbookFigures,
  readWorkbookMeta,
  sheetGrid,
  type WorkbookFigures,
} from "./readWorkbook";

export interface InstallOutcome {
  summary: InstallSummary;
  applied: ApplyReport;
}

/** A new workbook holding the installed sheets, empty or with the Đức Thọ Q3/2021 sample. */
export async function buildTemplate(
  options: {
    sample?: boolean;
    sampleDocuments?: readonly SampleDocument[];
    level?: TemplateLevel;
    catalogue?: Catalogue;
  } = {},
): Promise<{ workbook: ExcelJS.Workbook } & InstallOutcome> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "cchc";
  workbook.created = new Date();
  const plan = planInstall(
    { sheetNames: [], sheets: new Map() },
    {
      sample: options.sample,
      sampleDocuments: options.sampleDocuments,
      level: options.level,
      catalogue: options.catalogue,
    },
  );
  const applied = await applySheets(workbook, plan.sheets);
  return { workbook, summary: plan.summary, applied };
}

/** `cchc template`: writes a new template file; refuses to replace a file unless `overwrite`. */
export async function createTemplateFile(
  file: string,
  options: { sample?: boolean; overwrite?: boolean; level?: TemplateLevel; catalogue?: Catalogue } = {},
): Promise<InstallOutcome> {
  const { workbook, summary, applied } = await buildTemplate(options);
  await withFileLock(file, () => saveWorkbookFile(workbook, file, { overwrite: options.overwrite ?? false }));
  return { summary, applied };
}

/**
 * Refuses before touching anything a file whose rewrite through ExcelJS would silently drop
 * parts of it (charts, macros …): the user is sent to the add-in in Excel instead.
 */
function refuseLossyRewrite(
  opened: Awaited<ReturnType<typeof openWorkbookFile>>,
  file: string,
  doing: string,
  action: string,
): void {
  const lost = partsLostOnRewrite(opened);
  if (lost.length === 0) return;
  throw new WorkbookFileError(
    "unsupported",
    file,
    `Không ${doing} tệp "${file}": tệp có ${lost.join(", ")} mà cchc không giữ được khi ghi lại; hãy ${action} bằng add-in trong Excel.`,
  );
}

/** `cchc install`: installs or upgrades the sheets in place, keeping everything else in the file. */
export async function installIntoFile(
  file: string,
  options: { catalogue?: Catalogue } = {},
): Promise<InstallOutcome> {
  const catalogue = options.catalogue ?? DEFAULT_CATALOGUE;
  return withFileLock(file, async () => {
    const stamp = await stampFile(file);
    const opened = await openWorkbookFile(file);
    refuseLossyRewrite(opened, file, "cài vào", "cài");
    // Without an explicit catalogue the planner keeps the template the file was installed with.
    const plan = planInstall(readExistingWorkbook(opened.workbook, catalogue), {
      catalogue: options.catalogue,
    });
    const applied = await applySheets(opened.workbook, plan.sheets);
    await saveWorkbookFile(opened.workbook, file, { overwrite: true, unchangedSince: stamp });
    return { summary: plan.summary, applied };
  });
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
  const outcome = checkWorkbook(opened.workbook, options.catalogue);
  if (outcome.figures.figures.size === 0) {
    throw new WorkbookFileError(
      "notInstalled",
      file,
      `Tệp "${file}" chưa có các trang CCHC (không có ô nào tên CCHC_…): hãy chạy "cchc install ${file}" trước.`,
    );
  }
  return outcome;
}

export interface ReportOutcome {
  plan: ReportPlan;
  /** The file written: the input itself, or `output`. */
  written: string;
}

/** The report's view of a file: the meta sheet and the report sheets as they are (values). */
function existingForReport(workbook: ExcelJS.Workbook): ExistingWorkbook {
  const sheets = new Map<string, ExistingSheet>();
  const meta = readWorkbookMeta(workbook);
  for (const name of [...candidateReportNames(), ...Object.values(meta?.sheets ?? {})]) {
    const worksheet = findWorksheet(workbook, name);
    if (worksheet && !sheets.has(worksheet.name)) {
      sheets.set(worksheet.name, { name: worksheet.name, cells: sheetGrid(worksheet, "values") });
    }
  }
  return { sheetNames: workbook.worksheets.map((ws) => ws.name), sheets };
}

/** Plans the report over an open workbook and applies it there (renames first). */
export async function applyReport(
  workbook: ExcelJS.Workbook,
  generatedAt: Date,
  catalogue?: Catalogue,
): Promise<ReportPlan> {
  // Figures are read over the full catalogue; the report takes the rows of the file's template.
  const { figures, documents } = readWorkbookFigures(workbook, catalogue ?? DEFAULT_CATALOGUE);
  const plan = planReport(existingForReport(workbook), { figures, documents, generatedAt, catalogue });
  for (const rename of plan.renames) findWorksheet(workbook, rename.from)!.name = rename.to;
  await applySheets(workbook, plan.sheets);
  return plan;
}

/**
 * `cchc report`: fills the report sheets from the file's figures, in place (atomically) or into
 * `output`. Input sheets are not touched; a report sheet edited by hand is kept under another name.
 */
export async function reportIntoFile(
  file: string,
  options: { output?: string; generatedAt?: Date; catalogue?: Catalogue } = {},
): Promise<ReportOutcome> {
  const written = options.output ?? file;
  return withFileLock(written, async () => {
    const stamp = await stampFile(written);
    const opened = await openWorkbookFile(file);
    refuseLossyRewrite(opened, file, "ghi báo cáo vào", "tạo báo cáo");
    let plan: ReportPlan;
    try {
      plan = await applyReport(opened.workbook, options.generatedAt ?? new Date(), options.catalogue);
    } catch (error) {
      if (error instanceof NotInstalledError) {
        throw new WorkbookFileError(
          "notInstalled",
          file,
          `Tệp "${file}" chưa có mẫu CCHC: hãy chạy "cchc install ${file}" và nhập số liệu trước.`,
        );
      }
      throw error;
    }
    await saveWorkbookFile(opened.workbook, written, { overwrite: true, unchangedSince: stamp });
    return { plan, written };
  });
}

/** A workbook holding only the report sheets of a plan: what gets printed to PDF. */
export async function reportOnlyWorkbook(plan: ReportPlan): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await applySheets(
    workbook,
    plan.sheets.filter((sheet) => sheet.role === "report"),
  );
  return workbook;
}
