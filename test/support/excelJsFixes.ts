/**
 * Where ExcelJS 4.4 misreads, drops or miswrites parts of an .xlsx file, and the corrections.
 * cchc itself no longer uses ExcelJS (issue 19); the tests still do, as "another program" that
 * reads back what cchc wrote and writes files for cchc to read, and these corrections keep that
 * other program faithful (as Excel would be). Each works from the raw parts of the package.
 *
 * On load (`repairLoadedModel`): table header rows and styles, notes on empty cells, sheet and
 * cell protection written as "true"/"false". On write (`prepareForWrite`): data validation
 * ranges that ExcelJS would write overlapping, and text that looks like an `_xHHHH_` escape.
 */
import * as ExcelJS from "exceljs";
import type { XlsxPackage } from "../../src/xlsx/package/xlsxPackage";

/** Decodes the five XML entities and numeric character references. */
function xmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (entity, code: string) => {
    if (code[0] === "#")
      return String.fromCodePoint(
        code[1].toLowerCase() === "x" ? parseInt(code.slice(2), 16) : Number(code.slice(1)),
      );
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[code.toLowerCase()] ?? entity;
  });
}

/** The attributes of an XML start tag. */
function attributes(tag: string): Map<string, string> {
  return new Map([...tag.matchAll(/\s([\w:]+)="([^"]*)"/g)].map(([, name, value]) => [name, xmlText(value)]));
}

/** Resolves a relationship target against the folder of the part that holds the relationship. */
function resolvePart(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

/** The raw parts of a loaded archive, for the repairs below. */
class Archive {
  constructor(private readonly pkg: XlsxPackage) {}

  names(): string[] {
    return this.pkg.parts();
  }

  text(part: string): string | undefined {
    return this.pkg.text(part);
  }

  /** `Id → {target part, type}` of the relationships of `part`. */
  relationships(part: string): Map<string, { part: string; type: string }> {
    const map = new Map<string, { part: string; type: string }>();
    const xml = this.text(part.replace(/([^/]+)$/, "_rels/$1.rels"));
    for (const [tag] of xml?.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
      const attrs = attributes(tag);
      const id = attrs.get("Id");
      const target = attrs.get("Target");
      if (id && target && attrs.get("TargetMode") !== "External")
        map.set(id, { part: resolvePart(part, target), type: attrs.get("Type") ?? "" });
    }
    return map;
  }

  /** Each worksheet with the part it was read from. */
  worksheetParts(workbook: ExcelJS.Workbook): Array<{ worksheet: ExcelJS.Worksheet; part: string }> {
    const rels = this.relationships("xl/workbook.xml");
    const result: Array<{ worksheet: ExcelJS.Worksheet; part: string }> = [];
    for (const [tag] of this.text("xl/workbook.xml")?.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
      const attrs = attributes(tag);
      const name = attrs.get("name");
      // The relationship id's prefix is conventionally r:, but any namespace prefix is valid.
      const id = attrs.get("r:id") ?? [...attrs].find(([key]) => key.endsWith(":id"))?.[1] ?? "";
      const part = rels.get(id)?.part;
      const worksheet = name !== undefined ? workbook.getWorksheet(name) : undefined;
      if (part && worksheet) result.push({ worksheet, part });
    }
    return result;
  }
}

/**
 * Tables as ExcelJS 4.4 misreads them: a table part without `headerRowCount` (Excel omits the
 * default 1) is read as having no header row, and one without `tableStyleInfo` (LibreOffice
 * writes none) makes the writer crash. Restores the header flag and gives a plain style.
 */
function repairTables(workbook: ExcelJS.Workbook, archive: Archive): void {
  const withHeader = new Set<string>();
  for (const part of archive.names().filter((n) => /^xl\/tables\/[^/]+\.xml$/i.test(n))) {
    const open = /<(?:\w+:)?table\b[^>]*>/.exec(archive.text(part) ?? "")?.[0] ?? "";
    const attrs = attributes(open);
    const name = attrs.get("name");
    if (name !== undefined && !attrs.has("headerRowCount")) withHeader.add(name);
  }
  for (const worksheet of workbook.worksheets) {
    for (const table of Object.values(tablesOf(worksheet))) {
      const model = table.model;
      if (withHeader.has(model.name)) model.headerRow = true;
      if (!model.style)
        model.style = {
          showFirstColumn: false,
          showLastColumn: false,
          showRowStripes: false,
          showColumnStripes: false,
        };
    }
  }
}

/**
 * ExcelJS 4.4 attaches a note only to a cell listed in the sheet's data, and Excel does not list
 * an empty cell that merely has a note: read and written back, such notes would vanish. Puts
 * their text back on the cells (the note's formatting, not kept by ExcelJS anyway, is lost).
 */
function restoreNotesOnEmptyCells(workbook: ExcelJS.Workbook, archive: Archive): void {
  for (const { worksheet, part } of archive.worksheetParts(workbook)) {
    for (const rel of archive.relationships(part).values()) {
      if (!rel.type.endsWith("/comments")) continue;
      const xml = archive.text(rel.part) ?? "";
      for (const [, ref, body] of xml.matchAll(
        /<(?:\w+:)?comment\b[^>]*\sref="([^"]+)"[^>]*>([\s\S]*?)<\/(?:\w+:)?comment>/g,
      )) {
        const cell = worksheet.getCell(ref);
        if (cell.note !== undefined) continue;
        cell.note = [...body.matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)]
          .map((m) => xmlText(m[1]))
          .join("");
      }
    }
  }
}

