/** The narrative report drafted from a workbook (`cchc draft`, the pane's «Dự thảo báo cáo (Word)»). */
export { buildDraft, draftFileName, indicatorSentence, type DraftInput } from "./draft";
export { CompareRefusedError, comparedPeriods, type ComparedWorkbook } from "../report/comparison";
export { outlineOf, defaultOutline } from "./outline";
export { runsText } from "./document";
export type * from "./document";
