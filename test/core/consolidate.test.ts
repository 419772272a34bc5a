import fc from "fast-check";
import { NOT_REPORTED, ratio } from "../../src/core/arithmetic";
import {
  compactEntry,
  newInterner,
  consolidatePeriods,
  consolidateUnits,
  consolidatedWorkbookPlan,
  incompleteRows,
  consolidationSubtitle,
  planConsolidationInto,
  type InputEntry,
} from "../../src/core/consolidate";
import { builtinCatalogue, DEFAULT_CATALOGUE, type Indicator } from "../../src/core/catalogue";
import { aggregateOf } from "../../src/core/consolidate";
import { breakdownFindings, breakdownIndicators } from "../../src/core/consolidate/sheets";
import { checkFigures, countFindings } from "../../src/core/checks";
import { writeNotes } from "../../src/core/consolidate/workbook";
import { catalogueListingPlans } from "../../src/core/layout/catalogueSheets";
import { planCells } from "../../src/core/layout/model";
import { figuresOfPlans, planInstall } from "../../src/core/install";
import { checkPart, unitKey, unitNameOf } from "../../src/core/consolidate/parts";
import { toExcelSerial } from "../../src/core/period";
import { DOCUMENTS_SHEET } from "../../src/core/layout/documentsSheet";
import { documentsFromSample, gridOf, planCell, workbookOf } from "../support/plans";
import { TEST_CATALOGUE, THREE_UNITS, unitWorkbook } from "../support/consolidation";

const three = (): InputEntry[] =>
  THREE_UNITS.map((values, i) => unitWorkbook(`don-vi-${i + 1}.xlsx`, values));
const numberOf = (outcome: ReturnType<typeof consolidateUnits>, id: string) =>
  outcome.result!.evaluated.get(id)?.value;

describe("consolidateUnits: known answers on the test catalogue", () => {
  const outcome = consolidateUnits(three(), { coQuan: "SỞ NỘI VỤ TỈNH THỬ" });

  it("sums flows and stocks and recomputes every ratio from the sums", () => {
    expect(outcome.result!.values).toMatchObject({
      hs_nhan: 190,
      hs_dunghan: 165,
      hs_quahan: 30,
      kinh_phi: 3.85,
      bien_che: 45,
      co_mat: 44,
    });
    // 165 / (165 + 30), not the average of 90 %, 60 % and 100 %.
    expect(numberOf(outcome, "hs_tyle")).toBeCloseTo(165 / 195, 12);
    expect(numberOf(outcome, "co_mat_tyle")).toBeCloseTo(44 / 45, 12);
  });

  it("leaves texts and choices to type, takes the period from the inputs and the body from --co-quan", () => {
    const { values, evaluated } = outcome.result!;
    expect(values.mo_hinh).toBeNull();
    expect(values.mot_cua).toBeNull();
    expect(values).toMatchObject({
      co_quan: "SỞ NỘI VỤ TỈNH THỬ",
      ky_bao_cao: "Quý III",
      nam: 2026,
      tinh: null,
    });
    expect(evaluated.get("tu_ngay")?.value).toBe(toExcelSerial({ year: 2026, month: 6, day: 15 }));
    expect(evaluated.get("den_ngay")?.value).toBe(toExcelSerial({ year: 2026, month: 9, day: 14 }));
    expect(consolidationSubtitle(outcome.result!)).toBe("Kỳ Quý III/2026 (số liệu 15/06/2026 – 14/09/2026)");
  });

  it("counts each unit's errors and warnings with the check engine, and includes the unit with errors", () => {
    expect(outcome.result!.parts.map((p) => [p.name, p.errors, p.warnings])).toEqual([
      ["UBND PHƯỜNG BẮC SƠN", 0, 1],
      ["UBND XÃ AN BÌNH", 0, 0],
      ["UBND XÃ CẨM HÀ", 1, 0],
    ]);
    expect(outcome.files.every((f) => f.included)).toBe(true);
  });

  it("describes the breakdown: one row per unit, a total row equal to the consolidated figures, marks", () => {
    const plans = consolidatedWorkbookPlan(outcome.result!, outcome.files, {
      over: "units",
      subtitle: consolidationSubtitle(outcome.result!),
    });
    expect(plans.map((p) => p.name)).toEqual([
      "Thông tin chung",
      "Số liệu thử",
      "Danh mục văn bản",
      "Chỉ số CCHC",
      "Tổng hợp theo đơn vị",
      "Tệp tổng hợp",
      "_CCHC",
    ]);
    const sheet = plans[4];
    const columns = breakdownIndicators(TEST_CATALOGUE).map((i) => i.id);
    expect(columns).toEqual([
      "hs_nhan",
      "hs_dunghan",
      "hs_quahan",
      "hs_tyle",
      "kinh_phi",
      "mo_hinh",
      "bien_che",
      "co_mat",
      "co_mat_tyle",
      "mot_cua",
    ]);
    // Headers: section over its indicators, labels, ids; units from row 6, total row 9.
    expect(planCell(sheet, "E3")?.value).toBe("1. Thủ tục hành chính");
    expect(sheet.merges).toContain("E3:J3");
    expect(planCell(sheet, "E5")?.value).toBe("hs_nhan");
    expect([6, 7, 8].map((r) => planCell(sheet, `B${r}`)?.value)).toEqual([
      "UBND PHƯỜNG BẮC SƠN",
      "UBND XÃ AN BÌNH",
      "UBND XÃ CẨM HÀ",
    ]);
    expect(planCell(sheet, "C8")?.value).toBe(1);
    expect(planCell(sheet, "B8")?.style?.fill).toBe("#F8CBAD");
    expect(planCell(sheet, "B6")?.style?.fill).toBe("#FFE699");
    expect(planCell(sheet, "B7")?.style?.fill).toBeUndefined();
    expect(planCell(sheet, "B9")?.value).toBe("Tổng cộng (3 đơn vị)");
    expect(planCell(sheet, "E9")?.value).toBe(190);
    expect(planCell(sheet, "H9")?.value).toBeCloseTo(165 / 195, 12);
    expect(planCell(sheet, "H6")?.value).toBeCloseTo(0.6, 12);
    expect(planCell(sheet, "J7")?.value).toBe("Một cửa số");
    expect(planCell(sheet, "J9")?.value).toBeNull();
  });

  it("types the consolidated figures into the form's sheets with cached values recomputed", () => {
    const plans = consolidatedWorkbookPlan(outcome.result!, outcome.files, { over: "units", subtitle: "" });
    const figures = figuresOfPlans(plans, TEST_CATALOGUE);
    expect(figures.get("hs_nhan")?.value).toEqual({ type: "number", value: 190 });
    const tyle = plans[1].cells.find((c) => c.computes?.type === "indicator" && c.computes.id === "hs_tyle");
    expect(tyle?.formula).toContain("CCHC.DUNGHAN(CCHC_HS_DUNGHAN,CCHC_HS_QUAHAN)");
    expect(tyle?.cached).toBeCloseTo(165 / 195, 12);
    const tuNgay = plans[0].cells.find(
      (c) => c.computes?.type === "indicator" && c.computes.id === "tu_ngay",
    );
    expect(tuNgay?.formula).toContain("CCHC.TUNGAY(");
    expect(tuNgay?.cached).toBe(toExcelSerial({ year: 2026, month: 6, day: 15 }));
    const score = plans[3].cells.find((c) => c.computes?.type === "score");
    expect(score?.cached).toBe(1.69); // 2 × 84,615 % rounded
    // The consolidated report has the error of the unit it includes (45 > 40 adds up to 165 ≤ 190: none).
    expect(countFindings(checkFigures(figures, [], TEST_CATALOGUE))).toEqual({ errors: 0, warnings: 0 });
  });
});

