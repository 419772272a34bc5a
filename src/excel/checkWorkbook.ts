/**
 * Checking the open workbook: read the figures (one sync), run the core's checks, then mark the
 * cells with findings (second sync). Also moving the selection to a finding's cell.
 */
import type { Catalogue } from "../core/catalogue";
import { countFindings, type Finding } from "../core/checks";
import { INPUT_FILL } from "../core/layout/styles";
import { checkReading } from "../core/workbook/check";
import type { ContextApi } from "./api";
import { assertCanRun, hostCapabilities } from "./capabilities";
import { readWithOwnCatalogue, type BrokenCell, type ReadOptions } from "./readFigures";
import { splitRef } from "./refs";

/** Light red: a cell with an error (Excel's own "light red fill"). */
export const ERROR_MARK_FILL = "#FFC7CE";
/** Amber: a cell with a warning, distinct from the light yellow of input cells. */
export const WARNING_MARK_FILL = "#FFC000";
/**
 * The meta sheet key that remembers which cells the last check marked, so the next check can
 * give them back their plain fill (a JSON array of `'Sheet'!D12`). The core's planner carries
 * unknown meta keys over on reinstall.
 */
export const MARKS_KEY = "check_marks";

export interface CheckOutcome {
  findings: Finding[];
  errors: number;
  warnings: number;
  /** CCHC.* cells in error: the pane offers to install again, which enters them again. */
  broken: BrokenCell[];
  /** The cells now marked, `'Sheet'!D12`. */
  marked: string[];
  /** The workbook carries the CCHC template: no finding then means the figures are clean. */
  installed: boolean;
  /** The form checked against: the workbook's own (the default in a workbook without ours). */
  catalogue: Catalogue;
}

function parseMarks(text: string | undefined): string[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : [];
  } catch {
    // A hand-edited or truncated value: there is nothing to restore from it, and the marks it
    // named get their fill back at the next reinstall.
    return [];
  }
}

/**
 * Checks the figures and marks the cells with findings: light red for errors, amber for
 * warnings; cells marked by the previous check get their plain fill back first (the input fill
 * for a named input cell, no fill for a document row). Two syncs.
 */
export async function checkWorkbook(context: ContextApi, options: ReadOptions = {}): Promise<CheckOutcome> {
  assertCanRun(options.capabilities ?? hostCapabilities());
  // The rules of the form the workbook was installed with (the catalogue it carries).
  const {
    reading,
    sheets,
    inputCells,
    metaSheet: metaKey,
    catalogue: rules,
  } = await readWithOwnCatalogue(context, options.catalogue, options.capabilities);
  const findings = checkReading(reading, rules);
  const metaSheet = metaKey ? sheets.get(metaKey) : undefined;

  // Only cells on sheets that were read can be marked: their protection is known. A workbook
  // without the meta sheet was not installed by us: report, but do not paint it.
  const markable = (ref: string) =>
    metaSheet !== undefined && sheets.has((splitRef(ref).sheet ?? "").toLowerCase());
  const severityOf = new Map<string, Finding["severity"]>();
  for (const finding of findings) {
    for (const cell of finding.cells) {
      if (!markable(cell)) continue;
      if (severityOf.get(cell) !== "error") severityOf.set(cell, finding.severity);
    }
  }
  const previous = parseMarks(reading.meta?.extra[MARKS_KEY]).filter(markable);
  const marked = [...severityOf.keys()];

  const rememberMarks = metaSheet !== undefined && (previous.length > 0 || marked.length > 0);
  const touched = new Set([...previous, ...marked].map((ref) => splitRef(ref).sheet!.toLowerCase()));
  if (rememberMarks && metaKey) touched.add(metaKey);
  const protectedSheets = [...touched].map((key) => sheets.get(key)!).filter((sheet) => sheet.protected);
  const worksheets = context.workbook.worksheets;
  // A protected sheet refuses format changes, even to its unlocked input cells.
  for (const sheet of protectedSheets) worksheets.getItem(sheet.name).protection.unprotect();
  for (const ref of previous) {
    if (severityOf.has(ref)) continue;
    const { sheet, address } = splitRef(ref);
    const fill = worksheets.getItem(sheet!).getRange(address).format.fill;
    if (inputCells.has(ref)) fill.color = INPUT_FILL;
    else fill.clear();
  }
  for (const [ref, severity] of severityOf) {
    const { sheet, address } = splitRef(ref);
    worksheets.getItem(sheet!).getRange(address).format.fill.color =
      severity === "error" ? ERROR_MARK_FILL : WARNING_MARK_FILL;
  }

  // Remember the marks in the meta sheet, on the key's row or a new one.
  if (metaSheet && rememberMarks) {
    const rowIndex = metaSheet.values.findIndex((row) => row[0] === MARKS_KEY);
    const row = rowIndex >= 0 ? rowIndex + 1 : metaSheet.values.length + 1;
    const range = worksheets.getItem(metaSheet.name).getRange(`A${row}:B${row}`);
    // Text format first: the JSON is then kept exactly as written.
    range.numberFormat = [["@", "@"]];
    range.formulas = [[MARKS_KEY, JSON.stringify(marked)]];
  }
  // Protected again with the permissions it had (no password: a sheet protected with one
  // could not have been unprotected above, and Excel's error says so).
  for (const sheet of protectedSheets)
    worksheets.getItem(sheet.name).protection.protect(sheet.protectionOptions);
  await context.sync();

  return {
    findings,
    ...countFindings(findings),
    broken: reading.broken,
    marked,
    installed: reading.meta !== null,
    catalogue: rules,
  };
}

/** Shows a finding's cell: activates its sheet and selects it (one sync). */
export async function selectCell(context: ContextApi, ref: string): Promise<void> {
  const { sheet, address } = splitRef(ref);
  if (sheet === null) throw new Error(`A reference without its sheet: ${ref}`);
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(address).select();
  await context.sync();
}
