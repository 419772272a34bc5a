/**
 * Over periods: one unit's reports of shorter periods into the report of a longer one (9 tháng
 * = 6 tháng + Quý III under the reporting windows). The work is done from the inputs' data
 * periods (tu_ngay / den_ngay), never from a table of period names: they must tile the target's
 * data period exactly. Flows are summed; stocks, texts, choices and dates are the latest
 * period's; opening figures (carried over from the previous period) the earliest's; ratios are
 * recomputed (docs/reporting-rules.md).
 */
import { difference, FigureError, formatNumberVi, sumOfParts } from "../arithmetic";
import { indexIndicators, type Catalogue } from "../catalogue";
import { evaluateIndicators, numericOf } from "../evaluate";
import { figuresFromValues, type Figures } from "../figures";
import {
  CUSTOM_PERIOD,
  dataWindow,
  formatDateVi,
  fromExcelSerial,
  isCustomPeriod,
  parseUnitStart,
  type Period,
} from "../period";
import { aggregateOf, isInfo, type ConsolidationOutcome, type FileStatus, type InputEntry } from "./model";
import { formatSpan, includeParts, plainOf, sumOf, unitKey, type DataSpan } from "./parts";
import { tableValuesOverPeriods } from "./tables";
import { candidatesOf, keepDated, keepOneCatalogue, majorityKey } from "./units";
import { combinedValue, keepNote, type Combined } from "./values";

/**
 * The period to consolidate into: a named one of a year (its window is the decree's, starting on
 * the form's `unitsFrom` when later), or «Tùy chọn» with its first and last day (1900-system
 * serials), e.g. 01/7 – 31/12/2025 for a commune's first half-year of life.
 */
export interface PeriodTarget {
  period: Period;
  year: number;
  /** For «Tùy chọn» only: the first and last day of the data. */
  from?: number;
  to?: number;
}

/**
 * The target's data window and how a message names it, or a Vietnamese problem: a «Tùy chọn»
 * target without its days, or a named one ending before the form's units began.
 */
export function targetWindow(
  target: PeriodTarget,
  catalogue: Catalogue | undefined,
): { span: DataSpan; label: string } | { problem: string } {
  if (isCustomPeriod(target.period)) {
    if (target.from === undefined || target.to === undefined || target.from > target.to)
      return {
        problem: `Kỳ «${CUSTOM_PERIOD}» cần ngày bắt đầu và ngày kết thúc (ngày bắt đầu không sau ngày kết thúc).`,
      };
    const span = { from: target.from, to: target.to };
    return { span, label: `kỳ «${CUSTOM_PERIOD}»` };
  }
  const label = `kỳ ${target.period}/${target.year}`;
  try {
    const start = catalogue?.unitsFrom ? parseUnitStart(catalogue.unitsFrom) : undefined;
    const { from, to } = dataWindow(target.period, target.year, start);
    return { span: { from, to }, label };
  } catch (error) {
    if (error instanceof FigureError) return { problem: `Không tổng hợp được ${label}: ${error.message}.` };
    throw error;
  }
}

/** Thông tin chung rows that identify one report (its number and date), not the unit: left to type. */
const REPORT_IDENTITY = new Set(["so_ky_hieu", "ngay_ban_hanh"]);

/** Why the inputs' data periods do not make up the target's, in Vietnamese; undefined when they tile it. */
export function tilingProblem(
  target: DataSpan,
  targetLabel: string,
  spans: ReadonlyArray<{ span: DataSpan; source: string }>,
): string | undefined {
  const first = Math.min(target.from, ...spans.map((s) => s.span.from));
  const last = Math.max(target.to, ...spans.map((s) => s.span.to));
  const cover: string[][] = Array.from({ length: last - first + 1 }, () => []);
  for (const { span, source } of spans)
    for (let d = span.from; d <= span.to; d++) cover[d - first].push(source);

  // Runs of consecutive days in the same trouble, as date ranges.
  const runs = (trouble: (day: number, by: string[]) => boolean): Array<{ span: DataSpan; by: string[] }> => {
    const found: Array<{ span: DataSpan; by: string[] }> = [];
    cover.forEach((by, i) => {
      const day = first + i;
      if (!trouble(day, by)) return;
      const previous = found[found.length - 1];
      if (previous && previous.span.to === day - 1 && previous.by.join("\u0000") === by.join("\u0000"))
        previous.span.to = day;
      else found.push({ span: { from: day, to: day }, by });
    });
    return found;
  };
  const inside = (day: number) => day >= target.from && day <= target.to;
  const range = (span: DataSpan) =>
    span.from === span.to ? formatDateVi(fromExcelSerial(span.from)) : formatSpan(span);
  const files = (by: string[]) => by.map((s) => `«${s}»`).join(", ");

  const problems = [
    ...runs((day, by) => inside(day) && by.length === 0).map((r) => `thiếu số liệu ${range(r.span)}`),
    ...runs((day, by) => inside(day) && by.length > 1).map(
      (r) => `tính hai lần ${range(r.span)} (${files(r.by)})`,
    ),
    ...runs((day, by) => !inside(day) && by.length > 0).map(
      (r) => `${range(r.span)} nằm ngoài kỳ (${files(r.by)})`,
    ),
  ];
  if (problems.length === 0) return undefined;
  return `Các kỳ số liệu không ghép đúng ${targetLabel} (${formatSpan(target)}): ${problems.join("; ")}.`;
}

