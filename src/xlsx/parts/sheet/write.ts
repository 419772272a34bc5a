/**
 * Writes one of our sheets from the core's SheetPlan into its worksheet part. A sheet that
 * exists is edited: the plan's `clear` range is emptied and the planned cells, merges,
 * validation, widths and page setup written; cells, notes, links and rules of the sheet outside
 * what the plan names stay as they were (their style and string indices keep their meaning,
 * since styles and shared strings are only appended to). A new sheet starts from an empty one.
 * Ranges are handled as ranges: a validation over a whole sheet is cut, never expanded.
 */
import { XMLSerializer, type Document, type Element } from "@xmldom/xmldom";
import {
  address as cellAddress,
  columnLetter,
  figureValidationFormula,
  parseAddress,
  planCells,
  type CellPlan,
  type PagePlan,
  type SheetPlan,
  type ValidationPlan,
} from "../../../core/layout/model";
import { serialToWorkbook } from "../../../core/dates";
import { type StylesPart } from "../styles/edit";
import { storedNumber } from "../../../core/layout/dateCells";
import {
  MAIN_NS,
  REL_NS,
  child,
  children,
  createChild,
  elements,
  encodeExcelEscapes,
  ensureChild,
  insertInOrder,
  parseXml,
  removeChildren,
  serializeXml,
  escapeXml,
} from "../../xml/dom";

/** CT_Worksheet's children in schema order. */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

const SHEET_PR_ORDER = ["tabColor", "outlinePr", "pageSetUpPr"];
const SHEET_VIEW_ORDER = ["pane", "selection", "pivotSelection", "extLst"];

