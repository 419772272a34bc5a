/**
 * The few SpreadsheetML parts the figure reader needs, read into small plain values: the
 * workbook's sheets, defined names and date system, a part's relationships, the shared strings,
 * and only the wanted cells of a sheet. Elements are found by plain search; an element whose
 * markup is plain (no attribute but the usual ones, only XML's five named entities, no line
 * break to normalize) is read as found, any other goes through saxes, a streaming parser, so
 * every writer's shape reads as a parser reads it. Browser-safe: strings in, values out.
 */
import { decodeXML } from "entities";
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

const decoder = new TextDecoder("utf-8");
/** One character per byte, for search only (the browser's "latin1" is windows-1252: also one per byte). */
const latin1Decoder = new TextDecoder("latin1");

/**
 * A part's bytes seen two ways: `scan`, one character per byte, where markup is found by plain
 * search at byte offsets without decoding any text, and `utf8(from, to)`, the real text of a
 * piece. A Vietnamese part costs some forty times more to decode as UTF-8 than to copy byte for
 * byte, and the reader needs only a few pieces of most parts.
 */
export class PartText {
  private scanned?: string;
  private decoded?: string;

  constructor(readonly bytes: Uint8Array) {}

  /** The bytes as Latin-1 text: index i is byte i. Markup is ASCII, so it reads the same. */
  get scan(): string {
    if (this.scanned === undefined) {
      const bytes = this.bytes;
      this.scanned =
        typeof Buffer === "function"
          ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1")
          : latin1Decoder.decode(bytes);
    }
    return this.scanned;
  }

  /** The text of bytes `from` to `to` (the whole part by default). */
  utf8(from = 0, to = this.bytes.length): string {
    if (from === 0 && to === this.bytes.length) return (this.decoded ??= decoder.decode(this.bytes));
    return decoder.decode(this.bytes.subarray(from, to));
  }

  /** The text of byte ranges, adjacent ones decoded together. */
  pieces(ranges: ReadonlyArray<readonly [number, number]>): string {
    const texts: string[] = [];
    for (let i = 0; i < ranges.length;) {
      const from = ranges[i][0];
      let to = ranges[i][1];
      for (i++; i < ranges.length && ranges[i][0] === to; i++) to = ranges[i][1];
      texts.push(this.utf8(from, to));
    }
    return texts.join("");
  }
}

/** An ampersand that does not start one of XML's five named entities (a numeric reference, or an error). */
const OTHER_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos);)/;
/**
 * Anything but printable ASCII in the one-byte view: such text is decoded as UTF-8 from its bytes.
 * (Any character, not a byte range, whatever the one-byte decoder makes of 0x80–0x9F: a
 * browser's windows-1252 maps them elsewhere.)
 */
const NON_ASCII = /[^\t\n\r\x20-\x7e]/;

/**
 * The text of an element's content found by search (`raw`: no markup inside, real characters),
 * or undefined when it needs the parser: a line break to normalize (`\r`), or a reference other
 * than the five named entities. Most of what the reader needs (numbers, shared-string indexes,
 * identifiers, formulas, sheet references) is such text, and reading it as found spares saxes
 * the markup around it.
 */
function plainText(raw: string): string | undefined {
  if (raw.includes("\r")) return undefined;
  if (!raw.includes("&")) return raw;
  return OTHER_AMPERSAND.test(raw) ? undefined : decodeXML(raw);
}

/** The real text of bytes `from` to `to` of `part`, whose one-byte view there is `scanned`. */
function textAt(part: PartText, scanned: string, from: number): string {
  return !NON_ASCII.test(scanned) ? scanned : part.utf8(from, from + scanned.length);
}

export interface WorkbookPart {
  /** Sheets in tab order: name and relationship id. */
  sheets: Array<{ name: string; rid: string }>;
  /** Workbook-scoped defined names by upper-cased name → reference text. */
  names: Map<string, string>;
  /** The 1904 date system (Excel for Mac files of old): serials count from 1904. */
  date1904: boolean;
}

/** A defined name element with its attributes and text, no markup inside. */
const DEFINED_NAME = /<definedName\s([^>]*)>([^<]*)<\/definedName>/g;
const NAME_ATTRIBUTE = /(?:^|\s)name="([^"]*)"/;
const SCOPE_ATTRIBUTE = /(?:^|\s)localSheetId=/;
const BLANK = /^\s*$/;

