/**
 * The report sheets: Phụ lục I (the statistical table) and Phụ lục II (the document list), in
 * the Nghị định 30/2020 form. Every value is a static figure computed by the core, so the file
 * reads the same when mailed to someone without the add-in.
 */
import { formatNumberVi } from "../arithmetic";
import { reportName, type Catalogue, type Indicator } from "../catalogue";
import type { Finding } from "../checks";
import type { Evaluated } from "../evaluate";
import type { DocumentRow, Figures } from "../figures";
import type { CellPlan, CellStyle, PagePlan, SheetPlan } from "../layout/model";
import { fitRowHeights, wrapInColumns } from "../layout/rowHeights";
import * as S from "../layout/styles";
import { fromExcelSerial } from "../period";
import {
  authorityLines,
  bodyLines,
  bodyShortName,
  dateInWords,
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  periodTitle,
  placeAndDate,
  recipientLines,
  shortDate,
} from "./documentForm";

export const REPORT_SHEETS = {
  statistics: { key: "report1", name: "Phụ lục I" },
  documents: { key: "report2", name: "Phụ lục II" },
} as const;

export interface ReportInput {
  catalogue: Catalogue;
  figures: Figures;
  evaluated: ReadonlyMap<string, Evaluated>;
  findings: readonly Finding[];
  documents: readonly DocumentRow[];
  /** Local time of generation, printed in the footnote. */
  generatedAt: Date;
}

const ERROR_FILL = "#F8CBAD";
/** Columns: the unit column fits "doanh nghiệp" on one line; "86.450.000" fits the figure column. */
const WIDTHS = [6, 44, 13, 12, 27];
const LAST_COLUMN = "E";

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

/** Two-column header block, title lines and the table header; returns the next free row. */
function documentHeader(
  cells: CellPlan[],
  merges: string[],
  input: ReportInput,
  appendix: string,
  title: string,
): number {
  const info = (id: string) => {
    const v = input.evaluated.get(id)?.value;
    return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
  };
  const serial = (id: string) => {
    const v = input.evaluated.get(id)?.value;
    return typeof v === "number" ? v : undefined;
  };
  const yearValue = input.evaluated.get("nam")?.value;
  const year = typeof yearValue === "number" ? yearValue : undefined;
  const issued = serial("ngay_ban_hanh");
  const issuedDate = issued !== undefined ? fromExcelSerial(issued) : undefined;
  const superior = info("co_quan_cap_tren").toLocaleUpperCase("vi");
  const body = bodyLines(info("co_quan"));
  const left: Array<{ text: string; style: CellStyle }> = [
    ...(superior ? [{ text: superior, style: centeredText(12) }] : []),
    ...body.map((line, i) => ({
      text: line,
      style: centeredText(12, { bold: true }, { ruleBelow: i === body.length - 1 }),
    })),
  ];
  const right: Array<{ text: string; style: CellStyle }> = [
    { text: NATIONAL_TITLE, style: centeredText(12, { bold: true }) },
    { text: NATIONAL_MOTTO, style: centeredText(13, { bold: true }, { ruleBelow: true }) },
  ];
  const blockRows = Math.max(left.length, right.length);
  for (let i = 0; i < blockRows; i++) {
    const row = i + 1;
    merges.push(`A${row}:B${row}`, `C${row}:${LAST_COLUMN}${row}`);
    cells.push({
      address: `A${row}`,
      value: left[i]?.text ?? null,
      style: left[i]?.style ?? centeredText(12),
    });
    cells.push({
      address: `C${row}`,
      value: right[i]?.text ?? null,
      style: right[i]?.style ?? centeredText(12),
    });
  }
  let row = blockRows + 1;
  merges.push(`A${row}:B${row}`, `C${row}:${LAST_COLUMN}${row}`);
  cells.push({
    address: `A${row}`,
    value: `Số: ${info("so_ky_hieu") || "…/BC-UBND"}`,
    style: centeredText(13),
  });
  cells.push({
    address: `C${row}`,
    value: placeAndDate(info("dia_danh"), issuedDate, year),
    style: centeredText(13, { italic: true }),
  });
  row += 2;

  const wide = (value: string, style: CellStyle) => {
    merges.push(`A${row}:${LAST_COLUMN}${row}`);
    cells.push({ address: `A${row}`, value, style });
    row++;
  };
  wide(appendix, centeredText(14, { bold: true }));
  wide(`${title} ${periodTitle(info("ky_bao_cao"), year)}`, centeredText(14, { bold: true }));
  wide(
    `(Kèm theo Báo cáo số ${info("so_ky_hieu") || "…/BC-UBND"} ${dateInWords(issuedDate, year)} của ${bodyShortName(info("co_quan"))})`,
    centeredText(13, { italic: true }),
  );
  const from = serial("tu_ngay");
  const to = serial("den_ngay");
  wide(
    `(Số liệu tính từ ngày ${from !== undefined ? shortDate(from) : "…"} đến ngày ${to !== undefined ? shortDate(to) : "…"})`,
    centeredText(13, { italic: true }),
  );
  return row + 1;
}

