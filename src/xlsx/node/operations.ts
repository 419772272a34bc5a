/**
 * The operations of the command line on .xlsx files, each one read → core → write: create a
 * template, install or upgrade in place, check the figures, fill the report. A user's file is
 * edited as a package of parts (./package): only our sheets are written, the parts both share
 * are edited, every other part is kept byte for byte. Front ends (the `cchc` commands,
 * the bench) call these and only present the outcome. A workbook made from nothing (template,
 * demo, listing, the PDF's copy) is an empty package (`package/skeleton.ts`) with the same plans
 * applied by the same writer.
 */
import type { Catalogue } from "../../core/catalogue";
import type { SampleDocument } from "../../core/catalogue/sample";
import { catalogueListingPlans } from "../../core/layout/catalogueSheets";
import { planInstall, type InstallSummary } from "../../core/install";
import { NotInstalledError, type ReportPlan, type ReportRequest } from "../../core/report/planReport";
import { CompareRefusedError } from "../../core/report/comparison";
import type { Finding } from "../../core/checks";
import { checkWorkbook } from "../../core/workbook/check";
import { formOf, readWorkbook, type WorkbookReading } from "../../core/workbook/read";
import { planWorkbookInstall } from "../../core/workbook/install";
import { planWorkbookReport } from "../../core/workbook/report";
import type { ApplyReport } from "../package/applyPlans";
import {
  openPackageFile,
  packageFailure,
  saveNewPackageFile,
  savePackageFile,
  WorkbookFileError,
} from "./files";
import { applyPlans } from "../package/applyPlans";
import { stampFile, withFileLock } from "./safeWrite";
import { PackageReader } from "../package/readPackage";
import { emptyWorkbookPackage } from "../package/skeleton";
import { nativeCodecs } from "./nativeCodecs";
import type { XlsxPackage } from "../package/xlsxPackage";

export interface InstallOutcome {
  summary: InstallSummary;
  applied: ApplyReport;
}

/** A new workbook holding the installed sheets, empty or with the Đức Thọ Q3/2021 sample. */
export function buildTemplate(
  options: {
    sample?: boolean;
    sampleDocuments?: readonly SampleDocument[];
    catalogue?: Catalogue;
  } = {},
): { pkg: XlsxPackage } & InstallOutcome {
  const pkg = emptyWorkbookPackage({ codecs: nativeCodecs });
  const plan = planInstall(
    { sheetNames: [], sheets: new Map() },
    {
      sample: options.sample,
      sampleDocuments: options.sampleDocuments,
      catalogue: options.catalogue,
    },
  );
  const applied = applyPlans(pkg, plan.sheets);
  return { pkg, summary: plan.summary, applied };
}

/** `cchc template`: writes a new template file; refuses to replace a file unless `overwrite`. */
export async function createTemplateFile(
  file: string,
  options: { sample?: boolean; overwrite?: boolean; catalogue?: Catalogue } = {},
): Promise<InstallOutcome> {
  const { pkg, summary, applied } = buildTemplate(options);
  await withFileLock(file, () => saveNewPackageFile(pkg, file, { overwrite: options.overwrite ?? false }));
  return { summary, applied };
}

/**
 * `cchc install`: installs or upgrades the sheets in place. The file is edited as a package:
 * our sheets' parts are written, the shared parts edited, every other part kept byte for byte.
 */
export async function installIntoFile(
  file: string,
  options: { catalogue?: Catalogue } = {},
): Promise<InstallOutcome> {
  return withFileLock(file, async () => {
    const stamp = await stampFile(file);
    const pkg = await openPackageFile(file);
    let outcome: InstallOutcome;
    try {
      // Without an explicit catalogue the planner keeps the form the file was installed with
      // (or moves to a newer built-in version of it); another form is refused.
      const { plan } = planWorkbookInstall(new PackageReader(pkg), { catalogue: options.catalogue });
      outcome = { summary: plan.summary, applied: applyPlans(pkg, plan.sheets) };
    } catch (error) {
      throw packageFailure(file, error, "cài vào");
    }
    await savePackageFile(pkg, file, { unchangedSince: stamp });
    return outcome;
  });
}

/** What `cchc check` found: the figures as read (the core's reading), the findings and the form checked against. */
export interface CheckOutcome {
  figures: WorkbookReading;
  findings: Finding[];
  catalogue: Catalogue;
}