/**
 * The workbook-wide defined names of `<definedNames>` (the bulk of a CCHC workbook's
 * workbook.xml: one per figure), read as found when every one is plain (`<definedName
 * name="…">text</definedName>`, named entities only); undefined otherwise (the whole part is
 * then parsed).
 */
function plainDefinedNames(section: string): Map<string, string> | undefined {
  const names = new Map<string, string>();
  let next = 0;
  DEFINED_NAME.lastIndex = 0;
  for (let match = DEFINED_NAME.exec(section); match; match = DEFINED_NAME.exec(section)) {
    // Anything but white space between two names is markup the search does not read.
    if (match.index !== next && !BLANK.test(section.slice(next, match.index))) return undefined;
    next = DEFINED_NAME.lastIndex;
    const attributes = match[1];
    // A quote out of place: some attribute value holds a `>` (or is single-quoted); let saxes read it.
    if (attributes.includes("'") || quotes(attributes) % 2 === 1) return undefined;
    const rawName = NAME_ATTRIBUTE.exec(attributes)?.[1];
    const name = rawName === undefined ? undefined : plainText(rawName);
    const text = plainText(match[2]);
    if (name === undefined || text === undefined) return undefined;
    // A name scoped to one sheet is not one of ours (ours are workbook-wide).
    if (SCOPE_ATTRIBUTE.test(attributes)) continue;
    const key = name.toUpperCase();
    if (!names.has(key)) names.set(key, text.trim());
  }
  return BLANK.test(section.slice(next)) ? names : undefined;
}

/** How many `"` the text holds. */
function quotes(text: string): number {
  let count = 0;
  for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) count++;
  return count;
}

/**
 * `xl/workbook.xml`. Its defined names are read as found when they are plain (see
 * `plainDefinedNames`), and the rest of the part, a few sheets and settings, goes through saxes.
 */
