/**
 * Checking a catalogue file (docs/catalogue-format.md, "What a bad catalogue gets"): JSON syntax
 * (line and column), the shipped JSON Schema through ajv (unknown or missing fields, wrong
 * types), then the rules a schema cannot say (duplicate, reserved and unknown ids, parent
 * cycles, ratio/formula pairing, checks over text, sheet names Excel refuses, sections without
 * indicators). Every problem is reported at once, in Vietnamese, with its JSON path and id.
 *
 * Kept apart from the rest of the catalogue code: ajv compiles the schema with `new Function`
 * and weighs about 120 kB, so the task pane loads this module only when a province's file is
 * chosen (a lazily loaded chunk), and `catalogue list` never needs it.
 */
import Ajv, { type ErrorObject } from "ajv";
import { CHECK_TYPE_NAMES, checksSchema, checkTypeNamed } from "../checkTypes";
import { isoToSerial } from "../dates";
import fileSchema from "./data/catalogue.schema.json";
import { CatalogueError, type CatalogueProblem } from "./errors";
import { catalogueFromFile } from "./form";
import { infoIndicators, RESERVED_IDS, RESERVED_SECTION_ID, RESERVED_SHEET_KEY } from "./infoBlock";
import { parseTemplate, placeholderIds } from "./outline";
import { tableProblems } from "./tableProblems";
import type { Catalogue, CatalogueFile } from "./types";

/** Sheet names the program uses for its own sheets (a catalogue's may not take them). */
const PROGRAM_SHEETS = ["Thông tin chung", "Danh mục văn bản", "Chỉ số CCHC", "Chỉ tiêu đã bỏ", "_CCHC"];
const EXCEL_FORBIDDEN = /[:\\/?*[\]]/;
/** The kinds formulas and sentence templates compute with. */
const NUMERIC: readonly string[] = ["count", "money"];
/** The indicator kinds, as the schema lists them. */
const KINDS: readonly string[] = fileSchema.properties.indicators.items.properties.kind.enum;

/**
 * The catalogue's JSON Schema: the shipped file's, with the checks' part assembled from the
 * check types (core/checkTypes), so validation never lags behind a type. A test keeps the
 * shipped file (published for a province's IT staff) equal to this.
 */
export function catalogueSchema(): Record<string, unknown> {
  return { ...fileSchema, properties: { ...fileSchema.properties, checks: checksSchema() } };
}

let compiled: ReturnType<Ajv["compile"]> | undefined;
function schemaValidator(): ReturnType<Ajv["compile"]> {
  compiled ??= new Ajv({ allErrors: true, discriminator: true, strict: false }).compile(catalogueSchema());
  return compiled;
}

/**
 * What a schema cannot say of an indicator's target (`target: { value, better }`): only a
 * figure (count, money) or a rate (ratio, typed percent) has one, and a rate's is a fraction
 * (0.6 for 60 %), as the rate is computed or stored; a target of 60 on a ratio (or above a
 * percent's `max`) is refused rather than never met.
 */
function targetProblems(item: Record<string, unknown>, kind: string | undefined): string[] {
  if (!isObj(item.target) || kind === undefined) return [];
  if (kind === "text" || kind === "date" || kind === "choice")
    return [
      `Chỉ chỉ tiêu số (count, money) hoặc tỷ lệ (ratio) mới có chỉ tiêu cần đạt (target); chỉ tiêu này là "${kind}".`,
    ];
  const value = item.target.value;
  if (kind === "ratio" && typeof value === "number" && value > 1)
    return [
      `Chỉ tiêu cần đạt của một tỷ lệ viết dạng thập phân từ 0 đến 1 (0.6 là 60%); "value": ${value} lớn hơn 1.`,
    ];
  // A typed percentage holds its rate as a fraction too (0.968 for 96,8%): a target of 90 would never be met.
  const max = typeof item.max === "number" ? item.max : 100;
  if (kind === "percent" && typeof value === "number" && value > max / 100)
    return [
      `Chỉ tiêu cần đạt của một tỷ lệ phần trăm viết dạng thập phân (0.9 là 90%); "value": ${value} lớn hơn mức tối đa ${formatMax(max)}% của dòng.`,
    ];
  return [];
}

