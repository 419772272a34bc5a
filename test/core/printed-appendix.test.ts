/**
 * The printed appendix as Nghị định 30/2020 wants it and as a Sở sends it upward (issue 17): the
 * signer and symbol follow the issuing body, the header's rules are short, Phụ lục II's header
 * is as wide as Phụ lục I's, a text answer fits its column, the signature never starts a page
 * alone under a repeated header, Phụ lục II only when there are documents (or when asked), and a
 * consolidation carries its units' documents. The PDF itself: test/libreoffice/report-pdf.test.ts.
 */
import { builtinCatalogue, DEFAULT_CATALOGUE } from "../../src/core/catalogue";
import { sampleOf } from "../../src/core/catalogue/sample";
import {
  compactEntry,
  newInterner,
  consolidatePeriods,
  consolidateUnits,
  consolidatedWorkbookPlan,
} from "../../src/core/consolidate";
import { figuresFromValues, type DocumentRow } from "../../src/core/figures";
import { planInstall } from "../../src/core/install";
import { parseAddress, type SheetPlan } from "../../src/core/layout/model";
import { planPageBreaks } from "../../src/core/layout/pageBreaks";
import { columnPoints, oneLineHeight, textWidthEm, wrapText } from "../../src/core/layout/rowHeights";
import { issuingBodyStyle, reportNumberOf, signatureOf } from "../../src/core/report/issuingBody";
import { planReport } from "../../src/core/report/planReport";
import { tableAppendixPlan } from "../../src/core/report/tableAppendix";
import { evaluateIndicators } from "../../src/core/evaluate";
import { DOCUMENTS_SHEET } from "../../src/core/layout/documentsSheet";
import { THREE_UNITS, unitWorkbook } from "../support/consolidation";
import { documentsFromSample, gridOf, planCell, workbookOf } from "../support/plans";

const xa = DEFAULT_CATALOGUE;
const sample = sampleOf(xa.id)!;
const installed = planInstall({ sheetNames: [], sheets: new Map() }, { sample: true, catalogue: xa });
const generatedAt = new Date(2025, 8, 18, 21, 56);

function reportWith(
  values: Record<string, string | number | null>,
  documents: DocumentRow[] = [],
  more = {},
) {
  const figures = figuresFromValues({ ...sample.figures, ...values }, xa);
  return planReport(workbookOf(installed.sheets), {
    figures,
    documents,
    generatedAt,
    catalogue: xa,
    ...more,
  });
}
const texts = (plan: SheetPlan) =>
  plan.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
/** The bold centred lines of the signature block, top to bottom, and the signer. */
function signatureBlock(plan: SheetPlan): string[] {
  const start = parseAddress(plan.cells.find((c) => c.value === "Nơi nhận:")!.address).row;
  return plan.cells
    .filter((c) => c.address.startsWith("C") && parseAddress(c.address).row >= start && c.value)
    .map((c) => String(c.value));
}

