/**
 * Comparisons with earlier periods, computed once for Phụ lục I («Kỳ trước», «Cùng kỳ năm
 * trước» and the change: `cchc report --compare`, the pane's «So sánh với kỳ trước») and for
 * the narrative draft (`cchc draft --compare`). Only a workbook of the same form (catalogue id),
 * of the same unit (the consolidation's unit identity, `unitKey`) and of the previous period or
 * the same period of last year is compared; anything else is refused with the reason.
 */
import {
  formatNumberVi,
  formatPercentVi,
  PERCENT_DECIMALS,
  ratio,
  roundedPercent,
  roundHalfAwayFromZero,
} from "../arithmetic";
import { sameCatalogueId, type Catalogue, type Indicator } from "../catalogue";
import { evaluateIndicators, type Evaluated } from "../evaluate";
import type { Figures } from "../figures";
import { describeCatalogue, unitKey } from "../identity";
import {
  dataPeriod,
  isCustomPeriod,
  NAMED_PERIODS,
  parsePeriod,
  toExcelSerial,
  type NamedPeriod,
  type Period,
} from "../period";
import { periodPhrase, type PeriodDays } from "./documentForm";

export { periodPhrase } from "./documentForm";

/** A workbook given to compare with, as an adapter read it. */
export interface ComparedWorkbook {
  /** The file as the user named it. */
  source: string;
  catalogue: Catalogue;
  figures: Figures;
}

/**
 * What a compared workbook is to the report: its previous period («Kỳ trước»: the period of the
 * same length whose data ends the day before the report's starts, quý II for quý III, quý IV of
 * last year for quý I) or the same period of last year («Cùng kỳ năm trước»).
 */
export type CompareRole = "previous" | "lastYear";

/** A compared period ready for the clauses and the appendix's columns. */
export interface ComparedPeriod {
  source: string;
  role: CompareRole;
  /** «cùng kỳ năm 2025», «quý II năm 2026». */
  phrase: string;
  evaluated: ReadonlyMap<string, Evaluated>;
}

/** A compared workbook that cannot be used, with why (Vietnamese, naming the file). */
export class CompareRefusedError extends Error {
  constructor(
    readonly source: string,
    reason: string,
  ) {
    super(`Không so sánh được với tệp "${source}": ${reason}`);
    this.name = "CompareRefusedError";
  }
}

const textOf = (evaluated: ReadonlyMap<string, Evaluated>, id: string): string => {
  const v = evaluated.get(id)?.value;
  return typeof v === "string" ? v.replace(/\s+/g, " ").trim() : typeof v === "number" ? String(v) : "";
};

/**
 * The period of a report: its Kỳ báo cáo and Năm (with its data days, which name a «Tùy chọn»
 * period), or undefined when either is missing.
 */
function periodOf(
  evaluated: ReadonlyMap<string, Evaluated>,
): { period: Period; year: number; days: PeriodDays } | undefined {
  const period = parsePeriod(evaluated.get("ky_bao_cao")?.value);
  const year = evaluated.get("nam")?.value;
  const day = (id: string) => {
    const v = evaluated.get(id)?.value;
    return typeof v === "number" ? Math.floor(v) : undefined;
  };
  return period && typeof year === "number"
    ? { period, year, days: { from: day("tu_ngay"), to: day("den_ngay") } }
    : undefined;
}

/** The number of months a period's data spans and the serial of its first and last day. */
function spanOf(period: NamedPeriod, year: number): { months: number; from: number; to: number } {
  const { from, to } = dataPeriod(period, year);
  return {
    months: to.year * 12 + to.month - (from.year * 12 + from.month),
    from: toExcelSerial(from),
    to: toExcelSerial(to),
  };
}

/**
 * The report's previous period: the period of the same length whose data ends the day before
 * the report's starts (Nghị định 09/2019, Điều 12: months tile quarters, quarters the year):
 * quý II for quý III, tháng 12 of last year for tháng 1, «6 tháng cuối năm» of last year for «6
 * tháng»; undefined when none does (9 tháng; Năm, whose last year's is the same period of last
 * year; a «Tùy chọn» period, whose dates are the user's).
 */
export function previousPeriod(period: Period, year: number): { period: Period; year: number } | undefined {
  if (isCustomPeriod(period)) return undefined;
  const own = spanOf(period, year);
  for (const y of [year, year - 1])
    for (const p of NAMED_PERIODS) {
      if (p === period && y === year - 1) continue;
      const other = spanOf(p, y);
      if (other.months === own.months && other.to + 1 === own.from) return { period: p, year: y };
    }
  return undefined;
}

/**
 * The compared periods in the order given, or CompareRefusedError for the first that is of
 * another form, another unit, no known period, the report's own period, a period that is
 * neither the previous one nor the same period of last year, or a period given twice.
 */
