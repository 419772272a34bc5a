import fc from "fast-check";
import { DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import { SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { checkFigures } from "../../src/core/checks";
import { evaluateIndicators } from "../../src/core/evaluate";
import { classifyCell, figuresFromValues, type DocumentRow } from "../../src/core/figures";
import { planReport } from "../../src/core/report/planReport";
import { planInstall } from "../../src/core/install";

const ids = DISTRICT_CATALOGUE.indicators.map((i) => i.id);
/** Anything a cell could hand us: numbers of every kind, text, booleans, errors, dates, blanks. */
const cellValue = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    Number.NaN,
    Infinity,
    -Infinity,
    1e308,
    -0,
    0.5,
    "#N/A",
    "#DIV/0!",
    "",
    " ",
    "Quý III",
    "abc",
    true,
    null,
  ),
  fc.string(),
  fc.date(),
  fc.anything(),
);

describe("no input makes the core throw", () => {
  it("checkFigures and evaluateIndicators accept any cell contents", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...ids), cellValue),
        fc.array(fc.tuple(cellValue, cellValue), { maxLength: 5 }),
        (changes, docs) => {
          const figures = figuresFromValues({ ...SAMPLE_FIGURES, ...changes }, DISTRICT_CATALOGUE);
          const documents: DocumentRow[] = docs.map(([number, date], i) => ({
            index: i + 1,
            number: classifyCell(number),
            date: classifyCell(date),
            summary: { type: "blank" },
            note: { type: "blank" },
            numberCell: `B${i + 4}`,
            dateCell: `C${i + 4}`,
          }));
          const findings = checkFigures(figures, documents, DISTRICT_CATALOGUE);
          for (const f of findings) {
            expect(["error", "warning"]).toContain(f.severity);
            expect(f.message.length).toBeGreaterThan(0);
          }
          for (const [, value] of evaluateIndicators(figures, DISTRICT_CATALOGUE)) {
            if (typeof value.value === "number") expect(Number.isFinite(value.value)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a figure the checks call an error is said in the findings, never on its printed row", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ids.filter((id) => !id.endsWith("tyle"))), cellValue, (id, value) => {
        const figures = figuresFromValues({ ...SAMPLE_FIGURES, [id]: value }, DISTRICT_CATALOGUE);
        const installed = planInstall(
          { sheetNames: [], sheets: new Map() },
          { catalogue: DISTRICT_CATALOGUE },
        );
        const grid = installed.sheets.at(-1)!.cells;
        const meta = { name: "_CCHC", cells: [] as unknown[][] };
        for (const c of grid) {
          const row = Number(c.address.slice(1)) - 1;
          meta.cells[row] = meta.cells[row] ?? [];
          meta.cells[row][c.address.startsWith("A") ? 0 : 1] = c.value;
        }
        const report = planReport(
          { sheetNames: ["_CCHC"], sheets: new Map([["_CCHC", meta]]) },
          { figures, documents: [], generatedAt: new Date(0) },
        );
        const errorIds = new Set(
          report.findings.filter((f) => f.checkId === `kind:${id}`).flatMap((f) => f.ids),
        );
        const table = report.sheets[0];
        const named = table.names.find((n) => n.name === `BC_${id.toUpperCase()}`);
        if (errorIds.has(id) && named) {
          // On screen (the findings), not in the print area: no red row, nothing in Ghi chú.
          expect(report.summary.errors).toBeGreaterThan(0);
          const row = named.address.replace(/^[A-Z]+/, "");
          expect(table.cells.filter((c) => c.address.endsWith(row) && c.style?.fill)).toEqual([]);
          expect(table.cells.find((c) => c.address === `E${row}`)?.value ?? null).toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("classifyCell", () => {
  it("accepts an object that cannot be turned into text (found by the property above)", () => {
    expect(classifyCell({ toString: "" })).toEqual({ type: "text", value: "[giá trị không đọc được]" });
    expect(classifyCell(Object.create(null))).toMatchObject({ type: "text" });
  });
});