describe("the issuing body decides the signer, the symbol and the «Kèm theo» line", () => {
  it("knows a People's Committee from a Sở and its fields (Nghị định 30/2020, Phụ lục I and III)", () => {
    expect(issuingBodyStyle("SỞ NỘI VỤ TỈNH THÁI NGUYÊN")).toEqual({
      headerLines: ["SỞ NỘI VỤ", "TỈNH THÁI NGUYÊN"],
      sentenceName: "Sở Nội vụ tỉnh Thái Nguyên",
      symbol: "SNV",
      collegial: false,
      head: "GIÁM ĐỐC",
    });
    expect(issuingBodyStyle("Sở Giáo dục và Đào tạo tỉnh Thái Nguyên").symbol).toBe("SGDĐT");
    expect(issuingBodyStyle("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG THÀNH PHỐ HÀ NỘI").sentenceName).toBe(
      "Sở Tài nguyên và Môi trường thành phố Hà Nội",
    );
    expect(issuingBodyStyle("PHÒNG NỘI VỤ HUYỆN ĐỨC THỌ")).toMatchObject({
      sentenceName: "Phòng Nội vụ huyện Đức Thọ",
      symbol: "PNV",
      head: "TRƯỞNG PHÒNG",
    });
    expect(issuingBodyStyle("ỦY BAN NHÂN DÂN PHƯỜNG PHAN ĐÌNH PHÙNG")).toEqual({
      headerLines: ["ỦY BAN NHÂN DÂN", "PHƯỜNG PHAN ĐÌNH PHÙNG"],
      sentenceName: "UBND phường Phan Đình Phùng",
      symbol: "UBND",
      collegial: true,
      head: "CHỦ TỊCH",
    });
    // «Xã hội» is a field, not a commune: the name breaks before the place's level word.
    expect(issuingBodyStyle("PHÒNG VĂN HÓA - XÃ HỘI XÃ AN BÌNH")).toMatchObject({
      headerLines: ["PHÒNG VĂN HÓA - XÃ HỘI", "XÃ AN BÌNH"],
      sentenceName: "Phòng Văn hóa - Xã hội xã An Bình",
      symbol: "PVHXH",
    });
    expect(issuingBodyStyle("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH HÀ TĨNH").headerLines).toEqual([
      "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
      "TỈNH HÀ TĨNH",
    ]);
    expect(reportNumberOf("", "SỞ NỘI VỤ TỈNH THÁI NGUYÊN")).toBe("…/BC-SNV");
    expect(reportNumberOf("125/BC-SNV", "SỞ NỘI VỤ TỈNH THÁI NGUYÊN")).toBe("125/BC-SNV");
  });

  it("signs as the body signs, and keeps a typed «Thẩm quyền ký»", () => {
    const sign = (co_quan: string, chuc_vu_ky = "", quyen_han_ky = "") =>
      signatureOf({ co_quan, quyen_han_ky, chuc_vu_ky, nguoi_ky: " Nguyễn Văn A " });
    expect(sign("SỞ NỘI VỤ TỈNH THÁI NGUYÊN")).toEqual({ lines: ["GIÁM ĐỐC"], signer: "Nguyễn Văn A" });
    expect(sign("SỞ NỘI VỤ TỈNH THÁI NGUYÊN", "Phó Giám đốc").lines).toEqual([
      "KT. GIÁM ĐỐC",
      "PHÓ GIÁM ĐỐC",
    ]);
    expect(sign("ỦY BAN NHÂN DÂN PHƯỜNG PHAN ĐÌNH PHÙNG").lines).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    expect(sign("ỦY BAN NHÂN DÂN XÃ AN BÌNH", "PHÓ CHỦ TỊCH").lines).toEqual([
      "TM. ỦY BAN NHÂN DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
    ]);
    expect(sign("SỞ NỘI VỤ TỈNH THÁI NGUYÊN", "PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC").lines).toEqual([
      "KT. GIÁM ĐỐC",
      "PHÓ GIÁM ĐỐC",
    ]);
    // A Sở's director signs in his own right: a typed «TM.» line is dropped, typed case is capitals.
    expect(sign("SỞ NỘI VỤ", "Phó Giám đốc", "TM. Ủy ban nhân dân / kt. Giám đốc").lines).toEqual([
      "KT. GIÁM ĐỐC",
      "PHÓ GIÁM ĐỐC",
    ]);
    expect(sign("SỞ NỘI VỤ", "PHÓ GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN").lines).toEqual([
      "KT. GIÁM ĐỐC",
      "PHÓ GIÁM ĐỐC",
    ]);
    expect(sign("ỦY BAN NHÂN DÂN XÃ AN BÌNH", "Phó Chủ tịch Thường trực").lines).toEqual([
      "TM. ỦY BAN NHÂN DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH THƯỜNG TRỰC",
    ]);
  });

  it("prints a Sở's report with its own signer, symbol and name in sentence case", () => {
    const [table] = reportWith({
      co_quan: "SỞ NỘI VỤ TỈNH THÁI NGUYÊN",
      co_quan_cap_tren: "UBND TỈNH THÁI NGUYÊN",
      quyen_han_ky: null,
      chuc_vu_ky: null,
      so_ky_hieu: null,
      nguoi_ky: null,
    }).sheets;
    const all = texts(table);
    expect(all).toContain("Số: …/BC-SNV");
    expect(all.filter((t) => /BC-UBND|ỦY BAN NHÂN DÂN/.test(t))).toEqual([]);
    expect(all).toContain(
      "(Kèm theo Báo cáo số …/BC-SNV ngày … tháng … năm 2025 của Sở Nội vụ tỉnh Thái Nguyên)",
    );
    expect(all).not.toContain("TM. ỦY BAN NHÂN DÂN");
    expect(signatureBlock(table)).toEqual(["GIÁM ĐỐC"]);
  });

  it("prints a ward's report as its People's Committee signs it", () => {
    const [table] = reportWith({
      co_quan: "ỦY BAN NHÂN DÂN PHƯỜNG PHAN ĐÌNH PHÙNG",
      quyen_han_ky: null,
      chuc_vu_ky: "PHÓ CHỦ TỊCH",
      so_ky_hieu: null,
    }).sheets;
    const all = texts(table);
    expect(all).toContain("Số: …/BC-UBND");
    expect(all).toContain(
      "(Kèm theo Báo cáo số …/BC-UBND ngày … tháng … năm 2025 của UBND phường Phan Đình Phùng)",
    );
    expect(signatureBlock(table)).toEqual([
      "TM. ỦY BAN NHÂN DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Nguyễn Văn Mẫu",
    ]);
  });
});

