/**
 * Findings on the report's period (issue 21): its name against the dates typed over the derived
 * ones («6 tháng» with 01/7 – 31/10/2025 is an error naming both cells, not an appendix titled
 * «6 THÁNG ĐẦU NĂM» above other dates), a «Tùy chọn» period without its dates, and a period
 * that ends before the form's units began (`unitsFrom`: the communes of the two-tier system
 * report nothing before 1/7/2025). The windows are the core's (src/core/period.ts).
 */
import type { Catalogue } from "../catalogue";
import { isoToSerial } from "../dates";
import type { Evaluated } from "../evaluate";
import { numericOf } from "../evaluate";
import type { Figures } from "../figures";
import {
  CUSTOM_PERIOD,
  dataWindow,
  datesAgainstPeriod,
  formatDateVi,
  fromExcelSerial,
  parsePeriod,
  type NamedPeriod,
} from "../period";
import type { Finding } from "./finding";

const vi = (serial: number) => formatDateVi(fromExcelSerial(serial));

/**
 * The period's findings, all errors: `period:beforeUnit`, `period:dates`, `period:custom`,
 * `period:year`. Nothing when the period or the year is blank or invalid (the kind checks say
 * so). `evaluated` gives the dates as the report uses them (typed, or derived).
 */
export function periodFindings(
  figures: Figures,
  catalogue: Catalogue,
  evaluated: ReadonlyMap<string, Evaluated>,
): Finding[] {
  const periodCell = figures.get("ky_bao_cao");
  const typedPeriod = periodCell?.value;
  const period = parsePeriod(
    typedPeriod?.type === "text" || typedPeriod?.type === "number" ? typedPeriod.value : undefined,
  );
  const year = numericOf(figures.get("nam"));
  if (!period || typeof year !== "number" || !Number.isInteger(year) || year < 1901 || year > 9998) return [];
  const unitStart = catalogue.unitsFrom ? isoToSerial(catalogue.unitsFrom) : undefined;
  const cellOf = (id: string) => figures.get(id)?.cell;
  const cells = (...ids: string[]) => ids.map(cellOf).filter((c): c is string => !!c);
  const label = (id: string) => catalogue.indicators.find((i) => i.id === id)?.label ?? id;
  /** A date the user typed over its formula (a number), else undefined. */
  const typed = (id: string): number | undefined => {
    const figure = figures.get(id);
    const n = figure && !figure.formula ? numericOf(figure) : undefined;
    return typeof n === "number" ? Math.floor(n) : undefined;
  };
  const evaluatedDate = (id: string): number | undefined => {
    const v = evaluated.get(id)?.value;
    return typeof v === "number" ? Math.floor(v) : undefined;
  };
  const name = `Kỳ báo cáo «${period}» năm ${year}`;

  if (period === CUSTOM_PERIOD) return customFindings();
  return namedFindings(period);

  function namedFindings(named: NamedPeriod): Finding[] {
    try {
      dataWindow(named, year as number, unitStart);
    } catch {
      const decree = dataWindow(named, year as number);
      return [
        {
          severity: "error",
          checkId: "period:beforeUnit",
          ids: ["ky_bao_cao", "nam"],
          cells: cells("ky_bao_cao", "nam"),
          message:
            `${name} có số liệu đến ngày ${vi(decree.to)}, trước ngày các đơn vị theo mẫu «${catalogue.title}» ` +
            `bắt đầu hoạt động (${vi(unitStart!)}): đơn vị không có kỳ này. Hãy chọn kỳ hoặc năm khác.`,
        },
      ];
    }
    const from = typed("tu_ngay");
    const to = typed("den_ngay");
    // Nothing typed, or days in the wrong order (the check `dates:period` says that already).
    if ((from === undefined && to === undefined) || (from !== undefined && to !== undefined && from > to))
      return [];
    const { window, wrongFrom, wrongTo } = datesAgainstPeriod(named, year as number, unitStart, { from, to });
    if (!wrongFrom && !wrongTo) return [];
    const wrong = [...(wrongFrom ? ["tu_ngay"] : []), ...(wrongTo ? ["den_ngay"] : [])];
    const typedText = wrong.map((id) => `«${label(id)}» ${vi(id === "tu_ngay" ? from! : to!)}`).join(", ");
    const since = window.fromUnitStart ? ", ngày đơn vị bắt đầu hoạt động," : "";
    return [
      {
        severity: "error",
        checkId: "period:dates",
        ids: ["ky_bao_cao", ...wrong],
        cells: cells("ky_bao_cao", ...wrong),
        message:
          `${name} có số liệu từ ngày ${vi(window.from)}${since} đến ngày ${vi(window.to)}, nhưng ngày đã nhập không khớp: ${typedText}. ` +
          `Nếu báo cáo một khoảng thời gian riêng, hãy chọn Kỳ báo cáo «${CUSTOM_PERIOD}»; nếu không, hãy sửa ngày ` +
          `(hoặc xóa ngày đã nhập để chương trình tự tính theo kỳ).`,
      },
    ];
  }

  function customFindings(): Finding[] {
    const from = evaluatedDate("tu_ngay");
    const to = evaluatedDate("den_ngay");
    const missing = [...(from === undefined ? ["tu_ngay"] : []), ...(to === undefined ? ["den_ngay"] : [])];
    if (missing.length > 0)
      return [
        {
          severity: "error",
          checkId: "period:custom",
          ids: ["ky_bao_cao", ...missing],
          cells: cells("ky_bao_cao", ...missing),
          message:
            `Kỳ báo cáo «${CUSTOM_PERIOD}» cần ngày do người dùng nhập: hãy nhập ${missing.map((id) => `«${label(id)}»`).join(" và ")} ` +
            `(dạng ngày/tháng/năm, ví dụ 01/07/2025).`,
        },
      ];
    if (from! > to!) return []; // the check `dates:period` says so
    const found: Finding[] = [];
    const endYear = fromExcelSerial(to!).year;
    if (endYear !== year)
      found.push({
        severity: "error",
        checkId: "period:year",
        ids: ["nam", "den_ngay"],
        cells: cells("nam", "den_ngay"),
        message:
          `Năm báo cáo ${year} khác năm của «${label("den_ngay")}» ${vi(to!)}: năm của kỳ «${CUSTOM_PERIOD}» là năm kỳ kết thúc. ` +
          `Hãy sửa Năm báo cáo hoặc ngày.`,
      });
    if (unitStart !== undefined && from! < unitStart)
      found.push({
        severity: "error",
        checkId: "period:beforeUnit",
        ids: ["tu_ngay"],
        cells: cells("tu_ngay"),
        message:
          `«${label("tu_ngay")}» ${vi(from!)} trước ngày các đơn vị theo mẫu «${catalogue.title}» bắt đầu hoạt động ` +
          `(${vi(unitStart)}): số liệu của đơn vị tính từ ngày đó.`,
      });
    return found;
  }
}
