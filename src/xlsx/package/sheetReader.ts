/**
 * Streaming reads of worksheet and shared-string parts (saxes): a sheet's cells become a grid
 * of values and formulas the way Office.js reports them (numbers, text, booleans, `#N/A`,
 * dates as 1900-system serials, formulas as `=…`). Only cells are visited: validation, merged
 * and conditional ranges are never expanded, so the time does not depend on how large a range
 * a user's rule names (a whole-sheet validation costs what its one element costs).
 */
import { SaxesParser, type SaxesTagNS } from "saxes";
import { strFromU8 } from "fflate";
import { columnLetter, columnNumber } from "../../core/layout/model";
import { isoToSerial, serialToWorkbook } from "../../core/dates";
import { decodeExcelEscapes, PartXmlError } from "./xml";

/** One cell as read: its value (cached result for formulas) and its formula, if any. */
export interface ReadCell {
  value: string | number | boolean | null;
  /** `=…` */
  formula?: string;
  /** The cell's format index (`s`). */
  style?: number;
}

/** Rows (0-based array of 1-based rows) of cells (0-based array of 1-based columns). */
export type ReadGrid = Array<Array<ReadCell | undefined> | undefined>;

function parser(part: string): SaxesParser<{ xmlns: true }> {
  const p = new SaxesParser({ xmlns: true });
  p.on("error", (error) => {
    throw new PartXmlError(part, error.message);
  });
  return p;
}

/** The shared strings of a workbook, in order (rich text runs joined, phonetic runs left out). */
export function readSharedStrings(part: string, data: Uint8Array | undefined): string[] {
  if (!data) return [];
  const strings: string[] = [];
  const p = parser(part);
  let inSi = false;
  let phonetic = 0;
  let inT = false;
  let current = "";
  p.on("opentag", (tag: SaxesTagNS) => {
    if (tag.local === "si") {
      inSi = true;
      current = "";
    } else if (tag.local === "rPh") phonetic++;
    else if (tag.local === "t" && inSi && phonetic === 0) inT = true;
  });
  p.on("closetag", (tag: SaxesTagNS) => {
    if (tag.local === "si") {
      strings.push(decodeExcelEscapes(current));
      inSi = false;
    } else if (tag.local === "rPh") phonetic--;
    else if (tag.local === "t") inT = false;
  });
  const onText = (text: string) => {
    if (inT) current += text;
  };
  p.on("text", onText);
  p.on("cdata", onText);
  p.write(strFromU8(data)).close();
  return strings;
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

/** `B12` → [row 12, column 2] (1-based). */
function splitRef(ref: string): [number, number] | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref);
  return match ? [Number(match[2]), columnNumber(match[1].toUpperCase())] : undefined;
}

export interface SheetReadOptions {
  sharedStrings: () => string[];
  /** The workbook uses the 1904 date system: an ISO date cell (`t="d"`) is stored as its serial. */
  date1904: boolean;
}

/**
 * Reads a worksheet part's cells. Values come as Office.js's `values` view (formula cells:
 * their cached result): numbers as stored, so a date is a serial of the workbook's own date
 * system, which the core moves where the form says a date is (`dateFromWorkbook`), whatever
 * the cell's format. An ISO date cell (`t="d"`) becomes the serial the workbook would store.
 */
