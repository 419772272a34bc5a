/**
 * One core, two adapters: installing (and reporting) through Office.js — on the fake Excel —
 * and through the package writer into a real file (a new one, or a user's) must give the same
 * workbook, read back through ExcelJS as another program would: sheet names, defined names,
 * labels, formulas, number formats, merges and data validation.
 */
import * as fs from "fs";
import * as path from "path";
import { DISTRICT_CATALOGUE, type Catalogue } from "../../src/core/catalogue";
import { parseCatalogue } from "../../src/core/catalogue/validate";
import * as ExcelJS from "exceljs";
import { parseAddress, address } from "../../src/core/layout/model";
import { generateReport } from "../../src/excel/generateReport";
import { installSheets } from "../../src/excel/installSheets";
import { buildTemplate, reportIntoPackage } from "../../src/xlsx/node/operations";
import { cellFormula, cellValue, findWorksheet, workbookFromBytes } from "../support/excelJsWorkbook";
import { formOf, readWorkbook } from "../../src/core/workbook/read";
import { planWorkbookInstall } from "../../src/core/workbook/install";
import { planWorkbookReport } from "../../src/core/workbook/report";
import { applyPlans } from "../../src/xlsx/package/applyPlans";
import { PackageReader } from "../../src/xlsx/package/readPackage";
import { XlsxPackage } from "../../src/xlsx/package/xlsxPackage";
import { FakeWorkbook } from "../fakes/fakeExcel";

const generatedAt = new Date(2021, 8, 15, 9, 30);

/** A province's catalogue unlike both built-ins (test/fixtures/catalogues). */
const PROVINCE = parseCatalogue(
  fs.readFileSync(path.join(__dirname, "..", "fixtures", "catalogues", "tinh-thu-xa.v1.json"), "utf8"),
);

/** The province form using every kind of issue 21 (percent, nesting, required rows, a table, targets). */
const FULL_FORM = parseCatalogue(
  fs.readFileSync(path.join(__dirname, "..", "fixtures", "catalogues", "tinh-day-du.v1.json"), "utf8"),
);

/** The default form with its sample in the fake: install, then report. */
async function fakeWorkbook(): Promise<FakeWorkbook> {
  const fake = new FakeWorkbook();
  await fake.run((context) => installSheets(context, { sample: true }));
  await fake.run((context) => generateReport(context, { generatedAt }));
  return fake;
}

/**
 * The package path (install and report into a user's file): a workbook holding only Sheet1,
 * as Excel starts one, installed with the sample and reported, each step through the bytes.
 */
async function bothThroughPackage(): Promise<{ fake: FakeWorkbook; file: ExcelJS.Workbook }> {
  const fake = await fakeWorkbook();
  const user = new ExcelJS.Workbook();
  user.addWorksheet("Sheet1").getCell("A1").value = "của người dùng";
  const installed = XlsxPackage.fromBytes(new Uint8Array(await user.xlsx.writeBuffer()));
  const { plan } = planWorkbookInstall(new PackageReader(installed), { sample: true });
  applyPlans(installed, plan.sheets);
  const reported = XlsxPackage.fromBytes(installed.toBytes());
  const reader = new PackageReader(reported);
  const catalogue = formOf(reader);
  const report = planWorkbookReport(reader, readWorkbook(reader, catalogue), catalogue, {
    generatedAt,
  });
  applyPlans(reported, report.sheets, report.renames);
  const file = await workbookFromBytes(reported.toBytes());
  file.removeWorksheet(file.getWorksheet("Sheet1")!.id);
  return { fake, file };
}

/** Both workbooks after install (with the district sample, or empty) and a report. */
async function both(catalogue: Catalogue): Promise<{ fake: FakeWorkbook; file: ExcelJS.Workbook }> {
  const sample = catalogue === DISTRICT_CATALOGUE;
  const fake = new FakeWorkbook();
  await fake.run((context) => installSheets(context, { catalogue, sample }));
  await fake.run((context) => generateReport(context, { generatedAt, catalogue }));
  const { pkg } = buildTemplate({ sample, catalogue });
  reportIntoPackage(pkg, { generatedAt });
  // Through the bytes, as a user's file would be.
  const file = await workbookFromBytes(pkg.toBytes());
  return { fake, file };
}

const ours = (book: FakeWorkbook) => book.sheetNames().filter((name) => name !== "Sheet1");

/** A formula or constant as comparable text: `=X` for formulas, numbers at 12 digits. */
function normalize(value: unknown, formula: string | undefined): string {
  if (formula) return formula.startsWith("=") ? formula : `=${formula}`;
  if (value === null || value === undefined || value === "" || value === "\u00a0") return "";
  if (typeof value === "number") return String(Number(value.toPrecision(12)));
  return String(value);
}

