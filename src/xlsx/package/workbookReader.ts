/**
 * The one workbook reader: a package's workbook part, its tabs (each with the worksheet part it
 * points at), its defined names and date system, and, on demand, a sheet's cells in one of two
 * modes, "wanted cells" (`cellsAt`, `cellsWhere`: only the cells asked for are built) or "whole
 * grid" (`grid`), with the shared strings those cells use. Install, check and report read
 * through it over the package layer (`./readPackage.ts`), consolidation and the pane over
 * a zip archive's parts (`figureReader/read.ts`). Parts come from `read`, which applies the zip
 * limits (`../zip/zipArchive.ts`, `partLimits.ts`) when it inflates them. Browser-safe.
 */
import { sheetNameKey } from "../../core/sheetNames";
import { isType, parseRelationships, relsPartOf, type Relationship } from "../parts/relationships/read";
import { parseSharedStrings } from "../parts/sharedStrings/read";
import {
  cellValue,
  gridOf,
  parseCellsAt,
  parseCellsWhere,
  sharedIndexes,
  type Cells,
  type RawCell,
  type ReadCell,
  type ReadGrid,
} from "../parts/sheet/read";
import { PartText } from "../xml/text";
import { parseWorkbook, type WorkbookContent } from "../parts/workbook/read";

/** A part's bytes by its path in the package (inflated within the zip limits), or undefined when absent. */
export type ReadPart = (path: string) => Uint8Array | undefined;

/** One tab of the workbook. */
export interface SheetInfo {
  name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  state: string;
  /** The part it points at (a worksheet, a chart sheet, a dialog sheet …). */
  part?: string;
  /** Whether that part is a worksheet (cells), not a chart sheet or another kind. */
  worksheet: boolean;
}

/** Parts longer than this (characters) are not kept. */
const KEPT_UP_TO = 1024 * 1024;

/**
 * The last package relationships parsed and the workbook part they name: every unit of a
 * consolidation carries the same `_rels/.rels`, which saxes took some 3 % of the read loop to
 * parse again for each (a parser built per part). Only a part of modest size is kept.
 */
let lastPackageRels: { xml: string; main: string | undefined } | undefined;

/** The workbook part's path, from the package relationships (`xl/workbook.xml` when they do not say). */
export function workbookPath(read: ReadPart): string {
  const rels = read("_rels/.rels");
  if (!rels) return "xl/workbook.xml";
  const xml = new PartText(rels).utf8();
  const last = lastPackageRels;
  if (last && last.xml === xml) return last.main ?? "xl/workbook.xml";
  const main = parseRelationships(xml, "").find((r) => isType(r, "officeDocument"))?.part;
  lastPackageRels = xml.length <= KEPT_UP_TO ? { xml, main } : undefined;
  return main ?? "xl/workbook.xml";
}

/** The workbook part and its relationships as parsed, with the texts they were parsed from. */
interface ParsedWorkbook {
  path: string;
  xml: string;
  rels: string | undefined;
  content: WorkbookContent;
  relationships: Relationship[];
}

/**
 * The last workbook part parsed: the units of one form carry the same workbook part (its tabs
 * and its hundreds of defined names) and the same relationships, so a consolidation of hundreds
 * of them parses them once when their texts are the same, compared whole. Only parts of modest
 * size are kept (a hostile file's huge part is parsed and let go).
 */
let lastParsed: ParsedWorkbook | undefined;

/**
 * The workbook part at `path` parsed from `xml`, and its relationships from `rels` (none when
 * absent); the same objects as last time for the same texts, which no reader changes.
 */
function workbookParts(
  path: string,
  xml: string,
  rels: string | undefined,
): { content: WorkbookContent; relationships: Relationship[] } {
  const last = lastParsed;
  if (last && last.path === path && last.xml === xml && last.rels === rels) return last;
  const parsed: ParsedWorkbook = {
    path,
    xml,
    rels,
    content: parseWorkbook(xml, path),
    relationships: rels === undefined ? [] : parseRelationships(rels, path, relsPartOf(path)),
  };
  lastParsed = xml.length + (rels?.length ?? 0) <= KEPT_UP_TO ? parsed : undefined;
  return parsed;
}

export class WorkbookReader {
  /** Tabs in order. */
  readonly sheets: SheetInfo[];
  /** Workbook-wide defined names by upper-cased name → reference text (first wins). */
  readonly names: Map<string, string>;
  /** Whether serials count from 1904 (Mac Excel's old system). */
  readonly date1904: boolean;
  /** The workbook part's relationships. */
  readonly relationships: Relationship[];
  /** The shared strings read so far, by index (as stored: `cellValue` decodes `_xHHHH_`). */
  readonly strings = new Map<number, string>();
  private readonly stringsPath?: string;
  private stringsPart?: PartText;
  private readonly bySheetKey = new Map<string, SheetInfo>();
  private readonly grids = new Map<string, ReadGrid>();