/** Sheet protection flags whose "1" means "protected" (the others' "1" means "allowed"). */
const PROTECTION_LOCKS = ["objects", "scenarios", "selectLockedCells", "selectUnlockedCells"] as const;
const PROTECTION_ALLOWS = [
  "formatCells",
  "formatColumns",
  "formatRows",
  "insertColumns",
  "insertRows",
  "insertHyperlinks",
  "deleteColumns",
  "deleteRows",
  "sort",
  "autoFilter",
  "pivotTables",
] as const;

/**
 * ExcelJS 4.4 reads the protection flags only as "1"/"0", but they are xsd:boolean and
 * LibreOffice writes "true"/"false": read through ExcelJS, a sheet protected in LibreOffice
 * would come back unprotected and be written back so. Rebuilds the protection from the part.
 */
function repairSheetProtection(workbook: ExcelJS.Workbook, archive: Archive): void {
  for (const { worksheet, part } of archive.worksheetParts(workbook)) {
    const tag = /<(?:\w+:)?sheetProtection\b[^>]*>/.exec(archive.text(part) ?? "")?.[0];
    if (!tag || !/="(true|false)"/.test(tag)) continue;
    const attrs = attributes(tag);
    const on = (name: string) => attrs.get(name) === "1" || attrs.get(name) === "true";
    const off = (name: string) => attrs.get(name) === "0" || attrs.get(name) === "false";
    const protection: Record<string, unknown> = { sheet: on("sheet") || undefined };
    for (const name of PROTECTION_LOCKS) if (on(name)) protection[name] = false;
    for (const name of PROTECTION_ALLOWS) if (off(name)) protection[name] = true;
    for (const name of ["algorithmName", "hashValue", "saltValue", "spinCount", "password"]) {
      if (attrs.has(name))
        protection[name] = name === "spinCount" ? Number(attrs.get(name)) : attrs.get(name);
    }
    (worksheet as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection = protection;
  }
}

/**
 * Likewise a cell format's `<protection locked="false">` (LibreOffice's spelling of "0"): ExcelJS
 * reads it as locked, so the input cells of a sheet saved by LibreOffice would come back locked
 * under the sheet's protection. Unlocks the cells whose format says so.
 */
function repairCellProtection(workbook: ExcelJS.Workbook, archive: Archive): void {
  const styles = archive.text("xl/styles.xml") ?? "";
  if (!/<(?:\w+:)?protection\b[^>]*="(true|false)"/.test(styles)) return;
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? "";
  const formats = [...cellXfs.matchAll(/<(?:\w+:)?xf\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?xf>)/g)].map(
    ([, body]) => {
      const attrs = attributes(/<(?:\w+:)?protection\b[^>]*>/.exec(body ?? "")?.[0] ?? "");
      const flag = (name: string) =>
        attrs.has(name) ? attrs.get(name) === "1" || attrs.get(name) === "true" : undefined;
      return { locked: flag("locked") ?? true, hidden: flag("hidden") ?? false };
    },
  );
  for (const { worksheet, part } of archive.worksheetParts(workbook)) {
    for (const [tag] of archive.text(part)?.matchAll(/<(?:\w+:)?c\b[^>]*>/g) ?? []) {
      const attrs = attributes(tag);
      const format = formats[Number(attrs.get("s") ?? 0)];
      const ref = attrs.get("r");
      if (!format || !ref || (format.locked && !format.hidden)) continue;
      const cell = worksheet.getCell(ref);
      cell.protection = { locked: format.locked, hidden: format.hidden };
    }
  }
}

