/**
 * The sheet of figures whose ids a newer version of the catalogue dropped: an upgrade never
 * discards a typed figure (docs/catalogue-format.md), so it stays visible here with its id, label,
 * value and note. A later upgrade adds to the rows already there.
 */
import type { CellPlan, SheetPlan } from "./model";
import * as S from "./styles";

export const DROPPED_SHEET = { key: "dropped", name: "Chỉ tiêu đã bỏ" } as const;
export const DROPPED_HEADER_ROW = 3;
const HEADERS = ["Mã chỉ tiêu", "Chỉ tiêu", "Số liệu đã nhập", "Ghi chú", "Phiên bản bỏ chỉ tiêu"];

/** A figure of a dropped id. */
export interface DroppedFigure {
  id: string;
  label: string;
  value: CellPlan["value"];
  note: CellPlan["value"];
  /** The catalogue version that still had it. */
  fromVersion: string;
}

/** The rows under the header of an existing dropped sheet, as figures. */
export function droppedRowsOf(cells: ReadonlyArray<ReadonlyArray<unknown>> | undefined): DroppedFigure[] {
  const rows: DroppedFigure[] = [];
  (cells ?? []).slice(DROPPED_HEADER_ROW).forEach((row) => {
    const id = row[0];
    if (typeof id !== "string" || !id.trim()) return;
    rows.push({
      id: id.trim(),
      label: String(row[1] ?? ""),
      value: (row[2] ?? null) as CellPlan["value"],
      note: (row[3] ?? null) as CellPlan["value"],
      fromVersion: String(row[4] ?? ""),
    });
  });
  return rows;
}

/** The sheet listing the dropped figures (visible, unprotected: they are the user's). */
export function droppedSheetPlan(rows: readonly DroppedFigure[]): SheetPlan {
  const cells: CellPlan[] = [
    { address: "A1", value: "SỐ LIỆU CỦA CÁC CHỈ TIÊU KHÔNG CÒN TRONG DANH MỤC", style: S.title },
    {
      address: "A2",
      value:
        "Phiên bản mới của danh mục bỏ các chỉ tiêu này; số liệu đã nhập được giữ lại ở đây để đối chiếu.",
      style: S.hint,
    },
    ...HEADERS.map((value, i) => ({
      address: `${String.fromCharCode(65 + i)}${DROPPED_HEADER_ROW}`,
      value,
      style: S.header,
    })),
  ];
  rows.forEach((r, i) => {
    const row = DROPPED_HEADER_ROW + 1 + i;
    cells.push(
      { address: `A${row}`, value: r.id, style: S.label },
      { address: `B${row}`, value: r.label, style: S.label },
      { address: `C${row}`, value: r.value, style: S.label },
      { address: `D${row}`, value: r.note, style: S.label },
      { address: `E${row}`, value: r.fromVersion, style: S.label },
    );
  });
  return {
    key: DROPPED_SHEET.key,
    name: DROPPED_SHEET.name,
    role: "list",
    columns: [22, 60, 18, 34, 16],
    font: { name: "Times New Roman", size: 12 },
    cells,
    merges: [],
    names: [],
    validations: [],
    protect: false,
    visibility: "visible",
    clear: `A1:E${DROPPED_HEADER_ROW + rows.length + 50}`,
  };
}