describe.each([
  ["a new file (template): huyen-2021 with its sample", () => both(DISTRICT_CATALOGUE)],
  ["a new file (template): a province's catalogue file", () => both(PROVINCE)],
  ["a new file (template): a province's form with every kind of issue 21", () => both(FULL_FORM)],
  ["a user's file (install and report as a package)", bothThroughPackage],
])("Office.js and the file adapter write the same workbook: %s", (_what, make) => {
  let fake: FakeWorkbook;
  let file: ExcelJS.Workbook;
  beforeAll(async () => ({ fake, file } = await make()), 60_000);

  it("has the same sheets in the same order, the meta sheet very hidden in both", () => {
    // A new Excel workbook starts with Sheet1; a new file starts empty.
    // Where a very hidden sheet sits in the tab order is invisible, and the engines differ.
    const visible = (names: string[]) => names.filter((n) => n !== "_CCHC");
    expect(visible(file.worksheets.map((ws) => ws.name))).toEqual(visible(ours(fake)));
    expect(file.worksheets.map((ws) => ws.name).sort()).toEqual(ours(fake).sort());
    expect(findWorksheet(file, "_CCHC")!.state).toBe("veryHidden");
    expect(fake.sheet("_CCHC").visibility).toBe("VeryHidden");
  });

  it("defines the same names at the same cells", () => {
    const fileNames = new Map<string, string>();
    for (const { name, ranges } of file.definedNames.model) {
      if (/^(CCHC|BC)_/.test(name)) fileNames.set(name, ranges[0].replace(/\$/g, ""));
    }
    const fakeNames = new Map(
      [...fake.namedCells("CCHC_"), ...fake.namedCells("BC_")].map(([name, c]) => [
        name,
        c.ref.replace(/\$/g, ""),
      ]),
    );
    // Every indicator has its input name and its report name (and the report names are there).
    expect([...fileNames.keys()].some((name) => name.startsWith("BC_"))).toBe(true);
    expect(fileNames.size).toBeGreaterThan(20);
    expect(new Map([...fileNames].sort())).toEqual(new Map([...fakeNames].sort()));
  });

  it("holds the same labels, values, formulas and number formats in every cell", () => {
    const differences: string[] = [];
    let compared = 0;
    for (const name of ours(fake)) {
      const sheet = fake.sheet(name);
      const worksheet = findWorksheet(file, name)!;
      const seen = new Set<string>();
      for (const key of sheet.cells.keys()) seen.add(key);
      worksheet.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (_c, c) => seen.add(`${r}:${c}`)),
      );
      for (const key of seen) {
        const [r, c] = key.split(":").map(Number);
        const state = sheet.peek(r, c);
        const cell = worksheet.findCell(r, c);
        const a = normalize(state?.value, state?.formula);
        const b = cell ? normalize(cellValue(cell), cellFormula(cell)) : "";
        // The report's footnote and the meta's timestamp carry the generation time of each run.
        if (a !== b && !/^report_generated_at|^Ghi chú: số liệu tổng hợp/.test(a))
          differences.push(`${name}!${address(c, r)}: ${a} ≠ ${b}`);
        if (a !== "" && state && cell) {
          const formatA = state.numberFormat === "General" ? "" : state.numberFormat;
          const formatB = !cell.numFmt || cell.numFmt === "General" ? "" : cell.numFmt;
          if (formatA !== formatB)
            differences.push(`${name}!${address(c, r)} format: ${formatA} ≠ ${formatB}`);
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1500);
    expect(differences).toEqual([]);
  });

  it("merges the same ranges", () => {
    for (const name of ours(fake)) {
      const fromFake = fake
        .sheet(name)
        .merges.map((box) => `${address(box.left, box.top)}:${address(box.right, box.bottom)}`)
        .sort();
      const model = (findWorksheet(file, name)!.model as unknown as { merges?: string[] }).merges ?? [];
      expect([name, [...model].sort()]).toEqual([name, fromFake]);
    }
  });

  it("validates every input the same way", () => {
    const differences: string[] = [];
    for (const [name, { ref }] of fake.namedCells("CCHC_")) {
      const state = fake.cellAt(ref).validation;
      const [sheetPart, at] = ref.split("!");
      const worksheet = findWorksheet(file, sheetPart.replace(/^'|'$/g, "").replace(/''/g, "'"))!;
      const { row, column } = parseAddress(at);
      const dv = worksheet.getCell(row, column).dataValidation as ExcelJS.DataValidation | undefined;
      const rule = state?.rule;
      const kind = rule?.wholeNumber
        ? "whole"
        : rule?.decimal
          ? "decimal"
          : rule?.list
            ? "list"
            : rule?.date
              ? "date"
              : rule?.custom
                ? "custom"
                : undefined;
      const fileKind = dv?.type;
      if ((kind ?? "none") !== (fileKind ?? "none")) differences.push(`${name}: ${kind} ≠ ${fileKind}`);
      if (kind && state?.errorAlert?.message !== dv?.error) differences.push(`${name}: error text differs`);
      if (kind && state?.prompt?.message !== dv?.prompt) differences.push(`${name}: prompt differs`);
    }
    expect(differences).toEqual([]);
  });
});
