/**
 * The cells of a catalogue's tables (docs/catalogue-format.md, "Tables") as figures: every cell
 * is a named input whose figure id is `<table>.<row>.<column>` (a dot never occurs in an
 * indicator id, so the two never meet), and a unit's extra row has its label as a figure too,
 * `<table>.<row>`. The defined name of either is `CCHC_T_<TABLE>_<ROW>[_<COL>]` (`inputName`).
 */
import type { Aggregate, Catalogue, Indicator, TableColumn, TableDef } from "./types";

/** A table row as laid out: the form's rows, then the unit's extra rows `x1` … `x<n>`. */
export interface TableRowSlot {
  id: string;
  /** The form's label; undefined for an extra row (its label is typed). */
  label?: string;
  extra: boolean;
}

/** One cell of a table. */
export interface TableCellRef {
  /** Figure id: `<table>.<row>.<column>`. */
  id: string;
  table: TableDef;
  row: TableRowSlot;
  column: TableColumn;
}

/** The id of an extra row: `x1` for the first. */
export const extraRowId = (n: number): string => `x${n}`;

/** Row ids the form may not take: the extra rows'. */
export const EXTRA_ROW_ID = /^x\d+$/;

/** The figure id of a cell. */
export function tableCellId(table: string, row: string, column: string): string {
  return `${table}.${row}.${column}`;
}

/** The figure id of an extra row's typed label. */
export function tableLabelId(table: string, row: string): string {
  return `${table}.${row}`;
}

/** The rows of a table as laid out: the form's, then its extra rows. */
export function tableRows(table: TableDef): TableRowSlot[] {
  const extra = Array.from({ length: table.extraRows ?? 0 }, (_, i) => ({
    id: extraRowId(i + 1),
    extra: true,
  }));
  return [...table.rows.map((r) => ({ id: r.id, label: r.label, extra: false })), ...extra];
}

/** Every cell of a table, row by row. */
export function tableCells(table: TableDef): TableCellRef[] {
  return tableRows(table).flatMap((row) =>
    table.columns.map((column) => ({ id: tableCellId(table.id, row.id, column.id), table, row, column })),
  );
}

/** The figure ids of a catalogue's tables: every cell and every extra row's label. */
export function tableFigureIds(catalogue: Catalogue): string[] {
  return (catalogue.tables ?? []).flatMap((table) => [
    ...tableCells(table).map((c) => c.id),
    ...tableRows(table)
      .filter((r) => r.extra)
      .map((r) => tableLabelId(table.id, r.id)),
  ]);
}

/**
 * How a column consolidates over periods: as its total indicator does (carried over from the
 * previous period: the earliest period's; pending: the latest's), else its own `aggregate`,
 * else flow (summed). Over units every column is summed.
 */
export function columnAggregate(column: TableColumn, byId: ReadonlyMap<string, Indicator>): Aggregate {
  const total = column.total !== undefined ? byId.get(column.total) : undefined;
  return total?.aggregate ?? column.aggregate ?? "flow";
}

/** A cell's label for messages: `Đất đai – Trực tuyến`. */
export function cellLabel(cell: TableCellRef, typedLabel?: string): string {
  const row = cell.row.label ?? (typedLabel?.trim() || `dòng thêm ${cell.row.id.slice(1)}`);
  const column = cell.column.group ? `${cell.column.group}: ${cell.column.label}` : cell.column.label;
  return `${row} – ${column}`;
}