describe("the header and the columns of the appendices", () => {
  const report = reportWith(
    { co_quan_cap_tren: "UBND TỈNH THÁI NGUYÊN", co_quan: "ỦY BAN NHÂN DÂN PHƯỜNG PHAN ĐÌNH PHÙNG" },
    documentsFromSample(sample.documents),
  );
  // The sample fills the form's tables too (Phụ lục I.1, I.2): Phụ lục II is found by name.
  const table = report.sheets[0];
  const list = report.sheets.find((s) => s.name === "Phụ lục II")!;
  const spanPoints = (plan: SheetPlan, merge: string) => {
    const [from, to] = merge.split(":").map(parseAddress);
    let width = 0;
    for (let c = from.column; c <= to.column; c++) width += columnPoints(plan.columns[c - 1]);
    return width;
  };

  it("draws short rules: the motto's length under it, a third to a half of the body's name", () => {
    for (const plan of [table, list]) {
      const rules = plan.cells.filter((c) => typeof c.value === "string" && /^_+$/.test(c.value));
      expect(rules).toHaveLength(2);
      // Nothing in the header has a border: a border would run the whole merged width.
      expect(plan.cells.filter((c) => parseAddress(c.address).row < 6 && c.style?.border)).toEqual([]);
      const [body, motto] = rules.sort((a, b) => String(a.value).length - String(b.value).length);
      const size = body.style!.font!.size!;
      const bodyName = textWidthEm("PHƯỜNG PHAN ĐÌNH PHÙNG", true) * 12;
      const bodyRule = String(body.value).length * size * 0.5;
      expect(bodyRule).toBeGreaterThanOrEqual(bodyName / 3);
      expect(bodyRule).toBeLessThanOrEqual(bodyName / 2);
      const mottoWidth = textWidthEm("Độc lập - Tự do - Hạnh phúc", true) * 13;
      expect(Math.abs(String(motto.value).length * size * 0.5 - mottoWidth)).toBeLessThanOrEqual(size * 0.5);
    }
  });

  it("gives Phụ lục II's header block the width of Phụ lục I's, so the body's lines do not wrap", () => {
    const leftBlock = (plan: SheetPlan) => plan.merges.find((m) => m.startsWith("A1:"))!;
    // The same 50 characters of width; Excel adds a few pixels a column, so within 1 %.
    const sum = (plan: SheetPlan, merge: string) =>
      plan.columns.slice(0, parseAddress(merge.split(":")[1]).column).reduce((a, b) => a + b, 0);
    expect(sum(list, leftBlock(list))).toBeCloseTo(sum(table, leftBlock(table)) - 1, 9);
    const ratio = spanPoints(list, leftBlock(list)) / spanPoints(table, leftBlock(table));
    expect(Math.abs(ratio - 1)).toBeLessThan(0.01);
    for (const line of ["UBND TỈNH THÁI NGUYÊN", "PHƯỜNG PHAN ĐÌNH PHÙNG"])
      expect(wrapText(line, spanPoints(list, leftBlock(list)), 12, true)).toEqual([line]);
  });

  it("gives a landscape table appendix the page's width, so the motto and the title do not wrap", () => {
    // Phụ lục I.2 (six figure columns) printed «CỘNG HÒA XÃ HỘI CHỦ NGHĨA / VIỆT NAM» and broke
    // «QUÝ / III» when its columns kept their narrow width on a landscape page.
    const appendices = report.sheets.filter((s) => /^Phụ lục I\.\d$/.test(s.name));
    expect(appendices.map((s) => [s.name, s.page?.orientation])).toEqual([
      ["Phụ lục I.1", "landscape"],
      ["Phụ lục I.2", "landscape"],
    ]);
    for (const plan of appendices) {
      const merge = (cell: string) => plan.merges.find((m) => m.startsWith(`${cell}:`))!;
      // The right block of the header: the merge of row 1 that does not start at column A.
      const motto = plan.merges.find((m) => /^[B-Z]+1:/.test(m))!;
      const nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
      expect([plan.name, wrapText(nation, spanPoints(plan, motto), 12, true)]).toEqual([plan.name, [nation]]);
      const title = plan.cells.find((c) => typeof c.value === "string" && c.value.startsWith("HỒ SƠ TTHC"))!;
      const size = title.style!.font!.size!;
      const text = String(title.value);
      expect([plan.name, wrapText(text, spanPoints(plan, merge(title.address)), size, true)]).toEqual([
        plan.name,
        [text],
      ]);
    }
  });

  it("gives a narrow portrait table appendix Phụ lục I's width, so the header does not wrap", () => {
    // A province's table of three columns printed «CỘNG HÒA XÃ HỘI CHỦ / NGHĨA VIỆT NAM».
    const wide = xa.tables!.find((t) => t.id === "tthc_lv")!;
    const narrow = { ...wide, columns: wide.columns.slice(0, 3) };
    const catalogue = { ...xa, tables: [narrow] };
    const figures = figuresFromValues(sample.figures, catalogue);
    const plan = tableAppendixPlan(
      { catalogue, figures, evaluated: evaluateIndicators(figures, catalogue), documents: [] },
      narrow,
      0,
    );
    expect(plan.page?.orientation ?? "portrait").toBe("portrait");
    const motto = plan.merges.find((m) => /^[B-Z]+1:/.test(m))!;
    const nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    expect(wrapText(nation, spanPoints(plan, motto), 12, true)).toEqual([nation]);
  });

  it("fits a text answer («Hệ thống của tỉnh») on one line of the Số liệu column", () => {
    const cell = table.cells.find((c) => c.value === "Hệ thống của tỉnh")!;
    const width = columnPoints(table.columns[parseAddress(cell.address).column - 1]);
    expect(wrapText("Hệ thống của tỉnh", width, 12)).toHaveLength(1);
    expect(table.rowHeights![parseAddress(cell.address).row]).toBe(oneLineHeight(12));
  });
});

