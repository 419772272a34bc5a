/**
 * `install` on files that already hold work: a filled workbook keeps every figure, note,
 * score, document row and user sheet; nothing is added twice; an upgrade that moves rows keeps
 * every figure under its name; a user's sheet that bears one of our names is never touched.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { DISTRICT_CATALOGUE, inputName, type Catalogue, type Indicator } from "../../src/core/catalogue";
import { planInstall } from "../../src/core/install";
import type { SheetPlan } from "../../src/core/layout/model";
import { parseRange } from "../../src/xlsx/parts/sheet/write";
import { tablesOf } from "../support/excelJsFixes";
import { saveWorkbookFile } from "../support/excelJsWorkbook";
import { createTemplateFile, installIntoFile } from "../../src/xlsx/node/operations";
import { cellFormula, cellValue, findWorksheet, sheetGrid } from "../support/excelJsWorkbook";
import {
  makeTempDir,
  namedCell,
  namedSnapshot,
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
const planOf = (key: string): SheetPlan => PLAN.find((p) => p.key === key)!;

let dir: string;
beforeAll(() => {
  dir = makeTempDir("cchc-install-");
});
afterAll(() => removeTempDir(dir));

const RATIOS = new Set(
  DISTRICT_CATALOGUE.indicators.filter((i) => i.kind === "ratio").map((i) => inputName(i.id)),
);

/** The named snapshot without the ratios' cached values, which install recomputes from the figures. */
function typedSnapshot(workbook: ExcelJS.Workbook, catalogue: Catalogue = DISTRICT_CATALOGUE) {
  const snapshot = namedSnapshot(workbook, catalogue);
  for (const [name, entry] of snapshot)
    if (RATIOS.has(name)) snapshot.set(name, { ...entry, value: "(computed)" });
  return snapshot;
}

/** Column E ("Ghi chú") of every keyed row of our input sheets, by sheet and key. */
function notes(workbook: ExcelJS.Workbook): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const plan of PLAN.filter((p) => p.role === "input" || p.role === "info")) {
    const ws = findWorksheet(workbook, plan.name)!;
    ws.eachRow((row) => {
      const key = cellValue(row.getCell(1));
      if (typeof key === "string" && /^[a-z_0-9]+$/.test(key))
        result[`${plan.key}:${key}`] = cellValue(row.getCell(5));
    });
  }
  return result;
}

/**
 * The cells each sheet part's <dataValidation> elements cover, asserting that none is covered
 * twice (a validation added again on reinstall would overlap the old one).
 */
async function validationCoverage(
  file: string,
  parts = /^xl\/worksheets\/sheet\d+\.xml$/,
): Promise<Record<string, number>> {
  const covered: Record<string, number> = {};
  for (const name of (await zipPartNames(file)).filter((n) => parts.test(n)).sort()) {
    const cells = new Set<string>();
    for (const [, sqref] of (await zipPart(file, name)).matchAll(
      /<dataValidation\b[^>]*\ssqref="([^"]+)"/g,
    )) {
      for (const range of sqref.split(/\s+/)) {
        const box = parseRange(range);
        for (let row = box.top; row <= box.bottom; row++) {
          for (let column = box.left; column <= box.right; column++) {
            const cell = `${column}:${row}`;
            if (cells.has(cell)) throw new Error(`${name}: two validations over ${range}`);
            cells.add(cell);
          }
        }
      }
    }
    covered[name] = cells.size;
  }
  return covered;
}