describe("consolidateUnits: the province the units share, and the place the result is dated at", () => {
  const withProvince = (tinh: ReadonlyArray<string | undefined>): InputEntry[] =>
    THREE_UNITS.map((values, i) =>
      unitWorkbook(`don-vi-${i + 1}.xlsx`, tinh[i] === undefined ? values : { ...values, tinh: tinh[i] }),
    );
  const infoOf = (entries: InputEntry[]) => {
    const { values } = consolidateUnits(entries, { coQuan: "SỞ NỘI VỤ TỈNH HÀ TĨNH" }).result!;
    return { tinh: values.tinh, dia_danh: values.dia_danh };
  };

  it("carries the province as the first unit typed it, and dates the report at its name (Nghị định 30)", () => {
    // The same province however spelt: with or without «tỉnh», in capitals, with double spaces.
    expect(infoOf(withProvince(["tỉnh  Hà Tĩnh", "Hà Tĩnh", "TỈNH HÀ TĨNH"]))).toEqual({
      tinh: "tỉnh Hà Tĩnh",
      dia_danh: "Hà Tĩnh",
    });
    expect(infoOf(withProvince(["Thành phố Huế", "thành phố Huế", "Huế"]))).toEqual({
      tinh: "Thành phố Huế",
      dia_danh: "Huế",
    });
  });

  it("a unit that leaves «Tỉnh» blank does not count; none naming one leaves both blank", () => {
    expect(infoOf(withProvince([undefined, "Quảng Trị", "  "]))).toEqual({
      tinh: "Quảng Trị",
      dia_danh: "Quảng Trị",
    });
    expect(infoOf(withProvince([undefined, undefined, undefined]))).toEqual({ tinh: null, dia_danh: null });
  });

  it("units naming two provinces leave both to the consolidating body to type", () => {
    expect(infoOf(withProvince(["Hà Tĩnh", "Nghệ An", "Hà Tĩnh"]))).toEqual({ tinh: null, dia_danh: null });
  });

  it("names above the Sở the body every unit names above itself, but not above that body itself", () => {
    const withSuperior = (superiors: ReadonlyArray<string | undefined>) =>
      THREE_UNITS.map((values, i) =>
        unitWorkbook(
          `don-vi-${i + 1}.xlsx`,
          superiors[i] === undefined ? values : { ...values, co_quan_cap_tren: superiors[i] },
        ),
      );
    const superiorOf = (entries: InputEntry[], coQuan: string) =>
      consolidateUnits(entries, { coQuan }).result!.values.co_quan_cap_tren;
    const same = withSuperior(["UBND TỈNH HÀ TĨNH", "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", undefined]);
    expect(superiorOf(same, "SỞ NỘI VỤ TỈNH HÀ TĨNH")).toBe("UBND TỈNH HÀ TĨNH");
    // The province's People's Committee consolidating its communes has no body above it.
    expect(superiorOf(same, "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH")).toBeNull();
    expect(
      superiorOf(withSuperior(["UBND TỈNH HÀ TĨNH", "UBND TỈNH NGHỆ AN", undefined]), "SỞ NỘI VỤ"),
    ).toBeNull();
  });

  it("the same from units kept compact, as the command line and the pane keep them", () => {
    const interner = newInterner();
    const compacted = withProvince(["tỉnh Hà Tĩnh", "Hà Tĩnh", undefined]).map((e) =>
      compactEntry(e, interner),
    );
    expect(infoOf(compacted)).toEqual({ tinh: "tỉnh Hà Tĩnh", dia_danh: "Hà Tĩnh" });
  });
});

describe("consolidateUnits: a unit's figure that is no usable number", () => {
  const withTyped = (dunghan: unknown): InputEntry[] =>
    THREE_UNITS.map((values, i) =>
      unitWorkbook(`don-vi-${i + 1}.xlsx`, i === 1 ? { ...values, hs_dunghan: dunghan } : values),
    );

  it("text in a number cell makes the total unknown, named in its note, instead of a sum without it", () => {
    const outcome = consolidateUnits(withTyped("12 hồ sơ"), { coQuan: "SỞ NỘI VỤ TỈNH THỬ" });
    const result = outcome.result!;
    // Not 90 + 45 = 135, as if the unit had typed nothing.
    expect(result.values.hs_dunghan).toBe(NOT_REPORTED);
    expect(result.notes?.hs_dunghan).toBe(
      "Chưa đủ số liệu: «UBND PHƯỜNG BẮC SƠN» ghi «12 hồ sơ», không phải số liệu hợp lệ, nên không có tổng. 2 đơn vị còn lại cộng được 135.",
    );
    // The ratio over it is not computed (a rate without that unit's dossiers would be wrong); the row is listed.
    expect(numberOf(outcome, "hs_tyle")).toBe("");
    expect(incompleteRows(result)).toContain(
      TEST_CATALOGUE.indicators.find((i) => i.id === "hs_dunghan")!.label,
    );
    // The unit itself is still included, with its own error counted.
    expect(outcome.files.find((f) => f.source === "don-vi-2.xlsx")?.included).toBe(true);
  });

  it("a negative number too; a unit marking «chưa có số liệu» is named beside it", () => {
    const entries = withTyped(-5);
    entries[0] = unitWorkbook("don-vi-1.xlsx", { ...THREE_UNITS[0], hs_dunghan: "chưa có số liệu" });
    const { result } = consolidateUnits(entries);
    expect(result!.notes?.hs_dunghan).toBe(
      "Chưa đủ số liệu: «UBND XÃ AN BÌNH» chưa có số liệu; «UBND PHƯỜNG BẮC SƠN» ghi «-5», không phải số liệu hợp lệ, nên không có tổng. 1 đơn vị còn lại cộng được 45.",
    );
  });

  it("the same from units kept compact, as the command line and the pane keep them", () => {
    const interner = newInterner();
    const { result } = consolidateUnits(withTyped("12 hồ sơ").map((e) => compactEntry(e, interner)));
    expect(result!.values.hs_dunghan).toBe(NOT_REPORTED);
    expect(result!.notes?.hs_dunghan).toMatch(/«UBND PHƯỜNG BẮC SƠN» ghi «12 hồ sơ»/);
  });
});

describe("consolidateUnits: refusals, each named, the rest still consolidated", () => {
  const other = { ...TEST_CATALOGUE, id: "tinh-khac", version: "1" };
  const entries: InputEntry[] = [
    ...three(),
    { ok: false, source: "hong.xlsx", reason: "Tệp bị hỏng, không đọc được." },
    unitWorkbook("mau-khac.xlsx", { ...THREE_UNITS[0], co_quan: "UBND XÃ D" }, other),
    unitWorkbook("ky-khac.xlsx", { ...THREE_UNITS[0], co_quan: "UBND XÃ E", ky_bao_cao: "Quý II" }),
    unitWorkbook("zz-lan-hai.xlsx", { ...THREE_UNITS[1], co_quan: "Ubnd  phường Bắc Sơn" }),
    unitWorkbook("khong-ky.xlsx", { co_quan: "UBND XÃ G", hs_nhan: 5 }),
  ];
  const outcome = consolidateUnits(entries);
  const reason = (source: string) => outcome.files.find((f) => f.source === source)?.reason;

  it("refuses each with its reason", () => {
    expect(
      outcome.files
        .filter((f) => !f.included)
        .map((f) => f.source)
        .sort(),
    ).toEqual(["hong.xlsx", "khong-ky.xlsx", "ky-khac.xlsx", "mau-khac.xlsx", "zz-lan-hai.xlsx"].sort());
    expect(reason("hong.xlsx")).toBe("Tệp bị hỏng, không đọc được.");
    expect(reason("mau-khac.xlsx")).toBe(
      "Tệp theo mẫu «tinh-khac» phiên bản 1, khác mẫu «tinh-thu-xa» phiên bản 2026.1 của các tệp đang tổng hợp.",
    );
    expect(reason("ky-khac.xlsx")).toBe(
      "Số liệu kỳ Quý II/2026, 15/03/2026 – 14/06/2026, khác kỳ đang tổng hợp (Quý III/2026, 15/06/2026 – 14/09/2026).",
    );
    expect(reason("zz-lan-hai.xlsx")).toBe(
      "Đơn vị «Ubnd phường Bắc Sơn» đã được đọc từ tệp «don-vi-2.xlsx»: tệp này là bản sao với số liệu giống hệt, không cộng hai lần.",
    );
    expect(reason("khong-ky.xlsx")).toMatch(/^Thông tin chung chưa có kỳ báo cáo và năm/);
  });

  it("consolidates the others as if the refused files were not given", () => {
    expect(outcome.result!.values).toEqual(consolidateUnits(three()).result!.values);
  });

  it("has no result when no file can be used", () => {
    const none = consolidateUnits([{ ok: false, source: "a.xlsx", reason: "x" }]);
    expect(none.result).toBeUndefined();
    expect(none.files).toEqual([{ source: "a.xlsx", included: false, reason: "x" }]);
  });
});

