import { DISTRICT_CATALOGUE, reportName } from "../../src/core/catalogue";
import { SAMPLE_DOCUMENTS, SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { evaluateIndicators } from "../../src/core/evaluate";
import { figuresFromValues } from "../../src/core/figures";
import { documentsFromSample } from "../support/plans";
import { planInstall } from "../../src/core/install";
import { parseAddress } from "../../src/core/layout/model";
import { META_SHEET_NAME } from "../../src/core/meta";
import {
  fingerprintCells,
  fingerprintGrid,
  NotInstalledError,
  planReport,
} from "../../src/core/report/planReport";
import { gridOf, planCell, workbookOf } from "../support/plans";
import { bodyShortName, placeAndDate, periodTitle } from "../../src/core/report/documentForm";

const installed = planInstall(
  { sheetNames: [], sheets: new Map() },
  { sample: true, catalogue: DISTRICT_CATALOGUE },
);
const figures = figuresFromValues(SAMPLE_FIGURES, DISTRICT_CATALOGUE, (i) => `'x'!${i.id}`);
const documents = documentsFromSample(SAMPLE_DOCUMENTS);
const generatedAt = new Date(2021, 8, 15, 9, 30);

describe("planReport on the sample", () => {
  const report = planReport(workbookOf(installed.sheets), { figures, documents, generatedAt });
  const [table, list, meta] = report.sheets;
  const valueAt = (name: string) => planCell(table, table.names.find((n) => n.name === name)!.address)!.value;

  it("writes Phụ lục I and II and updates the meta sheet", () => {
    expect(report.sheets.map((s) => s.name)).toEqual(["Phụ lục I", "Phụ lục II", META_SHEET_NAME]);
    expect(meta.cells.some((c) => c.value === "sheet:report1")).toBe(true);
    expect(report.renames).toEqual([]);
  });

  it("gives every BC_ value the core's figure, as a static value", () => {
    const evaluated = evaluateIndicators(figures, DISTRICT_CATALOGUE);
    for (const indicator of DISTRICT_CATALOGUE.indicators.filter((i) => i.section !== "0")) {
      const expected = evaluated.get(indicator.id)!.value;
      expect([indicator.id, valueAt(reportName(indicator.id))]).toEqual([
        indicator.id,
        expected === "" ? null : expected,
      ]);
    }
    expect(valueAt("BC_KH_TYLE")).toBeCloseTo(24 / 47, 12);
    expect(valueAt("BC_DT_TYLE")).toBeCloseTo(61 / 236, 12);
    expect(valueAt("BC_TGN_TYLE")).toBeCloseTo(76 / 84, 12);
    expect(valueAt("BC_DAUTU_TYLE")).toBeCloseTo(1 / 3, 9);
    expect(table.cells.every((c) => c.formula === undefined)).toBe(true);
  });

  it("prints the header block, the title and the data period", () => {
    const texts = table.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
    expect(texts).toEqual(
      expect.arrayContaining([
        "ỦY BAN NHÂN DÂN",
        "HUYỆN ĐỨC THỌ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Phụ lục I",
        "SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ III NĂM\u00a02021",
        "(Số liệu tính từ ngày 15/6/2021 đến ngày 14/9/2021)",
        "Đức Thọ, ngày … tháng … năm 2021",
        "(Kèm theo Báo cáo số …/BC-UBND ngày … tháng … năm 2021 của UBND huyện Đức Thọ)",
        "Hoàng Xuân Hùng",
        "- Lưu: VT, TC-NV.",
      ]),
    );
  });

  it("prints in Ghi chú only what the user typed there: no finding, no note of the software", () => {
    const noteOf = (plan: typeof table, id: string) =>
      planCell(plan, `E${parseAddress(plan.names.find((n) => n.name === reportName(id))!.address).row}`)
        ?.value ?? null;
    // The sample warns on bc_xa_comat (386 > 318) and kh_tong: nothing of it on the page.
    expect(report.summary.warnings).toBeGreaterThan(0);
    expect(noteOf(table, "bc_xa_comat")).toBeNull();
    expect(noteOf(table, "kh_tong")).toBeNull();
    // An empty ratio and an invalid figure print blank, with no note of ours.
    const odd = planReport(workbookOf(installed.sheets), {
      figures: figuresFromValues(
        { ...SAMPLE_FIGURES, dt_kehoach: 0, tthc_congbo: -5 },
        DISTRICT_CATALOGUE,
        (i) => `'x'!${i.id}`,
      ),
      documents,
      generatedAt,
    }).sheets[0];
    const ratio = odd.names.find((n) => n.name === "BC_DT_TYLE")!;
    expect(planCell(odd, ratio.address)!.value).toBeNull();
    expect(noteOf(odd, "dt_tyle")).toBeNull();
    expect(noteOf(odd, "tthc_congbo")).toBeNull();
    // The user's own Ghi chú is printed as typed.
    const typed = new Map(figuresFromValues(SAMPLE_FIGURES, DISTRICT_CATALOGUE, (i) => `'x'!${i.id}`));
    typed.set("kh_tong", { ...typed.get("kh_tong")!, note: "Gồm 3 nhiệm vụ bổ sung." });
    const withNote = planReport(workbookOf(installed.sheets), { figures: typed, documents, generatedAt });
    expect(noteOf(withNote.sheets[0], "kh_tong")).toBe("Gồm 3 nhiệm vụ bổ sung.");
  });

  it("puts nothing of the software on the pages: the time of generation is in the meta sheet", () => {
    const bad = planReport(workbookOf(installed.sheets), {
      figures: figuresFromValues({ ...SAMPLE_FIGURES, iso_xa_apdung: 20 }, DISTRICT_CATALOGUE),
      documents,
      generatedAt,
    });
    expect(bad.summary.errors).toBe(1);
    for (const sheet of bad.sheets.filter((s) => s.role === "report")) {
      const texts = sheet.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
      // («phần mềm» alone is in a sample document's summary: «phần mềm quản lý CBCCVC».)
      for (const word of ["phần mềm CCHC", "do phần mềm", "tổng hợp từ", "Cảnh báo", "LỖI", "Lưu ý"])
        expect(texts.filter((t) => t.includes(word))).toEqual([]);
      // No row is marked: a red fill would print.
      expect(sheet.cells.filter((c) => c.style?.fill)).toEqual([]);
    }
    const meta = bad.sheets[bad.sheets.length - 1];
    expect(meta.visibility).toBe("veryHidden");
    expect(meta.cells.some((c) => c.value === generatedAt.toISOString())).toBe(true);
  });

  it("sets the page for printing: A4 portrait, decree margins, one page wide, header row repeated", () => {
    expect(table.page).toMatchObject({
      orientation: "portrait",
      marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
      fitToWidth: true,
      pageNumberTopCenterFromSecondPage: true,
    });
    const headerRow = Number(/\$(\d+):/.exec(table.page!.printTitleRows!)![1]);
    expect(planCell(table, `A${headerRow}`)!.value).toBe("STT");
    expect(planCell(table, `E${headerRow}`)!.value).toBe("Ghi chú");
  });

  it("lists every document in Phụ lục II", () => {
    const numbers = list.cells.map((c) => c.value);
    for (const doc of SAMPLE_DOCUMENTS) expect(numbers).toContain(doc.number);
  });

  it("keeps a report edited by hand under another name, and not one left as generated", () => {
    const after = workbookOf([...installed.sheets.slice(0, -1), ...report.sheets]);
    const untouched = planReport(after, { figures, documents, generatedAt });
    expect(untouched.renames).toEqual([]);
    const edited = after.sheets.get("Phụ lục I")!.cells as unknown[][];
    edited[20][3] = 999;
    expect(fingerprintGrid(edited)).not.toBe(fingerprintGrid(gridOf(report.sheets[0])));
    const again = planReport(after, { figures, documents, generatedAt });
    expect(again.renames).toEqual([{ from: "Phụ lục I", to: "Phụ lục I (sửa tay)" }]);
  });

  it("digests cells as earlier versions did, so their reports are not taken for edited ones", () => {
    // Values from cchc before the fingerprint's loop was rewritten (an astral character and a
    // lone surrogate included): a workbook's stored fingerprint must keep matching.
    const cells = [
      { address: "A1", value: "Phụ lục 😀 II" },
      { address: "B2", value: 12.5 },
      { address: "C3", value: "" },
      { address: "A2", value: " x\uD800y " },
    ];
    expect(fingerprintCells(cells)).toBe("24c1a967566d043a");
    expect(fingerprintCells([])).toBe("811c9dc55ad1e806");
  });

  it("refuses a workbook without the template", () => {
    expect(() =>
      planReport({ sheetNames: [], sheets: new Map() }, { figures, documents, generatedAt }),
    ).toThrow(NotInstalledError);
  });
});

describe("document form", () => {
  it("writes the body, the date and the period as the decree does", () => {
    expect(bodyShortName("ỦY BAN NHÂN DÂN XÃ TÙNG ẢNH")).toBe("UBND xã Tùng Ảnh");
    expect(bodyShortName("ỦY BAN NHÂN DÂN THỊ TRẤN ĐỨC THỌ")).toBe("UBND thị trấn Đức Thọ");
    expect(placeAndDate("Đức Thọ", { year: 2021, month: 2, day: 5 }, 2021)).toBe(
      "Đức Thọ, ngày 05 tháng 02 năm 2021",
    );
    expect(placeAndDate("Đức Thọ", { year: 2021, month: 9, day: 15 }, 2021)).toBe(
      "Đức Thọ, ngày 15 tháng 9 năm 2021",
    );
    expect(periodTitle("6 tháng", 2022)).toBe("6 THÁNG ĐẦU NĂM\u00a02022");
    expect(periodTitle("Năm", 2022)).toBe("NĂM\u00a02022");
  });
});