describe("page breaks", () => {
  /** A plan of `rows` one-line table rows under a header at row 2, then a tail of `tail` rows. */
  function tablePlan(rows: number, tail: number): SheetPlan {
    const cells = [
      { address: "A1", value: "Tiêu đề" },
      { address: "A2", value: "STT" },
    ];
    for (let r = 3; r < 3 + rows; r++) cells.push({ address: `A${r}`, value: String(r) });
    const last = 2 + rows + tail;
    return {
      key: "t",
      name: "t",
      role: "report",
      columns: [50],
      font: { name: "Times New Roman", size: 12 },
      cells,
      merges: [],
      names: [],
      validations: [],
      protect: false,
      visibility: "visible",
      rowHeights: Object.fromEntries(Array.from({ length: last }, (_, i) => [i + 1, 20])),
      page: {
        orientation: "portrait",
        marginsMm: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
        fitToWidth: true,
        printArea: `A1:A${last}`,
        printTitleRows: "$2:$2",
        pageNumberTopCenterFromSecondPage: true,
      },
    };
  }

  it("carries the table's last two rows over with a tail that does not fit under them", () => {
    // A page holds 35 rows of 20 pt here (728.5 pt of A4 less margins, 12 pt of slack, a column
    // narrow enough not to be scaled); a title, the header and 32 rows leave no room for 8 more.
    const plan = planPageBreaks(tablePlan(32, 8), 2, 34);
    expect(plan.page!.rowBreaks).toEqual([33]);
    // A tail that fits stays: no break.
    expect(planPageBreaks(tablePlan(20, 8), 2, 22).page!.rowBreaks).toEqual([]);
  });

  it("never leaves the signature alone under a repeated header in either demo", () => {
    for (const id of ["xa-2025", "huyen-2021"]) {
      const catalogue = builtinCatalogue(id)!;
      const own = sampleOf(id)!;
      const base = planInstall({ sheetNames: [], sheets: new Map() }, { sample: true, catalogue });
      const [table] = planReport(workbookOf(base.sheets), {
        figures: figuresFromValues(own.figures, catalogue),
        documents: documentsFromSample(own.documents),
        generatedAt,
        catalogue,
      }).sheets;
      const lastTableRow = Math.max(...table.names.map((n) => parseAddress(n.address).row));
      const breaks = table.page!.rowBreaks!;
      // Every page starts with table rows: the last starts at least one row above the table's end.
      for (const start of breaks) expect([id, start <= lastTableRow]).toEqual([id, true]);
    }
  });
});

