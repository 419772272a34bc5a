/**
 * The parts of an administrative document that Nghị định 30/2020/NĐ-CP fixes: the issuing
 * body's lines, the national title and motto, the place-and-date line, the period phrase of
 * the title, the signature block. Pure text, from the figures of "Thông tin chung".
 */
import { parsePeriod, type CalendarDate, fromExcelSerial } from "../period";

export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc";

const BODY_PREFIX = "ỦY BAN NHÂN DÂN";
/** Administrative levels, written in lower case inside a sentence (UBND huyện Đức Thọ). */
const LEVELS = ["thành phố", "thị trấn", "thị xã", "đặc khu", "huyện", "xã", "phường", "tỉnh", "quận"];

/** `ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ` → [`ỦY BAN NHÂN DÂN`, `HUYỆN ĐỨC THỌ`]: how the header prints it. */
export function bodyLines(body: string): string[] {
  const upper = body.trim().toLocaleUpperCase("vi");
  if (!upper) return ["ỦY BAN NHÂN DÂN"];
  const normalized = upper.replace(/^UỶ BAN/, "ỦY BAN");
  if (normalized.startsWith(`${BODY_PREFIX} `))
    return [BODY_PREFIX, normalized.slice(BODY_PREFIX.length + 1).trim()];
  return [normalized];
}

function capitalize(word: string): string {
  return word ? word[0].toLocaleUpperCase("vi") + word.slice(1) : word;
}

/** `ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ` → `UBND huyện Đức Thọ`, as a sentence names the body. */
export function bodyShortName(body: string): string {
  const lines = bodyLines(body);
  if (lines.length < 2) return lines[0];
  const rest = lines[1].toLocaleLowerCase("vi");
  const level = LEVELS.find((l) => rest === l || rest.startsWith(`${l} `));
  const place = (level ? rest.slice(level.length) : rest).trim().split(/\s+/).map(capitalize).join(" ");
  return `UBND ${level ? `${level} ` : ""}${place}`.trim();
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

/** `TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH` → its lines. */
export function authorityLines(text: string): string[] {
  return text
    .split(/\s*[/\n]\s*/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The recipients, one per line: `- Sở Nội vụ;` … `- Lưu: VT, TC-NV.` */
export function recipientLines(text: string): string[] {
  const items = text
    .split(/\s*[;\n]\s*/)
    .map((l) =>
      l
        .replace(/^[-–•]\s*/, "")
        .replace(/[.;]+$/, "")
        .trim(),
    )
    .filter(Boolean);
  if (!items.length) return ["- Lưu: VT."];
  return items.map((item, i) => `- ${item}${i === items.length - 1 ? "." : ";"}`);
}
