/** The self-assessment: each criterion's rate and score, and last year's for comparison. */
import { FigureError, roundHalfAwayFromZero, score } from "./arithmetic";
import type { Catalogue, Criterion } from "./catalogue";
import type { Evaluated } from "./evaluate";

export interface CriterionScore {
  criterion: Criterion;
  /** The rate from the figures, or "" (typed criteria have none). */
  rate: number | "";
  /** This year's score: computed through CCHC.DIEM, or typed; "" when not known yet. */
  score: number | "";
  lastYear: number | "";
  /** score − lastYear, or "" when either is missing. */
  delta: number | "";
}

/** Typed cells of the scoring sheet, by criterion code. */
export type TypedScores = ReadonlyMap<string, { score?: unknown; lastYear?: unknown }>;

const asPoints = (value: unknown): number | "" =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : "";

export function scoreCriteria(
  catalogue: Catalogue,
  evaluated: ReadonlyMap<string, Evaluated>,
  typed: TypedScores,
): CriterionScore[] {
  return catalogue.criteria.map((criterion) => {
    const own = typed.get(criterion.code);
    let rate: number | "" = "";
    let points: number | "";
    if (criterion.rateFrom) {
      const value = evaluated.get(criterion.rateFrom)?.value;
      rate = typeof value === "number" ? value : "";
      try {
        points = score(rate, criterion.max, criterion.threshold ?? null, criterion.method);
      } catch (error) {
        if (!(error instanceof FigureError)) throw error;
        points = "";
      }
    } else {
      points = asPoints(own?.score);
    }
    const lastYear = asPoints(own?.lastYear);
    const delta = points === "" || lastYear === "" ? "" : roundHalfAwayFromZero(points - lastYear, 2);
    return { criterion, rate, score: points, lastYear, delta };
  });
}

/** Totals of the maximum, this year's and last year's scores. */
export function scoreTotals(scores: readonly CriterionScore[]): {
  max: number;
  score: number;
  lastYear: number;
} {
  const sum = (values: Array<number | "">) =>
    roundHalfAwayFromZero(
      values.reduce<number>((a, v) => a + (v === "" ? 0 : v), 0),
      2,
    );
  return {
    max: sum(scores.map((s) => s.criterion.max)),
    score: sum(scores.map((s) => s.score)),
    lastYear: sum(scores.map((s) => s.lastYear)),
  };
}
