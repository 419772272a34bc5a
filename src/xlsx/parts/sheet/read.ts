/**
 * Worksheet parts (`xl/worksheets/sheetN.xml`, ECMA-376 Part 1, §18.3): their cells, in two
 * modes. "Wanted cells" (`parseCellsAt`, `parseCellsWhere`) finds the cells asked for by plain
 * search for their start tags and `r` attributes, nothing built for the others; "whole grid"
 * (`parseCellsWhere` with every cell wanted, then `gridOf`) reads them all. Either way a plain
 * cell (a number, a shared-string index, a formula, an inline text) is read from its markup as
 * found, the others' elements are parsed by saxes as one small document. Only cells are
 * visited: validation, merged and conditional ranges are never expanded, so the time does not
 * depend on how large a range a user's rule names. Values come as Office.js's `values` view
 * gives them (`cellValue`), so the core sees the same from both adapters.
 */
import { isoToSerial, serialToWorkbook } from "../../../core/dates";
import { columnLetter, columnNumber } from "../../../core/layout/model";
import { parse, stop } from "../../xml/sax";
import { decodeExcelEscapes, own, plainTextAt, type PartText } from "../../xml/text";

/** A cell as stored: where it is, its type attribute, its value text, its formula. */
export interface RawCell {
  row: number;
  column: number;
  /** `s` shared string, `str` formula text, `inlineStr`, `b`, `e`, `n` (default), `d` ISO date. */
  type: string;
  /** The `<v>` text, or an inline string's text (its runs joined, phonetic runs left out). */
  value: string;
  /** The formula's text without `=`, as stored (a shared formula's clone: moved from its master). */
  formula?: string;
  /** A shared formula's clone whose master was not read: its formula text is unknown (""). */
  shared?: boolean;
}

/** Cells by `row:column`. */
export type Cells = Map<string, RawCell>;

/** `D12` → [12, 4] */
function rowColumn(reference: string): [number, number] {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return [Number(reference.slice(i)), column];
}

/** Moves the relative references of a shared formula's master to a clone `rows`/`columns` away. */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  // Strings and quoted sheet names are left as they are; references elsewhere are shifted.
  return formula.replace(
    /("(?:[^"]|"")*")|('(?:[^']|'')*')|(?<![\w.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(!])/g,
    (whole, str, quoted, colAbs: string, col: string, rowAbs: string, row: string) => {
      if (str || quoted) return whole;
      const c = colAbs ? columnNumber(col) : columnNumber(col) + columns;
      const r = rowAbs ? Number(row) : Number(row) + rows;
      if (c < 1 || r < 1 || c > 16_384 || r > 1_048_576) return "#REF!";
      return `${colAbs}${columnLetter(c)}${rowAbs}${r}`;
    },
  );
}

/**
 * The wanted cells of a worksheet part's text, parsed by saxes. `wanted(row, column)` picks
 * them; reading stops after `lastRow` (rows are stored in order) and after `</sheetData>`. A
 * shared formula's clone gets its master's formula moved to it when the master was seen (masters
 * are remembered whether wanted or not).
 */
