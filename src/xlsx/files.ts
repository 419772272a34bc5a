/**
 * Opening and saving .xlsx files safely. A file is vetted before ExcelJS sees it (missing,
 * empty, not a ZIP, truncated, not a workbook), so every failure becomes one Vietnamese line
 * that names the file; a save goes to a temporary file in the same directory that replaces the
 * target only once complete, so a failed save never leaves a half-written report behind.
 */
import { promises as fs } from "fs";
import * as ExcelJS from "exceljs";
import { prepareForWrite, repairLoadedModel } from "./excelJsFixes";
import { firstLine, systemCode, WorkbookFileError } from "./fileErrors";
import { writeFileAtomic, type FileStamp } from "./safeWrite";
import {
  hasOleSignature,
  hasZipSignature,
  listZipEntries,
  readZipEntry,
  ZipFormatError,
  type ZipEntry,
} from "./zip";

export { firstLine, WorkbookFileError, type WorkbookFileProblem } from "./fileErrors";
export { writeFileAtomic } from "./safeWrite";

/** A workbook read from disk, with the raw archive for the checks ExcelJS cannot do. */
export interface OpenedWorkbook {
  file: string;
  workbook: ExcelJS.Workbook;
  bytes: Buffer;
  entries: ZipEntry[];
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

/** Vets the bytes as an .xlsx archive; returns its entries. */
export function vetWorkbookBytes(file: string, bytes: Buffer): ZipEntry[] {
  if (bytes.length === 0) {
    throw new WorkbookFileError(
      "notWorkbook",
      file,
      `Tệp "${file}" rỗng (0 byte), không phải bảng tính Excel .xlsx.`,
    );
  }
  if (hasOleSignature(bytes)) {
    throw new WorkbookFileError(
      "notWorkbook",
      file,
      `Tệp "${file}" là bảng tính .xls cũ hoặc .xlsx có đặt mật khẩu: hãy mở bằng Excel và lưu thành .xlsx (không mật khẩu).`,
    );
  }
  if (!hasZipSignature(bytes)) {
    throw new WorkbookFileError("notWorkbook", file, `Tệp "${file}" không phải bảng tính Excel .xlsx.`);
  }
  let entries: ZipEntry[];
  try {
    entries = listZipEntries(bytes);
  } catch (error) {
    if (error instanceof ZipFormatError) {
      throw new WorkbookFileError(
        "corrupt",
        file,
        `Tệp "${file}" bị hỏng, không đọc được: ${error.message}.`,
        { cause: error },
      );
    }
    throw error;
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) {
    throw new WorkbookFileError(
      "notWorkbook",
      file,
      `Tệp "${file}" là tệp nén nhưng không phải bảng tính Excel .xlsx.`,
    );
  }
  return entries;
}

/** Opens an .xlsx file for reading; every failure is a WorkbookFileError with one Vietnamese line. */
export async function openWorkbookFile(file: string): Promise<OpenedWorkbook> {
  const bytes = await readBytes(file);
  const entries = vetWorkbookBytes(file, bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS types `load` with its own ArrayBuffer-like `Buffer`; JSZip underneath takes a Node Buffer as is.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    repairLoadedModel(workbook, bytes, entries);
  } catch (error) {
    throw new WorkbookFileError(
      "corrupt",
      file,
      `Tệp "${file}" bị hỏng, không đọc được: ${firstLine(error)}.`,
      { cause: error },
    );
  }
  return { file, workbook, bytes, entries };
}

/** Parts of an .xlsx that ExcelJS 4.4 does not read, so a rewrite would drop them, by path. */
const DROPPED_PARTS: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /^xl\/charts\//, what: "biểu đồ" },
  { pattern: /^xl\/chartsheets\//, what: "trang biểu đồ" },
  { pattern: /^xl\/pivot(Tables|Cache)\//, what: "PivotTable" },
  { pattern: /^xl\/vbaProject\.bin$/, what: "macro VBA" },
  { pattern: /^xl\/externalLinks\//, what: "liên kết tới tệp khác" },
  { pattern: /^xl\/(slicers|slicerCaches|timelines|timelineCaches)\//, what: "slicer/timeline" },
  { pattern: /^xl\/(ctrlProps|activeX)\//, what: "nút/điều khiển biểu mẫu" },
  { pattern: /^xl\/(queryTables\/|connections\.xml$)/, what: "kết nối dữ liệu" },
  { pattern: /^xl\/model\//, what: "mô hình dữ liệu Power Pivot" },
  { pattern: /^xl\/threadedComments\//, what: "bình luận dạng hội thoại" },
];

/** A reference ExcelJS keeps as a defined name: sheet!$A$1 or sheet!$A$1:$B$2, comma-separated. */
const KEPT_REFERENCE = /^(?:'(?:[^']|'')+'|[^'!,]+)!\$[A-Z]{1,3}\$\d+(?::\$[A-Z]{1,3}\$\d+)?$/;
const KEPT_NAME_TEXT = new RegExp(
  `^${KEPT_REFERENCE.source.slice(1, -1)}(?:,${KEPT_REFERENCE.source.slice(1, -1)})*$`,
);

/**
 * Defined names ExcelJS would drop or change: a name holding a constant or a formula (it keeps
 * only absolute cell ranges) and a name scoped to one sheet (it makes it workbook-wide).
 * Excel's own `_xlnm.*` names are left out: ExcelJS rebuilds the print areas and titles, and
 * Excel rebuilds the filter ranges.
 */
function namesLostOnRewrite(opened: OpenedWorkbook): string[] {
  const book = opened.entries.find((e) => e.name === "xl/workbook.xml");
  if (!book) return [];
  const xml = readZipEntry(opened.bytes, book).toString("utf8");
  const lost: string[] = [];
  for (const [, attrs, text] of xml.matchAll(
    /<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g,
  )) {
    const name = /\sname="([^"]*)"/.exec(attrs)?.[1] ?? "";
    // Our own names are written again by every install (a `#REF!` one is how it is repaired).
    if (name.startsWith("_xlnm.") || /^CCHC_/i.test(name)) continue;
    const reference = text
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&")
      .trim();
    if (/\slocalSheetId="/.test(attrs) || !KEPT_NAME_TEXT.test(reference)) lost.push(name);
  }
  return lost;
}

/**
 * What a rewrite through ExcelJS would lose from this file, in Vietnamese (empty when nothing).
 * ExcelJS keeps cells, styles, range names, validation, notes, tables and pictures, but drops
 * the parts above, drawn shapes and text boxes, the validation Excel stores in extensions
 * (lists that refer to another sheet), sparklines, and the names `namesLostOnRewrite` lists.
 */
export function partsLostOnRewrite(opened: OpenedWorkbook): string[] {
  const lost = new Set<string>();
  const names = namesLostOnRewrite(opened);
  if (names.length > 0) {
    const shown = names.slice(0, 3).join(", ") + (names.length > 3 ? ", …" : "");
    lost.add(`tên (Name) dạng công thức, hằng số hoặc chỉ dùng trong một trang (${shown})`);
  }
  for (const entry of opened.entries) {
    for (const part of DROPPED_PARTS) if (part.pattern.test(entry.name)) lost.add(part.what);
    if (/^xl\/drawings\/[^/]+\.xml$/.test(entry.name)) {
      const xml = readZipEntry(opened.bytes, entry).toString("utf8");
      if (/<(?:\w+:)?(sp|grpSp|cxnSp)\b/.test(xml)) lost.add("hình vẽ/hộp văn bản");
      if (/<(?:\w+:)?graphicFrame\b/.test(xml)) lost.add("biểu đồ");
    }
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) {
      const xml = readZipEntry(opened.bytes, entry).toString("utf8");
      if (/<x14:dataValidations\b/.test(xml)) lost.add("kiểm tra dữ liệu tham chiếu trang khác");
      if (/<x14:sparklineGroups\b/.test(xml)) lost.add("biểu đồ thu nhỏ (sparkline)");
    }
  }
  return [...lost];
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
    await writeFileAtomic(file, data, { unchangedSince: options.unchangedSince });
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
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
