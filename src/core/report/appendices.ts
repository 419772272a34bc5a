/**
 * The report sheets: Phụ lục I (the statistical table) and Phụ lục II (the document list), in
 * the Nghị định 30/2020 form. Every value is a static figure computed by the core, so the file
 * reads the same when mailed to someone without the add-in.
 */
import { reportName, rowNumbers, sectionRows, type Catalogue, type Indicator } from "../catalogue";
import { NOT_REPORTED } from "../arithmetic";
import { numericOfArg, type Evaluated } from "../evaluate";
import { appendixChange, byRole, type ComparedPeriod } from "./comparison";
import type { DocumentRow, Figures } from "../figures";
import type { CellPlan, CellStyle, PagePlan, SheetPlan } from "../layout/model";
import { planPageBreaks } from "../layout/pageBreaks";
import { fitRowHeights, ruleOf, textWidthEm, wrapInColumns } from "../layout/rowHeights";
import * as S from "../layout/styles";
import { fromExcelSerial } from "../period";
import { targetText } from "../targets";
import {
  dateInWords,
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  periodTitle,
  placeAndDate,
  recipientLines,
  dataDaysPhrase,
} from "./documentForm";
import { issuingBodyStyle, reportNumberOf, signatureOf } from "./issuingBody";

export const REPORT_SHEETS = {
  statistics: { key: "report1", name: "Phụ lục I" },
  documents: { key: "report2", name: "Phụ lục II" },
} as const;

/**
 * What the appendices print: the form, the figures and their evaluation, the document list.
 * Nothing of the software and no check finding is printed: the pages carry the report only
 * (findings stay in `check` and the pane; when and by what the report was made is in the meta
 * sheet, which does not print).
 */
export interface ReportInput {
  catalogue: Catalogue;
  figures: Figures;
  evaluated: ReadonlyMap<string, Evaluated>;
  documents: readonly DocumentRow[];
  /**
   * Earlier periods of the same unit and form (`comparedPeriods`, ./comparison): Phụ lục I
   * prints each one's figures and the change beside the report's.
   */
  compared?: readonly ComparedPeriod[];
  /**
   * The figures are a consolidation's over units (the workbook holds «Tổng hợp theo đơn vị»): the
   * data period names the units together as those that began (`dataDaysPhrase`, `unitsTogether`).
   */
  overUnits?: boolean;
}

/**
 * Phụ lục I's columns: the unit column fits "doanh nghiệp" on one line, the figure column a
 * text answer such as «Hệ thống của tỉnh» as well as "86.450.000"; Ghi chú holds the user's notes.
 */
const WIDTHS = [6, 44, 13, 18, 21];
/**
 * Phụ lục I's width on a portrait page (Excel's character widths): a narrower appendix would wrap
 * the header's «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» and its title.
 */
export const PORTRAIT_WIDTH = WIDTHS.reduce((a, b) => a + b, 0);
/**
 * Phụ lục II's columns: Trích yếu spans D:E, so that the header's left block (A:D, 49 characters
 * and four columns' cell margins) prints as wide as Phụ lục I's (A:B, 50 and two) within 1 %, and
 * the issuing body prints on the same lines in both appendices.
 */
const DOCUMENT_WIDTHS = [6, 20, 16, 7, 39, 14];

/** Where the header's two blocks sit: the left block's last column, the sheet's last column. */
export interface Grid {
  columns: readonly number[];
  leftEnd: string;
  last: string;
}

/** A column of Phụ lục I: its header, width and the cell of each indicator row. */
interface StatisticsColumn {
  header: string;
  width: number;
  cell: (indicator: Indicator, base: CellStyle) => { value: CellPlan["value"]; style: CellStyle };
}

/**
 * The widths of Phụ lục I with the extra columns (a target, the compared periods): Chỉ tiêu
 * narrows so that the table, printed landscape, keeps a readable scale on A4.
 */
const WIDE = { label: 34, unit: 11, value: 16, target: 13, before: 15, change: 17, notes: 14 };

/** The column letter of a 0-based index (A … Z; Phụ lục I has at most 10 columns). */
const letter = (index: number) => String.fromCharCode(65 + index);

/**
 * Phụ lục I's columns: STT, Chỉ tiêu, Đơn vị tính, Số liệu; then «Chỉ tiêu giao» when the form
 * sets targets, and for each compared period (the previous period first) its figures and the
 * change; Ghi chú last. A form without targets and a report without comparison print as before.
 */
