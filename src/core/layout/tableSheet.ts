/**
 * An input sheet of tables (docs/catalogue-format.md, "Tables"), derived from the catalogue:
 * per table its title, a two-row header (column groups over their columns), one row per row of
 * the form then the unit's extra rows (their label typed), a «Cộng» row summing each column and
 * a «Chỉ tiêu» row showing the indicator the column must sum to. Column A holds the row's key
 * (`<table>.<row>`), which an upgrade carries typed figures by, as on the other input sheets.
 */
import {
  inputName,
  tableCellId,
  tableLabelId,
  tableRows,
  type Catalogue,
  type InputSheetDef,
  type TableDef,
} from "../catalogue";
import { NOT_REPORTED } from "../arithmetic";
import type { InitialValues } from "./inputSheets";
import {
  address,
  columnLetter,
  parseAddress,
  type CellPlan,
  type SheetPlan,
  type ValidationPlan,
} from "./model";
import { fitRowHeights } from "./rowHeights";
import * as S from "./styles";

/** The first column of a table's figures (A holds the row key, B the label). */
export const TABLE_FIRST_COLUMN = 3;
const KEY_WIDTH = 14;
const LABEL_WIDTH = 34;
const FIGURE_WIDTH = 12;

/** The tables a sheet holds, in catalogue order. */
export function tablesOfSheet(catalogue: Catalogue, sheet: string): TableDef[] {
  return (catalogue.tables ?? []).filter((t) => t.sheet === sheet);
}

/**
 * A table cell takes a figure of the table's kind or «chưa có số liệu» (a figure the source did
 * not give: unknown, never 0), as an indicator's cell does (inputSheets.validationOf).
 */
function validationOf(table: TableDef, range: string): ValidationPlan {
  const money = table.kind === "money";
  return {
    range,
    rule: { type: "figureOrText", whole: !money, min: 0, text: NOT_REPORTED },
    prompt: {
      title: table.title.slice(0, 32),
      message:
        `Nhập ${money ? "số" : "số nguyên"} không âm (${table.unit}), hoặc «${NOT_REPORTED}»; để trống nếu không có.`.slice(
          0,
          255,
        ),
    },
    error: {
      title: "Số liệu không hợp lệ",
      message: `Chỉ nhập ${money ? "số" : "số nguyên"} lớn hơn hoặc bằng 0, hoặc «${NOT_REPORTED}» nếu nguồn không có số liệu.`,
    },
  };
}

