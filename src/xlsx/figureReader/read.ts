/**
 * The fast figure reader: from an .xlsx file's bytes to what a consolidation needs (the form,
 * the named figures, the document list), reading only the parts that hold them: workbook.xml
 * (sheets, names, date system), its relationships, the meta sheet `_CCHC`, the sheets the
 * `CCHC_*` names point at (only the cells named, their keys and notes), the document list and
 * the shared strings those cells use, offered to the core as its port «a workbook as read»
 * (`readWorkbook` places the figures and reads the list, as for every adapter). Unzipping with
 * fflate; the elements wanted are found by plain search and read as found where their markup is plain (entities decoded by the entities
 * library), the others parsed by saxes. All of it runs in the browser too; nothing here touches
 * the file system.
 *
 * A whole workbook through a general reader (ExcelJS) costs about 20 ms and all its cells in memory; this reads a
 * file in a few milliseconds and keeps only the figures.
 */
import { encryptionMessage, encryptionOf } from "../encryption";
import type { ConsolidatedMark, InputEntry } from "../../core/consolidate";
import { BREAKDOWN_HEADER_ROWS, PERIODS_SHEET, UNITS_SHEET } from "../../core/consolidate/sheets";
import { isoToSerial, serialToWorkbook } from "../../core/dates";
import { cellRef, KEY_TO_VALUE, parseCellRef, type NameTarget, type SheetGrids } from "../../core/figures";
import { DOCUMENTS_HEADER_ROW, DOCUMENTS_SHEET } from "../../core/layout/documentsSheet";
import { columnLetter, parseAddress } from "../../core/layout/model";
import { META_SHEET_NAME, readMeta } from "../../core/meta";
import type { WorkbookAsRead } from "../../core/workbook/port";
import { readWorkbook } from "../../core/workbook/read";
import { PartRefusedError } from "../package/partLimits";
import { ZipArchive, type Inflater } from "../package/zipArchive";
import { builtInCatalogue, type CatalogueResolver } from "./catalogue";
import {
  parseCellsAt,
  parseCellsWhere,
  parseRelationships,
  parseSharedStrings,
  parseSheetCells,
  parseWorkbook,
  own,
  PartText,
  type RawCell,
} from "./xml";

/** The document list's columns read: STT, number, date, summary, note. */
const DOCUMENT_COLUMNS = 5;

/** A whole part's text (the parts parsed whole: the workbook, relationships, meta and documents). */
const text = (bytes: Uint8Array): string => new PartText(bytes).utf8();

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
    const archive = ZipArchive.open(bytes, inflater);
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

/** `xl/worksheets/sheet1.xml` from a relationship target (relative to `xl/`, or absolute). */
function partPath(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `xl/${target}`.split("/");
  const resolved: string[] = [];
  for (const p of parts) {
    if (p === "..") resolved.pop();
    else if (p !== ".") resolved.push(p);
  }
  return resolved.join("/");
}

/**
 * Text as stored, unescaped: SpreadsheetML writes a character as `_xHHHH_` (ECMA-376 §22.9.2.19),
 * and a literal `_x` sequence as `_x005F_x…` (the package writer writes the key `bc_xa_giao` so).
 */
function unescapeText(value: string): string {
  return value.includes("_x")
    ? value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : value;
}

/** A stored cell as Office.js's `values` view gives it: number, text, boolean or error text. */
function plainValue(
  cell: RawCell | undefined,
  strings: ReadonlyMap<number, string>,
  date1904 = false,
): unknown {
  if (!cell) return null;
  switch (cell.type) {
    case "s":
      return own(unescapeText(strings.get(Number(cell.value)) ?? ""));
    case "str":
    case "inlineStr":
      return own(unescapeText(cell.value));
    case "b":
      return cell.value === "1" || cell.value === "true";
    case "e":
      return own(cell.value);
    case "d": {
      // An ISO date cell (rare): as the serial the workbook would store, like every other date.
      if (!cell.value) return null;
      const serial = isoToSerial(cell.value);
      return serial === undefined ? own(cell.value) : serialToWorkbook(serial, date1904);
    }
    default:
      return cell.value === "" ? null : Number(cell.value);
  }
}

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
    return {
      ok: false,
      source,
      reason: `Tệp bị hỏng, không đọc được (${error instanceof Error ? error.message.split("\n")[0] : String(error)}).`,
    };
  }
}