/** A sample template a user has worked in, saved by another program (ExcelJS directly). */
async function filledWorkbook(file: string): Promise<void> {
  await createTemplateFile(file, { sample: true, catalogue: DISTRICT_CATALOGUE });
  const workbook = await readBack(file);
  namedCell(workbook, "CCHC_KH_TONG").value = 50;
  namedCell(workbook, "CCHC_HS_MOI").value = { formula: "800+83", result: 883 };
  // A typed date over the derived one: the user's, kept instead of the formula.
  namedCell(workbook, "CCHC_DEN_NGAY").value = 44450;
  namedCell(workbook, "CCHC_NOI_NHAN").value = "Sở Nội vụ; Lưu: VT";
  namedCell(workbook, "CCHC_BC_XA_GIAO").note = "Theo Quyết định 12/QĐ-UBND";
  for (const plan of PLAN.filter((p) => p.role === "input" || p.role === "info")) {
    const ws = findWorksheet(workbook, plan.name)!;
    for (const cell of plan.cells.filter((c) => c.keepKey && c.address.startsWith("E")))
      ws.getCell(cell.address).value = `Ghi chú ${cell.keepKey}`;
  }
  const docs = findWorksheet(workbook, planOf("docs").name)!;
  docs.getRow(4).values = [
    1,
    "3604/QĐ-UBND",
    new Date(Date.UTC(2021, 6, 6)),
    "Kiện toàn Tổ giúp việc",
    "đã gửi",
  ];
  docs.getRow(5).values = [
    2,
    "2052/UBND-TCNV",
    new Date(Date.UTC(2021, 7, 6)),
    "Cập nhật phần mềm CBCCVC",
    null,
  ];
  docs.getCell("C4").numFmt = "dd/mm/yyyy";
  docs.getCell("C5").numFmt = "dd/mm/yyyy";
  const score = findWorksheet(workbook, planOf("score").name)!;
  score.getCell("G4").value = 2.5;
  score.getCell("H5").value = 0.75;
  // A user's own sheet between ours, and a user's own name.
  const own = workbook.addWorksheet("Ghi chép");
  own.getCell("A1").value = "Việc cần làm";
  own.getCell("B2").value = { formula: "SUM(1,2)", result: 3 };
  (own as unknown as { orderNo: number }).orderNo = 2.5;
  workbook.definedNames.add("'Ghi chép'!$B$2", "TongCuaToi");
  await saveWorkbookFile(workbook, file, { overwrite: true });
}

describe("install on a filled workbook", () => {
  let file: string;
  let before: ExcelJS.Workbook;
  let after: ExcelJS.Workbook;
  let validationsBefore: Record<string, number>;

  beforeAll(async () => {
    file = path.join(dir, "filled.xlsx");
    await filledWorkbook(file);
    before = await readBack(file);
    validationsBefore = await validationCoverage(file);
    const outcome = await installIntoFile(file);
    expect(outcome.summary).toMatchObject({ fromVersion: "2021.1", added: [], renamed: [] });
    after = await readBack(file);
  });

  it("keeps every CCHC_* value and formula at the same cell", () => {
    const expected = typedSnapshot(before);
    expect(expected.size).toBe(DISTRICT_CATALOGUE.indicators.length);
    expect(typedSnapshot(after)).toEqual(expected);
    // The cached ratio follows the user's new figure (24 of 50), no longer the stale 24 of 47.
    expect(cellValue(namedCell(before, "CCHC_KH_TYLE"))).toBeCloseTo(24 / 47, 12);
    expect(cellValue(namedCell(after, "CCHC_KH_TYLE"))).toBeCloseTo(24 / 50, 12);
    expect(cellFormula(namedCell(after, "CCHC_HS_MOI"))).toBe("=800+83");
    expect(cellValue(namedCell(after, "CCHC_HS_MOI"))).toBe(883);
    expect(cellFormula(namedCell(after, "CCHC_DEN_NGAY"))).toBeUndefined();
    expect(cellValue(namedCell(after, "CCHC_DEN_NGAY"))).toBe(44450);
  });

  it("keeps every note, cell comment, score and document row", () => {
    expect(notes(after)).toEqual(notes(before));
    expect(
      Object.values(notes(after)).filter((n) => typeof n === "string" && n.startsWith("Ghi chú ")).length,
    ).toBeGreaterThan(100);
    expect(namedCell(after, "CCHC_BC_XA_GIAO").note).toBe("Theo Quyết định 12/QĐ-UBND");
    const docs = (wb: ExcelJS.Workbook) =>
      sheetGrid(findWorksheet(wb, planOf("docs").name)!, "values").slice(3);
    expect(docs(after)).toEqual(docs(before));
    expect(docs(after)[0]).toEqual([1, "3604/QĐ-UBND", 44383, "Kiện toàn Tổ giúp việc", "đã gửi"]);
    const score = (wb: ExcelJS.Workbook) => findWorksheet(wb, planOf("score").name)!;
    expect(cellValue(score(after).getCell("G4"))).toBe(2.5);
    expect(cellValue(score(after).getCell("H5"))).toBe(0.75);
  });

  it("leaves the user's sheet, its place and its name alone", () => {
    expect(after.worksheets.map((ws) => ws.name)).toEqual(before.worksheets.map((ws) => ws.name));
    const position = before.worksheets.findIndex((ws) => ws.name === "Ghi chép");
    expect(position).toBeGreaterThan(0);
    expect(position).toBeLessThan(before.worksheets.length - 1);
    expect(sheetGrid(findWorksheet(after, "Ghi chép")!, "formulas")).toEqual([
      ["Việc cần làm"],
      [null, "=SUM(1,2)"],
    ]);
    expect(after.definedNames.getRanges("TongCuaToi").ranges).toEqual(["'Ghi chép'!$B$2"]);
  });

  it("adds nothing twice: sheets, names, validation, tables", async () => {
    const names = (wb: ExcelJS.Workbook) =>
      wb.definedNames.model.map((n) => `${n.name}=${n.ranges.join(",")}`).sort();
    expect(names(after)).toEqual(names(before));
    expect(await validationCoverage(file)).toEqual(validationsBefore);
    const tables = after.worksheets.flatMap((ws) => Object.keys(tablesOf(ws)));
    expect(tables).toEqual(["CCHC_VanBan"]);
    const docs = findWorksheet(after, planOf("docs").name)!;
    expect(Object.keys(validationsOf(docs)).filter((a) => a.startsWith("C"))).toHaveLength(501);
  });

  it("is stable: a second install changes nothing more", async () => {
    await installIntoFile(file);
    const again = await readBack(file);
    expect(namedSnapshot(again)).toEqual(namedSnapshot(after));
    expect(typedSnapshot(again)).toEqual(typedSnapshot(before));
    expect(notes(again)).toEqual(notes(after));
    expect(await validationCoverage(file)).toEqual(validationsBefore);
    expect(again.worksheets.map((ws) => ws.name)).toEqual(after.worksheets.map((ws) => ws.name));
  });
});

