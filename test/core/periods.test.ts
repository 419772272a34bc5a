/**
 * Issue 21, periods: months (Nghị định 09/2019/NĐ-CP, Điều 12: 15th of the month before to the
 * 14th), «6 tháng cuối năm», «Tùy chọn» with typed days, a form's founding day (`unitsFrom`)
 * starting the window, the period's name checked against typed days, and period consolidation
 * tiling all of them. Known answers throughout.
 */
import fc from "fast-check";
import { catalogueToFile, DEFAULT_CATALOGUE, inputName, type Catalogue } from "../../src/core/catalogue";
import { catalogueProblems, parseCatalogue } from "../../src/core/catalogue/validate";
import { checkFigures, type Finding } from "../../src/core/checks";
import { consolidatePeriods } from "../../src/core/consolidate";
import { evaluateIndicators } from "../../src/core/evaluate";
import { buildDraft, draftFileName, runsText, type DraftParagraph } from "../../src/core/narrative";
import { figuresFromValues } from "../../src/core/figures";
import { indicatorFormula } from "../../src/core/layout/formulas";
import {
  dataPeriod,
  dataWindow,
  fromExcelSerial,
  MONTHS,
  NAMED_PERIODS,
  parsePeriod,
  periodEndSerial,
  periodStartSerial,
  PERIODS,
  toExcelSerial,
  type NamedPeriod,
} from "../../src/core/period";
import { periodTitle, periodPhrase, dataDaysPhrase } from "../../src/core/report/documentForm";
import { serialFromWorkbook } from "../../src/core/dates";
import { planInstall, type ExistingWorkbook } from "../../src/core/install";
import { parseAddress } from "../../src/core/layout/model";
import { TEST_CATALOGUE, unitWorkbook } from "../support/consolidation";
import { PlanWorkbook } from "../support/formula-evaluator";
import { workbookOf } from "../support/plans";

const serial = (day: number, month: number, year: number) => toExcelSerial({ year, month, day });
const shown = (s: number | "") => {
  if (s === "") return "";
  const d = fromExcelSerial(s);
  return `${d.day}/${d.month}/${d.year}`;
};

/** The test form with the two-tier system's founding day. */
const FOUNDED: Catalogue = { ...TEST_CATALOGUE, unitsFrom: "2025-07-01" };