export const EMPTY_WORKSHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/></worksheet>`;

/** A rectangular range, 1-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** `C4:C504`, `D5`, `A:A`, `3:3` as a box. */
export function parseRange(range: string): Box {
  const [from, to = from] = range.replace(/\$/g, "").trim().split(":");
  const end = (text: string, first: boolean): { row: number; column: number } => {
    if (/^\d+$/.test(text)) return { row: Number(text), column: first ? 1 : MAX_COLUMN };
    if (/^[A-Z]+$/i.test(text)) {
      const { column } = parseAddress(`${text}1`);
      return { row: first ? 1 : MAX_ROW, column };
    }
    return parseAddress(text);
  };
  const a = end(from, true);
  const b = end(to, false);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

export function intersects(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function inside(box: Box, row: number, column: number): boolean {
  return row >= box.top && row <= box.bottom && column >= box.left && column <= box.right;
}

/** `box` minus `cut`: at most four boxes, never a cell list (a whole-sheet rule stays four ranges). */
export function subtractBox(box: Box, cut: Box): Box[] {
  if (!intersects(box, cut)) return [box];
  const result: Box[] = [];
  if (box.top < cut.top) result.push({ ...box, bottom: cut.top - 1 });
  if (box.bottom > cut.bottom) result.push({ ...box, top: cut.bottom + 1 });
  const top = Math.max(box.top, cut.top);
  const bottom = Math.min(box.bottom, cut.bottom);
  if (box.left < cut.left) result.push({ top, bottom, left: box.left, right: cut.left - 1 });
  if (box.right > cut.right) result.push({ top, bottom, left: cut.right + 1, right: box.right });
  return result;
}

export function boxText(box: Box): string {
  const a = cellAddress(box.left, box.top);
  const b = cellAddress(box.right, box.bottom);
  return a === b ? a : `${a}:${b}`;
}

/** `'Sheet name'`, quoted as Excel writes sheet names in references. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The cached text standing for the core's empty result (see the template writer). */
export const EMPTY_CACHED_TEXT = "\u00A0";

/** The serials of the plan are 1900-based; a 1904 workbook stores them 1462 lower (core/layout/dateCells.ts). */
export interface DateSystem {
  date1904: boolean;
  toWorkbook(serial: number): number;
}

export function dateSystem(date1904: boolean): DateSystem {
  return { date1904, toWorkbook: (serial) => serialToWorkbook(serial, date1904) };
}

/** What writing a sheet needs from the workbook around it. */
export interface SheetContext {
  styles: StylesPart;
  dates: DateSystem;
  /** A new sheet's skeleton, in the package's conformance (`EMPTY_WORKSHEET` by default). */
  emptySheet?: string;
}

/** A formula cell found in the cleared range: its formula and cached value, raw. */
type Prior = Map<string, { formula: string; type: string | null; value: string | null }>;

function cellRefOf(c: Element): [number, number] | undefined {
  const r = c.getAttribute("r");
  const m = r ? /^([A-Z]{1,3})(\d+)$/.exec(r) : null;
  return m ? [Number(m[2]), parseAddress(`${m[1]}1`).column] : undefined;
}

/** Gives every row and cell an explicit `r` (the schema lets them be implicit), so edits can place them. */
function indexSheetData(sheetData: Element): Map<number, { row: Element; cells: Map<number, Element> }> {
  const rows = new Map<number, { row: Element; cells: Map<number, Element> }>();
  let rowNumber = 0;
  for (const row of children(sheetData, "row")) {
    const r = row.getAttribute("r");
    rowNumber = r ? Number(r) : rowNumber + 1;
    if (!r) row.setAttribute("r", String(rowNumber));
    const cells = new Map<number, Element>();
    let column = 0;
    for (const c of children(row, "c")) {
      const at = cellRefOf(c);
      column = at ? at[1] : column + 1;
      if (!at) c.setAttribute("r", cellAddress(column, rowNumber));
      cells.set(column, c);
    }
    rows.set(rowNumber, { row, cells });
  }
  return rows;
}

/** A cell's opening tag: `<c r="…" s="…" t="…">` (`p`: the sheet's prefix for SpreadsheetML). */
function openCell(p: string, address: string, style: number, type?: string): string {
  return `<${p}c r="${address}" s="${style}"${type ? ` t="${type}"` : ""}>`;
}

/**
 * A cell holding `value` after its formula element `formula` ("" for none). A number's text
 * needs no escaping; a text is escaped for Excel (`_xHHHH_`) and for XML. Written as plain
 * functions, not closures made per cell: a country's breakdown has some 300,000 cells.
 */
function valueXml(
  p: string,
  address: string,
  style: number,
  value: string | number | boolean,
  formula: string,
): string {
  const close = `</${p}c>`;
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? `${openCell(p, address, style)}${formula}<${p}v>${value}</${p}v>${close}`
      : `${openCell(p, address, style, "e")}${formula}<${p}v>#NUM!</${p}v>${close}`;
  }
  if (typeof value === "boolean")
    return `${openCell(p, address, style, "b")}${formula}<${p}v>${value ? "1" : "0"}</${p}v>${close}`;
  if (formula)
    return `${openCell(p, address, style, "str")}${formula}<${p}v>${escapeXml(encodeExcelEscapes(value))}</${p}v>${close}`;
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : "";
  return `${openCell(p, address, style, "inlineStr")}<${p}is><${p}t${space}>${escapeXml(encodeExcelEscapes(value))}</${p}t></${p}is>${close}`;
}