describe("consolidateUnits: properties", () => {
  const figure = fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined });
  const unit = fc.record({
    hs_nhan: figure,
    hs_dunghan: figure,
    hs_quahan: figure,
    kinh_phi: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: undefined }),
    bien_che: figure,
    co_mat: figure,
    mo_hinh: fc.option(fc.string(), { nil: undefined }),
  });
  const units = fc.array(unit, { minLength: 1, maxLength: 8 });
  const asEntries = (list: ReadonlyArray<Record<string, unknown>>) =>
    list.map((values, i) =>
      unitWorkbook(`f${String(i).padStart(2, "0")}.xlsx`, {
        ...values,
        co_quan: `Xã ${i}`,
        ky_bao_cao: "Quý III",
        nam: 2026,
      }),
    );

  it("one unit alone consolidates to itself", () => {
    fc.assert(
      fc.property(unit, (values) => {
        const [entry] = asEntries([values]);
        const result = consolidateUnits([entry]).result!;
        const own = result.parts[0].evaluated;
        for (const id of [
          "hs_nhan",
          "hs_dunghan",
          "hs_quahan",
          "kinh_phi",
          "bien_che",
          "co_mat",
          "hs_tyle",
          "co_mat_tyle",
        ]) {
          expect(result.evaluated.get(id)?.value).toBe(own.get(id)?.value);
        }
      }),
    );
  });

  it("the order of the files does not matter", () => {
    fc.assert(
      fc.property(
        units.chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.shuffledSubarray([...list.keys()], { minLength: list.length, maxLength: list.length }),
          ),
        ),
        ([list, order]) => {
          const entries = asEntries(list);
          const shuffled = order.map((i) => entries[i]);
          const a = consolidateUnits(entries);
          const b = consolidateUnits(shuffled);
          expect(b.result!.values).toEqual(a.result!.values);
          expect(b.files).toEqual(a.files);
          expect(b.result!.parts.map((p) => p.name)).toEqual(a.result!.parts.map((p) => p.name));
        },
      ),
    );
  });

  /** The names of the consolidation's parts, in order, for units of these names. */
  const partsInOrder = (names: readonly string[]) =>
    consolidateUnits(
      names.map((co_quan, i) =>
        unitWorkbook(`f${i}.xlsx`, { ...THREE_UNITS[0], co_quan, ky_bao_cao: "Quý III", nam: 2026 }),
      ),
    ).result!.parts.map((p) => p.name);

  it("lists the units in Vietnamese alphabetical order (Ă and Â before B, Đ after D)", () => {
    // By code point, B and D would come before Â, Ă and Đ.
    const names = ["UBND XÃ ĐÔNG", "UBND XÃ BA", "UBND XÃ DƯƠNG", "UBND XÃ ÂN", "UBND XÃ ĂN", "UBND XÃ ANH"];
    expect(partsInOrder(names)).toEqual([
      "UBND XÃ ANH",
      "UBND XÃ ĂN",
      "UBND XÃ ÂN",
      "UBND XÃ BA",
      "UBND XÃ DƯƠNG",
      "UBND XÃ ĐÔNG",
    ]);
  });

  it("orders units by what follows «UBND» or «Ủy ban nhân dân», however each unit spelt it", () => {
    const names = [
      "Xã Đồng Tâm",
      "Ủy ban nhân dân xã Cà Mau",
      "ỦY BAN NHÂN DÂN XÃ AN BÌNH",
      "UBND xã Bình Minh",
      "UBND phường Ba Đình",
      "Uỷ ban nhân dân đặc khu Côn Đảo",
    ];
    expect(partsInOrder(names)).toEqual([
      "Uỷ ban nhân dân đặc khu Côn Đảo",
      "UBND phường Ba Đình",
      "ỦY BAN NHÂN DÂN XÃ AN BÌNH",
      "UBND xã Bình Minh",
      "Ủy ban nhân dân xã Cà Mau",
      "Xã Đồng Tâm",
    ]);
  });

  it("refuses a period before the units began with that reason, not as a file without a period", () => {
    const XA2025 = builtinCatalogue("xa-2025")!;
    const unit = (co_quan: string, ky_bao_cao: string, nam: number) =>
      unitWorkbook(`${co_quan}.xlsx`, { co_quan, ky_bao_cao, nam }, XA2025);
    const outcome = consolidateUnits([
      unit("UBND XÃ A", "Quý III", 2025),
      unit("UBND XÃ B", "Quý III", 2025),
      unit("UBND XÃ C", "Quý II", 2025),
    ]);
    expect(outcome.files.find((f) => f.source === "UBND XÃ C.xlsx")?.reason).toBe(
      "Kỳ Quý II/2025 có số liệu đến ngày 14/06/2025, trước ngày đơn vị bắt đầu hoạt động (01/07/2025): không có số liệu để tổng hợp.",
    );
    // Compacted as the command line keeps units: the same reason.
    const compacted = consolidateUnits(
      [unit("UBND XÃ A", "Quý III", 2025), unit("UBND XÃ C", "Quý II", 2025)].map((e) =>
        compactEntry(e, newInterner()),
      ),
    );
    expect(compacted.files.find((f) => f.source === "UBND XÃ C.xlsx")?.reason).toMatch(
      /^Kỳ Quý II\/2025 có số liệu đến ngày 14\/06\/2025, trước ngày đơn vị bắt đầu hoạt động/,
    );
  });

  it("a rate equals the rate of the sums", () => {
    fc.assert(
      fc.property(units, (list) => {
        const result = consolidateUnits(asEntries(list)).result!;
        const sum = (id: string) => {
          const given = list
            .map((u) => u[id as keyof typeof u])
            .filter((v): v is number => typeof v === "number");
          return given.length ? given.reduce((a, b) => a + b, 0) : null;
        };
        const expected =
          sum("bien_che") === 0 && (sum("co_mat") ?? 0) > 0 ? "" : ratio(sum("co_mat"), sum("bien_che"));
        expect(result.evaluated.get("co_mat_tyle")?.value).toBe(expected);
      }),
    );
  });
});

describe("the result's rows per unit and per file are made when asked, not held", () => {
  const planOf = (count: number) => {
    const outcome = consolidateUnits(
      Array.from({ length: count }, (_, i) =>
        unitWorkbook(`xa-${i}.xlsx`, {
          ...THREE_UNITS[i % 3],
          co_quan: `UBND XÃ ${String(i).padStart(3, "0")}`,
        }),
      ),
    );
    return consolidatedWorkbookPlan(outcome.result!, outcome.files, { over: "units", subtitle: "" });
  };
  const small = planOf(3);
  const large = planOf(300);

  it("the plans hold as many cells for 300 units as for 3", () => {
    expect(large.map((p) => p.cells.length)).toEqual(small.map((p) => p.cells.length));
  });

  it("every unit's row and every file's row is there when made, between the header and the total", () => {
    const breakdown = planCells(large.find((p) => p.name === "Tổng hợp theo đơn vị")!);
    const at = (address: string) => breakdown.find((c) => c.address === address)?.value;
    expect([at("A6"), at("B6"), at("A305"), at("B305"), at("B306")]).toEqual([
      1,
      "UBND XÃ 000",
      300,
      "UBND XÃ 299",
      "Tổng cộng (300 đơn vị)",
    ]);
    // The indicator's column is where its id heads it (row 5); UBND XÃ 001 is THREE_UNITS[1].
    const letter = breakdown.find((c) => c.value === "hs_nhan")!.address.replace(/\d+$/, "");
    expect(at(`${letter}7`)).toBe(THREE_UNITS[1].hs_nhan);
    const files = planCells(large.find((p) => p.name === "Tệp tổng hợp")!);
    expect(files.filter((c) => /^B\d+$/.test(c.address) && String(c.value).startsWith("xa-"))).toHaveLength(
      300,
    );
  });
});

