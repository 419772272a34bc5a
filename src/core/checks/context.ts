/**
 * What every check of one unit's figures reads: the figures, the catalogue and its index, the
 * evaluated values, and the figures whose kind is wrong (reported once, by the kind checks, and
 * left out of every other check). Labels and cells as findings name them.
 */
import { indexIndicators, type Catalogue, type Indicator } from "../catalogue";
import { inSentence, type RuleContext } from "../checkTypes";
import { numericOf, type Evaluated } from "../evaluate";
import type { Figures } from "../figures";
import { n } from "./words";

export interface CheckContext {
  figures: Figures;
  catalogue: Catalogue;
  byId: ReadonlyMap<string, Indicator>;
  evaluated: ReadonlyMap<string, Evaluated>;
  /** Ids whose figure has a kind problem (an error already said). */
  invalid: ReadonlySet<string>;
}

/** The context of `figures` under `catalogue`, nothing yet found invalid. */
export function checkContext(
  figures: Figures,
  catalogue: Catalogue,
  evaluated: ReadonlyMap<string, Evaluated>,
  invalid: ReadonlySet<string> = new Set(),
): CheckContext {
  return { figures, catalogue, byId: indexIndicators(catalogue), evaluated, invalid };
}

export function label(ctx: CheckContext, id: string): string {
  return ctx.byId.get(id)?.label ?? id;
}

/**
 * A part's label with its parent's, so `Có mặt` reads `Có mặt (Cán bộ, công chức cấp xã được
 * giao)`. Where a figure in parentheses follows (`numbered`), the parent is joined with a dash
 * instead, so parentheses are never nested; a parent the sentence names anyway (`besides`) is
 * left out.
 */
export function fullLabel(ctx: CheckContext, id: string, besides?: string): string {
  const indicator = ctx.byId.get(id);
  if (!indicator?.parent || indicator.parent === besides) return label(ctx, id);
  return `${indicator.label} (${label(ctx, indicator.parent)})`;
}

/** A label followed by its figure in parentheses: `Có mặt – cán bộ, công chức cấp xã được giao (386)`. */
function numbered(ctx: CheckContext, id: string, value: number, besides?: string): string {
  const indicator = ctx.byId.get(id);
  const text =
    !indicator?.parent || indicator.parent === besides
      ? label(ctx, id)
      : `${indicator.label} – ${inSentence(label(ctx, indicator.parent))}`;
  return `${text} (${n(value)})`;
}

export function cellsOf(ctx: CheckContext, ids: readonly string[]): string[] {
  return ids.map((id) => ctx.figures.get(id)?.cell).filter((cell): cell is string => !!cell);
}

/** Numbers of the given ids, or undefined when one is invalid (already reported) or blank where a value is needed. */
function numbers(ctx: CheckContext, ids: readonly string[], blankAsZero: boolean): number[] | undefined {
  const result: number[] = [];
  for (const id of ids) {
    if (ctx.invalid.has(id)) return undefined;
    const value = numericOf(ctx.figures.get(id));
    // «Chưa có số liệu» is unknown, not 0: nothing to compare (notReportedFindings says so).
    if (value === "invalid" || value === "unreported") return undefined;
    if (value === "blank") {
      if (!blankAsZero) return undefined;
      result.push(0);
    } else result.push(value);
  }
  return result;
}

/** An evaluated date's serial (a derived date computed), undefined when blank or invalid. */
export function dateOf(ctx: CheckContext, id: string): number | undefined {
  const value = ctx.evaluated.get(id)?.value;
  return typeof value === "number" && !ctx.invalid.has(id) ? value : undefined;
}

/** What a catalogue check type reads of the figures (core/checkTypes: `RuleContext`). */
export function ruleContext(ctx: CheckContext): RuleContext {
  return {
    numbers: (ids, blankAsZero) => numbers(ctx, ids, blankAsZero),
    anyGiven: (ids) => ids.some((id) => numericOf(ctx.figures.get(id)) !== "blank"),
    numeric: (id) => {
      const value = ctx.invalid.has(id) ? "invalid" : numericOf(ctx.figures.get(id));
      // A rule cannot compare with «chưa có số liệu»: left out as an invalid figure is (notReportedFindings).
      return value === "unreported" ? "invalid" : value;
    },
    date: (id) => dateOf(ctx, id),
    label: (id) => label(ctx, id),
    fullLabel: (id, besides) => fullLabel(ctx, id, besides),
    numbered: (id, value, besides) => numbered(ctx, id, value, besides),
    unit: (id) => ctx.byId.get(id)?.unit ?? "",
  };
}
