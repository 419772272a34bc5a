/**
 * The two sheets a consolidation adds to its workbook, as plain descriptions: the breakdown
 * ("Tổng hợp theo đơn vị": one row per unit, one column per indicator grouped by section, a
 * total row equal to the consolidated figures, each unit's errors and warnings, marked) and the
 * list of input files (included, or refused and why).
 */
import type { Catalogue, Indicator } from "../catalogue";
import { markedLabel, rowNumbers } from "../catalogue/rows";
import type { Finding } from "../checks";
import type { Evaluated } from "../evaluate";
import { cellRef } from "../figures";
import { cutToCellLimit } from "../layout/cellText";
import {
  address,
  type Align,
  type CellPlan,
  type CellStyle,
  type RowsPlan,
  type SheetPlan,
} from "../layout/model";
import * as S from "../layout/styles";
import { isInfo, type Consolidation, type FileStatus } from "./model";

export const UNITS_SHEET = { key: "consolidation", name: "Tổng hợp theo đơn vị" } as const;
export const PERIODS_SHEET = { key: "consolidation", name: "Tổng hợp theo kỳ" } as const;
export const FILES_SHEET = { key: "consolidationFiles", name: "Tệp tổng hợp" } as const;

/**
 * The breakdown sheet a consolidation's result carries, and what it says the result consolidated:
 * units (a province's communes: its figures are theirs together) or periods of one unit (still
 * that unit's). Every reader tells a result by these, in this order.
 */
export const BREAKDOWN_SHEETS = [
  { name: UNITS_SHEET.name, over: "units" },
  { name: PERIODS_SHEET.name, over: "periods" },
] as const;

/** Fills that tell the province at once whom to call. */
export const ERROR_FILL = "#F8CBAD";
export const WARNING_FILL = "#FFE699";

/** Rows of the breakdown sheet: title, subtitle, section header, indicator header, ids, then data. */
export const BREAKDOWN_HEADER_ROWS = { section: 3, label: 4, id: 5 } as const;
const FIRST_DATA_ROW = 6;
/** Columns before the indicators: STT, name, errors, warnings. */
const LEAD_COLUMNS = 4;

/** The indicators a breakdown shows: every row of the statistical sections, in catalogue order. */
export function breakdownIndicators(catalogue: Catalogue): Indicator[] {
  return catalogue.sections
    .filter((section) => section.sheet !== "info")
    .flatMap((section) =>
      catalogue.indicators.filter((i) => i.section === section.id && !isInfo(i, catalogue)),
    );
}

/** Styles shared by the cells that look alike: a breakdown of 3,300 units has 300,000 cells. */
const styleCache = new WeakMap<CellStyle, Map<string, CellStyle>>();

function sharedStyle(base: CellStyle, numberFormat: string | undefined, align: Align): CellStyle {
  let byKey = styleCache.get(base);
  if (!byKey) styleCache.set(base, (byKey = new Map()));
  const key = `${numberFormat ?? ""}|${align}`;
  let style = byKey.get(key);
  if (!style) byKey.set(key, (style = { ...base, numberFormat, align }));
  return style;
}

function valueCell(
  at: string,
  indicator: Indicator,
  value: Evaluated | undefined,
  style: CellStyle,
): CellPlan {
  const v = value?.value;
  return {
    address: at,
    value: v === undefined || v === "" ? null : v,
    style: sharedStyle(style, S.numberFormatOf(indicator), typeof v === "number" ? "right" : "left"),
  };
}

const cell = (at: string, value: CellPlan["value"], style: CellStyle): CellPlan => ({
  address: at,
  value,
  style,
});

/**
 * `cell` for the rows made when the writer asks (`RowsPlan`), from an allocation site of its
 * own: V8 sees that every object of a site lived long (the headers, held by the plan until
 * written) and from then on allocates that site's objects straight in the old generation, where
 * the 40,000 cells of a country's breakdown and file list, each dropped once its row is
 * written, stayed as garbage to the end (1.5 MB of the peak at 3,300 units, issue 19).
 */