/** `150` → `150`, `99.5` → `99,5`: a percentage bound as the messages write it. */
function formatMax(max: number): string {
  return String(max).replace(".", ",");
}

/** `/indicators/12/formula/args/1` → `indicators[12].formula.args[1]`. */
export function jsonPath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), "");
}

/** The id of the object nearest to a path (an indicator's id, a sheet's key, a criterion's code). */
function idAt(data: unknown, pointer: string): string | undefined {
  const parts = pointer.split("/").slice(1);
  let node: unknown = data;
  let found: string | undefined;
  for (const part of parts) {
    if (node === null || typeof node !== "object") break;
    node = (node as Record<string, unknown>)[part];
    if (node && typeof node === "object" && !Array.isArray(node)) {
      const o = node as Record<string, unknown>;
      const id = o.id ?? o.key ?? o.code;
      if (typeof id === "string") found = id;
    }
  }
  return found;
}

const TYPE_NAMES: Record<string, string> = {
  string: "một chuỗi chữ",
  number: "một số",
  integer: "một số nguyên",
  array: "một danh sách [ ]",
  object: "một đối tượng { }",
  boolean: "true hoặc false",
};

/** The value at a JSON pointer of the parsed file (undefined when the path leads nowhere). */
function valueAt(data: unknown, pointer: string): unknown {
  let node: unknown = data;
  for (const part of pointer.split("/").slice(1)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node;
}

/** At most this many characters of a quoted value (a long label or a whole object is cut). */
const QUOTE_LIMIT = 60;

/**
 * The value the file holds where a problem is, quoted as the user typed it: `"kind": "so_nguyen"`
 * for a field, `"so_nguyen"` for an element of a list; cut to QUOTE_LIMIT characters.
 */
function quoted(data: unknown, pointer: string): string {
  const json = JSON.stringify(valueAt(data, pointer)) ?? "";
  const value = json.length > QUOTE_LIMIT ? `${json.slice(0, QUOTE_LIMIT - 1)}…` : json;
  const last = pointer.split("/").pop() ?? "";
  return !last || /^\d+$/.test(last)
    ? value
    : `${JSON.stringify(last.replace(/~1/g, "/").replace(/~0/g, "~"))}: ${value}`;
}

/**
 * One ajv error in Vietnamese. A bad value is quoted with its field (`"kind": "so_nguyen" không
 * phải một trong …`), so the user finds it in the file without counting array positions.
 */
function schemaMessage(error: ErrorObject, data: unknown): string {
  const p = error.params as Record<string, unknown>;
  const value = () => quoted(data, error.instancePath);
  switch (error.keyword) {
    case "required":
      return `thiếu trường bắt buộc "${String(p.missingProperty)}".`;
    case "additionalProperties":
      return `trường "${String(p.additionalProperty)}" không có trong định dạng danh mục.`;
    case "type":
      return `${value()} phải là ${TYPE_NAMES[String(p.type)] ?? String(p.type)}.`;
    case "enum":
      return `${value()} không phải một trong: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}.`;
    case "const":
      return `${value()} phải là ${JSON.stringify(p.allowedValue)}.`;
    case "pattern":
      return `${value()} không hợp lệ: ${
        error.instancePath.endsWith("/code")
          ? "mã tiêu chí chỉ gồm chữ cái không dấu, số và _."
          : /Valid(From|To)$/i.test(error.instancePath)
            ? "ngày phải viết dạng YYYY-MM-DD."
            : // A table's ids become parts of a defined name (`CCHC_T_…`), where «-» cannot stand.
              String(p.pattern).includes("_-")
              ? "mã phải là chữ thường không dấu (a–z), số, - và _, bắt đầu bằng chữ hoặc số."
              : "mã của bảng, dòng và cột chỉ gồm chữ thường không dấu (a–z), số và _ (không dùng -), bắt đầu bằng chữ hoặc số."
      }`;
    case "minLength":
      return `${value()} không được để trống.`;
    case "maxLength":
      return `${value()} dài quá ${String(p.limit)} ký tự.`;
    case "minItems":
      return `cần ít nhất ${String(p.limit)} phần tử.`;
    case "maxItems":
      return `có nhiều nhất ${String(p.limit)} phần tử.`;
    case "exclusiveMinimum":
      return `${value()} phải lớn hơn ${String(p.limit)}.`;
    case "minimum":
      return `${value()} không được nhỏ hơn ${String(p.limit)}.`;
    case "discriminator":
      return p.error === "mapping"
        ? `loại kiểm tra "${String(p.tagValue)}" không có; dùng ${CHECK_TYPE_NAMES.slice(0, -1).join(", ")} hoặc ${CHECK_TYPE_NAMES[CHECK_TYPE_NAMES.length - 1]}.`
        : `thiếu trường "type" (loại kiểm tra).`;
    default:
      return `${value()} không đúng định dạng (${error.message ?? error.keyword}).`;
  }
}

/**
 * What a JSON.parse error means, in Vietnamese: the engine's (V8's) English messages for the
 * common slips of a hand-edited file; anything else is said without the engine's words.
 */
const SYNTAX_MEANINGS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^Expected ',' or '\}' after property value/, () => "thiếu dấu phẩy «,» hoặc dấu «}» sau một giá trị"],
  [/^Expected ',' or '\]' after array element/, () => "thiếu dấu phẩy «,» hoặc dấu «]» sau một phần tử"],
  [/^Expected double-quoted property name/, () => "cần tên trường trong ngoặc kép (có dấu phẩy thừa?)"],
  [/^Expected property name or '\}'/, () => "tên trường phải nằm trong ngoặc kép"],
  [/^Expected ':' after property name/, () => "thiếu dấu hai chấm «:» sau tên trường"],
  [/^Unterminated string/, () => "chuỗi chưa đóng ngoặc kép"],
  [/^Bad control character in string/, () => "chuỗi có ký tự điều khiển (như xuống dòng) không được phép"],
  [/^Bad escaped character/, () => "ký tự sau dấu «\\» không hợp lệ"],
  [/^Unexpected non-whitespace character after JSON/, () => "có nội dung thừa sau khi JSON đã kết thúc"],
  [/^Unexpected end of JSON input/, () => "tệp kết thúc khi JSON chưa đóng đủ ngoặc"],
  [/^Unexpected token '(.)'/, (m) => `ký tự «${m[1]}» không đúng chỗ`],
  [/^(Unexpected number|No number after minus sign)/, () => "số viết sai"],
];

