/**
 * A catalogue table printed as an appendix of its own (docs/catalogue-format.md, "Tables"):
 * «Phụ lục I.1», «Phụ lục I.2» … after Phụ lục I, under the same document header (issuing body,
 * national title, number and date, title with the period, data period), a two-row header (column
 * groups over their columns), one row per row of the form and per extra row the unit used, and a
 * «Tổng cộng» row. Landscape when wide; rows fitted with the print fonts' metrics, as Phụ lục I.
 */
import { columnLetter, type CellPlan, type CellStyle, type PagePlan, type SheetPlan } from "../layout/model";
import { planPageBreaks } from "../layout/pageBreaks";
import { fitRowHeights } from "../layout/rowHeights";
import * as S from "../layout/styles";
import { tableTyped, tableView } from "../tables/figures";
import type { TableDef } from "../catalogue";
import { documentHeader, PORTRAIT_WIDTH, type Grid, type ReportInput } from "./appendices";

/** STT, the row label, then the figures. */
const STT_WIDTH = 5;
const LABEL_WIDTH = 30;
const FIGURE_WIDTH = 10;
/** The label column of a portrait table appendix: Phụ lục I's «Chỉ tiêu» column. */
const PORTRAIT_LABEL_WIDTH = 44;
/** More figure columns than this print on a landscape page. */
const PORTRAIT_COLUMNS = 5;
/**
 * The widths a landscape A4 page holds at 100 % within the margins (about 252 mm): ten figure
 * columns. A landscape table with fewer widens its figure columns to it, else the header's
 * right block («CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM») and the title wrap on a page half empty.
 */
const LANDSCAPE_WIDTH = STT_WIDTH + LABEL_WIDTH + 10 * FIGURE_WIDTH;

/** The report sheet of the `index`-th table (0-based): key and name. */
export function tableReportSheet(table: TableDef, index: number): { key: string; name: string } {
  return { key: `report_t_${table.id}`, name: `Phụ lục I.${index + 1}` };
}

/** The sheet names the table appendices may take (an adapter reads them before planning). */
export const TABLE_REPORT_NAMES = Array.from({ length: 9 }, (_, i) => `Phụ lục I.${i + 1}`);

const cellStyle = (extra: CellStyle = {}): CellStyle => ({
  font: { size: 12, ...extra.font },
  border: true,
  vAlign: "center",
  wrap: true,
  ...extra,
});

