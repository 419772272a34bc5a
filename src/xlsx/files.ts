/**
 * Opening and saving .xlsx files safely. A file is vetted before ExcelJS sees it (missing,
 * empty, not a ZIP, truncated, not a workbook), so every failure becomes one Vietnamese line
 * that names the file; a save goes to a temporary file in the same directory that replaces the
 * target only once complete, so a failed save never leaves a half-written report behind.
 */
import { randomBytes } from "crypto";
import { promises as fs } from "fs";
import * as path from "path";
import type * as ExcelJS from "exceljs";
import { PackageError, XlsxPackage } from "./package/xlsxPackage";
import { PartXmlError } from "./package/xml";

export type WorkbookFileProblem =
  /** The path does not exist. */
  | "missing"
  /** Something that is not an .xlsx workbook: a directory, an empty file, text, an .xls … */
  | "notWorkbook"
  /** A damaged .xlsx (truncated, a broken part). */
  | "corrupt"
  /** A part cchc must edit (the workbook, styles, one of our sheets) is not well-formed XML. */
  | "brokenPart"
  /** A workbook holding parts that ExcelJS would drop when writing it back. */
  | "unsupported"
  /** A readable workbook without the CCHC sheets (no `CCHC_*` names). */
  | "notInstalled"
  /** The target exists and the command does not overwrite. */
  | "exists"
  /** Saving failed; the previous file is untouched. */
  | "writeFailed";

/** A file problem the command line reports in one line (exit code 2), never with a stack. */
export class WorkbookFileError extends Error {
  readonly problem: WorkbookFileProblem;
  readonly file: string;

  constructor(problem: WorkbookFileProblem, file: string, message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = "WorkbookFileError";
    this.problem = problem;
    this.file = file;
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** A workbook read from disk, with the raw archive for the checks ExcelJS cannot do. */
export interface OpenedWorkbook {
  file: string;
  workbook: ExcelJS.Workbook;
  bytes: Buffer;
}

/** The first line of an error's message, for one-line reports. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split(/\r?\n/)[0].trim() || (error instanceof Error ? error.name : "lỗi không rõ");
}

function systemCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error
    ? String((error as { code: unknown }).code)
    : undefined;
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

/** Opens an .xlsx file for reading; every failure is a WorkbookFileError with one Vietnamese line. */
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
      "corrupt",
      file,
      `Tệp "${file}" bị hỏng, không đọc được: ${firstLine(error)}.`,
      { cause: error },
    );
  }
  return { file, workbook, bytes };
}

/**
 * Opens an .xlsx file as a package of parts (nothing is parsed yet); every failure is a
 * WorkbookFileError with one Vietnamese line saying what the file is instead.
 */
export async function openPackageFile(file: string): Promise<XlsxPackage> {
  return packageFromBytes(file, await readBytes(file));
}

function packageFromBytes(file: string, bytes: Buffer): XlsxPackage {
  try {
    return XlsxPackage.fromBytes(bytes);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    const messages: Record<PackageError["problem"], [WorkbookFileProblem, string]> = {
      empty: ["notWorkbook", `Tệp "${file}" rỗng (0 byte), không phải bảng tính Excel .xlsx.`],
      ole: [
        "notWorkbook",
        `Tệp "${file}" là bảng tính .xls cũ hoặc .xlsx có đặt mật khẩu: hãy mở bằng Excel và lưu thành .xlsx (không mật khẩu).`,
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
export function packageFailure(file: string, error: unknown, doing: string): WorkbookFileError {
  if (error instanceof WorkbookFileError) return error;
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

/** Writes a package back to `file` atomically. */
export async function savePackageFile(pkg: XlsxPackage, file: string): Promise<void> {
  let data: Uint8Array;
  try {
    data = pkg.toBytes();
  } catch (error) {
    throw packageFailure(file, error, "ghi");
  }
  try {
    await writeFileAtomic(file, data);
  } catch (error) {
    throw new WorkbookFileError(
      "writeFailed",
      file,
      `Không ghi được tệp "${file}": ${firstLine(error)}. Tệp cũ (nếu có) không bị thay đổi.`,
      { cause: error },
    );
  }
}

/**
 * Writes bytes to `file` atomically: a temporary file in the same directory (so the rename
 * stays on one file system), flushed, then renamed over the target. On any error the temporary
 * file is removed and the target is left as it was.
 */
export async function writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
  const target = path.resolve(file);
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  // Keep the permissions of the file being replaced; a new file gets the usual default.
  const mode = await fs.stat(target).then(
    (stat) => (stat.isFile() ? stat.mode & 0o777 : undefined),
    (error: unknown) => {
      if (systemCode(error) === "ENOENT") return undefined;
      throw error;
    },
  );
  let created = false;
  try {
    const handle = await fs.open(temp, "wx", mode ?? 0o666);
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await fs.chmod(temp, mode);
    await fs.rename(temp, target);
  } catch (error) {
    if (created) await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * Saves a workbook to `file` atomically. Without `overwrite`, an existing file is refused
 * (a new template must never replace a filled report by accident).
 */
export async function saveWorkbookFile(
  workbook: ExcelJS.Workbook,
  file: string,
  options: { overwrite: boolean },
): Promise<void> {
  if (!options.overwrite) {
    const exists = await fs.stat(file).then(
      () => true,
      (error: unknown) => {
        if (systemCode(error) === "ENOENT") return false;
        throw new WorkbookFileError(
          "writeFailed",
          file,
          `Không ghi được tệp "${file}": ${firstLine(error)}.`,
          { cause: error },
        );
      },
    );
    if (exists)
      throw new WorkbookFileError(
        "exists",
        file,
        `Tệp "${file}" đã có: chọn tên khác, hoặc thêm --force để ghi đè.`,
      );
  }
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
    await writeFileAtomic(file, data);
  } catch (error) {
    throw new WorkbookFileError(
      "writeFailed",
      file,
      `Không ghi được tệp "${file}": ${firstLine(error)}. Tệp cũ (nếu có) không bị thay đổi.`,
      {
        cause: error,
      },
    );
  }
}