export function parseSheetCells(
  xml: string,
  wanted: (row: number, column: number) => boolean,
  lastRow = Infinity,
  part = "worksheet",
): Cells {
  const cells: Cells = new Map();
  const masters = new Map<string, { formula: string; row: number; column: number }>();
  let current: RawCell | undefined;
  let row = 0;
  let column = 0;
  let field: "v" | "f" | "t" | undefined;
  let formula: { text: string; shared?: string; master: boolean; array: boolean } | undefined;
  let phonetic = 0;
  let nextRow = 1;
  let nextColumn = 1;
  parse(
    xml,
    {
      open(element, a) {
        if (element === "row") {
          const r = a.r ? Number(a.r) : nextRow;
          if (r > lastRow) stop();
          nextRow = r;
          nextColumn = 1;
        } else if (element === "c") {
          // `r` may be left out; then the cell follows the previous one.
          [row, column] = a.r ? rowColumn(a.r) : [nextRow, nextColumn];
          nextColumn = column + 1;
          current = wanted(row, column) ? { type: a.t ?? "n", value: "", row, column } : undefined;
          formula = undefined;
        } else if (element === "f") {
          const shared = a.t === "shared" ? a.si : undefined;
          const master = shared !== undefined && a.ref !== undefined;
          // A master's text is kept for its clones even where the master itself is not wanted.
          if (current || master) {
            field = "f";
            formula = { text: "", shared, master, array: a.t === "array" };
          }
        } else if (element === "rPh") phonetic++;
        else if (current && (element === "v" || (element === "t" && phonetic === 0))) field = element;
      },
      text(t) {
        if (field === "f") formula!.text += t;
        else if (field && current) current.value += t;
      },
      close(element) {
        if (element === "v" || element === "t") field = undefined;
        else if (element === "rPh") phonetic--;
        else if (element === "f") {
          field = undefined;
          const f = formula;
          if (!f) return;
          if (f.shared !== undefined && f.text.trim() !== "") {
            masters.set(f.shared, { formula: f.text, row, column });
            if (current) current.formula = f.text;
          } else if (current && f.shared !== undefined) {
            const master = masters.get(f.shared);
            if (master)
              current.formula = shiftFormula(master.formula, row - master.row, column - master.column);
            else {
              current.formula = "";
              current.shared = true;
            }
          } else if (current && (f.text !== "" || !f.array)) current.formula = f.text;
        } else if (element === "c" && current) {
          if (current.value.length >= 13) current.value = own(current.value);
          if (current.formula !== undefined) current.formula = own(current.formula);
          cells.set(`${current.row}:${current.column}`, current);
          current = undefined;
        } else if (element === "row") nextRow++;
        // What follows the cells (merges, validation with its long prompts, page setup) is not needed.
        else if (element === "sheetData") stop();
      },
    },
    part,
  );
  return cells;
}

