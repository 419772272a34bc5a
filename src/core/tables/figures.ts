/**
 * A table's figures (docs/catalogue-format.md, "Tables"): reading its cells from a figure set,
 * summing a column, and the figures a set of sheet plans holds. Pure; the cells themselves are
 * figures of the workbook like the indicators' (ids from `catalogue/tables.ts`).
 */
import { sumOfParts } from "../arithmetic";
import {
  inputName,
  tableCellId,
  tableFigureIds,
  tableLabelId,
  tableRows,
  type Catalogue,
  type TableDef,
} from "../catalogue";
import { numericOf } from "../evaluate";
import { cellRef, classifyCell, type FigureCell, type Figures } from "../figures";
import type { CellPlan, SheetPlan } from "../layout/model";

/**
 * Σ of the numeric figures of `ids`, blank and invalid cells (reported by the checks) as 0;
 * "" when none holds a number (a column nobody typed in).
 */
export function columnSum(figures: Figures, ids: readonly string[]): number | "" {
  const numbers = ids
    .map((id) => numericOf(figures.get(id)))
    .filter((v): v is number => typeof v === "number");
  return numbers.length === 0 ? "" : sumOfParts(numbers);
}

/** An extra row's typed label, trimmed ("" when blank). */
export function typedLabel(figures: Figures, table: string, row: string): string {
  const v = figures.get(tableLabelId(table, row))?.value;
  return v?.type === "text"
    ? v.value.replace(/\s+/g, " ").trim()
    : v?.type === "number"
      ? String(v.value)
      : "";
}

/** A table as printed: its rows that are the form's, or an extra row with a label or a figure. */
export interface TableView {
  table: TableDef;
  rows: Array<{ id: string; label: string; extra: boolean; values: Array<number | ""> }>;
  /** Each column's sum over the rows («Cộng»). */
  sums: Array<number | "">;
}

/**
 * The table as the report prints it: every row of the form, then each extra row the unit used
 * (a label or a figure typed), each cell its number or "" (blank or invalid).
 */
export function tableView(table: TableDef, figures: Figures): TableView {
  const rows: TableView["rows"] = [];
  for (const slot of tableRows(table)) {
    const values = table.columns.map((column) => {
      const n = numericOf(figures.get(tableCellId(table.id, slot.id, column.id)));
      return typeof n === "number" ? n : "";
    });
    const label = slot.extra ? typedLabel(figures, table.id, slot.id) : (slot.label ?? "");
    if (slot.extra && !label && values.every((v) => v === "")) continue;
    rows.push({ id: slot.id, label: label || `(dòng thêm ${slot.id.slice(1)})`, extra: slot.extra, values });
  }
  const sums = table.columns.map((column) =>
    columnSum(
      figures,
      tableRows(table).map((slot) => tableCellId(table.id, slot.id, column.id)),
    ),
  );
  return { table, rows, sums };
}

/** The table figures of sheet plans, through the plans' defined names (`figuresOfPlans`). */
export function tableFiguresOfPlans(
  byName: ReadonlyMap<string, { sheet: SheetPlan; cell: CellPlan }>,
  catalogue: Catalogue,
): FigureCell[] {
  const found: FigureCell[] = [];
  for (const id of tableFigureIds(catalogue)) {
    const at = byName.get(inputName(id));
    if (!at) continue;
    found.push({
      id,
      cell: cellRef(at.sheet.name, at.cell.address),
      value: at.cell.formula ? { type: "blank" } : classifyCell(at.cell.value),
      ...(at.cell.formula ? { formula: at.cell.formula } : {}),
    });
  }
  return found;
}
