/**
 * The fast figure reader: from an .xlsx file's bytes to what a consolidation needs (the form,
 * the named figures, the document list), through the one workbook reader (`../package/workbookReader.ts`) in its
 * "wanted cells" mode, reading only the parts that hold them: workbook.xml (sheets, names, date
 * system), its relationships, the meta sheet `_CCHC`, the sheets the `CCHC_*` names point at
 * (only the cells named, their keys and notes), the document list and the shared strings those
 * cells use, offered to the core as its port «a workbook as read» (`readWorkbook` places the
 * figures and reads the list, as for every adapter). Unzipping with fflate (Node's zlib on the
 * command line), within the zip limits of
 * `zip/zipArchive.ts`. All of it runs in the browser too; nothing here touches the file
 * system.
 *
 * A whole workbook through a general reader (ExcelJS) costs about 20 ms and all its cells in memory; this reads a
 * file in a few milliseconds and keeps only the figures.
 */
import { encryptionMessage, encryptionOf } from "../encryption";
import type { ConsolidatedMark, InputEntry } from "../../core/consolidate";
import { BREAKDOWN_HEADER_ROWS, BREAKDOWN_SHEETS } from "../../core/consolidate/sheets";
import { cellRef, KEY_TO_VALUE, parseCellRef, type NameTarget, type SheetGrids } from "../../core/figures";
import { DOCUMENTS_HEADER_ROW, DOCUMENTS_SHEET } from "../../core/layout/documentsSheet";
import { columnLetter, parseAddress } from "../../core/layout/model";
import { META_SHEET_NAME, readMeta } from "../../core/meta";
import type { WorkbookAsRead } from "../../core/workbook/port";
import { readWorkbook } from "../../core/workbook/read";
import { PartRefusedError } from "../zip/partLimits";
import { PartsMetAgain, ZipArchive, ZipFormatError, type Inflater } from "../zip/zipArchive";
import { gridView, parseCellsWhere, type Cells, type RawCell } from "../parts/sheet/read";
import { PartXmlError } from "../xml/sax";
import { own, PartText } from "../xml/text";
import { WorkbookReader, type ReadPart, type SheetInfo } from "../package/workbookReader";
import { notWorkbookReason, otherFormatOf } from "../package/otherFormats";
import { builtInCatalogue, type CatalogueResolver } from "./catalogue";

/** The document list's columns read: STT, number, date, summary, note. */
const DOCUMENT_COLUMNS = 5;

/** A file the reader refuses, with the reason in Vietnamese. */
export class FigureReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FigureReadError";
  }
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

function isOle(bytes: Uint8Array): boolean {
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= ole.length && ole.every((b, i) => bytes[i] === b);
}

/**
 * The parts the previous file held, for the next one: the units of one form carry the same
 * workbook part, relationships and meta sheet (its stored form), found again by their
 * compressed bytes instead of inflated, checked and vetted again.
 */
const partsMetAgain = new PartsMetAgain();

/** An archive opened for reading some of its parts by name. */
export interface ZipReader {
  /** The uncompressed parts among `names` that the archive holds. */
  read(names: ReadonlySet<string>): Record<string, Uint8Array>;
}

/** Opens an archive; throws on a damaged one (reported as a corrupt file). */
export type OpenZip = (bytes: Uint8Array) => ZipReader;

/**
 * The package layer's zip reader: each read inflates only the parts named, within the limits
 * every command obeys (`partLimits.ts`: sizes, CRC, duplicate names, nesting, DTD); with fflate's
 * inflate (browser-safe) unless another `inflater` is given (Node's native one, on the command line).
 */
export const zipOpener =
  (inflater?: Inflater): OpenZip =>
  (bytes) => {
    const archive = ZipArchive.open(bytes, inflater, partsMetAgain);
    return {
      read: (names) => {
        const parts: Record<string, Uint8Array> = {};
        for (const name of names) {
          const data = archive.read(name);
          if (data) parts[name] = data;
        }
        return parts;
      },
    };
  };

/** The browser's opener (fflate's inflate). */
export const openZipArchive: OpenZip = zipOpener();

