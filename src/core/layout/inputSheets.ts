/**
 * The input sheets ("Thông tin chung" and the section sheets), derived from the catalogue:
 * `Mã | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú | Kiểm tra`, one row an indicator.
 */
import {
  inputName,
  markedLabel,
  rowNumbers,
  sectionRows,
  type Catalogue,
  type Indicator,
  type InputSheetDef,
} from "../catalogue";
import { NOT_REPORTED } from "../arithmetic";
import { toExcelSerial } from "../period";
import { indicatorFormula, sumCheckFormula } from "./formulas";
import type { CellPlan, SheetPlan, ValidationPlan } from "./model";
import * as S from "./styles";

export const INPUT_COLUMNS = { code: "A", label: "B", unit: "C", value: "D", note: "E", check: "F" } as const;
export const INPUT_HEADER_ROW = 3;
const HEADERS = ["Mã", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú", "Kiểm tra"];

const FIRST_DATE = toExcelSerial({ year: 2000, month: 1, day: 1 });
const LAST_DATE = toExcelSerial({ year: 2100, month: 12, day: 31 });

/** Excel's data validation of an indicator's input cell, with Vietnamese prompt and error texts. */
export function validationOf(indicator: Indicator, range: string): ValidationPlan | undefined {
  const prompt = (message: string) => ({
    title: indicator.label.slice(0, 32),
    message: (indicator.hint ?? message).slice(0, 255),
  });
  switch (indicator.kind) {
    case "count":
      if (indicator.id === "nam") {
        return {
          range,
          rule: { type: "wholeNumber", min: 2000, max: 2100 },
          prompt: prompt("Năm báo cáo, ví dụ 2021."),
          error: { title: "Năm không hợp lệ", message: "Nhập năm gồm 4 chữ số, từ 2000 đến 2100." },
        };
      }
      return {
        range,
        rule: { type: "figureOrText", whole: true, min: 0, text: NOT_REPORTED },
        prompt: prompt(`Nhập số nguyên không âm (${indicator.unit}), hoặc «${NOT_REPORTED}».`),
        error: {
          title: "Số liệu không hợp lệ",
          message: `Chỉ nhập số nguyên lớn hơn hoặc bằng 0, hoặc «${NOT_REPORTED}» nếu nguồn không có số liệu.`,
        },
      };
    case "money":
      return {
        range,
        rule: { type: "figureOrText", whole: false, min: 0, text: NOT_REPORTED },
        prompt: prompt(`Nhập số không âm, đơn vị ${indicator.unit}, hoặc «${NOT_REPORTED}».`),
        error: {
          title: "Số liệu không hợp lệ",
          message: `Chỉ nhập số lớn hơn hoặc bằng 0, đơn vị ${indicator.unit}, hoặc «${NOT_REPORTED}».`,
        },
      };
    case "percent": {
      const max = indicator.max ?? 100;
      return {
        range,
        rule: { type: "figureOrText", whole: false, min: 0, max: max / 100, text: NOT_REPORTED },
        prompt: prompt(`Nhập tỷ lệ phần trăm từ 0% đến ${max}%, ví dụ 96,8%, hoặc «${NOT_REPORTED}».`),
        error: {
          title: "Tỷ lệ không hợp lệ",
          message: `Chỉ nhập tỷ lệ từ 0% đến ${max}% (gõ 96,8% hoặc 0,968), hoặc «${NOT_REPORTED}».`,
        },
      };
    }
    case "choice":
      return {
        range,
        rule: { type: "list", values: indicator.choices ?? [] },
        prompt: prompt("Chọn trong danh sách."),
        error: {
          title: "Giá trị không hợp lệ",
          message: `Chọn một trong: ${(indicator.choices ?? []).join(", ")}.`,
        },
      };
    case "date":
      return {
        range,
        rule: { type: "date", min: FIRST_DATE, max: LAST_DATE },
        prompt: prompt("Nhập ngày theo dạng ngày/tháng/năm."),
        error: {
          title: "Ngày không hợp lệ",
          message: "Nhập một ngày từ năm 2000 đến 2100, theo dạng ngày/tháng/năm.",
        },
      };
    default:
      return undefined;
  }
}

/** The sum rules whose total sits on a row, for the Kiểm tra column. */
function sumsByTotal(catalogue: Catalogue): Map<string, Array<{ total: string; parts: readonly string[] }>> {
  const map = new Map<string, Array<{ total: string; parts: readonly string[] }>>();
  for (const rule of catalogue.checks) {
    if (rule.type !== "sum") continue;
    const list = map.get(rule.total) ?? [];
    list.push({ total: rule.total, parts: rule.parts });
    map.set(rule.total, list);
  }
  return map;
}

/** Initial content of input cells on a fresh install (the sample, or nothing). */
export type InitialValues = Readonly<Record<string, string | number>>;

/** One input sheet: its sections' indicators in catalogue order. */
export function inputSheetPlan(
  sheet: InputSheetDef,
  catalogue: Catalogue,
  initial: InitialValues = {},
): SheetPlan {
  const cells: CellPlan[] = [];
  const names: SheetPlan["names"] = [];
  const validations: ValidationPlan[] = [];
  const last = HEADERS.length;
  const merges = ["A1:F1", "A2:F2"];
  cells.push({ address: "A1", value: sheet.title, style: S.title });
  cells.push({
    address: "A2",
    value:
      sheet.key === "info"
        ? "Nhập thông tin vào các ô nền vàng. Ngày đầu và cuối kỳ số liệu tự tính theo kỳ báo cáo (có thể sửa)."
        : "Nhập số liệu vào cột «Số liệu» (ô nền vàng). Ô nền xanh do phần mềm tự tính. Cột «Kiểm tra» báo chỗ tổng không khớp.",
    style: S.hint,
  });
  HEADERS.forEach((text, i) =>
    cells.push({
      address: `${String.fromCharCode(65 + i)}${INPUT_HEADER_ROW}`,
      value: text,
      style: S.header,
    }),
  );

  const sums = sumsByTotal(catalogue);
  const numbers = rowNumbers(catalogue);
  let row = INPUT_HEADER_ROW + 1;
  for (const section of catalogue.sections.filter((s) => s.sheet === sheet.key)) {
    if (section.number) {
      cells.push({ address: `A${row}`, value: null, style: S.sectionRow });
      cells.push({ address: `B${row}`, value: `${section.number}. ${section.title}`, style: S.sectionRow });
      for (let c = 3; c <= last; c++)
        cells.push({ address: `${String.fromCharCode(64 + c)}${row}`, value: null, style: S.sectionRow });
      row++;
    }
    for (const { indicator, level } of sectionRows(catalogue, section.id)) {
      const value = `D${row}`;
      const formula = indicatorFormula(indicator, catalogue.unitsFrom);
      cells.push({ address: `A${row}`, value: indicator.id, style: S.code });
      cells.push({
        address: `B${row}`,
        // Marked and indented by level, so components read as parts of their own parent only.
        value: markedLabel(indicator, numbers),
        style: S.indented(S.label, level),
      });
      cells.push({ address: `C${row}`, value: indicator.unit, style: S.centered });
      if (formula) {
        // A derived date is a formula the user may overwrite; a ratio is never typed.
        const editable = !!indicator.derived;
        cells.push({
          address: value,
          formula,
          computes: { type: "indicator", id: indicator.id },
          style: S.valueStyle(indicator, true, editable),
          keepKey: editable ? indicator.id : undefined,
        });
      } else {
        cells.push({
          address: value,
          value: initial[indicator.id] ?? null,
          style: S.valueStyle(indicator, false, true),
          keepKey: indicator.id,
        });
      }
      cells.push({ address: `E${row}`, value: null, style: S.note, keepKey: indicator.id });
      const rowSums = sums.get(indicator.id);
      cells.push(
        rowSums
          ? {
              address: `F${row}`,
              formula:
                rowSums.length === 1
                  ? sumCheckFormula(rowSums[0].total, rowSums[0].parts)
                  : `=TRIM(${rowSums.map((s) => sumCheckFormula(s.total, s.parts).slice(1)).join('&" "&')})`,
              computes: { type: "sumCheck", sums: rowSums },
              style: S.check,
            }
          : { address: `F${row}`, value: null, style: S.check },
      );
      names.push({ name: inputName(indicator.id), address: value });
      if (!indicator.formula) {
        const validation = validationOf(indicator, value);
        if (validation) validations.push(validation);
      }
      row++;
    }
  }

  return {
    key: sheet.key,
    name: sheet.name,
    role: sheet.key === "info" ? "info" : "input",
    columns: [16, 62, 13, 18, 34, 14],
    rowHeights: { 1: 30, 2: 32, [INPUT_HEADER_ROW]: 30 },
    font: { name: S.FONT, size: 12 },
    cells,
    merges,
    names,
    validations,
    protect: true,
    freeze: { rows: INPUT_HEADER_ROW, columns: 0 },
    visibility: "visible",
    clear: `A1:${String.fromCharCode(64 + last)}${Math.max(row + 20, 200)}`,
    tabColor: sheet.key === "info" ? "#2F5597" : "#548235",
    // Printed for checking before the appendices are made: all six columns on one page wide (at
    // 100 % they spill over three pages wide, and the whole workbook printed 185 pages), the
    // header row on every page.
    page: {
      orientation: "landscape",
      marginsMm: { top: 15, bottom: 15, left: 15, right: 15, header: 8, footer: 8 },
      fitToWidth: true,
      printArea: `A1:${String.fromCharCode(64 + last)}${row - 1}`,
      printTitleRows: `$${INPUT_HEADER_ROW}:$${INPUT_HEADER_ROW}`,
      pageNumberTopCenterFromSecondPage: false,
    },
  };
}
