/**
 * Reading a workbook for the narrative draft (`cchc draft`): its form and its reading (figures,
 * document list, placement problems) through the same port `cchc check` reads; nothing is written.
 */
import type { Catalogue } from "../../core/catalogue";
import type { Figures } from "../../core/figures";
import { formOf, readWorkbook, type WorkbookReading } from "../../core/workbook/read";
import { readInstalledWorkbook } from "./installedWorkbook";

/** What the draft needs of one workbook: its reading (`draftWorkbook`), its figures when compared. */
export interface DraftSource {
  source: string;
  catalogue: Catalogue;
  reading: WorkbookReading;
  figures: Figures;
}

/**
 * A workbook's form and reading. Raises WorkbookFileError for a file that
 * is not a workbook or has no CCHC sheets, CatalogueError for a damaged stored form.
 */
export function readDraftSource(file: string): Promise<DraftSource> {
  return readInstalledWorkbook(file, (reader) => {
    const catalogue = formOf(reader);
    const reading = readWorkbook(reader, catalogue);
    return { source: file, catalogue, reading, figures: reading.figures };
  });
}
