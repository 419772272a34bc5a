/**
 * How a catalogue's rows combine when reports are consolidated (docs/reporting-rules.md): the
 * rule the consolidation applies (`aggregateOf`) and the one `cchc catalogue show` and the
 * catalogue listing say for every row (`combineRuleOf`). Here, beside the catalogue, because it
 * follows from a row's kind and `aggregate` alone.
 */
import { isInfo } from "./infoBlock";
import type { Catalogue, Indicator } from "./types";

/**
 * How a figure consolidates: its `aggregate`, else flow for counts and money (docs/reporting-rules.md).
 * Over units flow, stock and opening are all summed; over periods a flow is summed, a stock is
 * the latest period's value and an opening the earliest's; "none" is never summed.
 */
export function aggregateOf(indicator: Indicator): "flow" | "stock" | "opening" | "none" {
  if (indicator.kind !== "count" && indicator.kind !== "money") return "none";
  return indicator.aggregate ?? "flow";
}

/** How a row combines, as `combineRuleOf` says it. */
export type CombineRule = "flow" | "stock" | "opening" | "recomputed" | "weighted" | "notCombined" | "none";

/**
 * How a row combines when reports are consolidated: a count or amount by its `aggregate` (flow
 * summed; stock summed over units, the latest period's over periods; opening summed over units,
 * the earliest period's over periods), a ratio computed again from the combined figures (ratios
 * are never added), a typed percentage weighted by its `weightedBy` count or not combined at
 * all, text, dates and choices never added ("none": left blank over units, the
 * latest period's over periods). Undefined for Thông tin chung, which identifies the report
 * rather than adding up.
 */
export function combineRuleOf(indicator: Indicator, catalogue: Catalogue): CombineRule | undefined {
  if (isInfo(indicator, catalogue)) return undefined;
  if (indicator.kind === "ratio") return "recomputed";
  // A typed percentage: weighted by the form's count, or not combined (never an average).
  if (indicator.kind === "percent") return indicator.weightedBy ? "weighted" : "notCombined";
  return aggregateOf(indicator);
}
