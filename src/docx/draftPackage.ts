/**
 * What the pane loads on its first «Dự thảo báo cáo (Word)»: the narrative core and the .docx
 * writer, one chunk (the `docx` library is about 70 KB gzip and stays out of the first paint).
 */
export { buildDraft, draftFileName } from "../core/narrative";
export { draftDocxBytes } from "./draftDocx";
