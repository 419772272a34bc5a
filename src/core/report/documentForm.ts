/**
 * The parts of an administrative document that Nghị định 30/2020/NĐ-CP fixes: the issuing
 * body's lines, the national title and motto, the place-and-date line, the period phrase of
 * the title, the signature block. Pure text, from the figures of "Thông tin chung".
 */
import { isoToSerial } from "../dates";
import { CUSTOM_PERIOD, parsePeriod, type CalendarDate, fromExcelSerial, type Period } from "../period";
import type { CatalogueLevel } from "../catalogue";
import { issuingBodyStyle, unitsTogether } from "./issuingBody";

export { authorityLines } from "./issuingBody";

export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc";

/** `ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ` → [`ỦY BAN NHÂN DÂN`, `HUYỆN ĐỨC THỌ`]: how the header prints it. */
export function bodyLines(body: string): string[] {
  return issuingBodyStyle(body).headerLines;
}

/** `ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ` → `UBND huyện Đức Thọ`, as a sentence names the body. */
export function bodyShortName(body: string): string {
  return issuingBodyStyle(body).sentenceName;
}

/** `Đức Thọ, ngày 05 tháng 9 năm 2021`: leading zero for days under 10 and months 1 and 2. */
export function placeAndDate(
  place: string,
  date: CalendarDate | undefined,
  year: number | undefined,
): string {
  const where = place.trim() || "…";
  if (!date) return `${where}, ngày … tháng … năm ${year ?? "…"}`;
  const day = String(date.day).padStart(2, "0");
  const month = date.month <= 2 ? String(date.month).padStart(2, "0") : String(date.month);
  return `${where}, ngày ${day} tháng ${month} năm ${date.year}`;
}

/** `ngày 15 tháng 9 năm 2021` (no place), or dots when the date is not set. */
export function dateInWords(date: CalendarDate | undefined, year: number | undefined): string {
  return placeAndDate("x", date, year).slice(3);
}

/** A data period's first and last day as serials, each undefined when not known. */
export interface PeriodDays {
  from?: number;
  to?: number;
}

/** `01/7/2025`, `15/01/2026`: a day as a document's text writes it (zero before days under 10 and months 1 and 2). */
export function documentDate(serial: number): string {
  const d = fromExcelSerial(serial);
  const month = d.month <= 2 ? String(d.month).padStart(2, "0") : String(d.month);
  return `${String(d.day).padStart(2, "0")}/${month}/${d.year}`;
}

/**
 * The period inside a sentence: «quý III năm 2021», «6 tháng đầu năm 2021», «6 tháng cuối năm
 * 2025», «tháng 7 năm 2025», «năm 2021»; a «Tùy chọn» period by its days, «từ ngày 01/7/2025
 * đến ngày 31/10/2025» (dots for a day not given). `year` undefined prints dots.
 */
export function periodPhrase(period: Period, year: number | undefined, days: PeriodDays = {}): string {
  const y = year ?? "…";
  if (period === CUSTOM_PERIOD) {
    const day = (serial: number | undefined) => (serial === undefined ? "…" : documentDate(serial));
    return `từ ngày ${day(days.from)} đến ngày ${day(days.to)}`;
  }
  if (period === "Năm") return `năm ${y}`;
  if (period === "6 tháng" || period === "9 tháng") return `${period} đầu năm ${y}`;
  if (period === "6 tháng cuối năm") return `${period} ${y}`;
  return `${period.replace(/^Quý/, "quý").replace(/^Tháng/, "tháng")} năm ${y}`;
}

/**
 * The period as the title says it: `QUÝ III NĂM 2021`, `6 THÁNG ĐẦU NĂM 2021`, `THÁNG 7 NĂM
 * 2025`, `NĂM 2021`, `TỪ NGÀY 01/7/2025 ĐẾN NGÀY 31/10/2025`, with a no-break space (U+00A0)
 * between NĂM and the year, so a wrapped title never leaves the year alone on the next line
 * (Excel and LibreOffice both honour it and show an ordinary space). An unknown period is the year.
 */
export function periodTitle(period: string, year: number | undefined, days: PeriodDays = {}): string {
  const p = parsePeriod(period) ?? "Năm";
  return periodPhrase(p, year, days)
    .toLocaleUpperCase("vi")
    .replace(/(^| )NĂM (\S+)$/, "$1NĂM\u00a0$2");
}

/** `15/6/2021`, as the data-period line writes it. */
export function shortDate(serial: number): string {
  const d = fromExcelSerial(serial);
  return `${d.day}/${d.month}/${d.year}`;
}

/**
 * `số liệu tính từ ngày 15/6/2021 đến ngày 14/9/2021` (the appendix's line, the draft's
 * parenthesis), dots for a day not known; when the first day is the day the form's units began
 * (`unitsFrom`, ISO), it says so between commas, `… từ ngày 1/7/2025, ngày đơn vị bắt đầu hoạt động, đến …`
 * (not in brackets: the line is itself in brackets in the appendix and the draft). A consolidation
 * over units (`unitsOf`: the level of the units it sums) names them together instead
 * (`unitsTogether`): `ngày các xã, phường, đặc khu bắt đầu hoạt động`, since the consolidating body
 * (a Sở) did not begin that day.
 */
export function dataDaysPhrase(days: PeriodDays, unitsFrom?: string, unitsOf?: CatalogueLevel): string {
  const started = unitsOf ? unitsTogether(unitsOf) : "đơn vị";
  const day = (serial: number | undefined) => (serial === undefined ? "…" : shortDate(serial));
  const start = unitsFrom ? isoToSerial(unitsFrom) : undefined;
  const founded = start !== undefined && days.from !== undefined && Math.floor(days.from) === start;
  return `số liệu tính từ ngày ${day(days.from)}${founded ? `, ngày ${started} bắt đầu hoạt động,` : ""} đến ngày ${day(days.to)}`;
}

/** The recipients as typed in «Nơi nhận», one item each, without list marks and end punctuation. */
export function recipientItems(text: string): string[] {
  return text
    .split(/\s*[;\n]\s*/)
    .map((l) =>
      l
        .replace(/^[-–•]\s*/, "")
        .replace(/[.;]+$/, "")
        .trim(),
    )
    .filter(Boolean);
}

/** The recipients, one per line: `- Sở Nội vụ;` … `- Lưu: VT, TC-NV.` */
export function recipientLines(text: string): string[] {
  const items = recipientItems(text);
  if (!items.length) return ["- Lưu: VT."];
  return items.map((item, i) => `- ${item}${i === items.length - 1 ? "." : ";"}`);
}
