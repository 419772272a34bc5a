/**
 * A workbook made from nothing (template, demo, listing, consolidation, the PDF's copy): the
 * empty package of `skeleton.ts` with small hand-made plans applied by the package writer,
 * saved and read back by another program (ExcelJS): what ExcelJS used to give for free (page
 * setup, print names, styles, protection, very hidden sheet, #NUM!) is in the file.
 */
import * as fs from "fs";
import * as path from "path";
import type { SheetPlan } from "../../src/core/layout/model";
import { saveNewPackageFile, WorkbookFileError } from "../../src/xlsx/node/files";
import { applyPlans } from "../../src/xlsx/package/applyPlans";
import { PackageReader } from "../../src/xlsx/package/readPackage";
import { emptyWorkbookPackage } from "../../src/xlsx/package/skeleton";
import { XlsxPackage } from "../../src/xlsx/package/xlsxPackage";
import { makeTempDir, protectionOf, readBack, removeTempDir, validationsOf, zipPart } from "../support/xlsx";

let dir: string;

beforeAll(() => {
  dir = makeTempDir("cchc-new-");
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

/** The plans applied to a new package, saved as `name`.xlsx; the file's path. */
async function write(name: string, plans: SheetPlan[]): Promise<string> {
  const pkg = emptyWorkbookPackage({ created: new Date(Date.UTC(2026, 11, 6, 8, 30)) });
  applyPlans(pkg, plans);
  const file = path.join(dir, `${name}.xlsx`);
  await saveNewPackageFile(pkg, file, { overwrite: false });
  return file;
}

describe("the empty package", () => {
  it("is a workbook with the planned tabs, their titles in the properties, cached values kept", async () => {
    const file = await write("skeleton", [
      plan({ key: "a", name: "Thông tin", cells: [{ address: "A1", value: "x" }] }),
      plan({ key: "meta", name: "_CCHC", visibility: "veryHidden", cells: [{ address: "A1", value: "{}" }] }),
    ]);
    const back = await readBack(file);
    expect(back.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ["Thông tin", "visible"],
      ["_CCHC", "veryHidden"],
    ]);
    expect(back.creator).toBe("cchc");
    const app = await zipPart(file, "docProps/app.xml");
    // LibreOffice keeps the cached results only of a file Excel (or itself) saved.
    expect(app).toContain("<Application>Microsoft Excel</Application>");
    expect(app).toContain(
      '<vt:vector size="2" baseType="lpstr"><vt:lpstr>Thông tin</vt:lpstr><vt:lpstr>_CCHC</vt:lpstr>',
    );
    expect(app).toMatch(/<vt:i4>2<\/vt:i4>/);
    const workbook = await zipPart(file, "xl/workbook.xml");
    expect(workbook).not.toMatch(/fullCalcOnLoad/);
    expect(workbook).toMatch(/<workbookView activeTab="0"\/>|<workbookView\/>/);
    expect(await zipPart(file, "docProps/core.xml")).toContain("2026-12-06T08:30:00Z");
    // Our own reader opens it as any user's file.
    const reader = new PackageReader(XlsxPackage.fromBytes(fs.readFileSync(file)));
    expect(reader.sheetNames()).toEqual(["Thông tin", "_CCHC"]);
  });

  it("refuses to replace an existing file unless told to", async () => {
    const file = path.join(dir, "da-co.xlsx");
    fs.writeFileSync(file, "báo cáo đã điền");
    const pkg = emptyWorkbookPackage();
    applyPlans(pkg, [plan({ key: "a", name: "A" })]);
    await expect(saveNewPackageFile(pkg, file, { overwrite: false })).rejects.toThrow(WorkbookFileError);
    expect(fs.readFileSync(file, "utf8")).toBe("báo cáo đã điền");
    await saveNewPackageFile(pkg, file, { overwrite: true });
    expect((await readBack(file)).worksheets.map((ws) => ws.name)).toEqual(["A"]);
  });
});

describe("what the plan describes, in a new workbook", () => {
  it("writes a non-finite cached figure or value as #NUM!, never as the text Infinity", async () => {
    const file = await write("non-finite", [
      plan({
        key: "k",
        name: "Trang",
        cells: [
          { address: "A1", formula: "=CCHC.TYLE(1,0)", cached: Infinity },
          { address: "A2", value: Number.NaN },
        ],
      }),
    ]);
    const back = await readBack(file);
    expect(back.getWorksheet("Trang")!.getCell("A1").value).toEqual({
      formula: "CCHC.TYLE(1,0)",
      result: { error: "#NUM!" },
    });
    expect(back.getWorksheet("Trang")!.getCell("A2").value).toEqual({ error: "#NUM!" });
    expect(await zipPart(file, "xl/worksheets/sheet1.xml")).not.toMatch(/Infinity|NaN/);
  });

  it("writes A4, margins in inches, fit to one page wide, print area and titles, page numbers from page 2", async () => {
    const file = await write("page", [
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
    const ws = (await readBack(file)).getWorksheet("Phụ lục I")!;
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
    expect(xml).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'Phụ lục I'!$A$1:$E$80</definedName>`,
    );
    expect(xml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Phụ lục I'!$9:$9</definedName>`,
    );
  });

  it("protects without a password, leaves unlocked cells open, and allows resizing columns and rows", async () => {
    const file = await write("protect", [
      plan({
        key: "k",
        name: "Khoá",
        protect: true,
        cells: [
          { address: "A1", value: 1, style: { locked: false } },
          { address: "A2", value: 2 },
        ],
      }),
    ]);
    const ws = (await readBack(file)).getWorksheet("Khoá")!;
    expect(protectionOf(ws)).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
    expect(ws.getCell("A1").protection).toMatchObject({ locked: false });
    expect(ws.getCell("A2").protection?.locked ?? true).toBe(true);
    expect(await zipPart(file, "xl/worksheets/sheet1.xml")).not.toMatch(/hashValue|password/);
  });

  it("writes the plan's styles, widths, heights, merges, panes, tab colour, lists and names", async () => {
    const file = await write("styles", [
      plan({
        key: "k",
        name: "Kiểu",
        columns: [12, 40],
        rowHeights: { 1: 30 },
        freeze: { rows: 3, columns: 0 },
        tabColor: "#548235",
        merges: ["A1:B1"],
        names: [{ name: "CCHC_KY_BAO_CAO", address: "B3" }],
        validations: [
          {
            range: "B3",
            rule: { type: "list", values: ["Quý I", "Quý II", "6 tháng"] },
            error: { title: "Sai", message: "Chọn trong danh sách." },
            prompt: { title: "Kỳ", message: "Chọn kỳ báo cáo." },
          },
        ],
        cells: [
          {
            address: "A1",
            value: "TIÊU ĐỀ",
            style: {
              font: { bold: true, color: "#c00000", size: 14 },
              fill: "#FFF2CC",
              align: "center",
              vAlign: "center",
              wrap: true,
              border: true,
            },
          },
          { address: "A2", value: 0.5, style: { numberFormat: "0.00%", indent: 1, ruleBelow: true } },
          { address: "B3", value: "Quý I", style: { locked: false } },
        ],
      }),
    ]);
    const back = await readBack(file);
    const ws = back.getWorksheet("Kiểu")!;
    const a1 = ws.getCell("A1");
    expect(a1.font).toMatchObject({
      name: "Times New Roman",
      size: 14,
      bold: true,
      color: { argb: "FFC00000" },
    });
    expect(a1.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
    expect(a1.alignment).toMatchObject({ horizontal: "center", vertical: "middle", wrapText: true });
    for (const edge of ["top", "left", "bottom", "right"] as const)
      expect(a1.border[edge]).toMatchObject({ style: "thin" });
    const a2 = ws.getCell("A2");
    expect(a2.numFmt).toBe("0.00%");
    expect(a2.alignment).toMatchObject({ indent: 1 });
    expect(a2.border.bottom).toMatchObject({ style: "thin" });
    expect(a2.border.top).toBeUndefined();
    expect([ws.getColumn(1).width, ws.getColumn(2).width]).toEqual([12, 40]);
    expect(ws.getColumn(1).font).toMatchObject({ name: "Times New Roman", size: 12 });
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.model.merges).toEqual(["A1:B1"]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3, topLeftCell: "A4" });
    expect(ws.properties.tabColor).toEqual({ argb: "FF548235" });
    expect(validationsOf(ws)["B3"]).toMatchObject({
      type: "list",
      formulae: ['"Quý I,Quý II,6 tháng"'],
      showErrorMessage: true,
      errorTitle: "Sai",
      promptTitle: "Kỳ",
    });
    expect(back.definedNames.model.map((n) => [n.name, n.ranges])).toEqual([
      ["CCHC_KY_BAO_CAO", ["'Kiểu'!$B$3"]],
    ]);
  });
});