/** A part refused by the package limits, as a consolidation's reason for leaving the file out. */
function refusedReason(error: PartRefusedError): string {
  return `Không đọc tệp: ${error.reason}`;
}

type Cells = Map<string, RawCell & { row: number; column: number }>;

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
    throw new FigureReadError(
      `Tệp bị hỏng, không đọc được (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const read = (names: ReadonlySet<string>) => {
    try {
      return zip.read(names);
    } catch (error) {
      if (error instanceof PartRefusedError) throw error;
      throw new FigureReadError(
        `Tệp bị hỏng, không đọc được (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  };

  const head = read(new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels"]));
  if (!head["xl/workbook.xml"] || !head["xl/_rels/workbook.xml.rels"]) throw notWorkbook(read);
  const book = parseWorkbook(text(head["xl/workbook.xml"]));
  const rels = parseRelationships(text(head["xl/_rels/workbook.xml.rels"]));
  const pathOf = new Map<string, string>();
  for (const sheet of book.sheets) {
    const target = rels.byId.get(sheet.rid);
    if (target) pathOf.set(sheet.name.toLowerCase(), partPath(target));
  }
  const notOurs =
    "Không phải bảng tính CCHC: tệp không có trang thông tin mẫu (_CCHC) do cchc hoặc tiện ích cài.";
  const metaPath = pathOf.get(META_SHEET_NAME.toLowerCase());
  if (!metaPath) throw new FigureReadError(notOurs);

  // Where every CCHC_ name points, by sheet: those cells and the Ghi chú right of them are all
  // that is read of a figure sheet.
  // The row's key (column A, three left of the figure) comes too: a sorted sheet is caught as
  // the package reader catches it (`readNamedFigures`).
  const wantedBySheet = new Map<string, Array<readonly [number, number]>>();
  const located = new Map<string, { sheet: string; row: number; column: number }>();
  const broken = new Map<string, string>();
  for (const [name, reference] of book.names) {
    if (!name.startsWith("CCHC_")) continue;
    const target = parseCellRef(reference);
    if (!target) {
      broken.set(name, own(reference));
      continue;
    }
    const { row, column } = parseAddress(target.address);
    const key = target.sheet.toLowerCase();
    const cells = wantedBySheet.get(key) ?? [];
    cells.push([row, column], [row, column + 1]);
    if (column > KEY_TO_VALUE) cells.push([row, column - KEY_TO_VALUE]);
    wantedBySheet.set(key, cells);
    located.set(name, { sheet: key, row, column });
  }
  const sheetPaths = new Map<string, string>();
  for (const key of wantedBySheet.keys()) {
    const path = pathOf.get(key);
    if (path) sheetPaths.set(key, path);
  }
  // The document list is usually under its default name; the meta may say otherwise (then read below).
  const guessedDocs = DOCUMENTS_SHEET.name.toLowerCase();
  const stringsPath = rels.byType.get("sharedStrings");
  const breakdown = breakdownOf(pathOf);
  const parts = read(
    new Set([
      metaPath,
      ...(breakdown ? [breakdown.path] : []),
      ...sheetPaths.values(),
      ...(pathOf.has(guessedDocs) ? [pathOf.get(guessedDocs)!] : []),
      ...(stringsPath ? [partPath(stringsPath)] : []),
    ]),
  );
  if (!parts[metaPath]) throw new FigureReadError(`Tệp bị hỏng: thiếu phần ${metaPath}.`);
  const metaCells = parseCellsWhere(new PartText(parts[metaPath]), (_row, column) => column <= 2);
  const cellsBySheet = new Map<string, Cells>();
  for (const [key, path] of sheetPaths) {
    if (!parts[path]) throw new FigureReadError(`Tệp bị hỏng: thiếu phần ${path}.`);
    cellsBySheet.set(key, parseCellsAt(new PartText(parts[path]), wantedBySheet.get(key)!));
  }
  /** Every cell of a figure sheet, for the rare sheet whose rows were sorted away from their names. */
  const wholeSheet = (key: string): Cells => parseSheetCells(text(parts[sheetPaths.get(key)!]), () => true);
  const readDocs = (path: string | undefined, part: Uint8Array | undefined): Cells =>
    path && part
      ? parseCellsWhere(
          new PartText(part),
          (row, column) => row > DOCUMENTS_HEADER_ROW && column <= DOCUMENT_COLUMNS,
        )
      : new Map();
  let docCells = readDocs(pathOf.get(guessedDocs), parts[pathOf.get(guessedDocs) ?? ""]);

  // One pass over the shared strings, for the strings these cells use only.
  const stringsPart = new PartText((stringsPath && parts[partPath(stringsPath)]) || new Uint8Array());
  const strings = parseSharedStrings(
    stringsPart,
    sharedIndexes(
      metaCells.values(),
      ...[...cellsBySheet.values()].map((m) => m.values()),
      docCells.values(),
    ),
  );

  const metaRows: unknown[][] = [];
  for (const cell of metaCells.values()) {
    (metaRows[cell.row - 1] ??= [])[cell.column - 1] = plainValue(cell, strings);
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

  const docsName = (meta.sheets[DOCUMENTS_SHEET.key] ?? DOCUMENTS_SHEET.name).toLowerCase();
  if (docsName !== guessedDocs) {
    const docsPath = pathOf.get(docsName);
    docCells = readDocs(docsPath, docsPath ? read(new Set([docsPath]))[docsPath] : undefined);
    const missing = new Set([...sharedIndexes(docCells.values())].filter((i) => !strings.has(i)));
    for (const [i, s] of parseSharedStrings(stringsPart, missing)) strings.set(i, s);
  }

  const sheetNameOf = new Map(book.sheets.map((s) => [s.name.toLowerCase(), own(s.name)]));

  // Numbers as the workbook stores them: the core moves dates of a 1904 workbook (readNamedFigures).
  const valueOf = (cell: RawCell | undefined) => plainValue(cell, strings, book.date1904);
  const formulaOf = (cell: RawCell | undefined) =>
    // A shared formula's clone has no text here; it is still a formula (the figure is computed).
    cell?.formula !== undefined ? own(`=${cell.formula || "(công thức dùng chung)"}`) : undefined;
  const lookup = (name: string): NameTarget | undefined => {
    const upper = name.toUpperCase();
    if (broken.has(upper)) return { broken: broken.get(upper)! };
    const at = located.get(upper);
    const cells = at && cellsBySheet.get(at.sheet);
    if (!at || !cells) return undefined;
    const cell = cells.get(`${at.row}:${at.column}`);
    const sheet = sheetNameOf.get(at.sheet) ?? at.sheet;
    const address = `${columnLetter(at.column)}${at.row}`;
    return {
      cell: cellRef(sheet, address),
      at: { sheet, address },
      value: valueOf(cell),
      formula: formulaOf(cell),
      note: plainValue(cells.get(`${at.row}:${at.column + 1}`), strings),
    };
  };
  // The grids the placement check looks at: each named row's key, unless some named row carries
  // another indicator's key; then the whole sheet, to find each figure's own row.
  const grids = new Map<string, SheetGrids | undefined>();
  const gridOf = (sheet: string): SheetGrids | undefined => {
    const key = sheet.toLowerCase();
    if (!grids.has(key)) grids.set(key, buildGrid(key));
    return grids.get(key);
  };
  const buildGrid = (key: string): SheetGrids | undefined => {
    const cells = cellsBySheet.get(key);
    if (!cells) return undefined;
    // In rows that were not sorted the check reads only the keys: only they are put in the grid.
    const keys: unknown[][] = [];
    let sorted = false;
    for (const [name, at] of located) {
      if (at.sheet !== key || at.column <= KEY_TO_VALUE) continue;
      const keyThere = plainValue(cells.get(`${at.row}:${at.column - KEY_TO_VALUE}`), strings);
      (keys[at.row - 1] ??= [])[at.column - KEY_TO_VALUE - 1] = keyThere;
      if (
        typeof keyThere === "string" &&
        keyThere.trim() !== "" &&
        keyThere.trim() !== name.slice(5).toLowerCase()
      )
        sorted = true;
    }
    if (!sorted) return { values: keys };
    const whole = wholeSheet(key);
    const missing = new Set([...sharedIndexes(whole.values())].filter((i) => !strings.has(i)));
    for (const [i, text] of parseSharedStrings(stringsPart, missing)) strings.set(i, text);
    const values: unknown[][] = [];
    const formulas: unknown[][] = [];
    for (const cell of whole.values()) {
      (values[cell.row - 1] ??= [])[cell.column - 1] = plainValue(cell, strings);
      const formula = formulaOf(cell);
      if (formula) (formulas[cell.row - 1] ??= [])[cell.column - 1] = formula;
    }
    return { values, formulas };
  };
  const grid: unknown[][] = [];
  for (const cell of docCells.values()) {
    (grid[cell.row - 1] ??= [])[cell.column - 1] = valueOf(cell);
  }
  const documentList = Array.from(grid, (row) => Array.from(row ?? [], (v) => v ?? null));
  // The core's port over the wanted cells read: the figures and the list are the core's to read.
  const workbook: WorkbookAsRead = {
    meta: () => meta,
    date1904: book.date1904,
    namedCell: lookup,
    sheet: (name) => {
      const key = name.toLowerCase();
      if (key === docsName)
        return { name: sheetNameOf.get(docsName) ?? DOCUMENTS_SHEET.name, values: documentList };
      const grids = gridOf(key);
      return grids && { name: sheetNameOf.get(key) ?? name, ...grids };
    },
  };
  const { figures, documents, problems } = readWorkbook(workbook, catalogue);
  const read_ = { catalogue, figures, documents, problems };
  return breakdown
    ? { ...read_, consolidated: consolidatedMark(breakdown.over, parts[breakdown.path]) }
    : read_;
}

/**
 * The refusal of a zip that is no .xlsx workbook, naming the spreadsheet format it is when it
 * is one a unit may send by mistake (what to do is then plain).
 */
function notWorkbook(read: (names: ReadonlySet<string>) => Record<string, Uint8Array>): FigureReadError {
  const parts = read(new Set(["mimetype", "xl/workbook.bin"]));
  const mimetype = parts.mimetype ? text(parts.mimetype).trim() : "";
  if (mimetype === "application/vnd.oasis.opendocument.spreadsheet")
    return new FigureReadError(
      "Tệp là bảng tính OpenDocument (.ods), không phải .xlsx: hãy mở bằng LibreOffice và lưu thành .xlsx (Excel 2007-365).",
    );
  if (parts["xl/workbook.bin"])
    return new FigureReadError(
      "Tệp là bảng tính nhị phân .xlsb, không phải .xlsx: hãy mở bằng Excel và lưu thành Sổ làm việc Excel (.xlsx).",
    );
  return new FigureReadError("Tệp là tệp nén nhưng không phải bảng tính Excel .xlsx.");
}

/**
 * The breakdown sheet of a consolidation's result, when the workbook is one: a result says so
 * by that sheet (over units or over periods).
 */
function breakdownOf(
  pathOf: ReadonlyMap<string, string>,
): { over: ConsolidatedMark["over"]; path: string } | undefined {
  const units = pathOf.get(UNITS_SHEET.name.toLowerCase());
  if (units) return { over: "units", path: units };
  const periods = pathOf.get(PERIODS_SHEET.name.toLowerCase());
  return periods ? { over: "periods", path: periods } : undefined;
}

/**
 * What a consolidation's result says of itself: what it consolidated, and how many parts, the
 * numbered rows (STT, column A) of its breakdown sheet, below the headers (the total row has no
 * number). `parts` is left out when the sheet cannot be read.
 */
function consolidatedMark(over: ConsolidatedMark["over"], part: Uint8Array | undefined): ConsolidatedMark {
  if (!part) return { over };
  const firstRow = BREAKDOWN_HEADER_ROWS.id + 1;
  const numbered = parseCellsWhere(new PartText(part), (row, column) => column === 1 && row >= firstRow);
  let count = 0;
  for (const cell of numbered.values()) if (cell.type === "n" && cell.value !== "") count++;
  return { over, parts: count };
}

/** The shared-string indexes the cells use. */
function sharedIndexes(...cellLists: Array<Iterable<RawCell>>): Set<number> {
  const indexes = new Set<number>();
  for (const cells of cellLists)
    for (const cell of cells) if (cell.type === "s" && cell.value !== "") indexes.add(Number(cell.value));
  return indexes;
}