function tableHeader(cells: CellPlan[], row: number, headers: readonly string[]): void {
  headers.forEach((value, i) =>
    cells.push({
      address: `${String.fromCharCode(65 + i)}${row}`,
      value,
      style: { ...S.header, fill: undefined },
    }),
  );
}

function pageOf(lastRow: number, headerRow: number): PagePlan {
  return {
    orientation: "portrait",
    marginsMm: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
    fitToWidth: true,
    printArea: `A1:${LAST_COLUMN}${lastRow}`,
    printTitleRows: `$${headerRow}:$${headerRow}`,
    pageNumberTopCenterFromSecondPage: true,
  };
}

function footnote(cells: CellPlan[], merges: string[], row: number, generatedAt: Date): number {
  const two = (n: number) => String(n).padStart(2, "0");
  const when = `${two(generatedAt.getHours())}:${two(generatedAt.getMinutes())} ngày ${two(generatedAt.getDate())}/${two(
    generatedAt.getMonth() + 1,
  )}/${generatedAt.getFullYear()}`;
  merges.push(`A${row}:${LAST_COLUMN}${row}`);
  cells.push({
    address: `A${row}`,
    value: `Ghi chú: số liệu tổng hợp từ các biểu nhập bằng phần mềm CCHC lúc ${when}; tỷ lệ do phần mềm tính từ số liệu.`,
    style: text(10, { font: { italic: true }, wrap: true }),
  });
  return row + 1;
}

/** The signature block: recipients on the left, authority, title and signer on the right. */
function signature(cells: CellPlan[], merges: string[], row: number, input: ReportInput): number {
  const info = (id: string) => {
    const v = input.evaluated.get(id)?.value;
    return typeof v === "string" ? v : "";
  };
  const right = [
    ...authorityLines(info("quyen_han_ky") || "TM. ỦY BAN NHÂN DÂN"),
    ...authorityLines(info("chuc_vu_ky")),
  ];
  // One recipient a line, as typed documents list them; a recipient too long for the column
  // pair continues on the next row (hanging under its text), so no printed line is ever cut.
  const left = recipientLines(info("noi_nhan")).flatMap((line) =>
    wrapInColumns({ columns: WIDTHS }, 1, 2, line, 11).map((part, i) => (i === 0 ? part : `  ${part}`)),
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
    merges.push(`C${start + i}:${LAST_COLUMN}${start + i}`);
    cells.push({ address: `C${start + i}`, value: line, style: centeredText(13, { bold: true }) });
  });
  // Room to sign and stamp: four empty lines under the title.
  const nameRow = start + right.length + 4;
  merges.push(`C${nameRow}:${LAST_COLUMN}${nameRow}`);
  cells.push({
    address: `C${nameRow}`,
    value: info("nguoi_ky") || null,
    style: centeredText(13, { bold: true }),
  });
  return Math.max(nameRow, start + left.length) + 1;
}