/** A planned cell as XML, `p` being the prefix the sheet binds to SpreadsheetML ("" or "x:"). */
function cellXml(p: string, plan: CellPlan, style: number, prior: Prior, dates: DateSystem): string {
  const address = plan.address;
  if (plan.formula !== undefined) {
    const formula = plan.formula.replace(/^=/, "");
    const f = `<${p}f>${escapeXml(formula)}</${p}f>`;
    const cached = plan.cached === "" ? EMPTY_CACHED_TEXT : plan.cached;
    // A date formula's cached day is a 1900 serial too (CCHC.DENNGAY …): stored in the workbook's system.
    if (typeof cached === "number")
      return valueXml(p, address, style, storedNumber(cached, plan.style?.numberFormat, dates.date1904), f);
    if (cached !== undefined) return valueXml(p, address, style, cached, f);
    const before = prior.get(address);
    if (before && before.formula === formula && before.value !== null)
      return `${openCell(p, address, style, before.type ?? undefined)}${f}<${p}v>${escapeXml(before.value)}</${p}v></${p}c>`;
    return `${openCell(p, address, style)}${f}</${p}c>`;
  }
  const value = plan.value ?? null;
  if (value === null) return `${openCell(p, address, style)}</${p}c>`;
  if (typeof value === "number")
    return valueXml(p, address, style, storedNumber(value, plan.style?.numberFormat, dates.date1904), "");
  return valueXml(p, address, style, value, "");
}

/** Serializes a kept element of the sheet on its own, without repeating the sheet's namespace. */
function keptXml(element: Element, root: Element): string {
  const text = new XMLSerializer().serializeToString(element);
  const declaration = root.prefix
    ? ` xmlns:${root.prefix}="${root.namespaceURI}"`
    : ` xmlns="${root.namespaceURI}"`;
  const end = text.indexOf(">");
  const at = text.indexOf(declaration);
  return at >= 0 && at < end ? text.slice(0, at) + text.slice(at + declaration.length) : text;
}

/** Marks the sheet data element whose rows are spliced in as text after serialization. */
const ROWS_MARKER = "cchc-rows";

/** A made row's cells by column, in column order; of two at one address, the later (as a map keeps it). */
function inColumns(cells: readonly CellPlan[]): Array<[number, CellPlan]> {
  const pairs = cells.map((cell): [number, CellPlan] => [parseAddress(cell.address).column, cell]);
  let ordered = true;
  for (let i = 1; i < pairs.length && ordered; i++) ordered = pairs[i - 1][0] < pairs[i][0];
  if (ordered) return pairs;
  return [...new Map(pairs)].sort((a, b) => a[0] - b[0]);
}

/**
 * Writes the rows: the plan's cells (emptying `clear` first) among the cells kept. Cells are
 * built as text, not as DOM nodes: a report of 10,000 documents has tens of thousands of them.
 * Returns the cleared box and the rows' writer: `finishSheet` calls it to push the rows' XML
 * row by row (the plan's `rows` made only then), so that a consolidation's breakdown of 3,300
 * units is never held whole, neither as cells nor as text.
 */
