/**
 * The catalogue's tables over units and over periods (docs/reporting-rules.md, "Tables"): cell by
 * cell, each row of the form with the same row of every part. A part's extra rows are kept by
 * their label: the rows of one label (case, spacing and tone placement aside, as unit names are
 * compared) combine into one extra row of the result, in the order first met. When the parts
 * bring more labels than the form has extra rows, the last extra row takes the rest together,
 * naming them, so that every figure still counts in its column. A cell some part marked «chưa
 * có số liệu» is not summed as 0: the consolidated cell is «chưa có số liệu» and a note names
 * those parts (`incompleteSum`, as for an indicator).
 */
import {
  cellLabel,
  columnAggregate,
  indexIndicators,
  tableCellId,
  tableLabelId,
  tableRows,
  type Aggregate,
  type Catalogue,
  type TableDef,
} from "../catalogue";
import { NOT_REPORTED } from "../arithmetic";
import { numericOf } from "../evaluate";
import type { FigureCell } from "../figures";
import { typedLabel } from "../tables/figures";
import { sumOf, unitKey } from "./parts";
import { incompleteSum, type CombinedPart, type PartNoun } from "./values";

/** The consolidated table figures by figure id, and the notes of the cells left incomplete. */
export interface TableValues {
  values: Record<string, string | number | null>;
  notes: Record<string, string>;
}

/**
 * How the parts' figures of one cell combine: summed, the earliest's or the latest's. `summed`
 * says whether it adds the parts (then a part's «chưa có số liệu» makes the cell incomplete).
 */
interface Combine {
  noun: PartNoun;
  summed: (aggregate: Aggregate) => boolean;
  pick: (aggregate: Aggregate, cells: ReadonlyArray<FigureCell | undefined>) => string | number | null;
}

/** Over units every column is summed (a stock at the period's end as well). */
const overUnits: Combine = { noun: "đơn vị", summed: () => true, pick: (_aggregate, cells) => sumOf(cells) };

/** Over periods (parts sorted by date) as the column's total indicator consolidates. */
const overPeriods: Combine = {
  noun: "kỳ",
  summed: (aggregate) => aggregate === "flow",
  pick: (aggregate, cells) => {
    if (aggregate === "flow") return sumOf(cells);
    const picked = aggregate === "opening" ? cells[0] : cells[cells.length - 1];
    // The earliest's or latest's own figure: a number, or its «chưa có số liệu» mark kept.
    const value = numericOf(picked);
    return typeof value === "number" ? value : value === "unreported" ? NOT_REPORTED : null;
  },
};

/** A text cell holding the «chưa có số liệu» mark, standing for a part's extra rows. */
const NOT_REPORTED_CELL: FigureCell = { id: "", cell: "", value: { type: "text", value: NOT_REPORTED } };

/** One extra row of one part: its label and its cells by column id. */
interface ExtraRow {
  label: string;
  part: number;
  cells: ReadonlyMap<string, FigureCell | undefined>;
}

function tableValues(
  table: TableDef,
  named: readonly CombinedPart[],
  catalogue: Catalogue,
  combine: Combine,
  out: TableValues,
): void {
  const byId = indexIndicators(catalogue);
  const { values, notes } = out;
  const parts = named.map((p) => p.figures);
  const slots = tableRows(table);
  /** One cell over the parts (each part's figure of it under `id`); its note when incomplete. */
  const combineCell = (
    id: string,
    aggregate: Aggregate,
    cellParts: readonly CombinedPart[],
    where: string,
  ): void => {
    const incomplete = combine.summed(aggregate) ? incompleteSum(id, cellParts, combine.noun) : undefined;
    if (incomplete) {
      values[id] = incomplete.value;
      notes[id] = `Bảng «${table.title}», ${where}: ${incomplete.note}`;
      return;
    }
    values[id] = combine.pick(
      aggregate,
      cellParts.map((p) => p.figures.get(id)),
    );
  };
  for (const slot of slots.filter((s) => !s.extra))
    for (const column of table.columns) {
      const id = tableCellId(table.id, slot.id, column.id);
      const where = cellLabel({ id, table, row: slot, column });
      combineCell(id, columnAggregate(column, byId), named, where);
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
    const label = labels.length === 1 ? labels[0] : `Khác: ${labels.join("; ")}`;
    values[tableLabelId(table.id, slot.id)] = label;
    for (const column of table.columns) {
      const id = tableCellId(table.id, slot.id, column.id);
      // Per part first (a part may bring one label twice), then over parts; a part whose rows
      // hold «chưa có số liệu» in this column does not know its figure either.
      const asParts = named.map((p, part): CombinedPart => {
        const own = rows.filter((r) => r.part === part).map((r) => r.cells.get(column.id));
        if (own.some((cell) => numericOf(cell) === "unreported"))
          return { name: p.name, figures: new Map([[id, NOT_REPORTED_CELL]]) };
        // Nor one holding what is no usable number (text typed, a negative number): named as such.
        const unusable = own.find((cell) => numericOf(cell) === "invalid");
        if (unusable) return { name: p.name, figures: new Map([[id, unusable]]) };
        const v = sumOf(own);
        return {
          name: p.name,
          figures: new Map(
            v === null ? [] : [[id, { id, cell: "", value: { type: "number", value: v } } as FigureCell]],
          ),
        };
      });
      const where = cellLabel({ id, table, row: slot, column }, label);
      combineCell(id, columnAggregate(column, byId), asParts, where);
    }
  });
}

/** Every table of the catalogue combined over `parts` by `combine`. */
function allTables(catalogue: Catalogue, parts: readonly CombinedPart[], combine: Combine): TableValues {
  const out: TableValues = { values: {}, notes: {} };
  for (const table of catalogue.tables ?? []) tableValues(table, parts, catalogue, combine, out);
  return out;
}

/**
 * The consolidated table figures over units (one period), by figure id: each cell the sum of
 * the units' cells (blank when none gave a number), the extra rows kept by label; a cell some
 * unit marked «chưa có số liệu» holds the mark, its note naming those units.
 */
export function tableValuesOverUnits(catalogue: Catalogue, units: readonly CombinedPart[]): TableValues {
  return allTables(catalogue, units, overUnits);
}

/**
 * The consolidated table figures over one unit's periods (`periods` sorted by date): each
 * column as its total indicator consolidates (flow summed, opening the earliest period's,
 * stock the latest's), the extra rows kept by label; a summed cell some period marked «chưa có
 * số liệu» holds the mark, its note naming those periods.
 */
export function tableValuesOverPeriods(catalogue: Catalogue, periods: readonly CombinedPart[]): TableValues {
  return allTables(catalogue, periods, overPeriods);
}
