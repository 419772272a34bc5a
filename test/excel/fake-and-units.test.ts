import { DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import {
  applySheets,
  columnWidthPoints,
  contentRuns,
  entryOf,
  mmToPoints,
  styleRuns,
  validationRule,
} from "../../src/excel/applySheets";
import {
  ALL_CAPABILITIES,
  canRun,
  detectCapabilities,
  missingCapabilitiesMessage,
} from "../../src/excel/capabilities";
import { installSheets } from "../../src/excel/installSheets";
import { gridFromA1 } from "../../src/excel/readSheets";
import { normalizeRef, splitRef } from "../../src/excel/refs";
import type { SheetPlan } from "../../src/core/layout/model";
import { FakeWorkbook } from "../fakes/fakeExcel";
import { installedWorkbook, namedSnapshot, typeSampleFigures } from "./support";

describe("the fake Excel behaves like Excel where the adapter depends on it", () => {
  it("queues commands until sync, and counts syncs", async () => {
    const book = new FakeWorkbook();
    const context = book.context();
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [[5]];
    expect(book.valueOf("'Sheet1'!A1")).toBe("");
    await context.sync();
    expect(book.valueOf("'Sheet1'!A1")).toBe(5);
    expect([context.syncs, book.totalSyncs]).toEqual([1, 1]);
  });

  it("refuses to read a property that was not loaded, or loaded but not synced", async () => {
    const book = new FakeWorkbook();
    const context = book.context();
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
    expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
    range.load("values");
    expect(() => range.values).toThrow(/not available/);
    await context.sync();
    expect(range.values).toEqual([
      ["", ""],
      ["", ""],
    ]);
    expect(() => range.formulas).toThrow(/not available/);
  });

  it("knows isNullObject only after a sync, and makes the children of a null object null", async () => {
    const book = new FakeWorkbook();
    const context = book.context();
    const missing = context.workbook.worksheets.getItemOrNullObject("Không có");
    const used = missing.getUsedRangeOrNullObject(true);
    used.load("address");
    expect(() => missing.isNullObject).toThrow(/not available/);
    await context.sync();
    expect([missing.isNullObject, used.isNullObject]).toEqual([true, true]);
    expect(() => used.address).toThrow(/null object/);
  });

  it("refuses duplicate sheets and names, and getItem of a missing one", async () => {
    const book = new FakeWorkbook();
    let context = book.context();
    context.workbook.worksheets.add("sheet1");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    context = book.context();
    const cell = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
    context.workbook.names.add("CCHC_X", cell);
    context.workbook.names.add("cchc_x", cell);
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(book.names.has("cchc_x")).toBe(true); // the first add was applied, as in Excel
    context = book.context();
    context.workbook.names.getItem("CCHC_Y").delete();
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("throws when a locked cell of a protected sheet is written, and when a sheet is protected twice", async () => {
    const book = new FakeWorkbook();
    let context = book.context();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("B2").format.protection.locked = false;
    sheet.protection.protect();
    sheet.getRange("B2").formulas = [[1]]; // unlocked: allowed
    await context.sync();
    expect(book.valueOf("'Sheet1'!B2")).toBe(1);
    context = book.context();
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [[1]];
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    context = book.context();
    context.workbook.worksheets.getItem("Sheet1").getRange("B2").format.fill.color = "#FF0000";
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    context = book.context();
    context.workbook.worksheets.getItem("Sheet1").protection.protect();
    await expect(context.sync()).rejects.toThrow(/already protected/);
  });

  it("parses entered text as Excel does", async () => {
    const book = new FakeWorkbook();
    const context = book.context();
    context.workbook.worksheets.getItem("Sheet1").getRange("A1:F1").formulas = [
      ["- nhãn", "'- nhãn", "0912", "'0912", "=A1", "TRUE"],
    ];
    await context.sync();
    expect(["A1", "B1", "C1", "D1", "E1", "F1"].map((a) => book.formulaOf(`'Sheet1'!${a}`))).toEqual([
      "=- nhãn",
      "- nhãn",
      912,
      "0912",
      "=A1",
      true,
    ]);
  });

  it("makes run() fail when a batch ends with commands never synced", async () => {
    const book = new FakeWorkbook();
    const run = book.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [[1]];
    });
    await expect(run).rejects.toThrow(/never synced/);
  });
});

describe("adapter helpers", () => {
  it("converts column widths from characters to points and margins from mm", () => {
    expect(columnWidthPoints(16)).toBe(87.75);
    expect(columnWidthPoints(8.43)).toBeCloseTo(48, 0); // Excel's default column: 64 px = 48 pt
    expect(mmToPoints(25.4)).toBe(72);
    expect(mmToPoints(20)).toBe(56.69);
  });

  it("enters text that Excel would turn into a formula, number or date with an apostrophe", () => {
    expect(
      ["- Có mặt", "+1", "=x", "0912", "1/2", "12%", "TRUE", "#N/A", "Quý III", "…/BC-UBND", 5, null].map(
        (v) => entryOf(v),
      ),
    ).toEqual([
      "'- Có mặt",
      "'+1",
      "'=x",
      "'0912",
      "'1/2",
      "'12%",
      "'TRUE",
      "'#N/A",
      "Quý III",
      "…/BC-UBND",
      5,
      "",
    ]);
    expect(entryOf("0912", "@")).toBe("0912");
  });

  it("groups cells of one style into rectangles and content into row runs", () => {
    const a = { font: { bold: true } };
    const b = { fill: "#FFF2CC" };
    const cells = [
      { address: "A1", style: a },
      { address: "B1", style: a },
      { address: "A2", style: b },
      { address: "A3", style: b },
      { address: "B2", style: b },
      { address: "B3", style: b },
      { address: "C5", value: 1 },
    ];
    expect(styleRuns(cells).map((r) => [r.box, r.style])).toEqual([
      [{ top: 1, bottom: 1, left: 1, right: 2 }, a],
      [{ top: 2, bottom: 3, left: 1, right: 2 }, b],
      [{ top: 5, bottom: 5, left: 3, right: 3 }, {}],
    ]);
    expect(contentRuns(cells)).toEqual([
      { row: 1, left: 1, entries: ["", ""] },
      { row: 2, left: 1, entries: ["", ""] },
      { row: 3, left: 1, entries: ["", ""] },
      { row: 5, left: 3, entries: [1] },
    ]);
  });

  it("writes validation rules in Office.js's shape and refuses a list choice with a comma", () => {
    expect(validationRule({ type: "wholeNumber", min: 2000, max: 2100 })).toEqual({
      wholeNumber: { formula1: 2000, formula2: 2100, operator: "Between" },
    });
    expect(validationRule({ type: "date", min: 36526, max: 36526 })).toEqual({
      date: { formula1: "2000-01-01", formula2: "2000-01-01", operator: "Between" },
    });
    expect(() => validationRule({ type: "list", values: ["a,b", "c"] })).toThrow(/comma/);
  });

  it("splits and normalizes references", () => {
    expect(splitRef("'It''s'!$D$12")).toEqual({ sheet: "It's", address: "D12" });
    expect(splitRef("Sheet1!A1:B2")).toEqual({ sheet: "Sheet1", address: "A1:B2" });
    expect(splitRef("D5")).toEqual({ sheet: null, address: "D5" });
    expect(normalizeRef("Sheet1!$D$12")).toBe("'Sheet1'!D12");
  });

  it("pads a used range to a grid from A1", () => {
    expect(gridFromA1([[1, 2]], 2, 1)).toEqual([[], [], ["", 1, 2]]);
  });

  it("describes what an older Excel lacks, in Vietnamese", () => {
    expect(missingCapabilitiesMessage(ALL_CAPABILITIES)).toBeNull();
    const v18 = detectCapabilities((_name, version) => Number(version.split(".")[1]) <= 8);
    expect(canRun(v18)).toBe(true);
    expect(missingCapabilitiesMessage(v18)).toBe(
      "Phiên bản Excel này chưa hỗ trợ: thiết lập trang in (khổ A4, lề, vùng in, số trang) và thụt lề chỉ tiêu con (cần ExcelApi 1.9). Các trang CCHC vẫn được cài và kiểm tra bình thường, chỉ thiếu những phần trên; cập nhật Excel để có đủ.",
    );
  });
});

describe("page layout", () => {
  it("sets A4, orientation, margins in points, fit to width, print area and titles, page numbers from page 2, manual breaks", async () => {
    const book = new FakeWorkbook();
    const plan: SheetPlan = {
      key: "report1",
      name: "Báo cáo",
      role: "report",
      columns: [10],
      font: { name: "Times New Roman", size: 13 },
      cells: [{ address: "A1", value: "BÁO CÁO" }],
      merges: [],
      names: [],
      validations: [],
      protect: false,
      visibility: "visible",
      page: {
        orientation: "portrait",
        marginsMm: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
        fitToWidth: true,
        printArea: "A1:E80",
        printTitleRows: "$9:$9",
        pageNumberTopCenterFromSecondPage: true,
        rowBreaks: [40, 70],
      },
    };
    const context = book.context();
    applySheets(
      context,
      [plan],
      { sheets: new Map(), names: new Set(), tables: new Set() },
      ALL_CAPABILITIES,
    );
    await context.sync();
    expect(book.sheet("Báo cáo").page).toEqual({
      paperSize: "A4",
      orientation: "Portrait",
      topMargin: 56.69,
      bottomMargin: 56.69,
      leftMargin: 85.04,
      rightMargin: 42.52,
      headerMargin: 28.35,
      footerMargin: 28.35,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: "A1:E80",
      printTitleRows: "$9:$9",
      headerFooterState: "FirstAndDefault",
      "first.centerHeader": "",
      "default.centerHeader": "&P",
      rowBreaks: [40, 70],
    });
  });
});

describe("reading what is there", () => {
  it("keeps the figures of a sheet whose used range no longer starts at A1", async () => {
    const book = await installedWorkbook();
    typeSampleFigures(book);
    const before = namedSnapshot(book);
    // Someone deleted the title and the hint: the used range now starts at row 3.
    for (const ref of ["A1", "A2"]) book.setCell(`'1. Chỉ đạo điều hành'!${ref}`, { value: "" });
    const { syncs } = await book.run((context) => installSheets(context, { catalogue: DISTRICT_CATALOGUE }));
    expect(syncs).toBe(2);
    expect(namedSnapshot(book)).toEqual(before);
  });
});
