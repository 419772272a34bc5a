/**
 * Targets and comparisons in the core (issue 21): the catalogue's `target` validated with its
 * JSON path, kept through the file form; a target met or missed exactly (not on the printed
 * rounding); the previous period of each period; the appendix of a form without targets and
 * without comparison printed as before (five columns, portrait).
 */
import * as fs from "fs";
import * as path from "path";
import { builtinCatalogue, catalogueToFile } from "../../src/core/catalogue";
import { sampleOf } from "../../src/core/catalogue/sample";
import { catalogueProblems, parseCatalogue } from "../../src/core/catalogue/validate";
import { checkFigures } from "../../src/core/checks";
import { buildDraft } from "../../src/core/narrative";
import { comparedPeriods, previousPeriod } from "../../src/core/report/comparison";
import { evaluateIndicators } from "../../src/core/evaluate";
import { figuresFromValues } from "../../src/core/figures";
import { statisticsSheetPlan } from "../../src/core/report/appendices";
import { meetsTarget, targetText } from "../../src/core/targets";

const FIXTURE = path.join(__dirname, "..", "fixtures", "catalogues", "ha-noi-phuong.json");
const text = fs.readFileSync(FIXTURE, "utf8");
const catalogue = parseCatalogue(text, FIXTURE);

/** The fixture with one indicator's fields replaced (by id). */
function edited(id: string, fields: Record<string, unknown>): string {
  const file = JSON.parse(text) as { indicators: Array<Record<string, unknown>> };
  const at = file.indicators.findIndex((i) => i.id === id);
  file.indicators[at] = { ...file.indicators[at], ...fields };
  return JSON.stringify(file);
}

describe("the catalogue's target", () => {
  it("is kept through the file form", () => {
    const byId = new Map(catalogueToFile(catalogue).indicators.map((i) => [i.id, i]));
    expect(byId.get("hs_tyle_tructuyen")?.target).toEqual({ value: 0.6, better: "higher" });
    expect(byId.get("hs_trehan")?.target).toEqual({ value: 0, better: "lower" });
    expect(byId.get("hs_tiepnhan")?.target).toBeUndefined();
  });

  it("is refused with its JSON path on a text, above 1 on a rate, with an unknown side or a negative value", () => {
    // hs_tiepnhan is indicators[0]; the rate hs_tyle_tructuyen indicators[5].
    // (Other problems follow from a text where formulas need a figure: not this test's.)
    expect(
      catalogueProblems(
        edited("hs_tiepnhan", { kind: "text", target: { value: 1, better: "higher" } }),
      ).filter((p) => p.path.endsWith(".target")),
    ).toEqual([
      {
        path: "indicators[0].target",
        id: "hs_tiepnhan",
        message:
          'Chỉ chỉ tiêu số (count, money) hoặc tỷ lệ (ratio) mới có chỉ tiêu cần đạt (target); chỉ tiêu này là "text".',
      },
    ]);
    expect(
      catalogueProblems(edited("hs_tyle_tructuyen", { target: { value: 60, better: "higher" } })),
    ).toEqual([
      {
        path: "indicators[5].target",
        id: "hs_tyle_tructuyen",
        message:
          'Chỉ tiêu cần đạt của một tỷ lệ viết dạng thập phân từ 0 đến 1 (0.6 là 60%); "value": 60 lớn hơn 1.',
      },
    ]);
    const schema = catalogueProblems(edited("hs_tiepnhan", { target: { value: -1, better: "more" } }));
    expect(schema.map((p) => p.path).sort()).toEqual([
      "indicators[0].target.better",
      "indicators[0].target.value",
    ]);
  });
});

describe("a target met or missed", () => {
  it("compares exactly: 99,996 % prints as 100,00 % but misses 100 %", () => {
    const full = { value: 1, better: "higher" } as const;
    expect(meetsTarget(full, 1)).toBe(true);
    expect(meetsTarget(full, 0.99996)).toBe(false);
    expect(meetsTarget({ value: 0, better: "lower" }, 0)).toBe(true);
    expect(targetText({ kind: "ratio", target: { value: 0.2, better: "higher" } })).toBe("≥ 20,00%");
    expect(targetText({ kind: "count", target: { value: 1200, better: "lower" } })).toBe("≤ 1.200");
  });

  it("says the unrounded rate when the printed one equals the target", () => {
    const figures = figuresFromValues(
      { hs_dunghan: 99996, hs_trehan: 4, hs_tiepnhan: 10, hs_tructuyen: 6, hs_toantrinh: 2 },
      catalogue,
      (i) => `'1. Một cửa'!${i.id}`,
    );
    const messages = checkFigures(figures, [], catalogue)
      .filter((f) => f.checkId.startsWith("target:"))
      .map((f) => f.message);
    expect(messages).toEqual([
      "Hồ sơ giải quyết trễ hạn (ô '1. Một cửa'!hs_trehan) là 4 hồ sơ, chưa đạt chỉ tiêu ≤ 0 mà mẫu báo cáo đặt ra.",
      "Tỷ lệ hồ sơ giải quyết đúng hạn (tính từ ô '1. Một cửa'!hs_dunghan, '1. Một cửa'!hs_trehan) là 99,9960% (làm tròn 100,00%), chưa đạt chỉ tiêu ≥ 100,00% mà mẫu báo cáo đặt ra.",
    ]);
  });
});