/** The cells of one table from `top`; returns the next free row. */
function layTable(
  table: TableDef,
  top: number,
  initial: InitialValues,
  out: Pick<SheetPlan, "cells" | "merges" | "names" | "validations"> & { heights: Record<number, number> },
): number {
  const { cells, merges, names, validations, heights } = out;
  const last = TABLE_FIRST_COLUMN + table.columns.length - 1;
  const lastLetter = columnLetter(last);
  let row = top;
  cells.push({
    address: `A${row}`,
    value: `${table.title} (đơn vị tính: ${table.unit})`,
    style: S.sectionRow,
  });
  merges.push(`A${row}:${lastLetter}${row}`);
  heights[row] = 30;
  row++;

  // Header: "Mã" and the label column span both rows; a group spans its columns on the first.
  const groupRow = row;
  const labelRow = row + 1;
  heights[labelRow] = 45;
  cells.push({ address: `A${groupRow}`, value: "Mã", style: S.header });
  cells.push({ address: `A${labelRow}`, value: null, style: S.header });
  merges.push(`A${groupRow}:A${labelRow}`);
  cells.push({ address: `B${groupRow}`, value: table.rowHeading ?? "Nội dung", style: S.header });
  cells.push({ address: `B${labelRow}`, value: null, style: S.header });
  merges.push(`B${groupRow}:B${labelRow}`);
  table.columns.forEach((column, i) => {
    const c = TABLE_FIRST_COLUMN + i;
    const previous = table.columns[i - 1];
    if (column.group === undefined) {
      cells.push({ address: address(c, groupRow), value: column.label, style: S.header });
      cells.push({ address: address(c, labelRow), value: null, style: S.header });
      merges.push(`${address(c, groupRow)}:${address(c, labelRow)}`);
      return;
    }
    cells.push({ address: address(c, labelRow), value: column.label, style: S.header });
    if (previous?.group === column.group) {
      cells.push({ address: address(c, groupRow), value: null, style: S.header });
      return;
    }
    let end = i;
    while (table.columns[end + 1]?.group === column.group) end++;
    cells.push({ address: address(c, groupRow), value: column.group, style: S.header });
    if (end > i) merges.push(`${address(c, groupRow)}:${address(TABLE_FIRST_COLUMN + end, groupRow)}`);
  });
  row = labelRow + 1;

  const first = row;
  for (const slot of tableRows(table)) {
    const key = tableLabelId(table.id, slot.id);
    cells.push({ address: `A${row}`, value: key, style: S.code });
    if (slot.extra) {
      cells.push({
        address: `B${row}`,
        value: initial[key] ?? null,
        style: { ...S.label, fill: S.INPUT_FILL, locked: false, numberFormat: "@" },
        keepKey: key,
      });
      names.push({ name: inputName(key), address: `B${row}` });
    } else cells.push({ address: `B${row}`, value: slot.label ?? "", style: S.label });
    table.columns.forEach((column, i) => {
      const id = tableCellId(table.id, slot.id, column.id);
      const at = address(TABLE_FIRST_COLUMN + i, row);
      cells.push({
        address: at,
        value: initial[id] ?? null,
        style: {
          font: { size: 12 },
          border: true,
          align: "right",
          vAlign: "center",
          numberFormat: S.COUNT_FORMAT,
          fill: S.INPUT_FILL,
          locked: false,
        },
        keepKey: key,
      });
      names.push({ name: inputName(id), address: at });
    });
    row++;
  }
  const lastData = row - 1;
  validations.push(
    validationOf(table, `${columnLetter(TABLE_FIRST_COLUMN)}${first}:${lastLetter}${lastData}`),
  );

  // «Cộng»: each column's sum; «Chỉ tiêu»: the indicator it must equal (check names a difference).
  const computed: CellPlan["style"] = {
    font: { size: 12, bold: true },
    border: true,
    align: "right",
    vAlign: "center",
    numberFormat: S.COUNT_FORMAT,
    fill: S.FORMULA_FILL,
  };
  cells.push({ address: `A${row}`, value: null, style: S.code });
  cells.push({ address: `B${row}`, value: "Cộng", style: { ...S.label, font: { size: 12, bold: true } } });
  cells.push({ address: `A${row + 1}`, value: null, style: S.code });
  cells.push({
    address: `B${row + 1}`,
    value: "Chỉ tiêu tổng (phải bằng dòng Cộng)",
    style: { ...S.label, font: { size: 11, italic: true } },
  });
  table.columns.forEach((column, i) => {
    const letter = columnLetter(TABLE_FIRST_COLUMN + i);
    cells.push({
      address: `${letter}${row}`,
      // Blank while the column is, as the core's columnSum and the other computed rows are: a
      // bare SUM would show 0 over a column nobody has typed in yet.
      formula: `=IF(COUNT(${letter}${first}:${letter}${lastData})=0,"",SUM(${letter}${first}:${letter}${lastData}))`,
      computes: {
        type: "tableSum",
        ids: tableRows(table).map((slot) => tableCellId(table.id, slot.id, column.id)),
      },
      style: computed,
    });
    cells.push(
      column.total !== undefined
        ? {
            address: `${letter}${row + 1}`,
            formula: `=IF(ISBLANK(${inputName(column.total)}),"",${inputName(column.total)})`,
            computes: { type: "indicator", id: column.total },
            style: { ...computed, font: { size: 11, italic: true } },
          }
        : { address: `${letter}${row + 1}`, value: null, style: { ...computed, font: { size: 11 } } },
    );
  });
  return row + 3;
}