function syntaxMeaning(message: string): string {
  for (const [pattern, say] of SYNTAX_MEANINGS) {
    const match = pattern.exec(message);
    if (match) return say(match);
  }
  return "sai cú pháp";
}

/** "dòng L, cột C" (1-based) of the character at `offset` of `text`. */
function lineColumnAt(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `dòng ${before.length}, cột ${before[before.length - 1].length + 1}`;
}

/**
 * Where the first comment (`//` or `/*`) outside a string starts, or -1. JSON has no comments
 * (RFC 8259), yet a file copied from an editor's settings or written as JavaScript often has
 * them, and the engine's message then points at a quote or a comma, not at the cause.
 */
function firstCommentOffset(text: string): number {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) return i;
  }
  return -1;
}

/**
 * The offset a JSON.parse error points at, from the engine's message ("line L column C" or
 * "position P"; the end of the text for an unexpected end), or -1 when it names none.
 */
function errorOffset(text: string, message: string): number {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    const lines = text.split("\n").slice(0, Number(lineColumn[1]) - 1);
    return lines.reduce((sum, line) => sum + line.length + 1, 0) + Number(lineColumn[2]) - 1;
  }
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  return /end of JSON|Unexpected end/i.test(message) ? text.length : -1;
}

/**
 * A JSON.parse error as a problem: where it points ("dòng L, cột C") and what it means. A comment
 * at or before that point is the cause, and is named as such.
 */