describe("compactEntry: the same figures, kept in typed arrays", () => {
  const value = fc.oneof(
    fc.integer({ min: 0, max: 1e6 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string(),
    fc.boolean(),
    fc.constant("#DIV/0!"),
    fc.constant(null),
  );
  const ids = TEST_CATALOGUE.indicators.filter((i) => i.kind !== "ratio").map((i) => i.id);

  it("reads back every figure (value, cell, formula, note) and consolidates to the same result", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...ids), value),
        fc.option(fc.string(), { nil: undefined }),
        (values, note) => {
          const entry = unitWorkbook("a.xlsx", { ...values, ky_bao_cao: "Quý III", nam: 2026 });
          const figures = new Map(entry.ok ? entry.figures : []);
          const first = figures.get("hs_nhan");
          if (first) figures.set("hs_nhan", { ...first, note, formula: "=1" });
          const original = { ...entry, figures } as InputEntry;
          const compact = compactEntry(original, newInterner());
          const read = compact.ok ? compact.figures : new Map();
          expect([...read]).toEqual([...figures]);
          expect(read.size).toBe(figures.size);
          for (const id of ids) {
            expect(read.get(id)).toEqual(figures.get(id));
            expect(read.has(id)).toBe(figures.has(id));
          }
          expect(consolidateUnits([compact]).result?.values).toEqual(
            consolidateUnits([original]).result?.values,
          );
        },
      ),
    );
  });
});

describe("compactEntry: many units carved from shared blocks", () => {
  const ids = TEST_CATALOGUE.indicators.filter((i) => i.kind !== "ratio").map((i) => i.id);
  /** Every figure and evaluated value of an entry, plainly. */
  const plain = (entry: InputEntry) =>
    entry.ok ? { figures: [...entry.figures], evaluated: [...(entry.checked?.evaluated ?? [])] } : entry;

  it("keeps each of 600 units' own figures and evaluation, across the blocks' boundaries", () => {
    const interner = newInterner();
    const originals = Array.from({ length: 600 }, (_, k) => {
      // Numbers unlike every other unit's (an overlap of two units' places would show), −0 and
      // fractions among them, and a ratio of its own in the evaluation; every fifth unit has
      // numbers no 32-bit float holds exactly (0.1), kept as 64-bit ones.
      const values: Record<string, unknown> = { ky_bao_cao: "Quý III", nam: 2026, co_quan: `UBND XÃ ${k}` };
      ids.forEach((id, n) => {
        if (!(id in values))
          values[id] = n % 7 === 0 ? -0 : k % 5 === 0 ? k + 0.1 * n : k * 1000 + n + (n % 3) / 8;
      });
      return unitWorkbook(`xa-${k}.xlsx`, values);
    });
    const compact = originals.map((entry) => compactEntry(entry, interner));
    const expected = originals.map((entry) => compactEntry(entry, newInterner()));
    originals.forEach((original, k) => {
      const read = compact[k];
      expect(read.ok && [...read.figures]).toEqual(original.ok && [...original.figures]);
      expect(plain(read)).toEqual(plain(expected[k]));
    });
    expect(consolidateUnits(compact).result?.values).toEqual(consolidateUnits(originals).result?.values);
  });

  it("keeps the evaluation of a unit with more ratios than a byte's codes hold (16-bit codes)", () => {
    // 300 ratios of their own: codes up to 5 + 300, past the byte the usual unit's codes take.
    const base = TEST_CATALOGUE.indicators.find((i) => i.id === "hs_tyle")!;
    const ratios = Array.from({ length: 300 }, (_, k): Indicator => ({
      ...base,
      id: `tyle_${k}`,
      label: `Tỷ lệ ${k}`,
      formula: { fn: "TYLE", args: ["hs_dunghan", "hs_nhan"] },
    }));
    const catalogue = { ...TEST_CATALOGUE, indicators: [...TEST_CATALOGUE.indicators, ...ratios] };
    const values = { ky_bao_cao: "Quý III", nam: 2026, co_quan: "UBND XÃ A", hs_nhan: 7, hs_dunghan: 3 };
    const interner = newInterner();
    const evaluatedOf = (entry: InputEntry) => (entry.ok ? [...(entry.checked?.evaluated ?? [])] : []);
    // Units of 8-bit codes before and after, carved from the same block.
    const units = [
      unitWorkbook("a.xlsx", values),
      unitWorkbook("b.xlsx", values, catalogue),
      unitWorkbook("c.xlsx", { ...values, hs_nhan: 9 }),
    ];
    const compact = units.map((unit) => compactEntry(unit, interner));
    units.forEach((unit, k) => expect(evaluatedOf(compact[k])).toEqual([...checkPart(unit).evaluated]));
    const ratioValues = evaluatedOf(compact[1]).filter(([id]) => id.startsWith("tyle_"));
    expect(ratioValues).toHaveLength(300);
    expect(ratioValues.every(([, { value }]) => value === 3 / 7)).toBe(true);
  });

  it("gives a unit larger than a block a block of its own", () => {
    const base = TEST_CATALOGUE.indicators.find((i) => i.kind === "count")!;
    // Some 9,000 indicators: 8 bytes a number and 3 of codes each, more than a 64 KB block.
    const extra = Array.from({ length: 9000 }, (_, k) => ({ ...base, id: `them_${k}`, label: `Thêm ${k}` }));
    const catalogue = { ...TEST_CATALOGUE, indicators: [...TEST_CATALOGUE.indicators, ...extra] };
    const values: Record<string, unknown> = { ky_bao_cao: "Quý III", nam: 2026 };
    extra.forEach((indicator, k) => (values[indicator.id] = k + 0.5));
    const before = compactEntry(unitWorkbook("a.xlsx", { ...values, them_0: 1 }, catalogue), newInterner());
    const large = unitWorkbook("b.xlsx", values, catalogue);
    const compact = compactEntry(large, newInterner());
    const after = compactEntry(unitWorkbook("c.xlsx", { ...values, them_0: 3 }, catalogue), newInterner());
    expect(compact.ok && [...compact.figures]).toEqual([...large.figures]);
    expect(before.ok && before.figures.get("them_0")?.value).toEqual({ type: "number", value: 1 });
    expect(after.ok && after.figures.get("them_0")?.value).toEqual({ type: "number", value: 3 });
    expect(compact.ok && compact.figures.get("them_8999")?.value).toEqual({ type: "number", value: 8999.5 });
  });
});

