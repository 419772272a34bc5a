/**
 * The template's identity stored in the workbook: a very hidden sheet of key/value rows, which
 * both Excel and a file written by the command line keep (Office settings are not in .xlsx
 * files that ExcelJS writes). It records which sheets are ours, under which names.
 */
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
}

/** Reads the meta sheet's rows; null when it is not ours (no template id). */
export function readMeta(cells: ReadonlyArray<ReadonlyArray<unknown>>): TemplateMeta | null {
  const meta: TemplateMeta = { templateId: "", version: "", sheets: {}, extra: {} };
  for (const row of cells) {
    const [key, value] = row;
    if (typeof key !== "string" || value === null || value === undefined) continue;
    const text = String(value);
    if (key === "template_id") meta.templateId = text;
    else if (key === "template_version") meta.version = text;
    else if (key.startsWith("sheet:")) meta.sheets[key.slice(6)] = text;
    else if (key !== "key") meta.extra[key] = text;
  }
  return meta.templateId ? meta : null;
}

/** The meta sheet's plan, under `name` (see `findMetaSheet`). */
export function metaSheetPlan(meta: TemplateMeta, name: string = META_SHEET_NAME): SheetPlan {
  const rows: Array<[string, string]> = [
    ["key", "value"],
    ["template_id", meta.templateId],
    ["template_version", meta.version],
    ...Object.entries(meta.sheets).map(([key, name]): [string, string] => [`sheet:${key}`, name]),
    ...Object.entries(meta.extra),
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
    clear: "A1:B200",
  };
}
