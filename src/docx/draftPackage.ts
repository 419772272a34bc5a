/**
 * What the pane loads on its first «Dự thảo báo cáo (Word)»: the narrative core (through the
 * core's draft use case, `draftWorkbook`) and the .docx writer, one chunk (the `docx` library is about 70 KB gzip and stays out of the first paint).
 */
export { draftFileName } from "../core/narrative";
export { draftWorkbook } from "../core/workbook/draft";
export { draftDocxBytes } from "./draftDocx";