describe("consolidatePeriods: one unit, 9 tháng = 6 tháng + Quý III, from the dates", () => {
  const base = { co_quan: "UBND XÃ AN BÌNH", tinh: "Tỉnh Thử", nam: 2026 };
  const half = unitWorkbook("6thang.xlsx", {
    ...base,
    ky_bao_cao: "6 tháng",
    hs_nhan: 200,
    hs_dunghan: 180,
    hs_quahan: 20,
    kinh_phi: 4,
    bien_che: 20,
    co_mat: 17,
    mo_hinh: "cũ",
    so_ky_hieu: "12/BC-UBND",
  });
  const q3 = unitWorkbook("quy3.xlsx", {
    ...base,
    ky_bao_cao: "Quý III",
    hs_nhan: 100,
    hs_dunghan: 90,
    hs_quahan: 10,
    kinh_phi: 1.5,
    bien_che: 21,
    co_mat: 19,
    mo_hinh: "Một cửa số",
    so_ky_hieu: "30/BC-UBND",
  });

  it("sums flows, takes stocks and texts from the latest period, recomputes ratios, carries the target period", () => {
    const outcome = consolidatePeriods([q3, half], { period: "9 tháng", year: 2026 });
    expect(outcome.problem).toBeUndefined();
    const { values, evaluated, parts } = outcome.result!;
    expect(values).toMatchObject({
      hs_nhan: 300,
      hs_dunghan: 270,
      hs_quahan: 30,
      kinh_phi: 5.5,
      bien_che: 21,
      co_mat: 19,
      mo_hinh: "Một cửa số",
      co_quan: "UBND XÃ AN BÌNH",
      tinh: "Tỉnh Thử",
      ky_bao_cao: "9 tháng",
      nam: 2026,
      so_ky_hieu: null,
    });
    expect(evaluated.get("hs_tyle")?.value).toBeCloseTo(270 / 300, 12);
    expect(evaluated.get("co_mat_tyle")?.value).toBeCloseTo(19 / 21, 12);
    expect(evaluated.get("tu_ngay")?.value).toBe(toExcelSerial({ year: 2025, month: 12, day: 15 }));
    expect(evaluated.get("den_ngay")?.value).toBe(toExcelSerial({ year: 2026, month: 9, day: 14 }));
    expect(parts.map((p) => p.name)).toEqual([
      "6 tháng/2026, 15/12/2025 – 14/06/2026",
      "Quý III/2026, 15/06/2026 – 14/09/2026",
    ]);
  });

  it("works from the dates: typed data periods that tile the target are accepted whatever their names", () => {
    const a = unitWorkbook("a.xlsx", {
      ...base,
      ky_bao_cao: "Quý I",
      tu_ngay: toExcelSerial({ year: 2025, month: 12, day: 15 }),
      den_ngay: toExcelSerial({ year: 2026, month: 4, day: 30 }),
      hs_nhan: 1,
    });
    const b = unitWorkbook("b.xlsx", {
      ...base,
      ky_bao_cao: "Quý II",
      tu_ngay: toExcelSerial({ year: 2026, month: 5, day: 1 }),
      den_ngay: toExcelSerial({ year: 2026, month: 6, day: 14 }),
      hs_nhan: 2,
    });
    const outcome = consolidatePeriods([a, b], { period: "6 tháng", year: 2026 });
    expect(outcome.problem).toBeUndefined();
    expect(outcome.result!.values.hs_nhan).toBe(3);
  });

  it("refuses a gap with the dates left out", () => {
    const q1 = unitWorkbook("quy1.xlsx", { ...base, ky_bao_cao: "Quý I", hs_nhan: 1 });
    const outcome = consolidatePeriods([q1, q3], { period: "9 tháng", year: 2026 });
    expect(outcome.result).toBeUndefined();
    expect(outcome.problem).toBe(
      "Các kỳ số liệu không ghép đúng kỳ 9 tháng/2026 (15/12/2025 – 14/09/2026): thiếu số liệu 15/03/2026 – 14/06/2026.",
    );
  });

  it("refuses an overlap with the dates counted twice, and a period outside the target", () => {
    const q2 = unitWorkbook("quy2.xlsx", { ...base, ky_bao_cao: "Quý II", hs_nhan: 1 });
    const q4 = unitWorkbook("quy4.xlsx", { ...base, ky_bao_cao: "Quý IV", hs_nhan: 1 });
    const outcome = consolidatePeriods([half, q2, q3, q4], { period: "9 tháng", year: 2026 });
    expect(outcome.problem).toBe(
      "Các kỳ số liệu không ghép đúng kỳ 9 tháng/2026 (15/12/2025 – 14/09/2026): tính hai lần 15/03/2026 – 14/06/2026 («6thang.xlsx», «quy2.xlsx»); 15/09/2026 – 14/12/2026 nằm ngoài kỳ («quy4.xlsx»).",
    );
  });

  it("refuses another unit's file (then the dates no longer tile)", () => {
    const stranger = unitWorkbook("khac.xlsx", { ...base, co_quan: "UBND XÃ KHÁC", ky_bao_cao: "Quý III" });
    const outcome = consolidatePeriods([half, q3, stranger], { period: "9 tháng", year: 2026 });
    expect(outcome.problem).toBeUndefined();
    expect(outcome.files.find((f) => f.source === "khac.xlsx")?.reason).toBe(
      "Tệp của đơn vị «UBND XÃ KHÁC», khác đơn vị đang tổng hợp theo kỳ «UBND XÃ AN BÌNH».",
    );
  });
});

describe("opening figures (dossiers carried over from the previous period)", () => {
  const XA_2025 = DEFAULT_CATALOGUE;
  const unit = { co_quan: "UBND XÃ AN BÌNH", tinh: "Tỉnh Thử", nam: 2026 };
  // The user trial's case: received = carried over + new = resolved + pending + withdrawn.
  const half = unitWorkbook(
    "6thang.xlsx",
    {
      ...unit,
      ky_bao_cao: "6 tháng",
      hs_kytruoc: 100,
      hs_moi: 1000,
      hs_tiepnhan: 1100,
      hs_dagq: 900,
      hs_danggq: 180,
      hs_rut_tralai: 20,
    },
    XA_2025,
  );
  const q3 = unitWorkbook(
    "quy3.xlsx",
    {
      ...unit,
      ky_bao_cao: "Quý III",
      hs_kytruoc: 180,
      hs_moi: 600,
      hs_tiepnhan: 780,
      hs_dagq: 650,
      hs_danggq: 120,
      hs_rut_tralai: 10,
    },
    XA_2025,
  );
  const tthc = (findings: ReturnType<typeof checkFigures>) =>
    // The sum and balance findings on dossiers (the inputs leave the on-time split blank, a ratio gap).
    findings.filter((f) => f.ids.some((id) => id.startsWith("hs_")) && !f.checkId.startsWith("ratio:"));

  it("the built-in forms mark «từ kỳ trước chuyển sang» as opening", () => {
    for (const id of ["xa-2025", "huyen-2021", "cchc-xa"]) {
      const row = builtinCatalogue(id)!.indicators.find((i) => i.id === "hs_kytruoc")!;
      expect([id, aggregateOf(row)]).toEqual([id, "opening"]);
    }
  });

  it("over periods: the earliest period's opening, the received total counting it once; the result balances", () => {
    for (const inputs of [
      [half, q3],
      [q3, half],
    ]) {
      const outcome = consolidatePeriods(inputs, { period: "9 tháng", year: 2026 });
      expect(outcome.problem).toBeUndefined();
      const { values, figures } = outcome.result!;
      expect(values).toMatchObject({
        hs_kytruoc: 100,
        hs_moi: 1600,
        hs_tiepnhan: 1700,
        hs_dagq: 1550,
        hs_danggq: 120,
        hs_rut_tralai: 30,
      });
      // 1700 = 1550 + 120 + 30 and 1700 = 100 + 1600: no TTHC finding at all.
      expect(tthc(checkFigures(figures, [], XA_2025))).toEqual([]);
    }
    // Each input balances on its own, so the check above is about the consolidation.
    expect(tthc(checkFigures(half.figures, [], XA_2025))).toEqual([]);
    expect(tthc(checkFigures(q3.figures, [], XA_2025))).toEqual([]);
  });

  it("over units: an opening is a stock at the period's start, so it is summed like any stock", () => {
    const other = unitWorkbook(
      "b.xlsx",
      {
        co_quan: "UBND PHƯỜNG BẮC SƠN",
        tinh: "Tỉnh Thử",
        nam: 2026,
        ky_bao_cao: "6 tháng",
        hs_kytruoc: 180,
        hs_moi: 600,
        hs_tiepnhan: 780,
        hs_dagq: 650,
        hs_danggq: 120,
        hs_rut_tralai: 10,
      },
      XA_2025,
    );
    const outcome = consolidateUnits([half, other]);
    const { values, figures } = outcome.result!;
    expect(values).toMatchObject({
      hs_kytruoc: 280,
      hs_moi: 1600,
      hs_tiepnhan: 1880,
      hs_dagq: 1550,
      hs_danggq: 300,
    });
    expect(tthc(checkFigures(figures, [], XA_2025))).toEqual([]);
  });
});

