/**
 * The ExcelJS adapter's writing rules on small, hand-made plans: what `clear` clears and what it
 * leaves, page setup, where new sheets go, names replaced rather than added, 1904 workbooks.
 */
import * as path from "path";
import * as ExcelJS from "exceljs";
import type { SheetPlan } from "../../src/core/layout/model";
import { applySheets, excelStyle, isDateFormat, parseRange } from "../../src/xlsx/applySheets";
import { tablesOf } from "../../src/xlsx/excelJsFixes";
import { saveWorkbookFile } from "../../src/xlsx/files";
import { cellValue, sheetGrid } from "../../src/xlsx/readWorkbook";
import { makeTempDir, protectionOf, readBack, removeTempDir, validationsOf, zipPart } from "../support/xlsx";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("cchc-apply-");
});
afterAll(() => removeTempDir(dir));

function plan(overrides: Partial<SheetPlan> & Pick<SheetPlan, "key" | "name">): SheetPlan {
  return {
    role: "input",
    columns: [10, 20],
    font: { name: "Times New Roman", size: 12 },
    cells: [],
    merges: [],
    names: [],
    validations: [],
    protect: false,
    visibility: "visible",
    ...overrides,
  };
}

async function roundTrip(
  workbook: ExcelJS.Workbook,
  name: string,
): Promise<{ file: string; workbook: ExcelJS.Workbook }> {
  const file = path.join(dir, `${name}.xlsx`);
  await saveWorkbookFile(workbook, file, { overwrite: true });
  return { file, workbook: await readBack(file) };
}

describe("clear", () => {
  it("clears values, formats, merges and validation inside the range only, and keeps notes", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Trang");
    ws.getCell("A1").value = "cũ";
    ws.getCell("A1").font = { bold: true, color: { argb: "FFFF0000" } };
    ws.getCell("B2").value = 5;
    ws.getCell("B2").note = "ghi chú của người dùng";
    ws.mergeCells("A3:C3");
    ws.getCell("B4").dataValidation = { type: "whole", operator: "greaterThan", formulae: [0] };
    ws.getCell("D1").value = "ngoài vùng";
    ws.getCell("D1").font = { italic: true };
    ws.getCell("D2").dataValidation = { type: "whole", operator: "greaterThan", formulae: [0] };
    ws.getCell("A6").value = "dưới vùng";

    await applySheets(workbook, [
      plan({ key: "k", name: "Trang", clear: "A1:C5", cells: [{ address: "A1", value: "mới" }] }),
    ]);
    const { workbook: back } = await roundTrip(workbook, "clear");
    const sheet = back.getWorksheet("Trang")!;
    expect(sheetGrid(sheet, "values")).toEqual([
      ["mới", null, null, "ngoài vùng"],
      [],
      [],
      [],
      [],
      ["dưới vùng"],
    ]);
    expect(sheet.getCell("A1").font).toMatchObject({ name: "Times New Roman", size: 12 });
    expect(sheet.getCell("A1").font.bold).toBeUndefined();
    expect(sheet.getCell("D1").font).toMatchObject({ italic: true });
    expect(sheet.getCell("B2").note).toBe("ghi chú của người dùng");
    expect(sheet.model.merges).toEqual([]);
    expect(Object.keys(validationsOf(sheet))).toEqual(["D2"]);
  });

  it("keeps the cached result of a user's formula written back at the same cell", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Trang").getCell("B2").value = { formula: "SUM(1,2)", result: 3 };
    await applySheets(workbook, [
      plan({ key: "k", name: "Trang", clear: "A1:C5", cells: [{ address: "B2", formula: "=SUM(1,2)" }] }),
    ]);
    expect(workbook.getWorksheet("Trang")!.getCell("B2").value).toEqual({ formula: "SUM(1,2)", result: 3 });
  });
});

