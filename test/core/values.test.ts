/**
 * Issue 21, values: the typed percentage (`kind: "percent"`) and «chưa có số liệu» (not reported
 * is not zero), with known answers through reading, checks, evaluation, consolidation over units
 * and periods, the appendix and the narrative draft.
 */
import {
  isNotReportedText,
  NOT_REPORTED,
  parsePercentText,
  percentDecimalsOf,
  weightedRate,
} from "../../src/core/arithmetic";
import { CatalogueError } from "../../src/core/catalogue/errors";
import { parseCatalogue } from "../../src/core/catalogue/validate";
import { combineRuleOf } from "../../src/core/catalogue/combine";
import { checkFigures } from "../../src/core/checks";
import { consolidatePeriods, consolidateUnits, type InputEntry } from "../../src/core/consolidate";
import { evaluateIndicators } from "../../src/core/evaluate";
import { figuresFromValues, readPercentCell } from "../../src/core/figures";
import { validationOf } from "../../src/core/layout/inputSheets";
import { figureValidationFormula } from "../../src/core/layout/model";
import { statisticsSheetPlan } from "../../src/core/report/appendices";
import { indicatorSentence } from "../../src/core/narrative/draft";
import { fillTemplate } from "../../src/core/narrative/fill";
import { typeFigures } from "../../src/core/consolidate";
import { planInstall } from "../../src/core/install";
import { validationAccepts } from "../fakes/fakeState";
import { PlanWorkbook } from "../support/formula-evaluator";
import { workbookOf } from "../support/plans";
import { VALUES_FORM } from "../support/valuesForm";

const form = parseCatalogue(JSON.stringify(VALUES_FORM));
const figuresOf = (values: Record<string, unknown>) => figuresFromValues(values, form);
const INFO = { co_quan: "UBND XÃ A", ky_bao_cao: "Quý III", nam: 2026 };
// The dossiers received, so that the rate of dossiers settled has its denominator.
const findingsOf = (values: Record<string, unknown>) =>
  checkFigures(figuresOf({ ...INFO, tthc_tiep_nhan: 40, ...values }), [], form);
const indicator = (id: string) => form.indicators.find((i) => i.id === id)!;

describe("the core arithmetic of the two values", () => {
  it("reads a percentage typed as text, the Vietnamese and the other decimal mark", () => {
    expect(parsePercentText("96,8%")).toBe(0.968);
    expect(parsePercentText(" 96.8 % ")).toBe(0.968);
    expect(parsePercentText("100%")).toBe(1);
    expect(parsePercentText("0,968")).toBe(0.968);
    expect(parsePercentText("1.234,5%")).toBeUndefined();
    expect(parsePercentText("chín mươi")).toBeUndefined();
  });

  it("knows «chưa có số liệu» however it is cased, spaced or composed, and nothing else", () => {
    for (const text of [
      "chưa có số liệu",
      "Chưa có số liệu.",
      "  CHƯA CÓ  SỐ LIỆU ",
      "chưa có số liệu".normalize("NFD"),
    ])
      expect([text, isNotReportedText(text)]).toEqual([text, true]);
    for (const text of ["x", "-", "0", "không có", "chua co so lieu"])
      expect([text, isNotReportedText(text)]).toEqual([text, false]);
  });

  it("weights rates by their counts, never averages them", () => {
    // 90% of 100 and 50% of 300: 240 of 400 = 60%, not the average 70%.
    expect(
      weightedRate([
        [0.9, 100],
        [0.5, 300],
      ]),
    ).toBe(0.6);
    expect(weightedRate([[0.9, 0]])).toBe("");
    expect(() => weightedRate([[0.9, -1]])).toThrow(/âm/);
  });

  it("prints a typed percentage with the decimals it has", () => {
    expect(percentDecimalsOf(0.968)).toBe(1);
    expect(percentDecimalsOf(1)).toBe(0);
    expect(percentDecimalsOf(0.12345)).toBe(2);
  });
});

