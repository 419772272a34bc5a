/**
 * A zip that is no .xlsx workbook, told the same way by every reader (check, install, report,
 * the consolidation and the pane): an OpenDocument or binary Excel spreadsheet, which a unit may
 * send by mistake, is named with what to do; anything else is "a zip, not a workbook".
 * Browser-safe.
 */

/** Spreadsheet formats sent instead of .xlsx that a zip reader recognises. */
export type OtherFormat = "ods" | "xlsb";

/** What a reader can say of the package's parts: whether one is there, and a small one's bytes. */
export interface PartsOf {
  has(part: string): boolean;
  read(part: string): Uint8Array | undefined;
}

const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

/**
 * The spreadsheet format of a zip that holds no workbook part: OpenDocument by its `mimetype`
 * entry (ISO/IEC 26300, §3.3), binary Excel by `xl/workbook.bin`; undefined for any other zip.
 */
export function otherFormatOf(parts: PartsOf): OtherFormat | undefined {
  if (parts.has("mimetype")) {
    const bytes = parts.read("mimetype");
    if (bytes && new TextDecoder().decode(bytes).trim() === ODS_MIMETYPE) return "ods";
  }
  if (parts.has("xl/workbook.bin")) return "xlsb";
  return undefined;
}

/**
 * Why a zip is not an .xlsx workbook, after its subject («Tệp» or «Tệp "…"»): one sentence in
 * Vietnamese saying what to do.
 */
export function notWorkbookReason(format: OtherFormat | undefined): string {
  switch (format) {
    case "ods":
      return "là bảng tính OpenDocument (.ods), không phải .xlsx: hãy mở bằng LibreOffice và lưu thành .xlsx (Excel 2007-365).";
    case "xlsb":
      return "là bảng tính nhị phân .xlsb, không phải .xlsx: hãy mở bằng Excel và lưu thành Sổ làm việc Excel (.xlsx).";
    default:
      return "là tệp nén nhưng không phải bảng tính Excel .xlsx.";
  }
}