function syntaxProblem(text: string, error: Error): CatalogueProblem {
  const at = errorOffset(text, error.message);
  const comment = firstCommentOffset(text);
  if (comment >= 0 && (at < 0 || comment <= at)) {
    const mark = text[comment + 1] === "/" ? "//" : "/* … */";
    return {
      path: "",
      message: `Tệp không phải JSON hợp lệ (${lineColumnAt(text, comment)}): có chú thích «${mark}», mà JSON không cho phép chú thích. Hãy xoá mọi chú thích (từ «//» đến hết dòng, và «/* … */») rồi kiểm tra lại.`,
    };
  }
  return {
    path: "",
    message: `Tệp không phải JSON hợp lệ${at >= 0 ? ` (${lineColumnAt(text, at)})` : ""}: ${syntaxMeaning(error.message)}.`,
  };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** The rules a schema cannot express, over whatever parts of the file have the right shape. */
export function crossReferenceProblems(data: unknown): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  if (!isObj(data)) return problems;
  const add = (path: string, id: string | undefined, message: string) =>
    problems.push({ path, ...(id !== undefined ? { id } : {}), message });

  // Duplicates and reserved ids.
  const seen = (field: string, key: string, what: string, reserved?: (id: string) => string | undefined) => {
    const first = new Map<string, number>();
    list(data[field]).forEach((item, i) => {
      const id = isObj(item) ? str(item[key]) : undefined;
      if (id === undefined) return;
      const path = `${field}[${i}].${key}`;
      const refusal = reserved?.(id);
      if (refusal) add(path, id, refusal);
      if (first.has(id)) add(path, id, `${what} "${id}" trùng với ${field}[${first.get(id)}].`);
      else first.set(id, i);
    });
    return first;
  };
  const indicatorIndex = seen("indicators", "id", "Mã chỉ tiêu", (id) =>
    RESERVED_IDS.has(id)
      ? `Mã "${id}" dành cho khối Thông tin chung của chương trình; hãy đặt mã khác.`
      : undefined,
  );
  const sheetIndex = seen("sheets", "key", "Mã trang", (id) =>
    id === RESERVED_SHEET_KEY
      ? `Mã trang "${id}" dành cho trang Thông tin chung của chương trình.`
      : undefined,
  );
  const sectionIndex = seen("sections", "id", "Mã mục", (id) =>
    id === RESERVED_SECTION_ID ? `Mã mục "${id}" dành cho mục Thông tin chung của chương trình.` : undefined,
  );
  seen("criteria", "code", "Mã tiêu chí");
  seen("checks", "id", "Mã kiểm tra");

  // Sheet names Excel refuses, or that ours take.
  const names = new Map<string, number>();
  list(data.sheets).forEach((sheet, i) => {
    const name = isObj(sheet) ? str(sheet.name) : undefined;
    if (name === undefined) return;
    const path = `sheets[${i}].name`;
    const key = isObj(sheet) ? str(sheet.key) : undefined;
    if (name.length > 31)
      add(path, key, `Tên trang "${name}" dài ${name.length} ký tự; Excel cho tối đa 31.`);
    if (EXCEL_FORBIDDEN.test(name))
      add(path, key, `Tên trang "${name}" có ký tự Excel không cho phép (một trong : \\ / ? * [ ]).`);
    if (name.startsWith("'") || name.endsWith("'"))
      add(path, key, `Tên trang "${name}" không được bắt đầu hay kết thúc bằng dấu nháy đơn.`);
    const lower = name.toLocaleLowerCase("vi");
    if (PROGRAM_SHEETS.some((n) => n.toLocaleLowerCase("vi") === lower))
      add(path, key, `Tên trang "${name}" là tên một trang của chương trình; hãy đặt tên khác.`);
    if (names.has(lower))
      add(
        path,
        key,
        `Tên trang "${name}" trùng với sheets[${names.get(lower)}] (Excel không phân biệt chữ hoa, thường).`,
      );
    else names.set(lower, i);
  });

  // The founding day must be a day of the calendar (the schema only sees its shape).
  const unitsFrom = str(data.unitsFrom);
  if (
    unitsFrom !== undefined &&
    /^\d{4}-\d{2}-\d{2}$/.test(unitsFrom) &&
    isoToSerial(unitsFrom) === undefined
  )
    add("unitsFrom", undefined, `Ngày bắt đầu hoạt động "${unitsFrom}" không phải một ngày có thật.`);

  // Sections → sheets; sections and sheets that hold nothing.
  const sectionsUsed = new Set<string>();
  const sheetsUsed = new Set<string>();
  list(data.sections).forEach((section, i) => {
    if (!isObj(section)) return;
    const sheet = str(section.sheet);
    if (sheet === undefined) return;
    sheetsUsed.add(sheet);
    if (!sheetIndex.has(sheet))
      add(
        `sections[${i}].sheet`,
        str(section.id),
        `Mục "${String(section.id)}" thuộc trang "${sheet}" không có trong sheets.`,
      );
  });

  const indicators = list(data.indicators);
  // A kind the schema refuses is reported there; the rules below only judge valid kinds.
  const validKind = (v: unknown) => (typeof v === "string" && KINDS.includes(v) ? v : undefined);
  const kindOf = (id: string): string | undefined => {
    const i = indicatorIndex.get(id);
    const item = i === undefined ? undefined : indicators[i];
    return isObj(item) ? validKind(item.kind) : undefined;
  };
  const unknown = (path: string, owner: string | undefined, id: string, role: string) =>
    add(path, owner, `${role} "${id}" không có trong indicators.`);
  // A parent that names something else than an indicator says what it names.
  const notAnIndicator = (ref: string): string => {
    const other = RESERVED_IDS.has(ref)
      ? "một dòng Thông tin chung của chương trình"
      : sectionIndex.has(ref)
        ? "mã một mục (sections)"
        : sheetIndex.has(ref)
          ? "mã một trang (sheets)"
          : list(data.criteria).some((c) => isObj(c) && c.code === ref)
            ? "mã một tiêu chí (criteria)"
            : undefined;
    return other
      ? `Chỉ tiêu cha "${ref}" là ${other}, không phải một chỉ tiêu trong indicators.`
      : `Chỉ tiêu cha "${ref}" không có trong indicators.`;
  };

  indicators.forEach((item, i) => {
    if (!isObj(item)) return;
    const id = str(item.id);
    const kind = validKind(item.kind);
    const section = str(item.section);
    if (section !== undefined) {
      sectionsUsed.add(section);
      if (!sectionIndex.has(section))
        add(`indicators[${i}].section`, id, `Mục "${section}" của chỉ tiêu không có trong sections.`);
    }
    const parent = str(item.parent);
    if (parent !== undefined) {
      const path = `indicators[${i}].parent`;
      if (!indicatorIndex.has(parent)) add(path, id, notAnIndicator(parent));
      else if (parent === id) add(path, id, "Chỉ tiêu không thể là cha của chính nó.");
      else {
        // A component prints under its parent: both must lie in one section (one table block).
        const target = indicators[indicatorIndex.get(parent)!];
        const theirs = isObj(target) ? str(target.section) : undefined;
        if (section !== undefined && theirs !== undefined && theirs !== section)
          add(
            path,
            id,
            `Chỉ tiêu cha "${parent}" thuộc mục "${theirs}", còn chỉ tiêu này thuộc mục "${section}"; chỉ tiêu con phải cùng mục với chỉ tiêu cha.`,
          );
      }
    }
    if (item.required === true && kind === "ratio")
      add(
        `indicators[${i}].required`,
        id,
        "Chỉ tiêu tỷ lệ (ratio) do phần mềm tự tính, không đặt bắt buộc được; hãy đặt bắt buộc cho tử số, mẫu số.",
      );
    if (kind === "ratio" && item.formula === undefined)
      add(`indicators[${i}]`, id, "Chỉ tiêu tỷ lệ (ratio) phải có công thức (formula).");
    if (kind !== undefined && kind !== "ratio" && item.formula !== undefined)
      add(
        `indicators[${i}].formula`,
        id,
        `Chỉ có chỉ tiêu tỷ lệ (ratio) mới có công thức; chỉ tiêu này là "${kind}".`,
      );
    if (kind === "choice" && item.choices === undefined)
      add(`indicators[${i}]`, id, "Chỉ tiêu lựa chọn (choice) phải có danh sách choices.");
    if (kind !== undefined && kind !== "choice" && item.choices !== undefined)
      add(`indicators[${i}].choices`, id, "Chỉ chỉ tiêu lựa chọn (choice) mới có choices.");
    if (kind !== undefined && kind !== "count" && kind !== "money" && item.aggregate !== undefined)
      add(
        `indicators[${i}].aggregate`,
        id,
        "Chỉ số đếm (count) và tiền (money) mới có cách tổng hợp (aggregate).",
      );
    percentFieldProblems(item, kind, kindOf).forEach(([field, message]) =>
      add(`indicators[${i}].${field}`, id, message),
    );
    const openingOf = str(item.openingOf);
    if (openingOf !== undefined) {
      const path = `indicators[${i}].openingOf`;
      const target = indicatorIndex.has(openingOf) ? indicators[indicatorIndex.get(openingOf)!] : undefined;
      if (item.aggregate !== "opening")
        add(
          path,
          id,
          `Chỉ chỉ tiêu số đầu kỳ ("aggregate": "opening") mới có openingOf; chỉ tiêu này chưa có.`,
        );
      if (!indicatorIndex.has(openingOf)) unknown(path, id, openingOf, "Chỉ tiêu cuối kỳ (openingOf)");
      else if (!isObj(target) || target.aggregate !== "stock" || kindOf(openingOf) !== kind)
        add(
          path,
          id,
          `"openingOf": "${openingOf}" phải là chỉ tiêu số cuối kỳ ("aggregate": "stock") cùng loại với chỉ tiêu này.`,
        );
    }
    targetProblems(item, kind).forEach((message) => add(`indicators[${i}].target`, id, message));
    const args = isObj(item.formula) ? list(item.formula.args) : [];
    args.forEach((arg, a) => {
      const ids =
        typeof arg === "string"
          ? [[arg, `indicators[${i}].formula.args[${a}]`]]
          : list(arg).map((x, k) => [x, `indicators[${i}].formula.args[${a}][${k}]`]);
      for (const [ref, path] of ids) {
        if (typeof ref !== "string") continue;
        if (!indicatorIndex.has(ref)) unknown(path as string, id, ref, "Công thức dùng chỉ tiêu");
        else if (kindOf(ref) !== undefined && !NUMERIC.includes(kindOf(ref)!))
          add(
            path as string,
            id,
            `Công thức chỉ tính trên số đếm hoặc số tiền; "${ref}" là "${kindOf(ref)}".`,
          );
      }
    });
  });

  // Parent cycles (each reported once, at the indicator that closes it).
  const parentOf = new Map<string, string>();
  indicators.forEach((item) => {
    if (isObj(item) && typeof item.id === "string" && typeof item.parent === "string")
      parentOf.set(item.id, item.parent);
  });
  const reported = new Set<string>();
  for (const [start] of parentOf) {
    const chain: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && !chain.includes(at)) {
      chain.push(at);
      at = parentOf.get(at);
    }
    if (at === undefined || (at === start && chain.length === 1)) continue;
    const cycle = chain.slice(chain.indexOf(at));
    const key = [...cycle].sort().join(",");
    if (cycle.length < 2 || reported.has(key)) continue;
    reported.add(key);
    const first = cycle[0];
    add(
      `indicators[${indicatorIndex.get(first)}].parent`,
      first,
      `Vòng lặp chỉ tiêu cha: ${[...cycle, first].join(" → ")}.`,
    );
  }

  list(data.sections).forEach((section, i) => {
    const id = isObj(section) ? str(section.id) : undefined;
    if (id !== undefined && !sectionsUsed.has(id))
      add(`sections[${i}]`, id, `Mục "${id}" không có chỉ tiêu nào.`);
  });
  const tableSheets = tableProblems(data, {
    indicatorIndex,
    sheetIndex,
    sectionIndex,
    sheetsOfSections: sheetsUsed,
    kindOf,
    add,
  });
  list(data.sheets).forEach((sheet, i) => {
    const key = isObj(sheet) ? str(sheet.key) : undefined;
    if (key !== undefined && !sheetsUsed.has(key) && !tableSheets.has(key))
      add(`sheets[${i}]`, key, `Trang "${key}" không có mục hay bảng nào.`);
  });

  // Checks: every id known; numbers compared as numbers, dates as dates.
  list(data.checks).forEach((check, i) => {
    if (!isObj(check)) return;
    const definition = checkTypeNamed(str(check.type) ?? "");
    const owner = str(check.id);
    for (const field of definition?.indicatorFields ?? []) {
      const refs = Array.isArray(check[field])
        ? list(check[field]).map((r, k) => [r, `checks[${i}].${field}[${k}]`])
        : [[check[field], `checks[${i}].${field}`]];
      for (const [ref, path] of refs) {
        if (typeof ref !== "string") continue;
        if (!indicatorIndex.has(ref)) {
          unknown(path as string, owner ?? ref, ref, "Kiểm tra dùng chỉ tiêu");
          continue;
        }
        const kind = kindOf(ref);
        const refusal = kind !== undefined ? definition!.kindProblem(kind, ref) : undefined;
        if (refusal) add(path as string, ref, refusal);
      }
    }
  });

  list(data.criteria).forEach((criterion, i) => {
    if (!isObj(criterion)) return;
    const code = str(criterion.code);
    const rate = str(criterion.rateFrom);
    if (rate !== undefined) {
      if (!indicatorIndex.has(rate))
        unknown(`criteria[${i}].rateFrom`, code, rate, "Tiêu chí lấy tỷ lệ từ chỉ tiêu");
      else if (kindOf(rate) !== "ratio")
        add(
          `criteria[${i}].rateFrom`,
          code,
          `Tiêu chí lấy tỷ lệ từ "${rate}", nhưng đó không phải chỉ tiêu tỷ lệ.`,
        );
    }
    if (
      rate !== undefined &&
      criterion.method !== undefined &&
      criterion.method !== 0 &&
      criterion.threshold === undefined
    )
      add(`criteria[${i}]`, code, `Cách tính ${String(criterion.method)} cần ngưỡng (threshold).`);
  });

  if (isObj(data.outline)) {
    const info = new Map(infoIndicators("xa").map((indicator) => [indicator.id, indicator.kind as string]));
    outlineProblems(data.outline, {
      kindOf: (id) => (indicatorIndex.has(id) ? (kindOf(id) ?? "") : info.get(id)),
      hasSection: (id) => sectionIndex.has(id),
      add,
      tableColumns: new Map(
        list(data.tables).flatMap((t) =>
          isObj(t) && typeof t.id === "string"
            ? [[t.id, new Set(list(t.columns).map((c) => (isObj(c) ? str(c.id) : undefined)))] as const]
            : [],
        ) as Array<[string, Set<string>]>,
      ),
    });
  }
  return problems;
}