const madeCell = (at: string, value: CellPlan["value"], style: CellStyle): CellPlan => ({
  address: at,
  value,
  style,
});

/**
 * The breakdown sheet of a consolidation. `over` says what a row is: a unit (over units) or a
 * period (over periods); `subtitle` names the period consolidated. The total row holds the
 * consolidated figures themselves, so it always equals the result's input sheets.
 */
export function breakdownSheetPlan(
  result: Consolidation,
  options: { over: "units" | "periods"; subtitle: string },
): SheetPlan {
  const { catalogue } = result;
  const sheet = options.over === "units" ? UNITS_SHEET : PERIODS_SHEET;
  const indicators = breakdownIndicators(catalogue);
  const lastColumn = LEAD_COLUMNS + indicators.length;
  const lastLetter = address(lastColumn, 1).replace(/\d+$/, "");
  const cells: CellPlan[] = [];
  const merges: string[] = [`A1:${lastLetter}1`, `A2:${lastLetter}2`];
  const body: CellStyle = { ...S.label, font: { size: 11 } };
  const header: CellStyle = { ...S.header, font: { bold: true, size: 11 } };

  cells.push(
    cell(
      "A1",
      options.over === "units" ? "TỔNG HỢP SỐ LIỆU CCHC THEO ĐƠN VỊ" : "TỔNG HỢP SỐ LIỆU CCHC THEO KỲ",
      { ...S.title, align: "left" },
    ),
    cell(
      "A2",
      `${options.subtitle}. Dòng tô đỏ: đơn vị có lỗi số liệu; tô vàng: có cảnh báo. Tỷ lệ của dòng tổng cộng tính lại từ tổng tử số và tổng mẫu số, không lấy trung bình.`,
      S.hint,
    ),
  );
  const { section: sectionRow, label: labelRow, id: idRow } = BREAKDOWN_HEADER_ROWS;
  const lead = ["STT", options.over === "units" ? "Đơn vị" : "Kỳ số liệu", "Số lỗi", "Số cảnh báo"];
  lead.forEach((text, i) => {
    cells.push(cell(address(i + 1, sectionRow), text, header));
    cells.push(cell(address(i + 1, labelRow), null, header));
    cells.push(cell(address(i + 1, idRow), null, header));
    merges.push(`${address(i + 1, sectionRow)}:${address(i + 1, idRow)}`);
  });
  let column = LEAD_COLUMNS + 1;
  const numbers = rowNumbers(catalogue);
  for (const section of catalogue.sections) {
    const own = indicators.filter((i) => i.section === section.id);
    if (own.length === 0) continue;
    const title = section.number ? `${section.number}. ${section.title}` : section.title;
    cells.push(cell(address(column, sectionRow), title, header));
    for (let c = column + 1; c < column + own.length; c++)
      cells.push(cell(address(c, sectionRow), null, header));
    if (own.length > 1)
      merges.push(`${address(column, sectionRow)}:${address(column + own.length - 1, sectionRow)}`);
    for (const indicator of own) {
      const unit = indicator.unit ? ` (${indicator.unit})` : "";
      cells.push(cell(address(column, labelRow), `${markedLabel(indicator, numbers)}${unit}`, header));
      cells.push(cell(address(column, idRow), indicator.id, { ...S.code, align: "center" }));
      column++;
    }
  }

  const errorBody: CellStyle = { ...body, fill: ERROR_FILL };
  const warningBody: CellStyle = { ...body, fill: WARNING_FILL };
  const centered = (style: CellStyle) => sharedStyle(style, S.COUNT_FORMAT, "center");
  // A row per part, made when the writer asks for it (`RowsPlan`): the cells of 3,300 units
  // are never all held at once. Letters and styles are worked out once, not per cell.
  const letters = indicators.map((_, i) => address(LEAD_COLUMNS + 1 + i, 1).replace(/\d+$/, ""));
  const formats = indicators.map((indicator) => S.numberFormatOf(indicator));
  const numberStyles = formats.map((format) => sharedStyle(body, format, "right"));
  const textStyles = formats.map((format) => sharedStyle(body, format, "left"));
  const rows: RowsPlan = {
    first: FIRST_DATA_ROW,
    count: result.parts.length,
    cells(index) {
      const part = result.parts[index];
      const row = FIRST_DATA_ROW + index;
      const mark = part.errors > 0 ? errorBody : part.warnings > 0 ? warningBody : body;
      const cells = [
        madeCell(`A${row}`, index + 1, centered(mark)),
        madeCell(`B${row}`, cutToCellLimit(part.name), mark),
        madeCell(`C${row}`, part.errors, centered(mark)),
        madeCell(`D${row}`, part.warnings, centered(mark)),
      ];
      indicators.forEach((indicator, i) => {
        const v = part.evaluated.get(indicator.id)?.value;
        cells.push({
          address: `${letters[i]}${row}`,
          value: v === undefined || v === "" ? null : typeof v === "string" ? cutToCellLimit(v) : v,
          style: typeof v === "number" ? numberStyles[i] : textStyles[i],
        });
      });
      return cells;
    },
  };
  const row = FIRST_DATA_ROW + result.parts.length;
  const total: CellStyle = { ...body, font: { size: 11, bold: true }, fill: S.HEADER_FILL };
  const errors = result.parts.reduce((n, p) => n + p.errors, 0);
  const warnings = result.parts.reduce((n, p) => n + p.warnings, 0);
  cells.push(
    cell(`A${row}`, null, total),
    cell(
      `B${row}`,
      `Tổng cộng (${result.parts.length} ${options.over === "units" ? "đơn vị" : "kỳ"})`,
      total,
    ),
    cell(`C${row}`, errors, { ...total, align: "center", numberFormat: S.COUNT_FORMAT }),
    cell(`D${row}`, warnings, { ...total, align: "center", numberFormat: S.COUNT_FORMAT }),
  );
  indicators.forEach((indicator, i) =>
    cells.push(
      valueCell(address(LEAD_COLUMNS + 1 + i, row), indicator, result.evaluated.get(indicator.id), total),
    ),
  );

  return {
    key: sheet.key,
    name: sheet.name,
    role: "list",
    columns: [6, 36, 8, 10, ...indicators.map(() => 16)],
    rowHeights: { 1: 24, 2: 30, [labelRow]: 90 },
    font: { name: S.FONT, size: 11 },
    cells,
    rows,
    merges,
    names: [],
    validations: [],
    protect: false,
    freeze: { rows: idRow, columns: 2 },
    visibility: "visible",
    clear: `A1:${lastLetter}${row + 20}`,
    tabColor: "#7030A0",
  };
}

