/**
 * A printable listing of a catalogue, for a province to review its form (`cchc catalogue show
 * -o`): one sheet of rows (indicators by section), one of the tables when the form has any, one
 * of checks, one of criteria.
 */
import {
  allRows,
  argIds,
  markedLabel,
  rowNumbers,
  type Catalogue,
  type CheckRule,
  type Indicator,
} from "../catalogue";
import { checkTypeOf } from "../checkTypes";
import { combineRuleOf, type CombineRule } from "../catalogue/combine";
import { extraRowId } from "../catalogue/tables";
import type { CellPlan, SheetPlan } from "./model";
import * as S from "./styles";

const KIND_NAMES: Record<string, string> = {
  count: "Số đếm",
  money: "Số tiền",
  ratio: "Tỷ lệ",
  text: "Chữ",
  date: "Ngày",
  percent: "Phần trăm",
  choice: "Lựa chọn",
};

/**
 * A criterion's scoring method (`Criterion.method`, as `score` in ../arithmetic computes it) in
 * words for the listing's «Cách tính», after the number a formula `=CCHC.DIEM(…)` takes.
 */
export const METHOD_WORDS: Record<0 | 1 | 2, string> = {
  0: "0: theo tỷ lệ (điểm tối đa × tỷ lệ)",
  1: "1: đạt ngưỡng thì đủ điểm, dưới ngưỡng 0",
  2: "2: đạt ngưỡng thì theo tỷ lệ, dưới ngưỡng 0",
};

/**
 * How a row combines when reports are consolidated (`combineRuleOf`), in words: `name` for the
 * listing's «Tổng hợp» column and `cchc catalogue show`'s tag, `meaning` for its legend.
 */
export const COMBINE_WORDS: Record<CombineRule, { name: string; meaning: string }> = {
  flow: { name: "Cộng", meaning: "cộng các đơn vị, cộng các kỳ" },
  stock: {
    name: "Lấy kỳ cuối",
    meaning: "cộng các đơn vị; tổng hợp các kỳ lấy số của kỳ cuối (số có tại một thời điểm)",
  },
  opening: {
    name: "Lấy kỳ đầu",
    meaning: "cộng các đơn vị; tổng hợp các kỳ lấy số của kỳ đầu (số từ kỳ trước chuyển sang)",
  },
  recomputed: { name: "Tính lại", meaning: "tỷ lệ tính lại từ các số đã tổng hợp, không cộng các tỷ lệ" },
  weighted: {
    name: "Bình quân gia quyền",
    meaning: "tỷ lệ phần trăm nhập trực tiếp: Σ(tỷ lệ × quyền số) / Σ quyền số, quyền số do mẫu quy định",
  },
  notCombined: {
    name: "Để trống",
    meaning: "tỷ lệ phần trăm nhập trực tiếp không có quyền số: không tổng hợp, không lấy trung bình cộng",
  },
  none: {
    name: "Không cộng",
    meaning: "chữ, ngày, lựa chọn: tổng hợp các đơn vị để trống; tổng hợp các kỳ lấy giá trị của kỳ cuối",
  },
};

/** The listing's «Tổng hợp» for a row; blank for Thông tin chung, which is not combined. */
export function combineName(indicator: Indicator, catalogue: Catalogue): string {
  const rule = combineRuleOf(indicator, catalogue);
  return rule ? COMBINE_WORDS[rule].name : "";
}

/** A check in words: `hs_dagq = hs_truochan + hs_dunghan + hs_trehan`. */
export function describeCheck(rule: CheckRule): string {
  return checkTypeOf(rule).inWords(rule);
}

function table(
  key: string,
  name: string,
  title: string,
  headers: string[],
  rows: unknown[][],
  widths: number[],
  /** Per row: the indent of the column `indented` (the level of a row of the form). */
  indent?: { column: number; levels: readonly number[] },
): SheetPlan {
  const cells: CellPlan[] = [{ address: "A1", value: title, style: S.title }];
  const letter = (i: number) => String.fromCharCode(65 + i);
  headers.forEach((h, i) => cells.push({ address: `${letter(i)}3`, value: h, style: S.header }));
  rows.forEach((row, r) =>
    row.forEach((value, i) =>
      cells.push({
        address: `${letter(i)}${4 + r}`,
        value: (value ?? null) as CellPlan["value"],
        style:
          indent && i === indent.column && indent.levels[r] ? S.indented(S.label, indent.levels[r]) : S.label,
      }),
    ),
  );
  return {
    key,
    name,
    role: "list",
    columns: widths,
    font: { name: "Times New Roman", size: 12 },
    cells,
    merges: [],
    names: [],
    validations: [],
    protect: false,
    visibility: "visible",
    page: {
      orientation: "landscape",
      marginsMm: { top: 15, bottom: 15, left: 15, right: 15, header: 8, footer: 8 },
      fitToWidth: true,
      printArea: `A1:${letter(headers.length - 1)}${3 + rows.length}`,
      printTitleRows: "$3:$3",
      pageNumberTopCenterFromSecondPage: false,
    },
  };
}

