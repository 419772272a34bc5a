import { DISTRICT_CATALOGUE, reportName } from "../../src/core/catalogue";
import { SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { evaluateIndicators } from "../../src/core/evaluate";
import { figuresFromValues } from "../../src/core/figures";
import { templateSheets } from "../../src/core/install";
import { generateReport } from "../../src/excel/generateReport";
import { FakeWorkbook } from "../fakes/fakeExcel";
import { installedWorkbook, noteRef } from "./support";

const generatedAt = new Date(2021, 8, 15, 9, 30);

/** Every cell of our input sheets, deep-copied, to compare before and after. */
function inputSheetsSnapshot(book: FakeWorkbook): string {
  const names = templateSheets(DISTRICT_CATALOGUE).map((s) => s.name);
  return JSON.stringify(names.map((name) => [name, [...book.sheet(name).cells.entries()].sort()]));
}

describe("generateReport (Office.js)", () => {
  it("writes Phụ lục I in one read and one write sync, with the core's figures at BC_*; no Phụ lục II without documents", async () => {
    const book = await installedWorkbook({ sample: true });
    const { result, syncs } = await book.run((context) => generateReport(context, { generatedAt }));
    expect(syncs).toBe(2);
    expect(result).toMatchObject({
      errors: 0,
      warnings: 4,
      sheets: ["Phụ lục I"],
      keptEdited: [],
      documentsOmitted: true,
    });
    // The sample's list is empty here: an empty Phụ lục II is not written (issue 17).
    expect(book.sheetNames()).toContain("Phụ lục I");
    expect(book.sheetNames()).not.toContain("Phụ lục II");

    const evaluated = evaluateIndicators(
      figuresFromValues(SAMPLE_FIGURES, DISTRICT_CATALOGUE),
      DISTRICT_CATALOGUE,
    );
    for (const indicator of DISTRICT_CATALOGUE.indicators.filter((i) => i.section !== "0")) {
      const expected = evaluated.get(indicator.id)!.value;
      const ref = book.refOf(reportName(indicator.id));
      expect([indicator.id, book.valueOf(ref)]).toEqual([indicator.id, expected]);
      expect(book.formulaOf(ref)).toBe(expected);
    }
    expect(book.valueOf(book.refOf("BC_KH_TYLE"))).toBeCloseTo(24 / 47, 12);
    expect(book.cellAt(book.refOf("BC_KH_TYLE")).numberFormat).toBe("0.00%");
    expect(book.sheet("Phụ lục I").page).not.toEqual({});
  });

  it("leaves the input sheets unchanged to the cell when generating again", async () => {
    const book = await installedWorkbook({ sample: true });
    await book.run((context) => generateReport(context, { generatedAt }));
    const before = inputSheetsSnapshot(book);
    const { result, syncs } = await book.run((context) => generateReport(context, { generatedAt }));
    expect(syncs).toBe(2);
    expect(result.keptEdited).toEqual([]);
    expect(inputSheetsSnapshot(book)).toBe(before);
    expect(book.sheetNames().filter((n) => n.startsWith("Phụ lục"))).toEqual(["Phụ lục I"]);
  });

  it("keeps a report edited by hand under another name and writes a fresh one", async () => {
    const book = await installedWorkbook({ sample: true });
    await book.run((context) => generateReport(context, { generatedAt }));
    book.setCell(book.refOf("BC_KH_TONG"), { value: 50 });
    const { result } = await book.run((context) => generateReport(context, { generatedAt }));
    expect(result.keptEdited).toEqual(["Phụ lục I (sửa tay)"]);
    expect(book.valueOf("'Phụ lục I (sửa tay)'!" + book.refOf("BC_KH_TONG").split("!")[1])).toBe(50);
    expect(book.valueOf(book.refOf("BC_KH_TONG"))).toBe(47);
    expect(book.refOf("BC_KH_TONG")).toMatch(/^'Phụ lục I'!/);
  });

  it("shows a user's note in the row's Ghi chú instead of the warning it explains", async () => {
    const book = await installedWorkbook({ sample: true });
    book.type(noteRef(book, "bc_xa_comat"), "Gồm 68 người hợp đồng theo Nghị định 68");
    await book.run((context) => generateReport(context, { generatedAt }));
    const note = book.refOf("BC_BC_XA_COMAT").replace(/!D(\d+)$/, "!E$1");
    expect(book.valueOf(note)).toBe("Gồm 68 người hợp đồng theo Nghị định 68");
  });

  it("refuses a workbook without the template, writing nothing", async () => {
    const book = new FakeWorkbook();
    await expect(book.run((context) => generateReport(context, { generatedAt }))).rejects.toThrow(
      /chưa có mẫu CCHC/,
    );
    expect(book.sheetNames().some((n) => n.startsWith("Phụ lục"))).toBe(false);
  });
});
