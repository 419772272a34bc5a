/**
 * The one conversion between Excel date serials and calendar dates. Every date the product
 * reads or writes goes through here, whatever the engine (Office.js, the package reader, ExcelJS).
 *
 * The core's convention: a date is a serial of Excel's 1900 date system (1 = 1 January 1900),
 * with the day Excel counts that never was (29 February 1900, serial 60, kept for Lotus 1-2-3
 * compatibility: ECMA-376 Part 1, §18.17.4.1). A workbook saved in the 1904 date system (the
 * `date1904` flag of `workbookPr`, §18.2.28; Mac Excel of old, LibreOffice's 1904 null date)
 * stores each date 1462 days lower (0 = 1 January 1904). Adapters hand over the serials as the
 * workbook stores them and say which system it uses; the core moves them with
 * `serialFromWorkbook`, and writers move the core's serials back with `serialToWorkbook`.
 */

/** A calendar date without time zone trouble. */
export interface CalendarDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

/** Days between the two systems' day 0: a 1904 workbook stores each date 1462 lower. */
export const DATE1904_OFFSET = 1_462;

const MS_PER_DAY = 86_400_000;
/** 30 December 1899: the day the 1900 system's serials count from, from 1 March 1900 on. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** The serial of 1 March 1900, the first day both Excel and the calendar agree on. */
const FIRST_TRUE_SERIAL = 61;
/** The serial of 1970-01-01 in the 1900 system (JavaScript's epoch). */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * A serial as a workbook stores it (in `date1904`'s system) as the core's 1900-system serial.
 * Time of day (the fraction) is kept.
 */
export function serialFromWorkbook(serial: number, date1904: boolean): number {
  return date1904 ? serial + DATE1904_OFFSET : serial;
}

/** The core's 1900-system serial as a workbook in `date1904`'s system stores it. */
export function serialToWorkbook(serial: number, date1904: boolean): number {
  return date1904 ? serial - DATE1904_OFFSET : serial;
}

/**
 * The 1900-system serial of a calendar date. Before 1 March 1900 serials are one less than
 * the calendar gives (Excel's phantom 29/02/1900, serial 60, lies between).
 */
export function toExcelSerial(date: CalendarDate): number {
  const serial = Math.round((Date.UTC(date.year, date.month - 1, date.day) - EPOCH_1900) / MS_PER_DAY);
  return serial < FIRST_TRUE_SERIAL ? serial - 1 : serial;
}

/**
 * The calendar date of a 1900-system serial (whole days; a fraction is the time of day).
 * Serial 60 is the 29 February 1900 Excel shows, which is returned as such.
 */
export function fromExcelSerial(serial: number): CalendarDate {
  const whole = Math.floor(serial);
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  const d = new Date(EPOCH_1900 + (whole < FIRST_TRUE_SERIAL ? whole + 1 : whole) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * A JavaScript Date holding a day and time in UTC (how ExcelJS hands dates over, whatever the
 * workbook's system) as a 1900-system serial; the time of day is the fraction, as in Excel.
 */
export function jsDateToSerial(date: Date): number {
  let serial = date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  if (serial < FIRST_TRUE_SERIAL) serial -= 1;
  // ExcelJS rounds to whole milliseconds; snap back to the serial Excel stored when that is all it was.
  const whole = Math.round(serial);
  return Math.abs(serial - whole) < 1e-9 ? whole : serial;
}

/** A 1900-system serial as a JavaScript Date in UTC (what ExcelJS writes as a date). */
export function serialToJsDate(serial: number): Date {
  const shifted = serial < FIRST_TRUE_SERIAL ? serial + 1 : serial;
  return new Date(Math.round((shifted - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

/** An ISO 8601 date or date-time (a `t="d"` cell, §18.17.4) as a 1900-system serial, or undefined. */
export function isoToSerial(text: string): number | undefined {
  const trimmed = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(trimmed);
  if (!match) {
    const time = /^T?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?/.exec(trimmed);
    if (!time) return undefined;
    return (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86_400;
  }
  const [, y, mo, d, h = "0", mi = "0", s = "0"] = match;
  const day = { year: Number(y), month: Number(mo), day: Number(d) };
  if (!isCalendarDate(day)) return undefined;
  return toExcelSerial(day) + (Number(h) * 3600 + Number(mi) * 60 + Number(s)) / 86_400;
}

/** Whether year, month and day name a day of the calendar (30/02 does not). */
export function isCalendarDate(date: CalendarDate): boolean {
  const { year, month, day } = date;
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A date typed as text the way Vietnamese documents and the sheets' prompts write it: day,
 * month, year («21/07/2025», «15/8/2025», «18-9-2025», «18.9.2025»), the year with four
 * digits. It is also what an Excel set to another region stores when the text did not parse
 * there as a date. Undefined when the text is no such day (31/02/2025, 7/2025, «ngày 5»).
 */
export function parseDayMonthYear(text: string): CalendarDate | undefined {
  const match = /^\s*(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const date = { day: Number(match[1]), month: Number(match[3]), year: Number(match[4]) };
  return isCalendarDate(date) ? date : undefined;
}

/** `15/06/2021`: day and month with two digits, as Vietnamese documents write them. */
export function formatDateVi(date: CalendarDate): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(date.day)}/${two(date.month)}/${date.year}`;
}

/** A 1900-system serial written `15/06/2021`. */
export function formatSerialVi(serial: number): string {
  return formatDateVi(fromExcelSerial(serial));
}
