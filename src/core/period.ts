/**
 * Reporting periods and their data periods (Nghị định 09/2019/NĐ-CP, Điều 12): a period's
 * figures run from the 15th of the month before the period to the 14th of its last month, so a
 * month (Tháng 7: 15/6 – 14/7) and a quarter (Quý III: 15/6 – 14/9) follow one rule, three months
 * tile their quarter, and 6 tháng, 9 tháng and Năm start on 15/12 of the year before.
 *
 * Two more shapes exist (issue 21): a unit founded inside a period (the communes of the two-tier
 * system, from 1/7/2025) has a window that starts on its founding day, and a custom period
 * («Tùy chọn») whose dates the user types (a first report «từ 01/7 đến 31/10/2025»).
 */
import { FigureError, isBlank } from "./arithmetic";
import {
  formatDateVi,
  fromExcelSerial,
  isoToSerial,
  parseDayMonthYear,
  toExcelSerial,
  type CalendarDate,
} from "./dates";

export { formatDateVi, fromExcelSerial, toExcelSerial, type CalendarDate } from "./dates";

/** The months as staff write them: «Tháng 1» … «Tháng 12». */
export const MONTHS = [
  "Tháng 1",
  "Tháng 2",
  "Tháng 3",
  "Tháng 4",
  "Tháng 5",
  "Tháng 6",
  "Tháng 7",
  "Tháng 8",
  "Tháng 9",
  "Tháng 10",
  "Tháng 11",
  "Tháng 12",
] as const;
export type Month = (typeof MONTHS)[number];

/** The period whose dates the user types in Thông tin chung (Số liệu tính từ ngày / đến ngày). */
export const CUSTOM_PERIOD = "Tùy chọn";

/**
 * The periods with a data window of their own, in the order of the "Kỳ báo cáo" list: the seven
 * of letter 581/BNV-CCHC first (so lists made before issue 21 keep their order), then the
 * second half-year and the months.
 */
export const NAMED_PERIODS = [
  "Quý I",
  "Quý II",
  "Quý III",
  "Quý IV",
  "6 tháng",
  "9 tháng",
  "Năm",
  "6 tháng cuối năm",
  ...MONTHS,
] as const;
export type NamedPeriod = (typeof NAMED_PERIODS)[number];

/** The reporting periods, as staff write them (the list of the "Kỳ báo cáo" cell). */
export const PERIODS = [...NAMED_PERIODS, CUSTOM_PERIOD] as const;
export type Period = (typeof PERIODS)[number];

/** Whether the period's dates are the user's («Tùy chọn») rather than the decree's. */
export function isCustomPeriod(period: Period): period is typeof CUSTOM_PERIOD {
  return period === CUSTOM_PERIOD;
}

/** The month (1..12) the period's data ends in (on its 14th) and how many months it spans. */
function shapeOf(period: NamedPeriod): { last: number; months: number } {
  const month = (MONTHS as readonly string[]).indexOf(period);
  if (month >= 0) return { last: month + 1, months: 1 };
  switch (period) {
    case "Quý I":
      return { last: 3, months: 3 };
    case "Quý II":
      return { last: 6, months: 3 };
    case "Quý III":
      return { last: 9, months: 3 };
    case "Quý IV":
      return { last: 12, months: 3 };
    case "6 tháng":
      return { last: 6, months: 6 };
    case "9 tháng":
      return { last: 9, months: 9 };
    case "6 tháng cuối năm":
      return { last: 12, months: 6 };
    default:
      return { last: 12, months: 12 };
  }
}

/**
 * Accepts `Quý III`, `quy 3`, `III`, `3`, `6 tháng`, `6 tháng cuối năm`, `Tháng 7`, `thang 07`,
 * `Năm`, `Tùy chọn` …; undefined when it is none of them.
 */
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
  const month = /^thang 0?([1-9]|1[0-2])$/.exec(plain);
  if (month) return MONTHS[Number(month[1]) - 1];
  if (/^6 thang( dau nam)?$/.test(plain)) return "6 tháng";
  if (/^6 thang cuoi nam$/.test(plain)) return "6 tháng cuối năm";
  if (/^9 thang( dau nam)?$/.test(plain)) return "9 tháng";
  if (plain === "nam" || plain === "ca nam") return "Năm";
  if (plain === "tuy chon") return CUSTOM_PERIOD;
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

/**
 * The day a unit began (the catalogue's `unitsFrom`, docs/catalogue-format.md), as the formulas
 * pass it: ISO text `2025-07-01` (what the sheets write, the same in either date system), or
 * `01/07/2025`. Undefined when blank; FigureError when it is no date.
 */