describe("values the file format cannot hold", () => {
  it("writes a non-finite cached figure or value as #NUM!, never as the text Infinity", async () => {
    const workbook = new ExcelJS.Workbook();
    await applySheets(workbook, [
      plan({
        key: "k",
        name: "Trang",
        cells: [
          { address: "A1", formula: "=CCHC.TYLE(1,0)", cached: Infinity },
          { address: "A2", value: Number.NaN },
        ],
      }),
    ]);
    const { file, workbook: back } = await roundTrip(workbook, "non-finite");
    expect(back.getWorksheet("Trang")!.getCell("A1").value).toEqual({
      formula: "CCHC.TYLE(1,0)",
      result: { error: "#NUM!" },
    });
    expect(back.getWorksheet("Trang")!.getCell("A2").value).toEqual({ error: "#NUM!" });
    expect(await zipPart(file, "xl/worksheets/sheet1.xml")).not.toMatch(/Infinity|NaN/);
  });
});

describe("sheets and names", () => {
  it("puts a new sheet next to its neighbours in the plan and keeps the others' order and the active tab", async () => {
    const workbook = new ExcelJS.Workbook();
    for (const name of ["Của tôi 1", "A", "Của tôi 2", "C", "Của tôi 3"]) workbook.addWorksheet(name);
    workbook.views = [
      { activeTab: 4, x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, visibility: "visible" },
    ];
    const report = await applySheets(workbook, [
      plan({ key: "a", name: "A" }),
      plan({ key: "b", name: "B" }),
      plan({ key: "c", name: "C" }),
    ]);
    expect(report.addedSheets).toEqual(["B"]);
    const { workbook: back } = await roundTrip(workbook, "order");
    expect(back.worksheets.map((w) => w.name)).toEqual([
      "Của tôi 1",
      "A",
      "B",
      "Của tôi 2",
      "C",
      "Của tôi 3",
    ]);
    expect(workbook.views[0].activeTab).toBe(5);
  });

  it("replaces a name's old definition (any case) instead of adding a second one", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Cũ");
    workbook.definedNames.add("'Cũ'!$A$1", "cchc_kh_tong");
    workbook.definedNames.add("'Cũ'!$B$1", "CuaToi");
    await applySheets(workbook, [
      plan({
        key: "k",
        name: "Mới",
        cells: [{ address: "D5", value: 1 }],
        names: [{ name: "CCHC_KH_TONG", address: "D5" }],
      }),
    ]);
    const { workbook: back } = await roundTrip(workbook, "names");
    expect(back.definedNames.model.map((n) => [n.name, n.ranges]).sort()).toEqual([
      ["CCHC_KH_TONG", ["'Mới'!$D$5"]],
      ["CuaToi", ["'Cũ'!$B$1"]],
    ]);
  });
});

describe("page setup", () => {
  it("writes A4, margins in inches, fit to one page wide, print area and titles, page numbers from page 2", async () => {
    const workbook = new ExcelJS.Workbook();
    await applySheets(workbook, [
      plan({
        key: "report1",
        name: "Phụ lục I",
        role: "report",
        cells: [{ address: "A1", value: "PHỤ LỤC I" }],
        page: {
          orientation: "landscape",
          marginsMm: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
          fitToWidth: true,
          printArea: "A1:E80",
          printTitleRows: "$9:$9",
          pageNumberTopCenterFromSecondPage: true,
        },
      }),
    ]);
    const { file, workbook: back } = await roundTrip(workbook, "page");
    const ws = back.getWorksheet("Phụ lục I")!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: "A1:E80",
      printTitlesRow: "9:9",
    });
    expect(ws.pageSetup.margins).toEqual({
      top: 0.7874,
      bottom: 0.7874,
      left: 1.1811,
      right: 0.5906,
      header: 0.3937,
      footer: 0.3937,
    });
    expect(ws.headerFooter).toMatchObject({ differentFirst: true, oddHeader: "&C&P" });
    const xml = await zipPart(file, "xl/workbook.xml");
    expect(xml).toContain("_xlnm.Print_Area");
    expect(xml).toContain("_xlnm.Print_Titles");
  });
});