/** The list of input files: each one included (with its check counts) or refused and why. */
export function filesSheetPlan(files: readonly FileStatus[]): SheetPlan {
  const cells: CellPlan[] = [
    cell("A1", "DANH SÁCH TỆP ĐƯA VÀO TỔNG HỢP", { ...S.title, align: "left" }),
    cell(
      "A2",
      `${files.length} tệp: ${files.filter((f) => f.included).length} đã tổng hợp, ${files.filter((f) => !f.included).length} bị loại.`,
      S.hint,
    ),
  ];
  const header: CellStyle = { ...S.header, font: { bold: true, size: 11 } };
  ["STT", "Tệp", "Đơn vị", "Kỳ số liệu", "Kết quả", "Số lỗi", "Số cảnh báo", "Lý do, ghi chú"].forEach(
    (text, i) => cells.push(cell(address(i + 1, 3), text, header)),
  );
  const body: CellStyle = { ...S.label, font: { size: 11 } };
  const errorMark: CellStyle = { ...body, fill: ERROR_FILL };
  const warningMark: CellStyle = { ...body, fill: WARNING_FILL };
  const centered: CellStyle = { ...body, align: "center" };
  const text = (value: string | undefined) => (value === undefined ? null : cutToCellLimit(value));
  // A row per file, made when the writer asks for it (`RowsPlan`), as the breakdown's.
  const rows: RowsPlan = {
    first: 4,
    count: files.length,
    cells(i) {
      const file = files[i];
      const r = 4 + i;
      const mark: CellStyle = !file.included
        ? errorMark
        : (file.errors ?? 0) > 0
          ? errorMark
          : (file.warnings ?? 0) > 0
            ? warningMark
            : body;
      return [
        madeCell(`A${r}`, i + 1, centered),
        madeCell(`B${r}`, cutToCellLimit(file.source), body),
        madeCell(`C${r}`, text(file.unit), body),
        madeCell(`D${r}`, text(file.period), body),
        madeCell(`E${r}`, file.included ? "Đã tổng hợp" : "Bị loại", mark),
        madeCell(`F${r}`, file.errors ?? null, centered),
        madeCell(`G${r}`, file.warnings ?? null, centered),
        madeCell(`H${r}`, text(file.reason), body),
      ];
    },
  };
  return {
    key: FILES_SHEET.key,
    name: FILES_SHEET.name,
    role: "list",
    columns: [6, 40, 34, 34, 14, 8, 10, 70],
    rowHeights: { 1: 24 },
    font: { name: S.FONT, size: 11 },
    cells,
    rows,
    merges: ["A1:H1", "A2:H2"],
    names: [],
    validations: [],
    protect: false,
    freeze: { rows: 3, columns: 0 },
    visibility: "visible",
    clear: `A1:H${files.length + 30}`,
    tabColor: "#7030A0",
  };
}