function writeCells(
  root: Element,
  plan: SheetPlan,
  ctx: SheetContext,
): { clear?: Box; rows: (push: (xml: string) => void) => void } {
  const sheetData = ensureChild(root, "sheetData", WORKSHEET_ORDER);
  const rows = indexSheetData(sheetData);
  const clear = plan.clear ? parseRange(plan.clear) : undefined;
  const prior: Prior = new Map();
  const changed = new Set<number>();
  if (clear) {
    for (const [r, { cells }] of rows) {
      if (r < clear.top || r > clear.bottom) continue;
      for (const [column, c] of cells) {
        if (column < clear.left || column > clear.right) continue;
        const f = child(c, "f");
        const v = child(c, "v");
        if (f && f.textContent) {
          prior.set(cellAddress(column, r), {
            formula: f.textContent,
            type: c.getAttribute("t"),
            value: v ? v.textContent : null,
          });
        }
        cells.delete(column);
        changed.add(r);
      }
    }
  }
  const p = root.prefix ? `${root.prefix}:` : "";
  const xmlOf = (cell: CellPlan) =>
    cellXml(p, cell, ctx.styles.cellFormat(cell.style, plan.font), prior, ctx.dates);
  /** Cells by row, then column: the plan's own, and (when asked) a made row's. */
  const byRow = (cells: readonly CellPlan[], into = new Map<number, Map<number, CellPlan>>()) => {
    for (const cell of cells) {
      const { row, column } = parseAddress(cell.address);
      let line = into.get(row);
      if (!line) into.set(row, (line = new Map()));
      line.set(column, cell);
    }
    return into;
  };
  const planned = byRow(plan.cells);
  const made = plan.rows;
  const heights = new Map(Object.entries(plan.rowHeights ?? {}).map(([r, h]) => [Number(r), h]));
  const numbers = new Set([...rows.keys(), ...planned.keys(), ...heights.keys()]);
  for (let i = 0; made && i < made.count; i++) numbers.add(made.first + i);
  const order = [...numbers].sort((a, b) => a - b);

  const rowXml = (r: number): string | undefined => {
    const old = rows.get(r);
    const madeHere = made && r >= made.first && r < made.first + made.count;
    const height = heights.get(r);
    if (!old) {
      // A row the sheet did not have (every row of a new sheet): its cells in column order.
      const cells = madeHere ? inColumns(made.cells(r - made.first)) : [...(planned.get(r) ?? [])];
      if (cells.length === 0 && height === undefined) return undefined;
      if (!madeHere) cells.sort((a, b) => a[0] - b[0]);
      const ht = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
      return `<${p}row r="${r}"${ht}>${cells.map(([, cell]) => xmlOf(cell)).join("")}</${p}row>`;
    }
    const mine = madeHere ? new Map(inColumns(made.cells(r - made.first))) : planned.get(r);
    if (old && !mine && height === undefined && !changed.has(r)) return keptXml(old.row, root);
    const attrs = new Map<string, string>();
    if (old) {
      for (let i = 0; i < old.row.attributes.length; i++) {
        const a = old.row.attributes.item(i)!;
        attrs.set(a.name, a.value);
      }
    }
    attrs.set("r", String(r));
    attrs.delete("spans"); // only a hint, and it may no longer hold
    if (height !== undefined) {
      attrs.set("ht", String(height));
      attrs.set("customHeight", "1");
    }
    const cells = new Map<number, string>();
    for (const [column, c] of old?.cells ?? []) if (!mine?.has(column)) cells.set(column, keptXml(c, root));
    for (const [column, cell] of mine ?? []) cells.set(column, xmlOf(cell));
    const others = old
      ? elements(old.row)
          .filter((e) => e.localName !== "c")
          .map((e) => keptXml(e, root))
      : [];
    if (
      cells.size === 0 &&
      others.length === 0 &&
      !attrs.has("ht") &&
      !attrs.has("hidden") &&
      !attrs.has("s")
    )
      return undefined;
    const head = [...attrs].map(([name, value]) => ` ${name}="${escapeXml(value)}"`).join("");
    const body =
      [...cells.keys()]
        .sort((a, b) => a - b)
        .map((column) => cells.get(column)!)
        .join("") + others.join("");
    return `<${p}row${head}>${body}</${p}row>`;
  };
  while (sheetData.firstChild) sheetData.removeChild(sheetData.firstChild);
  sheetData.setAttribute(ROWS_MARKER, "1");
  return {
    clear,
    rows: (push) => {
      for (const r of order) {
        const xml = rowXml(r);
        if (xml !== undefined) push(xml);
      }
    },
  };
}

/** Marks the merge list whose entries are spliced in as text after serialization. */
const MERGES_MARKER = "cchc-merges";

/** What `writeSheet` leaves as text, to splice into the marked (empty) elements. */
export interface SheetText {
  /** Pushes the `<row>` elements of the sheet data, in order, each as one piece. */
  rows: (push: (xml: string) => void) => void;
  /** The `<mergeCell>` elements, when the sheet has a merge list. */
  merges: string;
}

/** The marked empty element (`<sheetData … cchc-rows="1"/>`) of `text`, as its opening and closing tags. */
function marked(
  text: string,
  element: string,
  marker: string,
): { at: number; end: number; open: string; close: string } {
  const found = new RegExp(`<((?:[\\w.-]+:)?${element})([^>]*?) ${marker}="1"([^>]*?)/>`).exec(text);
  if (!found) throw new Error(`The sheet lost its marked ${element}`);
  const [whole, name, before, after] = found;
  return {
    at: found.index,
    end: found.index + whole.length,
    open: `<${name}${before}${after}>`,
    close: `</${name}>`,
  };
}

