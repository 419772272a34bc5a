import { DEFAULT_CATALOGUE, DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import {
  OUT_OF_PERIOD_DOCUMENT,
  SAMPLE_DOCUMENTS,
  SAMPLE_FIGURES,
  sampleOf,
} from "../../src/core/catalogue/sample";
import { checkFigures, countFindings } from "../../src/core/checks";
import { toExcelSerial } from "../../src/core/dates";
import { figuresFromValues } from "../../src/core/figures";
import { documentsFromSample } from "../support/plans";
import { TEST_CATALOGUE } from "../support/consolidation";

const sampleFigures = () => figuresFromValues(SAMPLE_FIGURES, DISTRICT_CATALOGUE);

function checkWith(changes: Record<string, unknown>) {
  return checkFigures(
    figuresFromValues({ ...SAMPLE_FIGURES, ...changes }, DISTRICT_CATALOGUE),
    [],
    DISTRICT_CATALOGUE,
  );
}

describe("checkFigures on the Đức Thọ Q3/2021 sample", () => {
  const findings = checkFigures(sampleFigures(), [], DISTRICT_CATALOGUE);

  it("gives no error and exactly the four known warnings", () => {
    expect(countFindings(findings)).toEqual({ errors: 0, warnings: 4 });
    expect(findings.map((f) => f.checkId)).toEqual([
      "balance:hs_tong",
      "sum:kh_tong:areas",
      "quota:bc_xa_comat",
      "quota:gd_comat",
    ]);
  });

  it("states the numbers of each warning", () => {
    const byId = Object.fromEntries(findings.map((f) => [f.checkId, f.message]));
    expect(byId["sum:kh_tong:areas"]).toMatch(/44.*47/);
    expect(byId["balance:hs_tong"]).toMatch(/142.*1\.117.*877.*98/);
    expect(byId["quota:bc_xa_comat"]).toMatch(/386 > 318 \(\+68\)/);
    expect(byId["quota:gd_comat"]).toMatch(/1\.433 > 1\.409 \(\+24\)/);
  });

  it("names the cells of every indicator involved", () => {
    const quota = findings.find((f) => f.checkId === "quota:gd_comat")!;
    expect(quota.ids).toEqual(["gd_comat", "gd_giao"]);
    expect(quota.cells).toEqual(["gd_comat", "gd_giao"]);
  });

  it("adds exactly one warning for six listed documents against 20 typed", () => {
    const docs = documentsFromSample(SAMPLE_DOCUMENTS);
    const withDocs = checkFigures(sampleFigures(), docs, DISTRICT_CATALOGUE);
    expect(withDocs.length).toBe(findings.length + 1);
    expect(withDocs.at(-1)).toMatchObject({ severity: "warning", checkId: "doc:count" });
    expect(withDocs.at(-1)!.message).toMatch(/6 văn bản.*20/);
  });

  it("flags a listed document dated outside the data period", () => {
    const docs = documentsFromSample([...SAMPLE_DOCUMENTS, OUT_OF_PERIOD_DOCUMENT]);
    const withDocs = checkFigures(sampleFigures(), docs, DISTRICT_CATALOGUE);
    expect(withDocs.length).toBe(findings.length + 2);
    const outside = withDocs.find((f) => f.checkId === "doc:7:period")!;
    expect(outside.severity).toBe("warning");
    expect(outside.message).toContain("260/UBND-TH");
    expect(outside.message).toContain("06/02/2021");
    expect(outside.message).toContain("15/06/2021");
  });
});

describe("the report's own date against its period (Quý III/2021: 15/06/2021 – 14/09/2021)", () => {
  const issued = (year: number, month: number, day: number) =>
    checkWith({ ngay_ban_hanh: toExcelSerial({ year, month, day }) }).filter(
      (f) => f.checkId === "info:ngay_ban_hanh",
    );

  it("warns about a date before the data period, naming the cell and both dates", () => {
    const [found, ...more] = issued(2020, 1, 5);
    expect(more).toEqual([]);
    expect(found.severity).toBe("warning");
    expect(found.cells).toEqual(["ngay_ban_hanh"]);
    expect(found.message).toBe(
      "Ngày ban hành báo cáo 05/01/2020 ở trước kỳ số liệu (15/06/2021 – 14/09/2021) của báo cáo: hãy xem lại ngày, tháng, năm.",
    );
  });

  it("warns about a date more than three months after it", () => {
    expect(issued(2022, 1, 5)[0].message).toMatch(/05\/01\/2022 muộn hơn ba tháng sau kỳ số liệu/);
  });

  it("accepts the usual dates: after the period's end, or within it", () => {
    expect(issued(2021, 9, 18)).toEqual([]);
    expect(issued(2021, 8, 1)).toEqual([]);
    expect(issued(2021, 12, 14)).toEqual([]);
  });
});

describe("checkFigures on bad input", () => {
  it.each([
    ["text in a count", { kh_tong: "bốn bảy" }, "kind:kh_tong", /không phải là số/],
    [
      "a year kept as text",
      { nam: "2025" },
      "kind:nam",
      /^Năm báo cáo: «2025» là chữ .*: hãy gõ lại 2025 vào ô/,
    ],
    [
      "a number kept as text",
      { kh_tong: "7" },
      "kind:kh_tong",
      /«7» là chữ chứ không phải số \(ô đang ở dạng văn bản/,
    ],
    [
      "thousands with a dot, as text",
      { hs_moi: "1.250" },
      "kind:hs_moi",
      /dấu chấm phân cách hàng nghìn\): hãy gõ lại 1250 vào ô, chỉ gồm chữ số\.$/,
    ],
    ["a negative count", { hs_moi: -5 }, "kind:hs_moi", /số âm/],
    ["a fraction in a count", { bn_moi: 2.5 }, "kind:bn_moi", /số nguyên/],
    // A fraction too small for six decimals is shown with the digits that make it one.
    [
      "a small fraction in a count",
      { bn_moi: 30.0000001 },
      "kind:bn_moi",
      /phải là số nguyên, đang là 30,0000001\.$/,
    ],
    ["a negative sum of money", { vphc_tien: -1 }, "kind:vphc_tien", /số âm/],
    ["an Excel error", { dvc_hoso: "#REF!" }, "kind:dvc_hoso", /#REF!/],
    ["an impossible date", { ngay_ban_hanh: 99_999_999 }, "kind:ngay_ban_hanh", /ngày không hợp lệ/],
    [
      "a text that is no date",
      { ngay_ban_hanh: "31/02/2021" },
      "kind:ngay_ban_hanh",
      /chứa chữ «31\/02\/2021», không phải một ngày/,
    ],
    ["an unknown period", { ky_bao_cao: "Quý V" }, "kind:ky_bao_cao", /danh sách/],
  ])("%s is an error naming the cell", (_what, change, checkId, message) => {
    const found = checkWith(change).filter((f) => f.severity === "error");
    expect(found).toHaveLength(1);
    expect(found[0].checkId).toBe(checkId);
    expect(found[0].message).toMatch(message);
    // The cell is named once, by the finding's cells (the command line and the pane print it).
    expect(found[0].cells).toEqual([Object.keys(change)[0]]);
    expect(found[0].message).not.toMatch(/^Ô /);
  });

  it("names a part above its whole without nesting parentheses", () => {
    const xa = { ...sampleOf("xa-2025")!.figures, kh_ht: 50 };
    const [found] = checkFigures(figuresFromValues(xa, DEFAULT_CATALOGUE), [], DEFAULT_CATALOGUE).filter(
      (f) => f.checkId.startsWith("part:kh_ht"),
    );
    // The parent is the whole named next: said once.
    expect(found.message).toBe(
      "Số nhiệm vụ đã hoàn thành (50) lớn hơn số nhiệm vụ trong kế hoạch CCHC năm của xã (30): phần không thể vượt tổng.",
    );
    // Parts of other parents: joined with a dash, never «A (B) (9)».
    const [district] = checkWith({ kh_cd_ht: 9 }).filter((f) => f.checkId.startsWith("part:kh_cd_ht"));
    expect(district.message).toBe(
      "Chỉ đạo điều hành CCHC – số nhiệm vụ đã hoàn thành (9) lớn hơn chỉ đạo điều hành CCHC – số nhiệm vụ trong kế hoạch CCHC năm (8): phần không thể vượt tổng.",
    );
  });

  it("a count with floating-point noise ((0,1 + 0,2) × 100 = 30.000000000000004) is the whole number it shows", () => {
    expect((0.1 + 0.2) * 100).toBe(30.000000000000004);
    expect(checkWith({ bn_moi: (0.1 + 0.2) * 100 }).filter((f) => f.checkId === "kind:bn_moi")).toEqual([]);
  });

  it("reports a part above its whole", () => {
    const found = checkWith({ iso_xa_apdung: 17 });
    expect(found.filter((f) => f.severity === "error").map((f) => f.checkId)).toEqual(["part:iso_xa_apdung"]);
  });

  it("reports a broken sum with its difference", () => {
    const found = checkWith({ hs_moi: 880 }).filter((f) => f.severity === "error");
    expect(found.map((f) => f.checkId)).toEqual(["sum:hs_tong:hs_moi+hs_kytruoc"]);
    expect(found[0].message).toMatch(/1\.114.*1\.117.*lệch 3/);
  });

  it("makes the unexplained files an error once the withdrawn count is typed but does not close the gap", () => {
    expect(checkWith({ hs_rut_tralai: 142 }).map((f) => f.checkId)).not.toContain("balance:hs_tong");
    const found = checkWith({ hs_rut_tralai: 100 }).find((f) => f.checkId === "balance:hs_tong")!;
    expect(found.severity).toBe("error");
  });

  it("reports a typed period start after its end", () => {
    const found = checkWith({ tu_ngay: 44500, den_ngay: 44400 }).filter((f) => f.severity === "error");
    expect(found.map((f) => f.checkId)).toEqual(["dates:period"]);
    expect(found[0].message).toMatch(/31\/10\/2021.*23\/07\/2021/);
  });
});

describe("a report with nothing in it yet", () => {
  it("makes the blank issuing body, period and year errors (required rows), and warns once of the empty form", () => {
    const catalogue = DEFAULT_CATALOGUE;
    const figures = figuresFromValues({}, catalogue);
    const findings = checkFigures(figures, [], catalogue);
    expect(findings.map((f) => [f.severity, f.checkId, f.cells])).toEqual([
      ["error", "required:co_quan", ["co_quan"]],
      ["error", "required:ky_bao_cao", ["ky_bao_cao"]],
      ["error", "required:nam", ["nam"]],
      // xa-2025 (2025.4) requires the plan's total; the warning points at the first row it does not.
      ["error", "required:kh_tong", ["kh_tong"]],
      ["warning", "form:empty", ["kh_ht"]],
    ]);
    expect(findings[1].message).toBe(
      "«Kỳ báo cáo» là dòng bắt buộc của mẫu báo cáo nhưng còn trống: báo cáo chưa có kỳ, cũng chưa có ngày đầu và cuối kỳ số liệu.",
    );
    // A consolidation without --co-quan leaves it to type: the report's heading would be blank.
    expect(findings[0].message).toBe(
      "«Tên cơ quan ban hành» là dòng bắt buộc của mẫu báo cáo nhưng còn trống: tên cơ quan ở đầu báo cáo và nơi ký sẽ để trống.",
    );
    // The warnings that said the same of these cells before they were required are gone.
    expect(findings.map((f) => f.checkId)).not.toContain("info:period");
    expect(findings.map((f) => f.checkId)).not.toContain("info:co_quan");
  });

  it("says nothing of the kind once the body, the period and one figure are typed", () => {
    const catalogue = DEFAULT_CATALOGUE;
    const figures = figuresFromValues(
      { co_quan: "UBND XÃ AN BÌNH", ky_bao_cao: "Quý III", nam: 2026, kh_tong: 12, hs_tiepnhan: 5 },
      catalogue,
    );
    const ids = checkFigures(figures, [], catalogue).map((f) => f.checkId);
    expect(ids.filter((id) => id.startsWith("required:") || id === "form:empty")).toEqual([]);
  });
});

describe("ratio gaps: one side of a ratio typed, the other all blank", () => {
  const gapsOf = (values: Record<string, number>) =>
    checkFigures(figuresFromValues(values, TEST_CATALOGUE), [], TEST_CATALOGUE)
      .filter((f) => f.checkId.startsWith("ratio:"))
      .map((f) => [f.checkId, f.ids]);

  it("warns on a blank denominator or a blank numerator, never when both sides are typed or blank", () => {
    expect(gapsOf({ co_mat: 18 })).toEqual([["ratio:co_mat_tyle", ["bien_che", "co_mat", "co_mat_tyle"]]]);
    expect(gapsOf({ bien_che: 20 })).toEqual([["ratio:co_mat_tyle", ["co_mat", "bien_che", "co_mat_tyle"]]]);
    expect(gapsOf({ co_mat: 18, bien_che: 20 })).toEqual([]);
    expect(gapsOf({})).toEqual([]);
  });

  it("DUNGHAN(on time; late): late typed with on time blank is a gap; on time alone is not (late blank is 0)", () => {
    expect(gapsOf({ hs_quahan: 3 })).toEqual([["ratio:hs_tyle", ["hs_dunghan", "hs_quahan", "hs_tyle"]]]);
    expect(gapsOf({ hs_dunghan: 30 })).toEqual([]);
  });
});

describe("a number cell whose formula shows nothing", () => {
  /** The sample with `id`'s cell holding `formula`, showing `value` (blank: no result saved). */
  function withFormula(id: string, formula: string, value: unknown) {
    const figures = new Map(figuresFromValues({ ...SAMPLE_FIGURES, [id]: value }, DISTRICT_CATALOGUE));
    figures.set(id, { ...figures.get(id)!, formula });
    return checkFigures(figures, [], DISTRICT_CATALOGUE);
  }

  it("is a warning naming the cell and what to do: the figure counts as blank", () => {
    const findings = withFormula("vb_chidao", "=3+4", null);
    const warning = findings.find((f) => f.checkId === "formula:vb_chidao")!;
    expect(warning.severity).toBe("warning");
    expect(warning.cells).toEqual([
      figuresFromValues(SAMPLE_FIGURES, DISTRICT_CATALOGUE).get("vb_chidao")!.cell,
    ]);
    expect(warning.message).toMatch(
      /: ô có công thức =3\+4 nhưng không có giá trị, nên được coi là để trống\. Nếu tệp do chương trình khác tạo ra, hãy mở bằng Excel hoặc LibreOffice rồi lưu lại/,
    );
  });

  it("says nothing of a formula that shows its number, nor of a derived date's formula", () => {
    expect(withFormula("vb_chidao", "=3+4", 7).some((f) => f.checkId.startsWith("formula:"))).toBe(false);
    const derived = DISTRICT_CATALOGUE.indicators.find((i) => i.derived)!;
    expect(
      withFormula(derived.id, "=CCHC.TUNGAY(A1,B1)", null).some((f) => f.checkId.startsWith("formula:")),
    ).toBe(false);
  });
});
