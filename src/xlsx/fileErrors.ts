/**
 * The file problems the command line reports in one Vietnamese line (exit code 2). Shared by the
 * reading side (`files.ts`) and the writing side (`safeWrite.ts`), so neither imports the other.
 */

export type WorkbookFileProblem =
  /** The path does not exist. */
  | "missing"
  /** Something that is not an .xlsx workbook: a directory, an empty file, text, an .xls … */
  | "notWorkbook"
  /** Encrypted: a password set in Excel, or zip entries encrypted by an archiver (see encryption.ts). */
  | "encrypted"
  /** A damaged .xlsx: the archive cannot be read through (truncated, copied half). */
  | "corrupt"
  /** A part cchc must edit (the workbook, its relationships, styles, our sheets) is not well-formed XML. */
  | "brokenPart"
  /** A part refused by the package limits (a zip bomb, a CRC or size lie, duplicate entries, deep nesting, a DTD). */
  | "refusedPart"
  /** cchc failed inside on this file (a fault of ours, said plainly; the file is unchanged). */
  | "unsupported"
  /** A readable workbook without the CCHC sheets (no `CCHC_*` names). */
  | "notInstalled"
  /** The output is one of the command's inputs (the same path, a link to it, a hard link): never written. */
  | "isInput"
  /** The target exists and the command does not overwrite. */
  | "exists"
  /** The target is read-only (no write bit): it is never replaced. */
  | "readOnly"
  /** Another program (LibreOffice, Excel, another cchc) holds the file's lock. */
  | "locked"
  /** The file changed on disk between reading it and replacing it. */
  | "changed"
  /** Saving failed; the previous file is untouched. */
  | "writeFailed";

/**
 * A cchc command the message suggests running (`install` on the file): the front end writes it
 * the way cchc was started and quoted for the user's shell (src/cli/invocation.ts), so a pasted
 * hint runs this cchc on that file and nothing else.
 */
export interface SuggestedCommand {
  /** The sub-command and its arguments, unquoted: `["install", file]`. */
  args: readonly string[];
  /** The whole message around the written command. */
  say(command: string): string;
}

/** A file problem the command line reports in one line (exit code 2), never with a stack. */
export class WorkbookFileError extends Error {
  readonly problem: WorkbookFileProblem;
  readonly file: string;
  readonly suggestion?: SuggestedCommand;

  /**
   * `message` is a string, or a suggested command (then the message, as `.message`, names it as
   * `npx cchc …` with each argument in double quotes, for readers other than the command line).
   */
  constructor(
    problem: WorkbookFileProblem,
    file: string,
    message: string | SuggestedCommand,
    options?: { cause?: unknown },
  ) {
    super(
      typeof message === "string"
        ? message
        : message.say(["npx", "cchc", ...message.args.map((arg) => `"${arg}"`)].join(" ")),
    );
    this.name = "WorkbookFileError";
    this.problem = problem;
    this.file = file;
    if (typeof message !== "string") this.suggestion = message;
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** The first line of an error's message, for one-line reports. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split(/\r?\n/)[0].trim() || (error instanceof Error ? error.name : "lỗi không rõ");
}

/** The `code` of a Node system error (`ENOENT`, `EACCES` …), if any. */
export function systemCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/** Why a write failed, in Vietnamese, for the system errors a user can act on; else undefined. */
export function systemReason(error: unknown): string | undefined {
  switch (systemCode(error)) {
    case "ENOSPC":
      return "đĩa đầy";
    case "EDQUOT":
      return "đã hết hạn mức dung lượng của người dùng";
    case "EFBIG":
      return "tệp vượt cỡ tệp lớn nhất được phép";
    case "EROFS":
      return "ổ đĩa chỉ cho đọc";
    case "EACCES":
    case "EPERM":
      return "không có quyền ghi";
    default:
      return undefined;
  }
}
