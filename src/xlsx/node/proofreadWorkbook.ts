/**
 * The workbook a document is proofread against (`cchc proofread --figures BÁO_CÁO.xlsx`): its
 * form and named figures, read by the same package reader as `cchc check`.
 */
import type { ProofWorkbook } from "../../core/proofread";
import { formOf, readWorkbook } from "../../core/workbook/read";
import { readInstalledWorkbook } from "./installedWorkbook";

/**
 * The figures and the form of an installed CCHC workbook. Throws WorkbookFileError (one
 * Vietnamese line, exit code 2) for a file that cannot be read or has no CCHC sheets.
 */
export function readProofWorkbook(file: string): Promise<ProofWorkbook> {
  return readInstalledWorkbook(
    file,
    (reader) => {
      const catalogue = formOf(reader);
      return { figures: readWorkbook(reader, catalogue).figures, catalogue };
    },
    "nên không có số liệu để đối chiếu",
  );
}
