/**
 * The check engine: figures → findings. Every rule of the catalogue, the kind of every typed
 * figure and the document list. Pure and total: no input makes it throw.
 */
import { difference, formatNumberVi, sumOfParts } from "./arithmetic";
import { periodOutsideForm } from "./catalogue/validity";
import {
  argIds,
  indexIndicators,
  type Catalogue,
  type CheckRule,
  type Indicator,
  type Severity,
} from "./catalogue";
import { isInfo } from "./catalogue/infoBlock";
import { evaluateIndicators, numericOf, type Evaluated } from "./evaluate";
import type { CellValue, DocumentRow, FigureCell, Figures, PlacementProblem } from "./figures";
import { formatSerialVi } from "./dates";
import { formatDateVi, fromExcelSerial, parsePeriod } from "./period";

export interface Finding {
  severity: Severity;
  /** The rule (`kind:<id>`, a catalogue check id, `doc:<n>` …), stable across runs. */
  checkId: string;
  ids: string[];
  /** Cell references (`'Sheet'!D12`) a user should look at, the first being the main one. */
  cells: string[];
  message: string;
}

/** Excel's first and last date serials (1 Jan 1900, 31 Dec 9999). */
const FIRST_SERIAL = 1;
const LAST_SERIAL = 2_958_465;

const n = formatNumberVi;

/** Invisible characters a typed value may carry (pasted from Word, a web page, a PDF), by name. */
const INVISIBLE_NAMES: Readonly<Record<string, string>> = {
  "\u00a0": "dấu cách không ngắt",
  "\u202f": "dấu cách hẹp không ngắt",
  "\u2007": "dấu cách chữ số",
  "\u200b": "dấu cách độ rộng 0",
  "\u200c": "ký tự nối độ rộng 0",
  "\u200d": "ký tự nối độ rộng 0",
  "\u2060": "ký tự nối từ",
  "\ufeff": "ký tự BOM",
  "\u00ad": "dấu gạch nối mềm",
  "\t": "dấu tab",
  "\n": "dấu xuống dòng",
  "\r": "dấu xuống dòng",
};
/** Spaces Excel and a reader cannot see apart from a plain one, format and control characters. */
const INVISIBLE = /[\u00a0\u202f\u2007\u00ad\p{Cc}\p{Cf}]/gu;

/**
 * Typed text as a message quotes it: every invisible character shown as `⟨U+200B⟩`, and named
 * after the quote, so «47» that holds a zero-width space does not read as a plain 47.
 */
export function quoteTyped(text: string, max = 40): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  const found = new Set<string>();
  const shown = cut.replace(INVISIBLE, (ch) => {
    found.add(ch);
    return `⟨U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}⟩`;
  });
  if (found.size === 0) return `«${shown}»`;
  const names = [...found].map(
    (ch) =>
      `${INVISIBLE_NAMES[ch] ?? "ký tự điều khiển"} U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`,
  );
  return `«${shown}» (có ký tự ẩn: ${[...new Set(names)].join(", ")})`;
}

/** Text that reads as a number to a person: digits with spaces, dots or commas between them. */
const NUMBER_AS_TEXT = /^\s*'?-?\d[\d.,\s]*$/;

/**
 * The number a person meant by digits typed as text, to be typed again: «2025» → 2025, «1.250»
 * and «1 250» → 1250 (dots or spaces between groups of three), «'7» → 7. Undefined when the
 * text is ambiguous (a comma or a dot that may be a decimal mark: «1,5», «2.5»).
 */
