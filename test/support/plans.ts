/**
 * Sheet plans as an engine would hand them back, for tests of the pure planners: the install
 * and report planners read workbooks in this shape (`ExistingWorkbook`).
 */
import type { SampleDocument } from "../../src/core/catalogue/sample";
import { classifyCell, type DocumentRow } from "../../src/core/figures";
import type { ExistingSheet, ExistingWorkbook } from "../../src/core/install";
import { parseAddress, planCells, type CellPlan, type SheetPlan } from "../../src/core/layout/model";
import { toExcelSerial } from "../../src/core/period";

/** A plan's formulas view from A1: formula text, or the constant, null for empty cells. */
export function gridOf(plan: SheetPlan): unknown[][] {
  const grid: unknown[][] = [];
  for (const cell of planCells(plan)) {
    const { row, column } = parseAddress(cell.address);
    while (grid.length < row) grid.push([]);
    grid[row - 1][column - 1] = cell.formula ?? cell.value ?? null;
  }
  return grid;
}

/** What a workbook holds after the plans were written, with `others` (user sheets) first. */
export function workbookOf(plans: readonly SheetPlan[], others: readonly string[] = []): ExistingWorkbook {
  const sheets = new Map<string, ExistingSheet>(
    plans.map((p) => [p.name, { name: p.name, cells: gridOf(p) }]),
  );
  return { sheetNames: [...others, ...plans.map((p) => p.name)], sheets };
}

/** The plan's cell at an address. */
export function planCell(plan: SheetPlan, address: string): CellPlan | undefined {
  return planCells(plan).find((c) => c.address === address);
}

/** Document rows from plain data (the sample, tests). */
export function documentsFromSample(
  documents: readonly SampleDocument[],
  cellOf = (row: number, col: string) => `${col}${row}`,
): DocumentRow[] {
  return documents.map((doc, i) => {
    const [y, m, d] = doc.date.split("-").map(Number);
    return {
      index: i + 1,
      number: classifyCell(doc.number),
      date: { type: "number", value: toExcelSerial({ year: y, month: m, day: d }) },
      summary: classifyCell(doc.summary),
      note: { type: "blank" },
      numberCell: cellOf(i + 1, "B"),
      dateCell: cellOf(i + 1, "C"),
    };
  });
}