describe("catalogue check of the percent kind", () => {
  const problemsOf = (change: (file: typeof VALUES_FORM) => void) => {
    const file = JSON.parse(JSON.stringify(VALUES_FORM));
    change(file);
    try {
      parseCatalogue(JSON.stringify(file));
      return [];
    } catch (error) {
      if (!(error instanceof CatalogueError)) throw error;
      return error.problems.map((p) => `${p.path}: ${p.message}`);
    }
  };

  it("accepts the form and says how each percentage combines", () => {
    expect(combineRuleOf(indicator("tt_tructuyen"), form)).toBe("weighted");
    expect(combineRuleOf(indicator("hai_long"), form)).toBe("notCombined");
  });

  it("refuses a weight that is money, unknown, or on another kind", () => {
    expect(problemsOf((f) => ((f.indicators[5] as { weightedBy?: string }).weightedBy = "kinh_phi"))).toEqual(
      [
        'indicators[5].weightedBy: Quyền số "kinh_phi" phải là chỉ tiêu số đếm (count) của mẫu; "kinh_phi" là "money".',
      ],
    );
    expect(problemsOf((f) => ((f.indicators[5] as { weightedBy?: string }).weightedBy = "khong_co"))).toEqual(
      ['indicators[5].weightedBy: Quyền số "khong_co" không có trong indicators.'],
    );
    expect(problemsOf((f) => ((f.indicators[0] as { max?: number }).max = 120))).toEqual([
      'indicators[0].max: Chỉ chỉ tiêu phần trăm (percent) mới có max; chỉ tiêu này là "count".',
    ]);
  });
});

describe("reading and checking typed values", () => {
  it("reads «96,8%» typed as text as 0.968, and leaves the mark as typed", () => {
    const figures = figuresOf({ tt_tructuyen: "96,8%", hai_long: 0.9, tthc_tiep_nhan: NOT_REPORTED });
    expect(figures.get("tt_tructuyen")!.value).toEqual({ type: "number", value: 0.968 });
    expect(figures.get("hai_long")!.value).toEqual({ type: "number", value: 0.9 });
    expect(figures.get("tthc_tiep_nhan")!.value).toEqual({ type: "text", value: NOT_REPORTED });
    expect(readPercentCell({ type: "text", value: "chưa có số liệu" })).toEqual({
      type: "text",
      value: "chưa có số liệu",
    });
  });

  it("refuses a percentage above the form's maximum, telling how 96,8 was meant", () => {
    const findings = findingsOf({ tt_tructuyen: 96.8, vuot_ke_hoach: 1.2, hai_long: "rất tốt" });
    expect(findings.filter((f) => f.checkId.startsWith("kind:")).map((f) => f.message)).toEqual([
      "Tỷ lệ thanh toán trực tuyến: 96,8 là 9.680,00%, vượt quá 100% mẫu cho phép; nếu là 96,8% hãy gõ kèm dấu % (96,8%) hoặc gõ 0,968.",
      "Mức độ hài lòng: «rất tốt» không phải là tỷ lệ phần trăm: gõ số phần trăm (ví dụ 96,8%), hoặc «chưa có số liệu» nếu chưa có.",
    ]);
    // 120% is within the 150% the form allows for that row.
    expect(findingsOf({ vuot_ke_hoach: 1.2 }).filter((f) => f.checkId.startsWith("kind:"))).toEqual([]);
  });

  it("accepts «chưa có số liệu» in count, money and percent cells, and nothing else that is text", () => {
    const kinds = findingsOf({
      tthc_tiep_nhan: "Chưa có số liệu",
      kinh_phi: "chưa có số liệu",
      tt_tructuyen: "chưa có số liệu",
      hs_xong: "x",
    }).filter((f) => f.checkId.startsWith("kind:"));
    expect(kinds.map((f) => f.checkId)).toEqual(["kind:hs_xong"]);
  });

  it("names the accepted phrase when it is typed without its marks", () => {
    const kind = findingsOf({ hs_xong: "chua co so lieu" }).find((f) => f.checkId === "kind:hs_xong")!;
    expect(kind.message).toContain("nếu chưa có số liệu, gõ đúng cụm «chưa có số liệu» (có dấu)");
  });

  it("a breakdown not split: no «lệch 10» error, a warning that it is not reported", () => {
    // Before: 0 for the parts gives the error «… lệch 10».
    expect(findingsOf({ hs_xong: 10, hs_dung: 0, hs_tre: 0 }).map((f) => f.severity)).toEqual(["error"]);
    const findings = findingsOf({ hs_xong: 10, hs_dung: NOT_REPORTED, hs_tre: NOT_REPORTED });
    expect(findings.map((f) => [f.severity, f.checkId, f.message])).toEqual([
      [
        "warning",
        "unreported:sum:hs_xong:hs_dung+hs_tre",
        "Số hồ sơ đã giải quyết (10): «Đúng hạn», «Quá hạn» chưa có số liệu, nên chưa kiểm tra được tổng. Không coi là 0; khi có số liệu hãy nhập vào.",
      ],
    ]);
    expect(findings[0].cells).toEqual(["hs_dung", "hs_tre", "hs_xong"]);
  });

  it("a breakdown partly given: the known parts are added, and exceeding the total is still an error", () => {
    expect(findingsOf({ hs_xong: 10, hs_dung: 7, hs_tre: NOT_REPORTED })[0].message).toBe(
      "Số hồ sơ đã giải quyết (10): «Quá hạn» chưa có số liệu, nên chưa kiểm tra được tổng (các thành phần đã có số liệu cộng được 7). Không coi là 0; khi có số liệu hãy nhập vào.",
    );
    const over = findingsOf({ hs_xong: 10, hs_dung: 12, hs_tre: NOT_REPORTED });
    expect(over.map((f) => [f.severity, f.message])).toEqual([
      [
        "error",
        "Số hồ sơ đã giải quyết (10): các thành phần đã có số liệu («Đúng hạn») cộng được 12, đã lớn hơn tổng, lệch 2 dù «Quá hạn» chưa có số liệu.",
      ],
    ]);
  });

  it("a ratio over a figure not reported is not computed, and says why", () => {
    const evaluated = evaluateIndicators(
      figuresOf({ hs_dung: 8, hs_tre: NOT_REPORTED, hs_xong: NOT_REPORTED }),
      form,
    );
    expect(evaluated.get("ty_dunghan")).toEqual({
      value: "",
      note: "Không tính được: «Quá hạn» chưa có số liệu",
    });
    expect(evaluated.get("hs_xong")).toEqual({ value: NOT_REPORTED, note: "Chưa có số liệu" });
  });
});