export function comparedPeriods(
  current: { catalogue: Catalogue; evaluated: ReadonlyMap<string, Evaluated> },
  compared: readonly ComparedWorkbook[],
): ComparedPeriod[] {
  const own = periodOf(current.evaluated);
  const unit = textOf(current.evaluated, "co_quan");
  const seen = new Set<string>();
  return compared.map((other) => {
    const refuse = (reason: string) => new CompareRefusedError(other.source, reason);
    if (!sameCatalogueId(other.catalogue.id, current.catalogue.id))
      throw refuse(
        `tệp theo mẫu ${describeCatalogue(other.catalogue)}, khác mẫu ${describeCatalogue(current.catalogue)} của báo cáo.`,
      );
    const evaluated = evaluateIndicators(other.figures, other.catalogue);
    const otherUnit = textOf(evaluated, "co_quan");
    if (!unit)
      throw refuse(
        "báo cáo chưa ghi Tên cơ quan ban hành (Thông tin chung): không biết có cùng đơn vị không.",
      );
    if (!otherUnit)
      throw refuse("tệp chưa ghi Tên cơ quan ban hành (Thông tin chung): không biết có cùng đơn vị không.");
    if (unitKey(otherUnit) !== unitKey(unit))
      throw refuse(`tệp là báo cáo của «${otherUnit}», khác đơn vị «${unit}» của báo cáo.`);
    const period = periodOf(evaluated);
    if (!own) throw refuse("báo cáo chưa có Kỳ báo cáo và Năm (Thông tin chung): không biết so với kỳ nào.");
    if (!period) throw refuse("tệp chưa có Kỳ báo cáo và Năm (Thông tin chung): không biết là kỳ nào.");
    const phraseOf = (p: NonNullable<typeof period>) => periodPhrase(p.period, p.year, p.days);
    // A «Tùy chọn» period is its days; a named one its name and year.
    const key = phraseOf(period);
    if (key === phraseOf(own)) throw refuse(`tệp cùng kỳ ${key} với báo cáo.`);
    if (isCustomPeriod(own.period))
      throw refuse(
        `báo cáo ${phraseOf(own)} là kỳ tùy chọn: không có kỳ trước hay cùng kỳ năm trước để so sánh.`,
      );
    const previous = previousPeriod(own.period, own.year);
    const role: CompareRole | undefined =
      period.period === own.period && period.year === own.year - 1
        ? "lastYear"
        : previous && previous.period === period.period && previous.year === period.year
          ? "previous"
          : undefined;
    if (!role) {
      const allowed = [
        ...(previous ? [`kỳ trước (${periodPhrase(previous.period, previous.year)})`] : []),
        `cùng kỳ năm trước (${periodPhrase(own.period, own.year - 1)})`,
      ].join(" hoặc ");
      throw refuse(`tệp là báo cáo ${key}; báo cáo ${phraseOf(own)} chỉ so sánh với ${allowed}.`);
    }
    if (seen.has(key)) throw refuse(`kỳ ${key} đã được so sánh ở tệp khác.`);
    seen.add(key);
    const phrase = role === "lastYear" ? `cùng kỳ năm ${period.year}` : key;
    return { source: other.source, role, phrase, evaluated };
  });
}

/**
 * The change of a figure against a compared period, or undefined when either value is missing:
 * «tăng 12 hồ sơ (+2,71%)», «giảm 3 văn bản (-10,00%)», «không thay đổi»; a rate changes by
 * percentage points of the printed rates: «tăng 1,25 điểm phần trăm». The relative change is
 * left out when the earlier figure is 0 (no rate of growth from nothing).
 */
export function changeText(kind: "figure" | "rate", current: number, previous: number, unit: string): string {
  if (kind === "rate") {
    const points = roundHalfAwayFromZero(
      roundedPercent(current) - roundedPercent(previous),
      PERCENT_DECIMALS,
    );
    if (points === 0) return "không thay đổi";
    return `${points > 0 ? "tăng" : "giảm"} ${formatNumberVi(Math.abs(points), PERCENT_DECIMALS)} điểm phần trăm`;
  }
  const gap = roundHalfAwayFromZero(current - previous, 9);
  if (gap === 0) return "không thay đổi";
  const relative = previous > 0 ? ratio(Math.abs(gap), previous) : "";
  const sign = gap > 0 ? "+" : "-";
  return `${gap > 0 ? "tăng" : "giảm"} ${formatNumberVi(Math.abs(gap))}${unit ? ` ${unit}` : ""}${
    relative === "" ? "" : ` (${sign}${formatPercentVi(relative)})`
  }`;
}

/**
 * One indicator's comparison with one compared period, as Phụ lục I prints it: the earlier value
 * as evaluated ("" when blank or not a number) and the change («tăng 12 (+1,09%)», «giảm 1,25
 * điểm phần trăm», «không thay đổi»; "" when either value is missing). The unit is the row's own
 * (its column «Đơn vị tính»), so the change leaves it out.
 */
export function appendixChange(
  indicator: Pick<Indicator, "id" | "kind">,
  current: ReadonlyMap<string, Evaluated>,
  compared: ComparedPeriod,
): { before: number | string | ""; change: string } {
  const before = compared.evaluated.get(indicator.id)?.value;
  const now = current.get(indicator.id)?.value;
  const earlier = typeof before === "number" || typeof before === "string" ? before : "";
  if (typeof now !== "number" || typeof before !== "number" || !isCompared(indicator))
    return { before: earlier, change: "" };
  return {
    before: earlier,
    change: changeText(isRate(indicator) ? "rate" : "figure", now, before, ""),
  };
}

/**
 * Figures and rates (computed or typed percentages) are compared; text, dates and choices are
 * not (nothing to subtract).
 */
export function isCompared(indicator: Pick<Indicator, "id" | "kind">): boolean {
  return (
    (indicator.kind === "count" && indicator.id !== "nam") || indicator.kind === "money" || isRate(indicator)
  );
}

/** A rate changes by percentage points: a computed ratio and a typed percentage alike. */
export function isRate(indicator: Pick<Indicator, "kind">): boolean {
  return indicator.kind === "ratio" || indicator.kind === "percent";
}

/** The compared periods in the appendix's order: the previous period first, then last year's. */
export function byRole(periods: readonly ComparedPeriod[]): ComparedPeriod[] {
  const rank: Record<CompareRole, number> = { previous: 0, lastYear: 1 };
  return [...periods].sort((a, b) => rank[a.role] - rank[b.role]);
}