/**
 * Pushes the sheet's XML, in pieces, with its rows and merges in the marked elements: the rows
 * one by one as `written.rows` makes them, so the whole text of a large sheet is never held.
 */
export function finishSheet(doc: Document, written: SheetText, push: (xml: string) => void): void {
  let text = serializeXml(doc);
  if (written.merges) {
    const m = marked(text, "mergeCells", MERGES_MARKER);
    text = text.slice(0, m.at) + m.open + written.merges + m.close + text.slice(m.end);
  }
  // The merge list comes after the sheet data (CT_Worksheet's order): splicing it first keeps
  // the rows' place.
  const r = marked(text, "sheetData", ROWS_MARKER);
  push(text.slice(0, r.at) + r.open);
  written.rows(push);
  push(r.close + text.slice(r.end));
}

/** Column widths and default styles for the plan's columns; other columns keep theirs. */
function writeColumns(root: Element, plan: SheetPlan, ctx: SheetContext): void {
  if (plan.columns.length === 0) return;
  const last = plan.columns.length;
  const cols = ensureChild(root, "cols", WORKSHEET_ORDER);
  const kept: Element[] = [];
  for (const col of children(cols, "col")) {
    cols.removeChild(col);
    const min = Number(col.getAttribute("min"));
    const max = Number(col.getAttribute("max"));
    if (max < 1 || min > last) {
      kept.push(col);
    } else if (max > last) {
      col.setAttribute("min", String(last + 1));
      kept.push(col);
    }
  }
  const style = ctx.styles.cellFormat({}, plan.font);
  const ours = plan.columns.map((width, i) => {
    const col = createChild(cols, "col");
    col.setAttribute("min", String(i + 1));
    col.setAttribute("max", String(i + 1));
    col.setAttribute("width", String(width));
    col.setAttribute("style", String(style));
    col.setAttribute("customWidth", "1");
    return col;
  });
  for (const col of [...kept, ...ours].sort(
    (a, b) => Number(a.getAttribute("min")) - Number(b.getAttribute("min")),
  ))
    cols.appendChild(col);
}

/**
 * Boxes bucketed by blocks of rows, so "does anything here meet this box" costs the boxes near
 * it, not all of them (a report of 10,000 documents has tens of thousands of cells and merges).
 * A box taller than the bucket limit goes into a list every query scans.
 */
export class BoxIndex {
  private static readonly BLOCK = 64;
  private static readonly MAX_BUCKETS = 256;
  private readonly buckets = new Map<number, Box[]>();
  private readonly tall: Box[] = [];

  constructor(boxes: Iterable<Box> = []) {
    for (const box of boxes) this.add(box);
  }

  add(box: Box): void {
    const first = Math.floor(box.top / BoxIndex.BLOCK);
    const last = Math.floor(box.bottom / BoxIndex.BLOCK);
    if (last - first >= BoxIndex.MAX_BUCKETS) {
      this.tall.push(box);
      return;
    }
    for (let b = first; b <= last; b++) {
      const bucket = this.buckets.get(b);
      if (bucket) bucket.push(box);
      else this.buckets.set(b, [box]);
    }
  }

  /** Whether some box meets `box` and passes `accept`. */
  some(box: Box, accept: (other: Box) => boolean = () => true): boolean {
    if (this.tall.some((t) => intersects(t, box) && accept(t))) return true;
    const first = Math.floor(box.top / BoxIndex.BLOCK);
    const last = Math.floor(box.bottom / BoxIndex.BLOCK);
    if (last - first >= BoxIndex.MAX_BUCKETS) {
      for (const bucket of this.buckets.values())
        if (bucket.some((b) => intersects(b, box) && accept(b))) return true;
      return false;
    }
    for (let b = first; b <= last; b++) {
      if (this.buckets.get(b)?.some((o) => intersects(o, box) && accept(o))) return true;
    }
    return false;
  }
}