describe("Phụ lục II only where it belongs", () => {
  it("is left out when the document list is empty, unless asked for", () => {
    const none = reportWith({});
    // The sample's tables are filled: their appendices (I.1, I.2) print whatever the list holds.
    const tables = ["Phụ lục I.1", "Phụ lục I.2"];
    expect(none.sheets.map((s) => s.name)).toEqual(["Phụ lục I", ...tables, "_CCHC"]);
    expect(none.summary.sheets).toEqual(["Phụ lục I", ...tables]);
    expect(none.summary.documentsOmitted).toBe(true);
    const asked = reportWith({}, [], { documentsAppendix: true });
    expect(asked.summary.sheets).toEqual(["Phụ lục I", ...tables, "Phụ lục II"]);
    expect(texts(asked.sheets.find((s) => s.name === "Phụ lục II")!)).toContain(
      "Không có văn bản trong danh mục.",
    );
    expect(reportWith({}, documentsFromSample(sample.documents)).summary.sheets).toEqual([
      "Phụ lục I",
      ...tables,
      "Phụ lục II",
    ]);
  });

  it("hides an earlier Phụ lục II, emptied, when the list is empty now", () => {
    const first = reportWith({}, documentsFromSample(sample.documents));
    const after = workbookOf([...installed.sheets.filter((s) => s.role !== "meta"), ...first.sheets]);
    const again = planReport(after, {
      figures: figuresFromValues(sample.figures, xa),
      documents: [],
      generatedAt,
      catalogue: xa,
    });
    const old = again.sheets.find((s) => s.name === "Phụ lục II")!;
    expect(old.visibility).toBe("veryHidden");
    expect(texts(old)).not.toContain(sample.documents[0].number);
    expect(again.summary.sheets).toEqual(["Phụ lục I", "Phụ lục I.1", "Phụ lục I.2"]);
  });
});