function typedDigits(text: string): string | undefined {
  const bare = text.replace(/[\s']/g, "");
  if (/^-?\d+$/.test(bare)) return bare;
  if (/^-?\d{1,3}(\.\d{3})+$/.test(bare) || /^-?\d{1,3}(\s\d{3})+$/.test(text.trim().replace(/^'/, "")))
    return bare.replace(/\./g, "");
  return undefined;
}

function describe(value: CellValue): string {
  switch (value.type) {
    case "text":
      return quoteTyped(value.value);
    case "boolean":
      return value.value ? "TRUE" : "FALSE";
    case "error":
      return value.value;
    case "number":
      return n(value.value, 6);
    default:
      return "ô trống";
  }
}

/**
 * Whether a count is a whole number, floating-point noise aside: a count computed in the sheet
 * (`=0,1*300` gives 30.000000000000004) is the whole number it shows; only a part above a
 * billionth of the value (at least a billionth) is a real fraction.
 */
export function isWholeCount(value: number): boolean {
  return Math.abs(value - Math.round(value)) <= 1e-9 * Math.max(1, Math.abs(value));
}

/** Decimals enough to show why `value` is not whole (at most 12): 30,0000001, not «30». */
function decimalsShowing(value: number): number {
  for (let decimals = 6; decimals < 12; decimals++) {
    const shown = Number(value.toFixed(decimals));
    if (!Number.isInteger(shown)) return decimals;
  }
  return 12;
}

/** The kind check of one typed figure: what a cell may hold for its indicator. */
function kindProblem(indicator: Indicator, figure: FigureCell): string | undefined {
  const v = figure.value;
  if (v.type === "blank") return undefined;
  if (v.type === "error") return `ô đang báo lỗi ${v.value}`;
  switch (indicator.kind) {
    case "count":
    case "money": {
      if (v.type === "text" && NUMBER_AS_TEXT.test(v.value)) {
        const digits = typedDigits(v.value);
        return (
          `${describe(v)} là chữ chứ không phải số (ô đang ở dạng văn bản, hoặc số có dấu nháy ' đầu, dấu cách hay dấu chấm phân cách hàng nghìn): ` +
          (digits !== undefined
            ? `hãy gõ lại ${digits} vào ô, chỉ gồm chữ số`
            : "hãy gõ lại số vào ô, chỉ gồm chữ số")
        );
      }
      if (v.type !== "number") return `${describe(v)} không phải là số (gõ số, không gõ chữ hay dấu cách)`;
      if (v.value < 0) return `số âm (${n(v.value, 6)}) không hợp lệ`;
      if (indicator.kind === "count" && !isWholeCount(v.value))
        return `phải là số nguyên, đang là ${n(v.value, decimalsShowing(v.value))}`;
      return undefined;
    }
    case "date": {
      if (v.type === "text") return textNotDate(v.value);
      if (v.type !== "number") return `${describe(v)} không phải là ngày (gõ theo dạng ngày/tháng/năm)`;
      if (!Number.isInteger(v.value) || v.value < FIRST_SERIAL || v.value > LAST_SERIAL)
        return "ngày không hợp lệ";
      return undefined;
    }
    case "choice": {
      const text = v.type === "text" ? v.value : v.type === "number" ? v.value : undefined;
      const known =
        indicator.id === "ky_bao_cao"
          ? parsePeriod(text) !== undefined
          : indicator.choices?.includes(String(text));
      return known
        ? undefined
        : `${describe(v)} không có trong danh sách (${(indicator.choices ?? []).join(", ")})`;
    }
    default:
      return undefined;
  }
}

/**
 * A date cell holding text that is no day/month/year date (a day/month/year text is read as its
 * date: `readDateCell`): what it holds and how to make it a date.
 */
function textNotDate(text: string): string {
  return (
    `ô đang chứa chữ ${quoteTyped(text)}, không phải một ngày: hãy gõ lại ngày theo dạng ngày/tháng/năm (ví dụ 18/9/2025), ` +
    `hoặc định dạng ô là ngày (Định dạng ô → Ngày) rồi gõ lại`
  );
}

interface Context {
  figures: Figures;
  byId: ReadonlyMap<string, Indicator>;
  invalid: Set<string>;
}

function label(ctx: Context, id: string): string {
  return ctx.byId.get(id)?.label ?? id;
}

/** A label inside a sentence: `Số hồ sơ` → `số hồ sơ`, but acronyms (`TTHC`, `CCHC`) stay. */
function inSentence(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0].toLocaleLowerCase("vi") + text.slice(1) : text;
}

/**
 * A part's label with its parent's, so `Có mặt` reads `Có mặt (Cán bộ, công chức cấp xã được
 * giao)`. Where a figure in parentheses follows (`numbered`), the parent is joined with a dash
 * instead, so parentheses are never nested; a parent the sentence names anyway (`besides`) is
 * left out.
 */
function fullLabel(ctx: Context, id: string, besides?: string): string {
  const indicator = ctx.byId.get(id);
  if (!indicator?.parent || indicator.parent === besides) return label(ctx, id);
  return `${indicator.label} (${label(ctx, indicator.parent)})`;
}

/** A label followed by its figure in parentheses: `Có mặt – cán bộ, công chức cấp xã được giao (386)`. */
function numbered(ctx: Context, id: string, value: number, besides?: string): string {
  const indicator = ctx.byId.get(id);
  const text =
    !indicator?.parent || indicator.parent === besides
      ? label(ctx, id)
      : `${indicator.label} – ${inSentence(label(ctx, indicator.parent))}`;
  return `${text} (${n(value)})`;
}

function cellsOf(ctx: Context, ids: readonly string[]): string[] {
  return ids.map((id) => ctx.figures.get(id)?.cell).filter((cell): cell is string => !!cell);
}

/** Numbers of the given ids, or undefined when one is invalid (already reported) or blank where a value is needed. */
function numbers(ctx: Context, ids: readonly string[], blankAsZero: boolean): number[] | undefined {
  const result: number[] = [];
  for (const id of ids) {
    if (ctx.invalid.has(id)) return undefined;
    const value = numericOf(ctx.figures.get(id));
    if (value === "invalid") return undefined;
    if (value === "blank") {
      if (!blankAsZero) return undefined;
      result.push(0);
    } else result.push(value);
  }
  return result;
}

function anyGiven(ctx: Context, ids: readonly string[]): boolean {
  return ids.some((id) => numericOf(ctx.figures.get(id)) !== "blank");
}

function finding(ctx: Context, rule: CheckRule, severity: Severity, ids: string[], message: string): Finding {
  return { severity, checkId: rule.id, ids, cells: cellsOf(ctx, ids), message };
}

function applyRule(
  ctx: Context,
  rule: CheckRule,
  evaluatedDates: (id: string) => number | undefined,
): Finding | undefined {
  switch (rule.type) {
    case "partOfWhole": {
      const values = numbers(ctx, [rule.part, rule.whole], false);
      if (!values || values[0] <= values[1]) return undefined;
      return finding(
        ctx,
        rule,
        rule.severity,
        [rule.part, rule.whole],
        `${numbered(ctx, rule.part, values[0], rule.whole)} lớn hơn ${inSentence(numbered(ctx, rule.whole, values[1]))}: phần không thể vượt tổng.`,
      );
    }
    case "sum": {
      if (!anyGiven(ctx, [rule.total]) || !anyGiven(ctx, rule.parts)) return undefined;
      const total = numbers(ctx, [rule.total], false);
      const parts = numbers(ctx, rule.parts, true);
      if (!total || !parts) return undefined;
      const gap = difference(total[0], parts);
      if (gap === 0) return undefined;
      const partsText = rule.what ?? `Tổng ${rule.parts.map((id) => inSentence(label(ctx, id))).join(" + ")}`;
      return finding(
        ctx,
        rule,
        rule.severity,
        [rule.total, ...rule.parts],
        `${partsText} là ${n(sumOfParts(parts))}, khác ${inSentence(label(ctx, rule.total))} (${n(total[0])}), lệch ${n(Math.abs(gap))}.`,
      );
    }
    case "balance": {
      const total = numbers(ctx, [rule.total], false);
      const parts = numbers(ctx, rule.parts, false);
      if (!total || !parts || ctx.invalid.has(rule.explainedBy)) return undefined;
      const explained = numericOf(ctx.figures.get(rule.explainedBy));
      if (explained === "invalid") return undefined;
      const given = explained !== "blank";
      const gap = difference(total[0], given ? [...parts, explained] : parts);
      if (gap === 0) return undefined;
      const terms = rule.parts.map((id, i) => `${inSentence(label(ctx, id))} ${n(parts[i])}`).join(" − ");
      const ids = [rule.total, ...rule.parts, rule.explainedBy];
      if (given) {
        return finding(
          ctx,
          rule,
          "error",
          ids,
          `${label(ctx, rule.total)} (${n(total[0])}) khác ${terms.replace(/ − /g, " + ")} + ${inSentence(label(ctx, rule.explainedBy))} ${n(
            explained,
          )}, lệch ${n(Math.abs(gap))}.`,
        );
      }
      return finding(
        ctx,
        rule,
        "warning",
        ids,
        `Có ${n(gap)} ${ctx.byId.get(rule.total)?.unit ?? ""} chưa rõ tình trạng: ${inSentence(label(ctx, rule.total))} ${n(total[0])} − ${terms}. Nếu có, điền «${label(
          ctx,
          rule.explainedBy,
        )}».`,
      );
    }
    case "notAbove": {
      const values = numbers(ctx, [rule.value, rule.limit], false);
      if (!values || values[0] <= values[1]) return undefined;
      return finding(
        ctx,
        rule,
        rule.severity,
        [rule.value, rule.limit],
        `${rule.what}: ${fullLabel(ctx, rule.value)} ${n(values[0])} > ${n(values[1])} (+${n(values[0] - values[1])}).`,
      );
    }
    case "dateOrder": {
      const from = evaluatedDates(rule.from);
      const to = evaluatedDates(rule.to);
      if (from === undefined || to === undefined || from <= to) return undefined;
      return finding(
        ctx,
        rule,
        rule.severity,
        [rule.from, rule.to],
        `${label(ctx, rule.from)} (${formatDateVi(fromExcelSerial(from))}) sau ${inSentence(label(ctx, rule.to))} (${formatDateVi(
          fromExcelSerial(to),
        )}).`,
      );
    }
  }
}

function documentFindings(
  ctx: Context,
  documents: readonly DocumentRow[],
  from?: number,
  to?: number,
): Finding[] {
  const found: Finding[] = [];
  for (const doc of documents) {
    const name = doc.number.type === "text" ? doc.number.value : `dòng ${doc.index}`;
    const date = doc.date;
    if (date.type === "blank") continue;
    if (
      date.type !== "number" ||
      !Number.isInteger(date.value) ||
      date.value < FIRST_SERIAL ||
      date.value > LAST_SERIAL
    ) {
      found.push({
        severity: "error",
        checkId: `doc:${doc.index}:date`,
        ids: ["vb_chidao"],
        cells: [doc.dateCell],
        message:
          date.type === "text"
            ? `Văn bản ${name}: ${textNotDate(date.value)}.`
            : `Văn bản ${name}: ngày ban hành ${describe(date)} không phải là ngày hợp lệ.`,
      });
      continue;
    }
    if (from !== undefined && to !== undefined && (date.value < from || date.value > to)) {
      found.push({
        severity: "warning",
        checkId: `doc:${doc.index}:period`,
        ids: ["vb_chidao"],
        cells: [doc.dateCell],
        message: `Văn bản ${name} ngày ${formatDateVi(fromExcelSerial(date.value))} nằm ngoài kỳ số liệu (${formatDateVi(
          fromExcelSerial(from),
        )} – ${formatDateVi(fromExcelSerial(to))}).`,
      });
    }
  }
  const typed = numericOf(ctx.figures.get("vb_chidao"));
  if (documents.length > 0 && typeof typed === "number" && typed !== documents.length) {
    found.push({
      severity: "warning",
      checkId: "doc:count",
      ids: ["vb_chidao"],
      cells: cellsOf(ctx, ["vb_chidao"]),
      message: `Danh mục văn bản có ${n(documents.length)} văn bản, nhưng ${inSentence(label(ctx, "vb_chidao"))} ghi ${n(typed)}.`,
    });
  }
  return found;
}

/** How long after its data period a report may still be dated without a warning (days). */
const ISSUE_GRACE_DAYS = 92;

/**
 * The report's own date (Ngày ban hành) against its data period, as the documents' dates are:
 * a report is issued once its data period has begun, and at latest some three months after it
 * ends (a late annual report); a date outside that is most likely a slip (05/01/2024 on a Quý
 * III/2025 report, a year typed wrong). A warning: the date is the user's to decide.
 */
function issueDateFindings(ctx: Context, issued?: number, from?: number, to?: number): Finding[] {
  if (issued === undefined || from === undefined || to === undefined || !ctx.byId.has("ngay_ban_hanh"))
    return [];
  const period = `${formatSerialVi(from)} – ${formatSerialVi(to)}`;
  const what = `${label(ctx, "ngay_ban_hanh")} ${formatSerialVi(issued)}`;
  let message: string | undefined;
  if (issued < from)
    message = `${what} ở trước kỳ số liệu (${period}) của báo cáo: hãy xem lại ngày, tháng, năm.`;
  else if (issued > to + ISSUE_GRACE_DAYS)
    message = `${what} muộn hơn ba tháng sau kỳ số liệu (${period}) của báo cáo: hãy xem lại ngày, tháng, năm.`;
  return message
    ? [
        {
          severity: "warning",
          checkId: "info:ngay_ban_hanh",
          ids: ["ngay_ban_hanh"],
          cells: cellsOf(ctx, ["ngay_ban_hanh"]),
          message,
        },
      ]
    : [];
}

/** A ratio one side of which is typed while the other is all blank. */
export interface RatioGap {
  /** The ratio indicator. */
  id: string;
  missing: "numerator" | "denominator";
  /** The figures of the missing side (all blank) and the typed figures of the other side. */
  blank: string[];
  typed: string[];
}

/**
 * The figures under a ratio's numerator and denominator: TYLE(a; b) is a over b, DUNGHAN(on
 * time; late) is on time over on time + late (docs/catalogue-format.md).
 */
function ratioSides(indicator: Indicator): [readonly string[], readonly string[]] {
  const [first, second] = indicator.formula!.args.map(argIds);
  return indicator.formula!.fn === "DUNGHAN" ? [first, [...first, ...second]] : [first, second];
}

/**
 * Every ratio of `catalogue` whose numerator's figures are typed while its denominator's are
 * all blank, or the reverse. Such a unit's own rate is empty, but a consolidation over units
 * would add the typed side and not the missing one, and inflate (or deflate) the province's
 * rate silently: the checks warn the unit, and `consolidateUnits` notes the consolidated ratio.
 * Invalid figures are left to their own error.
 */
export function ratioGaps(figures: Figures, catalogue: Catalogue): RatioGap[] {
  const gaps: RatioGap[] = [];
  const stateOf = (ids: readonly string[]) => {
    const values = ids.map((id) => numericOf(figures.get(id)));
    if (values.includes("invalid")) return "invalid";
    return values.every((v) => v === "blank") ? "blank" : "typed";
  };
  for (const indicator of catalogue.indicators) {
    if (indicator.kind !== "ratio" || !indicator.formula) continue;
    const [numerator, denominator] = ratioSides(indicator);
    const top = stateOf(numerator);
    const bottom = stateOf(denominator);
    const typedOf = (ids: readonly string[]) => ids.filter((id) => numericOf(figures.get(id)) !== "blank");
    if (top === "typed" && bottom === "blank")
      gaps.push({
        id: indicator.id,
        missing: "denominator",
        blank: [...denominator],
        typed: typedOf(numerator),
      });
    else if (bottom === "typed" && top === "blank")
      gaps.push({
        id: indicator.id,
        missing: "numerator",
        blank: [...numerator],
        typed: typedOf(denominator),
      });
  }
  return gaps;
}

/** The warning of a ratio gap, on the missing figure's cell first. */
function ratioGapFinding(ctx: Context, gap: RatioGap): Finding {
  const names = (ids: readonly string[]) => ids.map((id) => `«${label(ctx, id)}»`).join(", ");
  const blankCells = cellsOf(ctx, gap.blank);
  const where = blankCells.length > 0 ? ` (ô ${blankCells.join(", ")})` : "";
  const [present, absent] = gap.missing === "denominator" ? ["tử số", "mẫu số"] : ["mẫu số", "tử số"];
  return {
    severity: "warning",
    checkId: `ratio:${gap.id}`,
    ids: [...gap.blank, ...gap.typed, gap.id],
    cells: [...blankCells, ...cellsOf(ctx, gap.typed)],
    message:
      `${label(ctx, gap.id)}: đã nhập ${present} (${names(gap.typed)}) nhưng ${absent} (${names(gap.blank)}) còn trống${where}, ` +
      `nên tỷ lệ không tính được; khi tổng hợp, ${present} được cộng mà thiếu ${absent}, làm sai tỷ lệ chung. ` +
      `Hãy nhập ${absent}${gap.missing === "numerator" ? " (0 nếu không có)" : ""}.`,
  };
}

/**
 * Errors about where figures are, from `readNamedFigures`: a figure's cell deleted (its name is
 * `#REF!`), and a row whose key disagrees with the name on its figure cell (rows sorted). Both
 * leave the workbook's own formulas reading the wrong cell until `install` repairs the sheet.
 */
export function placementFindings(
  problems: readonly PlacementProblem[],
  catalogue: Catalogue,
  evaluated?: ReadonlyMap<string, Evaluated>,
): Finding[] {
  const byId = indexIndicators(catalogue);
  const ctx: Context = { figures: new Map(), byId, invalid: new Set() };
  return problems.map((problem): Finding => {
    if (problem.kind === "typedOver") return typedOverFinding(ctx, problem, evaluated?.get(problem.id));
    const what = `${fullLabel(ctx, problem.id)} (${problem.id})`;
    if (problem.kind === "brokenName") {
      return {
        severity: "error",
        checkId: `place:${problem.id}`,
        ids: [problem.id],
        cells: [],
        message:
          `Ô nhập của chỉ tiêu ${what} đã bị xoá (tên ${problem.name} ${problem.reference ? `trỏ tới ${problem.reference}` : "không còn trỏ tới ô nào"}), ` +
          `nên chỉ tiêu này không được đọc và các công thức dùng nó báo lỗi. ` +
          `Hãy cài lại mẫu (cchc install, hoặc nút Cài đặt trong Excel) để dựng lại ô, rồi nhập số liệu.`,
      };
    }
    if (problem.kind === "keyMissing") {
      return {
        severity: "error",
        checkId: `place:${problem.id}`,
        ids: [problem.id],
        cells: [problem.namedCell],
        message:
          `Ô này mang tên ${problem.name} (${what}) nhưng dòng của nó có mã ${problem.keyThere}, ` +
          `và không dòng nào mang mã ${problem.id}: chỉ tiêu này không được đọc. ` +
          `Hãy sửa lại mã ở cột đầu của dòng, hoặc cài lại mẫu (cchc install, hoặc nút Cài đặt) rồi nhập lại số liệu.`,
      };
    }
    return {
      severity: "error",
      checkId: `place:${problem.id}`,
      ids: [problem.id],
      cells: [problem.cell, problem.namedCell],
      message:
        `Các dòng đã bị sắp xếp hoặc chuyển chỗ: ô ${problem.namedCell} mang tên ${problem.name} (${what}) ` +
        `nhưng dòng của nó ${problem.keyThere ? `có mã ${problem.keyThere}` : "không có mã"}; số liệu của ${problem.id} đang ở ô ${problem.cell}. ` +
        `Các công thức trong tệp đang đọc nhầm dòng: hãy cài lại mẫu (cchc install, hoặc nút Cài đặt) để xếp lại theo mã.`,
    };
  });
}

/** A ratio as its cell shows it: 0.5106 → `51,06%`. */
const percent = (value: number) => `${n(value * 100, 2)}%`;

/**
 * A computed cell (a ratio) with a constant typed over its formula: what was typed, what the
 * figures give, and that the report uses the latter. `install` writes the formula back.
 */
function typedOverFinding(
  ctx: Context,
  problem: Extract<PlacementProblem, { kind: "typedOver" }>,
  computed: Evaluated | undefined,
): Finding {
  const typed =
    problem.typed.type === "number"
      ? `${percent(problem.typed.value)} (${n(problem.typed.value, 6)})`
      : describe(problem.typed);
  const gives =
    typeof computed?.value === "number"
      ? `theo số liệu đã nhập là ${percent(computed.value)}`
      : `theo số liệu đã nhập chưa tính được${computed?.note ? ` (${computed.note})` : ""}`;
  return {
    severity: "warning",
    checkId: `typed:${problem.id}`,
    ids: [problem.id],
    cells: [problem.cell],
    message:
      `${fullLabel(ctx, problem.id)} là ô tự tính, nhưng công thức đã bị gõ đè bằng ${typed}; ${gives}, ` +
      `và báo cáo dùng giá trị tính từ số liệu. Hãy xoá giá trị đã gõ, hoặc cài lại mẫu (npx cchc install, ` +
      `hoặc nút Cài đặt trong Excel) để khôi phục công thức.`,
  };
}

const isBlank = (figure: FigureCell | undefined) => !figure || figure.value.type === "blank";

/**
 * What a report cannot do without: its period (kỳ báo cáo and năm, from which the data period
 * follows) and at least one figure on the input sheets. A fresh template is not "valid"; it
 * gets warnings, not errors, since a draft may be checked before it is filled.
 */
function completenessFindings(ctx: Context, catalogue: Catalogue): Finding[] {
  // A workbook without the form's cells is not a report at all: that is said elsewhere.
  if (ctx.figures.size === 0) return [];
  const findings: Finding[] = [];
  const missing = ["ky_bao_cao", "nam"].filter((id) => ctx.byId.has(id) && isBlank(ctx.figures.get(id)));
  if (missing.length > 0) {
    const what = missing.map((id) => label(ctx, id).toLowerCase()).join(" và ");
    findings.push({
      severity: "warning",
      checkId: "info:period",
      ids: missing,
      cells: cellsOf(ctx, missing),
      message: `Thông tin chung chưa có ${what}: báo cáo chưa có kỳ, cũng chưa có ngày đầu và cuối kỳ số liệu.`,
    });
  }
  // A report without its issuing body: the heading and the signature block would be blank (a
  // consolidation's result gets it from --co-quan or from the user).
  if (ctx.byId.has("co_quan") && isBlank(ctx.figures.get("co_quan"))) {
    findings.push({
      severity: "warning",
      checkId: "info:co_quan",
      ids: ["co_quan"],
      cells: cellsOf(ctx, ["co_quan"]),
      message: `Thông tin chung chưa có ${label(ctx, "co_quan").toLowerCase()}: tên cơ quan ở đầu báo cáo và nơi ký sẽ để trống.`,
    });
  }
  const inputs = catalogue.indicators.filter(
    (i) => (i.kind === "count" || i.kind === "money") && !i.derived && !isInfo(i, catalogue),
  );
  if (inputs.length > 0 && inputs.every((i) => isBlank(ctx.figures.get(i.id)))) {
    findings.push({
      severity: "warning",
      checkId: "form:empty",
      ids: [],
      cells: cellsOf(ctx, [inputs[0].id]),
      message: "Chưa nhập số liệu nào vào các trang nhập liệu: chưa có gì để kiểm tra hay đưa vào báo cáo.",
    });
  }
  return findings;
}

/**
 * Every finding on the figures and the document list, errors and warnings in catalogue order;
 * `problems` (where figures are, from `readNamedFigures`) come first. `evaluated` is
 * `evaluateIndicators(figures, catalogue)` when the caller already has it (the consolidation
 * keeps it for each unit), computed here otherwise.
 */
export function checkFigures(
  figures: Figures,
  documents: readonly DocumentRow[],
  catalogue: Catalogue,
  problems: readonly PlacementProblem[] = [],
  evaluated: ReadonlyMap<string, Evaluated> = evaluateIndicators(figures, catalogue),
): Finding[] {
  const byId = indexIndicators(catalogue);
  const ctx: Context = { figures, byId, invalid: new Set() };
  const findings: Finding[] = placementFindings(problems, catalogue, evaluated);

  for (const indicator of catalogue.indicators) {
    const figure = figures.get(indicator.id);
    if (!figure || indicator.kind === "ratio" || (indicator.derived && figure.formula)) continue;
    const problem = kindProblem(indicator, figure);
    if (problem) {
      ctx.invalid.add(indicator.id);
      findings.push({
        severity: "error",
        checkId: `kind:${indicator.id}`,
        ids: [indicator.id],
        cells: [figure.cell],
        message: `${fullLabel(ctx, indicator.id)}: ${problem}.`,
      });
    } else if (
      figure.formula &&
      figure.value.type === "blank" &&
      (indicator.kind === "count" || indicator.kind === "money")
    ) {
      // A number cell whose formula shows nothing: a formula that gives "", or a file saved by a
      // program that writes formulas without their results (a script, an export). Either way
      // the figure counts as blank, which the user should know.
      findings.push({
        severity: "warning",
        checkId: `formula:${indicator.id}`,
        ids: [indicator.id],
        cells: [figure.cell],
        message:
          `${fullLabel(ctx, indicator.id)}: ô có công thức ${figure.formula} nhưng không có giá trị, nên được coi là để trống. ` +
          `Nếu tệp do chương trình khác tạo ra, hãy mở bằng Excel hoặc LibreOffice rồi lưu lại để công thức được tính.`,
      });
    }
  }

  const dateOf = (id: string) => {
    const value = evaluated.get(id)?.value;
    return typeof value === "number" && !ctx.invalid.has(id) ? value : undefined;
  };
  for (const rule of catalogue.checks) {
    const result = applyRule(ctx, rule, dateOf);
    if (result) findings.push(result);
  }
  for (const gap of ratioGaps(figures, catalogue)) findings.push(ratioGapFinding(ctx, gap));
  findings.push(...documentFindings(ctx, documents, dateOf("tu_ngay"), dateOf("den_ngay")));
  findings.push(...issueDateFindings(ctx, dateOf("ngay_ban_hanh"), dateOf("tu_ngay"), dateOf("den_ngay")));
  findings.push(...completenessFindings(ctx, catalogue));
  const end = dateOf("den_ngay");
  const outside = end !== undefined ? periodOutsideForm(catalogue, end) : undefined;
  if (outside) {
    findings.push({
      severity: "warning",
      checkId: "form:period",
      ids: ["den_ngay"],
      cells: cellsOf(ctx, ["den_ngay"]),
      message: outside,
    });
  }
  return findings;
}

/**
 * Every finding on a workbook as read, the one list `check` prints and `report` counts: the
 * checks on its figures and document list (with where figures are, `problems`), then what a
 * consolidation's breakdown sheet says of its parts (`breakdownFindings`), when it has one.
 */
export function workbookFindings(
  reading: { figures: Figures; documents: readonly DocumentRow[]; problems?: readonly PlacementProblem[] },
  catalogue: Catalogue,
  consolidation: readonly Finding[] = [],
): Finding[] {
  return [...checkFigures(reading.figures, reading.documents, catalogue, reading.problems), ...consolidation];
}

/** Counts by severity, for summaries. */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === "error").length;
  return { errors, warnings: findings.length - errors };
}
