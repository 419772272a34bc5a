/**
 * Opening and saving .xlsx files safely. A file is opened as a package of parts (fflate) and
 * vetted (missing, empty, not a ZIP, truncated, encrypted, not a workbook), so every failure
 * becomes one Vietnamese line that names the file; a save goes through `safeWrite.ts`, so a
 * failed save never leaves a half-written report behind.
 */
import { promises as fs } from "fs";
import { CatalogueError } from "../../core/catalogue/errors";
import { OtherCatalogueError } from "../../core/install";
import {
  firstLine,
  systemCode,
  systemReason,
  WorkbookFileError,
  type WorkbookFileProblem,
} from "../fileErrors";
import { encryptionMessage, encryptionOf } from "../encryption";
import { notWorkbookReason } from "../package/otherFormats";
import { PackageError, XlsxPackage } from "../package/xlsxPackage";
import { PartRefusedError } from "../zip/partLimits";
import { PartXmlError } from "../xml/dom";
import { nativeCodecs } from "./nativeCodecs";
import { refuseExistingTarget, writeFileAtomic, type FileStamp } from "./safeWrite";

export { firstLine, WorkbookFileError, type WorkbookFileProblem } from "../fileErrors";
export { refuseExistingTarget, writeFileAtomic } from "./safeWrite";

/** Reads the file's bytes, turning file-system errors into WorkbookFileError. */
async function readBytes(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    switch (systemCode(error)) {
      case "ENOENT":
        throw new WorkbookFileError("missing", file, `Không tìm thấy tệp "${file}".`, { cause: error });
      case "EISDIR":
        throw new WorkbookFileError(
          "notWorkbook",
          file,
          `"${file}" là một thư mục, không phải tệp Excel .xlsx.`,
          { cause: error },
        );
      case "EACCES":
      case "EPERM":
        throw new WorkbookFileError(
          "notWorkbook",
          file,
          `Không đọc được tệp "${file}": không có quyền đọc.`,
          { cause: error },
        );
      default:
        throw new WorkbookFileError(
          "notWorkbook",
          file,
          `Không đọc được tệp "${file}": ${firstLine(error)}.`,
          { cause: error },
        );
    }
  }
}

/**
 * Opens an .xlsx file as a package of parts (nothing is parsed yet); every failure is a
 * WorkbookFileError with one Vietnamese line saying what the file is instead.
 */
export async function openPackageFile(file: string): Promise<XlsxPackage> {
  return packageFromBytes(file, await readBytes(file));
}

function packageFromBytes(file: string, bytes: Buffer): XlsxPackage {
  // Encrypted is not damaged: said first, with what to do.
  const encryption = encryptionOf(bytes);
  if (encryption)
    throw new WorkbookFileError("encrypted", file, encryptionMessage(`Tệp "${file}"`, encryption));
  try {
    return XlsxPackage.fromBytes(bytes, nativeCodecs);
  } catch (error) {
    if (error instanceof PartRefusedError) throw refusedPartError(file, error, "đọc");
    if (!(error instanceof PackageError)) throw error;
    throw packageErrorToFileError(file, error);
  }
}

/** A package the limits refuse a part of (`partLimits.ts`), as one line naming the file and the part. */
function refusedPartError(file: string, error: PartRefusedError, doing: string): WorkbookFileError {
  return new WorkbookFileError(
    "refusedPart",
    file,
    `Không ${doing} tệp "${file}": ${error.reason} Tệp không bị thay đổi.`,
    { cause: error },
  );
}

/** Why a file is not a readable package, as one Vietnamese line. */
function packageErrorToFileError(file: string, error: PackageError): WorkbookFileError {
  const messages: Record<PackageError["problem"], [WorkbookFileProblem, string]> = {
    empty: ["notWorkbook", `Tệp "${file}" rỗng (0 byte), không phải bảng tính Excel .xlsx.`],
    ole: [
      "notWorkbook",
      `Tệp "${file}" là bảng tính .xls cũ (Excel 97–2003): hãy mở bằng Excel và lưu thành .xlsx.`,
    ],
    notZip: ["notWorkbook", `Tệp "${file}" không phải bảng tính Excel .xlsx.`],
    brokenZip: [
      "corrupt",
      `Tệp "${file}" bị hỏng: không giải nén được (tệp bị cắt cụt hoặc chép chưa xong); hãy lấy lại bản đầy đủ.`,
    ],
    notWorkbook: ["notWorkbook", `Tệp "${file}" ${notWorkbookReason(error.format)}`],
  };
  const [problem, message] = messages[error.problem];
  return new WorkbookFileError(problem, file, message, { cause: error });
}

/**
 * Turns an error met while reading or editing a package into one Vietnamese line: a part that
 * is not well-formed XML is named; anything else is an internal fault, said plainly, with the
 * detail kept as the cause (never shown as an English message).
 */
export function packageFailure(file: string, error: unknown, doing: string): Error {
  if (error instanceof WorkbookFileError) return error;
  // The user's to fix, with messages of their own: a bad or another catalogue.
  if (error instanceof CatalogueError || error instanceof OtherCatalogueError) return error;
  // Parts are inflated when first read: a part the limits refuse, or a damaged one, shows here.
  if (error instanceof PartRefusedError) return refusedPartError(file, error, doing);
  if (error instanceof PackageError) return packageErrorToFileError(file, error);
  if (error instanceof PartXmlError) {
    return new WorkbookFileError(
      "brokenPart",
      file,
      `Không ${doing} tệp "${file}": phần "${error.part}" trong tệp không phải XML hợp lệ nên cchc không sửa được; tệp không bị thay đổi. Hãy mở và lưu lại tệp bằng Excel rồi thử lại.`,
      { cause: error },
    );
  }
  return new WorkbookFileError(
    "unsupported",
    file,
    `Không ${doing} tệp "${file}": cchc gặp một lỗi bên trong khi xử lý tệp này; tệp không bị thay đổi. Hãy gửi tệp cho người phụ trách cchc.`,
    { cause: error },
  );
}

/** Writes a package back to `file` atomically (see `safeWrite.ts`). */
export async function savePackageFile(
  pkg: XlsxPackage,
  file: string,
  options: { unchangedSince?: FileStamp; expectAbsent?: boolean } = {},
): Promise<void> {
  let data: Uint8Array;
  try {
    data = pkg.toBytes();
  } catch (error) {
    throw packageFailure(file, error, "ghi");
  }
  try {
    await writeFileAtomic(file, data, options);
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    throw new WorkbookFileError(
      "writeFailed",
      file,
      `Không ghi được tệp "${file}": ${systemReason(error) ?? firstLine(error)}. Tệp cũ (nếu có) không bị thay đổi.`,
      { cause: error },
    );
  }
}

/**
 * Saves a workbook cchc made from nothing (template, demo, listing, consolidation) to `file`
 * atomically. Without `overwrite`, an existing file is refused, even one that appears while
 * the package is written (a new template must never replace a filled report by accident).
 */
export async function saveNewPackageFile(
  pkg: XlsxPackage,
  file: string,
  options: { overwrite: boolean },
): Promise<void> {
  if (!options.overwrite) await refuseExistingTarget(file);
  await savePackageFile(pkg, file, options.overwrite ? {} : { expectAbsent: true });
}