describe("upgrade to a catalogue that moves rows", () => {
  const extra = (section: string, id: string): Indicator => ({
    id,
    label: `Chỉ tiêu mới ${id}`,
    unit: "việc",
    kind: "count",
    section,
  });
  const first = (section: string) => DISTRICT_CATALOGUE.indicators.findIndex((i) => i.section === section);
  const indicators = [...DISTRICT_CATALOGUE.indicators];
  indicators.splice(first("1"), 0, extra("1", "kh_moi"));
  indicators.splice(first("0"), 0, extra("0", "tt_moi"));
  const v2: Catalogue = { ...DISTRICT_CATALOGUE, version: "1.1.0", indicators };

  it("keeps every figure and note under its name and adds the new rows", async () => {
    const file = path.join(dir, "upgrade.xlsx");
    await filledWorkbook(file);
    const before = await readBack(file);
    const outcome = await installIntoFile(file, { catalogue: v2 });
    expect(outcome.summary).toMatchObject({ fromVersion: "2021.1", toVersion: "1.1.0", added: [] });
    const after = await readBack(file);

    const old = typedSnapshot(before);
    const now = typedSnapshot(after, v2);
    for (const [name, { value, formula }] of old)
      expect([name, now.get(name)?.value, now.get(name)?.formula]).toEqual([name, value, formula]);
    // The rows moved down by one: same figures, new cells.
    expect(old.get("CCHC_KH_TONG")!.ref).toBe("1. Chỉ đạo điều hành!D5");
    expect(now.get("CCHC_KH_TONG")!.ref).toBe("1. Chỉ đạo điều hành!D6");
    expect(now.get(inputName("kh_moi"))).toMatchObject({ ref: "1. Chỉ đạo điều hành!D5", value: null });
    expect(now.has(inputName("tt_moi"))).toBe(true);
    expect(notes(after)).toEqual({ ...notes(before), "s1:kh_moi": null, "info:tt_moi": null });
    const meta = sheetGrid(findWorksheet(after, "_CCHC")!, "values");
    expect(meta).toContainEqual(["template_version", "1.1.0"]);
  });
});