/** The width in columns of a sheet of tables: the widest table's. */
function widthOf(tables: readonly TableDef[]): number {
  return TABLE_FIRST_COLUMN - 1 + Math.max(1, ...tables.map((t) => t.columns.length));
}

/** An input sheet holding the tables of `sheet` (a sheet of tables holds no section). */
export function tableSheetPlan(
  sheet: InputSheetDef,
  catalogue: Catalogue,
  initial: InitialValues = {},
): SheetPlan {
  const tables = tablesOfSheet(catalogue, sheet.key);
  const width = widthOf(tables);
  const lastLetter = columnLetter(width);
  const out = {
    cells: [] as CellPlan[],
    merges: [`A1:${lastLetter}1`, `A2:${lastLetter}2`],
    names: [] as SheetPlan["names"],
    validations: [] as ValidationPlan[],
    heights: { 1: 30, 2: 32 } as Record<number, number>,
  };
  out.cells.push({ address: "A1", value: sheet.title, style: S.title });
  out.cells.push({
    address: "A2",
    value:
      "Nhập số liệu vào các ô nền vàng, mỗi dòng một lĩnh vực (hoặc một nhóm); dòng thêm ở cuối bảng: ghi tên rồi nhập số. Dòng «Cộng» phải bằng dòng chỉ tiêu tổng bên dưới.",
    style: S.hint,
  });
  let row = 4;
  for (const table of tables) row = layTable(table, row, initial, out);
  // A long label (a deciding authority) wraps: its row is made tall enough to show it whole.
  return fitRowHeights({
    key: sheet.key,
    name: sheet.name,
    role: "input",
    columns: [KEY_WIDTH, LABEL_WIDTH, ...Array.from({ length: width - 2 }, () => FIGURE_WIDTH)],
    rowHeights: out.heights,
    font: { name: S.FONT, size: 12 },
    cells: out.cells,
    merges: out.merges,
    names: out.names,
    validations: out.validations,
    protect: true,
    freeze: { rows: 0, columns: 2 },
    visibility: "visible",
    clear: `A1:${columnLetter(Math.max(width, 10) + 5)}${Math.max(row + 20, 200)}`,
    tabColor: "#548235",
  });
}

/**
 * Carries a user's typed table cells into a new plan of the same sheet by their defined names
 * (the identity of a cell: a name keeps pointing at its cell whatever rows or columns were
 * inserted), so that a form's new version may add, drop or reorder rows and columns and every
 * figure stays with its own row and column. A cell holding one of our own formulas is written
 * again; a user's own formula is kept as a formula. Returns how many non-empty cells were kept,
 * or undefined when the old sheet has none of the plan's names (the caller then carries by the
 * row keys of column A, as on the other input sheets).
 */
export function carryTableCells(
  plan: SheetPlan,
  old: { name: string; cells: ReadonlyArray<ReadonlyArray<unknown>> },
  names: ReadonlyMap<string, string> | undefined,
  isOwnFormula: (formula: string) => boolean,
  parseRef: (ref: string) => { sheet: string; address: string } | undefined,
  sameSheet: (a: string, b: string) => boolean,
): number | undefined {
  const cells = new Map(plan.cells.map((c) => [c.address, c]));
  const found: Array<{ cell: CellPlan; value: unknown }> = [];
  for (const name of plan.names) {
    const ref = names?.get(name.name.toUpperCase());
    const target = ref ? parseRef(ref) : undefined;
    if (!target || !sameSheet(target.sheet, old.name)) continue;
    const { row, column } = parseAddress(target.address);
    found.push({ cell: cells.get(name.address)!, value: old.cells[row - 1]?.[column - 1] });
  }
  if (found.length === 0) return undefined;
  let kept = 0;
  for (const { cell, value } of found) {
    if (!cell) continue;
    delete cell.formula;
    if (typeof value === "string" && value.startsWith("=")) {
      if (isOwnFormula(value)) continue;
      delete cell.value;
      cell.formula = value;
    } else cell.value = value === undefined || value === "" ? null : (value as CellPlan["value"]);
    if (value !== null && value !== undefined && value !== "") kept++;
  }
  return kept;
}