/**
 * The flows that include an opening figure, by id, with those opening parts: the totals of the
 * catalogue's `sum` checks that have a part aggregated as `opening` (xa-2025: received =
 * carried over from the previous period + new). Over periods such a total is not a plain sum.
 */
function openingPartsOf(catalogue: Catalogue): Map<string, string[]> {
  const byId = indexIndicators(catalogue);
  const found = new Map<string, string[]>();
  for (const rule of catalogue.checks) {
    if (rule.type !== "sum") continue;
    const total = byId.get(rule.total);
    if (!total || aggregateOf(total) !== "flow") continue;
    const openings = rule.parts.filter((id) => {
      const part = byId.get(id);
      return part !== undefined && aggregateOf(part) === "opening";
    });
    if (openings.length > 0)
      found.set(rule.total, [...new Set([...(found.get(rule.total) ?? []), ...openings])]);
  }
  return found;
}

/**
 * A flow that includes opening figures, over periods sorted by date: each period's total, less
 * its opening parts except in the earliest period, so what was carried over from one period to
 * the next (already in the previous period's total) counts once. 6 tháng received 1100 (100
 * carried + 1000 new), Quý III 780 (180 carried + 600 new): 9 tháng 1100 + 780 − 180 = 1700
 * = 100 carried + 1600 new. Blank totals add nothing (their openings are not taken off either);
 * blank when no period gives a number.
 */
function flowWithOpening(
  periods: readonly Figures[],
  totalId: string,
  openingIds: readonly string[],
): number | null {
  const totals: number[] = [];
  const carried: number[] = [];
  periods.forEach((figures, index) => {
    const total = numericOf(figures.get(totalId));
    if (typeof total !== "number") return;
    totals.push(total);
    if (index === 0) return;
    for (const id of openingIds) {
      const opening = numericOf(figures.get(id));
      if (typeof opening === "number") carried.push(opening);
    }
  });
  if (totals.length === 0) return null;
  return difference(sumOfParts(totals), carried);
}

/**
 * Each opening figure that does not continue the previous part's closing one (`openingOf`:
 * carried over from the previous period ≠ that period's still pending): a remark on the later
 * part's file naming both files and figures, since the consolidated totals will not add up by
 * that difference. Parts sorted by date; blank figures are not compared.
 */
function remarkBrokenCarryOver(
  parts: ReadonlyArray<{ input: { source: string; figures: Figures }; status: FileStatus }>,
  catalogue: Catalogue,
): void {
  const byId = indexIndicators(catalogue);
  const linked = catalogue.indicators.filter((i) => i.openingOf !== undefined && byId.has(i.openingOf));
  for (let k = 1; k < parts.length; k++) {
    const before = parts[k - 1].input;
    const after = parts[k];
    const remarks: string[] = [];
    for (const opening of linked) {
      const closing = byId.get(opening.openingOf!)!;
      const carried = numericOf(after.input.figures.get(opening.id));
      const pending = numericOf(before.figures.get(closing.id));
      if (typeof carried !== "number" || typeof pending !== "number" || difference(carried, [pending]) === 0)
        continue;
      remarks.push(
        `«${opening.label}» của tệp này là ${formatNumberVi(carried)}, khác «${closing.label}» cuối kỳ trước ` +
          `của tệp «${before.source}» là ${formatNumberVi(pending)} (lệch ${formatNumberVi(Math.abs(difference(carried, [pending])))}): ` +
          `hãy xem lại một trong hai tệp`,
      );
    }
    if (remarks.length > 0) {
      const text = `${remarks.join("; ")}.`;
      after.status.reason = after.status.reason ? `${after.status.reason} ${text}` : text;
    }
  }
}