export interface FigureReadOptions {
  /** How the form is found from the meta sheet; the built-in forms by default. */
  resolveCatalogue?: CatalogueResolver;
  /** How the archive is opened: fflate by default (browser); Node passes its native zlib reader. */
  openZip?: OpenZip;
}

/**
 * Reads one workbook's bytes into a consolidation input. Never throws for a bad file: an
 * unreadable, damaged, foreign or unknown-form workbook comes back refused with its reason.
 */
export function readFigureWorkbook(
  bytes: Uint8Array,
  source: string,
  options: FigureReadOptions = {},
): InputEntry {
  try {
    return {
      ok: true,
      source,
      ...readFigures(bytes, options.resolveCatalogue ?? builtInCatalogue, options.openZip ?? openZipArchive),
    };
  } catch (error) {
    if (error instanceof FigureReadError) return { ok: false, source, reason: error.message };
    if (error instanceof PartRefusedError) return { ok: false, source, reason: refusedReason(error) };
    return { ok: false, source, reason: brokenReason(error) };
  }
}

/** Tells a damaged file in Vietnamese: a zip that cannot be read, a part that is not XML. */
function brokenReason(error: unknown): string {
  if (error instanceof ZipFormatError) return BROKEN_ZIP;
  if (error instanceof PartXmlError)
    return `Tệp bị hỏng, không đọc được: phần «${error.part}» không phải XML hợp lệ; hãy mở bằng Excel, lưu lại rồi gửi lại.`;
  // Not a damage the reader knows: its detail is all there is to go on.
  return `Tệp bị hỏng, không đọc được (${error instanceof Error ? error.message.split("\n")[0] : String(error)}).`;
}

const BROKEN_ZIP =
  "Tệp bị hỏng, không đọc được: không giải nén được (tệp bị cắt cụt hoặc chép chưa xong); hãy lấy lại bản đầy đủ.";

/** A part refused by the package limits, as a consolidation's reason for leaving the file out. */
function refusedReason(error: PartRefusedError): string {
  return `Không đọc tệp: ${error.reason}`;
}