describe("a consolidation carries its units' documents", () => {
  const docs = (...numbers: string[]) =>
    documentsFromSample(
      numbers.map((number, i) => ({ number, date: `2026-07-0${i + 1}`, summary: `Văn bản ${number}` })),
    );
  const entries = THREE_UNITS.map((values, i) => ({
    ...unitWorkbook(`don-vi-${i + 1}.xlsx`, values),
    documents: i === 0 ? docs("12/KH-UBND", "15/UBND-VP") : i === 2 ? docs("7/QĐ-UBND") : [],
  }));

  it("keeps each unit's documents through the compact reading, named by unit", () => {
    const interner = newInterner();
    const outcome = consolidateUnits(
      entries.map((e) => compactEntry(e, interner)),
      { coQuan: "SỞ NỘI VỤ TỈNH THỬ" },
    );
    expect(outcome.result!.documents!.map((d) => [d.unit, d.number])).toEqual([
      ["UBND XÃ AN BÌNH", { type: "text", value: "12/KH-UBND" }],
      ["UBND XÃ AN BÌNH", { type: "text", value: "15/UBND-VP" }],
      ["UBND XÃ CẨM HÀ", { type: "text", value: "7/QĐ-UBND" }],
    ]);
    const plans = consolidatedWorkbookPlan(outcome.result!, outcome.files, { over: "units", subtitle: "" });
    const list = plans.find((p) => p.key === DOCUMENTS_SHEET.key)!;
    expect([4, 5, 6].map((r) => [planCell(list, `B${r}`)?.value, planCell(list, `E${r}`)?.value])).toEqual([
      ["12/KH-UBND", "UBND XÃ AN BÌNH"],
      ["15/UBND-VP", "UBND XÃ AN BÌNH"],
      ["7/QĐ-UBND", "UBND XÃ CẨM HÀ"],
    ]);
    expect(list.table!.range).toBe("A3:E6");
    expect(planCell(list, "C4")?.style?.numberFormat).toBe("dd/mm/yyyy");
  });

  it("over periods, lists every period's documents with their own notes", () => {
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
    const plans = consolidatedWorkbookPlan(outcome.result!, outcome.files, { over: "periods", subtitle: "" });
    const list = plans.find((p) => p.key === DOCUMENTS_SHEET.key)!;
    expect(
      [4, 5].map((r) => [planCell(list, `B${r}`)?.value, planCell(list, `E${r}`)?.value ?? null]),
    ).toEqual([
      ["3/KH-UBND", null],
      ["40/UBND-VP", null],
    ]);
  });
});

describe("xa-2025's dossiers received, nested (2025.4)", () => {
  it("prints the channels under «Mới tiếp nhận trong kỳ», not as siblings of «Từ kỳ trước»", () => {
    const plan = reportWith({}).sheets.find((s) => s.name === "Phụ lục I")!;
    const grid = gridOf(plan);
    const first = grid.findIndex((row) => row.includes("Số hồ sơ TTHC tiếp nhận"));
    const rows = grid
      .slice(first, first + 7)
      .map((row) => row.filter((v) => v !== null && v !== "").slice(0, 3));
    expect(rows).toEqual([
      ["3.2", "Số hồ sơ TTHC tiếp nhận", "hồ sơ"],
      ["a)", "Từ kỳ trước chuyển sang", "hồ sơ"],
      ["b)", "Mới tiếp nhận trong kỳ", "hồ sơ"],
      ["-", "Tiếp nhận trực tuyến", "hồ sơ"],
      ["+", "Trong đó trực tuyến toàn trình", "hồ sơ"],
      ["-", "Tiếp nhận trực tiếp", "hồ sơ"],
      ["-", "Tiếp nhận qua dịch vụ bưu chính công ích", "hồ sơ"],
    ]);
  });
});