/** STT of each row: `1.1` for an item of section 1, `-` for a component. */
function numbering(indicators: readonly Indicator[]): Map<string, string> {
  const stt = new Map<string, string>();
  const counters = new Map<string, number>();
  for (const indicator of indicators) {
    if (indicator.parent) {
      stt.set(indicator.id, "-");
      continue;
    }
    const next = (counters.get(indicator.section) ?? 0) + 1;
    counters.set(indicator.section, next);
    stt.set(indicator.id, `${indicator.section}.${next}`);
  }
  return stt;
}

/** Ghi chú of a row: the user's note, the value's own note, and each unresolved finding. */
function rowNote(
  indicator: Indicator,
  input: ReportInput,
  byMainId: Map<string, Finding[]>,
): { note: string; error: boolean } {
  const parts: string[] = [];
  const userNote = input.figures.get(indicator.id)?.note;
  if (userNote) parts.push(userNote);
  const own = input.evaluated.get(indicator.id)?.note;
  if (own) parts.push(own);
  let error = false;
  for (const finding of byMainId.get(indicator.id) ?? []) {
    if (finding.severity === "error") {
      error = true;
      parts.push(`LỖI: ${finding.message}`);
    } else if (!userNote) {
      // A warning the user explained in the input sheet's Ghi chú is resolved: the note says why.
      parts.push(`Cảnh báo: ${finding.message}`);
    }
  }
  return { note: joinNotes(parts), error };
}

/**
 * The parts of one Ghi chú as sentences: each part not already ending in punctuation gets a
 * full stop before the next, so «Số liệu không hợp lệ» and «LỖI: …» do not run together. The
 * last part (often the user's own note) is left exactly as written.
 */
function joinNotes(parts: readonly string[]): string {
  return parts
    .map((part, i) =>
      i < parts.length - 1 && !/[.!?…:;]$/.test(part.trimEnd()) ? `${part.trimEnd()}.` : part,
    )
    .join(" ");
}

/** Phụ lục I: the statistical table of every section, with notes, footnote and signature. */
export function statisticsSheetPlan(input: ReportInput): SheetPlan {
  const cells: CellPlan[] = [];
  const merges: string[] = [];
  const names: SheetPlan["names"] = [];
  let row = documentHeader(
    cells,
    merges,
    input,
    "Phụ lục I",
    "SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
  );
  const errors = input.findings.filter((f) => f.severity === "error").length;
  if (errors > 0) {
    merges.push(`A${row - 1}:${LAST_COLUMN}${row - 1}`);
    cells.push({
      address: `A${row - 1}`,
      value: `Lưu ý: số liệu còn ${formatNumberVi(errors)} lỗi (các dòng tô đỏ, xem cột Ghi chú); cần sửa trước khi ban hành.`,
      style: centeredText(12, { bold: true, color: "#C00000" }),
    });
  }
  const headerRow = row;
  tableHeader(cells, headerRow, ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"]);
  row++;

  const byMainId = new Map<string, Finding[]>();
  for (const finding of input.findings) {
    const main = finding.ids[0];
    if (main) byMainId.set(main, [...(byMainId.get(main) ?? []), finding]);
  }
  const stt = numbering(input.catalogue.indicators);
  const cell = (col: string, value: CellPlan["value"], style: CellStyle): CellPlan => ({
    address: `${col}${row}`,
    value,
    style,
  });
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
      cell("C", null, sectionStyle),
      cell("D", null, sectionStyle),
      cell("E", null, sectionStyle),
    );
    row++;
    for (const indicator of input.catalogue.indicators.filter((i) => i.section === section.id)) {
      const value = input.evaluated.get(indicator.id)?.value;
      const { note, error } = rowNote(indicator, input, byMainId);
      const fill = error ? ERROR_FILL : undefined;
      const base: CellStyle = {
        font: { size: 12, italic: !!indicator.parent },
        border: true,
        vAlign: "center",
        wrap: true,
        fill,
      };
      cells.push(
        cell("A", stt.get(indicator.id) ?? "", { ...base, align: "center" }),
        cell("B", indicator.label, { ...base, indent: indicator.parent ? 1 : 0 }),
        cell("C", indicator.unit, { ...base, align: "center" }),
        cell("D", value === "" || value === undefined ? null : value, {
          ...base,
          align: "right",
          numberFormat: S.reportNumberFormat(indicator, value),
        }),
        cell("E", note || null, { ...base, font: { size: 11 } }),
      );
      names.push({ name: reportName(indicator.id), address: `D${row}` });
      row++;
    }
  }
  row = footnote(cells, merges, row + 1, input.generatedAt);
  const last = signature(cells, merges, row + 1, input);
  return fitRowHeights({
    key: REPORT_SHEETS.statistics.key,
    name: REPORT_SHEETS.statistics.name,
    role: "report",
    columns: WIDTHS,
    font: { name: S.FONT, size: 12 },
    cells,
    merges,
    names,
    validations: [],
    protect: false,
    page: pageOf(last, headerRow),
    visibility: "visible",
    clear: `A1:J${Math.max(last + 50, 400)}`,
    tabColor: "#C00000",
  });
}