/** The most parts a warning names one by one (a province may have hundreds with errors). */
const NAMED_PARTS = 5;

/**
 * The warning a consolidation's result carries in its own check: the parts (units, or periods)
 * its breakdown sheet counts errors for. Their figures were added as they were (text in a number
 * cell adds nothing), so the totals may be short or wrong although each total checks clean.
 * Read from the breakdown sheet the consolidation wrote (`values`: its rows from row 1, cells
 * from column A: STT, name, Số lỗi …), so the warning goes with the sheet: a new consolidation
 * rewrites it, deleting the sheet drops it. None for a sheet without a part in error.
 */
export function breakdownFindings(
  sheetName: string,
  values: ReadonlyArray<ReadonlyArray<unknown>>,
): Finding[] {
  const over = sheetName === PERIODS_SHEET.name ? "kỳ" : "đơn vị";
  const inError: Array<{ name: string; errors: number; cell: string }> = [];
  for (let r = FIRST_DATA_ROW - 1; r < values.length; r++) {
    const [number, name, errors] = values[r] ?? [];
    // The numbered rows are the parts; the total row has no number.
    if (typeof number !== "number" || typeof errors !== "number" || errors <= 0) continue;
    inError.push({ name: String(name ?? ""), errors, cell: cellRef(sheetName, address(3, r + 1)) });
  }
  if (inError.length === 0) return [];
  const named = inError
    .slice(0, NAMED_PARTS)
    .map((part) => `${part.name}: ${part.errors} lỗi`)
    .join("; ");
  const more = inError.length > NAMED_PARTS ? `; và ${inError.length - NAMED_PARTS} ${over} khác` : "";
  return [
    {
      severity: "warning",
      checkId: "consolidation:parts",
      ids: [],
      cells: inError.map((part) => part.cell),
      message:
        `Số liệu này tổng hợp cả ${inError.length} ${over} có lỗi số liệu (${named}${more}): các số tổng có thể thiếu hoặc sai dù tự chúng không lỗi. ` +
        `Hãy sửa tệp của ${over} đó rồi tổng hợp lại (xem trang «${sheetName}»).`,
    },
  ];
}