describe("the period list", () => {
  it("has the seven names first, then 6 tháng cuối năm, the twelve months and Tùy chọn", () => {
    expect(PERIODS).toEqual([
      "Quý I",
      "Quý II",
      "Quý III",
      "Quý IV",
      "6 tháng",
      "9 tháng",
      "Năm",
      "6 tháng cuối năm",
      ...Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`),
      "Tùy chọn",
    ]);
    // Excel's list validation takes at most 255 characters, separators included.
    expect(PERIODS.join(",").length).toBeLessThanOrEqual(255);
  });

  it("reads the new names as staff type them", () => {
    expect(parsePeriod("Tháng 7")).toBe("Tháng 7");
    expect(parsePeriod("thang 07")).toBe("Tháng 7");
    expect(parsePeriod("THÁNG 12")).toBe("Tháng 12");
    expect(parsePeriod("Tháng 13")).toBeUndefined();
    expect(parsePeriod("Tháng 0")).toBeUndefined();
    expect(parsePeriod("6 tháng cuối năm")).toBe("6 tháng cuối năm");
    expect(parsePeriod("6 thang dau nam")).toBe("6 tháng");
    expect(parsePeriod("tuy chon")).toBe("Tùy chọn");
    expect(parsePeriod("Tùy chọn")).toBe("Tùy chọn");
  });

  it("is the Kỳ báo cáo list of every form's Thông tin chung", () => {
    const ky = DEFAULT_CATALOGUE.indicators.find((i) => i.id === "ky_bao_cao")!;
    expect(ky.choices).toEqual(PERIODS);
  });
});

describe("data windows", () => {
  it.each([
    ["Tháng 1", 2026, "15/12/2025", "14/1/2026"],
    ["Tháng 2", 2026, "15/1/2026", "14/2/2026"],
    ["Tháng 7", 2025, "15/6/2025", "14/7/2025"],
    ["Tháng 12", 2025, "15/11/2025", "14/12/2025"],
    ["6 tháng cuối năm", 2025, "15/6/2025", "14/12/2025"],
    ["Quý III", 2025, "15/6/2025", "14/9/2025"],
  ])("%s %d: %s – %s", (period, year, from, to) => {
    expect(shown(periodStartSerial(period, year))).toBe(from);
    expect(shown(periodEndSerial(period, year))).toBe(to);
  });

  it("three months tile their quarter, every quarter of every year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1902, max: 9998 }), (q, year) => {
        const quarter = dataPeriod(NAMED_PERIODS[q], year);
        const months = [0, 1, 2].map((k) => dataPeriod(MONTHS[3 * q + k], year));
        expect(months[0].from).toEqual(quarter.from);
        expect(months[2].to).toEqual(quarter.to);
        for (const k of [1, 2])
          expect(toExcelSerial(months[k].from)).toBe(toExcelSerial(months[k - 1].to) + 1);
      }),
    );
  });

  it("6 tháng cuối năm is Quý III and Quý IV; 6 tháng and it make the year", () => {
    const half = dataPeriod("6 tháng cuối năm", 2025);
    expect(half.from).toEqual(dataPeriod("Quý III", 2025).from);
    expect(half.to).toEqual(dataPeriod("Quý IV", 2025).to);
    expect(toExcelSerial(half.from)).toBe(toExcelSerial(dataPeriod("6 tháng", 2025).to) + 1);
  });

  it("starts on the unit's founding day when later, and refuses a period ending before it", () => {
    const start = serial(1, 7, 2025);
    expect(dataWindow("Quý III", 2025, start)).toEqual({
      from: start,
      to: serial(14, 9, 2025),
      fromUnitStart: true,
    });
    expect(dataWindow("Quý IV", 2025, start)).toEqual({
      from: serial(15, 9, 2025),
      to: serial(14, 12, 2025),
      fromUnitStart: false,
    });
    expect(shown(periodStartSerial("Năm", 2025, "2025-07-01"))).toBe("1/7/2025");
    expect(shown(periodStartSerial("Tháng 7", 2025, "01/07/2025"))).toBe("1/7/2025");
    expect(() => periodEndSerial("6 tháng", 2025, "2025-07-01")).toThrow(
      "Kỳ 6 tháng/2025 có số liệu đến ngày 14/06/2025, trước ngày đơn vị bắt đầu hoạt động (01/07/2025)",
    );
    expect(() => periodStartSerial("Quý III", 2025, "1/7")).toThrow(/Ngày bắt đầu hoạt động/);
  });

  it("leaves a «Tùy chọn» period's days to the user", () => {
    expect(periodStartSerial("Tùy chọn", 2025)).toBe("");
    expect(periodEndSerial("Tùy chọn", 2025, "2025-07-01")).toBe("");
  });

  it("evaluates xa-2025's Quý III/2025 from 01/07/2025 (its units began then)", () => {
    const evaluated = evaluateIndicators(
      figuresFromValues({ ky_bao_cao: "Quý III", nam: 2025 }, DEFAULT_CATALOGUE),
      DEFAULT_CATALOGUE,
    );
    expect(DEFAULT_CATALOGUE.unitsFrom).toBe("2025-07-01");
    expect(shown(evaluated.get("tu_ngay")!.value as number)).toBe("1/7/2025");
    expect(shown(evaluated.get("den_ngay")!.value as number)).toBe("14/9/2025");
  });

  it("writes the founding day into the sheets' formulas as ISO text", () => {
    const tuNgay = DEFAULT_CATALOGUE.indicators.find((i) => i.id === "tu_ngay")!;
    const call = `CCHC.TUNGAY(${inputName("ky_bao_cao")},${inputName("nam")},"2025-07-01")`;
    expect(indicatorFormula(tuNgay, "2025-07-01")).toBe(
      `=IF(OR(ISBLANK(CCHC_KY_BAO_CAO),ISBLANK(CCHC_NAM)),"",IFERROR(${call}+DATE(1904,1,1)-1462,${call}))`,
    );
    expect(indicatorFormula(tuNgay)).not.toContain("2025-07-01");
  });
});

describe("the period's name against its dates (check)", () => {
  const check = (values: Record<string, unknown>, catalogue: Catalogue = TEST_CATALOGUE): Finding[] =>
    checkFigures(
      figuresFromValues({ co_quan: "UBND XÃ AN BÌNH", ...values }, catalogue),
      [],
      catalogue,
    ).filter((f) => f.checkId.startsWith("period:"));

  it("reports «6 tháng» typed with 01/7 – 31/10/2025 as an error naming the period's and both dates' cells", () => {
    const found = check({
      ky_bao_cao: "6 tháng",
      nam: 2025,
      tu_ngay: serial(1, 7, 2025),
      den_ngay: serial(31, 10, 2025),
    });
    expect(found).toEqual([
      {
        severity: "error",
        checkId: "period:dates",
        ids: ["ky_bao_cao", "tu_ngay", "den_ngay"],
        cells: ["ky_bao_cao", "tu_ngay", "den_ngay"],
        message:
          "Kỳ báo cáo «6 tháng» năm 2025 có số liệu từ ngày 15/12/2024 đến ngày 14/06/2025, nhưng ngày đã nhập không khớp: " +
          "«Số liệu tính từ ngày» 01/07/2025, «Số liệu tính đến ngày» 31/10/2025. Nếu báo cáo một khoảng thời gian riêng, " +
          "hãy chọn Kỳ báo cáo «Tùy chọn»; nếu không, hãy sửa ngày (hoặc xóa ngày đã nhập để chương trình tự tính theo kỳ).",
      },
    ]);
  });

  it("accepts the decree's days, the calendar's, and a later start (a unit founded inside the period)", () => {
    expect(
      check({
        ky_bao_cao: "Quý III",
        nam: 2025,
        tu_ngay: serial(15, 6, 2025),
        den_ngay: serial(14, 9, 2025),
      }),
    ).toEqual([]);
    expect(
      check({ ky_bao_cao: "Quý III", nam: 2025, tu_ngay: serial(1, 7, 2025), den_ngay: serial(30, 9, 2025) }),
    ).toEqual([]);
    expect(check({ ky_bao_cao: "Tháng 12", nam: 2025, den_ngay: serial(31, 12, 2025) })).toEqual([]);
    expect(check({ ky_bao_cao: "Quý III", nam: 2025 })).toEqual([]);
  });

  it("names only the date that does not fit", () => {
    const found = check({ ky_bao_cao: "Quý III", nam: 2025, tu_ngay: serial(1, 6, 2025) });
    expect(found.map((f) => [f.checkId, f.cells])).toEqual([["period:dates", ["ky_bao_cao", "tu_ngay"]]]);
  });

  it("asks for the days of a «Tùy chọn» period, and its year to be the year it ends", () => {
    expect(check({ ky_bao_cao: "Tùy chọn", nam: 2025, tu_ngay: serial(1, 7, 2025) })).toEqual([
      {
        severity: "error",
        checkId: "period:custom",
        ids: ["ky_bao_cao", "den_ngay"],
        cells: ["ky_bao_cao"],
        message:
          "Kỳ báo cáo «Tùy chọn» cần ngày do người dùng nhập: hãy nhập «Số liệu tính đến ngày» (dạng ngày/tháng/năm, ví dụ 01/07/2025).",
      },
    ]);
    const typed = { ky_bao_cao: "Tùy chọn", tu_ngay: serial(1, 7, 2025), den_ngay: serial(31, 10, 2025) };
    expect(check({ ...typed, nam: 2025 })).toEqual([]);
    expect(check({ ...typed, nam: 2024 }).map((f) => [f.checkId, f.cells])).toEqual([
      ["period:year", ["nam", "den_ngay"]],
    ]);
  });

  it("refuses a period of xa-2025 that ends before its units began, and a typed day before it", () => {
    const found = check({ ky_bao_cao: "Quý II", nam: 2025 }, DEFAULT_CATALOGUE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: "error",
      checkId: "period:beforeUnit",
      cells: ["ky_bao_cao", "nam"],
    });
    expect(found[0].message).toMatch(
      /^Kỳ báo cáo «Quý II» năm 2025 có số liệu đến ngày 14\/06\/2025, trước ngày .* \(01\/07\/2025\)/,
    );
    const early = check(
      { ky_bao_cao: "Quý III", nam: 2025, tu_ngay: serial(15, 6, 2025) },
      DEFAULT_CATALOGUE,
    );
    expect(early.map((f) => f.checkId)).toEqual(["period:dates"]);
    expect(early[0].message).toContain(
      "từ ngày 01/07/2025, ngày đơn vị bắt đầu hoạt động, đến ngày 14/09/2025",
    );
    const custom = check(
      { ky_bao_cao: "Tùy chọn", nam: 2025, tu_ngay: serial(1, 6, 2025), den_ngay: serial(31, 10, 2025) },
      DEFAULT_CATALOGUE,
    );
    expect(custom.map((f) => [f.checkId, f.cells])).toEqual([["period:beforeUnit", ["tu_ngay"]]]);
  });
});

describe("titles and phrases", () => {
  it("names months, the second half-year and custom periods", () => {
    expect(periodTitle("Tháng 7", 2025)).toBe("THÁNG 7 NĂM\u00a02025");
    expect(periodTitle("6 tháng cuối năm", 2025)).toBe("6 THÁNG CUỐI NĂM\u00a02025");
    expect(periodTitle("6 tháng", 2025)).toBe("6 THÁNG ĐẦU NĂM\u00a02025");
    expect(periodTitle("Năm", 2025)).toBe("NĂM\u00a02025");
    expect(periodTitle("Tùy chọn", 2025, { from: serial(1, 7, 2025), to: serial(31, 10, 2025) })).toBe(
      "TỪ NGÀY 01/7/2025 ĐẾN NGÀY 31/10/2025",
    );
    expect(periodPhrase("Tháng 1", 2026)).toBe("tháng 1 năm 2026");
    expect(periodPhrase("Quý III", 2025)).toBe("quý III năm 2025");
    expect(periodPhrase("Tùy chọn", 2026, { from: serial(15, 12, 2025), to: serial(14, 2, 2026) })).toBe(
      "từ ngày 15/12/2025 đến ngày 14/02/2026",
    );
  });

  it("says when the data start on the unit's founding day", () => {
    const days = { from: serial(1, 7, 2025), to: serial(14, 9, 2025) };
    expect(dataDaysPhrase(days, "2025-07-01")).toBe(
      "số liệu tính từ ngày 1/7/2025, ngày đơn vị bắt đầu hoạt động, đến ngày 14/9/2025",
    );
    expect(dataDaysPhrase(days)).toBe("số liệu tính từ ngày 1/7/2025 đến ngày 14/9/2025");
    expect(dataDaysPhrase({ from: serial(15, 9, 2025), to: serial(14, 12, 2025) }, "2025-07-01")).toBe(
      "số liệu tính từ ngày 15/9/2025 đến ngày 14/12/2025",
    );
  });
});

describe("consolidation over periods with months and custom ranges", () => {
  const base = { co_quan: "UBND XÃ AN BÌNH", tinh: "Tỉnh Thử" };
  const month = (m: number, hs: number) =>
    unitWorkbook(`thang${m}.xlsx`, {
      ...base,
      ky_bao_cao: `Tháng ${m}`,
      nam: 2026,
      hs_nhan: hs,
      bien_che: 20 + m,
    });

  it("Tháng 1 + 2 + 3 = Quý I", () => {
    const outcome = consolidatePeriods([month(3, 30), month(1, 10), month(2, 20)], {
      period: "Quý I",
      year: 2026,
    });
    expect(outcome.problem).toBeUndefined();
    expect(outcome.result!.values).toMatchObject({
      hs_nhan: 60,
      bien_che: 23,
      ky_bao_cao: "Quý I",
      nam: 2026,
    });
    expect(outcome.result!.parts.map((p) => p.source)).toEqual(["thang1.xlsx", "thang2.xlsx", "thang3.xlsx"]);
  });

  it("names the missing month", () => {
    const outcome = consolidatePeriods([month(1, 10), month(3, 30)], { period: "Quý I", year: 2026 });
    expect(outcome.problem).toBe(
      "Các kỳ số liệu không ghép đúng kỳ Quý I/2026 (15/12/2025 – 14/03/2026): thiếu số liệu 15/01/2026 – 14/02/2026.",
    );
  });

  const custom = (source: string, from: number, to: number, hs: number) =>
    unitWorkbook(
      source,
      { ...base, ky_bao_cao: "Tùy chọn", nam: 2025, tu_ngay: from, den_ngay: to, hs_nhan: hs },
      FOUNDED,
    );
  const firstPart = custom("dau.xlsx", serial(1, 7, 2025), serial(31, 10, 2025), 500);
  const secondPart = custom("cuoi.xlsx", serial(1, 11, 2025), serial(14, 12, 2025), 200);

  it("custom ranges tile «6 tháng cuối năm 2025» of a unit founded 1/7/2025", () => {
    const outcome = consolidatePeriods([secondPart, firstPart], { period: "6 tháng cuối năm", year: 2025 });
    expect(outcome.problem).toBeUndefined();
    expect(outcome.result!.values).toMatchObject({ hs_nhan: 700, ky_bao_cao: "6 tháng cuối năm", nam: 2025 });
    expect(outcome.result!.evaluated.get("tu_ngay")!.value).toBe(serial(1, 7, 2025));
    // The same parts make its Năm 2025 too: the year starts on the founding day.
    expect(
      consolidatePeriods([secondPart, firstPart], { period: "Năm", year: 2025 }).problem,
    ).toBeUndefined();
  });

  it("consolidates into a «Tùy chọn» target, typing its days", () => {
    const q3 = unitWorkbook("q3.xlsx", { ...base, ky_bao_cao: "Quý III", nam: 2025, hs_nhan: 300 }, FOUNDED);
    const q4 = unitWorkbook("q4.xlsx", { ...base, ky_bao_cao: "Quý IV", nam: 2025, hs_nhan: 400 }, FOUNDED);
    const outcome = consolidatePeriods([q3, q4], {
      period: "Tùy chọn",
      year: 2025,
      from: serial(1, 7, 2025),
      to: serial(14, 12, 2025),
    });
    expect(outcome.problem).toBeUndefined();
    expect(outcome.result!.values).toMatchObject({
      ky_bao_cao: "Tùy chọn",
      tu_ngay: serial(1, 7, 2025),
      den_ngay: serial(14, 12, 2025),
      hs_nhan: 700,
    });
    const short = consolidatePeriods([q3], {
      period: "Tùy chọn",
      year: 2025,
      from: serial(1, 7, 2025),
      to: serial(31, 10, 2025),
    });
    expect(short.problem).toBe(
      "Các kỳ số liệu không ghép đúng kỳ «Tùy chọn» (01/07/2025 – 31/10/2025): thiếu số liệu 15/09/2025 – 31/10/2025.",
    );
  });

  it("refuses a target that ends before the units began, and a «Tùy chọn» one without days", () => {
    expect(consolidatePeriods([firstPart], { period: "Quý II", year: 2025 }).problem).toBe(
      "Không tổng hợp được kỳ Quý II/2025: Kỳ Quý II/2025 có số liệu đến ngày 14/06/2025, trước ngày đơn vị bắt đầu hoạt động (01/07/2025).",
    );
    expect(consolidatePeriods([firstPart], { period: "Tùy chọn", year: 2025 }).problem).toMatch(
      /cần ngày bắt đầu/,
    );
  });
});

it("every named period of every year has a window inside its year's reach", () => {
  fc.assert(
    fc.property(
      fc.constantFrom<NamedPeriod>(...NAMED_PERIODS),
      fc.integer({ min: 1902, max: 9998 }),
      (p, year) => {
        const { from, to } = dataPeriod(p, year);
        expect(from.day).toBe(15);
        expect(to.day).toBe(14);
        expect(to.year).toBe(year);
        expect(toExcelSerial(from)).toBeLessThan(toExcelSerial(to));
      },
    ),
  );
});

describe("the sheets' formulas agree with the core (formula evaluator, both date systems)", () => {
  const EMPTY: ExistingWorkbook = { sheetNames: [], sheets: new Map() };
  function shownInSheets(values: Record<string, unknown>): string[] {
    const workbook = workbookOf(planInstall(EMPTY, { catalogue: DEFAULT_CATALOGUE }).sheets);
    const installed = planInstall(workbook).sheets;
    const typedBook = workbookOf(installed);
    for (const [id, value] of Object.entries(values))
      for (const plan of installed) {
        const target = plan.names.find((n) => n.name === inputName(id));
        if (!target) continue;
        const { row, column } = parseAddress(target.address);
        (typedBook.sheets.get(plan.name)!.cells[row - 1] as unknown[])[column - 1] = value;
      }
    const plans = planInstall(typedBook).sheets;
    const seen: string[] = [];
    for (const date1904 of [false, true]) {
      const book = new PlanWorkbook(plans, { date1904 });
      for (const host of ["web", "desktop"] as const)
        for (const name of ["CCHC_TU_NGAY", "CCHC_DEN_NGAY"]) {
          const v = book.valueOfName(name, host);
          seen.push(typeof v === "number" ? shown(serialFromWorkbook(v, date1904)) : String(v));
        }
    }
    return [...new Set(seen)];
  }

  it("xa-2025's Quý III/2025 runs 1/7 – 14/9/2025 in the cells too", () => {
    expect(shownInSheets({ ky_bao_cao: "Quý III", nam: 2025 })).toEqual(["1/7/2025", "14/9/2025"]);
  });

  it("a month, and «Tùy chọn» left empty for the user", () => {
    expect(shownInSheets({ ky_bao_cao: "Tháng 1", nam: 2026 })).toEqual(["15/12/2025", "14/1/2026"]);
    expect(shownInSheets({ ky_bao_cao: "Tùy chọn", nam: 2025 })).toEqual([""]);
    expect(shownInSheets({ ky_bao_cao: "Quý II", nam: 2025 })).toEqual(["#VALUE!"]);
  });
});

describe("the narrative draft names the period", () => {
  const draft = (values: Record<string, unknown>) => {
    const figures = figuresFromValues(
      { co_quan: "ỦY BAN NHÂN DÂN XÃ AN BÌNH", ...values },
      DEFAULT_CATALOGUE,
    );
    const built = buildDraft({
      catalogue: DEFAULT_CATALOGUE,
      figures,
      findings: [],
      documents: [],
      generatedAt: new Date(2025, 10, 5),
    });
    const intro = built.body.find((b): b is DraftParagraph => b.kind === "paragraph")!;
    return {
      intro: runsText(intro.runs),
      summary: built.summary,
      file: draftFileName(DEFAULT_CATALOGUE, figures),
    };
  };

  it("by its days for «Tùy chọn», without repeating them", () => {
    expect(
      draft({
        ky_bao_cao: "Tùy chọn",
        nam: 2025,
        tu_ngay: serial(1, 7, 2025),
        den_ngay: serial(31, 10, 2025),
      }),
    ).toEqual({
      intro:
        "UBND xã An Bình báo cáo kết quả thực hiện công tác cải cách hành chính từ ngày 01/7/2025 đến ngày 31/10/2025 như sau:",
      summary: "Kết quả thực hiện công tác cải cách hành chính từ ngày 01/7/2025 đến ngày 31/10/2025",
      file: "bao-cao-cchc-tu-ngay-01-7-2025-den-ngay-31-10-2025.docx",
    });
  });

  it("a month, and the founding day where the data start", () => {
    expect(draft({ ky_bao_cao: "Tháng 7", nam: 2026 }).intro).toBe(
      "UBND xã An Bình báo cáo kết quả thực hiện công tác cải cách hành chính tháng 7 năm 2026 (số liệu tính từ ngày 15/6/2026 đến ngày 14/7/2026) như sau:",
    );
    expect(draft({ ky_bao_cao: "Quý III", nam: 2025 }).intro).toBe(
      "UBND xã An Bình báo cáo kết quả thực hiện công tác cải cách hành chính quý III năm 2025 (số liệu tính từ ngày 1/7/2025, ngày đơn vị bắt đầu hoạt động, đến ngày 14/9/2025) như sau:",
    );
    expect(draft({ ky_bao_cao: "6 tháng cuối năm", nam: 2025 }).file).toBe(
      "bao-cao-cchc-6-thang-cuoi-2025.docx",
    );
  });
});

describe("the catalogue's unitsFrom", () => {
  const file = (unitsFrom: string) => JSON.stringify({ ...catalogueToFile(TEST_CATALOGUE), unitsFrom });

  it("is kept in the file form and refused when it is no day of the calendar", () => {
    expect(catalogueProblems(file("2025-07-01"))).toEqual([]);
    expect(parseCatalogue(file("2025-07-01")).unitsFrom).toBe("2025-07-01");
    expect(catalogueToFile(DEFAULT_CATALOGUE).unitsFrom).toBe("2025-07-01");
    expect(catalogueProblems(file("2025-02-30"))).toEqual([
      { path: "unitsFrom", message: 'Ngày bắt đầu hoạt động "2025-02-30" không phải một ngày có thật.' },
    ]);
    expect(catalogueProblems(file("1/7/2025")).map((p) => p.path)).toEqual(["unitsFrom"]);
  });
});
