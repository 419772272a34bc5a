/**
 * The fast figure reader: from an .xlsx file's bytes to what a consolidation needs (the form,
 * the named figures, the document list), reading only the parts that hold them: workbook.xml
 * (sheets, names, date system), its relationships, the meta sheet `_CCHC`, the sheets the
 * `CCHC_*` names point at (as far as their last named row), the document list and the shared
 * strings those cells use. Unzipping with fflate and streaming XML with saxes, both of which
 * run in the browser too; nothing here touches the file system.
 *
 * A whole workbook through ExcelJS costs about 20 ms and all its cells in memory; this reads a
 * file in a few milliseconds and keeps only the figures.
 */
import { unzipSync, type Unzipped } from "fflate";
import type { Catalogue } from "../../core/catalogue";
import type { InputEntry } from "../../core/consolidate";
import {
  cellRef,
  documentsFromGrid,
  figuresFromNamedCells,
  parseCellRef,
  type NamedCell,
} from "../../core/figures";
import { DOCUMENTS_HEADER_ROW, DOCUMENTS_SHEET } from "../../core/layout/documentsSheet";
import { columnLetter, parseAddress } from "../../core/layout/model";
import { META_SHEET_NAME, readMeta } from "../../core/meta";
import { builtInCatalogue, type CatalogueResolver } from "./catalogue";
import { parseRelationships, parseSharedStrings, parseSheetCells, parseWorkbook, type RawCell } from "./xml";

/** Days between the 1900 and the 1904 date systems' day 0. */
const DAYS_1904 = 1462;
/** The document list's columns read: STT, number, date, summary, note. */
const DOCUMENT_COLUMNS = 5;

const decoder = new TextDecoder("utf-8");
const text = (bytes: Uint8Array) => decoder.decode(bytes);

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

