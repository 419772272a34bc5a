/**
 * The few SpreadsheetML parts the figure reader needs, parsed by streaming (saxes) into small
 * plain values: the workbook's sheets, defined names and date system, a part's relationships,
 * the shared strings, and only the wanted cells of a sheet. Browser-safe: strings in, values out.
 */
import { SaxesParser } from "saxes";

interface Handlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Thrown by a handler to stop reading a part once everything wanted was seen. */
class Enough extends Error {}
/** One instance, thrown again and again: building an Error (its stack) costs more than the parse it saves. */
const ENOUGH = new Enough("enough");

/** Element names without their namespace prefix (`x:c` → `c`), as writers differ. */
const local = (name: string) => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

/** Streams `xml` through the handlers; a handler may stop early by calling `stop()`. */
function parse(xml: string, handlers: Handlers): void {
  const parser = new SaxesParser({ position: false });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (node) => open(local(node.name), node.attributes as Record<string, string>));
  }
  if (handlers.text) {
    const text = handlers.text;
    parser.on("text", text);
    parser.on("cdata", text);
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (node) => close(local(node.name)));
  }
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error !== ENOUGH) throw error;
  }
}

/** Stops the current parse (from inside a handler). */
export function stop(): never {
  throw ENOUGH;
}

export interface WorkbookPart {
  /** Sheets in tab order: name and relationship id. */
  sheets: Array<{ name: string; rid: string }>;
  /** Workbook-scoped defined names by upper-cased name → reference text. */
  names: Map<string, string>;
  /** The 1904 date system (Excel for Mac files of old): serials count from 1904. */
  date1904: boolean;
}

/** `xl/workbook.xml` */
export function parseWorkbook(xml: string): WorkbookPart {
  const result: WorkbookPart = { sheets: [], names: new Map(), date1904: false };
  let name: string | undefined;
  let text = "";
  parse(xml, {
    open(element, a) {
      if (element === "sheet") {
        const rid = Object.entries(a).find(([k]) => local(k) === "id")?.[1] ?? "";
        result.sheets.push({ name: a.name ?? "", rid });
      } else if (element === "workbookPr") {
        result.date1904 = a.date1904 === "1" || a.date1904 === "true";
      } else if (element === "definedName") {
        // A name scoped to one sheet is not one of ours (ours are workbook-wide).
        name = a.localSheetId === undefined ? a.name : undefined;
        text = "";
      }
    },
    text(t) {
      if (name !== undefined) text += t;
    },
    close(element) {
      if (element === "definedName" && name !== undefined) {
        if (!result.names.has(name.toUpperCase())) result.names.set(name.toUpperCase(), text.trim());
        name = undefined;
      }
    },
  });
  return result;
}

/** A `.rels` part: relationship id → target, and the targets by type suffix (`sharedStrings`). */
export function parseRelationships(xml: string): { byId: Map<string, string>; byType: Map<string, string> } {
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  parse(xml, {
    open(element, a) {
      if (element !== "Relationship") return;
      byId.set(a.Id, a.Target);
      const type = (a.Type ?? "").split("/").pop() ?? "";
      if (!byType.has(type)) byType.set(type, a.Target);
    },
  });
  return { byId, byType };
}

/** Whether a character ends a tag name (`>`, `/` or XML white space). */
const endsName = (char: string) =>
  char === ">" || char === "/" || char === " " || char === "\t" || char === "\n" || char === "\r";

/** The text of the `<si>` elements of `xml` by their order: rich text runs joined, phonetic runs left out. */
function stringItems(xml: string, keep: (index: number) => boolean, last: number): Map<number, string> {
  const strings = new Map<number, string>();
  let index = -1;
  let text = "";
  let inText = false;
  let phonetic = 0;
  parse(xml, {
    open(element) {
      if (element === "si") {
        index++;
        text = "";
      } else if (element === "rPh") phonetic++;
      else if (element === "t" && phonetic === 0 && keep(index)) inText = true;
    },
    text(t) {
      if (inText) text += t;
    },
    close(element) {
      if (element === "t") inText = false;
      else if (element === "rPh") phonetic--;
      else if (element === "si") {
        if (keep(index)) strings.set(index, text);
        if (index >= last) stop();
      }
    },
  });
  return strings;
}