/**
 * The outline's references: every placeholder one the program knows, naming known indicators
 * of a kind it can compute with, every `section` a section of the form.
 */
function outlineProblems(
  outline: Obj,
  context: {
    /** The kind of a known id ("" when its kind is itself invalid), undefined for an unknown one. */
    kindOf: (id: string) => string | undefined;
    hasSection: (id: string) => boolean;
    add: (path: string, id: string | undefined, message: string) => void;
    /** Table id → its column ids (`{bang:table:column}`). */
    tableColumns: ReadonlyMap<string, ReadonlySet<string>>;
  },
): void {
  const { kindOf, hasSection, add, tableColumns } = context;
  const template = (text: string, path: string) => {
    if (/\{[^}]*$/.test(text) || /^[^{]*\}/.test(text.replace(/\{[^{}]*\}/g, "")))
      add(path, undefined, "Câu mẫu có dấu ngoặc { hoặc } không thành cặp.");
    for (const piece of parseTemplate(text)) {
      if (piece.kind !== "placeholder") continue;
      const p = piece.placeholder;
      if (!p) {
        add(
          path,
          piece.source,
          `Chỗ điền "{${piece.source}}" không phải dạng chương trình hiểu; dùng {mã chỉ tiêu}, {tyle:mã tử số:mã mẫu số}, {phanso:mã tỷ lệ}, {sosanh:mã chỉ tiêu}, {bang:mã bảng:mã cột} hoặc {cap:mã chỉ tiêu chữ}.`,
        );
        continue;
      }
      if (p.kind === "table") {
        const columns = tableColumns.get(p.table);
        if (!columns) add(path, p.table, `{bang:…} dùng bảng "${p.table}" không có trong tables.`);
        else if (!columns.has(p.column))
          add(path, p.column, `{bang:…} dùng cột "${p.column}" không có trong bảng "${p.table}".`);
        continue;
      }
      const ids = placeholderIds(p);
      for (const id of ids) {
        const kind = kindOf(id);
        if (kind === undefined) {
          add(path, id, `Câu mẫu dùng chỉ tiêu "${id}" không có trong indicators.`);
          continue;
        }
        if (kind === "") continue;
        if (p.kind === "ratio" && !NUMERIC.includes(kind))
          add(path, id, `{tyle:…} chỉ tính trên số đếm hoặc số tiền; "${id}" là "${kind}".`);
        if (p.kind === "level" && kind !== "text")
          add(
            path,
            id,
            `{cap:…} đọc cấp hành chính trong tên, chỉ dùng với chỉ tiêu chữ (text); "${id}" là "${kind}".`,
          );
        if (p.kind === "fraction" && kind !== "ratio")
          add(path, id, `{phanso:…} chỉ dùng với chỉ tiêu tỷ lệ (ratio); "${id}" là "${kind}".`);
        if (p.kind === "compare" && !NUMERIC.includes(kind) && kind !== "ratio" && kind !== "percent")
          add(
            path,
            id,
            `{sosanh:…} chỉ so sánh số đếm, số tiền, tỷ lệ hoặc phần trăm; "${id}" là "${kind}".`,
          );
      }
    }
  };
  const walk = (parts: unknown, path: string) => {
    list(parts).forEach((part, i) => {
      if (!isObj(part)) return;
      const at = `${path}[${i}]`;
      if (typeof part.heading === "string") template(part.heading, `${at}.heading`);
      const section = str(part.section);
      if (section !== undefined && !hasSection(section))
        add(`${at}.section`, section, `Mục "${section}" không có trong sections.`);
      list(part.paragraphs).forEach((paragraph, k) => {
        if (typeof paragraph === "string") template(paragraph, `${at}.paragraphs[${k}]`);
      });
      walk(part.parts, `${at}.parts`);
    });
  };
  walk(outline.parts, "outline.parts");
}