/** A cell element without its `r` attribute (allowed by the format: it then follows the previous cell). */
const CELL_WITHOUT_REFERENCE = /<(?:\w+:)?c(?=[\s>/])(?![^>]*\sr=")/;

/** The content of a plain inline string: one run, no phonetic text (what cchc itself writes). */
const PLAIN_INLINE = /^<is><t(?: xml:space="preserve")?>([^<]*)<\/t><\/is>$/;
const PLAIN_INLINE_END = "</t></is>".length;

/**
 * The type attribute (`t="s"`) of the start tag `at` to `end` (its `>`) of `scan`, found by
 * search: no slice of the tag nor match array for every cell read ("n" when the tag has no
 * type). The tag is plain (`plainTag`): double quotes, no white space around `=`.
 */
function cellTypeAt(scan: string, at: number, end: number): string {
  for (let t = scan.indexOf('t="', at); t >= 0 && t < end; t = scan.indexOf('t="', t + 1)) {
    if (!isSpace(scan.charCodeAt(t - 1))) continue;
    // Its closing quote inside the tag; else a later `t="` may be the attribute.
    const close = scan.indexOf('"', t + 3);
    if (close >= 0 && close < end) return scan.slice(t + 3, close);
  }
  return "n";
}

/**
 * The content of a plain cell, `scan` from `from` to `to`: an optional `<f>` then an optional
 * `<v>`, neither with an attribute nor markup inside (numbers, shared-string indexes and
 * formulas look like this). Their raw texts (each undefined when absent), or undefined when
 * the content is anything else (the caller has saxes read it).
 */
function plainContentAt(
  scan: string,
  from: number,
  to: number,
): { formula?: string; value?: string } | undefined {
  let at = from;
  const element = (name: "f" | "v"): string | undefined | false => {
    if (!scan.startsWith(`<${name}>`, at) || at + 3 > to) return undefined;
    const close = scan.indexOf("<", at + 3);
    if (close < 0 || close + 4 > to || !scan.startsWith(`</${name}>`, close)) return false;
    const text = scan.slice(at + 3, close);
    at = close + 4;
    return text;
  };
  const formula = element("f");
  if (formula === false) return undefined;
  const value = element("v");
  if (value === false || at !== to) return undefined;
  return { formula, value };
}

/** Where a cell's start tag ends, and its row and column from its `r` (undefined when it has none). */
function cellTagAt(scan: string, at: number): { end: number; row: number; column: number } | undefined {
  const end = scan.indexOf(">", at);
  if (end < 0) return undefined;
  // `r="`, as an attribute of its own (not the end of another's name).
  let r = scan.indexOf('r="', at);
  while (r >= 0 && r < end && !isSpace(scan.charCodeAt(r - 1))) r = scan.indexOf('r="', r + 1);
  if (r < 0 || r > end) return undefined;
  let i = r + 3;
  let column = 0;
  for (let code = scan.charCodeAt(i); code >= 65 && code <= 90; code = scan.charCodeAt(++i))
    column = column * 26 + code - 64;
  let row = 0;
  for (let code = scan.charCodeAt(i); code >= 48 && code <= 57; code = scan.charCodeAt(++i))
    row = row * 10 + code - 48;
  if (scan.charCodeAt(i) !== 34 || column === 0 || row === 0) return undefined;
  return { end, row, column };
}

/**
 * Whether a cell's start tag (`at` to its first `>`) reads right by search: its values in double
 * quotes, in pairs (so no `>` inside one), and no white space around an `=`. XML allows the
 * others (`t='s'`, `t = "s"`), which the search would misread (a shared string read as a
 * number): such a part is parsed whole.
 */
function plainTag(scan: string, at: number, end: number): boolean {
  let quotes = 0;
  for (let i = at; i < end; i++) {
    const code = scan.charCodeAt(i);
    if (code === 34) quotes++;
    else if (code === 39) return false;
    else if (code === 61 && (isSpace(scan.charCodeAt(i - 1)) || isSpace(scan.charCodeAt(i + 1))))
      return false;
  }
  return quotes % 2 === 0;
}

/** XML white space: space, tab, line feed, carriage return. */
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/**
 * The cells of a worksheet part that `wanted(row, column)` picks, found by plain search for
 * their start tags and `r` attributes (nothing is built for the others). A plain cell is read
 * from its markup as found; the others' elements are parsed by saxes, as one small document, in
 * the part's order (so a shared formula's master comes before its clones). Cells without `r`
 * are not seen (the callers check for them). `found` counts the cells picked.
 */
function pickCells(
  part: PartText,
  wanted: (row: number, column: number) => boolean,
  name: string,
): { cells: Cells; found: number; plain: boolean } {
  const scan = part.scan;
  const cells: Cells = new Map();
  const ranges: Array<[number, number]> = [];
  let found = 0;
  // The cells' element name: `c`, or `x:c` where the sheet's elements carry a prefix.
  const prefix = /<(\w+:)?sheetData[\s>/]/.exec(scan);
  if (!prefix) return { cells, found, plain: true };
  const element = `${prefix[1] ?? ""}c`;
  const open = `<${element}`;
  const close = `</${element}>`;
  const plain = element === "c";
  // A `<` in XML text is always escaped, so every match is a real start tag.
  for (let at = scan.indexOf(open, prefix.index); at >= 0; at = scan.indexOf(open, at + 1)) {
    if (!isSpace(scan.charCodeAt(at + open.length))) continue; // `<col`, `<cfRule` …
    const tag = cellTagAt(scan, at);
    if (!tag || !wanted(tag.row, tag.column)) continue;
    if (!plainTag(scan, at, tag.end)) return { cells, found, plain: false };
    found++;
    if (scan.charCodeAt(tag.end - 1) === 47 /* "/" */) {
      if (plain) putCell(cells, tag.row, tag.column, cellTypeAt(scan, at, tag.end), "");
      else ranges.push([at, tag.end + 1]);
      continue;
    }
    const contentFrom = tag.end + 1;
    const end = scan.indexOf(close, contentFrom);
    if (end < 0) break; // a cut part: the parse of what was found reports nothing more
    if (plain && !readPlain(part, scan, at, tag, contentFrom, end, cells))
      ranges.push([at, end + close.length]);
    else if (!plain) ranges.push([at, end + close.length]);
    at = end;
  }
  if (ranges.length > 0) {
    // The fragments carry their own `r`; the wrapper only makes them one well-formed document.
    const parsed = parseSheetCells(
      `<sheetData><row>${part.pieces(ranges)}</row></sheetData>`,
      () => true,
      Infinity,
      name,
    );
    for (const [key, cell] of parsed) cells.set(key, cell);
  }
  return { cells, found, plain: true };
}

/**
 * Reads a cell whose content (bytes `contentFrom` to `end`) is plain markup: a formula and a
 * value, or one inline text run. False when it is not (the caller has saxes read it).
 */
function readPlain(
  part: PartText,
  scan: string,
  at: number,
  tag: { end: number; row: number; column: number },
  contentFrom: number,
  end: number,
  cells: Cells,
): boolean {
  const type = cellTypeAt(scan, at, tag.end);
  if (type === "inlineStr") {
    const inline = PLAIN_INLINE.exec(scan.slice(contentFrom, end));
    if (!inline) return false;
    const text = plainTextAt(part, inline[1], end - PLAIN_INLINE_END - inline[1].length);
    if (text === undefined) return false;
    putCell(cells, tag.row, tag.column, type, text);
    return true;
  }
  const cell = plainContentAt(scan, contentFrom, end);
  if (!cell) return false;
  // `<f>` is 3 bytes, `</v>` 4: where the texts start in the part.
  const formula = cell.formula === undefined ? undefined : plainTextAt(part, cell.formula, contentFrom + 3);
  const value = cell.value === undefined ? "" : plainTextAt(part, cell.value, end - 4 - cell.value.length);
  if (value === undefined || (cell.formula !== undefined && formula === undefined)) return false;
  putCell(cells, tag.row, tag.column, type, value, formula);
  return true;
}

/** Puts a plain cell read from its markup, its texts copied off the part's text. */
function putCell(
  cells: Cells,
  row: number,
  column: number,
  type: string,
  value: string,
  formula?: string,
): void {
  const cell: RawCell = { type, value: own(value), row, column };
  if (formula !== undefined) cell.formula = own(formula);
  cells.set(`${row}:${column}`, cell);
}

const positionOf = (row: number, column: number) => row * 16_385 + column;

/**
 * The cells at `addresses` (`D12` …, or [row, column]) of a worksheet part: the "wanted cells"
 * mode, which spares parsing the hundreds of label and style cells around a figure. When some
 * address is not found and some cell of the part has no `r`, the part is parsed whole instead
 * (the search for such a cell scans the whole part, so it is made only then). Absent cells are
 * simply not in the result.
 */
export function parseCellsAt(
  part: PartText,
  addresses: ReadonlyArray<string | readonly [row: number, column: number]>,
  name = "worksheet",
): Cells {
  // Positions as one number each (a sheet has at most 16,384 columns).
  const positions = new Set(
    addresses.map((address) =>
      typeof address === "string" ? positionOf(...rowColumn(address)) : positionOf(address[0], address[1]),
    ),
  );
  const picked = (row: number, column: number) => positions.has(positionOf(row, column));
  const { cells, found, plain } = pickCells(part, picked, name);
  if (!plain || (found < positions.size && CELL_WITHOUT_REFERENCE.test(part.scan)))
    return parseSheetCells(part.utf8(), picked, Infinity, name);
  return cells;
}

/**
 * The cells of a worksheet part that `wanted(row, column)` picks (a small sheet's columns, a
 * list below its header; every cell for the whole grid), read as `pickCells` reads them; a part
 * where some cell has no `r` is parsed whole by saxes.
 */
export function parseCellsWhere(
  part: PartText,
  wanted: (row: number, column: number) => boolean = () => true,
  name = "worksheet",
): Cells {
  if (CELL_WITHOUT_REFERENCE.test(part.scan)) return parseSheetCells(part.utf8(), wanted, Infinity, name);
  const { cells, plain } = pickCells(part, wanted, name);
  return plain ? cells : parseSheetCells(part.utf8(), wanted, Infinity, name);
}

/** The shared-string indexes the cells use. */
export function sharedIndexes(...cellLists: Array<Iterable<RawCell>>): Set<number> {
  const indexes = new Set<number>();
  for (const cells of cellLists)
    for (const cell of cells) if (cell.type === "s" && cell.value !== "") indexes.add(Number(cell.value));
  return indexes;
}

/**
 * A stored cell's value as Office.js's `values` view gives it (a formula cell: its cached
 * result): a number as stored (a date is a serial of the workbook's own date system, which the
 * core moves where the form says a date is, `dateFromWorkbook`), text with `_xHHHH_` decoded, a
 * boolean, an error's text (`#N/A`), null for an empty cell. An ISO date cell (`t="d"`) becomes
 * the serial the workbook would store (`serialToWorkbook`, `core/dates.ts`).
 */
export function cellValue(
  cell: RawCell | undefined,
  strings: ReadonlyMap<number, string>,
  date1904: boolean,
): string | number | boolean | null {
  if (!cell) return null;
  const raw = cell.value;
  switch (cell.type) {
    case "s":
      return raw === "" ? null : own(decodeExcelEscapes(strings.get(Number(raw)) ?? ""));
    case "str":
    case "inlineStr":
      return own(decodeExcelEscapes(raw));
    case "b":
      return raw === "" ? null : raw === "1" || raw === "true";
    case "e":
      return raw === "" ? null : own(raw);
    case "d": {
      if (raw === "") return null;
      const serial = isoToSerial(raw);
      return serial === undefined ? own(raw) : serialToWorkbook(serial, date1904);
    }
    default: {
      if (raw.trim() === "") return null;
      const n = Number(raw);
      return Number.isFinite(n) ? n : own(raw);
    }
  }
}

/** One cell of a whole grid: its value (cached result for formulas) and its formula, if any. */
export interface ReadCell {
  value: string | number | boolean | null;
  /** `=…` */
  formula?: string;
}

/** Rows (0-based array of 1-based rows) of cells (0-based array of 1-based columns). */
export type ReadGrid = Array<Array<ReadCell | undefined> | undefined>;

/**
 * The whole-grid mode's grid from a sheet's cells: empty cells without a formula are left out,
 * and so is the formula of a shared clone whose master was not found.
 */
export function gridOf(cells: Iterable<RawCell>, valueOf: (cell: RawCell) => ReadCell["value"]): ReadGrid {
  const grid: ReadGrid = [];
  for (const cell of cells) {
    const value = valueOf(cell);
    const formula = cell.formula !== undefined && !cell.shared ? `=${cell.formula}` : undefined;
    if (value === null && formula === undefined) continue;
    (grid[cell.row - 1] ??= [])[cell.column - 1] = formula === undefined ? { value } : { value, formula };
  }
  return grid;
}

/** A grid in Office.js's `formulas` (formula text where there is one) or `values` view. */
export function gridView(grid: ReadGrid, view: "formulas" | "values"): unknown[][] {
  const result: unknown[][] = [];
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    const cells: unknown[] = [];
    if (row) {
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        cells.push(
          cell ? (view === "formulas" && cell.formula !== undefined ? cell.formula : cell.value) : null,
        );
      }
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    }
    result.push(cells);
  }
  return result;
}