describe("protection, table, styles", () => {
  it("protects without a password and allows resizing columns and rows", async () => {
    const workbook = new ExcelJS.Workbook();
    await applySheets(workbook, [
      plan({
        key: "k",
        name: "Khoá",
        protect: true,
        cells: [{ address: "A1", value: 1, style: { locked: false } }],
      }),
    ]);
    const { file, workbook: back } = await roundTrip(workbook, "protect");
    expect(protectionOf(back.getWorksheet("Khoá")!)).toMatchObject({
      sheet: true,
      formatColumns: true,
      formatRows: true,
    });
    expect(await zipPart(file, "xl/worksheets/sheet1.xml")).not.toMatch(/hashValue|password/);
  });

  it("keeps a user's table that already covers the plan's range", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("DS");
    ws.addTable({ name: "CuaToi", ref: "A3", columns: [{ name: "X" }, { name: "Y" }], rows: [[1, 2]] });
    const report = await applySheets(workbook, [
      plan({ key: "docs", name: "DS", role: "list", table: { name: "CCHC_VanBan", range: "A3:E4" } }),
    ]);
    expect(report).toMatchObject({ addedTables: [], keptTables: ["CuaToi"] });
    expect(Object.keys(tablesOf(ws))).toEqual(["CuaToi"]);
  });

  it("maps the plan's style onto ExcelJS's", () => {
    expect(
      excelStyle(
        {
          font: { bold: true, color: "#c00000" },
          fill: "#FFF2CC",
          align: "center",
          vAlign: "center",
          wrap: true,
          indent: 1,
          border: true,
          numberFormat: "0.00%",
          locked: false,
        },
        { name: "Times New Roman", size: 12 },
      ),
    ).toEqual({
      font: { name: "Times New Roman", size: 12, bold: true, color: { argb: "FFC00000" } },
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } },
      alignment: { horizontal: "center", vertical: "middle", wrapText: true, indent: 1 },
      border: {
        top: { style: "thin", color: { argb: "FF000000" } },
        left: { style: "thin", color: { argb: "FF000000" } },
        bottom: { style: "thin", color: { argb: "FF000000" } },
        right: { style: "thin", color: { argb: "FF000000" } },
      },
      numFmt: "0.00%",
      protection: { locked: false },
    });
  });
});

describe("dates", () => {
  it("tells date formats from number formats", () => {
    expect(["dd/mm/yyyy", "d-mmm-yy", "[$-vi-VN]dd/mm/yyyy", "mm:ss"].map(isDateFormat)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["0.00%", "#,##0", "@", '0" tháng"', undefined].map(isDateFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("stores the plan's 1900 serials correctly in a workbook using the 1904 date system", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    await applySheets(workbook, [
      plan({
        key: "k",
        name: "Mac",
        cells: [
          { address: "A1", value: 44383, style: { numberFormat: "dd/mm/yyyy" } },
          { address: "A2", value: 44383 },
        ],
        validations: [
          {
            range: "A1",
            rule: { type: "date", min: 36526, max: 73415 },
            error: { title: "t", message: "m" },
          },
        ],
      }),
    ]);
    const { file, workbook: back } = await roundTrip(workbook, "date1904");
    // 44383 is 6 July 2021 in the 1900 system; read back as the same day (and as a serial, unchanged).
    expect(back.getWorksheet("Mac")!.getCell("A1").value).toEqual(new Date(Date.UTC(2021, 6, 6)));
    expect(cellValue(back.getWorksheet("Mac")!.getCell("A1"))).toBe(44383);
    expect(back.getWorksheet("Mac")!.getCell("A2").value).toBe(44383);
    expect(await zipPart(file, "xl/worksheets/sheet1.xml")).toMatch(
      /<formula1>35064<\/formula1><formula2>71953<\/formula2>/,
    );
  });

  it("parses ranges and single cells", () => {
    expect(parseRange("C4:C504")).toEqual({ top: 4, left: 3, bottom: 504, right: 3 });
    expect(parseRange("$D$5")).toEqual({ top: 5, left: 4, bottom: 5, right: 4 });
  });
});
