/**
 * A tiny evaluator for exactly the formula shapes the installed sheets hold (IF, IFERROR, OR,
 * ISBLANK, TRIM, SUM, DATE, `&`, `+`, `-`, `=`, the CCHC.* functions, defined names, cells and
 * ranges of one sheet), with the one thing that differs between Excel hosts made explicit: how a
 * custom function receives a reference to an empty cell. Excel on the web passes it as blank
 * (null); Excel for Windows passes 0 (office-js issue 4702). Excel's own functions see the empty
 * cell either way. The workbook's date system is an option: DATE counts from 1900 by default,
 * from 1904 with `date1904` (the custom functions, which cannot know it, always count from 1900).
 *
 * The CCHC.* functions are the core's, as the add-in's custom functions call them; a FigureError
 * becomes the error value the cell would show. Anything outside the supported shapes throws, so a
 * new kind of formula in the layout cannot pass unevaluated.
 */
import { FigureError, onTimeRate, ratio, score, sumMismatch } from "../../src/core/arithmetic";
import { parseAddress, type SheetPlan } from "../../src/core/layout/model";
import { periodEndSerial, periodStartSerial, toExcelSerial } from "../../src/core/period";
import { serialToWorkbook } from "../../src/core/dates";

export type Host = "web" | "desktop";
/** A cell's value: a number, text ("" included), a boolean, or null for an empty cell. */
export type Value = number | string | boolean | null;

type Node =
  | { type: "number"; value: number }
  | { type: "string"; value: string }
  | { type: "ref"; name: string }
  | { type: "range"; from: string; to: string }
  | { type: "call"; fn: string; args: Node[] }
  | { type: "binary"; op: "&" | "+" | "-" | "="; left: Node; right: Node };

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*("(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_.]*(?::[A-Za-z]+\d+)?|\d+(?:\.\d+)?|[(),&=+-])/y;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) throw new Error(`unsupported formula text at ${at}: ${text}`);
    tokens.push(match[1]);
    at = pattern.lastIndex;
  }
  return tokens;
}

/** Parses a formula (with or without its leading `=`). */
export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula.replace(/^=/, ""));
  let i = 0;
  const peek = () => tokens[i];
  const take = (expected?: string) => {
    const token = tokens[i++];
    if (expected !== undefined && token !== expected)
      throw new Error(`expected ${expected}, got ${token} in ${formula}`);
    return token;
  };
  const primary = (): Node => {
    const token = take();
    if (token === undefined) throw new Error(`unexpected end of ${formula}`);
    if (token === "(") throw new Error(`parentheses are not a shape the layout emits: ${formula}`);
    if (token.startsWith('"')) return { type: "string", value: token.slice(1, -1).replace(/""/g, '"') };
    if (/^\d/.test(token)) return { type: "number", value: Number(token) };
    if (peek() === "(") {
      take("(");
      const args: Node[] = [];
      if (peek() !== ")") {
        args.push(expression());
        while (peek() === ",") {
          take(",");
          args.push(expression());
        }
      }
      take(")");
      return { type: "call", fn: token.toUpperCase(), args };
    }
    if (token.includes(":")) {
      const [from, to] = token.split(":");
      return { type: "range", from, to };
    }
    return { type: "ref", name: token };
  };
  // Excel's precedence for the operators used here: `+` and `-` above `&` above `=`.
  const level = (ops: string[], next: () => Node) => (): Node => {
    let left = next();
    while (ops.includes(peek())) {
      const op = take() as "&" | "+" | "-" | "=";
      left = { type: "binary", op, left, right: next() };
    }
    return left;
  };
  const minus = level(["+", "-"], primary);
  const concat = level(["&"], minus);
  const expression = level(["="], concat);
  const tree = expression();
  if (i !== tokens.length) throw new Error(`trailing tokens in ${formula}`);
  return tree;
}

const CUSTOM: Record<string, (args: unknown[]) => unknown> = {
  "CCHC.TYLE": ([a, b]) => ratio(a, b),
  "CCHC.DUNGHAN": ([a, b]) => onTimeRate(a, b),
  "CCHC.DIEM": ([a, b, c, d]) => score(a, b, c, d),
  "CCHC.KIEMTRA": ([total, ...parts]) => sumMismatch(total, parts),
  "CCHC.TUNGAY": ([a, b, c]) => periodStartSerial(a, b, c),
  "CCHC.DENNGAY": ([a, b, c]) => periodEndSerial(a, b, c),
};

const isError = (v: Value): v is string => typeof v === "string" && /^#[A-Z/0!?]+$/.test(v);

/**
 * The installed sheets as one evaluable workbook: every defined name and every cell of the plans,
 * each formula evaluated on demand (once per host) with the typed values as they stand.
 */
export class PlanWorkbook {
  private readonly names = new Map<string, { sheet: SheetPlan; address: string }>();
  private readonly memo = new Map<string, Value>();

  /** `date1904`: the workbook counts its dates from 1904 (what DATE returns). */
  constructor(
    private readonly plans: readonly SheetPlan[],
    private readonly options: { date1904?: boolean } = {},
  ) {
    for (const sheet of plans)
      for (const n of sheet.names) this.names.set(n.name, { sheet, address: n.address });
  }

  /** The value a cell shows on `host`. */
  valueAt(sheet: SheetPlan, address: string, host: Host): Value {
    const key = `${host}|${sheet.name}|${address}`;
    if (this.memo.has(key)) return this.memo.get(key)!;
    const cell = sheet.cells.find((c) => c.address === address);
    let value: Value;
    if (cell?.formula) value = this.evaluate(parseFormula(cell.formula), sheet, host);
    else value = cell?.value ?? null;
    this.memo.set(key, value);
    return value;
  }