/**
 * Merges: those reaching into the cleared range or over a planned cell go; the plan's are added.
 * The list is returned as text, spliced in by `finishSheet` (a report of 10,000 documents has
 * 10,000 merges: as DOM nodes they cost more than the rest of the sheet).
 */
function writeMerges(root: Element, plan: SheetPlan, clear: Box | undefined): string {
  const mergeCells = child(root, "mergeCells");
  const existing = mergeCells ? children(mergeCells, "mergeCell") : [];
  if (existing.length === 0 && plan.merges.length === 0) return "";
  const keep: string[] = [];
  if (existing.length > 0) {
    const planned = new BoxIndex(plan.merges.map(parseRange));
    const cells = new BoxIndex(planCells(plan).map((c) => parseRange(c.address)));
    for (const m of existing) {
      const ref = m.getAttribute("ref") ?? "";
      const box = parseRange(ref);
      const clash =
        (clear && intersects(box, clear)) ||
        planned.some(box) ||
        cells.some(box, (c) => !(c.top === box.top && c.left === box.left));
      if (!clash) keep.push(ref);
    }
  }
  const all = [...keep, ...plan.merges.map((m) => m.replace(/\$/g, ""))];
  if (mergeCells) root.removeChild(mergeCells);
  if (all.length === 0) return "";
  const list = insertInOrder(root, createChild(root, "mergeCells"), WORKSHEET_ORDER);
  list.setAttribute("count", String(all.length));
  list.setAttribute(MERGES_MARKER, "1");
  const p = root.prefix ? `${root.prefix}:` : "";
  return all.map((ref) => `<${p}mergeCell ref="${escapeXml(ref)}"/>`).join("");
}