function statisticsColumns(input: ReportInput): StatisticsColumn[] {
  const valueCell = (value: unknown, indicator: Indicator, base: CellStyle) => ({
    value: value === "" || value === undefined ? null : (value as CellPlan["value"]),
    style: {
      ...base,
      // A text answer («Hệ thống của tỉnh») reads from the left, as typed; figures align right.
      align: typeof value === "string" ? ("left" as const) : ("right" as const),
      numberFormat: S.reportNumberFormat(indicator, value),
    },
  });
  const compared = byRole(input.compared ?? []);
  const hasTargets = input.catalogue.indicators.some((i) => i.target);
  const extra = hasTargets || compared.length > 0;
  const columns: StatisticsColumn[] = [
    { header: "STT", width: WIDTHS[0], cell: () => ({ value: null, style: {} }) },
    { header: "Chỉ tiêu", width: extra ? WIDE.label : WIDTHS[1], cell: () => ({ value: null, style: {} }) },
    { header: "Đơn vị tính", width: extra ? WIDE.unit : WIDTHS[2], cell: () => ({ value: null, style: {} }) },
    {
      header: "Số liệu",
      width: extra ? WIDE.value : WIDTHS[3],
      // A ratio over a figure marked «chưa có số liệu» prints the mark, not a blank.
      cell: (indicator, base) => valueCell(printedValue(input, indicator), indicator, base),
    },
  ];
  if (hasTargets)
    columns.push({
      header: "Chỉ tiêu giao",
      width: WIDE.target,
      cell: (indicator, base) => ({
        value: targetText(indicator) || null,
        style: { ...base, align: "center" },
      }),
    });
  for (const period of compared) {
    const [title, versus] =
      period.role === "previous" ? ["Kỳ trước", "kỳ trước"] : ["Cùng kỳ năm trước", "cùng kỳ"];
    columns.push(
      {
        header: `${title} (${period.phrase.replace(/^cùng kỳ /, "")})`,
        width: WIDE.before,
        cell: (indicator, base) =>
          valueCell(appendixChange(indicator, input.evaluated, period).before, indicator, base),
      },
      {
        header: `Tăng (+), giảm (-) so với ${versus}`,
        width: WIDE.change,
        cell: (indicator, base) => ({
          value: appendixChange(indicator, input.evaluated, period).change || null,
          style: { ...base, align: "center", font: { ...base.font, size: 11 } },
        }),
      },
    );
  }
  columns.push({
    header: "Ghi chú",
    width: extra ? WIDE.notes : WIDTHS[4],
    cell: () => ({ value: null, style: {} }),
  });
  return columns;
}
const DOCUMENTS_GRID: Grid = { columns: DOCUMENT_WIDTHS, leftEnd: "D", last: "F" };

const text = (size: number, extra: CellStyle = {}): CellStyle => ({
  font: { size, ...extra.font },
  ...extra,
});
const centeredText = (size: number, font: CellStyle["font"] = {}, extra: CellStyle = {}): CellStyle => ({
  font: { size, ...font },
  align: "center",
  vAlign: "center",
  wrap: true,
  ...extra,
});

/**
 * What Phụ lục I prints for a row: its evaluated value; for a ratio not computed because a figure
 * under it is marked «chưa có số liệu», that mark (the rate is not reported either), never blank
 * as if nothing happened.
 */
function printedValue(input: ReportInput, indicator: Indicator): Evaluated["value"] | undefined {
  const value = input.evaluated.get(indicator.id)?.value;
  if (indicator.kind !== "ratio" || value !== "" || !indicator.formula) return value;
  const unknown = indicator.formula.args.some((arg) => numericOfArg(arg, input.figures) === "unreported");
  return unknown ? NOT_REPORTED : value;
}

/** The text of a Thông tin chung field ("" when blank). */
function infoOf(input: ReportInput, id: string): string {
  const v = input.evaluated.get(id)?.value;
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
}

/** A line of the header block: text, or a short rule under the line above (`ruleOf`). */
type HeaderLine = { text: string; style: CellStyle; rule?: boolean };

/**
 * Two-column header block (issuing body | national title and motto, each with its short rule
 * under it, Nghị định 30/2020 Phụ lục I), the number and place-date line, the title lines and
 * the data period; returns the next free row.
 */