  /** The value of a name's cell on `host`. */
  valueOfName(name: string, host: Host): Value {
    const target = this.names.get(name);
    if (!target) throw new Error(`no defined name ${name}`);
    return this.valueAt(target.sheet, target.address, host);
  }

  /** Evaluates a formula as if it sat on `sheet`. */
  evaluateFormula(formula: string, sheet: SheetPlan, host: Host): Value {
    return this.evaluate(parseFormula(formula), sheet, host);
  }

  private locate(name: string, sheet: SheetPlan): { sheet: SheetPlan; address: string } {
    const named = this.names.get(name);
    if (named) return named;
    if (/^[A-Z]+\d+$/.test(name)) return { sheet, address: name };
    throw new Error(`unknown reference ${name}`);
  }

  private evaluate(node: Node, sheet: SheetPlan, host: Host): Value {
    switch (node.type) {
      case "number":
      case "string":
        return node.value;
      case "ref": {
        const target = this.locate(node.name, sheet);
        return this.valueAt(target.sheet, target.address, host);
      }
      case "range":
        throw new Error("a range is only an argument of SUM");
      case "binary": {
        const left = this.evaluate(node.left, sheet, host);
        const right = this.evaluate(node.right, sheet, host);
        if (isError(left)) return left;
        if (isError(right)) return right;
        if (node.op === "&") return `${left ?? ""}${right ?? ""}`;
        if (node.op === "=") return (left ?? "") === (right ?? "") || (left === null && right === 0);
        const l = left ?? 0;
        const r = right ?? 0;
        if (typeof l !== "number" || typeof r !== "number") return "#VALUE!";
        return node.op === "+" ? l + r : l - r;
      }
      case "call":
        return this.call(node, sheet, host);
    }
  }

  private call(node: Extract<Node, { type: "call" }>, sheet: SheetPlan, host: Host): Value {
    const arg = (i: number) => this.evaluate(node.args[i], sheet, host);
    switch (node.fn) {
      case "IF": {
        const test = arg(0);
        if (isError(test)) return test;
        return test ? arg(1) : node.args.length > 2 ? arg(2) : false;
      }
      case "IFERROR": {
        const value = arg(0);
        return isError(value) ? arg(1) : value;
      }
      case "DATE": {
        const [year, month, day] = node.args.map((_, i) => arg(i));
        if (typeof year !== "number" || typeof month !== "number" || typeof day !== "number")
          throw new Error("DATE of something else than numbers");
        // Only real calendar days are emitted; Excel's month/day overflow is not modelled.
        return serialToWorkbook(toExcelSerial({ year, month, day }), this.options.date1904 === true);
      }
      case "OR": {
        const values = node.args.map((_, i) => arg(i));
        return values.find(isError) ?? values.some(Boolean);
      }
      case "AND": {
        const values = node.args.map((_, i) => arg(i));
        return values.find(isError) ?? values.every(Boolean);
      }
      case "ISBLANK": {
        const ref = node.args[0];
        if (ref.type !== "ref") throw new Error("ISBLANK of something else than a cell");
        // Excel's ISBLANK: true only for an empty cell, whichever host (it is not a custom function).
        return this.evaluate(ref, sheet, host) === null;
      }
      case "TRIM": {
        const value = arg(0);
        return isError(value)
          ? value
          : String(value ?? "")
              .trim()
              .replace(/ +/g, " ");
      }
      case "SUM": {
        const range = node.args[0];
        if (range.type !== "range") {
          // A summed ratio argument: SUM(CCHC_A,CCHC_B); Excel's SUM skips empty cells and text.
          let total = 0;
          for (let i = 0; i < node.args.length; i++) {
            const value = arg(i);
            if (isError(value)) return value;
            if (typeof value === "number") total += value;
          }
          return total;
        }
        const from = parseAddress(range.from);
        const to = parseAddress(range.to);
        if (from.column !== to.column) throw new Error("SUM over more than one column");
        let sum = 0;
        for (let row = from.row; row <= to.row; row++) {
          const value = this.valueAt(sheet, `${range.from.replace(/\d+$/, "")}${row}`, host);
          if (isError(value)) return value;
          if (typeof value === "number") sum += value;
        }
        return sum;
      }
      case "COUNT": {
        // Excel's COUNT over one column: how many cells hold numbers (empty cells and text are not).
        const range = node.args[0];
        if (range.type !== "range") throw new Error("COUNT of something else than a range");
        const from = parseAddress(range.from);
        const to = parseAddress(range.to);
        if (from.column !== to.column) throw new Error("COUNT over more than one column");
        let count = 0;
        for (let row = from.row; row <= to.row; row++) {
          const value = this.valueAt(sheet, `${range.from.replace(/\d+$/, "")}${row}`, host);
          if (typeof value === "number") count++;
        }
        return count;
      }
      default: {
        const fn = CUSTOM[node.fn];
        if (!fn) throw new Error(`function ${node.fn} is not a shape the layout emits`);
        // How a custom function receives its arguments: an empty cell is null on the web, 0 on
        // Windows desktop; values and "" arrive as they are.
        const args = node.args.map((a) => {
          const value = this.evaluate(a, sheet, host);
          return value === null && host === "desktop" ? 0 : value;
        });
        const error = args.find((v) => isError(v as Value));
        if (error !== undefined) return error as Value;
        try {
          return fn(args) as Value;
        } catch (caught) {
          if (caught instanceof FigureError) return caught.code === "divideByZero" ? "#DIV/0!" : "#VALUE!";
          throw caught;
        }
      }
    }
  }
}