/** A list validation's source: Excel's quoted, comma-separated constant (at most 255 characters). */
function listFormula(values: readonly string[]): string {
  for (const value of values) {
    if (/[,"]/.test(value)) throw new Error(`A list choice cannot hold a comma or a quote: ${value}`);
  }
  const list = `"${values.join(",")}"`;
  if (list.length > 257)
    throw new Error(`A list validation's choices exceed Excel's 255 characters: ${list}`);
  return list;
}

/** `D12` of `D12`, `$D$12:D40` or `D12 F3`: the cell a custom rule's relative formula is written for. */
function firstCellOf(range: string): string {
  return range.replace(/\$/g, "").split(/[\s:]/)[0];
}

function validationElement(parent: Element, plan: ValidationPlan, dates: DateSystem): Element {
  const v = createChild(parent, "dataValidation");
  const doc = parent.ownerDocument!;
  const formulas: string[] = [];
  const rule = plan.rule;
  switch (rule.type) {
    case "wholeNumber":
    case "decimal":
      v.setAttribute("type", rule.type === "wholeNumber" ? "whole" : "decimal");
      v.setAttribute("operator", rule.max === undefined ? "greaterThanOrEqual" : "between");
      formulas.push(String(rule.min));
      if (rule.max !== undefined) formulas.push(String(rule.max));
      break;
    case "list":
      v.setAttribute("type", "list");
      formulas.push(listFormula(rule.values));
      break;
    case "date":
      v.setAttribute("type", "date");
      v.setAttribute("operator", "between");
      formulas.push(String(dates.toWorkbook(rule.min)), String(dates.toWorkbook(rule.max)));
      break;
    case "figureOrText":
      v.setAttribute("type", "custom");
      formulas.push(figureValidationFormula(rule, firstCellOf(plan.range)));
      break;
  }
  v.setAttribute("allowBlank", "1");
  v.setAttribute("showErrorMessage", "1");
  v.setAttribute("errorTitle", plan.error.title);
  v.setAttribute("error", plan.error.message);
  if (plan.prompt) {
    v.setAttribute("showInputMessage", "1");
    v.setAttribute("promptTitle", plan.prompt.title);
    v.setAttribute("prompt", plan.prompt.message);
  }
  v.setAttribute("sqref", plan.range.replace(/\$/g, ""));
  formulas.forEach((text, i) => {
    const f = createChild(v, `formula${i + 1}`);
    f.appendChild(doc.createTextNode(text));
    v.appendChild(f);
  });
  return v;
}

/** Validation: rules over the cleared or planned ranges are cut back (as ranges), the plan's added. */
function writeValidations(root: Element, plan: SheetPlan, clear: Box | undefined, dates: DateSystem): void {
  const cuts = [...(clear ? [clear] : []), ...plan.validations.map((v) => parseRange(v.range))];
  let list = child(root, "dataValidations");
  if (!list && plan.validations.length === 0) return;
  list ??= insertInOrder(root, createChild(root, "dataValidations"), WORKSHEET_ORDER);
  for (const v of children(list, "dataValidation")) {
    const refs = (v.getAttribute("sqref") ?? "").trim().split(/\s+/).filter(Boolean);
    let boxes = refs.map(parseRange);
    const hit = boxes.some((b) => cuts.some((cut) => intersects(b, cut)));
    if (!hit) continue;
    for (const cut of cuts) boxes = boxes.flatMap((b) => subtractBox(b, cut));
    if (boxes.length === 0) list.removeChild(v);
    else v.setAttribute("sqref", boxes.map(boxText).join(" "));
  }
  for (const validation of plan.validations) list.appendChild(validationElement(list, validation, dates));
  const count = children(list, "dataValidation").length;
  if (count === 0) root.removeChild(list);
  else list.setAttribute("count", String(count));
}

function writeFreeze(root: Element, plan: SheetPlan): void {
  if (!plan.freeze) return;
  const { rows, columns } = plan.freeze;
  const views = ensureChild(root, "sheetViews", WORKSHEET_ORDER);
  let view = child(views, "sheetView");
  if (!view) {
    view = createChild(views, "sheetView");
    view.setAttribute("workbookViewId", "0");
    views.appendChild(view);
  }
  removeChildren(view, "pane");
  removeChildren(view, "selection");
  if (rows === 0 && columns === 0) return;
  const pane = insertInOrder(view, createChild(view, "pane"), SHEET_VIEW_ORDER);
  if (columns > 0) pane.setAttribute("xSplit", String(columns));
  if (rows > 0) pane.setAttribute("ySplit", String(rows));
  pane.setAttribute("topLeftCell", cellAddress(columns + 1, rows + 1));
  const active = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  pane.setAttribute("activePane", active);
  pane.setAttribute("state", "frozen");
  const selection = insertInOrder(view, createChild(view, "selection"), SHEET_VIEW_ORDER);
  selection.setAttribute("pane", active);
}

function writeProtection(root: Element, plan: SheetPlan): void {
  removeChildren(root, "sheetProtection");
  if (!plan.protect) return;
  // No password: the protection stops accidents, and IT can lift it without a secret to lose.
  const p = insertInOrder(root, createChild(root, "sheetProtection"), WORKSHEET_ORDER);
  p.setAttribute("sheet", "1");
  p.setAttribute("objects", "1");
  p.setAttribute("scenarios", "1");
  p.setAttribute("formatColumns", "0");
  p.setAttribute("formatRows", "0");
}

function writePage(root: Element, page: PagePlan): void {
  const inches = (mm: number) => String(Math.round((mm / 25.4) * 10_000) / 10_000);
  const sheetPr = ensureChild(root, "sheetPr", WORKSHEET_ORDER);
  const setUp = ensureChild(sheetPr, "pageSetUpPr", SHEET_PR_ORDER);
  if (page.fitToWidth) setUp.setAttribute("fitToPage", "1");
  else setUp.removeAttribute("fitToPage");
  const margins = ensureChild(root, "pageMargins", WORKSHEET_ORDER);
  const m = page.marginsMm;
  for (const [key, mm] of Object.entries({
    left: m.left,
    right: m.right,
    top: m.top,
    bottom: m.bottom,
    header: m.header,
    footer: m.footer,
  }))
    margins.setAttribute(key, inches(mm));
  const setup = ensureChild(root, "pageSetup", WORKSHEET_ORDER);
  setup.setAttribute("paperSize", "9");
  setup.setAttribute("orientation", page.orientation);
  if (page.fitToWidth) {
    setup.setAttribute("fitToWidth", "1");
    setup.setAttribute("fitToHeight", "0");
  }
  removeChildren(root, "headerFooter");
  if (page.pageNumberTopCenterFromSecondPage) {
    const hf = insertInOrder(root, createChild(root, "headerFooter"), WORKSHEET_ORDER);
    hf.setAttribute("differentFirst", "1");
    const odd = createChild(hf, "oddHeader");
    odd.appendChild(root.ownerDocument!.createTextNode("&C&P"));
    hf.appendChild(odd);
    hf.appendChild(createChild(hf, "firstHeader"));
  }
  // Manual breaks: <brk id> is the row a break falls under, so a page starting at row r is r − 1.
  removeChildren(root, "rowBreaks");
  const breaks = page.rowBreaks ?? [];
  if (breaks.length > 0) {
    const element = insertInOrder(root, createChild(root, "rowBreaks"), WORKSHEET_ORDER);
    element.setAttribute("count", String(breaks.length));
    element.setAttribute("manualBreakCount", String(breaks.length));
    for (const row of breaks) {
      const brk = createChild(element, "brk");
      brk.setAttribute("id", String(row - 1));
      brk.setAttribute("max", "16383");
      brk.setAttribute("man", "1");
      element.appendChild(brk);
    }
  }
}

/**
 * Writes `plan` into `doc` (the sheet's current part, or a new empty sheet). Returns the
 * document; tables and names are the caller's (they involve other parts).
 */
export function writeSheet(
  doc: Document | undefined,
  plan: SheetPlan,
  ctx: SheetContext,
): { doc: Document } & SheetText {
  const sheet = doc ?? parseXml("worksheet", ctx.emptySheet ?? EMPTY_WORKSHEET);
  const root = sheet.documentElement!;
  if (plan.tabColor) {
    const sheetPr = ensureChild(root, "sheetPr", WORKSHEET_ORDER);
    removeChildren(sheetPr, "tabColor");
    const tab = insertInOrder(sheetPr, createChild(sheetPr, "tabColor"), SHEET_PR_ORDER);
    tab.setAttribute("rgb", `FF${plan.tabColor.replace(/^#/, "").toUpperCase()}`);
  }
  // The dimension is a hint Excel recomputes; a stale one would mislead readers.
  removeChildren(root, "dimension");
  writeColumns(root, plan, ctx);
  const { clear, rows } = writeCells(root, plan, ctx);
  writeProtection(root, plan);
  const merges = writeMerges(root, plan, clear);
  writeValidations(root, plan, clear, ctx.dates);
  writeFreeze(root, plan);
  if (plan.page) writePage(root, plan.page);
  return { doc: sheet, rows, merges };
}

/** The print area and title rows of a plan, as defined-name text. */
export function printNames(sheetName: string, page: PagePlan): { area: string; titles?: string } {
  const sheet = quoteSheetName(sheetName);
  const box = parseRange(page.printArea);
  const area = `${sheet}!$${columnLetter(box.left)}$${box.top}:$${columnLetter(box.right)}$${box.bottom}`;
  const titles = page.printTitleRows
    ? `${sheet}!${page.printTitleRows
        .replace(/\$/g, "")
        .split(":")
        .map((r) => `$${r}`)
        .join(":")}`
    : undefined;
  return { area, titles };
}

export { child, children, inside };