/** Long strings already parsed, by their XML: the form stored in every workbook of a province. */
const longItems = new Map<string, string>();
/** From this length a string item is remembered (the stored form's chunks are some 30 KB each). */
const LONG_ITEM = 4096;
/** At most this many remembered (a few forms' chunks); then the memory starts anew. */
const LONG_ITEMS_KEPT = 64;

/**
 * The shared strings part's strings by index (all of them, or only `wanted`). A commune's
 * workbook holds hundreds of strings of which its figures use some: the `<si>` elements are
 * found by plain text search, and only the wanted ones are parsed, as one small document. The
 * stored form's chunks (long JSON dense with `&quot;`, the same in every workbook of a form) are
 * parsed once and remembered. A part with CDATA or comments, whose text could hold a literal
 * `<si>`, is parsed whole.
 */
export function parseSharedStrings(xml: string, wanted?: ReadonlySet<number>): Map<number, string> {
  if (xml === "" || wanted?.size === 0) return new Map();
  const last = wanted ? Math.max(...wanted) : Infinity;
  if (!wanted || xml.includes("<![CDATA[") || xml.includes("<!--"))
    return stringItems(xml, (i) => !wanted || wanted.has(i), last);
  const prefix = /<(\w+:)?sst[\s>]/.exec(xml.slice(0, 512))?.[1] ?? "";
  const open = `<${prefix}si`;
  const close = `</${prefix}si>`;
  const strings = new Map<number, string>();
  const fragments: string[] = [];
  const fragmentIndexes: number[] = [];
  const long: Array<[number, string]> = [];
  let index = -1;
  for (let at = xml.indexOf(open); at >= 0 && index < last; at = xml.indexOf(open, at + 1)) {
    if (!endsName(xml[at + open.length])) continue;
    index++;
    if (xml[xml.indexOf(">", at) - 1] === "/") {
      // `<si/>`: an empty string.
      if (wanted.has(index)) strings.set(index, "");
      continue;
    }
    const end = xml.indexOf(close, at);
    if (end < 0) break; // a cut part: what was found is all there is
    if (wanted.has(index)) {
      const item = xml.slice(at, end + close.length);
      const known = item.length >= LONG_ITEM ? longItems.get(item) : undefined;
      if (known !== undefined) strings.set(index, known);
      else {
        if (item.length >= LONG_ITEM) long.push([index, item]);
        fragments.push(item);
        fragmentIndexes.push(index);
      }
    }
    at = end;
  }
  const parsed = stringItems(`<sst>${fragments.join("")}</sst>`, () => true, Infinity);
  fragmentIndexes.forEach((original, i) => strings.set(original, parsed.get(i) ?? ""));
  for (const [original, item] of long) {
    if (longItems.size >= LONG_ITEMS_KEPT) longItems.clear();
    // A copy: the key must not keep the whole part's text alive.
    longItems.set((" " + item).slice(1), strings.get(original)!);
  }
  return strings;
}

/** A cell as stored: its type attribute, its value text, its formula, inline text. */
export interface RawCell {
  /** `s` shared string, `str` formula text, `inlineStr`, `b`, `e`, `n` (default), `d` ISO date. */
  type: string;
  value: string;
  formula?: string;
  /** Set for a formula cell whose formula is shared from another cell (its text is not here). */
  shared?: boolean;
}

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

/**
 * The wanted cells of a worksheet part, by address. `wanted(row, column)` picks them;
 * reading stops after `lastRow` (rows are stored in order), so a figure sheet is read only as
 * far as its last named cell.
 */
