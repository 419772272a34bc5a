/**
 * The value of every indicator computed from the typed figures: what the report prints and
 * what the installed sheets cache beside their formulas. Ratios and derived dates are always
 * computed here, never read from a cell (a CCHC.* cell may be stale or `#NAME?`).
 */
import { FigureError, onTimeRate, ratio } from "./arithmetic";
import { argIds, indexIndicators, type Catalogue, type Indicator, type RatioArg } from "./catalogue";
import type { FigureCell, Figures } from "./figures";
import { CUSTOM_PERIOD, parsePeriod, periodEndSerial, periodStartSerial } from "./period";

/** A figure usable in arithmetic: a number, blank, or invalid (already reported by the checks). */
export type Numeric = number | "blank" | "invalid";

/** The numeric reading of a count/money/date figure. */
export function numericOf(figure: FigureCell | undefined): Numeric {
  if (!figure) return "blank";
  const v = figure.value;
  if (v.type === "blank") return "blank";
  if (v.type === "number" && v.value >= 0) return v.value;
  return "invalid";
}

/**
 * The numeric reading of a ratio argument: one figure, or the sum of a list of figures
 * (docs/catalogue-format.md: blank as 0). A list is blank only when all of it is blank, as a
 * single blank figure is; invalid when any of it is.
 */
export function numericOfArg(arg: RatioArg, figures: Figures): Numeric {
  if (typeof arg === "string") return numericOf(figures.get(arg));
  const values = arg.map((id) => numericOf(figures.get(id)));
  if (values.includes("invalid")) return "invalid";
  const numbers = values.filter((v): v is number => typeof v === "number");
  return numbers.length === 0 ? "blank" : numbers.reduce((a, b) => a + b, 0);
}

export interface Evaluated {
  /** A number (count, money, ratio, date serial), a text, or "" when there is nothing to show. */
  value: number | string;
  /** Why the value is empty or doubtful, for the report's Ghi chú. */
  note?: string;
}

function textOf(figure: FigureCell | undefined): string {
  const v = figure?.value;
  if (!v) return "";
  if (v.type === "text") return v.value.trim();
  if (v.type === "number") return String(v.value);
  return "";
}

function evaluateRatio(
  indicator: Indicator,
  byId: ReadonlyMap<string, Indicator>,
  figures: Figures,
): Evaluated {
  const formula = indicator.formula!;
  const [num, den] = formula.args.map((arg) => numericOfArg(arg, figures));
  if (num === "invalid" || den === "invalid") {
    return { value: "", note: "Không tính được: số liệu đầu vào có lỗi" };
  }
  const denominatorLabel = argIds(formula.args[1])
    .map((id) => byId.get(id)?.label ?? id)
    .join(" + ");
  try {
    if (formula.fn === "DUNGHAN") {
      const value = onTimeRate(num === "blank" ? null : num, den === "blank" ? null : den);
      return value === ""
        ? { value, note: num === "blank" ? "Chưa có số liệu" : "Không có hồ sơ để tính tỷ lệ" }
        : { value };
    }
    if (den === "blank") return { value: "", note: `Chưa có số liệu mẫu số (${denominatorLabel})` };
    if (den === 0) return { value: "", note: `Mẫu số bằng 0 (${denominatorLabel})` };
    const value = ratio(num === "blank" ? null : num, den);
    return value === "" ? { value, note: "Chưa có số liệu" } : { value };
  } catch (error) {
    if (error instanceof FigureError) return { value: "", note: error.message };
    throw error;
  }
}

/**
 * The derived date: the typed one when the user overwrote the formula, else the period's, its
 * window starting no earlier than the form's units (`unitsFrom`, an ISO date).
 */
function evaluateDerivedDate(
  indicator: Indicator,
  figures: Figures,
  unitsFrom: string | undefined,
): Evaluated {
  const own = figures.get(indicator.id);
  if (own && !own.formula) {
    const typed = numericOf(own);
    if (typeof typed === "number") return { value: typed };
    if (typed === "invalid") return { value: "", note: "Ngày không hợp lệ" };
  }
  const period = textOf(figures.get("ky_bao_cao"));
  const yearFigure = figures.get("nam")?.value;
  const year = yearFigure?.type === "number" ? yearFigure.value : null;
  try {
    const compute = indicator.derived === "TUNGAY" ? periodStartSerial : periodEndSerial;
    const value = compute(period, year, unitsFrom);
    if (value !== "") return { value };
    return {
      value,
      note:
        parsePeriod(period) === CUSTOM_PERIOD ? "Kỳ «Tùy chọn»: hãy nhập ngày" : "Chưa có kỳ báo cáo và năm",
    };
  } catch (error) {
    if (error instanceof FigureError) return { value: "", note: error.message };
    throw error;
  }
}

/** Every indicator's value, in catalogue order. */
export function evaluateIndicators(figures: Figures, catalogue: Catalogue): Map<string, Evaluated> {
  const byId = indexIndicators(catalogue);
  const result = new Map<string, Evaluated>();
  for (const indicator of catalogue.indicators) {
    if (indicator.kind === "ratio") {
      result.set(indicator.id, evaluateRatio(indicator, byId, figures));
    } else if (indicator.derived) {
      result.set(indicator.id, evaluateDerivedDate(indicator, figures, catalogue.unitsFrom));
    } else if (indicator.kind === "count" || indicator.kind === "money" || indicator.kind === "date") {
      const n = numericOf(figures.get(indicator.id));
      result.set(
        indicator.id,
        typeof n === "number"
          ? { value: n }
          : { value: "", note: n === "invalid" ? "Số liệu không hợp lệ" : undefined },
      );
    } else {
      result.set(indicator.id, { value: textOf(figures.get(indicator.id)) });
    }
  }
  return result;
}