/**
 * The rows of the listing's «Bảng» sheet: for each table of the form, its rows (those a unit may
 * add too, `x1`…), then its columns with their group and the indicator each one sums to.
 */
function tableListingRows(catalogue: Catalogue): unknown[][] {
  const sheetNames = new Map(catalogue.sheets.map((s) => [s.key, s.name]));
  return (catalogue.tables ?? []).flatMap((t) => {
    const name = `${t.id}: ${t.title} (${t.unit})`;
    const sheet = sheetNames.get(t.sheet) ?? t.sheet;
    const rowHeading = `Dòng (${t.rowHeading ?? "Nội dung"})`;
    const extra = Array.from({ length: t.extraRows ?? 0 }, (_, k) => [
      name,
      sheet,
      "Dòng do đơn vị thêm",
      extraRowId(k + 1),
      "(đơn vị tự ghi tên)",
      "",
      "",
    ]);
    return [
      ...t.rows.map((r) => [name, sheet, rowHeading, r.id, r.label, "", ""]),
      ...extra,
      ...t.columns.map((c) => [name, sheet, "Cột", c.id, c.label, c.group ?? "", c.total ?? ""]),
    ];
  });
}

/** The listing's sheets. */
export function catalogueListingPlans(catalogue: Catalogue): SheetPlan[] {
  const heading = `${catalogue.title} (mã ${catalogue.id}, phiên bản ${catalogue.version})`;
  const sections = new Map(catalogue.sections.map((s) => [s.id, s]));
  const sheets = new Map(catalogue.sheets.map((s) => [s.key, s]));
  const numbers = rowNumbers(catalogue);
  // In print order and marked by level, as the input sheets and Phụ lục I show the form.
  const levels: number[] = [];
  const rows = allRows(catalogue).map(({ indicator: i, level }) => {
    levels.push(level);
    const section = sections.get(i.section);
    const formula = i.formula
      ? `${i.formula.fn}(${i.formula.args.map((a) => argIds(a).join(" + ")).join("; ")})`
      : i.derived
        ? `${i.derived}(ky_bao_cao; nam)`
        : "";
    return [
      `${section?.number ? `${section.number}. ` : ""}${section?.title ?? i.section}`,
      sheets.get(section?.sheet ?? "")?.name ?? "",
      i.id,
      markedLabel(i, numbers),
      i.unit,
      KIND_NAMES[i.kind] ?? i.kind,
      formula || (i.choices ? i.choices.join("; ") : ""),
      combineName(i, catalogue),
      i.required ? "Có" : "",
    ];
  });
  const checks = catalogue.checks.map((c) => [
    c.id,
    c.type,
    describeCheck(c),
    checkTypeOf(c).severityWords(c),
    "what" in c ? (c.what ?? "") : "",
  ]);
  const criteria = catalogue.criteria.map((c) => [
    c.code,
    c.label,
    c.max,
    METHOD_WORDS[c.method] ?? c.method,
    c.threshold ?? "",
    c.rateFrom ?? "Tự nhập điểm",
  ]);
  const tableSheets = catalogue.tables?.length
    ? [
        table(
          "tables",
          "Bảng",
          `BẢNG SỐ LIỆU: ${heading}`,
          ["Bảng", "Trang", "Phần", "Mã", "Tên", "Nhóm cột", "Cộng các dòng bằng"],
          tableListingRows(catalogue),
          [40, 20, 16, 16, 50, 20, 22],
        ),
      ]
    : [];
  return [
    table(
      "rows",
      "Chỉ tiêu",
      `CHỈ TIÊU: ${heading}`,
      ["Mục", "Trang", "Mã", "Chỉ tiêu", "Đơn vị", "Loại", "Công thức / lựa chọn", "Tổng hợp", "Bắt buộc"],
      rows,
      [30, 20, 20, 55, 12, 12, 36, 14, 11],
      { column: 3, levels },
    ),
    ...tableSheets,
    table(
      "checks",
      "Kiểm tra",
      `QUY TẮC KIỂM TRA: ${heading}`,
      ["Mã", "Loại", "Quy tắc", "Mức", "Mô tả"],
      checks,
      [30, 14, 60, 14, 40],
    ),
    table(
      "criteria",
      "Tiêu chí",
      `TIÊU CHÍ TỰ CHẤM ĐIỂM: ${heading}`,
      ["Mã", "Tiêu chí", "Điểm tối đa", "Cách tính", "Ngưỡng", "Tỷ lệ từ"],
      criteria,
      [22, 60, 12, 30, 10, 22],
    ),
  ];
}