/** Every problem of a catalogue file's text; an empty list when it can be installed. */
export function catalogueProblems(text: string): CatalogueProblem[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return [syntaxProblem(text, error as Error)];
  }
  return dataProblems(data);
}

/** Every problem of parsed catalogue data. */
export function dataProblems(data: unknown): CatalogueProblem[] {
  const validate = schemaValidator();
  const problems: CatalogueProblem[] = [];
  if (!validate(data)) {
    for (const error of validate.errors ?? []) {
      // The discriminator already says what is wrong with a check's type; skip ajv's echo of it.
      if (error.keyword === "oneOf") continue;
      const extra = error.keyword === "additionalProperties" ? String(error.params.additionalProperty) : "";
      const base = jsonPath(error.instancePath);
      problems.push({
        path: extra ? (base ? `${base}.${extra}` : extra) : base,
        ...(idAt(data, error.instancePath) ? { id: idAt(data, error.instancePath) } : {}),
        message: schemaMessage(error, data),
      });
    }
  }
  problems.push(...crossReferenceProblems(data));
  return problems;
}

/**
 * A catalogue from a file's text, or CatalogueError with every problem found (nothing is to
 * be installed then). `source` names the file in the message.
 */
export function parseCatalogue(text: string, source = ""): Catalogue {
  const problems = catalogueProblems(text);
  if (problems.length > 0) throw new CatalogueError(problems, source);
  return catalogueFromFile(JSON.parse(text.replace(/^\uFEFF/, "")) as CatalogueFile);
}