export function readSheetCells(part: string, data: Uint8Array, options: SheetReadOptions): ReadGrid {
  const grid: ReadGrid = [];
  const p = parser(part);
  const shared = new Map<string, { formula: string; row: number; column: number }>();
  let rowNumber = 0;
  let columnNumberNext = 0;
  let cell: { row: number; column: number; type: string; style?: number } | undefined;
  let text = "";
  let collecting: "v" | "f" | "t" | undefined;
  let value = "";
  let inlineText = "";
  let formula: string | undefined;
  let formulaAttrs: { t?: string; si?: string; ref?: string } = {};
  let inIs = false;
  let phonetic = 0;

  const attr = (tag: SaxesTagNS, name: string): string | undefined => tag.attributes[name]?.value;

  p.on("opentag", (tag: SaxesTagNS) => {
    switch (tag.local) {
      case "row": {
        const r = attr(tag, "r");
        rowNumber = r ? Number(r) : rowNumber + 1;
        columnNumberNext = 0;
        break;
      }
      case "c": {
        const ref = attr(tag, "r");
        const at = ref ? splitRef(ref) : undefined;
        const row = at ? at[0] : rowNumber;
        const column = at ? at[1] : columnNumberNext + 1;
        columnNumberNext = column;
        const s = attr(tag, "s");
        cell = { row, column, type: attr(tag, "t") ?? "n", style: s ? Number(s) : undefined };
        value = "";
        inlineText = "";
        formula = undefined;
        formulaAttrs = {};
        break;
      }
      case "v":
        if (cell) collecting = "v";
        text = "";
        break;
      case "f":
        if (cell) {
          collecting = "f";
          formulaAttrs = { t: attr(tag, "t"), si: attr(tag, "si"), ref: attr(tag, "ref") };
        }
        text = "";
        break;
      case "is":
        inIs = true;
        break;
      case "rPh":
        phonetic++;
        break;
      case "t":
        if (inIs && phonetic === 0) {
          collecting = "t";
          text = "";
        }
        break;
    }
  });
  const onText = (chunk: string) => {
    if (collecting) text += chunk;
  };
  p.on("text", onText);
  p.on("cdata", onText);
  p.on("closetag", (tag: SaxesTagNS) => {
    switch (tag.local) {
      case "v":
        if (collecting === "v") value = text;
        collecting = undefined;
        break;
      case "f":
        if (collecting === "f" && cell) {
          if (formulaAttrs.t === "shared" && formulaAttrs.si !== undefined) {
            if (text.trim() !== "") {
              shared.set(formulaAttrs.si, { formula: text, row: cell.row, column: cell.column });
              formula = text;
            } else {
              const master = shared.get(formulaAttrs.si);
              if (master)
                formula = shiftFormula(master.formula, cell.row - master.row, cell.column - master.column);
            }
          } else if (text !== "" || formulaAttrs.t !== "array") formula = text;
        }
        collecting = undefined;
        break;
      case "t":
        if (collecting === "t") inlineText += text;
        if (collecting === "t") collecting = undefined;
        break;
      case "rPh":
        phonetic--;
        break;
      case "is":
        inIs = false;
        break;
      case "c":
        if (cell) store(cell, value, inlineText);
        cell = undefined;
        break;
    }
  });

  const store = (
    c: { row: number; column: number; type: string; style?: number },
    raw: string,
    inline: string,
  ): void => {
    let v: ReadCell["value"] = null;
    switch (c.type) {
      case "s": {
        const index = Number(raw);
        v = raw === "" ? null : (options.sharedStrings()[index] ?? "");
        break;
      }
      case "str":
        v = decodeExcelEscapes(raw);
        break;
      case "inlineStr":
        v = decodeExcelEscapes(inline || raw);
        break;
      case "b":
        v = raw === "" ? null : raw === "1" || raw === "true";
        break;
      case "e":
        v = raw || null;
        break;
      case "d":
        if (raw === "") v = null;
        else {
          const serial = isoToSerial(raw);
          v = serial === undefined ? raw : serialToWorkbook(serial, options.date1904);
        }
        break;
      default: {
        if (raw.trim() === "") v = null;
        else {
          const n = Number(raw);
          v = Number.isFinite(n) ? n : raw;
        }
      }
    }
    if (v === null && formula === undefined) {
      if (c.style === undefined) return;
    }
    const row = (grid[c.row - 1] ??= []);
    row[c.column - 1] = {
      value: v,
      formula: formula !== undefined ? `=${formula}` : undefined,
      style: c.style,
    };
  };

  p.write(strFromU8(data)).close();
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

/** A cell's address from 1-based row and column. */
export function addressOf(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}
