/**
 * The kind check of every typed figure: what a cell may hold for its indicator (a count a whole
 * number ≥ 0, a date a date, a choice one of its list …), and number cells whose formula shows
 * nothing.
 */
import { NOT_REPORTED } from "../arithmetic";
import type { Indicator } from "../catalogue";
import { isNotReported } from "../evaluate";
import type { FigureCell } from "../figures";
import { acceptsNotReported, percentProblem } from "./notReported";
import { parsePeriod } from "../period";
import { fullLabel, type CheckContext } from "./context";
import type { Finding } from "./finding";
import { describe, FIRST_SERIAL, LAST_SERIAL, n, textNotDate } from "./words";

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
export function kindProblem(indicator: Indicator, figure: FigureCell): string | undefined {
  const v = figure.value;
  if (v.type === "blank") return undefined;
  if (v.type === "error") return `ô đang báo lỗi ${v.value}`;
  // «Chưa có số liệu» is a value every figure cell accepts (not reported is not zero).
  if (acceptsNotReported(indicator) && isNotReported(figure)) return undefined;
  switch (indicator.kind) {
    case "percent":
      return percentProblem(indicator, v);
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
      // «chua co so lieu» typed without its marks: say the phrase the form accepts.
      if (v.type === "text" && acceptsNotReported(indicator) && looksLikeNotReported(v.value))
        return `${describe(v)} không phải là số; nếu chưa có số liệu, gõ đúng cụm «${NOT_REPORTED}» (có dấu)`;
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

/** The check id of a figure's kind problem; `invalidIds` reads it back. */
const KIND = "kind:";

/**
 * The kind errors of every typed figure (computed cells aside), in catalogue order, and a
 * warning for a number cell whose formula shows nothing.
 */
export function kindFindings(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const indicator of ctx.catalogue.indicators) {
    const figure = ctx.figures.get(indicator.id);
    if (!figure || indicator.kind === "ratio" || (indicator.derived && figure.formula)) continue;
    const problem = kindProblem(indicator, figure);
    if (problem) {
      findings.push({
        severity: "error",
        checkId: `${KIND}${indicator.id}`,
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
  return findings;
}

/** The ids `kindFindings` found invalid: every other check leaves them out (said once). */
export function invalidIds(kindFound: readonly Finding[]): Set<string> {
  return new Set(kindFound.filter((f) => f.checkId.startsWith(KIND)).map((f) => f.ids[0]));
}

/** «chua co so lieu», «CHUA CO SO LIEU»: the accepted phrase with its marks lost (Telex off, a copy). */
function looksLikeNotReported(text: string): boolean {
  const plain = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/\.$/, "")
    .trim();
  return plain === "chua co so lieu";
}