describe("input validation of the figure cells", () => {
  it("takes a number in range or the mark, as Excel evaluates the custom rule", () => {
    const plan = validationOf(indicator("vuot_ke_hoach"), "D9")!;
    expect(plan.rule).toEqual({ type: "figureOrText", whole: false, min: 0, max: 1.5, text: NOT_REPORTED });
    const formula = figureValidationFormula(
      plan.rule as Extract<typeof plan.rule, { type: "figureOrText" }>,
      "D9",
    );
    expect(formula).toBe('OR(AND(ISNUMBER(D9),D9>=0,D9<=1.5),TRIM(D9)="chưa có số liệu")');
    const rule = { rule: { custom: { formula: `=${formula}` } } } as const;
    expect(validationAccepts(rule, 1.2)).toBe(true);
    expect(validationAccepts(rule, 1.6)).toBe(false);
    expect(validationAccepts(rule, "Chưa có số liệu")).toBe(true);
    expect(validationAccepts(rule, "x")).toBe(false);
    const count = validationOf(indicator("hs_xong"), "D5")!;
    const whole = { rule: { custom: { formula: `=${figureValidationFormula(count.rule as never, "D5")}` } } };
    expect(validationAccepts(whole, 3)).toBe(true);
    expect(validationAccepts(whole, 3.5)).toBe(false);
  });
});

const unit = (source: string, values: Record<string, unknown>): InputEntry => ({
  ok: true,
  source,
  catalogue: form,
  figures: figuresOf({ ky_bao_cao: "Quý III", nam: 2026, ...values }),
  documents: [],
});

