/**
 * The template's identity stored in the workbook: a very hidden sheet of key/value rows, which
 * both Excel and a file written by the command line keep (Office settings are not in the .xlsx
 * files the command line writes). It records which sheets are ours, under which names.
 */
import { builtinCatalogue } from "./catalogue/builtins";
import { CatalogueError } from "./catalogue/errors";
import { catalogueFromFile } from "./catalogue/form";
import type { Catalogue, CatalogueFile } from "./catalogue/types";
import type { SheetPlan } from "./layout/model";

export const META_SHEET_NAME = "_CCHC";

/**
 * Where the meta sheet may be: `_CCHC`, or another name when a user's own sheet is called
 * `_CCHC` (it is theirs: never overwritten, never hidden).
 */
export const META_SHEET_NAMES: readonly string[] = [
  META_SHEET_NAME,
  `${META_SHEET_NAME}_2`,
  `${META_SHEET_NAME}_3`,
];

/**
 * Our meta sheet among the candidates: the first one that reads as ours, with its name; and the
 * name a new meta sheet takes (the first candidate no sheet holds), or null when all are taken.
 * `cellsOf` gives a sheet's cells by name, undefined when there is no such sheet.
 */
export function findMetaSheet(cellsOf: (name: string) => ReadonlyArray<ReadonlyArray<unknown>> | undefined): {
  name: string | null;
  meta: TemplateMeta | null;
} {
  for (const name of META_SHEET_NAMES) {
    const cells = cellsOf(name);
    const meta = cells ? readMeta(cells) : null;
    if (meta) return { name, meta };
  }
  return { name: META_SHEET_NAMES.find((name) => cellsOf(name) === undefined) ?? null, meta: null };
}

export interface TemplateMeta {
  templateId: string;
  version: string;
  /** Sheet key → the name it was installed under. */
  sheets: Record<string, string>;
  /** Other keys (report fingerprints …), carried over untouched. */
  extra: Record<string, string>;
  /**
   * The catalogue file the workbook was installed with, as JSON text (docs/catalogue-format.md);
   * absent in workbooks installed before catalogues were files (their template id says which).
   */
  catalogue?: string;
}

/** Meta keys of the stored catalogue: its chunk count and its chunks `catalogue:1` … */
const CHUNKS_KEY = "catalogue_chunks";
const CHUNK_PREFIX = "catalogue:";
/** A cell holds at most 32,767 characters; stay below with room to move a boundary. */
export const CATALOGUE_CHUNK_SIZE = 30_000;

/**
 * Splits text into cell-sized chunks. A boundary never splits a surrogate pair, and a chunk
 * never starts with a character that Excel could read as the start of a formula or that a
 * program might trim (`=`, `+`, `-`, `@`, white space).
 */
export function chunkText(text: string, size = CATALOGUE_CHUNK_SIZE): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    while (end < text.length && end > start + 1) {
      const next = text.charCodeAt(end);
      const lowSurrogate = next >= 0xdc00 && next <= 0xdfff;
      if (!lowSurrogate && !/[=+\-@\s]/.test(text[end])) break;
      end--;
    }
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

/** Reads the meta sheet's rows; null when it is not ours (no template id). */
export function readMeta(cells: ReadonlyArray<ReadonlyArray<unknown>>): TemplateMeta | null {
  const meta: TemplateMeta = { templateId: "", version: "", sheets: {}, extra: {} };
  const chunks = new Map<number, string>();
  let chunkCount = 0;
  for (const row of cells) {
    const [key, value] = row;
    if (typeof key !== "string" || value === null || value === undefined) continue;
    const text = String(value);
    if (key === "template_id") meta.templateId = text;
    else if (key === "template_version") meta.version = text;
    else if (key.startsWith("sheet:")) meta.sheets[key.slice(6)] = text;
    else if (key === CHUNKS_KEY) chunkCount = Number(text) || 0;
    else if (key.startsWith(CHUNK_PREFIX)) chunks.set(Number(key.slice(CHUNK_PREFIX.length)), text);
    else if (key !== "key") meta.extra[key] = text;
  }
  if (chunkCount > 0) {
    const parts = Array.from({ length: chunkCount }, (_, i) => chunks.get(i + 1));
    if (parts.some((p) => p === undefined)) {
      throw new CatalogueError(
        [
          {
            path: "",
            message: `Trang ${META_SHEET_NAME} thiếu phần danh mục đã lưu (cần ${chunkCount} phần).`,
          },
        ],
        "lưu trong sổ làm việc",
      );
    }
    meta.catalogue = parts.join("");
  }
  return meta.templateId ? meta : null;
}

/**
 * The catalogue a workbook was installed with: the one it carries, else (a workbook installed
 * before catalogues were files) the built-in its template id names; an unknown id without a
 * stored catalogue reads as the district form, as it always did.
 * Raises CatalogueError when the stored catalogue is not readable JSON.
 */
export function catalogueOfMeta(meta: TemplateMeta): Catalogue {
  if (meta.catalogue !== undefined) {
    let file: CatalogueFile;
    try {
      file = JSON.parse(meta.catalogue) as CatalogueFile;
    } catch (error) {
      throw new CatalogueError(
        [
          {
            path: "",
            message: `Danh mục lưu trong trang ${META_SHEET_NAME} bị hỏng (${(error as Error).message}).`,
          },
        ],
        "lưu trong sổ làm việc",
      );
    }
    return catalogueFromFile(file);
  }
  return builtinCatalogue(meta.templateId) ?? builtinCatalogue("huyen-2021")!;
}

/**
 * The catalogue of a workbook from its meta sheet's rows (key in column A, value in B), or
 * null when the workbook is not one of ours. Pure: a reader of any kind (Office.js, the
 * package reader, a streaming reader of the file) passes the rows it read.
 */
export function catalogueOfWorkbook(metaRows: ReadonlyArray<ReadonlyArray<unknown>>): Catalogue | null {
  const meta = readMeta(metaRows);
  return meta ? catalogueOfMeta(meta) : null;
}

/** The meta sheet's plan, under `name` (see `findMetaSheet`). */
export function metaSheetPlan(meta: TemplateMeta, name: string = META_SHEET_NAME): SheetPlan {
  const rows: Array<[string, string]> = [
    ["key", "value"],
    ["template_id", meta.templateId],
    ["template_version", meta.version],
    ...Object.entries(meta.sheets).map(([key, name]): [string, string] => [`sheet:${key}`, name]),
    ...Object.entries(meta.extra),
    ...catalogueRows(meta.catalogue),
  ];
  return {
    key: "meta",
    name,
    role: "meta",
    columns: [28, 60],
    font: { name: "Calibri", size: 11 },
    // Text format: a version like 1.10 must not become a number.
    cells: rows.flatMap(([key, value], i) => [
      { address: `A${i + 1}`, value: key, style: { numberFormat: "@" } },
      { address: `B${i + 1}`, value, style: { numberFormat: "@" } },
    ]),
    merges: [],
    names: [],
    validations: [],
    protect: false,
    visibility: "veryHidden",
    // Room for the rows of a previous, longer catalogue, which must not survive as stale chunks.
    clear: `A1:B${Math.max(200, rows.length + 100)}`,
  };
}

function catalogueRows(json: string | undefined): Array<[string, string]> {
  if (json === undefined) return [];
  const chunks = chunkText(json);
  return [
    [CHUNKS_KEY, String(chunks.length)],
    ...chunks.map((c, i): [string, string] => [`${CHUNK_PREFIX}${i + 1}`, c]),
  ];
}
