/**
 * The one implementation of every CCHC computation: the custom functions, the checks, the
 * cached values of the installed sheets and the report all call these functions, so a figure
 * can never differ between a cell and the report.
 *
 * Arguments are `unknown` because they arrive from cells: a blank is `null`, `undefined` or
 * `""`; anything that is not a finite number is rejected with a Vietnamese message.
 */

/** Why a computation has no value; mapped to `#DIV/0!` / `#VALUE!` by the custom functions. */
export class FigureError extends Error {
  readonly code: "divideByZero" | "invalidValue";

  constructor(code: "divideByZero" | "invalidValue", message: string) {
    super(message);
    this.name = "FigureError";
    this.code = code;
  }
}

/** A blank cell: the figure is still to be entered. */
export function isBlank(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * A non-negative finite number, or a FigureError naming what is wrong. Booleans, text and
 * arrays are refused: a figure typed as text is exactly the mistake the add-in must surface.
 */
export function toFigure(value: unknown, what = "Số liệu"): number {
  if (typeof value !== "number") {
    throw new FigureError("invalidValue", `${what} không phải là số`);
  }
  if (!Number.isFinite(value)) {
    throw new FigureError("invalidValue", `${what} không phải là số hữu hạn`);
  }
  if (value < 0) {
    throw new FigureError("invalidValue", `${what} là số âm`);
  }
  return value;
}

/**
 * A cell value marked «chưa có số liệu» (`isNotReportedText`): unknown, so a ratio over it has no
 * value and a sum over it cannot be checked (the custom functions and the checks agree).
 */
export function isNotReportedValue(value: unknown): boolean {
  return typeof value === "string" && isNotReportedText(value);
}

/**
 * numerator / denominator as a plain number (0.5106…), for a cell formatted `0.00%`; "" when
 * either is blank or marked «chưa có số liệu» (a rate of an unknown figure is not computed).
 */
export function ratio(numerator: unknown, denominator: unknown): number | "" {
  if (isBlank(numerator) || isBlank(denominator)) return "";
  if (isNotReportedValue(numerator) || isNotReportedValue(denominator)) return "";
  const top = toFigure(numerator, "Tử số");
  const bottom = toFigure(denominator, "Mẫu số");
  if (bottom === 0) {
    // 0 of 0: nothing happened, so there is nothing to rate.
    if (top === 0) return "";
    throw new FigureError("divideByZero", "Mẫu số bằng 0");
  }
  const result = top / bottom;
  if (!Number.isFinite(result)) throw new FigureError("invalidValue", "Kết quả quá lớn");
  return result;
}

/**
 * The on-time rate onTime / (onTime + late). A blank `late` counts as 0: reports routinely
 * leave "quá hạn" empty when nothing was late (the seed's 17.694 on-time files with the late
 * count unstated are 100% on time), while a blank `onTime` means the figures are not in yet.
 */
export function onTimeRate(onTime: unknown, late: unknown): number | "" {
  if (isBlank(onTime) || isNotReportedValue(onTime) || isNotReportedValue(late)) return "";
  const done = toFigure(onTime, "Số đúng hạn");
  const overdue = isBlank(late) ? 0 : toFigure(late, "Số quá hạn");
  return ratio(done, done + overdue);
}

/**
 * Rounds like Excel's ROUND: on the decimal value the number displays (15 significant
 * digits), half away from zero. Binary floating point would make 1.5 × 0.95 round down.
 */
export function roundHalfAwayFromZero(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  // A whole number has no decimal to round (most figures are counts): no text round trip.
  if (Number.isInteger(value) && digits >= 0) return value === 0 ? 0 : value;
  const decimal = Number(value.toPrecision(15));
  // Beyond 15 significant digits there is no decimal place left to round.
  if (Math.abs(value) >= 1e15) return value;
  const sign = decimal < 0 ? -1 : 1;
  // Shifting through the exponent keeps the decimal digits exact (1.425 → 142.5, not 142.4999…);
  // toExponential gives mantissa and exponent apart, so tiny numbers shift correctly too.
  const [mantissa, exponent] = Math.abs(decimal).toExponential().split("e");
  const shifted = Math.round(Number(`${mantissa}e${Number(exponent) + digits}`));
  const result = sign * Number(`${shifted}e-${digits}`);
  return result === 0 ? 0 : result;
}

/** How a PAR-index criterion turns a rate into points (`cach_tinh` of CCHC.DIEM). */
export enum ScoreMethod {
  /** max × rate */
  Proportional = 0,
  /** full score when rate ≥ threshold, else 0 */
  AllOrNothing = 1,
  /** 0 below the threshold, proportional at or above it */
  ProportionalAboveThreshold = 2,
}

/** A PAR-index score: max × rate under the method, clamped to [0, max], rounded to 2 decimals. */
export function score(rate: unknown, max: unknown, threshold?: unknown, method?: unknown): number | "" {
  if (isBlank(rate) || isBlank(max)) return "";
  const r = toFigure(rate, "Tỷ lệ");
  const top = toFigure(max, "Điểm tối đa");
  const how = isBlank(method) ? ScoreMethod.Proportional : toFigure(method, "Cách tính");
  if (how !== 0 && how !== 1 && how !== 2) {
    throw new FigureError("invalidValue", "Cách tính phải là 0, 1 hoặc 2");
  }
  let points: number;
  if (how === ScoreMethod.Proportional) {
    points = top * r;
  } else {
    if (isBlank(threshold)) {
      throw new FigureError("invalidValue", "Thiếu ngưỡng cho cách tính theo ngưỡng");
    }
    const cut = toFigure(threshold, "Ngưỡng");
    if (r < cut) points = 0;
    else points = how === ScoreMethod.AllOrNothing ? top : top * r;
  }
  return roundHalfAwayFromZero(Math.min(Math.max(points, 0), top), 2);
}

/**
 * The sum of the parts, blanks counting as 0 (a part that did not happen is often left empty).
 * Money figures carry cents of float noise, so the sum is rounded on its decimal value.
 */
export function sumOfParts(parts: readonly unknown[]): number {
  let sum = 0;
  parts.forEach((part, index) => {
    if (!isBlank(part)) sum += toFigure(part, `Thành phần thứ ${index + 1}`);
  });
  return roundHalfAwayFromZero(sum, 9);
}

/** total − Σ parts, rounded on its decimal value; 0 when the total holds. */
export function difference(total: number, parts: readonly unknown[]): number {
  return roundHalfAwayFromZero(total - sumOfParts(parts), 9);
}

/**
 * `""` when total = Σ parts, else a short message with the difference, e.g. `Lệch 3`. A total or
 * part marked «chưa có số liệu» is unknown, not 0: `""` unless the known parts already exceed
 * the total (as `notReportedFindings` in the checks decides).
 */
export function sumMismatch(total: unknown, parts: readonly unknown[]): string {
  if (isBlank(total) || isNotReportedValue(total)) return "";
  const known = parts.filter((part) => !isNotReportedValue(part));
  const gap = difference(toFigure(total, "Tổng"), known);
  if (known.length < parts.length) return gap < 0 ? `Lệch ${formatNumberVi(gap)}` : "";
  return gap === 0 ? "" : `Lệch ${formatNumberVi(gap)}`;
}

/** `1234567.5` → `1.234.567,5`: the vi-VN digits of a number already rounded, sign apart. */
function viDigits(rounded: number, decimals: number, keepZeros: boolean): string {
  const [whole, fraction = ""] = Math.abs(rounded).toFixed(decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const shown = keepZeros ? fraction : fraction.replace(/0+$/, "");
  return `${rounded < 0 ? "-" : ""}${grouped}${shown ? `,${shown}` : ""}`;
}

/** A number the way Vietnamese readers write it: `1.117`, `47,9`, `-3`. */
export function formatNumberVi(value: number, maxDecimals = 3): string {
  return viDigits(roundHalfAwayFromZero(value, maxDecimals), maxDecimals, false);
}

/** The appendix shows rates with two decimals (its cells' `0.00%` format). */
export const PERCENT_DECIMALS = 2;

/**
 * A rate (0.90476…) as the percentage a reader sees at `decimals` decimals (90.48 for 2), rounded
 * half away from zero as Excel rounds what a `0.00%` cell displays.
 */
export function roundedPercent(rate: number, decimals = PERCENT_DECIMALS): number {
  return roundHalfAwayFromZero(rate * 100, decimals);
}

/**
 * A rate (0.51063…) as the report prints it, with exactly `decimals` decimals (default: the two
 * of the appendix's `0.00%` cells), rounded as Excel rounds what it displays: `51,06%`,
 * `100,00%`, `33,33%`; `90,5%` at one decimal, `1.250%` at none.
 */
export function formatPercentVi(rate: number, decimals = PERCENT_DECIMALS): string {
  return `${viDigits(roundedPercent(rate, decimals), decimals, true)}%`;
}

/**
 * A constant a user typed, as a message quotes it: `0,99`, `«60%»`, `TRUE`. Here rather than
 * beside the install planner that finds such constants, so the pane's first download (which
 * shows them) does not carry the planner and the built-in forms.
 * @param value the cell's constant: a number (Vietnamese digits, up to 6 decimals), a text (quoted), a boolean
 */
export function typedText(value: string | number | boolean): string {
  if (typeof value === "number") return formatNumberVi(value, 6);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return `«${value}»`;
}

/**
 * What a report prints, and a user types, for a figure the source did not give («chưa có số
 * liệu»): not zero, and not blank (still to be entered) either. Sum checks treat it as unknown,
 * ratios over it are not computed, a consolidation reports its total as incomplete
 * (docs/reporting-rules.md, «Chưa có số liệu»).
 */
export const NOT_REPORTED = "chưa có số liệu";

/**
 * Whether a typed text marks a figure as not reported: «chưa có số liệu» in any case, with any
 * spacing, a final full stop, or composed differently (NFC/NFD). Only this phrase: a «0», «-»
 * or «x» would be read by a person as zero or as «not applicable», which is not the same thing.
 */
export function isNotReportedText(text: string): boolean {
  return (
    text
      .normalize("NFC")
      .toLocaleLowerCase("vi")
      .replace(/[\s\u00a0]+/g, " ")
      .trim()
      .replace(/\.$/, "")
      .trim() === NOT_REPORTED
  );
}

/**
 * A percentage as typed in a text cell, as the rate it means: «96,8%» and «96.8 %» → 0.968,
 * «100%» → 1; «0,968» (no % sign) → 0.968, the number as written. Undefined when the text is no
 * number (a thousands separator is not allowed: a percentage has at most one decimal mark).
 */
export function parsePercentText(text: string): number | undefined {
  const match = /^\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*$/.exec(text.replace(/\u00a0/g, " "));
  if (!match) return undefined;
  const number = Number(match[1].replace(",", "."));
  if (!Number.isFinite(number)) return undefined;
  return match[2] ? roundHalfAwayFromZero(number / 100, 12) : number;
}

/**
 * The decimals a typed percentage shows, up to `PERCENT_DECIMALS`: 0.968 → 1 («96,8%»), 1 → 0
 * («100%»), 0.12345 → 2. So the report prints what was typed, not «96,80%».
 */
export function percentDecimalsOf(rate: number): number {
  const shown = roundedPercent(rate);
  for (let decimals = 0; decimals < PERCENT_DECIMALS; decimals++)
    if (roundHalfAwayFromZero(shown, decimals) === shown) return decimals;
  return PERCENT_DECIMALS;
}

/**
 * A typed percentage combined over parts (units, periods) weighted by a count of each part
 * (docs/reporting-rules.md): Σ(rate × weight) / Σ weight. The form names the weight
 * (`weightedBy`): the rate of online payments weighted by the dossiers received, never an
 * unweighted average of rates. Parts are `[rate, weight]`, both non-negative numbers.
 * @returns the combined rate; "" when there is no part or every weight is 0 (nothing to weigh)
 * @throws FigureError when a rate or weight is not a non-negative number
 */
export function weightedRate(parts: ReadonlyArray<readonly [unknown, unknown]>): number | "" {
  let top = 0;
  let bottom = 0;
  parts.forEach(([rate, weight], index) => {
    const r = toFigure(rate, `Tỷ lệ thứ ${index + 1}`);
    const w = toFigure(weight, `Quyền số thứ ${index + 1}`);
    top += r * w;
    bottom += w;
  });
  if (bottom === 0) return "";
  return roundHalfAwayFromZero(top / bottom, 12);
}