describe("a ratio with one side left blank by a unit", () => {
  const XA_2025 = DEFAULT_CATALOGUE;
  const period = { tinh: "Tỉnh Thử", nam: 2026, ky_bao_cao: "Quý III" };
  const full = unitWorkbook(
    "a.xlsx",
    { ...period, co_quan: "UBND XÃ AN BÌNH", ns_thu: 24690, ns_kehoach: 21000 },
    XA_2025,
  );
  const gap = unitWorkbook("b.xlsx", { ...period, co_quan: "UBND PHƯỜNG BẮC SƠN", ns_thu: 21000 }, XA_2025);
  const ratioFindings = (input: typeof full) =>
    checkFigures(input.figures, [], XA_2025).filter((f) => f.checkId.startsWith("ratio:"));

  it("warns the unit, naming the ratio and the blank denominator", () => {
    expect(ratioFindings(full)).toEqual([]);
    const [warning, ...rest] = ratioFindings(gap);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({
      severity: "warning",
      checkId: "ratio:ns_tyle",
      ids: ["ns_kehoach", "ns_thu", "ns_tyle"],
    });
    expect(warning.message).toBe(
      "Tỷ lệ thu so dự toán: đã nhập tử số («Thu ngân sách trên địa bàn xã») nhưng mẫu số («Dự toán thu năm») còn trống (ô ns_kehoach), " +
        "nên tỷ lệ không tính được; khi tổng hợp, tử số được cộng mà thiếu mẫu số, làm sai tỷ lệ chung. Hãy nhập mẫu số.",
    );
  });

  it("counts the warning for the unit and notes the consolidated ratio, naming the unit", () => {
    const outcome = consolidateUnits([full, gap]);
    const { parts, evaluated } = outcome.result!;
    const warnings = Object.fromEntries(parts.map((p) => [p.name, p.warnings]));
    expect(warnings["UBND PHƯỜNG BẮC SƠN"]).toBe(warnings["UBND XÃ AN BÌNH"] + 1);
    // The value is the core's ratio of the sums; the note says it is over incomplete parts.
    expect(evaluated.get("ns_tyle")).toEqual({
      value: ratio(45690, 21000),
      note: "Tính trên số liệu chưa đủ: UBND PHƯỜNG BẮC SƠN bỏ trống mẫu số (Dự toán thu năm).",
    });
    // Without the gap, no note.
    expect(consolidateUnits([full]).result!.evaluated.get("ns_tyle")).toEqual({ value: ratio(24690, 21000) });
  });
});

describe("writeNotes: a ratio's note into its row's Ghi chú", () => {
  const noteCell = (plans: ReturnType<typeof planInstall>["sheets"], id: string) =>
    plans
      .filter((p) => p.role === "input")
      .flatMap((p) => p.cells)
      .find((c) => c.keepKey === id && /^E\d+$/.test(c.address))!;

  it("fills a blank Ghi chú and never replaces a typed one", () => {
    const plans = planInstall({ sheetNames: [], sheets: new Map() }, { catalogue: DEFAULT_CATALOGUE }).sheets;
    noteCell(plans, "pakn_tyle").value = "Đã giải trình";
    writeNotes(plans, {
      ns_tyle: "Tính trên số liệu chưa đủ: A.",
      pakn_tyle: "Tính trên số liệu chưa đủ: B.",
    });
    expect(noteCell(plans, "ns_tyle").value).toBe("Tính trên số liệu chưa đủ: A.");
    expect(noteCell(plans, "pakn_tyle").value).toBe("Đã giải trình");
  });
});

describe("the catalogue listing says how each row consolidates over periods", () => {
  it("Cộng, Lấy kỳ cuối, Lấy kỳ đầu", () => {
    const cells = catalogueListingPlans(DEFAULT_CATALOGUE)[0].cells;
    const rowOf = (id: string) => cells.find((c) => c.value === id)!.address.replace(/^[A-Z]+/, "");
    const inRow = (id: string) =>
      cells.filter((c) => c.address.replace(/^[A-Z]+/, "") === rowOf(id)).map((c) => c.value);
    expect(inRow("hs_moi")).toContain("Cộng");
    expect(inRow("hs_danggq")).toContain("Lấy kỳ cuối");
    expect(inRow("hs_kytruoc")).toContain("Lấy kỳ đầu");
  });
});

describe("unitNameOf: the name as typed, its white space tidied", () => {
  it.each([
    ["UBND XÃ AN BÌNH", "UBND XÃ AN BÌNH"],
    ["  UBND XÃ AN BÌNH", "UBND XÃ AN BÌNH"],
    ["UBND XÃ AN BÌNH ", "UBND XÃ AN BÌNH"],
    ["UBND  XÃ AN   BÌNH", "UBND XÃ AN BÌNH"],
    ["UBND\tXÃ\nAN\u00A0BÌNH", "UBND XÃ AN BÌNH"],
    ["UBND XÃ\r\nAN BÌNH\u2003", "UBND XÃ AN BÌNH"],
    ["A", "A"],
    ["   ", ""],
  ])("«%s» → «%s»", (typed, name) => {
    const entry = unitWorkbook("a.xlsx", { co_quan: typed, ky_bao_cao: "Quý III", nam: 2026 });
    expect(entry.ok && unitNameOf(entry)).toBe(name);
  });
});

describe("unitKey: one unit written two ways is one key", () => {
  it.each([
    ["UBND xã Thạch Hà", "ỦY BAN NHÂN DÂN XÃ THẠCH HÀ"],
    ["Uỷ ban nhân dân xã Thạch Hà", "UBND xã Thạch Hà"],
    ["UBND  phường Hoà Bình", "Ủy ban nhân dân phường Hòa Bình"],
    ["UBND xã Thuỷ Xuân", "ubnd xã thủy xuân"],
    ["xã Khoẻ", "Xã Khỏe"],
    ["UBND-xã Hoà", "Ủy ban nhân dân-xã Hòa"],
    // The same text in NFC and NFD.
    ["Ủy ban nhân dân xã Thạch Hà", "Ủy ban nhân dân xã Thạch Hà".normalize("NFD")],
    // Invisible format characters (Unicode Cf): a zero-width space, joiners, a byte-order mark,
    // a soft hyphen, a direction mark; a no-break space and a run of mixed spaces.
    ["XÃ AN\u200B BÌNH", "XÃ AN BÌNH"],
    ["\uFEFFXÃ AN BÌNH", "XÃ AN BÌNH"],
    ["XÃ A\u200DN BÌ\u200CNH", "XÃ AN BÌNH"],
    ["XÃ AN BÌ\u00ADNH\u200E", "XÃ AN BÌNH"],
    ["XÃ\u00A0AN \u2003\tBÌNH", "xã an bình"],
    // A compatibility form: full-width letters typed with an East Asian keyboard.
    ["ＵＢＮＤ xã An Bình", "UBND xã An Bình"],
  ])("«%s» = «%s»", (a, b) => expect(unitKey(a)).toBe(unitKey(b)));

  it.each([
    ["UBND xã Thạch Hà", "UBND xã Thạch Hạ"],
    ["xã Hòa", "xã Hoa"],
    ["xã Thủy", "xã Thụy"],
    ["xã Hòa Bình", "phường Hòa Bình"],
    // UBND only as a word of its own.
    ["UBNDX", "Ủy ban nhân dânx"],
    ["xã Ân", "xã Ấn"],
  ])("«%s» ≠ «%s»", (a, b) => expect(unitKey(a)).not.toBe(unitKey(b)));

  it("a second file of a unit written the other way is refused as that unit's second report", () => {
    const outcome = consolidateUnits([
      unitWorkbook("a.xlsx", { ...THREE_UNITS[0], co_quan: "UBND xã Thạch Hà" }),
      unitWorkbook("b.xlsx", { ...THREE_UNITS[0], co_quan: "ỦY BAN NHÂN DÂN XÃ THẠCH HÀ" }),
    ]);
    expect(outcome.result!.parts.map((p) => p.name)).toEqual(["UBND xã Thạch Hà"]);
    expect(outcome.files[1].reason).toBe(
      "Đơn vị «ỦY BAN NHÂN DÂN XÃ THẠCH HÀ» đã được đọc từ tệp «a.xlsx»: tệp này là bản sao với số liệu giống hệt, không cộng hai lần.",
    );
  });

  it("a name longer than a cell holds is named in the unit's remark (the result's cells cut it)", () => {
    const long = "A".repeat(100_000);
    const outcome = consolidateUnits([unitWorkbook("a.xlsx", { ...THREE_UNITS[0], co_quan: long })]);
    expect(outcome.files[0]).toMatchObject({
      included: true,
      reason:
        "Tên cơ quan dài 100.000 ký tự, quá 32.767 ký tự một ô Excel chứa được: đã cắt bớt trong tệp tổng hợp; hãy rút ngắn tên trong tệp của đơn vị",
    });
    const plans = consolidatedWorkbookPlan(outcome.result!, outcome.files, { over: "units", subtitle: "" });
    const longest = Math.max(
      ...plans.flatMap((p) => planCells(p).map((c) => (typeof c.value === "string" ? c.value.length : 0))),
    );
    expect(longest).toBe(32_767);
  });

  it("a zero-width space in a name does not make a second unit: the figures are not added twice", () => {
    const outcome = consolidateUnits([
      unitWorkbook("a.xlsx", { ...THREE_UNITS[0], co_quan: "XÃ AN BÌNH" }),
      unitWorkbook("b.xlsx", { ...THREE_UNITS[0], co_quan: "XÃ AN\u200B BÌNH" }),
    ]);
    expect(outcome.result!.parts).toHaveLength(1);
    expect(outcome.result!.values.hs_nhan).toBe(100);
    expect(outcome.files[1].included).toBe(false);
  });

  it("over periods, a part whose name carries a byte-order mark is still the same unit", () => {
    const base = { ...THREE_UNITS[0], nam: 2026 };
    const half = unitWorkbook("6thang.xlsx", { ...base, ky_bao_cao: "6 tháng", co_quan: "\uFEFFXÃ AN BÌNH" });
    const q3 = unitWorkbook("quy3.xlsx", { ...base, ky_bao_cao: "Quý III", co_quan: "XÃ AN\u200B BÌNH" });
    const outcome = consolidatePeriods([half, q3], { period: "9 tháng", year: 2026 });
    expect(outcome.problem).toBeUndefined();
    expect(outcome.files.every((f) => f.included)).toBe(true);
    expect(outcome.result!.values.hs_nhan).toBe(200);
  });
});

