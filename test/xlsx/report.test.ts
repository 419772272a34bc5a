import { strFromU8, unzipSync } from "fflate";
/** `reportIntoFile` on real .xlsx files: the report sheets, their names and page setup, and what stays untouched. */
import * as fs from "fs";
import * as path from "path";
import { DISTRICT_CATALOGUE, reportName } from "../../src/core/catalogue";
import { SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { evaluateIndicators } from "../../src/core/evaluate";
import { figuresFromValues } from "../../src/core/figures";
import { templateSheets } from "../../src/core/install";
import { createTemplateFile, installIntoFile, reportIntoFile } from "../../src/xlsx/node/operations";
import { WorkbookFileError } from "../../src/xlsx/node/files";
import { makeTempDir, namedCell, readBack, removeTempDir } from "../support/xlsx";

let dir: string;
beforeEach(() => (dir = makeTempDir("cchc-report-")));
afterEach(() => removeTempDir(dir));
const generatedAt = new Date(2021, 8, 15, 9, 30);

async function sampleFile(): Promise<string> {
  const file = path.join(dir, "mau.xlsx");
  await createTemplateFile(file, { sample: true, catalogue: DISTRICT_CATALOGUE });
  return file;
}

/** Every cell value of our input sheets, to prove a report leaves them alone. */
async function inputCells(file: string): Promise<string> {
  const workbook = await readBack(file);
  const out: unknown[] = [];
  for (const { name } of templateSheets(DISTRICT_CATALOGUE)) {
    workbook
      .getWorksheet(name)!
      .eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => out.push([name, r, c, cell.value, cell.numFmt])),
      );
  }
  return JSON.stringify(out);
}

describe("reportIntoFile", () => {
  it("writes every BC_ value as the core's static figure, with number formats and print setup", async () => {
    const file = await sampleFile();
    // The sample file's document list is empty: Phụ lục II only because it is asked for.
    const { plan, written } = await reportIntoFile(file, { generatedAt, documentsAppendix: true });
    expect(written).toBe(file);
    expect(plan.summary).toMatchObject({ errors: 0, warnings: 4, sheets: ["Phụ lục I", "Phụ lục II"] });
    const workbook = await readBack(file);
    const evaluated = evaluateIndicators(
      figuresFromValues(SAMPLE_FIGURES, DISTRICT_CATALOGUE),
      DISTRICT_CATALOGUE,
    );
    for (const indicator of DISTRICT_CATALOGUE.indicators.filter((i) => i.section !== "0")) {
      const cell = namedCell(workbook, reportName(indicator.id));
      const expected = evaluated.get(indicator.id)!.value;
      expect([indicator.id, cell.value ?? ""]).toEqual([indicator.id, expected]);
      expect(cell.formula).toBeUndefined();
    }
    expect(namedCell(workbook, "BC_KH_TYLE").numFmt).toBe("0.00%");
    expect(namedCell(workbook, "BC_HS_TONG").numFmt).toBe("#,##0");
    const sheet = workbook.getWorksheet("Phụ lục I")!;
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheet.pageSetup.margins!.left).toBeCloseTo(30 / 25.4, 2);
    expect(sheet.pageSetup.margins!.top).toBeCloseTo(20 / 25.4, 2);
    expect(sheet.pageSetup.printTitlesRow).toMatch(/^\$?\d+:\$?\d+$/);
    expect(sheet.pageSetup.printArea).toMatch(/^\$?A\$?1:\$?E\$?\d+$/);
    expect(sheet.getCell("A1").font?.name).toBe("Times New Roman");
    // The planned page breaks are in the sheet's part (ExcelJS does not read them back).
    const breaks = plan.sheets[0].page!.rowBreaks!;
    expect(breaks.length).toBeGreaterThan(0);
    const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
    const withBreaks = Object.entries(parts)
      .filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      .map(([, bytes]) => strFromU8(bytes))
      .filter((xml) => xml.includes("<rowBreaks"));
    expect(withBreaks).toHaveLength(1);
    expect([...withBreaks[0].matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]) + 1)).toEqual(breaks);
  });

  it("leaves the input sheets unchanged to the cell when generating again, and writes into -o", async () => {
    const file = await sampleFile();
    await reportIntoFile(file, { generatedAt });
    const before = await inputCells(file);
    const out = path.join(dir, "ket-qua.xlsx");
    await reportIntoFile(file, { generatedAt, output: out });
    await reportIntoFile(file, { generatedAt, documentsAppendix: true });
    expect(await inputCells(file)).toBe(before);
    expect(await inputCells(out)).toBe(before);
    const names = (await readBack(file)).worksheets.map((ws) => ws.name);
    expect(names.filter((n) => n.startsWith("Phụ lục"))).toEqual(["Phụ lục I", "Phụ lục II"]);
  });

  it("keeps a report edited by hand under another name", async () => {
    const file = await sampleFile();
    await reportIntoFile(file, { generatedAt });
    const workbook = await readBack(file);
    namedCell(workbook, "BC_KH_TONG").value = 50;
    await workbook.xlsx.writeFile(file);
    const { plan } = await reportIntoFile(file, { generatedAt });
    expect(plan.summary.keptEdited).toEqual(["Phụ lục I (sửa tay)"]);
    const after = await readBack(file);
    expect(namedCell(after, "BC_KH_TONG").value).toBe(47);
    const kept = after.getWorksheet("Phụ lục I (sửa tay)")!;
    expect(kept.getCell(namedCell(after, "BC_KH_TONG").address).value).toBe(50);
  });

  it("survives an install after the report, keeping the report and the figures", async () => {
    const file = await sampleFile();
    await reportIntoFile(file, { generatedAt });
    await installIntoFile(file);
    const workbook = await readBack(file);
    expect(namedCell(workbook, "BC_KH_TYLE").value).toBeCloseTo(24 / 47, 12);
    expect(namedCell(workbook, "CCHC_KH_TONG").value).toBe(47);
  });

  it("refuses a file without the template and leaves it unchanged", async () => {
    const file = path.join(dir, "trong.xlsx");
    const { Workbook } = await import("exceljs");
    const empty = new Workbook();
    empty.addWorksheet("Sheet1").getCell("A1").value = "của tôi";
    await empty.xlsx.writeFile(file);
    const bytes = fs.readFileSync(file);
    await expect(reportIntoFile(file, { generatedAt })).rejects.toThrow(WorkbookFileError);
    await expect(reportIntoFile(file, { generatedAt })).rejects.toThrow(/chưa có mẫu CCHC/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});
