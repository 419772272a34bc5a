/**
 * Opening and saving .xlsx files safely. A file is opened as a package of parts (fflate) and
 * vetted (missing, empty, not a ZIP, truncated, encrypted, not a workbook), so every failure
 * becomes one Vietnamese line that names the file; a save goes through `safeWrite.ts`, so a
 * failed save never leaves a half-written report behind. ExcelJS is loaded only by the
 * functions that build or read a whole workbook through it (template, demo, tests).
 */
import { promises as fs } from "fs";
import type * as ExcelJS from "exceljs";
import { CatalogueError } from "../core/catalogue/errors";
import { OtherCatalogueError } from "../core/install";
import {
  firstLine,
  systemCode,
  systemReason,
  WorkbookFileError,
  type WorkbookFileProblem,
} from "./fileErrors";
import { encryptionMessage, encryptionOf } from "./encryption";
import { PackageError, XlsxPackage } from "./package/xlsxPackage";
import { PartXmlError } from "./package/xml";
import { refuseExistingTarget, writeFileAtomic, type FileStamp } from "./safeWrite";

export { firstLine, WorkbookFileError, type WorkbookFileProblem } from "./fileErrors";
export { refuseExistingTarget, writeFileAtomic } from "./safeWrite";

/** A workbook read from disk, with the raw archive for the checks ExcelJS cannot do. */
export interface OpenedWorkbook {
  file: string;
  workbook: ExcelJS.Workbook;
  bytes: Buffer;
}

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
    return XlsxPackage.fromBytes(bytes);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
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
      notWorkbook: ["notWorkbook", `Tệp "${file}" là tệp nén nhưng không phải bảng tính Excel .xlsx.`],
    };
    const [problem, message] = messages[error.problem];
    throw new WorkbookFileError(problem, file, message, { cause: error });
  }
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

/** Opens an .xlsx file through ExcelJS (template checks, tests); failures as one Vietnamese line. */
export async function openWorkbookFile(file: string): Promise<OpenedWorkbook> {
  const bytes = await readBytes(file);
  const pkg = packageFromBytes(file, bytes);
  // Loaded only here: the commands that edit packages never load ExcelJS.
  const [{ Workbook }, { repairLoadedModel }] = await Promise.all([
    import("exceljs"),
    import("./excelJsFixes"),
  ]);
  const workbook = new Workbook();
  try {
    // ExcelJS types `load` with its own ArrayBuffer-like `Buffer`; JSZip underneath takes a Node Buffer as is.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    repairLoadedModel(workbook, pkg);
  } catch (error) {
    throw new WorkbookFileError(
      "unsupported",
      file,
      `ExcelJS không đọc được tệp "${file}" (${firstLine(error)}).`,
      { cause: error },
    );
  }
  return { file, workbook, bytes };
}

/**
 * Saves a workbook to `file` atomically (see `safeWrite.ts`). Without `overwrite`, an existing
 * file is refused (a new template must never replace a filled report by accident); with
 * `unchangedSince`, a file changed on disk since it was read is refused.
 */
export async function saveWorkbookFile(
  workbook: ExcelJS.Workbook,
  file: string,
  options: { overwrite: boolean; unchangedSince?: FileStamp },
): Promise<void> {
  if (!options.overwrite) await refuseExistingTarget(file);
  let data: Uint8Array;
  try {
    const { prepareForWrite } = await import("./excelJsFixes");
    const restore = prepareForWrite(workbook);
    try {
      data = new Uint8Array(await workbook.xlsx.writeBuffer());
    } finally {
      restore();
    }
  } catch (error) {
    throw new WorkbookFileError(
      "writeFailed",
      file,
      `Không tạo được nội dung tệp "${file}": ${firstLine(error)}. Tệp cũ (nếu có) không bị thay đổi.`,
      {
        cause: error,
      },
    );
  }
  try {
    await writeFileAtomic(file, data, {
      unchangedSince: options.unchangedSince,
      expectAbsent: !options.overwrite,
    });
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    throw new WorkbookFileError(
      "writeFailed",
      file,
      `Không ghi được tệp "${file}": ${systemReason(error) ?? firstLine(error)}. Tệp cũ (nếu có) không bị thay đổi.`,
      {
        cause: error,
      },
    );
  }
}
