/**
 * What `check` says of a workbook's tables (docs/catalogue-format.md, "Tables"): a cell that is
 * no figure of the table's kind (an error per cell), an extra row with figures but no label (a
 * warning), and each column whose rows do not add up to its total indicator (an error naming the
 * table, the column and both values). A table nobody typed in is not compared with its totals.
 */
import { difference, formatNumberVi } from "../arithmetic";
import {
  cellLabel,
  indexIndicators,
  tableCellId,
  tableLabelId,
  tableRows,
  type Catalogue,
  type Indicator,
  type TableDef,
} from "../catalogue";
import { numericOf } from "../evaluate";
import type { FigureCell, Figures } from "../figures";
import type { Severity } from "../catalogue";
import { typedLabel } from "./figures";

/** A finding, as `checks` defines it (kept structural: the checks sit above this unit). */
export interface TableFinding {
  severity: Severity;
  checkId: string;
  ids: string[];
  cells: string[];
  message: string;
}

/** The kind check of one typed figure (the checks' own, handed in: one implementation). */
export type KindProblem = (indicator: Indicator, figure: FigureCell) => string | undefined;

const n = formatNumberVi;

/** The findings of one table. */
function findingsOf(
  table: TableDef,
  figures: Figures,
  byId: ReadonlyMap<string, Indicator>,
  kindProblem: KindProblem,
): TableFinding[] {
  const findings: TableFinding[] = [];
  const invalid = new Set<string>();
  let typed = false;
  for (const slot of tableRows(table)) {
    const label = slot.extra ? typedLabel(figures, table.id, slot.id) : undefined;
    let rowTyped = false;
    for (const column of table.columns) {
      const id = tableCellId(table.id, slot.id, column.id);
      const figure = figures.get(id);
      if (!figure || figure.value.type === "blank") continue;
      typed = rowTyped = true;
      const cell = { id, table, row: slot, column };
      const problem = kindProblem(
        { id, label: cellLabel(cell, label), unit: table.unit, kind: table.kind ?? "count", section: "" },
        figure,
      );
      if (!problem) continue;
      invalid.add(id);
      findings.push({
        severity: "error",
        checkId: `kind:${id}`,
        ids: [id],
        cells: [figure.cell],
        message: `Bảng «${table.title}», ${cellLabel(cell, label)}: ${problem}.`,
      });
    }
    if (slot.extra && rowTyped && !label) {
      const labelCell = figures.get(tableLabelId(table.id, slot.id))?.cell;
      findings.push({
        severity: "warning",
        checkId: `table:${table.id}:${slot.id}`,
        ids: [tableLabelId(table.id, slot.id)],
        cells: labelCell ? [labelCell] : [],
        message: `Bảng «${table.title}»: dòng thêm ${slot.id.slice(1)} có số liệu nhưng chưa ghi tên (${table.rowHeading ?? "nội dung"}); hãy ghi tên ở cột đầu của dòng.`,
      });
    }
  }
  if (!typed) return findings;

  for (const column of table.columns) {
    if (column.total === undefined) continue;
    const ids = tableRows(table).map((slot) => tableCellId(table.id, slot.id, column.id));
    if (ids.some((id) => invalid.has(id))) continue;
    const total = figures.get(column.total);
    const expected = numericOf(total);
    const values = ids
      .map((id) => numericOf(figures.get(id)))
      .filter((v): v is number => typeof v === "number");
    const sum = values.reduce((a, b) => a + b, 0);
    const name = column.group ? `${column.group}: ${column.label}` : column.label;
    const indicator = byId.get(column.total);
    const what = `«${indicator?.label ?? column.total}»`;
    const firstCell = figures.get(ids[0])?.cell;
    const cells = [total?.cell, firstCell].filter((c): c is string => !!c);
    if (expected === "invalid") continue;
    if (expected === "blank") {
      if (sum === 0) continue;
      findings.push({
        severity: "warning",
        checkId: `table:${table.id}:${column.id}`,
        ids: [column.total, ...ids],
        cells,
        message: `Bảng «${table.title}», cột «${name}»: cộng các dòng được ${n(sum)} nhưng chỉ tiêu ${what} để trống.`,
      });
      continue;
    }
    const gap = difference(expected, values);
    if (gap === 0) continue;
    findings.push({
      severity: "error",
      checkId: `table:${table.id}:${column.id}`,
      ids: [column.total, ...ids],
      cells,
      message: `Bảng «${table.title}», cột «${name}»: cộng các dòng được ${n(sum)}, khác chỉ tiêu ${what} là ${n(expected)} (lệch ${n(Math.abs(gap))}).`,
    });
  }
  return findings;
}

/**
 * Every finding on the catalogue's tables over a workbook's figures: kind problems per cell
 * (through the checks' `kindProblem`), extra rows without a label, column sums against their
 * totals. Ids are figure ids (`<table>.<row>.<column>`) and indicator ids.
 */
export function tableFindings(
  figures: Figures,
  catalogue: Catalogue,
  kindProblem: KindProblem,
): TableFinding[] {
  if (!catalogue.tables?.length) return [];
  const byId = indexIndicators(catalogue);
  return catalogue.tables.flatMap((table) => findingsOf(table, figures, byId, kindProblem));
}