describe("a user's sheet that bears one of our names", () => {
  it("survives untouched while ours takes another name, and a reinstall adds nothing", async () => {
    const file = path.join(dir, "user-sheet.xlsx");
    const workbook = new ExcelJS.Workbook();
    const own = workbook.addWorksheet("Thông tin chung");
    own.getCell("A1").value = "Sổ tay của tôi";
    own.getCell("D4").value = 123;
    own.getCell("D4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    own.mergeCells("A1:C1");
    own.getCell("D5").dataValidation = {
      type: "whole",
      operator: "between",
      formulae: [1, 9],
      allowBlank: true,
    };
    // A range that crosses from one-digit to two-digit rows: ExcelJS alone would write it back overlapping.
    for (let row = 5; row <= 20; row++)
      own.getCell(`B${row}`).dataValidation = { type: "list", formulae: ['"a,b"'], allowBlank: true };
    own.getColumn(2).width = 40;
    // A note on an empty cell: ExcelJS alone reads such notes back as nothing.
    own.getCell("F9").note = "Ghi chú trên ô trống";
    await workbook.xlsx.writeFile(file);
    const original = await readBack(file);
    const originalXml = await zipPart(file, "xl/worksheets/sheet1.xml");

    const first = await installIntoFile(file);
    expect(first.summary.renamed).toEqual([{ wanted: "Thông tin chung", used: "Thông tin chung (CCHC)" }]);
    const after = await readBack(file);
    expect(after.worksheets[0].name).toBe("Thông tin chung");
    expect(after.worksheets[1].name).toBe("Thông tin chung (CCHC)");
    const userSheet = findWorksheet(after, "Thông tin chung")!;
    expect(sheetGrid(userSheet, "formulas")).toEqual(sheetGrid(original.worksheets[0], "formulas"));
    expect(userSheet.model.merges).toEqual(["A1:C1"]);
    expect(userSheet.getCell("D4").fill).toEqual(original.worksheets[0].getCell("D4").fill);
    expect(validationsOf(userSheet)).toEqual(validationsOf(original.worksheets[0]));
    expect(userSheet.getColumn(2).width).toBe(40);
    expect(userSheet.getCell("F9").note).toBe("Ghi chú trên ô trống");
    // The user's sheet is not ours: its part is kept byte for byte (even ExcelJS's overlapping ranges).
    const ownXml = await zipPart(file, "xl/worksheets/sheet1.xml");
    expect(ownXml).toBe(originalXml);
    expect(cellValue(namedCell(after, "CCHC_CO_QUAN"))).toBeNull();
    expect(namedCell(after, "CCHC_CO_QUAN").worksheet.name).toBe("Thông tin chung (CCHC)");

    expect(await validationCoverage(file, /^xl\/worksheets\/sheet(?!1\.)\d+\.xml$/)).not.toEqual({});

    const second = await installIntoFile(file);
    expect(second.summary).toMatchObject({ added: [], renamed: [] });
    const again = await readBack(file);
    expect(again.worksheets.map((ws) => ws.name)).toEqual(after.worksheets.map((ws) => ws.name));
    expect(await zipPart(file, "xl/worksheets/sheet1.xml")).toBe(ownXml);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});

describe("install when another program mangled a row's key", () => {
  it("keeps every figure through the defined names", async () => {
    const file = path.join(dir, "key-lost.xlsx");
    await createTemplateFile(file, { sample: true, catalogue: DISTRICT_CATALOGUE });
    const workbook = await readBack(file);
    const before = typedSnapshot(workbook);
    const target = namedCell(workbook, "CCHC_BC_XA_COMAT");
    // What LibreOffice does to "bc_xa_comat" in a file written by Excel: "_xa_" becomes a line break.
    target.worksheet.getCell(`A${target.row}`).value = "bc\ncomat";
    await workbook.xlsx.writeFile(file);
    await installIntoFile(file);
    const after = await readBack(file);
    expect(typedSnapshot(after)).toEqual(before);
    expect(namedCell(after, "CCHC_BC_XA_COMAT").value).toBe(386);
  });
});

describe("install after a user renamed one of our sheets", () => {
  it("finds the sheet through its names, keeps its figures and the user's tab name", async () => {
    const file = path.join(dir, "renamed.xlsx");
    await createTemplateFile(file, { sample: true, catalogue: DISTRICT_CATALOGUE });
    const workbook = await readBack(file);
    const before = typedSnapshot(workbook);
    const sheet = findWorksheet(workbook, "1. Chỉ đạo điều hành")!;
    sheet.name = "Chỉ đạo (sửa)";
    // Excel moves the names with the sheet; ExcelJS keeps their text, so do what Excel does.
    workbook.definedNames.model = workbook.definedNames.model.map((entry) => ({
      ...entry,
      ranges: entry.ranges.map((r) => r.replace("'1. Chỉ đạo điều hành'!", "'Chỉ đạo (sửa)'!")),
    }));
    await workbook.xlsx.writeFile(file);
    const { summary } = await installIntoFile(file);
    expect(summary.added).toEqual([]);
    const after = await readBack(file);
    expect(after.worksheets.map((ws) => ws.name)).toContain("Chỉ đạo (sửa)");
    expect(after.worksheets.map((ws) => ws.name)).not.toContain("1. Chỉ đạo điều hành");
    // Same figures at the same cells; only the sheet in the references has its new name.
    const moved = new Map(
      [...before].map(([name, e]) => [
        name,
        { ...e, ref: e.ref.replace("1. Chỉ đạo điều hành!", "Chỉ đạo (sửa)!") },
      ]),
    );
    expect(typedSnapshot(after)).toEqual(moved);
    expect(namedCell(after, "CCHC_KH_TONG").value).toBe(47);
  });
});
