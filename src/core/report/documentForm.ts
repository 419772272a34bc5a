/**
 * The parts of an administrative document that Nghị định 30/2020/NĐ-CP fixes: the issuing
 * body's lines, the national title and motto, the place-and-date line, the period phrase of
 * the title, the signature block. Pure text, from the figures of "Thông tin chung".
 */
import { parsePeriod, type CalendarDate, fromExcelSerial } from "../period";
import { issuingBodyStyle } from "./issuingBody";

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

/**
 * The period as the title says it: `QUÝ III NĂM 2021`, `6 THÁNG ĐẦU NĂM 2021`, `NĂM 2021`, with a
 * no-break space (U+00A0) between NĂM and the year, so a wrapped title never leaves the year
 * alone on the next line (Excel and LibreOffice both honour it and show an ordinary space).
 */
export function periodTitle(period: string, year: number | undefined): string {
  const p = parsePeriod(period);
  const ofYear = `NĂM\u00a0${year ?? "…"}`;
  if (!p || p === "Năm") return ofYear;
  if (p === "6 tháng" || p === "9 tháng") return `${p.toLocaleUpperCase("vi")} ĐẦU ${ofYear}`;
  return `${p.toLocaleUpperCase("vi")} ${ofYear}`;
}

/** `15/6/2021`, as the data-period line writes it. */
export function shortDate(serial: number): string {
  const d = fromExcelSerial(serial);
  return `${d.day}/${d.month}/${d.year}`;
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
