/**
 * The periods a draft compares with (`cchc draft --compare`): only a workbook of the same form
 * (catalogue id) and of the same unit (the consolidation's unit identity, `unitKey`) and of
 * another period; anything else is refused with the reason. And the comparison clause itself:
 * «, tăng 12 hồ sơ (+2,71%) so với cùng kỳ năm 2025».
 */
import {
  formatNumberVi,
  formatPercentVi,
  PERCENT_DECIMALS,
  ratio,
  roundedPercent,
  roundHalfAwayFromZero,
} from "../arithmetic";
import { sameCatalogueId, type Catalogue } from "../catalogue";
import { describeCatalogue } from "../consolidate/units";
import { unitKey } from "../consolidate/parts";
import { evaluateIndicators, type Evaluated } from "../evaluate";
import type { Figures } from "../figures";
import { parsePeriod, type Period } from "../period";
import { periodPhrase, type PeriodDays } from "../report/documentForm";

export { periodPhrase } from "../report/documentForm";

/** A workbook given to compare with, as an adapter read it. */
export interface ComparedWorkbook {
  /** The file as the user named it. */
  source: string;
  catalogue: Catalogue;
  figures: Figures;
}

/** A compared period ready for the clauses. */
export interface ComparedPeriod {
  source: string;
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

/**
 * The compared periods in the order given, or CompareRefusedError for the first that is of
 * another form, another unit, no known period, the report's own period, or a period given twice.
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
    if (seen.has(key)) throw refuse(`kỳ ${key} đã được so sánh ở tệp khác.`);
    seen.add(key);
    const phrase =
      period.period === own.period && period.year === own.year - 1 && period.period !== "Tùy chọn"
        ? `cùng kỳ năm ${period.year}`
        : key;
    return { source: other.source, phrase, evaluated };
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
