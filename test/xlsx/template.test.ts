/**
 * `template --sample` written to disk and read back with ExcelJS: every name, value, cached
 * formula result, validation, merge, protection and sheet setting the plan describes is in the file.
 */
import * as path from "path";
import type * as ExcelJS from "exceljs";
import { DISTRICT_CATALOGUE, inputName } from "../../src/core/catalogue";
import { SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { planInstall } from "../../src/core/install";
import { DOCUMENTS_TABLE } from "../../src/core/layout/documentsSheet";
import type { SheetPlan } from "../../src/core/layout/model";
import { META_SHEET_NAME } from "../../src/core/meta";
import { EMPTY_CACHED_TEXT } from "../../src/xlsx/parts/sheet/write";
import { tablesOf } from "../support/excelJsFixes";
import { createTemplateFile } from "../../src/xlsx/node/operations";
import { cellFormula, cellValue, findWorksheet } from "../support/excelJsWorkbook";
import {
  makeTempDir,
  namedCell,
  namedSnapshot,
  protectionOf,
  readBack,
  removeTempDir,
  validationsOf,
  zipPart,
  zipPartNames,
} from "../support/xlsx";

const PLAN = planInstall(
  { sheetNames: [], sheets: new Map() },
  { sample: true, catalogue: DISTRICT_CATALOGUE },
).sheets;

let dir: string;
let file: string;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  dir = makeTempDir("cchc-template-");
  file = path.join(dir, "mau.xlsx");
  await createTemplateFile(file, { sample: true, catalogue: DISTRICT_CATALOGUE });
  workbook = await readBack(file);
});
afterAll(() => removeTempDir(dir));