export function documentHeader(
  cells: CellPlan[],
  merges: string[],
  rowHeights: Record<number, number>,
  input: ReportInput,
  grid: Grid,
  appendix: string,
  title: string,
): number {
  const info = (id: string) => infoOf(input, id);
  const serial = (id: string) => {
    const v = input.evaluated.get(id)?.value;
    return typeof v === "number" ? v : undefined;
  };
  const yearValue = input.evaluated.get("nam")?.value;
  const year = typeof yearValue === "number" ? yearValue : undefined;
  const issued = serial("ngay_ban_hanh");
  const issuedDate = issued !== undefined ? fromExcelSerial(issued) : undefined;
  const superior = info("co_quan_cap_tren").toLocaleUpperCase("vi");
  const style = issuingBodyStyle(info("co_quan"));
  const number = reportNumberOf(info("so_ky_hieu"), info("co_quan"));
  const bodyStyle = centeredText(12, { bold: true });
  // The rule under the body is a third to a half of its name (40 %); under the motto, as long as it.
  const bodyWidth = Math.max(...style.headerLines.map((line) => textWidthEm(line, true) * 12));
  const mottoWidth = textWidthEm(NATIONAL_MOTTO, true) * 13;
  const left: HeaderLine[] = [
    ...(superior ? [{ text: superior, style: centeredText(12) }] : []),
    ...style.headerLines.map((line) => ({ text: line, style: bodyStyle })),
    { text: ruleOf(bodyWidth * 0.4, RULE_SIZE), style: RULE_STYLE, rule: true },
  ];
  const right: HeaderLine[] = [
    { text: NATIONAL_TITLE, style: centeredText(12, { bold: true }) },
    { text: NATIONAL_MOTTO, style: centeredText(13, { bold: true }) },
    { text: ruleOf(mottoWidth, RULE_SIZE), style: RULE_STYLE, rule: true },
  ];
  const rightStart = nextColumn(grid.leftEnd);
  const blockRows = Math.max(left.length, right.length);
  for (let i = 0; i < blockRows; i++) {
    const row = i + 1;
    merges.push(`A${row}:${grid.leftEnd}${row}`, `${rightStart}${row}:${grid.last}${row}`);
    cells.push({
      address: `A${row}`,
      value: left[i]?.text ?? null,
      style: left[i]?.style ?? centeredText(12),
    });
    cells.push({
      address: `${rightStart}${row}`,
      value: right[i]?.text ?? null,
      style: right[i]?.style ?? centeredText(12),
    });
    // A row holding only rules (or nothing beside one) is as tall as the rule, not a text line.
    const onlyRules = [left[i], right[i]].every((line) => !line || line.rule);
    if (onlyRules) rowHeights[row] = RULE_ROW_HEIGHT;
  }
  let row = blockRows + 1;
  merges.push(`A${row}:${grid.leftEnd}${row}`, `${rightStart}${row}:${grid.last}${row}`);
  cells.push({ address: `A${row}`, value: `Số: ${number}`, style: centeredText(13) });
  cells.push({
    address: `${rightStart}${row}`,
    value: placeAndDate(info("dia_danh"), issuedDate, year),
    style: centeredText(13, { italic: true }),
  });
  row += 2;

  const wide = (value: string, style: CellStyle) => {
    merges.push(`A${row}:${grid.last}${row}`);
    cells.push({ address: `A${row}`, value, style });
    row++;
  };
  wide(appendix, centeredText(14, { bold: true }));
  const days = { from: serial("tu_ngay"), to: serial("den_ngay") };
  wide(`${title} ${periodTitle(info("ky_bao_cao"), year, days)}`, centeredText(14, { bold: true }));
  wide(
    `(Kèm theo Báo cáo số ${number} ${dateInWords(issuedDate, year)} của ${style.sentenceName})`,
    centeredText(13, { italic: true }),
  );
  const { catalogue } = input;
  const line = dataDaysPhrase(days, catalogue.unitsFrom, input.overUnits ? catalogue.level : undefined);
  wide(`(${line.charAt(0).toLocaleUpperCase("vi")}${line.slice(1)})`, centeredText(13, { italic: true }));
  return row + 1;
}

/**
 * The short rules of the header are a run of low lines («_») in a small size, centred in their
 * cell: a glyph that Excel and LibreOffice lay out alike from the font's metrics, so its length
 * follows the text above it (the motto's length, part of the body's name) and it stays centred
 * under it whatever the column grid. A cell border can only span whole columns (a full-width
 * line, as before), and a drawn line is anchored to cells and scales apart from the text.
 */
const RULE_SIZE = 8;
const RULE_STYLE: CellStyle = { font: { size: RULE_SIZE, bold: true }, align: "center", vAlign: "top" };
/** Points: enough for the low line of an 8-pt font set at the top of its row. */
const RULE_ROW_HEIGHT = 10;

const nextColumn = (letter: string) => String.fromCharCode(letter.charCodeAt(0) + 1);

