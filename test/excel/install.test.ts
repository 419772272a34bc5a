import { DISTRICT_CATALOGUE, inputName, type Catalogue } from "../../src/core/catalogue";
import { SAMPLE_DOCUMENTS, SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { cellRef } from "../../src/core/figures";
import { planInstall } from "../../src/core/install";
import { DOCUMENTS_TABLE } from "../../src/core/layout/documentsSheet";
import { INPUT_FILL } from "../../src/core/layout/styles";
import { META_SHEET_NAME } from "../../src/core/meta";
import { applySheets, columnWidthPoints } from "../../src/excel/applySheets";
import {
  detectCapabilities,
  missingCapabilitiesMessage,
  UnsupportedExcelError,
  ALL_CAPABILITIES,
} from "../../src/excel/capabilities";
import { installSheets } from "../../src/excel/installSheets";
import { readWorkbook } from "../../src/excel/readFigures";
import { FakeExcelError, FakeWorkbook } from "../fakes/fakeExcel";
import { doubledCatalogue, installedWorkbook, namedSnapshot, noteRef, typeSampleFigures } from "./support";

const S1 = "1. Chỉ đạo điều hành";
const OUR_SHEETS = [
  "Thông tin chung",
  S1,
  "2-3. Thể chế, TTHC",
  "4-5. Bộ máy, công vụ",
  "6-7. Tài chính, CPĐT",
  "8-11. Kinh tế",
  "Danh mục văn bản",
  "Chỉ số CCHC",
];
const inputIndicators = DISTRICT_CATALOGUE.indicators;

describe("installSheets on an empty workbook", () => {
  let book: FakeWorkbook;
  let syncs: number;
  beforeAll(async () => {
    book = new FakeWorkbook();
    ({ syncs } = await book.run((context) =>
      installSheets(context, { catalogue: DISTRICT_CATALOGUE, sample: true }),
    ));
  });

  it("takes exactly two syncs and suspends calculation and screen updating once", () => {
    expect(syncs).toBe(2);
    expect(book.suspensions).toEqual({ calculation: 1, screenUpdating: 1 });
  });

  it("adds every sheet after the user's, the meta sheet last and very hidden", () => {
    expect(book.sheetNames()).toEqual(["Sheet1", ...OUR_SHEETS, META_SHEET_NAME]);
    expect(book.sheet(META_SHEET_NAME).visibility).toBe("VeryHidden");
    expect(OUR_SHEETS.map((name) => book.sheet(name).visibility)).toEqual(OUR_SHEETS.map(() => "Visible"));
  });

  it("writes every cell of the plan: labels, figures, CCHC formulas and number formats", () => {
    const plan = planInstall(
      { sheetNames: ["Sheet1"], sheets: new Map() },
      { sample: true, catalogue: DISTRICT_CATALOGUE },
    );
    let checked = 0;
    for (const sheet of plan.sheets) {
      for (const cell of sheet.cells) {
        const ref = cellRef(sheet.name, cell.address);
        expect([ref, book.formulaOf(ref)]).toEqual([ref, cell.formula ?? cell.value ?? ""]);
        expect([ref, book.cellAt(ref).numberFormat]).toEqual([ref, cell.style?.numberFormat ?? "General"]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(700);
  });

  it("keeps a child row's «- label» as text, not as a formula", () => {
    const childRow = book.refOf("CCHC_KH_CD_TONG").replace(/!D/, "!B");
    expect(book.cellAt(childRow).formula).toBeUndefined();
    expect(book.valueOf(childRow)).toMatch(/^- /);
  });

  it("names every indicator's cell once, on workbook scope", () => {
    expect([...book.names.values()].map((n) => n.name).sort()).toEqual(
      inputIndicators.map((i) => inputName(i.id)).sort(),
    );
    expect(book.refOf("CCHC_KH_TONG")).toMatch(/^'1\. Chỉ đạo điều hành'!D\d+$/);
    expect(book.formulaOf("CCHC_KH_TYLE")).toBe(
      '=IF(OR(ISBLANK(CCHC_KH_HOANTHANH),ISBLANK(CCHC_KH_TONG)),"",CCHC.TYLE(CCHC_KH_HOANTHANH,CCHC_KH_TONG))',
    );
    expect(book.valueOf("CCHC_KH_TONG")).toBe(47);
  });

  it("puts Excel data validation with Vietnamese prompt and error on every input", () => {
    const kh = book.cellAt("CCHC_KH_TONG").validation!;
    expect(kh.rule).toEqual({ wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
    expect(kh.prompt).toMatchObject({
      showPrompt: true,
      title: expect.any(String),
      message: expect.stringContaining("số nguyên"),
    });
    expect(kh.errorAlert).toMatchObject({
      showAlert: true,
      style: "Stop",
      message: expect.stringContaining("số nguyên"),
    });
    expect(book.cellAt("CCHC_KY_BAO_CAO").validation!.rule).toEqual({
      list: {
        inCellDropDown: true,
        // Issue 21: the second half-year, the months and a custom period follow the seven.
        source:
          "Quý I,Quý II,Quý III,Quý IV,6 tháng,9 tháng,Năm,6 tháng cuối năm," +
          "Tháng 1,Tháng 2,Tháng 3,Tháng 4,Tháng 5,Tháng 6,Tháng 7,Tháng 8,Tháng 9,Tháng 10,Tháng 11,Tháng 12,Tùy chọn",
      },
    });
    expect(book.cellAt("CCHC_NGAY_BAN_HANH").validation!.rule).toEqual({
      date: { formula1: "2000-01-01", formula2: "2100-12-31", operator: "Between" },
    });
    expect(book.cellAt("CCHC_NS_THU").validation!.rule).toEqual({
      decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" },
    });
    for (const indicator of inputIndicators) {
      const validation = book.cellAt(inputName(indicator.id)).validation;
      if (indicator.kind === "ratio" || indicator.kind === "text")
        expect([indicator.id, validation]).toEqual([indicator.id, undefined]);
      else expect([indicator.id, validation?.rule]).toEqual([indicator.id, expect.any(Object)]);
    }
  });

  it("protects the input and scoring sheets: inputs open, labels and ratios locked", () => {
    for (const name of OUR_SHEETS)
      expect([name, book.sheet(name).protection.protected]).toEqual([name, name !== "Danh mục văn bản"]);
    expect(book.cellAt("CCHC_KH_TONG").locked).toBe(false);
    expect(book.cellAt(noteRef(book, "kh_tong")).locked).toBe(false);
    expect(book.cellAt("CCHC_KH_TYLE").locked).toBe(true);
    expect(book.cellAt(`'${S1}'!B4`).locked).toBe(true);
    expect(() => book.type(`'${S1}'!B5`, "sửa nhãn")).toThrow(FakeExcelError);
    expect(() => book.type("CCHC_KH_TYLE", 0.5)).toThrow(/protected sheet/);
  });

  it("styles, merges, freezes and sizes the sheets as planned", () => {
    const sheet = book.sheet(S1);
    expect(sheet.merges).toEqual([
      { top: 1, bottom: 1, left: 1, right: 6 },
      { top: 2, bottom: 2, left: 1, right: 6 },
    ]);
    expect(sheet.freeze).toEqual({ rows: 3, columns: 0 });
    expect(sheet.columnWidths.get(2)).toBe(columnWidthPoints(62));
    expect(sheet.rowHeights.get(1)).toBe(30);
    expect(sheet.tabColor).toBe("#548235");
    const input = book.cellAt("CCHC_KH_TONG");
    expect(input).toMatchObject({ fill: INPUT_FILL, numberFormat: "#,##0", horizontalAlignment: "Right" });
    expect(input.font).toMatchObject({ name: "Times New Roman", size: 12 });
    expect(input.edges.top).toEqual({ style: "Continuous", weight: "Thin", color: "#000000" });
    expect(book.cellAt(`'${S1}'!A1`).font).toMatchObject({ name: "Times New Roman", bold: true, size: 14 });
  });

  it("makes the document list an Excel table on an unprotected sheet", () => {
    expect(book.tables.map((t) => ({ name: t.name, sheet: t.sheet.name }))).toEqual([
      { name: DOCUMENTS_TABLE, sheet: "Danh mục văn bản" },
    ]);
  });
});

describe("installing again", () => {
  it("keeps every typed figure and note, writes the formulas again and takes two syncs", async () => {
    const book = await installedWorkbook();
    typeSampleFigures(book);
    book.type(noteRef(book, "kh_tong"), "Theo KH 160/KH-UBND");
    // Typed with an apostrophe, as Excel needs for a text starting with "-" (else a formula).
    book.type(noteRef(book, "hs_tong"), "'- gồm cả hồ sơ liên thông");
    book.type(noteRef(book, "vb_chidao"), "'0912"); // a text that looks like a number
    const before = namedSnapshot(book);
    const sheetsBefore = book.sheetNames();

    const { result: summary, syncs } = await book.run((context) =>
      installSheets(context, { catalogue: DISTRICT_CATALOGUE }),
    );

    expect(syncs).toBe(2);
    expect(namedSnapshot(book)).toEqual(before);
    for (const [id, value] of Object.entries(SAMPLE_FIGURES))
      expect([id, book.valueOf(inputName(id))]).toEqual([id, value]);
    expect(book.valueOf(noteRef(book, "kh_tong"))).toBe("Theo KH 160/KH-UBND");
    expect(book.valueOf(noteRef(book, "hs_tong"))).toBe("- gồm cả hồ sơ liên thông");
    expect(book.valueOf(noteRef(book, "vb_chidao"))).toBe("0912");
    expect(book.sheetNames()).toEqual(sheetsBefore);
    expect(summary).toMatchObject({ fromVersion: "2021.1", added: [], renamed: [] });
    expect(summary.updated).toHaveLength(OUR_SHEETS.length);
    expect(summary.keptValues).toBeGreaterThanOrEqual(Object.keys(SAMPLE_FIGURES).length);
    // Still protected, still validated: the rewrite put everything back.
    expect(book.sheet(S1).protection.protected).toBe(true);
    expect(book.cellAt("CCHC_KH_TONG").validation?.rule).toBeDefined();
  });

  it("upgrades to a catalogue with a new row: figures follow their rows, the new name is added", async () => {
    const book = await installedWorkbook();
    typeSampleFigures(book);
    const before = namedSnapshot(book);
    const at = DISTRICT_CATALOGUE.indicators.findIndex((i) => i.id === "kh_tong");
    const newer: Catalogue = {
      ...DISTRICT_CATALOGUE,
      version: "1.1.0",
      indicators: [
        ...DISTRICT_CATALOGUE.indicators.slice(0, at),
        {
          id: "kh_bosung",
          label: "Số nhiệm vụ bổ sung trong kỳ",
          unit: "Nhiệm vụ",
          kind: "count",
          section: "1",
        },
        ...DISTRICT_CATALOGUE.indicators.slice(at),
      ],
    };
    const refBefore = book.refOf("CCHC_KH_TONG");

    const { result: summary, syncs } = await book.run((context) =>
      installSheets(context, { catalogue: newer }),
    );

    expect(syncs).toBe(2);
    expect(summary).toMatchObject({ fromVersion: "2021.1", toVersion: "1.1.0", added: [] });
    expect(book.refOf("CCHC_KH_TONG")).not.toBe(refBefore);
    const after = namedSnapshot(book);
    for (const name of Object.keys(before)) expect([name, after[name]]).toEqual([name, before[name]]);
    expect(after.CCHC_KH_BOSUNG).toEqual({ value: "", formula: "" });
  });

  it("never touches a user's sheet that bears one of our names", async () => {
    const book = new FakeWorkbook({ sheets: ["Thông tin chung"] });
    book.setCell("'Thông tin chung'!A1", { value: "của tôi" });
    book.setCell("'Thông tin chung'!D12", { value: 5 });
    book.sheet("Thông tin chung").protection = { protected: true };
    const userSheet = JSON.stringify([...book.sheet("Thông tin chung").cells]);

    const first = await book.run((context) =>
      installSheets(context, { catalogue: DISTRICT_CATALOGUE, sample: true }),
    );
    const second = await book.run((context) => installSheets(context, { catalogue: DISTRICT_CATALOGUE }));

    expect(first.result.renamed).toEqual([{ wanted: "Thông tin chung", used: "Thông tin chung (CCHC)" }]);
    expect(second.result).toMatchObject({ added: [], renamed: [] });
    expect([first.syncs, second.syncs]).toEqual([2, 2]);
    expect(JSON.stringify([...book.sheet("Thông tin chung").cells])).toBe(userSheet);
    expect(book.sheetNames().filter((n) => n.startsWith("Thông tin chung"))).toEqual([
      "Thông tin chung",
      "Thông tin chung (CCHC)",
    ]);
    expect(book.refOf("CCHC_NAM")).toMatch(/^'Thông tin chung \(CCHC\)'!D\d+$/);
    expect(book.valueOf("CCHC_NAM")).toBe(2021);
  });

  it("enters again a CCHC formula stuck at #NAME? or saved with the _xldudf_ prefix (the repair)", async () => {
    const book = await installedWorkbook({ sample: true });
    book.setCell(book.refOf("CCHC_KH_TYLE"), {
      formula: "=_xldudf_CCHC_TYLE(CCHC_KH_HOANTHANH,CCHC_KH_TONG)",
      displayed: "#NAME?",
    });
    book.setCell(book.refOf("CCHC_TGN_TYLE"), {
      formula: "=CCHC.DUNGHAN(CCHC_TGN_DUNGHAN,CCHC_TGN_QUAHAN)",
      displayed: "#NAME?",
    });
    const checkCell = book.refOf("CCHC_HS_TONG").replace(/!D/, "!F");
    book.setCell(checkCell, { formula: book.formulaOf(checkCell) as string, displayed: "#NAME?" });
    const broken = await book.run((context) => readWorkbook(context));
    expect(broken.result.broken.map((b) => b.cell).sort()).toEqual(
      [book.refOf("CCHC_KH_TYLE"), book.refOf("CCHC_TGN_TYLE"), checkCell].sort(),
    );

    await book.run((context) => installSheets(context, { catalogue: DISTRICT_CATALOGUE }));

    expect(book.cellAt("CCHC_KH_TYLE")).toMatchObject({
      formula:
        '=IF(OR(ISBLANK(CCHC_KH_HOANTHANH),ISBLANK(CCHC_KH_TONG)),"",CCHC.TYLE(CCHC_KH_HOANTHANH,CCHC_KH_TONG))',
      displayed: undefined,
    });
    expect(book.cellAt("CCHC_TGN_TYLE").displayed).toBeUndefined();
    expect(book.cellAt(checkCell).displayed).toBeUndefined();
    expect((await book.run((context) => readWorkbook(context))).result.broken).toEqual([]);
  });

  it("keeps the user's document rows and does not add the table twice", async () => {
    const book = await installedWorkbook({ sample: true, sampleDocuments: SAMPLE_DOCUMENTS });
    book.type("'Danh mục văn bản'!B10", "99/TB-UBND");
    const { syncs } = await book.run((context) =>
      installSheets(context, { catalogue: DISTRICT_CATALOGUE, sampleDocuments: SAMPLE_DOCUMENTS }),
    );
    expect(syncs).toBe(2);
    expect(book.tables).toHaveLength(1);
    expect(book.valueOf("'Danh mục văn bản'!B4")).toBe(SAMPLE_DOCUMENTS[0].number);
    expect(book.valueOf("'Danh mục văn bản'!B10")).toBe("99/TB-UBND");
  });
});

describe("sync count", () => {
  it("does not grow with the number of indicators", async () => {
    const catalogue = doubledCatalogue();
    expect(catalogue.indicators.length).toBeGreaterThan(DISTRICT_CATALOGUE.indicators.length * 1.6);
    const book = new FakeWorkbook();
    const first = await book.run((context) => installSheets(context, { catalogue }));
    const second = await book.run((context) => installSheets(context, { catalogue }));
    const read = await book.run((context) => readWorkbook(context, { catalogue }));
    expect([first.syncs, second.syncs, read.syncs]).toEqual([2, 2, 1]);
    expect(book.names.size).toBe(catalogue.indicators.length);
  });
});

describe("protection", () => {
  it("a locked cell of a protected sheet refuses writes, through the API as for a user", async () => {
    const book = await installedWorkbook();
    const context = book.context();
    context.workbook.worksheets.getItem(S1).getRange("B5").formulas = [["sửa"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("is lifted by the adapter before writing: told a protected sheet is open, the write fails", async () => {
    const book = await installedWorkbook();
    const plans = planInstall(
      { sheetNames: [], sheets: new Map() },
      { catalogue: DISTRICT_CATALOGUE },
    ).sheets.filter((p) => p.name === S1);
    expect(plans).toHaveLength(1);
    const context = book.context();
    applySheets(
      context,
      plans,
      { sheets: new Map([[S1.toLowerCase(), { protected: false }]]), names: new Set(), tables: new Set() },
      ALL_CAPABILITIES,
    );
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });
});

describe("an older Excel", () => {
  it("without ExcelApi 1.8 and 1.9 still gets the sheets, names and formulas, in two syncs", async () => {
    const book = new FakeWorkbook({ apiVersion: "1.7" });
    const capabilities = detectCapabilities((name, version) => book.isSetSupported(name, version));
    const { syncs } = await book.run((context) =>
      installSheets(context, { catalogue: DISTRICT_CATALOGUE, sample: true, capabilities }),
    );
    expect(syncs).toBe(2);
    expect(book.valueOf("CCHC_KH_TONG")).toBe(47);
    expect(book.cellAt("CCHC_KH_TONG").validation).toBeUndefined();
    expect(book.sheet(S1).protection.protected).toBe(true);
    expect(book.suspensions).toEqual({ calculation: 1, screenUpdating: 0 });
    expect(missingCapabilitiesMessage(capabilities)).toMatch(/ExcelApi 1\.8.*ExcelApi 1\.9/);
  });

  it("fails at the first sync when the adapter calls what the host lacks (why it asks first)", async () => {
    const book = new FakeWorkbook({ apiVersion: "1.7" });
    const result = book.run((context) =>
      installSheets(context, { catalogue: DISTRICT_CATALOGUE, capabilities: ALL_CAPABILITIES }),
    );
    await expect(result).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("before ExcelApi 1.4 is refused with a Vietnamese message, before any sync", async () => {
    const book = new FakeWorkbook({ apiVersion: "1.3" });
    const capabilities = detectCapabilities((name, version) => book.isSetSupported(name, version));
    const context = book.context();
    await expect(installSheets(context, { catalogue: DISTRICT_CATALOGUE, capabilities })).rejects.toThrow(
      UnsupportedExcelError,
    );
    await expect(installSheets(context, { catalogue: DISTRICT_CATALOGUE, capabilities })).rejects.toThrow(
      /Excel này quá cũ.*ExcelApi 1\.4/,
    );
    expect(context.syncs).toBe(0);
  });
});

describe("installSheets after a user renamed one of our sheets", () => {
  it("follows the names to the renamed sheet and keeps every figure there", async () => {
    const book = await installedWorkbook({ sample: true });
    const before = namedSnapshot(book);
    book.sheet("1. Chỉ đạo điều hành").name = "Chỉ đạo (sửa)";
    const { result, syncs } = await book.run((context) =>
      installSheets(context, { catalogue: DISTRICT_CATALOGUE }),
    );
    // The renamed sheet was not among the sheets read first: one more read, never a lost figure.
    expect(syncs).toBe(3);
    expect(result.added).toEqual([]);
    expect(book.sheetNames()).toContain("Chỉ đạo (sửa)");
    expect(book.sheetNames()).not.toContain("1. Chỉ đạo điều hành");
    expect(namedSnapshot(book)).toEqual(before);
    expect(book.refOf("CCHC_KH_TONG")).toMatch(/^'Chỉ đạo \(sửa\)'!D\d+$/);
  });
});