const sheetOf = (plan: SheetPlan) => findWorksheet(workbook, plan.name)!;
describe("cchc template --sample, read back", () => {
  it("has our sheets in plan order, the meta sheet very hidden", () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(PLAN.map((p) => p.name));
    expect(workbook.worksheets.map((ws) => ws.state)).toEqual(PLAN.map((p) => p.visibility));
    expect(findWorksheet(workbook, META_SHEET_NAME)!.state).toBe("veryHidden");
  });

  it("prints each input sheet one page wide, landscape, its header row on every page", () => {
    const inputs = PLAN.filter((p) => p.role === "input" || p.role === "info");
    expect(inputs.length).toBeGreaterThan(3);
    for (const plan of inputs) {
      const lastRow = Math.max(...plan.cells.map((c) => Number(/\d+$/.exec(c.address)![0])));
      expect(sheetOf(plan).pageSetup).toMatchObject({
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printArea: `A1:F${lastRow}`,
        printTitlesRow: "3:3",
      });
    }
  });

  it("defines every CCHC_* name once, at the planned cell", () => {
    const defined = workbook.definedNames.model.filter((n) => n.name.startsWith("CCHC_"));
    expect(defined.map((n) => n.name).sort()).toEqual(
      DISTRICT_CATALOGUE.indicators.map((i) => inputName(i.id)).sort(),
    );
    for (const plan of PLAN) {
      for (const name of plan.names) {
        const found = defined.find((n) => n.name === name.name)!;
        const column = name.address.replace(/\d+$/, "");
        const row = name.address.slice(column.length);
        expect([name.name, found.ranges]).toEqual([name.name, [`'${plan.name}'!$${column}$${row}`]]);
      }
    }
  });

  it("holds every sample figure in its named cell", () => {
    const snapshot = namedSnapshot(workbook);
    for (const [id, value] of Object.entries(SAMPLE_FIGURES)) {
      expect([id, snapshot.get(inputName(id))?.value]).toEqual([id, value]);
    }
  });

  it("writes ratio cells as CCHC formulas carrying the core's figure as cached value", () => {
    const cell = namedCell(workbook, "CCHC_KH_TYLE");
    expect(cellFormula(cell)).toBe(
      '=IF(OR(ISBLANK(CCHC_KH_HOANTHANH),ISBLANK(CCHC_KH_TONG)),"",CCHC.TYLE(CCHC_KH_HOANTHANH,CCHC_KH_TONG))',
    );
    expect(cellValue(cell)).toBeCloseTo(0.510638, 6);
    expect(cell.numFmt).toBe("0.00%");
    expect(cellValue(namedCell(workbook, "CCHC_TGN_TYLE"))).toBeCloseTo(76 / 84, 12);
    expect(cellValue(namedCell(workbook, "CCHC_TU_NGAY"))).toBe(44362);
    expect(cellValue(namedCell(workbook, "CCHC_DEN_NGAY"))).toBe(44453);
  });

  it("writes every formula of the plan with its cached result", () => {
    let formulas = 0;
    for (const plan of PLAN) {
      const ws = sheetOf(plan);
      for (const planned of plan.cells.filter((c) => c.formula)) {
        const cell = ws.getCell(planned.address);
        expect([plan.name, planned.address, cellFormula(cell)]).toEqual([
          plan.name,
          planned.address,
          planned.formula,
        ]);
        // The core's empty result is cached as a no-break space (see EMPTY_CACHED_TEXT).
        const cached = planned.cached === "" ? EMPTY_CACHED_TEXT : planned.cached;
        expect([plan.name, planned.address, cellValue(cell)]).toEqual([plan.name, planned.address, cached]);
        formulas++;
      }
    }
    expect(formulas).toBeGreaterThan(40);
  });

  it("marks the workbook not to recalculate on load, so the cached figures show", async () => {
    const xml = await zipPart(file, "xl/workbook.xml");
    expect(xml).toMatch(/<calcPr\b/);
    expect(xml).not.toMatch(/fullCalcOnLoad="1"/);
  });

  it("writes labels, number formats, fills and fonts as planned", () => {
    for (const plan of PLAN) {
      const ws = sheetOf(plan);
      for (const planned of plan.cells) {
        const cell = ws.getCell(planned.address);
        // An empty text is an empty cell, as in Excel.
        if (typeof planned.value === "string") expect(cell.value ?? "").toBe(planned.value);
        if (planned.style?.numberFormat)
          expect([planned.address, cell.numFmt]).toEqual([planned.address, planned.style.numberFormat]);
        if (planned.style?.fill)
          expect(cell.fill).toMatchObject({
            type: "pattern",
            pattern: "solid",
            fgColor: { argb: `FF${planned.style.fill.slice(1)}` },
          });
        expect(cell.font?.name).toBe(planned.style?.font?.name ?? plan.font.name);
      }
    }
  });

  it("keeps input cells open and everything else locked under a password-less protection", () => {
    for (const plan of PLAN) {
      const ws = sheetOf(plan);
      const protection = protectionOf(ws);
      if (plan.protect) {
        expect(protection).toMatchObject({ sheet: true });
        expect(protection).not.toHaveProperty("hashValue");
        expect(protection).not.toHaveProperty("password");
      } else {
        expect(protection?.sheet ?? false).toBe(false);
      }
      for (const planned of plan.cells) {
        expect([plan.name, planned.address, ws.getCell(planned.address).protection?.locked ?? true]).toEqual([
          plan.name,
          planned.address,
          planned.style?.locked ?? true,
        ]);
      }
    }
    expect(namedCell(workbook, "CCHC_KH_TONG").protection.locked).toBe(false);
    expect(namedCell(workbook, "CCHC_KH_TYLE").protection?.locked ?? true).toBe(true);
  });

  it("puts Excel's validation with Vietnamese prompt and error on every input", () => {
    const count = validationsOf(namedCell(workbook, "CCHC_KH_TONG").worksheet)[
      namedCell(workbook, "CCHC_KH_TONG").address
    ];
    const at = namedCell(workbook, "CCHC_KH_TONG").address;
    expect(count).toMatchObject({
      type: "custom",
      formulae: [`OR(AND(ISNUMBER(${at}),${at}>=0,${at}=INT(${at})),TRIM(${at})="chưa có số liệu")`],
      showInputMessage: true,
      showErrorMessage: true,
      errorTitle: "Số liệu không hợp lệ",
      error: "Chỉ nhập số nguyên lớn hơn hoặc bằng 0, hoặc «chưa có số liệu» nếu nguồn không có số liệu.",
    });
    const period = namedCell(workbook, "CCHC_KY_BAO_CAO");
    expect(validationsOf(period.worksheet)[period.address]).toMatchObject({
      type: "list",
      // Issue 21: the second half-year, the months and «Tùy chọn»; within the 255 characters of a list.
      formulae: [
        '"Quý I,Quý II,Quý III,Quý IV,6 tháng,9 tháng,Năm,6 tháng cuối năm,Tháng 1,Tháng 2,Tháng 3,Tháng 4,' +
          'Tháng 5,Tháng 6,Tháng 7,Tháng 8,Tháng 9,Tháng 10,Tháng 11,Tháng 12,Tùy chọn"',
      ],
    });
    const money = namedCell(workbook, "CCHC_VPHC_TIEN");
    expect(validationsOf(money.worksheet)[money.address]).toMatchObject({
      type: "custom",
      formulae: [
        `OR(AND(ISNUMBER(${money.address}),${money.address}>=0),TRIM(${money.address})="chưa có số liệu")`,
      ],
    });
    const date = namedCell(workbook, "CCHC_NGAY_BAN_HANH");
    const rule = validationsOf(date.worksheet)[date.address]!;
    expect(rule.type).toBe("date");
    expect((rule.formulae as Date[]).map((d) => d.toISOString().slice(0, 10))).toEqual([
      "2000-01-01",
      "2100-12-31",
    ]);

    for (const plan of PLAN) {
      const model = validationsOf(sheetOf(plan));
      for (const validation of plan.validations) {
        const [from, to = from] = validation.range.split(":");
        for (const address of [from, to]) {
          expect([plan.name, address, model[address]?.promptTitle ?? null]).toEqual([
            plan.name,
            address,
            validation.prompt?.title ?? null,
          ]);
          expect([plan.name, address, model[address]?.error]).toEqual([
            plan.name,
            address,
            validation.error.message,
          ]);
        }
      }
    }
  });

  it("merges, sizes, freezes and colours the sheets as planned", () => {
    for (const plan of PLAN) {
      const ws = sheetOf(plan);
      expect([plan.name, ws.model.merges.sort()]).toEqual([plan.name, [...plan.merges].sort()]);
      plan.columns.forEach((width, i) =>
        expect([plan.name, i + 1, ws.getColumn(i + 1).width]).toEqual([plan.name, i + 1, width]),
      );
      for (const [row, height] of Object.entries(plan.rowHeights ?? {}))
        expect(ws.getRow(Number(row)).height).toBe(height);
      if (plan.freeze) expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: plan.freeze.rows });
      if (plan.tabColor) expect(ws.properties.tabColor).toEqual({ argb: `FF${plan.tabColor.slice(1)}` });
    }
  });

  it("escapes text that looks like an OOXML character escape (row keys like bc_xa_giao)", async () => {
    const s4 = PLAN.find((p) => p.key === "s4")!;
    const key = s4.cells.find((c) => c.value === "bc_xa_giao")!;
    expect(sheetOf(s4).getCell(key.address).value).toBe("bc_xa_giao");
    const sheetParts = (await zipPartNames(file)).filter((name) => name.startsWith("xl/worksheets/sheet"));
    const part = (await Promise.all(sheetParts.map((name) => zipPart(file, name)))).join("");
    expect(part).toContain(">bc_x005F_xa_giao<");
    expect(part).not.toMatch(/>bc_xa_giao</);
  });

  it("makes the document list an Excel table with a header row", async () => {
    const docs = PLAN.find((p) => p.key === "docs")!;
    const tables = Object.values(tablesOf(sheetOf(docs)));
    expect(tables.map((t) => t.model.name)).toEqual([DOCUMENTS_TABLE]);
    expect(tables[0].model).toMatchObject({ headerRow: true, tableRef: docs.table!.range });
    // One header row: the schema's default, as Excel writes it (no attribute), or said so.
    expect(await zipPart(file, "xl/tables/table1.xml")).not.toMatch(/headerRowCount="(?!1")/);
  });
});