export function parseSheetCells(
  xml: string,
  wanted: (row: number, column: number) => boolean,
  lastRow = Infinity,
): Map<string, RawCell & { row: number; column: number }> {
  const cells = new Map<string, RawCell & { row: number; column: number }>();
  let current: (RawCell & { row: number; column: number }) | undefined;
  let field: "v" | "f" | "t" | undefined;
  let nextRow = 1;
  let nextColumn = 1;
  parse(xml, {
    open(element, a) {
      if (element === "row") {
        const r = a.r ? Number(a.r) : nextRow;
        if (r > lastRow) stop();
        nextRow = r;
        nextColumn = 1;
      } else if (element === "c") {
        // `r` may be left out; then the cell follows the previous one.
        const [row, column] = a.r ? rowColumn(a.r) : [nextRow, nextColumn];
        nextColumn = column + 1;
        current = wanted(row, column) ? { type: a.t ?? "n", value: "", row, column } : undefined;
      } else if (current && (element === "v" || element === "f" || element === "t")) {
        field = element;
        if (element === "f") {
          current.formula = "";
          if (a.t === "shared" && a.ref === undefined) current.shared = true;
        }
      }
    },
    text(t) {
      if (!current || !field) return;
      if (field === "f") current.formula += t;
      else current.value += t;
    },
    close(element) {
      if (element === "v" || element === "f" || element === "t") field = undefined;
      else if (element === "c" && current) {
        cells.set(`${current.row}:${current.column}`, current);
        current = undefined;
      } else if (element === "row") nextRow++;
      // What follows the cells (merges, validation with its long prompts, page setup) is not needed.
      else if (element === "sheetData") stop();
    },
  });
  return cells;
}

/** A cell element without its `r` attribute (allowed by the format: it then follows the previous cell). */
const CELL_WITHOUT_REFERENCE = /<(?:\w+:)?c(?=[\s>/])(?![^>]*\sr=")/;

/**
 * The cells at `addresses` (`D12` …) of a worksheet part. The cells are found by their `r`
 * attribute and only their elements are parsed (by saxes, as one small document), which spares
 * parsing the hundreds of label and style cells around a figure. When some address is not
 * found and some cell of the part has no `r`, the part is parsed whole instead (the search for
 * such a cell scans the whole part, so it is made only then). Absent cells are simply not in
 * the result.
 */
export function parseCellsAt(
  xml: string,
  addresses: readonly string[],
): Map<string, RawCell & { row: number; column: number }> {
  const wanted = new Set(addresses);
  const fragments: string[] = [];
  let found = 0;
  // A `<` in XML text is always escaped, so every match is a real cell start tag.
  const cellTag = /<((?:\w+:)?c)\s(?:[^>]*?\s)?r="([A-Z]+\d+)"[^>]*>/g;
  for (let match = cellTag.exec(xml); match; match = cellTag.exec(xml)) {
    if (!wanted.has(match[2])) continue;
    found++;
    const tagEnd = match.index + match[0].length;
    if (match[0].endsWith("/>")) {
      fragments.push(match[0]);
      continue;
    }
    const close = `</${match[1]}>`;
    const end = xml.indexOf(close, tagEnd);
    if (end < 0) break; // a cut part: the parse of what was found reports nothing more
    fragments.push(xml.slice(match.index, end + close.length));
    cellTag.lastIndex = end + close.length;
  }
  if (found < wanted.size && CELL_WITHOUT_REFERENCE.test(xml)) {
    const positions = new Set(addresses.map((a) => rowColumn(a).join(":")));
    return parseSheetCells(xml, (row, column) => positions.has(`${row}:${column}`));
  }
  // The fragments carry their own `r`; the wrapper only makes them one well-formed document.
  return parseSheetCells(`<sheetData><row>${fragments.join("")}</row></sheetData>`, () => true);
}