describe("consolidateUnits: who is included", () => {
  const units = () => three();
  /** A province's result over the three units, as the reader marks it. */
  const result: InputEntry = {
    ...unitWorkbook("tinh.xlsx", {
      co_quan: "SỞ NỘI VỤ TỈNH THỬ",
      ky_bao_cao: "Quý III",
      nam: 2026,
      hs_nhan: 190,
      hs_dunghan: 165,
      hs_quahan: 30,
    }),
    consolidated: { over: "units", parts: 3 },
  };

  it("refuses an earlier consolidation over units found among the inputs; the totals are not doubled", () => {
    const outcome = consolidateUnits([...units(), result]);
    expect(outcome.files.find((f) => f.source === "tinh.xlsx")).toMatchObject({
      included: false,
      reason:
        "Tệp là kết quả tổng hợp của 3 đơn vị (có trang «Tổng hợp theo đơn vị»), không phải báo cáo của một đơn vị: hãy tổng hợp từ chính các tệp của các đơn vị.",
    });
    expect(outcome.result!.values).toEqual(consolidateUnits(units()).result!.values);
    expect(outcome.result!.values.hs_nhan).toBe(190);
  });

  it("the mark survives the compact form the command line and the pane keep", () => {
    const compact = compactEntry(result, newInterner());
    expect(compact.ok && compact.consolidated).toEqual({ over: "units", parts: 3 });
    expect(
      consolidateUnits([...units(), compact]).files.find((f) => f.source === "tinh.xlsx")?.included,
    ).toBe(false);
  });

  it("keeps a consolidation over periods (one unit's longer period) as a unit's report", () => {
    const nine = { ...unitWorkbook("9thang.xlsx", { ...THREE_UNITS[0], co_quan: "UBND XÃ MỚI" }) };
    const outcome = consolidateUnits([...units(), { ...nine, consolidated: { over: "periods", parts: 2 } }]);
    expect(outcome.files.find((f) => f.source === "9thang.xlsx")?.included).toBe(true);
    expect(outcome.result!.values.hs_nhan).toBe(290);
  });

  it("over periods, a province's consolidated quarters are legitimate inputs", () => {
    const province = { co_quan: "SỞ NỘI VỤ TỈNH THỬ", nam: 2026 };
    const half: InputEntry = {
      ...unitWorkbook("tinh-6thang.xlsx", { ...province, ky_bao_cao: "6 tháng", hs_nhan: 400 }),
      consolidated: { over: "units", parts: 3 },
    };
    const q3: InputEntry = {
      ...unitWorkbook("tinh-quy3.xlsx", { ...province, ky_bao_cao: "Quý III", hs_nhan: 190 }),
      consolidated: { over: "units", parts: 3 },
    };
    const outcome = consolidatePeriods([half, q3], { period: "9 tháng", year: 2026 });
    expect(outcome.problem).toBeUndefined();
    expect(outcome.files.every((f) => f.included)).toBe(true);
    expect(outcome.result!.values.hs_nhan).toBe(590);
  });

  it("chooses the form among the files that can be consolidated: an undated file of another form decides nothing", () => {
    const other = { ...TEST_CATALOGUE, id: "tinh-khac", version: "1" };
    // «a-…» sorts first and is alone of its form, as many as the dated one: before, it won the tie.
    const outcome = consolidateUnits([
      unitWorkbook("a-trong.xlsx", {}, other),
      unitWorkbook("b-xa.xlsx", THREE_UNITS[0]),
    ]);
    expect(outcome.files.map((f) => [f.source, f.included, f.reason])).toEqual([
      [
        "a-trong.xlsx",
        false,
        "Thông tin chung chưa có kỳ báo cáo và năm (hoặc ngày đầu, cuối kỳ số liệu): không biết số liệu thuộc kỳ nào.",
      ],
      ["b-xa.xlsx", true, undefined],
    ]);
    expect(outcome.result!.catalogue.id).toBe("tinh-thu-xa");
    expect(outcome.result!.values.hs_nhan).toBe(100);
  });

  it("over periods too, an undated file does not choose the form", () => {
    const other = { ...TEST_CATALOGUE, id: "tinh-khac", version: "1" };
    const base = { co_quan: "UBND XÃ AN BÌNH", nam: 2026, hs_nhan: 1 };
    const outcome = consolidatePeriods(
      [
        unitWorkbook("a-trong.xlsx", {}, other),
        unitWorkbook("b-6thang.xlsx", { ...base, ky_bao_cao: "6 tháng" }),
        unitWorkbook("c-quy3.xlsx", { ...base, ky_bao_cao: "Quý III" }),
      ],
      { period: "9 tháng", year: 2026 },
    );
    expect(outcome.problem).toBeUndefined();
    expect(outcome.result!.catalogue.id).toBe("tinh-thu-xa");
    expect(outcome.files.map((f) => f.included)).toEqual([false, true, true]);
  });

  it("a unit's second file: a copy says so; different figures say to keep the right one", () => {
    const first = unitWorkbook("a-an-binh.xlsx", THREE_UNITS[0]);
    const copy = unitWorkbook("b-ban-sao.xlsx", { ...THREE_UNITS[0], nguoi_ky: "Người khác" });
    const corrected = unitWorkbook("c-sua.xlsx", { ...THREE_UNITS[0], hs_nhan: 110, hs_dunghan: 100 });
    const outcome = consolidateUnits([corrected, copy, first]);
    const reason = (source: string) => outcome.files.find((f) => f.source === source)?.reason;
    // The first by file name is kept: «a-an-binh.xlsx».
    expect(outcome.files.filter((f) => f.included).map((f) => f.source)).toEqual(["a-an-binh.xlsx"]);
    expect(reason("b-ban-sao.xlsx")).toBe(
      "Đơn vị «UBND XÃ AN BÌNH» đã được đọc từ tệp «a-an-binh.xlsx»: tệp này là bản sao với số liệu giống hệt, không cộng hai lần.",
    );
    expect(reason("c-sua.xlsx")).toBe(
      "Đơn vị «UBND XÃ AN BÌNH» đã được đọc từ tệp «a-an-binh.xlsx»: tệp này là báo cáo thứ hai của cùng đơn vị, không cộng hai lần; hai tệp có số liệu khác nhau — hãy kiểm tra và chỉ để lại tệp đúng (khác ở 2 chỉ tiêu, ví dụ «Số hồ sơ tiếp nhận»).",
    );
    expect(outcome.result!.values.hs_nhan).toBe(100);
  });
});

