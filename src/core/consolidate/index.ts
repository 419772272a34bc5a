/** Consolidation over units and over periods (docs/reporting-rules.md), pure: figures in, figures and sheet descriptions out. */
export * from "./model";
export { incompleteRows } from "./values";
export { consolidateUnits, describeCatalogue, type UnitsOptions } from "./units";
export { consolidatePeriods, tilingProblem, type PeriodTarget } from "./periods";
export {
  breakdownFindings,
  breakdownSheetPlan,
  filesSheetPlan,
  breakdownIndicators,
  UNITS_SHEET,
  PERIODS_SHEET,
  FILES_SHEET,
} from "./sheets";
export {
  consolidatedWorkbookPlan,
  consolidationSubtitle,
  planConsolidationInto,
  typeFigures,
  valuesForOpenWorkbook,
} from "./workbook";
export { compactEntry, newInterner, type Interner } from "./compact";
