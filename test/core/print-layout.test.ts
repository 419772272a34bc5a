/**
 * What the printed appendix needs from the pure planner: figures formatted with the decimals
 * they have, row heights that fit their text (no row taller than its lines, none clipped), and a
 * recipients block in which every printed line fits its width. The printed result itself is
 * read back from LibreOffice's PDF in test/libreoffice/report-pdf.test.ts.
 */
import { DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import { SAMPLE_DOCUMENTS, SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { figuresFromValues } from "../../src/core/figures";
import { planInstall } from "../../src/core/install";
import {
  columnPoints,
  INDENT_POINTS,
  oneLineHeight,
  textWidthEm,
  wrapInColumns,
  wrapText,
} from "../../src/core/layout/rowHeights";
import { parseAddress, type SheetPlan } from "../../src/core/layout/model";
import { figureFormat } from "../../src/core/layout/styles";
import { planReport } from "../../src/core/report/planReport";
import { documentsFromSample, workbookOf } from "../support/plans";

// The Đức Thọ sample, on the district form it was written for.
const installed = planInstall(
  { sheetNames: [], sheets: new Map() },
  { sample: true, catalogue: DISTRICT_CATALOGUE },
);
const figures = figuresFromValues(SAMPLE_FIGURES, DISTRICT_CATALOGUE, (i) => `'x'!${i.id}`);
const report = planReport(workbookOf(installed.sheets), {
  figures,
  documents: documentsFromSample(SAMPLE_DOCUMENTS),
  generatedAt: new Date(2021, 8, 15, 9, 30),
});
const table = report.sheets[0];

/** The row of the table whose label (column B) is `label`, the n-th such row. */
function rowOf(plan: SheetPlan, label: string, nth = 0): number {
  const rows = plan.cells.filter((c) => c.address.startsWith("B") && c.value === label);
  return parseAddress(rows[nth].address).row;
}

describe("figureFormat", () => {
  it.each([
    [190, "#,##0"],
    [1500, "#,##0"],
    [86_450_000, "#,##0"],
    [47.9, "#,##0.0"],
    [189.5, "#,##0.0"],
    [120.535, "#,##0.000"],
    [0.1 + 0.2, "#,##0.0"],
    [2.25, "#,##0.00"],
    [1.23456, "#,##0.000"],
    [0, "#,##0"],
  ])("%p shows as %p", (value, format) => {
    expect(figureFormat(value)).toBe(format);
  });

  it("gives the report's money figures their own decimals, and counts none", () => {
    const formatOf = (name: string) =>
      table.cells.find((c) => c.address === table.names.find((n) => n.name === name)!.address)!.style
        ?.numberFormat;
    expect(formatOf("BC_NS_KEHOACH")).toBe("#,##0");
    expect(formatOf("BC_DAUTU_KEHOACH")).toBe("#,##0");
    expect(formatOf("BC_DN_NOPNS")).toBe("#,##0.0");
    expect(formatOf("BC_NS_THU")).toBe("#,##0.0");
    expect(formatOf("BC_DN_NOPNS_KEHOACH")).toBe("#,##0.000");
    expect(formatOf("BC_VPHC_TIEN")).toBe("#,##0");
    expect(formatOf("BC_HS_TONG")).toBe("#,##0");
    expect(formatOf("BC_KH_TYLE")).toBe("0.00%");
  });
});

describe("text measurement", () => {
  it("knows Times New Roman's widths: digits half an em, a space a quarter", () => {
    expect(textWidthEm("0000")).toBe(2);
    expect(textWidthEm("1 2")).toBe(1.25);
    expect(textWidthEm("Đơn vị")).toBeGreaterThan(textWidthEm("đơn vị"));
    // The font's own advance widths: «CCHC» bold 2.944 em (C 0.722, H 0.778), regular 2.723 (0.667, 0.722).
    expect(textWidthEm("CCHC", true)).toBeCloseTo(2.944, 12);
    expect(textWidthEm("CCHC")).toBeCloseTo(2.723, 12);
    // A Vietnamese letter is as wide as its base, the horned ones a little wider.
    expect(textWidthEm("ố")).toBe(textWidthEm("o"));
    expect(textWidthEm("ư")).toBeGreaterThan(textWidthEm("u"));
    expect(columnPoints(10)).toBe(56.25);
  });

  it("wraps word by word in the width, keeping line breaks", () => {
    expect(wrapText("một hai ba", 500, 12)).toEqual(["một hai ba"]);
    expect(wrapText("một hai ba", 40, 12)).toEqual(["một", "hai ba"]);
    expect(wrapText("một\nhai", 500, 12)).toEqual(["một", "hai"]);
    expect(wrapText("0000000000000000", 40, 12).join("")).toBe("0000000000000000");
  });
});

describe("row heights of Phụ lục I", () => {
  const heights = table.rowHeights ?? {};

  it("gives one-line rows one line's height (rows 9.1 and its Kế hoạch năm, 1.5, 7.4)", () => {
    for (const [label, nth] of [
      ["Số doanh nghiệp thành lập mới", 0],
      ["Kế hoạch năm", 0],
      ["Kế hoạch năm", 1],
      ["Kế hoạch năm", 2],
      ["Kế hoạch năm", 3],
      ["Số cơ quan, đơn vị được kiểm tra CCHC", 0],
      ["Tỷ lệ hồ sơ trực tuyến", 0],
    ] as const) {
      expect([label, nth, heights[rowOf(table, label, nth)]]).toEqual([label, nth, oneLineHeight(12)]);
    }
  });

  it("gives a row exactly the lines of its longest text, never more", () => {
    const tallest = new Map<number, number>();
    for (const cell of table.cells.filter((c) => typeof c.value === "string" && c.style?.wrap)) {
      const { row, column } = parseAddress(cell.address);
      const merge = table.merges.find((m) => m.startsWith(`${cell.address}:`));
      const last = merge ? parseAddress(merge.split(":")[1]).column : column;
      const size = cell.style?.font?.size ?? table.font.size;
      let width = -(cell.style?.indent ?? 0) * INDENT_POINTS;
      for (let c = column; c <= last; c++) width += columnPoints(table.columns[c - 1]);
      const lines = wrapText(String(cell.value), width, size, !!cell.style?.font?.bold).length;
      const height = lines === 1 ? oneLineHeight(size) : lines * Math.ceil(size * 1.17 + 1) + 3;
      tallest.set(row, Math.max(tallest.get(row) ?? 0, height));
    }
    for (const cell of table.cells.filter((c) => c.value !== null && c.value !== undefined)) {
      const { row } = parseAddress(cell.address);
      const size = cell.style?.font?.size ?? table.font.size;
      tallest.set(row, Math.max(tallest.get(row) ?? 0, oneLineHeight(size)));
    }
    for (const [row, height] of Object.entries(heights)) {
      expect([Number(row), height]).toEqual([Number(row), tallest.get(Number(row))]);
    }
    // The long labels of 6.4 and 7.5 take two lines in the label column, so two lines' height.
    expect(heights[rowOf(table, "Đơn vị sự nghiệp công lập được giao tự chủ tài chính")]).toBe(35);
  });
});

describe("the recipients block", () => {
  it("lists every recipient, each printed line within the width of its two columns", () => {
    const first = table.cells.find((c) => c.value === "Nơi nhận:")!;
    const start = parseAddress(first.address).row + 1;
    const lines = table.cells
      .filter((c) => c.address.startsWith("A") && parseAddress(c.address).row >= start)
      .filter((c) => typeof c.value === "string")
      .map((c) => String(c.value));
    for (const line of lines) expect([line, wrapInColumns(table, 1, 2, line, 11).length]).toEqual([line, 1]);
    const joined = lines.join(" ").replace(/\s+/g, " ");
    expect(joined).toContain("- Sở Nội vụ, Sở Tư pháp, Sở Thông tin và Truyền");
    expect(joined.replace(/\s+/g, "")).toContain(
      "-SởNộivụ,SởTưpháp,SởThôngtinvàTruyềnthông,SởTàichính,SởKhoahọcvàCôngnghệ;",
    );
    expect(lines.at(-1)).toBe("- Lưu: VT, TC-NV.");
  });
});