describe("consolidation over units", () => {
  const outcome = consolidateUnits([
    unit("a.xlsx", {
      co_quan: "UBND XÃ A",
      tthc_tiep_nhan: 100,
      tt_tructuyen: 0.9,
      hai_long: 0.95,
      hs_xong: 10,
    }),
    unit("b.xlsx", {
      co_quan: "UBND XÃ B",
      tthc_tiep_nhan: 300,
      tt_tructuyen: 0.5,
      hai_long: 0.8,
      hs_xong: NOT_REPORTED,
    }),
    unit("c.xlsx", { co_quan: "UBND XÃ C", tthc_tiep_nhan: 50, tt_tructuyen: NOT_REPORTED, hs_xong: 15 }),
  ]);
  const result = outcome.result!;

  it("weights the percentage by the form's count; a unit without its rate makes it incomplete", () => {
    expect(result.values.tt_tructuyen).toBe(NOT_REPORTED);
    expect(result.notes!.tt_tructuyen).toBe(
      "Chưa đủ số liệu: «UBND XÃ C» chưa có tỷ lệ hoặc «Số hồ sơ tiếp nhận», nên không tính được tỷ lệ chung. Các đơn vị còn lại đạt 60% (bình quân theo «Số hồ sơ tiếp nhận»).",
    );
  });

  it("leaves an unweighted percentage blank and says why, never averaging", () => {
    expect(result.values.hai_long).toBeNull();
    expect(result.notes!.hai_long).toBe(
      "Không tổng hợp: mẫu không quy định quyền số cho tỷ lệ này, và tỷ lệ phần trăm không lấy trung bình cộng giữa các đơn vị.",
    );
    expect(result.evaluated.get("hai_long")!.note).toBe(result.notes!.hai_long);
  });

  it("reports a total some unit did not report as incomplete, naming it, instead of adding it as 0", () => {
    expect(result.values.hs_xong).toBe(NOT_REPORTED);
    expect(result.notes!.hs_xong).toBe(
      "Chưa đủ số liệu: «UBND XÃ B» chưa có số liệu, nên không có tổng. 2 đơn vị còn lại cộng được 25.",
    );
    expect(result.values.tthc_tiep_nhan).toBe(450);
  });

  it("a rate typed as text is no rate: the percentage is incomplete, the unit and its text named", () => {
    const typed = consolidateUnits([
      unit("a.xlsx", { co_quan: "UBND XÃ A", tthc_tiep_nhan: 100, tt_tructuyen: 0.9 }),
      unit("b.xlsx", { co_quan: "UBND XÃ B", tthc_tiep_nhan: 300, tt_tructuyen: "khoảng một nửa" }),
    ]).result!;
    expect(typed.values.tt_tructuyen).toBe(NOT_REPORTED);
    expect(typed.notes!.tt_tructuyen).toBe(
      "Chưa đủ số liệu: «UBND XÃ B» ghi «khoảng một nửa», không phải số liệu hợp lệ, nên không tính được tỷ lệ chung. Các đơn vị còn lại đạt 90% (bình quân theo «Số hồ sơ tiếp nhận»).",
    );
  });

  it("weights the rate when every unit gives it: (90% × 100 + 50% × 300) / 400", () => {
    const full = consolidateUnits([
      unit("a.xlsx", { co_quan: "UBND XÃ A", tthc_tiep_nhan: 100, tt_tructuyen: 0.9 }),
      unit("b.xlsx", { co_quan: "UBND XÃ B", tthc_tiep_nhan: 300, tt_tructuyen: 0.5 }),
      unit("c.xlsx", { co_quan: "UBND XÃ C" }),
    ]).result!;
    expect(full.values.tt_tructuyen).toBe(0.6);
    expect(full.notes?.tt_tructuyen).toBeUndefined();
  });
});

describe("consolidation over periods", () => {
  const period = (source: string, ky: string, values: Record<string, unknown>): InputEntry => ({
    ok: true,
    source,
    catalogue: form,
    figures: figuresOf({ co_quan: "UBND XÃ A", ky_bao_cao: ky, nam: 2026, ...values }),
    documents: [],
  });

  it("weights the percentage by each period's count and sums the counts", () => {
    const outcome = consolidatePeriods(
      [
        period("q1.xlsx", "Quý I", { tthc_tiep_nhan: 200, tt_tructuyen: 0.8, hai_long: 0.9, hs_xong: 5 }),
        period("q2.xlsx", "Quý II", { tthc_tiep_nhan: 600, tt_tructuyen: 0.96, hai_long: 0.7, hs_xong: 7 }),
      ],
      { period: "6 tháng", year: 2026 },
    );
    expect(outcome.problem).toBeUndefined();
    const { values, notes } = outcome.result!;
    // (0.8 × 200 + 0.96 × 600) / 800 = 0.92
    expect(values.tt_tructuyen).toBe(0.92);
    expect(values.tthc_tiep_nhan).toBe(800);
    expect(values.hs_xong).toBe(12);
    expect(values.hai_long).toBeNull();
    expect(notes!.hai_long).toMatch(/không lấy trung bình cộng giữa các kỳ\.$/);
  });

  it("a flow one period did not report is incomplete over the periods", () => {
    const outcome = consolidatePeriods(
      [
        period("q1.xlsx", "Quý I", { hs_xong: 5 }),
        period("q2.xlsx", "Quý II", { hs_xong: "Chưa có số liệu" }),
      ],
      { period: "6 tháng", year: 2026 },
    );
    expect(outcome.result!.values.hs_xong).toBe(NOT_REPORTED);
    expect(outcome.result!.notes!.hs_xong).toMatch(
      /^Chưa đủ số liệu: «Quý II\/2026, .*» chưa có số liệu, nên không có tổng\. 1 kỳ còn lại cộng được 5\.$/,
    );
  });
});