/** Phụ lục II: one row for each document of the "Danh mục văn bản" list. */
export function documentsReportPlan(input: ReportInput): SheetPlan {
  const cells: CellPlan[] = [];
  const merges: string[] = [];
  let row = documentHeader(
    cells,
    merges,
    input,
    "Phụ lục II",
    "DANH MỤC VĂN BẢN CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
  );
  const headerRow = row;
  tableHeader(cells, headerRow, [
    "STT",
    "Số, ký hiệu văn bản",
    "Ngày ban hành",
    "Trích yếu nội dung",
    "Ghi chú",
  ]);
  row++;
  const base: CellStyle = { font: { size: 12 }, border: true, vAlign: "center", wrap: true };
  const valueOf = (v: DocumentRow["number"]) =>
    v.type === "blank" ? null : v.type === "error" ? v.value : v.value;
  if (input.documents.length === 0) {
    merges.push(`A${row}:${LAST_COLUMN}${row}`);
    cells.push({
      address: `A${row}`,
      value: "Không có văn bản trong danh mục.",
      style: { ...base, align: "center", font: { size: 12, italic: true } },
    });
    row++;
  }
  for (const doc of input.documents) {
    const isDate = doc.date.type === "number";
    cells.push(
      { address: `A${row}`, value: doc.index, style: { ...base, align: "center" } },
      { address: `B${row}`, value: valueOf(doc.number), style: base },
      {
        address: `C${row}`,
        value: valueOf(doc.date),
        style: { ...base, align: "center", numberFormat: isDate ? S.DATE_FORMAT : undefined },
      },
      { address: `D${row}`, value: valueOf(doc.summary), style: base },
      { address: `E${row}`, value: valueOf(doc.note), style: { ...base, font: { size: 11 } } },
    );
    row++;
  }
  row = footnote(cells, merges, row + 1, input.generatedAt);
  return fitRowHeights({
    key: REPORT_SHEETS.documents.key,
    name: REPORT_SHEETS.documents.name,
    role: "report",
    columns: [6, 20, 13, 48, 15],
    font: { name: S.FONT, size: 12 },
    cells,
    merges,
    names: [],
    validations: [],
    protect: false,
    page: pageOf(row, headerRow),
    visibility: "visible",
    clear: `A1:J${Math.max(row + 50, 400)}`,
    tabColor: "#C00000",
  });
}
