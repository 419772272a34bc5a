/**
 * Reading a workbook for the narrative draft (`cchc draft`): its form, figures, document list and
 * findings, through the same package reader `cchc check` uses; nothing is written.
 */
import type { Catalogue } from "../core/catalogue";
import type { Finding } from "../core/checks";
import type { DocumentRow, Figures } from "../core/figures";
import { openPackageFile, packageFailure, WorkbookFileError } from "./files";
import { PackageReader } from "./package/readPackage";

/** What the draft needs of one workbook. */
export interface DraftSource {
  source: string;
  catalogue: Catalogue;
  figures: Figures;
  documents: DocumentRow[];
  findings: Finding[];
}

/**
 * A workbook's form, figures, documents and findings. Raises WorkbookFileError for a file that
 * is not a workbook or has no CCHC sheets, CatalogueError for a damaged stored form.
 */
export async function readDraftSource(file: string): Promise<DraftSource> {
  const pkg = await openPackageFile(file);
  let outcome: DraftSource;
  try {
    const reader = new PackageReader(pkg);
    const catalogue = reader.catalogue();
    const { figures, findings } = reader.check(catalogue);
    outcome = { source: file, catalogue, figures: figures.figures, documents: figures.documents, findings };
  } catch (error) {
    throw packageFailure(file, error, "đọc");
  }
  if (outcome.figures.size === 0) {
    throw new WorkbookFileError(
      "notInstalled",
      file,
      `Tệp "${file}" chưa có các trang CCHC (không có ô nào tên CCHC_…): hãy cài mẫu và nhập số liệu trước: npx cchc install "${file}".`,
    );
  }
  return outcome;
}
