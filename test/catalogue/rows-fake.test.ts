/**
 * Issue 21, rows, through the Office.js adapter on the fake Excel: the nested form installs in two
 * syncs with its rows indented and marked by level, a blank required row is an error naming its
 * cell in the pane's check (under its section), and Phụ lục I numbers and indents by level.
 */
import { catalogueFromFile, inputName, reportName } from "../../src/core/catalogue";
import { checkWorkbook } from "../../src/excel/checkWorkbook";
import { generateReport } from "../../src/excel/generateReport";
import { installSheets } from "../../src/excel/installSheets";
import { ALL_CAPABILITIES } from "../../src/excel/capabilities";
import { createOfficeOperations } from "../../src/taskpane/officeOperations";
import { FakeWorkbook } from "../fakes/fakeExcel";
import { FINDINGS, TYPED } from "../support/province";
import { NESTED_TYPED, nestedForm, SECTION_I } from "../support/nestedForm";

const catalogue = catalogueFromFile(nestedForm());
const labelOf = (id: string) => catalogue.indicators.find((i) => i.id === id)!.label;

/** The cell `columns` to the left of a reference on its row: `'S'!D7`, 2 → `'S'!B7`. */
function leftOf(ref: string, columns: number): string {
  const [, sheet, column, row] = /^(.*!)([A-Z])(\d+)$/.exec(ref)!;
  return `${sheet}${String.fromCharCode(column.charCodeAt(0) - columns)}${row}`;
}

describe("a nested form with required rows through the Office.js adapter", () => {
  const book = new FakeWorkbook();

  it("installs in two syncs, each row's label marked and indented by its level", async () => {
    const install = await book.run((context) => installSheets(context, { catalogue }));
    expect(install.syncs).toBe(2);
    const labels = SECTION_I.map(([id]) => {
      const label = leftOf(book.refOf(inputName(id)), 2);
      return [id, book.valueOf(label), book.cellAt(label).indentLevel];
    });
    expect(labels).toEqual(
      SECTION_I.map(([id, stt, level]) => [id, level === 0 ? labelOf(id) : `${stt} ${labelOf(id)}`, level]),
    );
  });

  it("checks a blank required row as an error naming its cell, shown by the pane under its section", async () => {
    for (const [id, value] of Object.entries({ ...TYPED, ...NESTED_TYPED }))
      if (id !== "tc_dutoan") book.type(inputName(id), value);
    const { result, syncs } = await book.run((context) => checkWorkbook(context, { catalogue }));
    expect(syncs).toBe(2);
    expect(result.findings.map((f) => [f.severity, f.checkId])).toEqual([
      ...FINDINGS.map(([severity, id]) => [severity, id]),
      ["error", "required:tc_dutoan"],
    ]);
    const cell = book.refOf(inputName("tc_dutoan"));
    expect(result.findings[result.findings.length - 1]).toMatchObject({
      cells: [cell],
      message: `«Dự toán thu năm» là dòng bắt buộc của mẫu báo cáo nhưng còn trống.`,
    });

    const ops = createOfficeOperations({ capabilities: () => ALL_CAPABILITIES });
    const saved = (global as unknown as { Excel?: unknown }).Excel;
    (global as unknown as { Excel: unknown }).Excel = {
      run: (batch: never) => book.run(batch).then((r) => r.result),
    };
    try {
      const shown = (await ops.check()).find((f) => f.checkId === "required:tc_dutoan");
      expect(shown).toMatchObject({
        severity: "error",
        cells: [cell],
        section: { title: "III. Tài chính và thời hạn" },
      });
    } finally {
      (global as unknown as { Excel?: unknown }).Excel = saved;
    }
  });

  it("prints Phụ lục I with the STT of each level and the label indented by it", async () => {
    book.type(inputName("tc_dutoan"), 1000);
    const { syncs } = await book.run((context) =>
      generateReport(context, { catalogue, generatedAt: new Date(2026, 2, 20) }),
    );
    expect(syncs).toBe(2);
    const printed = SECTION_I.map(([id]) => {
      const value = book.refOf(reportName(id));
      const label = leftOf(value, 2);
      return [book.valueOf(leftOf(value, 3)), book.valueOf(label), book.cellAt(label).indentLevel];
    });
    expect(printed).toEqual(SECTION_I.map(([id, stt, level]) => [stt, labelOf(id), level]));
    expect(book.valueOf(book.refOf(reportName("hs_toantrinh")))).toBe(45);
  });
});