describe("the result's own check: the parts with errors its breakdown sheet counts", () => {
  /** A breakdown sheet's values: five header rows, then STT, name, errors, warnings; a total row. */
  const sheet = (parts: Array<[string, number]>) => [
    ["TỔNG HỢP"],
    [],
    [],
    [],
    ["STT", "Đơn vị", "Số lỗi", "Số cảnh báo"],
    ...parts.map(([name, errors], i) => [i + 1, name, errors, 0]),
    [null, `Tổng cộng (${parts.length} đơn vị)`, parts.reduce((sum, [, e]) => sum + e, 0), 0],
  ];

  it("names each part in error with its count and its row's Số lỗi cell; none when no part has errors", () => {
    expect(
      breakdownFindings(
        "Tổng hợp theo đơn vị",
        sheet([
          ["UBND XÃ A", 0],
          ["UBND XÃ B", 0],
        ]),
      ),
    ).toEqual([]);
    const [finding, ...rest] = breakdownFindings(
      "Tổng hợp theo đơn vị",
      sheet([
        ["UBND XÃ A", 0],
        ["UBND XÃ B", 3],
        ["UBND XÃ C", 1],
      ]),
    );
    expect(rest).toEqual([]);
    expect(finding).toEqual({
      severity: "warning",
      checkId: "consolidation:parts",
      ids: [],
      cells: ["'Tổng hợp theo đơn vị'!C7", "'Tổng hợp theo đơn vị'!C8"],
      message:
        "Số liệu này tổng hợp cả 2 đơn vị có lỗi số liệu (UBND XÃ B: 3 lỗi; UBND XÃ C: 1 lỗi): các số tổng có thể thiếu hoặc sai dù tự chúng không lỗi. Hãy sửa tệp của đơn vị đó rồi tổng hợp lại (xem trang «Tổng hợp theo đơn vị»).",
    });
  });

  it("over periods says kỳ; a province's many units in error are named five, then counted", () => {
    const periods = breakdownFindings("Tổng hợp theo kỳ", sheet([["Quý III/2026", 2]]));
    expect(periods[0].message).toMatch(
      /^Số liệu này tổng hợp cả 1 kỳ có lỗi số liệu \(Quý III\/2026: 2 lỗi\).*tệp của kỳ đó/,
    );
    const many = breakdownFindings(
      "Tổng hợp theo đơn vị",
      sheet(Array.from({ length: 8 }, (_, i): [string, number] => [`UBND XÃ ${i + 1}`, 1])),
    );
    expect(many[0].cells).toHaveLength(8);
    expect(many[0].message).toContain("UBND XÃ 5: 1 lỗi; và 3 đơn vị khác)");
  });
});

describe("planConsolidationInto: the open workbook's «Danh mục văn bản»", () => {
  const docs = (...numbers: string[]) =>
    documentsFromSample(
      numbers.map((number, i) => ({ number, date: `2026-07-0${i + 1}`, summary: `Văn bản ${number}` })),
    );
  const entries = () =>
    THREE_UNITS.map((values, i) => ({
      ...unitWorkbook(`don-vi-${i + 1}.xlsx`, values),
      documents: i === 0 ? docs("12/KH-UBND", "15/UBND-VP") : i === 2 ? docs("7/QĐ-UBND") : [],
    }));
  const options = { over: "units" as const, subtitle: "" };
  /** The open workbook: the form installed, its list's rows as given (row 4 on). */
  function openWorkbook(rows: unknown[][] = []) {
    const plans = planInstall({ sheetNames: [], sheets: new Map() }, { catalogue: TEST_CATALOGUE }).sheets;
    const existing = workbookOf(plans);
    const list = existing.sheets.get(DOCUMENTS_SHEET.name)!;
    const cells = [...gridOf(plans.find((p) => p.key === DOCUMENTS_SHEET.key)!)];
    while (cells.length < 3) cells.push([]);
    (existing.sheets as Map<string, typeof list>).set(list.name, { ...list, cells: [...cells, ...rows] });
    return existing;
  }
  const listOf = (plans: readonly { key: string }[]) =>
    plans.find((p) => p.key === DOCUMENTS_SHEET.key) as ReturnType<typeof planInstall>["sheets"][number];

  it("an empty list (a row with only its STT counts as empty) gets the units' documents, Ghi chú naming the unit", () => {
    const outcome = consolidateUnits(entries(), { coQuan: "SỞ NỘI VỤ TỈNH THỬ" });
    const planned = planConsolidationInto(
      openWorkbook([[1, null, null, null, null]]),
      outcome.result!,
      outcome.files,
      options,
    );
    expect(planned.listedDocuments).toBe(3);
    expect(planned.keptDocuments).toBe(0);
    const list = listOf(planned.sheets);
    expect(
      [4, 5, 6].map((r) => ["A", "B", "C", "D", "E"].map((c) => planCell(list, `${c}${r}`)?.value)),
    ).toEqual([
      [
        1,
        "12/KH-UBND",
        toExcelSerial({ year: 2026, month: 7, day: 1 }),
        "Văn bản 12/KH-UBND",
        "UBND XÃ AN BÌNH",
      ],
      [
        2,
        "15/UBND-VP",
        toExcelSerial({ year: 2026, month: 7, day: 2 }),
        "Văn bản 15/UBND-VP",
        "UBND XÃ AN BÌNH",
      ],
      [
        3,
        "7/QĐ-UBND",
        toExcelSerial({ year: 2026, month: 7, day: 1 }),
        "Văn bản 7/QĐ-UBND",
        "UBND XÃ CẨM HÀ",
      ],
    ]);
    expect(planCell(list, "C4")?.style?.numberFormat).toBe("dd/mm/yyyy");
  });

  it("a list holding typed documents is kept as typed and said so; the figures are still consolidated", () => {
    const outcome = consolidateUnits(entries(), { coQuan: "SỞ NỘI VỤ TỈNH THỬ" });
    const typed = [
      [1, "01/BC-SNV", 46204, "Báo cáo của Sở", "gõ tay"],
      [null, null, null, "Chỉ có trích yếu", null],
    ];
    const planned = planConsolidationInto(openWorkbook(typed), outcome.result!, outcome.files, options);
    expect(planned.keptDocuments).toBe(2);
    expect(planned.listedDocuments).toBe(0);
    const list = listOf(planned.sheets);
    // Nothing is written under the header nor cleared there: the typed rows stay byte for byte.
    expect(list.cells.filter((c) => Number(c.address.replace(/^[A-Z]+/, "")) > 3)).toEqual([]);
    expect(list.clear).toBe("A1:E3");
    expect(list.table!.range).toBe("A3:E5");
    expect(figuresOfPlans(planned.sheets, TEST_CATALOGUE).get("hs_nhan")?.value).toEqual({
      type: "number",
      value: 190,
    });
  });

  it("over periods, an empty list gets every period's documents with their own notes", () => {
    const base = { co_quan: "UBND XÃ AN BÌNH", nam: 2026, hs_nhan: 10 };
    const half = {
      ...unitWorkbook("6thang.xlsx", { ...base, ky_bao_cao: "6 tháng" }),
      documents: docs("3/KH-UBND"),
    };
    const q3 = {
      ...unitWorkbook("quy3.xlsx", { ...base, ky_bao_cao: "Quý III" }),
      documents: docs("40/UBND-VP"),
    };
    const outcome = consolidatePeriods([q3, half], { period: "9 tháng", year: 2026 });
    const planned = planConsolidationInto(openWorkbook(), outcome.result!, outcome.files, {
      over: "periods",
      subtitle: "",
    });
    const list = listOf(planned.sheets);
    expect([4, 5].map((r) => [planCell(list, `B${r}`)?.value, planCell(list, `E${r}`)?.value])).toEqual([
      ["3/KH-UBND", null],
      ["40/UBND-VP", null],
    ]);
    expect(planned.listedDocuments).toBe(2);
  });
});
