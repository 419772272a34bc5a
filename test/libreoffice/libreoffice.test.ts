/**
 * The CLI's workbooks in a real spreadsheet engine (headless LibreOffice, which knows nothing of
 * CCHC.*): every formula cell shows the core's cached figure (51,06% …), never #NAME?, in the
 * sample and in the blank template; and validation, merges, protection and names survive a
 * LibreOffice xlsx → xlsx round trip, after which our own reader still finds the figures.
 * Two soffice starts in all: one converts both files to CSV, one round-trips the sample.
 */
import * as fs from "fs";
import * as path from "path";
import type * as ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { bufferIo } from "../../src/cli/io";
import { DISTRICT_CATALOGUE, inputName } from "../../src/core/catalogue";
import { countFindings } from "../../src/core/checks";
import { planInstall } from "../../src/core/install";
import { parseAddress, type CellPlan, type SheetPlan } from "../../src/core/layout/model";
import { fromExcelSerial } from "../../src/core/period";
import { checkFile, installIntoFile } from "../../src/xlsx/node/operations";
import { findWorksheet } from "../support/excelJsWorkbook";
import {
  convert,
  CSV_ALL_SHEETS_AS_SHOWN,
  makeProfile,
  makeRunDir,
  parseCsv,
  describeWithPrograms,
  soffice,
} from "../support/libreoffice";
import {
  namedCell,
  namedSnapshot,
  protectionOf,
  readBack,
  removeTempDir,
  validationsOf,
} from "../support/xlsx";

const describeEngine = describeWithPrograms("test/libreoffice/libreoffice.test.ts", ["libreoffice"]);

const RATIOS = new Set(
  DISTRICT_CATALOGUE.indicators.filter((i) => i.kind === "ratio").map((i) => inputName(i.id)),
);
const SAMPLE = planInstall(
  { sheetNames: [], sheets: new Map() },
  { sample: true, catalogue: DISTRICT_CATALOGUE },
).sheets;
const BLANK = planInstall({ sheetNames: [], sheets: new Map() }, { catalogue: DISTRICT_CATALOGUE }).sheets;

/** What a cached value may look like on screen, in an en-US or a vi-VN LibreOffice. */
function displays(cell: CellPlan): string[] {
  const cached = cell.cached;
  if (cached === undefined || cached === "") return [""];
  if (typeof cached === "string") return [cached];
  const format = cell.style?.numberFormat;
  const both = (text: string) => [text, text.replace(".", ",")];
  switch (format) {
    case "0.00%":
      return both(`${(cached * 100).toFixed(2)}%`);
    case "0.00":
      return both(cached.toFixed(2));
    case "+0.00;-0.00;0.00":
      return both(cached > 0 ? `+${cached.toFixed(2)}` : cached < 0 ? cached.toFixed(2) : "0.00");
    case "dd/mm/yyyy": {
      const { year, month, day } = fromExcelSerial(cached);
      return [`${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`];
    }
    default:
      throw new Error(`No expected display for ${cell.address} in format ${format}`);
  }
}