/**
 * ExcelJS 4.4 decodes the `_xHHHH_` escapes of shared strings but not of inline strings, which
 * cchc's writer uses: `bc_xa_giao`, stored `bc_x005F_xa_giao`, would read as that text. Decodes
 * the inline-string cells as Excel does.
 */
function decodeInlineStrings(workbook: ExcelJS.Workbook, archive: Archive): void {
  for (const { worksheet, part } of archive.worksheetParts(workbook)) {
    for (const [tag] of archive.text(part)?.matchAll(/<(?:\w+:)?c\b[^>]*>/g) ?? []) {
      const attrs = attributes(tag);
      const ref = attrs.get("r");
      if (attrs.get("t") !== "inlineStr" || !ref) continue;
      const cell = worksheet.getCell(ref);
      if (typeof cell.value === "string" && cell.value.includes("_x"))
        cell.value = cell.value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
          String.fromCharCode(parseInt(hex, 16)),
        );
    }
  }
}

/** Corrects what ExcelJS 4.4 misreads or drops when it loads a file (see each repair). */
export function repairLoadedModel(workbook: ExcelJS.Workbook, pkg: XlsxPackage): void {
  const archive = new Archive(pkg);
  decodeInlineStrings(workbook, archive);
  repairTables(workbook, archive);
  restoreNotesOnEmptyCells(workbook, archive);
  repairSheetProtection(workbook, archive);
  repairCellProtection(workbook, archive);
}

/** The model of a table as ExcelJS keeps it (loaded tables carry `tableRef`, added ones `ref`). */
export interface TableModel {
  name: string;
  displayName?: string;
  ref?: string;
  tableRef?: string;
  headerRow?: boolean;
  style?: {
    theme?: string;
    showFirstColumn?: boolean;
    showLastColumn?: boolean;
    showRowStripes?: boolean;
    showColumnStripes?: boolean;
  } | null;
}

/**
 * The tables of a worksheet by name. ExcelJS's typings declare `getTables()` with a wrong
 * element type, so read the runtime map (`worksheet.tables`) through a narrow interface.
 */
export function tablesOf(worksheet: ExcelJS.Worksheet): Record<string, { model: TableModel }> {
  const tables = (worksheet as unknown as { tables?: Record<string, { model: TableModel }> }).tables;
  if (!tables || typeof tables !== "object")
    throw new Error("ExcelJS worksheet has no tables map (unsupported ExcelJS version)");
  return tables;
}

type ValidationModel = Record<string, ExcelJS.DataValidation | undefined>;

/**
 * Joins a sheet's per-cell validations into disjoint rectangles before ExcelJS writes them.
 * ExcelJS reads a range as one entry per cell and joins them again on write, but its joining
 * walks cells in text order (C10 before C4) and grows over cells it already used: C4:C504
 * read and written comes out as C10:C504 plus C4:C504, overlapping rules that Excel repairs
 * away. Ranges given as ranges are written as they are, so hand it ranges.
 */