/**
 * The fields of a typed percentage (`kind: "percent"`): `max` and `weightedBy` belong to it
 * only, and the weight must be a count of the form (the dossiers a rate of online payments is
 * of): a money amount, another rate or a text cannot weigh it (docs/catalogue-format.md).
 * Returns [field, Vietnamese message] pairs.
 */
function percentFieldProblems(
  item: Record<string, unknown>,
  kind: string | undefined,
  kindOf: (id: string) => string | undefined,
): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  if (kind === undefined) return problems;
  for (const field of ["max", "weightedBy"])
    if (kind !== "percent" && item[field] !== undefined)
      problems.push([field, `Chỉ chỉ tiêu phần trăm (percent) mới có ${field}; chỉ tiêu này là "${kind}".`]);
  const weight = str(item.weightedBy);
  if (kind === "percent" && weight !== undefined) {
    const weightKind = kindOf(weight);
    if (weight === item.id)
      problems.push(["weightedBy", "Chỉ tiêu phần trăm không thể làm quyền số của chính nó."]);
    else if (weightKind === undefined)
      problems.push(["weightedBy", `Quyền số "${weight}" không có trong indicators.`]);
    else if (weightKind !== "count")
      problems.push([
        "weightedBy",
        `Quyền số "${weight}" phải là chỉ tiêu số đếm (count) của mẫu; "${weight}" là "${weightKind}".`,
      ]);
  }
  return problems;
}
