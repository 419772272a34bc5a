/** The house style of the installed sheets: one place, so every sheet looks the same. */
import { percentDecimalsOf, roundHalfAwayFromZero } from "../arithmetic";
import type { CellStyle } from "./model";
import type { Indicator } from "../catalogue";

export const FONT = "Times New Roman";

/** Light yellow: the cells staff type into. */
export const INPUT_FILL = "#FFF2CC";
/** Light green: cells the add-in computes. */
export const FORMULA_FILL = "#E2EFDA";
export const HEADER_FILL = "#D9E1F2";
export const SECTION_FILL = "#EDEDED";

export const DATE_FORMAT = "dd/mm/yyyy";
export const PERCENT_FORMAT = "0.00%";
/** A typed percentage's input cell (`kind: "percent"`). */
export const TYPED_PERCENT_FORMAT = "0.0%";
export const COUNT_FORMAT = "#,##0";
export const MONEY_FORMAT = "#,##0";
/** Billions of đồng carry up to three decimals (120,535 tỷ đồng). */
export const BILLION_FORMAT = "#,##0.0##";

export const title: CellStyle = {
  font: { bold: true, size: 14 },
  align: "center",
  vAlign: "center",
  wrap: true,
};
export const hint: CellStyle = { font: { italic: true, size: 11, color: "#595959" }, wrap: true };
export const header: CellStyle = {
  font: { bold: true, size: 12 },
  fill: HEADER_FILL,
  align: "center",
  vAlign: "center",
  wrap: true,
  border: true,
};
export const sectionRow: CellStyle = {
  font: { bold: true, size: 12 },
  fill: SECTION_FILL,
  border: true,
  vAlign: "center",
};
export const label: CellStyle = { font: { size: 12 }, border: true, wrap: true, vAlign: "center" };
export const code: CellStyle = { font: { size: 10, color: "#7F7F7F" }, border: true, vAlign: "center" };
export const centered: CellStyle = { font: { size: 12 }, border: true, align: "center", vAlign: "center" };
export const note: CellStyle = {
  font: { size: 11 },
  border: true,
  wrap: true,
  vAlign: "center",
  fill: INPUT_FILL,
  locked: false,
};
export const check: CellStyle = {
  font: { size: 11, bold: true, color: "#C00000" },
  border: true,
  align: "center",
  vAlign: "center",
};

/**
 * A style indented `level` steps (Excel's indent, one step a level of nesting). The cell is
 * aligned left too: Excel and LibreOffice apply an indent only to left (or right) aligned text,
 * and ignore it under the default «General» alignment.
 * @returns `style` itself at level 0
 */
export function indented(style: CellStyle, level: number): CellStyle {
  return level > 0 ? { ...style, align: "left", indent: level } : style;
}

/** The number format of an indicator's value. */
export function numberFormatOf(indicator: Indicator): string | undefined {
  switch (indicator.kind) {
    case "count":
      return indicator.id === "nam" ? "0" : COUNT_FORMAT;
    case "money":
      return indicator.unit === "tỷ đồng" ? BILLION_FORMAT : MONEY_FORMAT;
    case "ratio":
      return PERCENT_FORMAT;
    case "percent":
      // One decimal, as the reports give them (96,8%); typed 96,8 in it, Excel stores 0,968.
      return TYPED_PERCENT_FORMAT;
    case "date":
      return DATE_FORMAT;
    case "text":
      // Text format keeps "125/BC-UBND" or a leading zero as typed.
      return "@";
    default:
      return undefined;
  }
}

/**
 * The number format that shows a static figure with the decimals it has, up to 3, and a whole
 * number with none: `190`, `1.500`, `47,9`, `120,535` in a Vietnamese locale (the separators
 * follow the reader's locale). For report cells, whose values never change after writing; an
 * input cell cannot know its value in advance and keeps `numberFormatOf`.
 */
export function figureFormat(value: number): string {
  const [, fraction = ""] = Math.abs(roundHalfAwayFromZero(value, 3)).toFixed(3).split(".");
  const decimals = fraction.replace(/0+$/, "").length;
  return decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`;
}

/** The format of an indicator's value in the report: `figureFormat` for counts and money. */
export function reportNumberFormat(indicator: Indicator, value: unknown): string | undefined {
  const isFigure = (indicator.kind === "count" && indicator.id !== "nam") || indicator.kind === "money";
  if (indicator.kind === "percent" && typeof value === "number") {
    // The decimals typed, up to two: 96,8%, 100%, as `formatPercentVi` prints them in the draft.
    const decimals = percentDecimalsOf(value);
    return decimals === 0 ? "0%" : `0.${"0".repeat(decimals)}%`;
  }
  return isFigure && typeof value === "number" ? figureFormat(value) : numberFormatOf(indicator);
}

/** The style of an indicator's value cell: open yellow for typed figures, locked green for computed ones. */
export function valueStyle(indicator: Indicator, computed: boolean, editable: boolean): CellStyle {
  return {
    font: { size: 12 },
    border: true,
    align: indicator.kind === "text" || indicator.kind === "choice" ? "left" : "right",
    vAlign: "center",
    numberFormat: numberFormatOf(indicator),
    fill: computed && !editable ? FORMULA_FILL : INPUT_FILL,
    locked: computed && !editable,
  };
}