/**
 * Consolidates one unit's periods into `target`. Files of another form or another unit, or
 * without a period, are refused; when the rest do not tile the target's data period exactly,
 * `problem` names the dates left out or counted twice and there is no result (nothing may be
 * written). Total: never throws on bad figures.
 */
export function consolidatePeriods(
  entries: readonly InputEntry[],
  target: PeriodTarget,
): ConsolidationOutcome & { problem?: string } {
  const { files, candidates } = candidatesOf(entries);
  // Undated files are refused first: only a file that can be placed chooses the form.
  const { kept: dated, catalogue } = keepOneCatalogue(keepDated(candidates));
  const unit = majorityKey(dated, (c) => unitKey(c.name));
  const unitName = dated.find((c) => unitKey(c.name) === unit)?.name;
  const own = dated.filter((c) => {
    if (unitKey(c.name) === unit) return true;
    c.status.reason = `Tệp của đơn vị «${c.name || "(chưa ghi tên)"}», khác đơn vị đang tổng hợp theo kỳ «${unitName || "(chưa ghi tên)"}».`;
    return false;
  });

  const window = targetWindow(target, catalogue);
  if ("problem" in window) return { files, problem: window.problem };
  const { span: targetSpan, label: targetLabel } = window;
  if (!catalogue || own.length === 0) {
    return { files, problem: `Không có tệp nào dùng được để tổng hợp ${targetLabel}.` };
  }
  const problem = tilingProblem(
    targetSpan,
    targetLabel,
    own.map((c) => ({ span: c.span!, source: c.input.source })),
  );
  if (problem) return { files, problem };

  own.sort((a, b) => a.span!.from - b.span!.from);
  remarkBrokenCarryOver(own, catalogue);
  const earliest = own[0].input.figures;
  const latest = own[own.length - 1].input.figures;
  const openingParts = openingPartsOf(catalogue);
  const parts = includeParts(own, (c) => c.status.period ?? c.input.source);

  const values: Record<string, string | number | null> = {};
  const combined = new Map<string, Combined>();
  const periodParts = own.map((c) => ({ name: c.status.period ?? c.input.source, figures: c.input.figures }));
  for (const indicator of catalogue.indicators) {
    if (indicator.kind === "ratio") continue;
    if (isInfo(indicator, catalogue)) {
      // The target period; its data-period dates follow from it (the derived formulas).
      if (indicator.id === "ky_bao_cao") values[indicator.id] = target.period;
      else if (indicator.id === "nam") values[indicator.id] = target.year;
      // «Tùy chọn» has no formula to give its days: they are typed, as a user would.
      else if (indicator.derived && isCustomPeriod(target.period))
        values[indicator.id] = indicator.derived === "TUNGAY" ? targetSpan.from : targetSpan.to;
      else if (!indicator.derived)
        values[indicator.id] = REPORT_IDENTITY.has(indicator.id) ? null : plainOf(latest.get(indicator.id));
      continue;
    }
    const aggregate = aggregateOf(indicator);
    const periods = own.map((c) => c.input.figures);
    // A typed percentage (weighted by each period's weight, or not combined), a flow a period did not report.
    const special = combinedValue(indicator, catalogue, periodParts, "kỳ", aggregate === "flow");
    if (special) {
      combined.set(indicator.id, special);
      values[indicator.id] = special.value;
    } else if (aggregate === "opening") values[indicator.id] = plainOf(earliest.get(indicator.id));
    else if (aggregate !== "flow") values[indicator.id] = plainOf(latest.get(indicator.id));
    else if (openingParts.has(indicator.id))
      values[indicator.id] = flowWithOpening(periods, indicator.id, openingParts.get(indicator.id)!);
    else values[indicator.id] = sumOf(periods.map((f) => f.get(indicator.id)));
  }
  const tables = tableValuesOverPeriods(catalogue, periodParts);
  Object.assign(values, tables.values);
  const figures = figuresFromValues(values, catalogue);
  const evaluated = evaluateIndicators(figures, catalogue);
  const notes: Record<string, string> = { ...tables.notes };
  for (const [id, result] of combined) keepNote(id, result, notes, evaluated);
  // The periods' documents in order: the longer period's list, as its summed count says.
  const documents = own.flatMap((c) =>
    c.input.documents.map(({ number, date, summary, note }) => ({ unit: "", number, date, summary, note })),
  );
  return {
    files,
    result: {
      catalogue,
      values,
      figures,
      evaluated,
      parts,
      ...(Object.keys(notes).length > 0 ? { notes } : {}),
      ...(documents.length > 0 ? { documents } : {}),
    },
  };
}