function readFigures(
  bytes: Uint8Array,
  resolveCatalogue: CatalogueResolver,
  openZip: OpenZip,
): Omit<Extract<InputEntry, { ok: true }>, "ok" | "source"> {
  if (bytes.length === 0) throw new FigureReadError("Tệp rỗng (0 byte), không phải bảng tính Excel .xlsx.");
  const encryption = encryptionOf(bytes);
  if (encryption) throw new FigureReadError(encryptionMessage("Tệp", encryption));
  if (isOle(bytes))
    throw new FigureReadError(
      "Tệp là bảng tính .xls cũ (Excel 97–2003): hãy mở bằng Excel và lưu thành .xlsx.",
    );
  if (!isZip(bytes)) throw new FigureReadError("Tệp không phải bảng tính Excel .xlsx.");
  let zip: ZipReader;
  try {
    zip = openZip(bytes);
  } catch (error) {
    if (error instanceof PartRefusedError) throw error;
    throw new FigureReadError(brokenReason(error));
  }
  // Each part is inflated once (within the zip limits) and only when the reader asks for it.
  const inflated = new Map<string, Uint8Array | undefined>();
  const read = (path: string): Uint8Array | undefined => {
    if (!inflated.has(path)) inflated.set(path, zip.read(new Set([path]))[path]);
    return inflated.get(path);
  };

  const book = WorkbookReader.open(read);
  if (!book) throw notWorkbook(read);
  const notOurs =
    "Không phải bảng tính CCHC: tệp không có trang thông tin mẫu (_CCHC) do cchc hoặc tiện ích cài.";
  const metaSheet = book.findSheet(META_SHEET_NAME);
  if (!metaSheet?.part) throw new FigureReadError(notOurs);
  const partOf = (sheet: SheetInfo): PartText => {
    const part = book.part(sheet.part!);
    if (!part) throw new FigureReadError(`Tệp bị hỏng: thiếu phần ${sheet.part}.`);
    return part;
  };

  // Where every CCHC_ name points, by sheet: those cells and the Ghi chú right of them are all
  // that is read of a figure sheet ("wanted cells").
  // The row's key (column A, three left of the figure) comes too: a sorted sheet is caught as
  // the package reader catches it (`readNamedFigures`).
  const wantedBySheet = new Map<SheetInfo, Array<readonly [number, number]>>();
  const located = new Map<string, { sheet: SheetInfo | undefined; row: number; column: number }>();
  const broken = new Map<string, string>();
  for (const [name, reference] of book.names) {
    if (!name.startsWith("CCHC_")) continue;
    const target = parseCellRef(reference);
    if (!target) {
      broken.set(name, own(reference));
      continue;
    }
    const { row, column } = parseAddress(target.address);
    const sheet = book.findSheet(target.sheet);
    located.set(name, { sheet, row, column });
    if (!sheet?.part) continue;
    const cells = wantedBySheet.get(sheet) ?? [];
    cells.push([row, column], [row, column + 1]);
    if (column > KEY_TO_VALUE) cells.push([row, column - KEY_TO_VALUE]);
    wantedBySheet.set(sheet, cells);
  }
  const metaCells = book.cellsWhere(partOf(metaSheet), metaSheet.part, (_row, column) => column <= 2, false);
  const cellsBySheet = new Map<SheetInfo, Cells>();
  for (const [sheet, wanted] of wantedBySheet)
    cellsBySheet.set(sheet, book.cellsAt(partOf(sheet), sheet.part!, wanted, false));
  // One pass over the shared strings, for the strings these cells use only.
  book.useStrings(metaCells.values(), ...[...cellsBySheet.values()].map((cells) => cells.values()));

  const metaRows: unknown[][] = [];
  for (const cell of metaCells.values()) {
    (metaRows[cell.row - 1] ??= [])[cell.column - 1] = book.value(cell);
  }
  const meta = readMeta(Array.from(metaRows, (row) => row ?? []));
  if (!meta) throw new FigureReadError(notOurs);
  const catalogue = resolveCatalogue(meta, metaRows);
  if (!catalogue)
    throw new FigureReadError(
      `Tệp theo mẫu «${meta.templateId}» phiên bản ${meta.version}, cchc không biết mẫu này.`,
    );
  if (located.size === 0)
    throw new FigureReadError("Không phải bảng tính CCHC: tệp không có ô nào tên CCHC_… của mẫu.");

  const docsSheet = book.findSheet(meta.sheets[DOCUMENTS_SHEET.key] ?? DOCUMENTS_SHEET.name);
  const docPart = docsSheet?.part ? book.part(docsSheet.part) : undefined;
  const docCells: Cells = docPart
    ? book.cellsWhere(
        docPart,
        docsSheet!.part!,
        (row, column) => row > DOCUMENTS_HEADER_ROW && column <= DOCUMENT_COLUMNS,
      )
    : new Map();

  const formulaOf = (cell: RawCell | undefined) =>
    // A shared formula's clone has no text here; it is still a formula (the figure is computed).
    cell?.formula !== undefined ? own(`=${cell.formula || "(công thức dùng chung)"}`) : undefined;
  const lookup = (name: string): NameTarget | undefined => {
    const upper = name.toUpperCase();
    if (broken.has(upper)) return { broken: broken.get(upper)! };
    const at = located.get(upper);
    if (!at) return undefined;
    const cells = at.sheet && cellsBySheet.get(at.sheet);
    // A name pointing at a tab the workbook does not have is no cell (as the package reader says).
    if (!at.sheet || !cells) return { broken: own(book.names.get(upper) ?? "") };
    const cell = cells.get(`${at.row}:${at.column}`);
    const sheet = own(at.sheet.name);
    const address = `${columnLetter(at.column)}${at.row}`;
    return {
      cell: cellRef(sheet, address),
      at: { sheet, address },
      value: book.value(cell),
      formula: formulaOf(cell),
      note: book.value(cells.get(`${at.row}:${at.column + 1}`)),
    };
  };
  // The grids the placement check looks at: each named row's key, unless some named row carries
  // another indicator's key; then the whole sheet ("whole grid"), to find each figure's own row.
  const grids = new Map<SheetInfo, SheetGrids | undefined>();
  const gridOf = (sheet: SheetInfo): SheetGrids | undefined => {
    if (!grids.has(sheet)) grids.set(sheet, buildGrid(sheet));
    return grids.get(sheet);
  };
  const buildGrid = (sheet: SheetInfo): SheetGrids | undefined => {
    const cells = cellsBySheet.get(sheet);
    if (!cells) return undefined;
    // In rows that were not sorted the check reads only the keys: only they are put in the grid.
    const keys: unknown[][] = [];
    let sorted = false;
    for (const [name, at] of located) {
      if (at.sheet !== sheet || at.column <= KEY_TO_VALUE) continue;
      const keyThere = book.value(cells.get(`${at.row}:${at.column - KEY_TO_VALUE}`));
      (keys[at.row - 1] ??= [])[at.column - KEY_TO_VALUE - 1] = keyThere;
      if (
        typeof keyThere === "string" &&
        keyThere.trim() !== "" &&
        keyThere.trim() !== name.slice(5).toLowerCase()
      )
        sorted = true;
    }
    if (!sorted) return { values: keys };
    const whole = book.grid(sheet);
    return { values: gridView(whole, "values"), formulas: gridView(whole, "formulas") };
  };
  const grid: unknown[][] = [];
  for (const cell of docCells.values()) {
    (grid[cell.row - 1] ??= [])[cell.column - 1] = book.value(cell);
  }
  const documentList = Array.from(grid, (row) => Array.from(row ?? [], (v) => v ?? null));
  // The core's port over the wanted cells read: the figures and the list are the core's to read.
  const workbook: WorkbookAsRead = {
    meta: () => meta,
    // Numbers as the workbook stores them: the core moves dates of a 1904 workbook.
    date1904: book.date1904,
    namedCell: lookup,
    sheet: (name) => {
      const sheet = book.findSheet(name);
      if (!sheet) return undefined;
      if (sheet === docsSheet) return { name: own(sheet.name), values: documentList };
      const grids = gridOf(sheet);
      return grids && { name: own(sheet.name), ...grids };
    },
  };
  const { figures, documents, problems } = readWorkbook(workbook, catalogue);
  const read_ = { catalogue, figures, documents, problems };
  const breakdown = breakdownOf(book);
  return breakdown
    ? { ...read_, consolidated: consolidatedMark(book, breakdown.over, breakdown.sheet) }
    : read_;
}

