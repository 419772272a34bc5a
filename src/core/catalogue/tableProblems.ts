/**
 * The rules of a catalogue's `tables` a schema cannot say (docs/catalogue-format.md, "Tables"):
 * unique ids (tables, their rows, their columns), row ids the extra rows take, the sheet and
 * section known, a sheet of tables holding no section, each column's total an indicator of
 * the table's kind, used by one column of the table only, and the defined names of the cells
 * distinct from each other and from the indicators'. Each problem with its JSON path.
 */
import { EXTRA_ROW_ID } from "./tables";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

export interface TableContext {
  /** Indicator id → its position in `indicators`. */
  indicatorIndex: ReadonlyMap<string, number>;
  sheetIndex: ReadonlyMap<string, number>;
  sectionIndex: ReadonlyMap<string, number>;
  /** Sheet keys that sections use. */
  sheetsOfSections: ReadonlySet<string>;
  /** A valid indicator kind, or undefined. */
  kindOf: (id: string) => string | undefined;
  add: (path: string, id: string | undefined, message: string) => void;
}

/** Problems of `data.tables`; returns the sheet keys the tables use. */
export function tableProblems(data: Obj, context: TableContext): Set<string> {
  const { indicatorIndex, sheetIndex, sectionIndex, sheetsOfSections, kindOf, add } = context;
  const sheetsUsed = new Set<string>();
  const tableIds = new Map<string, number>();
  // Defined names: an indicator `t_a_b_c` is CCHC_T_A_B_C, as is the cell c of row b of table a.
  const names = new Map<string, string>();
  list(data.indicators).forEach((item, i) => {
    const id = isObj(item) ? str(item.id) : undefined;
    if (id !== undefined) names.set(`CCHC_${id.toUpperCase()}`, `indicators[${i}]`);
  });
  list(data.tables).forEach((table, t) => {
    if (!isObj(table)) return;
    const at = `tables[${t}]`;
    const id = str(table.id);
    if (id !== undefined) {
      if (tableIds.has(id)) add(`${at}.id`, id, `Mã bảng "${id}" trùng với tables[${tableIds.get(id)}].`);
      else tableIds.set(id, t);
    }
    const sheet = str(table.sheet);
    if (sheet !== undefined) {
      sheetsUsed.add(sheet);
      if (!sheetIndex.has(sheet))
        add(`${at}.sheet`, id, `Bảng thuộc trang "${sheet}" không có trong sheets.`);
      else if (sheetsOfSections.has(sheet))
        add(
          `${at}.sheet`,
          id,
          `Trang "${sheet}" đã chứa các mục chỉ tiêu; bảng phải nằm trên một trang riêng (một trang chỉ gồm bảng).`,
        );
    }
    const section = str(table.section);
    if (section !== undefined && !sectionIndex.has(section))
      add(`${at}.section`, id, `Mục "${section}" của bảng không có trong sections.`);

    const rowIds = new Map<string, number>();
    list(table.rows).forEach((row, r) => {
      const rowId = isObj(row) ? str(row.id) : undefined;
      if (rowId === undefined) return;
      const path = `${at}.rows[${r}].id`;
      if (EXTRA_ROW_ID.test(rowId))
        add(path, rowId, `Mã dòng "${rowId}" dành cho các dòng đơn vị tự thêm (x1, x2 …); hãy đặt mã khác.`);
      if (rowIds.has(rowId))
        add(path, rowId, `Mã dòng "${rowId}" trùng với ${at}.rows[${rowIds.get(rowId)}].`);
      else rowIds.set(rowId, r);
    });
    const columnIds = new Map<string, number>();
    // Two tables may break one total down two ways (by field, by authority); one table not twice.
    const totals = new Map<string, string>();
    const kind = str(table.kind) ?? "count";
    list(table.columns).forEach((column, c) => {
      if (!isObj(column)) return;
      const columnId = str(column.id);
      const path = `${at}.columns[${c}]`;
      if (columnId !== undefined) {
        if (columnIds.has(columnId))
          add(
            `${path}.id`,
            columnId,
            `Mã cột "${columnId}" trùng với ${at}.columns[${columnIds.get(columnId)}].`,
          );
        else columnIds.set(columnId, c);
      }
      const total = str(column.total);
      if (total === undefined) return;
      if (!indicatorIndex.has(total))
        add(`${path}.total`, columnId, `Chỉ tiêu tổng "${total}" không có trong indicators.`);
      else if (kindOf(total) !== undefined && kindOf(total) !== kind)
        add(
          `${path}.total`,
          columnId,
          `Cột của bảng số "${kind}" phải cộng thành một chỉ tiêu "${kind}"; "${total}" là "${String(kindOf(total))}".`,
        );
      if (totals.has(total))
        add(`${path}.total`, columnId, `Chỉ tiêu "${total}" đã là tổng của ${totals.get(total)}.`);
      else totals.set(total, path);
      if (column.aggregate !== undefined)
        add(
          `${path}.aggregate`,
          columnId,
          `Cột có total tổng hợp theo kỳ như chỉ tiêu "${total}"; bỏ "aggregate" của cột.`,
        );
    });

    if (id === undefined) return;
    const extra = typeof table.extraRows === "number" ? table.extraRows : 0;
    const rowKeys = [
      ...[...rowIds.keys()].map((r) => [r, `${at}.rows[${rowIds.get(r)}]`]),
      ...Array.from({ length: extra }, (_, k) => [`x${k + 1}`, `${at}.extraRows`]),
    ];
    for (const [row, rowPath] of rowKeys) {
      const claim = (name: string) => {
        const other = names.get(name);
        if (other !== undefined && other !== rowPath)
          add(
            rowPath,
            id,
            `Tên ô ${name} của bảng trùng với tên ô của ${other}; hãy đổi mã bảng, dòng hoặc cột.`,
          );
        else names.set(name, rowPath);
      };
      if (rowPath.endsWith("extraRows")) claim(`CCHC_T_${id}_${row}`.toUpperCase());
      for (const column of columnIds.keys()) claim(`CCHC_T_${id}_${row}_${column}`.toUpperCase());
    }
  });
  return sheetsUsed;
}
