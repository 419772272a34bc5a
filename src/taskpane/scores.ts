/** The figures the Chỉ số CCHC card shows, from the core's criterion scores. Pure. */
import { roundHalfAwayFromZero } from "../core/arithmetic";
import { scoreTotals, type CriterionScore } from "../core/scoring";

export interface ScoreSummary {
  max: number;
  score: number;
  /** Last year's total, or null when no criterion has one. */
  lastYear: number | null;
  /**
   * The change against last year over the criteria scored both years (a criterion nobody scored
   * yet this year is not a loss), or null when none is.
   */
  delta: number | null;
  /** How many criteria the delta covers, and how many there are. */
  compared: number;
  criteria: number;
  /** The criteria that lost points against last year, the largest loss first. */
  lost: CriterionScore[];
  /** Criteria without a score yet (typed criteria nobody typed). */
  unscored: number;
}

const num = (value: number | "") => (value === "" ? 0 : value);

/** Totals, the change against last year and the `limit` criteria that lost most. */
export function summarizeScores(scores: readonly CriterionScore[], limit = 3): ScoreSummary {
  const totals = scoreTotals(scores);
  const compared = scores.filter((s) => s.delta !== "");
  return {
    max: totals.max,
    score: totals.score,
    lastYear: scores.some((s) => s.lastYear !== "") ? totals.lastYear : null,
    delta:
      compared.length > 0
        ? roundHalfAwayFromZero(
            compared.reduce((sum, s) => sum + num(s.delta), 0),
            2,
          )
        : null,
    compared: compared.length,
    criteria: scores.length,
    lost: compared
      .filter((s) => num(s.delta) < 0)
      .sort((a, b) => num(a.delta) - num(b.delta))
      .slice(0, limit),
    unscored: scores.filter((s) => s.score === "").length,
  };
}
