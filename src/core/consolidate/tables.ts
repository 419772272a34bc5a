/**
 * The catalogue's tables over units and over periods (docs/reporting-rules.md, "Tables"): cell by
 * cell, each row of the form with the same row of every part. A part's extra rows are kept by
 * their label: the rows of one label (case, spacing and tone placement aside, as unit names are
 * compared) combine into one extra row of the result, in the order first met. When the parts
 * bring more labels than the form has extra rows, the last extra row takes the rest together,
 * naming them, so that every figure still counts in its column.
 */
import {
  columnAggregate,
  indexIndicators,
  tableCellId,
  tableLabelId,
  tableRows,
  type Aggregate,
  type Catalogue,
  type TableDef,
} from "../catalogue";
import type { FigureCell, Figures } from "../figures";
import { typedLabel } from "../tables/figures";
import { plainOf, sumOf, unitKey } from "./parts";

/** How the parts' figures of one cell combine: summed, the earliest's or the latest's. */
type Combine = (aggregate: Aggregate, cells: ReadonlyArray<FigureCell | undefined>) => number | null;

/** Over units every column is summed (a stock at the period's end as well). */
const overUnits: Combine = (_aggregate, cells) => sumOf(cells);

/** Over periods (parts sorted by date) as the column's total indicator consolidates. */
const overPeriods: Combine = (aggregate, cells) => {
  if (aggregate === "flow") return sumOf(cells);
  const numeric = (cell: FigureCell | undefined) => {
    const value = plainOf(cell);
    return typeof value === "number" ? value : null;
  };
  return numeric(aggregate === "opening" ? cells[0] : cells[cells.length - 1]);
};

/** One extra row of one part: its label and its cells by column id. */
interface ExtraRow {
  label: string;
  part: number;
  cells: ReadonlyMap<string, FigureCell | undefined>;
}

function tableValues(
  table: TableDef,
  parts: readonly Figures[],
  catalogue: Catalogue,
  combine: Combine,
): Record<string, string | number | null> {
  const byId = indexIndicators(catalogue);
  const values: Record<string, string | number | null> = {};
  const slots = tableRows(table);
  for (const slot of slots.filter((s) => !s.extra))
    for (const column of table.columns) {
      const id = tableCellId(table.id, slot.id, column.id);
      values[id] = combine(
        columnAggregate(column, byId),
        parts.map((f) => f.get(id)),
      );
    }

  // The parts' extra rows that hold anything, grouped by label in the order first met.
  const groups = new Map<string, ExtraRow[]>();
  parts.forEach((figures, part) => {
    for (const slot of slots.filter((s) => s.extra)) {
      const cells = new Map(
        table.columns.map((c) => [c.id, figures.get(tableCellId(table.id, slot.id, c.id))] as const),
      );
      const label = typedLabel(figures, table.id, slot.id);
      const typed = [...cells.values()].some((cell) => cell !== undefined && cell.value.type !== "blank");
      if (!label && !typed) continue;
      const key = unitKey(label);
      const group = groups.get(key) ?? [];
      group.push({ label, part, cells });
      groups.set(key, group);
    }
  });
  const extra = slots.filter((s) => s.extra);
  const ordered = [...groups.values()];
  // More labels than extra rows: the last row takes the rest, its label listing them.
  const fitted: ExtraRow[][] =
    ordered.length > extra.length && extra.length > 0
      ? [...ordered.slice(0, extra.length - 1), ordered.slice(extra.length - 1).flat()]
      : ordered;
  fitted.slice(0, extra.length).forEach((rows, k) => {
    const slot = extra[k];
    // One label as first written per group (the same label written two ways is one).
    const first = new Map<string, string>();
    for (const r of rows)
      if (!first.has(unitKey(r.label))) first.set(unitKey(r.label), r.label || "(chưa ghi tên)");
    const labels = [...first.values()];
    values[tableLabelId(table.id, slot.id)] = labels.length === 1 ? labels[0] : `Khác: ${labels.join("; ")}`;
    for (const column of table.columns) {
      // Per part first (a part may bring one label twice), then over parts.
      const perPart = parts.map((_, part) =>
        sumOf(rows.filter((r) => r.part === part).map((r) => r.cells.get(column.id))),
      );
      const asCells = perPart.map((v): FigureCell | undefined =>
        v === null ? undefined : { id: "", cell: "", value: { type: "number", value: v } },
      );
      values[tableCellId(table.id, slot.id, column.id)] = combine(columnAggregate(column, byId), asCells);
    }
  });
  return values;
}

/**
 * The consolidated table figures over units (one period), by figure id: each cell the sum of
 * the units' cells (blank when none gave a number), the extra rows kept by label.
 */
export function tableValuesOverUnits(
  catalogue: Catalogue,
  units: readonly Figures[],
): Record<string, string | number | null> {
  return Object.assign(
    {},
    ...(catalogue.tables ?? []).map((t) => tableValues(t, units, catalogue, overUnits)),
  );
}

/**
 * The consolidated table figures over one unit's periods (`periods` sorted by date): each
 * column as its total indicator consolidates (flow summed, opening the earliest period's,
 * stock the latest's), the extra rows kept by label.
 */
export function tableValuesOverPeriods(
  catalogue: Catalogue,
  periods: readonly Figures[],
): Record<string, string | number | null> {
  return Object.assign(
    {},
    ...(catalogue.tables ?? []).map((t) => tableValues(t, periods, catalogue, overPeriods)),
  );
}