function tableHeader(cells: CellPlan[], row: number, headers: ReadonlyArray<string | null>): void {
  headers.forEach((value, i) =>
    cells.push({
      address: `${String.fromCharCode(65 + i)}${row}`,
      value,
      style: { ...S.header, fill: undefined },
    }),
  );
}

function pageOf(grid: Grid, lastRow: number, headerRow: number): PagePlan {
  return {
    orientation: "portrait",
    marginsMm: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
    fitToWidth: true,
    printArea: `A1:${grid.last}${lastRow}`,
    printTitleRows: `$${headerRow}:$${headerRow}`,
    pageNumberTopCenterFromSecondPage: true,
  };
}

/** The signature block: recipients on the left, authority, title and signer on the right. */
function signature(
  cells: CellPlan[],
  merges: string[],
  row: number,
  input: ReportInput,
  widths: readonly number[],
  last: string,
): number {
  const info = (id: string) => {
    const v = input.evaluated.get(id)?.value;
    return typeof v === "string" ? v : "";
  };
  const { lines: right, signer } = signatureOf({
    co_quan: info("co_quan"),
    quyen_han_ky: info("quyen_han_ky"),
    chuc_vu_ky: info("chuc_vu_ky"),
    nguoi_ky: info("nguoi_ky"),
  });
  // One recipient a line, as typed documents list them; a recipient too long for the column
  // pair continues on the next row (hanging under its text), so no printed line is ever cut.
  const left = recipientLines(info("noi_nhan")).flatMap((line) =>
    wrapInColumns({ columns: widths }, 1, 2, line, 11).map((part, i) => (i === 0 ? part : `  ${part}`)),
  );
  const start = row;
  merges.push(`A${row}:B${row}`);
  cells.push({
    address: `A${row}`,
    value: "Nơi nhận:",
    style: text(12, { font: { bold: true, italic: true } }),
  });
  left.forEach((line, i) => {
    merges.push(`A${row + 1 + i}:B${row + 1 + i}`);
    cells.push({ address: `A${row + 1 + i}`, value: line, style: text(11, { wrap: true }) });
  });
  right.forEach((line, i) => {
    merges.push(`C${start + i}:${last}${start + i}`);
    cells.push({ address: `C${start + i}`, value: line, style: centeredText(13, { bold: true }) });
  });
  // Room to sign and stamp: four empty lines under the title.
  const nameRow = start + right.length + 4;
  merges.push(`C${nameRow}:${last}${nameRow}`);
  cells.push({
    address: `C${nameRow}`,
    value: signer || null,
    style: centeredText(13, { bold: true }),
  });
  return Math.max(nameRow, start + left.length) + 1;
}

/** Phụ lục I: the statistical table of every section, then the signature block. */
export function statisticsSheetPlan(input: ReportInput): SheetPlan {
  const columns = statisticsColumns(input);
  const widths = columns.map((c) => c.width);
  const lastColumn = letter(columns.length - 1);
  const grid: Grid = { columns: widths, leftEnd: "B", last: lastColumn };
  const cells: CellPlan[] = [];
  const merges: string[] = [];
  const names: SheetPlan["names"] = [];
  const rowHeights: Record<number, number> = {};
  let row = documentHeader(
    cells,
    merges,
    rowHeights,
    input,
    grid,
    "Phụ lục I",
    "SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
  );
  const headerRow = row;
  tableHeader(
    cells,
    headerRow,
    columns.map((c) => c.header),
  );
  row++;

  const stt = rowNumbers(input.catalogue);
  const cell = (col: string, value: CellPlan["value"], style: CellStyle): CellPlan => ({
    address: `${col}${row}`,
    value,
    style,
  });
  const notes = letter(columns.length - 1);
  for (const section of input.catalogue.sections.filter((s) => s.number)) {
    const sectionStyle: CellStyle = {
      font: { bold: true, size: 12 },
      border: true,
      vAlign: "center",
      wrap: true,
    };
    cells.push(
      cell("A", section.number, { ...sectionStyle, align: "center" }),
      cell("B", section.title, sectionStyle),
      ...columns.slice(2).map((_, i) => cell(letter(i + 2), null, sectionStyle)),
    );
    row++;
    for (const { indicator, level } of sectionRows(input.catalogue, section.id)) {
      // Ghi chú is what the user typed in the input sheet's Ghi chú, nothing else.
      const note = input.figures.get(indicator.id)?.note;
      const base: CellStyle = {
        font: { size: 12, italic: level > 0 },
        border: true,
        vAlign: "center",
        wrap: true,
      };
      cells.push(
        cell("A", stt.get(indicator.id)?.stt ?? "", { ...base, align: "center" }),
        // One indent step a level: a component sits under its own parent, not beside its siblings' parts.
        cell("B", indicator.label, S.indented(base, level)),
        cell("C", indicator.unit, { ...base, align: "center" }),
        ...columns.slice(3, -1).map((column, i) => {
          const { value, style } = column.cell(indicator, base);
          return cell(letter(i + 3), value, style);
        }),
        cell(notes, note || null, { ...base, font: { size: 11 } }),
      );
      names.push({ name: reportName(indicator.id), address: `D${row}` });
      row++;
    }
  }
  const lastTableRow = row - 1;
  const last = signature(cells, merges, row + 1, input, widths, lastColumn);
  const page = pageOf(grid, last, headerRow);
  const plan = fitRowHeights(
    {
      key: REPORT_SHEETS.statistics.key,
      name: REPORT_SHEETS.statistics.name,
      role: "report",
      columns: widths,
      rowHeights,
      font: { name: S.FONT, size: 12 },
      cells,
      merges,
      names,
      validations: [],
      protect: false,
      // The compared periods' columns print across an A4 landscape page; a target column alone
      // keeps the table within Phụ lục I's width, and portrait (a landscape page there held
      // fewer rows and sent the last ones to a page of their own).
      page: widths.reduce((a, b) => a + b, 0) > PORTRAIT_WIDTH ? { ...page, orientation: "landscape" } : page,
      visibility: "visible",
      clear: `A1:J${Math.max(last + 50, 400)}`,
      tabColor: "#C00000",
    },
    { everyRow: true },
  );
  return planPageBreaks(plan, headerRow, lastTableRow);
}

