/**
 * How the two values of issue 21 combine over units and over periods (docs/reporting-rules.md):
 * a figure marked «chưa có số liệu» in some part makes the total incomplete (never summed as 0),
 * and a typed percentage is weighted by the count the form names (`weightedBy`) or not combined
 * at all (never an unweighted average). One implementation for both consolidations.
 */
import {
  formatNumberVi,
  formatPercentVi,
  NOT_REPORTED,
  percentDecimalsOf,
  weightedRate,
} from "../arithmetic";
import type { Catalogue, Indicator } from "../catalogue";
import { indexIndicators } from "../catalogue";
import { numericOf, type Evaluated } from "../evaluate";
import type { FigureCell, Figures } from "../figures";
import type { Consolidation } from "./model";
import { sumOf } from "./parts";

/** One part of a consolidation as the combining sees it: its name (unit or period) and figures. */
export interface CombinedPart {
  name: string;
  figures: Figures;
}

/** A consolidated input cell's value and, when it is incomplete or left blank, why (its Ghi chú). */
export interface Combined {
  value: string | number | null;
  note?: string;
}

/** «đơn vị» over units, «kỳ» over periods: how a note names the parts. */
export type PartNoun = "đơn vị" | "kỳ";

const names = (parts: readonly CombinedPart[]) => parts.map((p) => `«${p.name}»`).join(", ");

/**
 * A count or amount summed over parts, unless some part marked it «chưa có số liệu» or holds
 * something that is no usable figure (text typed in the number cell, «12 nhiệm vụ», or a negative
 * number: that part's own error, which its check lists): then the total is not known, the cell
 * holds «chưa có số liệu» and the note names those parts, what each holds, and what the others add
 * up to (e.g. «Chưa đủ số liệu: «UBND xã A» chưa có số liệu; 2 đơn vị còn lại cộng được 25.»).
 * Added as if blank, such a part once made a total and every ratio over it silently wrong
 * (66 of 130 tasks, «50,77%», in a province's report). Undefined when every part's figure is
 * usable (the caller sums as before).
 */
export function incompleteSum(
  id: string,
  parts: readonly CombinedPart[],
  noun: PartNoun,
): Combined | undefined {
  const states = parts.map((p) => numericOf(p.figures.get(id)));
  const unreported = parts.filter((_, i) => states[i] === "unreported");
  const unusable = parts.filter((_, i) => states[i] === "invalid");
  if (unreported.length === 0 && unusable.length === 0) return undefined;
  const rest = parts.filter((_, i) => states[i] !== "unreported" && states[i] !== "invalid");
  const sum = sumOf(rest.map((p) => p.figures.get(id)));
  const others =
    rest.length === 0
      ? ""
      : ` ${formatNumberVi(rest.length)} ${noun} còn lại ${sum === null ? "để trống" : `cộng được ${formatNumberVi(sum)}`}.`;
  const why = [
    ...(unreported.length > 0 ? [`${names(unreported)} chưa có số liệu`] : []),
    ...unusable.map((p) => `«${p.name}» ghi ${heldText(p.figures.get(id))}, không phải số liệu hợp lệ`),
  ].join("; ");
  return { value: NOT_REPORTED, note: `Chưa đủ số liệu: ${why}, nên không có tổng.${others}` };
}

/** What an unusable figure holds, as a note quotes it: «12 nhiệm vụ», «-5», «#REF!». */
function heldText(figure: FigureCell | undefined): string {
  const v = figure?.value;
  if (!v || v.type === "blank") return "ô trống";
  if (v.type === "number") return `«${formatNumberVi(v.value)}»`;
  return `«${String(v.value).trim()}»`;
}

/**
 * A typed percentage over parts: with the form's weight (`weightedBy`), Σ(rate × weight) / Σ
 * weight by the core's `weightedRate`; a part with neither rate nor weight adds nothing. A part
 * whose rate or weight is missing («chưa có số liệu», or blank while the other is given) cannot
 * be weighed: the cell holds «chưa có số liệu» and the note names the parts and the rate of the
 * others. Without a weight the percentage is not combined: blank, and the note says why.
 */
