/**
 * Ratios one side of which is typed while the other is all blank: the unit's own rate is empty,
 * and a consolidation would add the typed side without the other.
 */
import { argIds, type Catalogue, type Indicator } from "../catalogue";
import { numericOf } from "../evaluate";
import type { Figures } from "../figures";
import { cellsOf, label, type CheckContext } from "./context";
import { blankRequired } from "./required";
import type { Finding } from "./finding";

/** A ratio one side of which is typed while the other is all blank. */
export interface RatioGap {
  /** The ratio indicator. */
  id: string;
  missing: "numerator" | "denominator";
  /** The figures of the missing side (all blank) and the typed figures of the other side. */
  blank: string[];
  typed: string[];
}

/**
 * The figures under a ratio's numerator and denominator: TYLE(a; b) is a over b, DUNGHAN(on
 * time; late) is on time over on time + late (docs/catalogue-format.md).
 */
function ratioSides(indicator: Indicator): [readonly string[], readonly string[]] {
  const [first, second] = indicator.formula!.args.map(argIds);
  return indicator.formula!.fn === "DUNGHAN" ? [first, [...first, ...second]] : [first, second];
}

/**
 * Every ratio of `catalogue` whose numerator's figures are typed while its denominator's are
 * all blank, or the reverse. Such a unit's own rate is empty, but a consolidation over units
 * would add the typed side and not the missing one, and inflate (or deflate) the province's
 * rate silently: the checks warn the unit, and `consolidateUnits` notes the consolidated ratio.
 * Invalid figures are left to their own error.
 */
export function ratioGaps(figures: Figures, catalogue: Catalogue): RatioGap[] {
  const gaps: RatioGap[] = [];
  const stateOf = (ids: readonly string[]) => {
    const values = ids.map((id) => numericOf(figures.get(id)));
    if (values.includes("invalid")) return "invalid";
    return values.every((v) => v === "blank") ? "blank" : "typed";
  };
  for (const indicator of catalogue.indicators) {
    if (indicator.kind !== "ratio" || !indicator.formula) continue;
    const [numerator, denominator] = ratioSides(indicator);
    const top = stateOf(numerator);
    const bottom = stateOf(denominator);
    const typedOf = (ids: readonly string[]) => ids.filter((id) => numericOf(figures.get(id)) !== "blank");
    if (top === "typed" && bottom === "blank")
      gaps.push({
        id: indicator.id,
        missing: "denominator",
        blank: [...denominator],
        typed: typedOf(numerator),
      });
    else if (bottom === "typed" && top === "blank")
      gaps.push({
        id: indicator.id,
        missing: "numerator",
        blank: [...numerator],
        typed: typedOf(denominator),
      });
  }
  return gaps;
}

/** The warning of a ratio gap, on the missing figure's cell first. */
function ratioGapFinding(ctx: CheckContext, gap: RatioGap): Finding {
  const names = (ids: readonly string[]) => ids.map((id) => `«${label(ctx, id)}»`).join(", ");
  const blankCells = cellsOf(ctx, gap.blank);
  const where = blankCells.length > 0 ? ` (ô ${blankCells.join(", ")})` : "";
  const [present, absent] = gap.missing === "denominator" ? ["tử số", "mẫu số"] : ["mẫu số", "tử số"];
  return {
    severity: "warning",
    checkId: `ratio:${gap.id}`,
    ids: [...gap.blank, ...gap.typed, gap.id],
    cells: [...blankCells, ...cellsOf(ctx, gap.typed)],
    message:
      `${label(ctx, gap.id)}: đã nhập ${present} (${names(gap.typed)}) nhưng ${absent} (${names(gap.blank)}) còn trống${where}, ` +
      `nên tỷ lệ không tính được; khi tổng hợp, ${present} được cộng mà thiếu ${absent}, làm sai tỷ lệ chung. ` +
      `Hãy nhập ${absent}${gap.missing === "numerator" ? " (0 nếu không có)" : ""}.`,
  };
}

/** A warning for every ratio gap of the unit (`ratioGaps`). */
export function ratioGapFindings(ctx: CheckContext): Finding[] {
  return ratioGaps(ctx.figures, ctx.catalogue)
    .filter((gap) => !blankRequired(gap.blank, ctx.catalogue))
    .map((gap) => ratioGapFinding(ctx, gap));
}