export function parseUnitStart(value: unknown): number | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === "string") {
    const iso = /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value) ? isoToSerial(value) : undefined;
    if (iso !== undefined) return iso;
    const typed = parseDayMonthYear(value);
    if (typed) return toExcelSerial(typed);
  }
  throw new FigureError("invalidValue", "Ngày bắt đầu hoạt động của đơn vị không hợp lệ (dạng 2025-07-01)");
}

/** The decree's window of a named period, before any founding date: first and last day. */
export function dataPeriod(period: NamedPeriod, year: number): { from: CalendarDate; to: CalendarDate } {
  const { last, months } = shapeOf(period);
  // The month before the first month; 0 or less reaches into the year before.
  const before = last - months;
  const from: CalendarDate =
    before <= 0 ? { year: year - 1, month: 12 + before, day: 15 } : { year, month: before, day: 15 };
  return { from, to: { year, month: last, day: 14 } };
}

/** A data window as 1900-system serials (first and last day), and whether a founding date cut its start. */
export interface DataWindow {
  from: number;
  to: number;
  /** True when the unit's founding day is later than the decree's first day, and the window starts there. */
  fromUnitStart: boolean;
}

/**
 * The window of a named period for a unit that began on `unitStart` (a serial; none for a unit
 * older than the period): the decree's window (Nghị định 09/2019/NĐ-CP, Điều 12), starting on
 * the founding day when that is later (Quý III/2025 of a commune of the two-tier system: 01/7 –
 * 14/9/2025). FigureError when the period ends before the unit began: it cannot report it.
 */
export function dataWindow(period: NamedPeriod, year: number, unitStart?: number): DataWindow {
  const window = dataPeriod(period, year);
  const from = toExcelSerial(window.from);
  const to = toExcelSerial(window.to);
  if (unitStart === undefined || unitStart <= from) return { from, to, fromUnitStart: false };
  if (unitStart > to) {
    throw new FigureError(
      "invalidValue",
      `Kỳ ${period}/${year} có số liệu đến ngày ${formatDateVi(window.to)}, trước ngày đơn vị bắt đầu hoạt động (${formatDateVi(fromExcelSerial(unitStart))})`,
    );
  }
  return { from: unitStart, to, fromUnitStart: true };
}

/**
 * The window of the typed period and year, or "" when either is blank or the period is
 * «Tùy chọn» (its dates are typed over the formulas). FigureError for an unknown period or year,
 * or a period ending before the unit began.
 */
function windowOf(period: unknown, year: unknown, unitStart: unknown): DataWindow | "" {
  if (isBlank(period) || isBlank(year)) return "";
  const named = requirePeriod(period);
  const y = parseYear(year);
  const start = parseUnitStart(unitStart);
  if (isCustomPeriod(named)) return "";
  return dataWindow(named, y, start);
}

/** CCHC.TUNGAY: the first day of the data period as an Excel date serial ("" for «Tùy chọn»). */
export function periodStartSerial(period: unknown, year: unknown, unitStart?: unknown): number | "" {
  const window = windowOf(period, year, unitStart);
  return window === "" ? "" : window.from;
}

/** CCHC.DENNGAY: the last day of the data period as an Excel date serial ("" for «Tùy chọn»). */
export function periodEndSerial(period: unknown, year: unknown, unitStart?: unknown): number | "" {
  const window = windowOf(period, year, unitStart);
  return window === "" ? "" : window.to;
}

/**
 * How typed data dates fit a named period (Thông tin chung lets a user type over the derived
 * ones): undefined when they fit, else what is wrong, in Vietnamese. The last day must be the
 * window's (the 14th of the last month) or the calendar's (its last day: a province asking for
 * calendar periods); the first day lies inside the window, from its first day (or the unit's
 * founding day when later) to its last: a later start is a unit that began inside the period,
 * an earlier one reaches into another period. `from` / `to` are serials, undefined when not typed.
 */
export function datesAgainstPeriod(
  period: NamedPeriod,
  year: number,
  unitStart: number | undefined,
  typed: { from?: number; to?: number },
): { window: DataWindow; wrongFrom: boolean; wrongTo: boolean } {
  const window = dataWindow(period, year, unitStart);
  const { last } = shapeOf(period);
  // The day before the 1st of the month after the last one.
  const calendarEnd =
    toExcelSerial(last === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: last + 1, day: 1 }) - 1;
  const wrongTo = typed.to !== undefined && typed.to !== window.to && typed.to !== calendarEnd;
  const wrongFrom = typed.from !== undefined && (typed.from < window.from || typed.from > window.to);
  return { window, wrongFrom, wrongTo };
}