/** The refusal of a zip that is no .xlsx workbook, as every reader says it (`otherFormats.ts`). */
function notWorkbook(read: ReadPart): FigureReadError {
  const format = otherFormatOf({ has: (part) => read(part) !== undefined, read });
  return new FigureReadError(`Tệp ${notWorkbookReason(format)}`);
}

/**
 * The breakdown sheet of a consolidation's result, when the workbook is one: a result says so
 * by that sheet (over units or over periods).
 */
function breakdownOf(book: WorkbookReader): { over: ConsolidatedMark["over"]; sheet: SheetInfo } | undefined {
  for (const { name, over } of BREAKDOWN_SHEETS) {
    const sheet = book.findSheet(name);
    if (sheet?.part) return { over, sheet };
  }
  return undefined;
}

/**
 * What a consolidation's result says of itself: what it consolidated, and how many parts, the
 * numbered rows (STT, column A) of its breakdown sheet, below the headers (the total row has no
 * number). `parts` is left out when the sheet cannot be read.
 */
function consolidatedMark(
  book: WorkbookReader,
  over: ConsolidatedMark["over"],
  sheet: SheetInfo,
): ConsolidatedMark {
  const part = book.part(sheet.part!);
  if (!part) return { over };
  const firstRow = BREAKDOWN_HEADER_ROWS.id + 1;
  const numbered = parseCellsWhere(part, (row, column) => column === 1 && row >= firstRow, sheet.part);
  let count = 0;
  for (const cell of numbered.values()) if (cell.type === "n" && cell.value !== "") count++;
  return { over, parts: count };
}
