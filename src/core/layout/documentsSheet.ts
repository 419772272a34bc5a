/**
 * "Danh mục văn bản": the directive documents of the period, an Excel table that staff extend
 * row by row. Installing again rewrites only the title and header; the rows are the user's.
 */
import type { SampleDocument } from "../catalogue/sample";
import { toExcelSerial } from "../period";
import type { CellPlan, SheetPlan } from "./model";
import * as S from "./styles";
import { validationOf } from "./inputSheets";

export const DOCUMENTS_SHEET = { key: "docs", name: "Danh mục văn bản" } as const;
export const DOCUMENTS_HEADER_ROW = 3;
export const DOCUMENTS_TABLE = "CCHC_VanBan";
/** Columns of a document row: STT, number, date, summary, note. */
export const DOCUMENT_COLUMNS = { index: "A", number: "B", date: "C", summary: "D", note: "E" } as const;
/** Validation reaches this far below the header, so rows typed later are checked too. */
const VALIDATED_ROWS = 500;

export function documentsSheetPlan(existingRows: number, sample: readonly SampleDocument[] = []): SheetPlan {
  const first = DOCUMENTS_HEADER_ROW + 1;
  const cells: CellPlan[] = [
    { address: "A1", value: "DANH MỤC VĂN BẢN CHỈ ĐẠO, ĐIỀU HÀNH CCHC BAN HÀNH TRONG KỲ", style: S.title },
    {
      address: "A2",
      value:
        "Mỗi văn bản một dòng. Ngày ban hành gõ theo dạng ngày/tháng/năm; văn bản ngoài kỳ số liệu sẽ được cảnh báo.",
      style: S.hint,
    },
    ...["STT", "Số, ký hiệu văn bản", "Ngày ban hành", "Trích yếu nội dung", "Ghi chú"].map((text, i) => ({
      address: `${String.fromCharCode(65 + i)}${DOCUMENTS_HEADER_ROW}`,
      value: text,
      style: S.header,
    })),
  ];
  // Sample rows only go into a sheet that has none: rows already there are the user's.
  const rows = existingRows > 0 ? [] : sample;
  rows.forEach((doc, i) => {
    const r = first + i;
    const [y, m, d] = doc.date.split("-").map(Number);
    cells.push(
      { address: `A${r}`, value: i + 1, style: S.centered },
      { address: `B${r}`, value: doc.number, style: S.label },
      {
        address: `C${r}`,
        value: toExcelSerial({ year: y, month: m, day: d }),
        style: { ...S.centered, numberFormat: S.DATE_FORMAT },
      },
      { address: `D${r}`, value: doc.summary, style: S.label },
      { address: `E${r}`, value: null, style: S.label },
    );
  });
  const dataRows = Math.max(existingRows, rows.length, 1);
  const dateValidation = validationOf(
    { id: "ngay_van_ban", label: "Ngày ban hành", unit: "", kind: "date", section: "1" },
    `C${first}:C${first + VALIDATED_ROWS}`,
  )!;
  return {
    key: DOCUMENTS_SHEET.key,
    name: DOCUMENTS_SHEET.name,
    role: "list",
    columns: [7, 24, 15, 70, 26],
    rowHeights: { 1: 30, 2: 30, [DOCUMENTS_HEADER_ROW]: 30 },
    font: { name: S.FONT, size: 12 },
    cells,
    merges: ["A1:E1", "A2:E2"],
    names: [],
    validations: [dateValidation],
    // Unprotected: a table cannot grow on a protected sheet.
    protect: false,
    freeze: { rows: DOCUMENTS_HEADER_ROW, columns: 0 },
    table: { name: DOCUMENTS_TABLE, range: `A${DOCUMENTS_HEADER_ROW}:E${DOCUMENTS_HEADER_ROW + dataRows}` },
    visibility: "visible",
    clear: `A1:E${DOCUMENTS_HEADER_ROW}`,
    tabColor: "#BF8F00",
  };
}

type Plain = string | number | boolean | null;

/** A document row to list as read elsewhere (a unit's list, into a consolidation's). */
export interface ListedDocument {
  number: Plain;
  /** A date serial (1900 system) gets the date format; the text a unit typed stays text. */
  date: Plain;
  summary: Plain;
  /** Ghi chú as it is to print, e.g. the issuing unit's name. */
  note: string;
}

/**
 * The plan of a «Danh mục văn bản» holding no document (a new one, or one the user left empty)
 * with `rows` listed under the header and
 * its table grown over them. Values are written as read: a date serial gets the date format.
 */
export function withListedDocuments(plan: SheetPlan, rows: readonly ListedDocument[]): SheetPlan {
  if (rows.length === 0) return plan;
  const first = DOCUMENTS_HEADER_ROW + 1;
  const cells = [...plan.cells];
  rows.forEach((doc, i) => {
    const r = first + i;
    cells.push(
      { address: `A${r}`, value: i + 1, style: S.centered },
      { address: `B${r}`, value: doc.number, style: S.label },
      {
        address: `C${r}`,
        value: doc.date,
        style: { ...S.centered, numberFormat: typeof doc.date === "number" ? S.DATE_FORMAT : undefined },
      },
      { address: `D${r}`, value: doc.summary, style: S.label },
      { address: `E${r}`, value: doc.note || null, style: S.label },
    );
  });
  return {
    ...plan,
    cells,
    table: {
      name: DOCUMENTS_TABLE,
      range: `A${DOCUMENTS_HEADER_ROW}:E${DOCUMENTS_HEADER_ROW + rows.length}`,
    },
  };
}