/** `cchc check`: the findings over a file's figures; a workbook without CCHC sheets is an error. */
export async function checkFile(
  file: string,
  options: { catalogue?: Catalogue } = {},
): Promise<CheckOutcome> {
  const pkg = await openPackageFile(file);
  let outcome: CheckOutcome;
  try {
    const reader = new PackageReader(pkg);
    const { reading, findings, catalogue } = checkWorkbook(reader, options.catalogue ?? formOf(reader));
    outcome = { figures: reading, findings, catalogue };
  } catch (error) {
    throw packageFailure(file, error, "kiểm tra");
  }
  if (outcome.figures.figures.size === 0) {
    throw new WorkbookFileError("notInstalled", file, {
      args: ["install", file],
      say: (command) =>
        `Tệp "${file}" chưa có các trang CCHC (không có ô nào tên CCHC_…): hãy cài mẫu trước: ${command}`,
    });
  }
  return outcome;
}

export interface ReportOutcome {
  plan: ReportPlan;
  /** The file written: the input itself, or `output`. */
  written: string;
}

/** How a report is made from a file: see `ReportRequest` (core/report/planReport). */
export interface ReportOptions {
  generatedAt?: Date;
  catalogue?: Catalogue;
  documentsAppendix?: boolean;
  /** Earlier workbooks of the same unit and form, already read (`readDraftSource`). */
  compared?: ReportRequest["compared"];
}

/**
 * Plans the report over a package's figures and applies it there (renames first). Figures are
 * read over the full catalogue; the report takes the rows of the file's template. Errors are
 * the core's and the package layer's (`NotInstalledError`, `PartXmlError` …), for the caller
 * to word.
 */
export function reportIntoPackage(pkg: XlsxPackage, options: ReportOptions = {}): ReportPlan {
  const reader = new PackageReader(pkg);
  const catalogue = options.catalogue ?? formOf(reader);
  // Counted as `check` does: where figures are, and a consolidation's parts with errors.
  const plan = planWorkbookReport(reader, readWorkbook(reader, catalogue), catalogue, {
    generatedAt: options.generatedAt,
    documentsAppendix: options.documentsAppendix,
    compared: options.compared,
  });
  applyPlans(pkg, plan.sheets, plan.renames);
  return plan;
}

/**
 * `cchc report`: fills the report sheets from the file's figures, in place (atomically) or into
 * `output`. Input sheets are not touched; a report sheet edited by hand is kept under another
 * name; every part that is not ours is kept byte for byte.
 */
export async function reportIntoFile(
  file: string,
  options: ReportOptions & { output?: string } = {},
): Promise<ReportOutcome> {
  const written = options.output ?? file;
  return withFileLock(written, async () => {
    const stamp = await stampFile(written);
    const pkg = await openPackageFile(file);
    let plan: ReportPlan;
    try {
      plan = reportIntoPackage(pkg, options);
    } catch (error) {
      // A compared workbook refused (another unit, form or period): the front end says why.
      if (error instanceof CompareRefusedError) throw error;
      if (error instanceof NotInstalledError) {
        throw new WorkbookFileError("notInstalled", file, {
          args: ["install", file],
          say: (command) =>
            `Tệp "${file}" chưa có mẫu CCHC: hãy cài mẫu và nhập số liệu trước. Cài mẫu: ${command}`,
        });
      }
      throw packageFailure(file, error, "ghi báo cáo vào");
    }
    // A new output (-o to a name that did not exist) must still not exist when it is written.
    await savePackageFile(pkg, written, stamp ? { unchangedSince: stamp } : { expectAbsent: true });
    return { plan, written };
  });
}

/** A new workbook holding only the report sheets of a plan: what gets printed to PDF. */
export function reportOnlyWorkbook(plan: ReportPlan): XlsxPackage {
  const pkg = emptyWorkbookPackage({ codecs: nativeCodecs });
  applyPlans(
    pkg,
    // A Phụ lục II left out is very hidden: it is not printed.
    plan.sheets.filter((sheet) => sheet.role === "report" && sheet.visibility === "visible"),
  );
  return pkg;
}

/** `cchc catalogue show -o`: a new workbook listing a catalogue's rows, checks and criteria. */
export async function writeCatalogueListing(
  file: string,
  catalogue: Catalogue,
  options: { overwrite?: boolean } = {},
): Promise<void> {
  const pkg = emptyWorkbookPackage({ codecs: nativeCodecs });
  applyPlans(pkg, catalogueListingPlans(catalogue));
  await withFileLock(file, () => saveNewPackageFile(pkg, file, { overwrite: options.overwrite ?? false }));
}
