/**
 * The workbook a document is proofread against (`cchc proofread --figures BÁO_CÁO.xlsx`): its
 * form and named figures, read by the same package reader as `cchc check`.
 */
import type { ProofWorkbook } from "../core/proofread";
import { WorkbookFileError } from "./fileErrors";
import { openPackageFile, packageFailure } from "./files";
import { PackageReader } from "./package/readPackage";

/**
 * The figures and the form of an installed CCHC workbook. Throws WorkbookFileError (one
 * Vietnamese line, exit code 2) for a file that cannot be read or has no CCHC sheets.
 */
export async function readProofWorkbook(file: string): Promise<ProofWorkbook> {
  const pkg = await openPackageFile(file);
  let workbook: ProofWorkbook;
  try {
    const reader = new PackageReader(pkg);
    const catalogue = reader.catalogue();
    workbook = { figures: reader.figures(catalogue).figures, catalogue };
  } catch (error) {
    throw packageFailure(file, error, "đọc");
  }
  if (workbook.figures.size === 0) {
    throw new WorkbookFileError(
      "notInstalled",
      file,
      `Tệp "${file}" chưa có các trang CCHC (không có ô nào tên CCHC_…) nên không có số liệu để đối chiếu.`,
    );
  }
  return workbook;
}