describe("the previous period", () => {
  it("is the period of the same length ending the day before", () => {
    expect(previousPeriod("Quý III", 2026)).toEqual({ period: "Quý II", year: 2026 });
    expect(previousPeriod("Quý I", 2026)).toEqual({ period: "Quý IV", year: 2025 });
    expect(previousPeriod("Tháng 1", 2026)).toEqual({ period: "Tháng 12", year: 2025 });
    // The first half-year follows last year's second (15/6 – 14/12/2025, then 15/12/2025 – 14/6/2026).
    expect(previousPeriod("6 tháng", 2026)).toEqual({ period: "6 tháng cuối năm", year: 2025 });
    // 9 tháng, Năm and «Tùy chọn» compare with the same period of last year only (or nothing).
    expect(previousPeriod("Tùy chọn", 2026)).toBeUndefined();
    expect(previousPeriod("9 tháng", 2026)).toBeUndefined();
    expect(previousPeriod("Năm", 2026)).toBeUndefined();
  });

  it("refuses a 9-month report's quarter, saying it compares with last year's 9 months only", () => {
    const district = builtinCatalogue("huyen-2021")!;
    const values = sampleOf("huyen-2021")!.figures as Record<string, unknown>;
    const half = { ...values, ky_bao_cao: "9 tháng" };
    const evaluated = evaluateIndicators(figuresFromValues(half, district), district);
    const other = {
      source: "q2.xlsx",
      catalogue: district,
      figures: figuresFromValues({ ...values, ky_bao_cao: "Quý II" }, district),
    };
    expect(() => comparedPeriods({ catalogue: district, evaluated }, [other])).toThrow(
      'Không so sánh được với tệp "q2.xlsx": tệp là báo cáo quý II năm 2021; báo cáo 9 tháng đầu năm 2021 chỉ so sánh với cùng kỳ năm trước (9 tháng đầu năm 2020).',
    );
  });
});

it("prints a form without targets and without comparison as before: five columns, portrait", () => {
  const district = builtinCatalogue("huyen-2021")!;
  const figures = figuresFromValues(sampleOf("huyen-2021")!.figures as Record<string, unknown>, district);
  const plan = statisticsSheetPlan({
    catalogue: district,
    figures,
    evaluated: evaluateIndicators(figures, district),
    documents: [],
  });
  expect(plan.columns).toEqual([6, 44, 13, 18, 21]);
  expect(plan.page?.orientation).toBe("portrait");
});

it("keeps a form with targets but no comparison portrait, on one page when its rows fit", () => {
  // Landscape (for one more column) held fewer rows and sent the last two and the signature to a
  // page of their own, half of page 1 empty.
  const figures = figuresFromValues(
    { co_quan: "UBND PHƯỜNG A", ky_bao_cao: "Quý III", nam: 2026 },
    catalogue,
  );
  const plan = statisticsSheetPlan({
    catalogue,
    figures,
    evaluated: evaluateIndicators(figures, catalogue),
    documents: [],
  });
  expect(plan.columns.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(102);
  expect(plan.page?.orientation).toBe("portrait");
  expect(plan.page?.rowBreaks).toEqual([]);
});

it("gives the draft's Phụ lục I the compared columns of the workbook's (one computation)", () => {
  const district = builtinCatalogue("huyen-2021")!;
  const values = sampleOf("huyen-2021")!.figures as Record<string, unknown>;
  const figures = figuresFromValues(values, district);
  const draft = buildDraft({
    catalogue: district,
    figures,
    findings: checkFigures(figures, [], district),
    documents: [],
    compared: [
      {
        source: "2020.xlsx",
        catalogue: district,
        figures: figuresFromValues({ ...values, nam: 2020, hs_tong: 1105 }, district),
      },
    ],
    withAppendices: true,
    generatedAt: new Date(2021, 8, 15),
  });
  const cells = draft.appendices[0].table.rows.flat().map((c) => JSON.stringify(c));
  expect(cells.some((c) => c.includes("Cùng kỳ năm trước (năm 2020)"))).toBe(true);
  expect(cells.some((c) => c.includes("tăng 12 (+1,09%)"))).toBe(true);
});