describe("printing", () => {
  const figures = figuresOf({
    co_quan: "UBND XÃ A",
    tt_tructuyen: "96,8%",
    hai_long: 1,
    hs_xong: NOT_REPORTED,
    hs_dung: NOT_REPORTED,
  });
  const evaluated = evaluateIndicators(figures, form);

  it("prints the percentage as a percentage and the mark as «chưa có số liệu» in Phụ lục I", () => {
    const plan = statisticsSheetPlan({ catalogue: form, figures, evaluated, documents: [] });
    const row = (label: string) => {
      const at = plan.cells.find((c) => c.value === label)!.address.replace(/^B/, "D");
      return plan.cells.find((c) => c.address === at)!;
    };
    expect(row("Tỷ lệ thanh toán trực tuyến")).toMatchObject({
      value: 0.968,
      style: { numberFormat: "0.0%" },
    });
    expect(row("Mức độ hài lòng")).toMatchObject({ value: 1, style: { numberFormat: "0%" } });
    expect(row("Số hồ sơ đã giải quyết").value).toBe("chưa có số liệu");
    // The on-time rate over «Đúng hạn» not reported is not computed: the mark, not a blank.
    expect(row("Tỷ lệ đúng hạn").value).toBe("chưa có số liệu");
  });

  it("writes them in the draft in Vietnamese conventions, without a unit after the mark", () => {
    const context = { catalogue: form, figures, evaluated, compared: [] };
    const text = (id: string) =>
      indicatorSentence(context, indicator(id))
        .map((r) => r.text)
        .join("");
    expect(text("tt_tructuyen")).toBe("Tỷ lệ thanh toán trực tuyến: 96,8%.");
    expect(text("hai_long")).toBe("Mức độ hài lòng: 100%.");
    expect(text("hs_xong")).toBe("Số hồ sơ đã giải quyết: chưa có số liệu.");
    expect(text("ty_dunghan")).toBe("Tỷ lệ đúng hạn: [chưa có số liệu: Số hồ sơ đã giải quyết: Đúng hạn].");
    expect(text("hs_dung")).toBe("- Đúng hạn: chưa có số liệu.");
  });

  it("in an outline's sentence, marks a figure not reported instead of putting the words in its place", () => {
    const context = { catalogue: form, figures, evaluated, compared: [] };
    const runs = fillTemplate(context, "Trong kỳ đã giải quyết {hs_xong} hồ sơ.");
    // Not «đã giải quyết chưa có số liệu hồ sơ»: the highlighted marker a blank figure gets.
    expect(runs).toEqual([
      { text: "Trong kỳ đã giải quyết " },
      { text: "[chưa có số liệu: Số hồ sơ đã giải quyết]", highlight: true },
      { text: " hồ sơ." },
    ]);
  });
});

describe("the installed formulas over «chưa có số liệu» agree with the core (cached value = Excel's result)", () => {
  it("a summed ratio argument with a part not reported gives no rate in Excel either, on both hosts", () => {
    const plans = planInstall({ sheetNames: [], sheets: new Map() }, { catalogue: form }).sheets;
    typeFigures(plans, {
      catalogue: form,
      values: { ...INFO, tthc_tiep_nhan: 40, hs_xong: 10, hs_dung: 8, hs_tre: NOT_REPORTED },
    });
    const installed = planInstall(workbookOf(plans)).sheets;
    const book = new PlanWorkbook(installed);
    // Without the text test, Excel's SUM would skip the mark: 8 / 40 = 20 %.
    for (const host of ["web", "desktop"] as const) {
      expect(book.valueOfName("CCHC_TY_XONG", host)).toBe("");
      expect(book.valueOfName("CCHC_TY_DUNGHAN", host)).toBe("");
    }
    const cells = installed.flatMap((plan) =>
      plan.cells
        .filter((c) => c.formula)
        .map((c) => ({
          at: `${plan.name}!${c.address}`,
          excel: book.valueAt(plan, c.address, "web"),
          cached: c.cached ?? "",
        })),
    );
    expect(cells.filter((c) => c.excel !== c.cached)).toEqual([]);
  });
});