export function compactValidations(worksheet: ExcelJS.Worksheet): void {
  const holder = (worksheet as unknown as { dataValidations?: { model?: ValidationModel } }).dataValidations;
  if (!holder?.model)
    throw new Error("ExcelJS worksheet has no dataValidations model (unsupported ExcelJS version)");
  const model = holder.model;
  const byCell = new Map<
    string,
    { row: number; column: number; rule: ExcelJS.DataValidation; key: string }
  >();
  const compacted: ValidationModel = {};
  for (const [address, rule] of Object.entries(model)) {
    if (!rule) continue; // DataValidations.remove() leaves undefined entries behind
    const match = /^([A-Z]+)(\d+)$/.exec(address);
    if (!match) {
      compacted[address] = rule; // already a range: ExcelJS writes it as given
      continue;
    }
    const column = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    byCell.set(`${column}:${match[2]}`, { row: Number(match[2]), column, rule, key: JSON.stringify(rule) });
  }
  const at = (row: number, column: number) => byCell.get(`${column}:${row}`);
  const cells = [...byCell.values()].sort((a, b) => a.column - b.column || a.row - b.row);
  const used = new Set<string>();
  const free = (row: number, column: number, key: string) => {
    const cell = at(row, column);
    return !!cell && cell.key === key && !used.has(`${column}:${row}`);
  };
  const letters = (column: number) => {
    let text = "";
    for (let c = column; c > 0; c = Math.floor((c - 1) / 26))
      text = String.fromCharCode(65 + ((c - 1) % 26)) + text;
    return text;
  };
  for (const cell of cells) {
    if (used.has(`${cell.column}:${cell.row}`)) continue;
    let bottom = cell.row;
    while (free(bottom + 1, cell.column, cell.key)) bottom++;
    let right = cell.column;
    const columnFree = (column: number) => {
      for (let row = cell.row; row <= bottom; row++) if (!free(row, column, cell.key)) return false;
      return true;
    };
    while (columnFree(right + 1)) right++;
    for (let row = cell.row; row <= bottom; row++)
      for (let column = cell.column; column <= right; column++) used.add(`${column}:${row}`);
    const from = `${letters(cell.column)}${cell.row}`;
    const to = `${letters(right)}${bottom}`;
    compacted[from === to ? from : `${from}:${to}`] = cell.rule;
  }
  holder.model = compacted;
}

/** An underscore that a reader could take for the start of an `_xHHHH_` character escape. */
const ESCAPE_LIKE = /_(?=x[0-9a-f]+_)/gi;

/**
 * Characters XML 1.0 cannot hold (controls other than tab and line breaks, U+FFFE/U+FFFF):
 * ExcelJS drops them, so a Word line break (U+000B) typed in a cell would be lost.
 */
// eslint-disable-next-line no-control-regex -- these very characters are what must be escaped
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * The text with every escape-like underscore written as `_x005F_`, the OOXML escape of `_`,
 * and every character XML cannot hold as its `_xHHHH_` escape (as Excel writes it).
 */
export function escapeOoxmlText(text: string): string {
  return text
    .replace(ESCAPE_LIKE, "_x005F_")
    .replace(NOT_XML, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/**
 * Cell text is an OOXML "xstring": `_xHHHH_` stands for a character, and a literal underscore
 * that starts such a pattern must be written `_x005F_`. ExcelJS writes text as is, and
 * LibreOffice decodes even shorter patterns: our row key `bc_xa_giao` came back from it as
 * "bc⏎giao", which lost the row's figures on the next install. Escapes such text for the write
 * and returns a function that puts the workbook back as it was.
 */
function escapeTextForWrite(workbook: ExcelJS.Workbook): () => void {
  const changed: Array<{ cell: ExcelJS.Cell; value: ExcelJS.CellValue }> = [];
  const needs = (text: unknown) =>
    typeof text === "string" && (/_(?=x[0-9a-f]+_)/i.test(text) || new RegExp(NOT_XML.source).test(text));
  for (const worksheet of workbook.worksheets) {
    worksheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const value = cell.value;
        let escaped: ExcelJS.CellValue | undefined;
        if (typeof value === "string") {
          if (needs(value)) escaped = escapeOoxmlText(value);
        } else if (value && typeof value === "object" && !(value instanceof Date)) {
          if ("richText" in value && value.richText.some((run) => needs(run.text))) {
            escaped = {
              richText: value.richText.map((run) => ({ ...run, text: escapeOoxmlText(run.text) })),
            };
          } else if ("hyperlink" in value && needs(value.text)) {
            escaped = { ...value, text: escapeOoxmlText(String(value.text)) };
          } else if (("formula" in value || "sharedFormula" in value) && needs(value.result)) {
            escaped = { ...value, result: escapeOoxmlText(String(value.result)) } as ExcelJS.CellValue;
          }
        }
        if (escaped !== undefined) {
          changed.push({ cell, value });
          cell.value = escaped;
        }
      });
    });
  }
  return () => {
    for (const { cell, value } of changed) cell.value = value;
  };
}

/**
 * Readies a workbook for ExcelJS's writer (validation ranges, text escapes); returns a function
 * that undoes the temporary text escapes, to call once the bytes are written.
 */
export function prepareForWrite(workbook: ExcelJS.Workbook): () => void {
  for (const worksheet of workbook.worksheets) compactValidations(worksheet);
  return escapeTextForWrite(workbook);
}
