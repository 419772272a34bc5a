/**
 * The check engine: figures → findings. Every rule of the catalogue (by its type,
 * core/checkTypes), the kind of every typed figure, where figures are, the document list and
 * what a report needs; one module each, `checkFigures` the list of them. Pure and total: no
 * input makes it throw.
 */
import type { Catalogue } from "../catalogue";
import { evaluateIndicators, type Evaluated } from "../evaluate";
import type { DocumentRow, Figures, PlacementProblem } from "../figures";
import { completenessFindings, formPeriodFindings } from "./completeness";
import { checkContext } from "./context";
import { documentFindings } from "./documents";
import type { Finding } from "./finding";
import { issueDateFindings } from "./issueDate";
import { invalidIds, kindFindings, kindProblem } from "./kinds";
import { notReportedFindings } from "./notReported";
import { periodFindings } from "./periods";
import { placementFindings } from "./placement";
import { ratioGapFindings } from "./ratioGaps";
import { requiredFindings } from "./required";
import { ruleFindings } from "./rules";
import { targetFindings } from "./targets";
import { tableFindings } from "../tables/findings";

export { countFindings, type Finding } from "./finding";
export { isWholeCount } from "./kinds";
export { placementFindings } from "./placement";
export { ratioGaps, type RatioGap } from "./ratioGaps";
export { quoteTyped } from "./words";

/**
 * Every finding on the figures and the document list, errors and warnings in catalogue order;
 * `problems` (where figures are, from `readNamedFigures`) come first. `evaluated` is
 * `evaluateIndicators(figures, catalogue)` when the caller already has it (the consolidation
 * keeps it for each unit), computed here otherwise.
 */
export function checkFigures(
  figures: Figures,
  documents: readonly DocumentRow[],
  catalogue: Catalogue,
  problems: readonly PlacementProblem[] = [],
  evaluated: ReadonlyMap<string, Evaluated> = evaluateIndicators(figures, catalogue),
): Finding[] {
  const kinds = kindFindings(checkContext(figures, catalogue, evaluated));
  // Figures of a wrong kind are said once, by their kind error; the checks below leave them out.
  const ctx = checkContext(figures, catalogue, evaluated, invalidIds(kinds));
  return [
    ...placementFindings(problems, catalogue, evaluated),
    ...kinds,
    ...ruleFindings(ctx),
    ...notReportedFindings(figures, catalogue),
    ...ratioGapFindings(ctx),
    ...documentFindings(ctx, documents),
    ...issueDateFindings(ctx),
    ...requiredFindings(figures, catalogue),
    ...completenessFindings(ctx),
    ...periodFindings(figures, catalogue, evaluated),
    ...formPeriodFindings(ctx),
    ...tableFindings(figures, catalogue, kindProblem),
    ...targetFindings(ctx),
  ];
}

/**
 * Every finding on a workbook as read, the one list `check` prints and `report` counts: the
 * checks on its figures and document list (with where figures are, `problems`), then what a
 * consolidation's breakdown sheet says of its parts (`breakdownFindings`), when it has one.
 */
export function workbookFindings(
  reading: { figures: Figures; documents: readonly DocumentRow[]; problems?: readonly PlacementProblem[] },
  catalogue: Catalogue,
  consolidation: readonly Finding[] = [],
): Finding[] {
  return [...checkFigures(reading.figures, reading.documents, catalogue, reading.problems), ...consolidation];
}
