/**
 * Phụ lục I and II as tables of the draft, taken from the very sheet plans the workbook's report
 * is written from (src/core/report/appendices.ts): the same rows, numbering, notes and error
 * shading, each value shown as its cell's number format shows it.
 */
import { formatNumberVi, formatPercentVi } from "../arithmetic";
import { parseAddress, type CellPlan, type SheetPlan } from "../layout/model";
import { DATE_FORMAT, PERCENT_FORMAT } from "../layout/styles";
import { formatDateVi, fromExcelSerial } from "../period";
import type { DraftAppendix, DraftCell, DraftRun } from "./document";

/** A cell's value as its number format shows it, in Vietnamese conventions. */
export function displayValue(cell: CellPlan | undefined): string {
  const value = cell?.value;
  if (value === null || value === undefined) return "";
  if (typeof value !== "number") return String(value);
  const format = cell?.style?.numberFormat;
  if (format === PERCENT_FORMAT) return formatPercentVi(value);
  if (format === DATE_FORMAT) return formatDateVi(fromExcelSerial(value));
  if (format && format.startsWith("#,##0")) return formatNumberVi(value);
  return String(value);
}

function runOf(cell: CellPlan | undefined): DraftRun[] {
  const text = displayValue(cell);
  if (!text) return [];
  const font = cell?.style?.font;
  return [{ text, ...(font?.bold ? { bold: true } : {}), ...(font?.italic ? { italic: true } : {}) }];
}

/**
 * The appendix of a report sheet plan: the lines above its table that span the whole width
 * (appendix name, title, «Kèm theo…», data period, an error notice) and the bordered table from
 * its header row («STT») down, on the page orientation the sheet prints on.
 */
export function appendixOfPlan(plan: SheetPlan): DraftAppendix {
  const byAddress = new Map(plan.cells.map((c) => [c.address, c]));
  const width = plan.columns.length;
  const spans = new Map<string, number>();
  const covered = new Set<string>();
  for (const merge of plan.merges) {
    const [from, to] = merge.split(":").map(parseAddress);
    if (from.row !== to.row) continue;
    spans.set(`${from.row}:${from.column}`, to.column - from.column + 1);
    for (let c = from.column + 1; c <= to.column; c++) covered.add(`${from.row}:${c}`);
  }
  const at = (row: number, column: number) => byAddress.get(`${String.fromCharCode(64 + column)}${row}`);
  const headerRow = plan.cells.find((c) => c.value === "STT" && parseAddress(c.address).column === 1);
  const first = headerRow ? parseAddress(headerRow.address).row : 1;
  // A header of two rows (a table's column groups over its columns) merges «STT» down both.
  const headerRows = plan.merges.some((m) => m === `A${first}:A${first + 1}`) ? 2 : 1;
  const titleLines: DraftRun[][] = [];
  for (let row = 1; row < first; row++) {
    if (spans.get(`${row}:1`) !== width) continue;
    const runs = runOf(at(row, 1));
    if (runs.length) titleLines.push(runs);
  }
  const rows: DraftCell[][] = [];
  for (let row = first; ; row++) {
    const cells: DraftCell[] = [];
    let bordered = false;
    for (let column = 1; column <= width; column++) {
      if (covered.has(`${row}:${column}`)) continue;
      const cell = at(row, column);
      if (cell?.style?.border) bordered = true;
      const span = spans.get(`${row}:${column}`);
      cells.push({
        runs: runOf(cell),
        align: cell?.style?.align === "center" ? "center" : cell?.style?.align === "right" ? "right" : "left",
        ...(span && span > 1 ? { span } : {}),
        ...(cell?.style?.fill ? { shaded: true } : {}),
      });
    }
    // The table ends at the first row without borders (the footnote follows).
    if (!bordered && row > first) break;
    rows.push(cells);
  }
  return {
    titleLines,
    table: { kind: "table", columns: [...plan.columns], headerRows, rows, size: 12 },
    orientation: plan.page?.orientation ?? "portrait",
  };
}
