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

/**
 * A column whose total or some rows are marked «chưa có số liệu»: its sum cannot be checked, a
 * warning naming the unknown figures (as a sum rule's, checks/notReported.ts); an error when the
 * rows known already exceed the total (no unknown row can make that right). Nothing when nothing
 * is known on either side. `ids` are filled by the caller.
 */
function notReportedFinding(
  table: TableDef,
  column: TableDef["columns"][number],
  figures: Figures,
  what: string,
  expected: ReturnType<typeof numericOf>,
  known: readonly number[],
  unknown: readonly string[],
): Omit<TableFinding, "ids"> | undefined {
  if (known.length === 0 && typeof expected !== "number") return undefined;
  const name = column.group ? `${column.group}: ${column.label}` : column.label;
  const slots = new Map(tableRows(table).map((slot) => [tableCellId(table.id, slot.id, column.id), slot]));
  const labelOf = (id: string) => {
    const slot = slots.get(id)!;
    return slot.label ?? (typedLabel(figures, table.id, slot.id) || `dòng thêm ${slot.id.slice(1)}`);
  };
  const quoted = [
    ...(expected === "unreported" ? [`chỉ tiêu ${what}`] : []),
    ...unknown.map((id) => `«${labelOf(id)}»`),
  ];
  const sum = known.reduce((a, b) => a + b, 0);
  const totalCell = column.total !== undefined ? figures.get(column.total)?.cell : undefined;
  const cells = [totalCell, ...unknown.map((id) => figures.get(id)?.cell)].filter((c): c is string => !!c);
  // The total is named in the head when known, among the unknown figures when marked.
  const head = `Bảng «${table.title}», cột «${name}»${expected === "unreported" ? "" : ` (chỉ tiêu ${what}${typeof expected === "number" ? ` là ${n(expected)}` : ""})`}`;
  const checkId = `unreported:table:${table.id}:${column.id}`;
  if (typeof expected === "number" && difference(expected, known) < 0)
    return {
      severity: "error",
      checkId,
      cells,
      message: `${head}: các dòng đã có số liệu cộng được ${n(sum)}, đã lớn hơn tổng, lệch ${n(Math.abs(difference(expected, known)))} dù ${quoted.join(", ")} chưa có số liệu.`,
    };
  const knownText = known.length > 0 ? ` (các dòng đã có số liệu cộng được ${n(sum)})` : "";
  return {
    severity: "warning",
    checkId,
    cells,
    message: `${head}: ${quoted.join(", ")} chưa có số liệu, nên chưa kiểm tra được tổng${knownText}. Không coi là 0; khi có số liệu hãy nhập vào.`,
  };
}

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
    // «Chưa có số liệu» in the total or a cell: the sum is unknown (never read as 0), said so.
    const unknown = ids.filter((id) => numericOf(figures.get(id)) === "unreported");
    if (expected === "unreported" || unknown.length > 0) {
      const said = notReportedFinding(table, column, figures, what, expected, values, unknown);
      if (said)
        findings.push({
          ...said,
          ids: [...unknown, column.total, ...ids.filter((id) => !unknown.includes(id))],
        });
      continue;
    }
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