describeEngine("LibreOffice (headless) opens the CLI's workbooks", () => {
  let run: string;
  const csv = new Map<string, string[][]>();
  let roundTripped: string;
  let sample: string;
  let back: ExcelJS.Workbook;

  beforeAll(async () => {
    run = makeRunDir();
    sample = path.join(run, "mau.xlsx");
    const blank = path.join(run, "trong.xlsx");
    expect(await main(["template", "-o", sample, "--sample", "--catalogue", "huyen-2021"], bufferIo())).toBe(
      0,
    );
    expect(await main(["template", "-o", blank, "--catalogue", "huyen-2021"], bufferIo())).toBe(0);
    const profile = makeProfile(run);
    convert(soffice(), profile, CSV_ALL_SHEETS_AS_SHOWN, path.join(run, "csv"), [sample, blank]);
    for (const name of fs.readdirSync(path.join(run, "csv"))) {
      csv.set(name, parseCsv(fs.readFileSync(path.join(run, "csv", name), "utf8")));
    }
    convert(soffice(), profile, "xlsx:Calc MS Excel 2007 XML", path.join(run, "roundtrip"), [sample]);
    roundTripped = path.join(run, "roundtrip", "mau.xlsx");
    back = await readBack(roundTripped);
  }, 300_000);
  afterAll(() => run && removeTempDir(run));

  function shown(file: string, plan: SheetPlan, address: string): string {
    const grid = csv.get(`${file}-${plan.name}.csv`);
    if (!grid)
      throw new Error(
        `LibreOffice wrote no CSV for sheet "${plan.name}" of ${file} (per-sheet CSV needs LibreOffice ≥ 7.2); got: ${[...csv.keys()].join(", ")}`,
      );
    const { row, column } = parseAddress(address);
    // LibreOffice shows the no-break space that stands for an empty result; on screen it is blank.
    return (grid[row - 1]?.[column - 1] ?? "").replace(/\u00a0/g, "").trim();
  }

  it("shows the sample's cached figures in every formula cell: 51,06% …", () => {
    const s1 = SAMPLE.find((p) => p.key === "s1")!;
    const ratio = s1.cells.find((c) => c.computes?.type === "indicator" && c.computes.id === "kh_tyle")!;
    expect(shown("mau", s1, ratio.address)).toMatch(/^51[.,]06%$/);
    let checked = 0;
    for (const plan of SAMPLE) {
      for (const cell of plan.cells.filter((c) => c.formula)) {
        const text = shown("mau", plan, cell.address);
        expect([
          plan.name,
          cell.address,
          displays(cell).includes(text) ? text : `${text} (expected ${displays(cell).join(" or ")})`,
        ]).toEqual([plan.name, cell.address, text]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("shows blanks, not #NAME?, in a blank template's formula cells", () => {
    for (const plan of BLANK) {
      for (const cell of plan.cells.filter((c) => c.formula)) {
        expect([plan.name, cell.address, shown("trong", plan, cell.address)]).toEqual([
          plan.name,
          cell.address,
          displays(cell)[0],
        ]);
      }
    }
  });

  it("shows no error value anywhere in either workbook", () => {
    for (const [name, grid] of csv) {
      const errors = grid.flat().filter((text) => /^(#[A-Z/0!?]+|Err:\d+)/.test(text));
      expect([name, errors]).toEqual([name, []]);
    }
    expect(csv.size).toBe(2 * SAMPLE.length);
  });

  it("keeps merges, validation, protection and the names through an xlsx round trip", () => {
    for (const plan of SAMPLE) {
      const ws = findWorksheet(back, plan.name)!;
      expect([plan.name, [...ws.model.merges].sort()]).toEqual([plan.name, [...plan.merges].sort()]);
      expect([plan.name, protectionOf(ws)?.sheet ?? false]).toEqual([plan.name, plan.protect]);
    }
    const count = namedCell(back, "CCHC_KH_TONG");
    // A whole number ≥ 0 or «chưa có số liệu» (issue 21): Excel's custom rule survives LibreOffice.
    expect(validationsOf(count.worksheet)[count.address]).toMatchObject({
      type: "custom",
      // LibreOffice adds a second, unused formula ("0") to a custom rule.
      formulae: expect.arrayContaining([
        expect.stringMatching(/^OR\(AND\(ISNUMBER\(D\d+\).*"chưa có số liệu"\)$/),
      ]),
      showErrorMessage: true,
      errorTitle: "Số liệu không hợp lệ",
      error: "Chỉ nhập số nguyên lớn hơn hoặc bằng 0, hoặc «chưa có số liệu» nếu nguồn không có số liệu.",
      promptTitle: expect.stringMatching(/^Số nhiệm vụ/),
    });
    expect(count.protection?.locked).toBe(false);
    expect(namedCell(back, "CCHC_KH_TYLE").protection?.locked ?? true).toBe(true);
    const period = namedCell(back, "CCHC_KY_BAO_CAO");
    expect(validationsOf(period.worksheet)[period.address]).toMatchObject({ type: "list" });
    const docs = findWorksheet(back, "Danh mục văn bản")!;
    expect(validationsOf(docs).C4).toMatchObject({ type: "date" });
    expect(validationsOf(docs).C504).toMatchObject({ type: "date" });
    const names = back.definedNames.model.filter((n) => n.name.startsWith("CCHC_")).map((n) => n.name);
    expect(names).toHaveLength(DISTRICT_CATALOGUE.indicators.length);
  });

  it("still reads the figures after LibreOffice saved the file: check and install keep every one", async () => {
    const { findings } = await checkFile(roundTripped);
    expect(countFindings(findings)).toEqual({ errors: 0, warnings: 4 });
    const typed = (wb: ExcelJS.Workbook) =>
      [...namedSnapshot(wb)].filter(([name]) => !RATIOS.has(name)).map(([name, { value }]) => [name, value]);
    const original = typed(await readBack(sample));
    expect(typed(back)).toEqual(original);
    const outcome = await installIntoFile(roundTripped);
    expect(outcome.summary).toMatchObject({ fromVersion: "2021.1", added: [], renamed: [] });
    expect(typed(await readBack(roundTripped))).toEqual(original);
    expect(countFindings((await checkFile(roundTripped)).findings)).toEqual({ errors: 0, warnings: 4 });
  });
});