export function combinePercent(
  indicator: Indicator,
  catalogue: Catalogue,
  parts: readonly CombinedPart[],
  noun: PartNoun,
): Combined {
  const weightId = indicator.weightedBy;
  if (!weightId)
    return {
      value: null,
      note: `Không tổng hợp: mẫu không quy định quyền số cho tỷ lệ này, và tỷ lệ phần trăm không lấy trung bình cộng giữa các ${noun}.`,
    };
  const weightLabel = indexIndicators(catalogue).get(weightId)?.label ?? weightId;
  const pairs: Array<[number, number]> = [];
  const missing: CombinedPart[] = [];
  // A rate or weight that is no usable number (text typed, negative) leaves it unknown too, as in a sum.
  const unusable: string[] = [];
  for (const part of parts) {
    const rate = numericOf(part.figures.get(indicator.id));
    const weight = numericOf(part.figures.get(weightId));
    if (typeof rate === "number" && typeof weight === "number") pairs.push([rate, weight]);
    else if (rate === "blank" && (weight === "blank" || weight === 0)) continue;
    else if (rate === "invalid" || weight === "invalid") {
      const held = rate === "invalid" ? part.figures.get(indicator.id) : part.figures.get(weightId);
      unusable.push(`«${part.name}» ghi ${heldText(held)}, không phải số liệu hợp lệ`);
    } else missing.push(part);
  }
  const rate = pairs.length > 0 ? weightedRate(pairs) : "";
  const rateText = rate === "" ? "" : formatPercentVi(rate, percentDecimalsOf(rate));
  if (missing.length > 0 || unusable.length > 0) {
    const others =
      pairs.length > 0 && rateText
        ? ` Các ${noun} còn lại đạt ${rateText} (bình quân theo «${weightLabel}»).`
        : "";
    const why = [
      ...(missing.length > 0 ? [`${names(missing)} chưa có tỷ lệ hoặc «${weightLabel}»`] : []),
      ...unusable,
    ].join("; ");
    return {
      value: NOT_REPORTED,
      note: `Chưa đủ số liệu: ${why}, nên không tính được tỷ lệ chung.${others}`,
    };
  }
  if (rate === "") return { value: null };
  return { value: rate };
}

/**
 * The notes of a consolidation's incomplete or uncombined cells, put where the result carries
 * them: `notes` (written into the result's Ghi chú) and the evaluated value's note.
 */
export function keepNote(
  id: string,
  combined: Combined,
  notes: Record<string, string>,
  evaluated: Map<string, Evaluated>,
): void {
  if (!combined.note) return;
  notes[id] = combined.note;
  const own = evaluated.get(id);
  if (own) evaluated.set(id, { ...own, note: combined.note });
}

/**
 * The value of one consolidated indicator when issue 21's rules decide it (a typed percentage,
 * or a summed figure some part marked «chưa có số liệu»); undefined when the caller's own rule
 * (sum, latest, earliest) applies. `summed`: the caller would add the parts.
 */
export function combinedValue(
  indicator: Indicator,
  catalogue: Catalogue,
  parts: readonly CombinedPart[],
  noun: PartNoun,
  summed: boolean,
): Combined | undefined {
  if (indicator.kind === "percent") return combinePercent(indicator, catalogue, parts, noun);
  return summed ? incompleteSum(indicator.id, parts, noun) : undefined;
}

/**
 * The rows of a consolidation whose total is not known because some part marked a figure «chưa
 * có số liệu» or holds what is no usable figure (`incompleteSum`, `combinePercent`): their labels in form order, for the one line a
 * front end shows after consolidating, so an incomplete total is not found only in Ghi chú.
 */
export function incompleteRows(result: Consolidation): string[] {
  return result.catalogue.indicators
    .filter((indicator) => result.values[indicator.id] === NOT_REPORTED)
    .map((indicator) => indicator.label);
}