/** The appendix of one table over a workbook's figures. */
export function tableAppendixPlan(input: ReportInput, table: TableDef, index: number): SheetPlan {
  const { key, name } = tableReportSheet(table, index);
  const landscape = table.columns.length > PORTRAIT_COLUMNS;
  // Figure columns share the page's width (Phụ lục I's when portrait), never narrower than 10.
  const pageWidth = landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH;
  // Portrait, the label column is Phụ lục I's, so the header splits as Phụ lục I's does.
  const labelWidth = landscape ? LABEL_WIDTH : PORTRAIT_LABEL_WIDTH;
  const figureWidth = Math.max(FIGURE_WIDTH, (pageWidth - STT_WIDTH - labelWidth) / table.columns.length);
  const columns = [STT_WIDTH, labelWidth, ...table.columns.map(() => figureWidth)];
  const last = columnLetter(columns.length);
  // The header's left block spans a little under half the width (the issuing body on its lines),
  // leaving the motto's block the room of «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» on one line.
  let leftEnd = 2;
  const left = columns.reduce((a, b) => a + b, 0) * 0.45;
  for (let sum = STT_WIDTH + labelWidth; leftEnd < columns.length - 1 && sum < left;)
    sum += columns[leftEnd++];
  const grid: Grid = { columns, leftEnd: columnLetter(leftEnd), last };
  const cells: CellPlan[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const title = `${table.title.toLocaleUpperCase("vi")}`;
  let row = documentHeader(cells, merges, rowHeights, input, grid, name, title);

  const header = { ...S.header, fill: undefined };
  const groupRow = row;
  const labelRow = row + 1;
  const both = (column: number, value: string) => {
    const letter = columnLetter(column);
    cells.push({ address: `${letter}${groupRow}`, value, style: header });
    cells.push({ address: `${letter}${labelRow}`, value: null, style: header });
    merges.push(`${letter}${groupRow}:${letter}${labelRow}`);
  };
  both(1, "STT");
  both(2, `${table.rowHeading ?? "Nội dung"} (đơn vị tính: ${table.unit})`);
  table.columns.forEach((column, i) => {
    const c = 3 + i;
    if (column.group === undefined) return both(c, column.label);
    cells.push({ address: `${columnLetter(c)}${labelRow}`, value: column.label, style: header });
    if (table.columns[i - 1]?.group === column.group) {
      cells.push({ address: `${columnLetter(c)}${groupRow}`, value: null, style: header });
      return;
    }
    let end = i;
    while (table.columns[end + 1]?.group === column.group) end++;
    cells.push({ address: `${columnLetter(c)}${groupRow}`, value: column.group, style: header });
    if (end > i) merges.push(`${columnLetter(c)}${groupRow}:${columnLetter(3 + end)}${groupRow}`);
  });
  row = labelRow + 1;

  const view = tableView(table, input.figures);
  const figure = (value: number | "", bold = false): CellStyle =>
    cellStyle({
      align: "right",
      font: { size: 12, bold },
      ...(typeof value === "number" ? { numberFormat: S.figureFormat(value) } : {}),
    });
  view.rows.forEach((line, k) => {
    cells.push({ address: `A${row}`, value: k + 1, style: cellStyle({ align: "center" }) });
    cells.push({
      address: `B${row}`,
      value: line.label,
      style: cellStyle({ font: { size: 12, italic: line.extra } }),
    });
    line.values.forEach((value, i) =>
      cells.push({
        address: `${columnLetter(3 + i)}${row}`,
        value: value === "" ? null : value,
        style: figure(value),
      }),
    );
    row++;
  });
  cells.push({ address: `A${row}`, value: null, style: cellStyle() });
  cells.push({
    address: `B${row}`,
    value: "Tổng cộng",
    style: cellStyle({ font: { size: 12, bold: true } }),
  });
  view.sums.forEach((value, i) =>
    cells.push({
      address: `${columnLetter(3 + i)}${row}`,
      value: value === "" ? null : value,
      style: figure(value, true),
    }),
  );
  const lastRow = row;

  const page: PagePlan = {
    orientation: landscape ? "landscape" : "portrait",
    marginsMm: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
    fitToWidth: true,
    printArea: `A1:${last}${lastRow}`,
    printTitleRows: `$${groupRow}:$${labelRow}`,
    pageNumberTopCenterFromSecondPage: true,
  };
  const plan = fitRowHeights(
    {
      key,
      name,
      role: "report",
      columns,
      rowHeights,
      font: { name: S.FONT, size: 12 },
      cells,
      merges,
      names: [],
      validations: [],
      protect: false,
      page,
      visibility: "visible",
      clear: `A1:${columnLetter(Math.max(columns.length + 5, 10))}${Math.max(lastRow + 50, 200)}`,
      tabColor: "#C00000",
    },
    { everyRow: true },
  );
  return planPageBreaks(plan, labelRow, lastRow);
}

/**
 * The appendices of the workbook's tables, in catalogue order: a table someone typed in prints; an
 * untouched one does not (an empty appendix is nothing to sign), except that the appendix of an
 * earlier report (its sheet key in `earlier`) is kept, emptied and hidden, as Phụ lục II is.
 */
export function tableAppendixPlans(
  input: ReportInput,
  earlier: ReadonlySet<string> = new Set(),
): SheetPlan[] {
  return (input.catalogue.tables ?? []).flatMap((table, i) => {
    const { key } = tableReportSheet(table, i);
    if (tableTyped(table, input.figures)) return [tableAppendixPlan(input, table, i)];
    return earlier.has(key)
      ? [{ ...tableAppendixPlan(input, table, i), visibility: "veryHidden" as const }]
      : [];
  });
}