/**
 * Phụ lục II: one row for each document of the "Danh mục văn bản" list. An empty list prints
 * one row saying so (made only when the user asks for the appendix: see `planReport`).
 */
export function documentsReportPlan(input: ReportInput): SheetPlan {
  const cells: CellPlan[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  let row = documentHeader(
    cells,
    merges,
    rowHeights,
    input,
    DOCUMENTS_GRID,
    "Phụ lục II",
    "DANH MỤC VĂN BẢN CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
  );
  const headerRow = row;
  tableHeader(cells, headerRow, [
    "STT",
    "Số, ký hiệu văn bản",
    "Ngày ban hành",
    "Trích yếu nội dung",
    null,
    "Ghi chú",
  ]);
  merges.push(`D${headerRow}:E${headerRow}`);
  row++;
  const base: CellStyle = { font: { size: 12 }, border: true, vAlign: "center", wrap: true };
  const valueOf = (v: DocumentRow["number"]) =>
    v.type === "blank" ? null : v.type === "error" ? v.value : v.value;
  if (input.documents.length === 0) {
    merges.push(`A${row}:F${row}`);
    cells.push({
      address: `A${row}`,
      value: "Không có văn bản trong danh mục.",
      style: { ...base, align: "center", font: { size: 12, italic: true } },
    });
    row++;
  }
  // The row's styles are shared by every row (a list of 10,000 documents has 60,000 cells): the
  // writers look a style up once per object.
  const centered: CellStyle = { ...base, align: "center" };
  const dated: CellStyle = { ...base, align: "center", numberFormat: S.DATE_FORMAT };
  const undated: CellStyle = { ...base, align: "center", numberFormat: undefined };
  const noted: CellStyle = { ...base, font: { size: 11 } };
  for (const doc of input.documents) {
    const isDate = doc.date.type === "number";
    merges.push(`D${row}:E${row}`);
    cells.push(
      { address: `A${row}`, value: doc.index, style: centered },
      { address: `B${row}`, value: valueOf(doc.number), style: base },
      { address: `C${row}`, value: valueOf(doc.date), style: isDate ? dated : undated },
      { address: `D${row}`, value: valueOf(doc.summary), style: base },
      { address: `E${row}`, value: null, style: base },
      { address: `F${row}`, value: valueOf(doc.note), style: noted },
    );
    row++;
  }
  const last = row - 1;
  const plan = fitRowHeights(
    {
      key: REPORT_SHEETS.documents.key,
      name: REPORT_SHEETS.documents.name,
      role: "report",
      columns: DOCUMENT_WIDTHS,
      rowHeights,
      font: { name: S.FONT, size: 12 },
      cells,
      merges,
      names: [],
      validations: [],
      protect: false,
      page: pageOf(DOCUMENTS_GRID, last, headerRow),
      visibility: "visible",
      clear: `A1:J${Math.max(last + 50, 400)}`,
      tabColor: "#C00000",
    },
    { everyRow: true },
  );
  return planPageBreaks(plan, headerRow, last);
}