  /**
   * Reads the workbook part at `path` (and its relationships) through `read`. Throws
   * PartXmlError for a part that is not well-formed, and an Error when the workbook part is
   * absent (callers check first: `open`).
   */
  constructor(
    private readonly read: ReadPart,
    readonly path: string,
  ) {
    const bytes = read(path);
    if (!bytes) throw new Error(`missing workbook part ${path}`);
    const relsPart = relsPartOf(path);
    const rels = read(relsPart);
    const { content, relationships } = workbookParts(
      path,
      new PartText(bytes).utf8(),
      rels && new PartText(rels).utf8(),
    );
    this.relationships = relationships;
    const byId = new Map(this.relationships.map((r) => [r.id, r]));
    this.sheets = content.sheets.map(({ name, state, rid }) => {
      const rel = byId.get(rid);
      return { name, state, part: rel?.part, worksheet: !!rel && isType(rel, "worksheet") };
    });
    for (const sheet of this.sheets) {
      const key = sheetNameKey(sheet.name);
      if (sheet.worksheet && !this.bySheetKey.has(key)) this.bySheetKey.set(key, sheet);
    }
    this.names = content.names;
    this.date1904 = content.date1904;
    this.stringsPath = this.relationships.find((r) => isType(r, "sharedStrings"))?.part;
  }

  /**
   * The workbook of a package whose parts `read` gives, or undefined when there is none: no
   * workbook part, or none of its relationships (then it is no workbook cchc can read).
   */
  static open(read: ReadPart): WorkbookReader | undefined {
    const path = workbookPath(read);
    if (!read(path) || !read(relsPartOf(path))) return undefined;
    return new WorkbookReader(read, path);
  }

  /**
   * A worksheet tab by name, as Excel matches names (case, Unicode form, an escaped or raw
   * control character: see `sheetNameKey`); chart sheets and other kinds are not worksheets.
   */
  findSheet(name: string): SheetInfo | undefined {
    return this.bySheetKey.get(sheetNameKey(name));
  }

  /** A part's text for search and decoding, or undefined when the package lacks it. */
  part(path: string): PartText | undefined {
    const bytes = this.read(path);
    return bytes && new PartText(bytes);
  }

  /**
   * "Wanted cells": the cells at `addresses` of a worksheet part (absent cells are left out),
   * with the shared strings they use unless `strings` is false (then the caller gathers the
   * cells of several sheets and reads their strings in one pass, `useStrings`).
   */
  cellsAt(
    part: PartText,
    path: string,
    addresses: ReadonlyArray<readonly [number, number]>,
    strings = true,
  ): Cells {
    const cells = parseCellsAt(part, addresses, path);
    if (strings) this.useStrings(cells.values());
    return cells;
  }

  /** "Wanted cells": the cells `wanted(row, column)` picks of a worksheet part (`strings`: as `cellsAt`). */
  cellsWhere(
    part: PartText,
    path: string,
    wanted?: (row: number, column: number) => boolean,
    strings = true,
  ): Cells {
    const cells = parseCellsWhere(part, wanted, path);
    if (strings) this.useStrings(cells.values());
    return cells;
  }

  /** Reads the shared strings the cells use that were not read yet (one pass over the part). */
  useStrings(...cellLists: Array<Iterable<RawCell>>): void {
    if (!this.stringsPath) return;
    const missing = new Set<number>();
    for (const index of sharedIndexes(...cellLists)) if (!this.strings.has(index)) missing.add(index);
    if (missing.size === 0) return;
    this.stringsPart ??= this.part(this.stringsPath) ?? new PartText(new Uint8Array());
    for (const [index, text] of parseSharedStrings(this.stringsPart, missing, this.stringsPath))
      this.strings.set(index, text);
  }

  /**
   * A cell's value as Office.js's `values` view gives it (`cellValue`), its shared string read
   * (the cell must come from `cellsAt`, `cellsWhere` or after `useStrings`).
   */
  value(cell: RawCell | undefined): ReadCell["value"] {
    return cellValue(cell, this.strings, this.date1904);
  }

  /** "Whole grid": every cell of a worksheet tab, read once; an empty grid when its part is absent. */
  grid(sheet: SheetInfo): ReadGrid {
    const path = sheet.part;
    if (!path) return [];
    let grid = this.grids.get(path);
    if (!grid) {
      const part = this.part(path);
      grid = part ? gridOf(this.cellsWhere(part, path).values(), (cell) => this.value(cell)) : [];
      this.grids.set(path, grid);
    }
    return grid;
  }
}
