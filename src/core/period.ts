/**
 * Reporting periods and their data periods (Nghị định 09/2019/NĐ-CP, Điều 12): a quarter's
 * figures run from the 15th of the month before the quarter to the 14th of its last month;
 * 6 tháng, 9 tháng and Năm start on 15/12 of the year before.
 */
import { FigureError, isBlank } from "./arithmetic";
import { toExcelSerial, type CalendarDate } from "./dates";

export { formatDateVi, fromExcelSerial, toExcelSerial, type CalendarDate } from "./dates";

/** The reporting periods, as staff write them (the list of the "Kỳ báo cáo" cell). */
export const PERIODS = ["Quý I", "Quý II", "Quý III", "Quý IV", "6 tháng", "9 tháng", "Năm"] as const;
export type Period = (typeof PERIODS)[number];

/** The month (1..12) the period's data ends in; the data always ends on its 14th. */
const LAST_MONTH: Record<Period, number> = {
  "Quý I": 3,
  "Quý II": 6,
  "Quý III": 9,
  "Quý IV": 12,
  "6 tháng": 6,
  "9 tháng": 9,
  Năm: 12,
};

/** Accepts `Quý III`, `quy 3`, `III`, `3`, `6 tháng`, `Năm` …; undefined when it is none of them. */
export function parsePeriod(value: unknown): Period | undefined {
  if (typeof value === "number") {
    return Number.isInteger(value) && value >= 1 && value <= 4 ? PERIODS[value - 1] : undefined;
  }
  if (typeof value !== "string") return undefined;
  const plain = value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
  const quarter = /^(?:quy )?(i|ii|iii|iv|1|2|3|4)$/.exec(plain);
  if (quarter) {
    const index = ["i", "ii", "iii", "iv"].indexOf(quarter[1]);
    return PERIODS[index >= 0 ? index : Number(quarter[1]) - 1];
  }
  if (/^6 thang( dau nam)?$/.test(plain)) return "6 tháng";
  if (/^9 thang( dau nam)?$/.test(plain)) return "9 tháng";
  if (plain === "nam" || plain === "ca nam") return "Năm";
  return undefined;
}

/**
 * The year of a period to consolidate into, as a user types it (the command line's `--nam`, the
 * pane's Năm): four digits from 2000 to 2100; undefined for anything else.
 */
export function parseTargetYear(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{4}$/.test(trimmed)) return undefined;
  const year = Number(trimmed);
  return year >= 2000 && year <= 2100 ? year : undefined;
}

function parseYear(value: unknown): number {
  const year = typeof value === "string" && /^\s*\d{4}\s*$/.test(value) ? Number(value) : value;
  if (typeof year !== "number" || !Number.isInteger(year) || year < 1901 || year > 9998) {
    throw new FigureError("invalidValue", "Năm báo cáo không hợp lệ");
  }
  return year;
}

function requirePeriod(value: unknown): Period {
  const period = parsePeriod(value);
  if (!period) {
    throw new FigureError("invalidValue", `Kỳ báo cáo không hợp lệ (dùng: ${PERIODS.join(", ")})`);
  }
  return period;
}

/** The first and last day of the period's data. */
export function dataPeriod(period: Period, year: number): { from: CalendarDate; to: CalendarDate } {
  const last = LAST_MONTH[period];
  const isQuarter = period.startsWith("Quý");
  const from: CalendarDate = isQuarter
    ? last === 3
      ? { year: year - 1, month: 12, day: 15 }
      : { year, month: last - 3, day: 15 }
    : { year: year - 1, month: 12, day: 15 };
  return { from, to: { year, month: last, day: 14 } };
}

/** CCHC.TUNGAY: the first day of the data period as an Excel date serial. */
export function periodStartSerial(period: unknown, year: unknown): number | "" {
  if (isBlank(period) || isBlank(year)) return "";
  return toExcelSerial(dataPeriod(requirePeriod(period), parseYear(year)).from);
}

/** CCHC.DENNGAY: the last day of the data period as an Excel date serial. */
export function periodEndSerial(period: unknown, year: unknown): number | "" {
  if (isBlank(period) || isBlank(year)) return "";
  return toExcelSerial(dataPeriod(requirePeriod(period), parseYear(year)).to);
}
