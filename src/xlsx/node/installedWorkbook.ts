/**
 * Reading an installed CCHC workbook for a command that only reads it (`cchc draft`, `cchc
 * proofread --figures`): the package opened, what the command needs read through the same
 * package reader `cchc check` uses, nothing written.
 */
import type { Figures } from "../../core/figures";
import { openPackageFile, packageFailure, WorkbookFileError } from "./files";
import { PackageReader } from "../package/readPackage";

/**
 * What `read` takes from the workbook `file`. Throws WorkbookFileError (one Vietnamese line,
 * exit code 2) for a file that is not a readable workbook, and for one without CCHC sheets (no
 * `CCHC_…` name): then the message says `why` the command needs them («nên không có số liệu để
 * đối chiếu») and names `cchc install` on the file, written the way cchc was started.
 * CatalogueError for a damaged stored form is worded by packageFailure too.
 */
export async function readInstalledWorkbook<T extends { figures: Figures }>(
  file: string,
  read: (reader: PackageReader) => T,
  why = "",
): Promise<T> {
  const pkg = await openPackageFile(file);
  let outcome: T;
  try {
    outcome = read(new PackageReader(pkg));
  } catch (error) {
    throw packageFailure(file, error, "đọc");
  }
  if (outcome.figures.size === 0) {
    throw new WorkbookFileError("notInstalled", file, {
      args: ["install", file],
      say: (command) =>
        `Tệp "${file}" chưa có các trang CCHC (không có ô nào tên CCHC_…)${why ? ` ${why}` : ""}: hãy cài mẫu và nhập số liệu trước: ${command}`,
    });
  }
  return outcome;
}