/** Unzips only the parts `wanted` names; a damaged archive or part is a FigureReadError. */
function unzipParts(bytes: Uint8Array, wanted: ReadonlySet<string>): Unzipped {
  try {
    return unzipSync(bytes, { filter: (file) => wanted.has(file.name) });
  } catch (error) {
    throw new FigureReadError(
      `Tệp bị hỏng, không đọc được (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}

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

/** A stored cell as Office.js's `values` view gives it: number, text, boolean or error text. */
function plainValue(cell: RawCell | undefined, strings: ReadonlyMap<number, string>): unknown {
  if (!cell) return null;
  switch (cell.type) {
    case "s":
      return strings.get(Number(cell.value)) ?? "";
    case "str":
    case "inlineStr":
      return cell.value;
    case "b":
      return cell.value === "1" || cell.value === "true";
    case "e":
      return cell.value;
    case "d":
      // An ISO date cell (rare): as a 1900-system serial, like every other date.
      return cell.value ? Date.parse(`${cell.value}Z`) / 86_400_000 + 25_569 : null;
    default:
      return cell.value === "" ? null : Number(cell.value);
  }
}

export interface FigureReadOptions {
  /** How the form is found from the meta sheet; the built-in forms by default. */
  resolveCatalogue?: CatalogueResolver;
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
    return { ok: true, source, ...readFigures(bytes, options.resolveCatalogue ?? builtInCatalogue) };
  } catch (error) {
    if (error instanceof FigureReadError) return { ok: false, source, reason: error.message };
    return {
      ok: false,
      source,
      reason: `Tệp bị hỏng, không đọc được (${error instanceof Error ? error.message.split("\n")[0] : String(error)}).`,
    };
  }
}

function readFigures(
  bytes: Uint8Array,
  resolveCatalogue: CatalogueResolver,
): Omit<Extract<InputEntry, { ok: true }>, "ok" | "source"> {
  if (bytes.length === 0) throw new FigureReadError("Tệp rỗng (0 byte), không phải bảng tính Excel .xlsx.");
  if (isOle(bytes))
    throw new FigureReadError(
      "Tệp là bảng tính .xls cũ hoặc .xlsx có đặt mật khẩu: hãy mở bằng Excel và lưu thành .xlsx (không mật khẩu).",
    );
  if (!isZip(bytes)) throw new FigureReadError("Tệp không phải bảng tính Excel .xlsx.");

  const head = unzipParts(bytes, new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels"]));
  if (!head["xl/workbook.xml"] || !head["xl/_rels/workbook.xml.rels"])
    throw new FigureReadError("Tệp là tệp nén nhưng không phải bảng tính Excel .xlsx.");
  const book = parseWorkbook(text(head["xl/workbook.xml"]));
  const rels = parseRelationships(text(head["xl/_rels/workbook.xml.rels"]));
  const pathOf = new Map<string, string>();
  for (const sheet of book.sheets) {
    const target = rels.byId.get(sheet.rid);
    if (target) pathOf.set(sheet.name.toLowerCase(), partPath(target));
  }
  const metaPath = pathOf.get(META_SHEET_NAME.toLowerCase());
  const notOurs =
    "Không phải bảng tính CCHC: tệp không có trang thông tin mẫu (_CCHC) do cchc hoặc tiện ích cài.";
  if (!metaPath) throw new FigureReadError(notOurs);

  // The meta sheet and shared strings first: they say which form, hence which names to read.
  const stringsPath = rels.byType.get("sharedStrings");
  const first = unzipParts(bytes, new Set([metaPath, ...(stringsPath ? [partPath(stringsPath)] : [])]));
  if (!first[metaPath]) throw new FigureReadError(`Tệp bị hỏng: thiếu phần ${metaPath}.`);
  const stringsXml = stringsPath ? first[partPath(stringsPath)] : undefined;
  const metaCells = parseSheetCells(text(first[metaPath]), (_row, column) => column <= 2);
  // Every shared string, in one pass: the meta sheet is written last, so its strings come last.
  const strings = parseSharedStrings(stringsXml ? text(stringsXml) : "");
  const metaRows: unknown[][] = [];
  for (const cell of metaCells.values()) {
    (metaRows[cell.row - 1] ??= [])[cell.column - 1] = plainValue(cell, strings);
  }
  const meta = readMeta(metaRows.map((row) => row ?? []));
  if (!meta) throw new FigureReadError(notOurs);
  const catalogue = resolveCatalogue(meta, metaRows);
  if (!catalogue)
    throw new FigureReadError(
      `Tệp theo mẫu «${meta.templateId}» phiên bản ${meta.version}, cchc không biết mẫu này.`,
    );

  // Where each figure and its note sit, by sheet: rows and columns wanted, the last row to read.
  const wantedBySheet = new Map<string, { cells: Set<string>; lastRow: number; name: string }>();
  const located = new Map<string, { sheet: string; row: number; column: number }>();
  for (const indicator of catalogue.indicators) {
    if (indicator.kind === "ratio") continue;
    const name = `CCHC_${indicator.id.toUpperCase()}`;
    const reference = book.names.get(name);
    const target = reference ? parseCellRef(reference) : undefined;
    if (!target) continue;
    const { row, column } = parseAddress(target.address);
    const key = target.sheet.toLowerCase();
    const entry = wantedBySheet.get(key) ?? { cells: new Set<string>(), lastRow: 0, name: target.sheet };
    entry.cells.add(`${row}:${column}`).add(`${row}:${column + 1}`);
    entry.lastRow = Math.max(entry.lastRow, row);
    wantedBySheet.set(key, entry);
    located.set(name, { sheet: key, row, column });
  }
  if (located.size === 0)
    throw new FigureReadError("Không phải bảng tính CCHC: tệp không có ô nào tên CCHC_… của mẫu.");
  const docsName = (meta.sheets[DOCUMENTS_SHEET.key] ?? DOCUMENTS_SHEET.name).toLowerCase();
  const docsPath = pathOf.get(docsName);

  const sheetPaths = new Map<string, string>();
  for (const key of wantedBySheet.keys()) {
    const path = pathOf.get(key);
    if (path) sheetPaths.set(key, path);
  }
  const parts = unzipParts(bytes, new Set([...sheetPaths.values(), ...(docsPath ? [docsPath] : [])]));
  const cellsBySheet = new Map<string, Map<string, RawCell & { row: number; column: number }>>();
  for (const [key, path] of sheetPaths) {
    const wanted = wantedBySheet.get(key)!;
    if (!parts[path]) throw new FigureReadError(`Tệp bị hỏng: thiếu phần ${path}.`);
    cellsBySheet.set(
      key,
      parseSheetCells(
        text(parts[path]),
        (row, column) => wanted.cells.has(`${row}:${column}`),
        wanted.lastRow,
      ),
    );
  }
  const docCells =
    docsPath && parts[docsPath]
      ? parseSheetCells(
          text(parts[docsPath]),
          (row, column) => row > DOCUMENTS_HEADER_ROW && column <= DOCUMENT_COLUMNS,
        )
      : new Map<string, RawCell & { row: number; column: number }>();

  const dateIds = new Set(
    catalogue.indicators.filter((i) => i.kind === "date").map((i) => i.id.toUpperCase()),
  );
  const fromSerial1904 = (value: unknown) =>
    book.date1904 && typeof value === "number" ? value + DAYS_1904 : value;

  const lookup = (name: string): NamedCell | undefined => {
    const at = located.get(name);
    if (!at) return undefined;
    const cells = cellsBySheet.get(at.sheet);
    if (!cells) return undefined;
    const cell = cells.get(`${at.row}:${at.column}`);
    const value = plainValue(cell, strings);
    const sheetName = wantedBySheet.get(at.sheet)!.name;
    const actual = book.sheets.find((s) => s.name.toLowerCase() === at.sheet)?.name ?? sheetName;
    return {
      cell: cellRef(actual, `${columnLetter(at.column)}${at.row}`),
      value: dateIds.has(name.slice(5)) ? fromSerial1904(value) : value,
      // A shared formula's clone has no text here; it is still a formula (the figure is computed).
      formula: cell?.formula !== undefined ? `=${cell.formula || "(công thức dùng chung)"}` : undefined,
      note: plainValue(cells.get(`${at.row}:${at.column + 1}`), strings),
    };
  };
  const figures = figuresFromNamedCells(catalogue, lookup);

  const grid: unknown[][] = [];
  for (const cell of docCells.values()) {
    const value = plainValue(cell, strings);
    (grid[cell.row - 1] ??= [])[cell.column - 1] = cell.column === 3 ? fromSerial1904(value) : value;
  }
  const docsSheetName =
    book.sheets.find((s) => s.name.toLowerCase() === docsName)?.name ?? DOCUMENTS_SHEET.name;
  const documents = documentsFromGrid(
    docsSheetName,
    Array.from(grid, (row) => Array.from(row ?? [], (v) => v ?? null)),
    DOCUMENTS_HEADER_ROW,
  );
  return { catalogue: catalogue as Catalogue, figures, documents };
}
