/**
 * Reading a workbook for the narrative draft (`cchc draft`): its form, figures, document list and
 * findings, through the same package reader `cchc check` uses; nothing is written.
 */
import type { Catalogue } from "../core/catalogue";
import type { Finding } from "../core/checks";
import type { DocumentRow, Figures } from "../core/figures";
import { readInstalledWorkbook } from "./installedWorkbook";

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
export function readDraftSource(file: string): Promise<DraftSource> {
  return readInstalledWorkbook(file, (reader) => {
    const catalogue = reader.catalogue();
    const { figures, findings } = reader.check(catalogue);
    return { source: file, catalogue, figures: figures.figures, documents: figures.documents, findings };
  });
}
