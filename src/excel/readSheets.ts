/**
 * The read phase shared by installing, reading the figures and checking: queue the loads of
 * a list of sheets that may or may not exist, sync once (the caller does), then collect.
 * Queue-then-collect keeps every read of an operation in one `context.sync()`.
 */
import type { ContextApi, RangeApi, WorksheetApi } from "./api";

/** What one sheet held when it was read. */
export interface SheetSnapshot {
  /** The sheet's actual name (Excel matches names case-insensitively). */
  name: string;
  protected: boolean;
  /** The protection's permissions, to protect the sheet again as it was. */
  protectionOptions: Excel.WorksheetProtectionOptions;
  /** The formulas view from A1 (formula text, or the constant), `""` for empty cells. */
  formulas: unknown[][];
  /** The values view from A1, when asked for. */
  values: unknown[][];
}

interface QueuedSheet {
  sheet: WorksheetApi;
  used: RangeApi;
  withValues: boolean;
}

/**
 * A used range's rows placed from A1: Office.js returns the used range only, which may start
 * at, say, B3; the core reads grids from A1.
 */
export function gridFromA1(rows: readonly unknown[][], rowIndex: number, columnIndex: number): unknown[][] {
  const pad: unknown[] = Array.from({ length: columnIndex }, () => "");
  return [...Array.from({ length: rowIndex }, (): unknown[] => []), ...rows.map((row) => [...pad, ...row])];
}

/**
 * Queues the loads for each named sheet: whether it exists, its protection and its used range
 * (values only: cells with content, not cells that merely carry a format). Returns the
 * collector to call after the sync, keyed by the lower-cased name asked for.
 */
export function queueSheetReads(
  context: ContextApi,
  names: readonly string[],
  withValues: boolean,
): () => Map<string, SheetSnapshot> {
  const queued = new Map<string, QueuedSheet>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (queued.has(key)) continue;
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load("name");
    sheet.protection.load(["protected", "options"]);
    const used = sheet.getUsedRangeOrNullObject(true);
    if (withValues) used.load(["formulas", "values", "rowIndex", "columnIndex"]);
    else used.load(["formulas", "rowIndex", "columnIndex"]);
    queued.set(key, { sheet, used, withValues });
  }
  return () => {
    const result = new Map<string, SheetSnapshot>();
    for (const [key, { sheet, used, withValues: values }] of queued) {
      if (sheet.isNullObject) continue;
      const empty = used.isNullObject;
      result.set(key, {
        name: sheet.name,
        protected: sheet.protection.protected,
        protectionOptions: sheet.protection.options,
        formulas: empty ? [] : gridFromA1(used.formulas, used.rowIndex, used.columnIndex),
        values: empty || !values ? [] : gridFromA1(used.values, used.rowIndex, used.columnIndex),
      });
    }
    return result;
  };
}