export function parseWorkbook(xml: string): WorkbookPart {
  const start = xml.indexOf("<definedNames>");
  const end = start < 0 ? -1 : xml.indexOf("</definedNames>", start);
  const plain = end < 0 ? undefined : plainDefinedNames(xml.slice(start + "<definedNames>".length, end));
  const result: WorkbookPart = { sheets: [], names: plain ?? new Map(), date1904: false };
  let name: string | undefined;
  let text = "";
  parse(plain ? xml.slice(0, start) + xml.slice(end + "</definedNames>".length) : xml, {
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

/** A string item of one run: no rich text, no phonetic run. Most items are; the others go through saxes. */
const PLAIN_ITEM = /^<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>$/;
const PLAIN_ITEM_END = "</t></si>";

/** Long strings already parsed, by their XML: the form stored in every workbook of a province. */
const longItems = new Map<string, string>();
/** From this length a string item is remembered (the stored form's chunks are some 30 KB each). */
const LONG_ITEM = 4096;
/** At most this many remembered (a few forms' chunks); then the memory starts anew. */
const LONG_ITEMS_KEPT = 64;

/**
 * The shared strings part's strings by index (all of them, or only `wanted`). A commune's
 * workbook holds hundreds of strings of which its figures use some: the `<si>` elements are
 * found by plain search, and only the wanted ones are decoded and parsed, as one small
 * document. The stored form's chunks (long JSON dense with `&quot;`, the same in every workbook
 * of a form) are parsed once and remembered. A part with CDATA or comments, whose text could
 * hold a literal `<si>`, is parsed whole.
 */
export function parseSharedStrings(part: PartText, wanted?: ReadonlySet<number>): Map<number, string> {
  if (part.bytes.length === 0 || wanted?.size === 0) return new Map();
  const last = wanted ? Math.max(...wanted) : Infinity;
  const scan = part.scan;
  if (!wanted || scan.includes("<![CDATA[") || scan.includes("<!--"))
    return stringItems(part.utf8(), (i) => !wanted || wanted.has(i), last);
  const prefix = /<(\w+:)?sst[\s>]/.exec(scan.slice(0, 512))?.[1] ?? "";
  const open = `<${prefix}si`;
  const close = `</${prefix}si>`;
  const strings = new Map<number, string>();
  const ranges: Array<[number, number]> = [];
  const rangeIndexes: number[] = [];
  const long: Array<[number, string]> = [];
  let index = -1;
  for (let at = scan.indexOf(open); at >= 0 && index < last; at = scan.indexOf(open, at + 1)) {
    if (!endsName(scan[at + open.length])) continue;
    index++;
    // An item not wanted is only counted (a `<` in its text is escaped: the next `<si` is the next item).
    if (!wanted.has(index)) continue;
    if (scan[scan.indexOf(">", at) - 1] === "/") {
      // `<si/>`: an empty string.
      strings.set(index, "");
      continue;
    }
    const end = scan.indexOf(close, at);
    if (end < 0) break; // a cut part: what was found is all there is
    const to = end + close.length;
    // A long item (a chunk of the stored form) is remembered below instead.
    const run = prefix === "" && to - at < LONG_ITEM ? PLAIN_ITEM.exec(scan.slice(at, to)) : null;
    const text = run
      ? plainText(textAt(part, run[1], to - PLAIN_ITEM_END.length - run[1].length))
      : undefined;
    if (text !== undefined) {
      // `<si><t>text</t></si>`: the text as found.
      strings.set(index, own(text));
      at = end;
      continue;
    }
    // The key is the item's bytes as one-byte text, copied so as not to keep the part alive.
    const key = to - at >= LONG_ITEM ? (" " + scan.slice(at, to)).slice(1) : undefined;
    const known = key === undefined ? undefined : longItems.get(key);
    if (known !== undefined) strings.set(index, known);
    else {
      if (key !== undefined) long.push([index, key]);
      ranges.push([at, to]);
      rangeIndexes.push(index);
    }
    at = end;
  }
  if (ranges.length > 0) {
    const parsed = stringItems(`<sst>${part.pieces(ranges)}</sst>`, () => true, Infinity);
    rangeIndexes.forEach((original, i) => strings.set(original, parsed.get(i) ?? ""));
  }
  for (const [original, key] of long) {
    if (longItems.size >= LONG_ITEMS_KEPT) longItems.clear();
    longItems.set(key, strings.get(original)!);
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
 * The content of a plain cell: an optional formula and an optional value, neither with an
 * attribute. Numbers, shared-string indexes and formulas look like this; anything else (inline
 * text, shared formulas, a prefix) goes through saxes.
 */
const PLAIN_CELL_CONTENT = /^(?:<f>([^<]*)<\/f>)?(?:<v>([^<]*)<\/v>)?$/;
/** The type attribute of a cell's start tag. */
const CELL_TYPE = /\st="([^"]*)"/;

type Cell = RawCell & { row: number; column: number };

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

/** XML white space: space, tab, line feed, carriage return. */
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/**
 * The cells of a worksheet part that `wanted(row, column)` picks, found by plain search for
 * their start tags and `r` attributes (nothing is built for the others). A plain cell (a
 * number, a shared-string index, a formula, a text) is read from its markup as found; the
 * others' elements are parsed by saxes, as one small document. Cells without `r` are not seen
 * (the callers check for them). `found` counts the cells picked.
 */
function pickCells(
  part: PartText,
  wanted: (row: number, column: number) => boolean,
): { cells: Map<string, Cell>; found: number } {
  const scan = part.scan;
  const cells = new Map<string, Cell>();
  const ranges: Array<[number, number]> = [];
  let found = 0;
  // The cells' element name: `c`, or `x:c` where the sheet's elements carry a prefix.
  const prefix = /<(\w+:)?sheetData[\s>/]/.exec(scan);
  if (!prefix) return { cells, found };
  const name = `${prefix[1] ?? ""}c`;
  const open = `<${name}`;
  const close = `</${name}>`;
  // A `<` in XML text is always escaped, so every match is a real start tag.
  for (let at = scan.indexOf(open, prefix.index); at >= 0; at = scan.indexOf(open, at + 1)) {
    if (!isSpace(scan.charCodeAt(at + open.length))) continue; // `<col`, `<cfRule` …
    const tag = cellTagAt(scan, at);
    if (!tag || !wanted(tag.row, tag.column)) continue;
    found++;
    const tagText = scan.slice(at, tag.end + 1);
    const plain = name === "c";
    if (scan.charCodeAt(tag.end - 1) === 47 /* "/" */) {
      if (plain) putCell(cells, tag.row, tag.column, CELL_TYPE.exec(tagText)?.[1] ?? "n", "");
      else ranges.push([at, tag.end + 1]);
      continue;
    }
    const contentFrom = tag.end + 1;
    const end = scan.indexOf(close, contentFrom);
    if (end < 0) break; // a cut part: the parse of what was found reports nothing more
    const content = plain ? PLAIN_CELL_CONTENT.exec(scan.slice(contentFrom, end)) : null;
    // `<f>` is 3 bytes, `</v>` 4: where the texts start in the part.
    const formula =
      content?.[1] === undefined ? undefined : plainText(textAt(part, content[1], contentFrom + 3));
    const value =
      content?.[2] === undefined ? "" : plainText(textAt(part, content[2], end - 4 - content[2].length));
    if (content && value !== undefined && (formula !== undefined || content[1] === undefined))
      putCell(cells, tag.row, tag.column, CELL_TYPE.exec(tagText)?.[1] ?? "n", value, formula);
    else ranges.push([at, end + close.length]);
    at = end;
  }
  if (ranges.length > 0) {
    // The fragments carry their own `r`; the wrapper only makes them one well-formed document.
    const parsed = parseSheetCells(`<sheetData><row>${part.pieces(ranges)}</row></sheetData>`, () => true);
    for (const [key, cell] of parsed) cells.set(key, cell);
  }
  return { cells, found };
}

/**
 * The cells at `addresses` (`D12` …, or [row, column]) of a worksheet part, read as `pickCells`
 * reads them, which spares parsing the hundreds of label and style cells around a figure. When some address is
 * not found and some cell of the part has no `r`, the part is parsed whole instead (the search
 * for such a cell scans the whole part, so it is made only then). Absent cells are simply not
 * in the result.
 */
export function parseCellsAt(
  part: PartText,
  addresses: ReadonlyArray<string | readonly [row: number, column: number]>,
): Map<string, Cell> {
  // Positions as one number each (a sheet has at most 16,384 columns).
  const positions = new Set(
    addresses.map((address) =>
      typeof address === "string" ? positionOf(...rowColumn(address)) : positionOf(address[0], address[1]),
    ),
  );
  const picked = (row: number, column: number) => positions.has(positionOf(row, column));
  const { cells, found } = pickCells(part, picked);
  if (found < positions.size && CELL_WITHOUT_REFERENCE.test(part.scan))
    return parseSheetCells(part.utf8(), picked);
  return cells;
}

const positionOf = (row: number, column: number) => row * 16_385 + column;

/**
 * The cells of a worksheet part that `wanted(row, column)` picks (a small sheet's columns, a
 * list below its header), read as `pickCells` reads them; a part where some cell has no `r` is
 * parsed whole.
 */
export function parseCellsWhere(
  part: PartText,
  wanted: (row: number, column: number) => boolean,
): Map<string, Cell> {
  if (CELL_WITHOUT_REFERENCE.test(part.scan)) return parseSheetCells(part.utf8(), wanted);
  return pickCells(part, wanted).cells;
}

/** Puts a plain cell read from its markup, its texts copied off the part's text. */
function putCell(
  cells: Map<string, Cell>,
  row: number,
  column: number,
  type: string,
  value: string,
  formula?: string,
): void {
  const cell: Cell = { type, value: own(value), row, column };
  if (formula !== undefined) cell.formula = own(formula);
  cells.set(`${row}:${column}`, cell);
}

/**
 * A copy of a string that shares no memory with the XML it came from. A parser's strings are
 * slices of the whole part's text, and a kept slice keeps the whole part alive: over hundreds of
 * files, the figures would hold every sheet read. V8 copies a short string when slicing it
 * (under 13 characters); a longer one is copied by flattening a concatenation, five times
 * cheaper than a JSON round trip.
 */
export function own(value: string): string {
  return value.length < 13 ? value : (" " + value).slice(1);
}
