/**
 * Issue 21's joint demonstration: a province's form using every new kind at once (a typed
 * percentage weighted by a count, month and custom periods, the units' founding day, a figure
 * marked «chưa có số liệu», three levels of nesting, a required row, a table by field with an
 * extra row, targets) end to end with known answers, through files (the command line) and
 * through the Office.js fake; its v2 adds a field row to the table.
 */
import * as fs from "fs";
import * as path from "path";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { docxParagraphs } from "../../src/docx/readText";
import { inputName, reportName } from "../../src/core/catalogue";
import { catalogueProblems, parseCatalogue } from "../../src/core/catalogue/validate";
import { checkFile } from "../../src/xlsx/node/operations";
import type * as ExcelJS from "exceljs";
import { toExcelSerial } from "../../src/core/period";
import { checkWorkbook } from "../../src/excel/checkWorkbook";
import { installSheets } from "../../src/excel/installSheets";
import { readWorkbook } from "../../src/excel/readFigures";
import { FakeWorkbook } from "../fakes/fakeExcel";
import { writeUnitFile } from "../support/consolidation";
import { cellValue, findWorksheet, sheetGrid } from "../support/excelJsWorkbook";
import { makeTempDir, namedCell, readBack, removeTempDir } from "../support/xlsx";

const FIXTURES = path.join(__dirname, "..", "fixtures", "catalogues");
const V1_FILE = path.join(FIXTURES, "tinh-day-du.v1.json");
const V2_FILE = path.join(FIXTURES, "tinh-day-du.v2.json");
const V1 = parseCatalogue(fs.readFileSync(V1_FILE, "utf8"));
const V2 = parseCatalogue(fs.readFileSync(V2_FILE, "utf8"));
const serial = (day: number, month: number, year: number) => toExcelSerial({ year, month, day });

let dir: string;
const inDir = (...parts: string[]) => path.join(dir, ...parts);
const cli = async (...args: string[]) => {
  const io = bufferIo();
  const status = await main(args, io);
  return { status, stdout: io.stdout, stderr: io.stderr };
};

/** Types figures into a file's named cells, as a user would in Excel. */
async function typeInto(file: string, figures: Record<string, string | number>): Promise<void> {
  const book = await readBack(file);
  for (const [id, value] of Object.entries(figures)) namedCell(book, inputName(id)).value = value;
  await book.xlsx.writeFile(file);
}

/**
 * Phường Thử's March 2026: 100 new dossiers (55 online, 20 of them fully online; «Trực tiếp», a
 * required row, left blank), 80 settled of which 70 on time and the late ones «chưa có số liệu»;
 * online payments 96,8% (of its 100 new dossiers); the table by field adds up to the totals,
 * with one field the form does not list typed in an extra row.
 */
const TYPED: Record<string, string | number> = {
  co_quan: "ỦY BAN NHÂN DÂN PHƯỜNG THỬ",
  ky_bao_cao: "Tháng 3",
  nam: 2026,
  kh_tong: 12,
  hs_nhan: 110,
  hs_moi: 100,
  hs_tructuyen: 55,
  hs_toantrinh: 20,
  hs_xong: 80,
  hs_dung: 70,
  hs_tre: "chưa có số liệu",
  tt_tructuyen: 0.968,
  hai_long: 0.85,
  "tthc_lv.dat_dai.moi": 60,
  "tthc_lv.ho_tich.moi": 30,
  "tthc_lv.x1": "Thi đua, khen thưởng",
  "tthc_lv.x1.moi": 10,
  "tthc_lv.dat_dai.tructuyen": 40,
  "tthc_lv.ho_tich.tructuyen": 15,
  "tthc_lv.dat_dai.dung_han": 50,
  "tthc_lv.ho_tich.dung_han": 20,
};

/** Bình An and Cẩm Hà, March 2026, as they send their files (a label of Phường Thử's spelt otherwise). */
const BINH_AN: Record<string, string | number> = {
  co_quan: "UBND XÃ BÌNH AN",
  ky_bao_cao: "Tháng 3",
  nam: 2026,
  kh_tong: 10,
  hs_nhan: 300,
  hs_moi: 300,
  hs_tructuyen: 200,
  hs_toantrinh: 100,
  hs_tructiep: 100,
  hs_xong: 250,
  hs_dung: 240,
  hs_tre: 10,
  tt_tructuyen: 0.5,
  hai_long: 0.9,
  "tthc_lv.dat_dai.moi": 190,
  "tthc_lv.ho_tich.moi": 100,
  "tthc_lv.x1": "thi đua,  khen thưởng",
  "tthc_lv.x1.moi": 10,
  "tthc_lv.dat_dai.tructuyen": 150,
  "tthc_lv.ho_tich.tructuyen": 50,
  "tthc_lv.dat_dai.dung_han": 200,
  "tthc_lv.ho_tich.dung_han": 40,
  "tthc_lv.dat_dai.qua_han": 10,
};
const CAM_HA: Record<string, string | number> = {
  co_quan: "UBND XÃ CẨM HÀ",
  ky_bao_cao: "Tháng 3",
  nam: 2026,
  kh_tong: 8,
  hs_nhan: 100,
  hs_moi: 100,
  hs_tructuyen: 50,
  hs_toantrinh: 10,
  hs_tructiep: 50,
  hs_xong: 100,
  hs_dung: 100,
  hs_tre: 0,
  tt_tructuyen: 0.8,
  "tthc_lv.dat_dai.moi": 70,
  "tthc_lv.x1": "Nội vụ",
  "tthc_lv.x1.moi": 30,
  "tthc_lv.dat_dai.tructuyen": 50,
  "tthc_lv.dat_dai.dung_han": 70,
  "tthc_lv.x1.dung_han": 30,
};

/** Bình An's three months of 2026, for Quý I: its online payments weighted by each month's new dossiers. */
const month = (m: number, moi: number, rate: number, datDai: number) => ({
  co_quan: "UBND XÃ BÌNH AN",
  ky_bao_cao: `Tháng ${m}`,
  nam: 2026,
  kh_tong: 10,
  hs_nhan: moi,
  hs_moi: moi,
  hs_tructiep: moi,
  tt_tructuyen: rate,
  "tthc_lv.dat_dai.moi": datDai,
  "tthc_lv.ho_tich.moi": moi - datDai,
});

beforeAll(async () => {
  dir = makeTempDir("cchc-full-form-");
  fs.mkdirSync(inDir("units"));
  await writeUnitFile(inDir("units", "binh-an.xlsx"), BINH_AN, V1);
  await writeUnitFile(inDir("units", "cam-ha.xlsx"), CAM_HA, V1);
  fs.mkdirSync(inDir("months"));
  await writeUnitFile(inDir("months", "t1.xlsx"), month(1, 10, 0.5, 4), V1);
  await writeUnitFile(inDir("months", "t2.xlsx"), month(2, 20, 0.8, 5), V1);
  await writeUnitFile(inDir("months", "t3.xlsx"), month(3, 30, 0.9, 6), V1);
  // Phường Thử's February, to compare its March with.
  await writeUnitFile(
    inDir("phuong-thu-t2.xlsx"),
    {
      co_quan: TYPED.co_quan,
      ky_bao_cao: "Tháng 2",
      nam: 2026,
      kh_tong: 12,
      hs_nhan: 90,
      hs_moi: 80,
      hs_tructuyen: 40,
      hs_xong: 70,
      hs_dung: 68,
      hs_tre: 2,
      tt_tructuyen: 0.9,
    },
    V1,
  );
  // A custom period: the commune's first months, from its founding day; and «6 tháng» over the same days.
  const custom = {
    co_quan: "UBND XÃ BÌNH AN",
    nam: 2025,
    kh_tong: 4,
    hs_tructiep: 0,
    tu_ngay: serial(1, 7, 2025),
    den_ngay: serial(31, 10, 2025),
  };
  await writeUnitFile(inDir("tuy-chon.xlsx"), { ...custom, ky_bao_cao: "Tùy chọn" }, V1);
  await writeUnitFile(inDir("sai-ky.xlsx"), { ...custom, ky_bao_cao: "6 tháng cuối năm" }, V1);
  await writeUnitFile(
    inDir("truoc-thanh-lap.xlsx"),
    { ...custom, ky_bao_cao: "Quý II", tu_ngay: "", den_ngay: "" },
    V1,
  );
}, 60_000);
afterAll(() => removeTempDir(dir));

/** The findings of Phường Thử's March, known by hand: one of each kind its figures meet. */
const FINDINGS = [
  [
    "warning",
    "unreported:sum:hs_xong:hs_dung+hs_tre",
    "Hồ sơ đã giải quyết (80): «Quá hạn» chưa có số liệu, nên chưa kiểm tra được tổng (các thành phần đã có số liệu cộng được 70). Không coi là 0; khi có số liệu hãy nhập vào.",
  ],
  [
    "error",
    "required:hs_tructiep",
    "«Trực tiếp» (thuộc «Mới tiếp nhận») là dòng bắt buộc của mẫu báo cáo nhưng còn trống.",
  ],
  [
    "warning",
    "target:ty_tructuyen",
    "Tỷ lệ hồ sơ tiếp nhận trực tuyến (tính từ ô 'A. Hồ sơ một cửa'!D8, 'A. Hồ sơ một cửa'!D7) là 55,00%, chưa đạt chỉ tiêu ≥ 60,00% mà mẫu báo cáo đặt ra.",
  ],
];
const findingsOf = (findings: ReadonlyArray<{ severity: string; checkId: string; message: string }>) =>
  findings.map((f) => [f.severity, f.checkId, f.message]);

describe("a province's form with every kind, through files", () => {
  const file = () => inDir("phuong-thu.xlsx");
  const rowsOf = (book: ExcelJS.Workbook, sheet: string) =>
    sheetGrid(findWorksheet(book, sheet)!, "values").map((row) => row.map((v) => v ?? null));

  it("catalogue check passes both versions; the template carries v1", async () => {
    for (const form of [V1_FILE, V2_FILE])
      expect(await cli("catalogue", "check", form)).toMatchObject({ status: 0 });
    const made = await cli("template", "-o", file(), "--catalogue", V1_FILE);
    expect(made).toMatchObject({ status: 0, stderr: "" });
    expect(made.stdout).toMatch(/\(mẫu tinh-day-du 2026\.1: /);
    const book = await readBack(file());
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "Thông tin chung",
      "A. Hồ sơ một cửa",
      "B. Hồ sơ theo lĩnh vực",
      "Danh mục văn bản",
      "Chỉ số CCHC",
      "_CCHC",
    ]);
    expect(namedCell(book, "CCHC_T_TTHC_LV_HO_TICH_DUNG_HAN").worksheet.name).toBe("B. Hồ sơ theo lĩnh vực");
  });

  it("checks the typed figures exactly: a required row blank, a marked part unknown (not «lệch»), a target missed", async () => {
    await typeInto(file(), TYPED);
    expect(findingsOf((await checkFile(file())).findings)).toEqual(FINDINGS);
    const checked = await cli("check", file());
    expect(checked.status).toBe(1);
    expect(checked.stdout).not.toMatch(/lệch/);
    expect(checked.stdout.trimEnd().split("\n").pop()).toBe(
      "Kết quả: 1 lỗi, 2 cảnh báo (cần sửa các lỗi trước khi gửi báo cáo).",
    );
  });

  it("reports levels numbered, the percentage as typed, the marked figure, «Chỉ tiêu giao» and the table's appendix", async () => {
    const out = inDir("bao-cao.xlsx");
    const reported = await cli("report", file(), "-o", out);
    expect(reported.stdout).toMatch(/^Đã ghi báo cáo vào ".*bao-cao\.xlsx": «Phụ lục I», «Phụ lục I\.1»\./);
    const book = await readBack(out);
    const rows = rowsOf(book, "Phụ lục I");
    expect(rows[6][0]).toBe("SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH THÁNG 3 NĂM\u00a02026");
    expect(rows[8][0]).toBe("(Số liệu tính từ ngày 15/2/2026 đến ngày 14/3/2026)");
    const from = rows.findIndex((row) => row[0] === "STT");
    expect(rows.slice(from, from + 16)).toEqual([
      ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Chỉ tiêu giao", "Ghi chú"],
      ["I", "Kế hoạch và giải quyết hồ sơ"],
      ["I.1", "Số nhiệm vụ trong kế hoạch CCHC năm", "nhiệm vụ", 12],
      ["I.2", "Hồ sơ đã nhận", "hồ sơ", 110],
      ["a)", "Mới tiếp nhận", "hồ sơ", 100],
      ["-", "Trực tuyến", "hồ sơ", 55],
      ["+", "Trong đó toàn trình", "hồ sơ", 20],
      ["-", "Trực tiếp", "hồ sơ"],
      ["I.3", "Hồ sơ đã giải quyết", "hồ sơ", 80],
      ["a)", "Đúng hạn", "hồ sơ", 70],
      ["b)", "Quá hạn", "hồ sơ", "chưa có số liệu", "≤ 0"],
      ["I.4", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "%", 0.55, "≥ 60,00%"],
      ["I.5", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "chưa có số liệu", "≥ 100,00%"],
      ["II", "Thanh toán và mức độ hài lòng"],
      ["II.1", "Tỷ lệ thanh toán trực tuyến", "%", 0.968, "≥ 90%"],
      ["II.2", "Mức độ hài lòng của người dân", "%", 0.85],
    ]);
    // Each level one step further in; the percentage shown as typed, 96,8%.
    const labelAt = (id: string) => {
      const cell = namedCell(book, reportName(id));
      return cell.worksheet.getCell(Number(cell.row), 2);
    };
    expect(
      ["hs_nhan", "hs_moi", "hs_tructuyen", "hs_toantrinh"].map((id) => labelAt(id).alignment?.indent ?? 0),
    ).toEqual([0, 1, 2, 3]);
    expect(namedCell(book, reportName("tt_tructuyen")).numFmt).toBe("0.0%");
    // The draft writes it as the appendix shows it: 96,8%; the marked figure is not invented.
    const docx = inDir("du-thao.docx");
    expect((await cli("draft", file(), "-o", docx)).stdout).toMatch(/^Đã tạo dự thảo /);
    const draft = docxParagraphs(fs.readFileSync(docx));
    for (const line of [
      "a) Mới tiếp nhận: 100 hồ sơ.",
      "+ Trong đó toàn trình: 20 hồ sơ.",
      "b) Quá hạn: chưa có số liệu.",
      "Tỷ lệ thanh toán trực tuyến: 96,8%.",
    ])
      expect(draft).toContain(line);

    const table = rowsOf(book, "Phụ lục I.1");
    expect(table[6][0]).toBe("HỒ SƠ TTHC THEO LĨNH VỰC THÁNG 3 NĂM\u00a02026");
    expect(table.slice(10)).toEqual([
      ["STT", "Lĩnh vực (đơn vị tính: hồ sơ)", "Tiếp nhận", null, "Đã giải quyết", null],
      [null, null, "Mới tiếp nhận", "Trực tuyến", "Đúng hạn", "Quá hạn"],
      [1, "Đất đai", 60, 40, 50],
      [2, "Hộ tịch", 30, 15, 20],
      [3, "Thi đua, khen thưởng", 10],
      [null, "Tổng cộng", 100, 55, 70],
    ]);
  });

  it("compares March with February («Kỳ trước»), the percentage in points", async () => {
    const out = inDir("so-sanh.xlsx");
    const result = await cli("report", file(), "-o", out, "--compare", inDir("phuong-thu-t2.xlsx"));
    expect(result.stdout).toMatch(/^Đã ghi báo cáo vào ".*so-sanh\.xlsx"/);
    const book = await readBack(out);
    const rows = rowsOf(book, "Phụ lục I");
    const from = rows.findIndex((row) => row[0] === "STT");
    expect(rows[from].slice(3, 7)).toEqual([
      "Số liệu",
      "Chỉ tiêu giao",
      "Kỳ trước (tháng 2 năm 2026)",
      "Tăng (+), giảm (-) so với kỳ trước",
    ]);
    const byLabel = new Map(rows.slice(from + 1).map((row) => [row[1], row.slice(3, 7)]));
    expect(byLabel.get("Mới tiếp nhận")).toEqual([100, null, 80, "tăng 20 (+25,00%)"]);
    // The marked figure is not compared: nothing to subtract.
    expect(byLabel.get("Quá hạn")).toEqual(["chưa có số liệu", "≤ 0", 2]);
    expect(byLabel.get("Tỷ lệ hồ sơ tiếp nhận trực tuyến")).toEqual([
      0.55,
      "≥ 60,00%",
      0.5,
      "tăng 5 điểm phần trăm",
    ]);
    // A typed percentage changes by points as a computed rate does: 96,8% against 90%.
    expect(byLabel.get("Tỷ lệ thanh toán trực tuyến")).toEqual([
      0.968,
      "≥ 90%",
      0.9,
      "tăng 6,8 điểm phần trăm",
    ]);
    // Each percentage with the decimals it has: 96,8% now, 90% before.
    const now = namedCell(book, reportName("tt_tructuyen"));
    expect(now.numFmt).toBe("0.0%");
    expect(now.worksheet.getCell(Number(now.row), Number(now.col) + 2).numFmt).toBe("0%");

    // The draft compares the typed percentage too, as the appendix does (it was left out).
    const docx = inDir("so-sanh.docx");
    const drafted = await cli("draft", file(), "-o", docx, "--compare", inDir("phuong-thu-t2.xlsx"));
    expect(drafted.stdout).toMatch(/^Đã tạo dự thảo /);
    expect(docxParagraphs(fs.readFileSync(docx))).toContain(
      "Tỷ lệ thanh toán trực tuyến: 96,8%, tăng 6,8 điểm phần trăm so với tháng 2 năm 2026.",
    );
  });

  it("consolidates three units: the percentage weighted, the table cell by cell with extra rows by label, the marked figure incomplete", async () => {
    fs.copyFileSync(file(), inDir("units", "phuong-thu.xlsx"));
    const out = inDir("tinh.xlsx");
    const result = await cli("consolidate", "-o", out, inDir("units"));
    expect(result.stdout).toMatch(/Đã tổng hợp 3\/3 tệp \(3 đơn vị\)/);
    const book = await readBack(out);
    const at = (id: string) => cellValue(namedCell(book, inputName(id)));
    const note = (id: string) => {
      const cell = namedCell(book, inputName(id));
      return cellValue(cell.worksheet.getCell(Number(cell.row), Number(cell.col) + 1));
    };
    // (96,8% × 100 + 50% × 300 + 80% × 100) / 500 = 65,36%, not the average 75,6%.
    expect(at("tt_tructuyen")).toBeCloseTo(0.6536, 12);
    expect(at("hai_long")).toBeNull();
    expect(note("hai_long")).toMatch(/^Không tổng hợp: mẫu không quy định quyền số/);
    expect(at("hs_tre")).toBe("chưa có số liệu");
    expect(note("hs_tre")).toBe(
      "Chưa đủ số liệu: «ỦY BAN NHÂN DÂN PHƯỜNG THỬ» chưa có số liệu, nên không có tổng. 2 đơn vị còn lại cộng được 10.",
    );
    expect([at("hs_moi"), at("hs_tructuyen"), at("hs_toantrinh"), at("hs_tructiep"), at("kh_tong")]).toEqual([
      500, 305, 130, 150, 30,
    ]);
    expect(at("tthc_lv.dat_dai.moi")).toBe(320);
    expect(at("tthc_lv.ho_tich.moi")).toBe(130);
    expect(at("tthc_lv.dat_dai.tructuyen")).toBe(240);
    expect(at("tthc_lv.dat_dai.qua_han")).toBe(10);
    // «thi đua,  khen thưởng» of Bình An and «Thi đua, khen thưởng» of Phường Thử are one row.
    expect([
      at("tthc_lv.x1"),
      at("tthc_lv.x1.moi"),
      at("tthc_lv.x2"),
      at("tthc_lv.x2.moi"),
      at("tthc_lv.x2.dung_han"),
    ]).toEqual(["thi đua, khen thưởng", 20, "Nội vụ", 30, 30]);
    // The result: its table adds up where it can be checked; the column whose total is «chưa có
    // số liệu» is said to be unchecked, not compared as 0; the weighted rate misses the 90%.
    const check = await cli("check", out);
    expect(check.stdout).not.toMatch(/lệch/);
    expect(check.stdout.match(/Bảng «[^\n]*/g)).toEqual([
      "Bảng «Hồ sơ TTHC theo lĩnh vực», cột «Đã giải quyết: Quá hạn»: chỉ tiêu «Quá hạn» chưa có số liệu, nên chưa kiểm tra được tổng (các dòng đã có số liệu cộng được 10). Không coi là 0; khi có số liệu hãy nhập vào.",
    ]);
    expect(check.stdout).toContain(
      "Tỷ lệ thanh toán trực tuyến (ô 'A. Hồ sơ một cửa'!D17) là 65,36%, chưa đạt chỉ tiêu ≥ 90% mà mẫu báo cáo đặt ra.",
    );
  });

  it("consolidates months into their quarter: Tháng 1 + 2 + 3 = Quý I", async () => {
    const out = inDir("quy-1.xlsx");
    const result = await cli("consolidate", "-o", out, "--ky", "Quý I", "--nam", "2026", inDir("months"));
    expect(result).toMatchObject({ status: 0, stderr: "" });
    expect(result.stdout).toMatch(/Đã tổng hợp 3\/3 tệp \(3 kỳ\)/);
    const book = await readBack(out);
    const at = (id: string) => cellValue(namedCell(book, inputName(id)));
    expect([at("ky_bao_cao"), at("tu_ngay"), at("den_ngay")]).toEqual([
      "Quý I",
      serial(15, 12, 2025),
      serial(14, 3, 2026),
    ]);
    expect(at("hs_moi")).toBe(60);
    // (50% × 10 + 80% × 20 + 90% × 30) / 60, each month weighted by its own new dossiers.
    expect(at("tt_tructuyen")).toBeCloseTo(0.8, 12);
    expect([at("tthc_lv.dat_dai.moi"), at("tthc_lv.ho_tich.moi")]).toEqual([15, 45]);
  });

  it("a custom period from the founding day; a period's name against its days; a period before the founding", async () => {
    expect((await cli("check", inDir("tuy-chon.xlsx"))).stdout).toBe(
      "Kết quả: 0 lỗi, 0 cảnh báo (số liệu hợp lệ).\n",
    );
    const out = inDir("tuy-chon-bao-cao.xlsx");
    expect((await cli("report", inDir("tuy-chon.xlsx"), "-o", out)).status).toBe(0);
    const rows = rowsOf(await readBack(out), "Phụ lục I");
    expect([rows[6][0], rows[8][0]]).toEqual([
      "SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TỪ NGÀY 01/7/2025 ĐẾN NGÀY 31/10/2025",
      "(Số liệu tính từ ngày 1/7/2025, ngày đơn vị bắt đầu hoạt động, đến ngày 31/10/2025)",
    ]);
    const contradicted = await cli("check", inDir("sai-ky.xlsx"));
    expect(contradicted.status).toBe(1);
    expect(contradicted.stdout).toContain(
      "Lỗi       'Thông tin chung'!D8, D11: Kỳ báo cáo «6 tháng cuối năm» năm 2025 có số liệu từ ngày 01/07/2025, ngày đơn vị bắt đầu hoạt động, đến ngày 14/12/2025, nhưng ngày đã nhập không khớp: «Số liệu tính đến ngày» 31/10/2025.",
    );
    const before = await cli("check", inDir("truoc-thanh-lap.xlsx"));
    expect(before.status).toBe(1);
    expect(before.stdout).toContain(
      "Kỳ báo cáo «Quý II» năm 2025 có số liệu đến ngày 14/06/2025, trước ngày các đơn vị theo mẫu",
    );
  });

  it("upgrades the v1 workbook to v2: every typed figure kept, cells and table cells, the new field row added", async () => {
    const up = await cli("install", file(), "--catalogue", V2_FILE);
    expect(up.status).toBe(0);
    expect(up.stdout).toMatch(/^Đã nâng cấp mẫu tinh-day-du 2026\.1 → 2026\.2 vào /);
    expect(up.stdout).toContain("Giữ nguyên 21 ô đã nhập.");
    const book = await readBack(file());
    for (const [id, value] of Object.entries(TYPED))
      expect([id, cellValue(namedCell(book, inputName(id)))]).toEqual([id, value]);
    const added = namedCell(book, inputName("tthc_lv.tu_phap.moi"));
    expect([added.worksheet.name, cellValue(added)]).toEqual(["B. Hồ sơ theo lĩnh vực", null]);
    // «Tư pháp» sits between «Đất đai» and «Hộ tịch», as v2 lists it.
    expect(Number(namedCell(book, inputName("tthc_lv.dat_dai.moi")).row) + 1).toBe(Number(added.row));
    expect(findingsOf((await checkFile(file())).findings)).toEqual(FINDINGS);
  });
});

describe("the same form through the Office.js adapter (the fake)", () => {
  const book = new FakeWorkbook();

  it("installs v1 in two syncs and reads the typed figures in one", async () => {
    const install = await book.run((context) => installSheets(context, { catalogue: V1 }));
    expect(install.syncs).toBe(2);
    expect(install.result).toMatchObject({ catalogueId: "tinh-day-du", toVersion: "2026.1", dropped: [] });
    for (const [id, value] of Object.entries(TYPED)) book.type(inputName(id), value);
    const { result, syncs } = await book.run((context) => readWorkbook(context, { catalogue: V1 }));
    expect(syncs).toBe(1);
    expect(result.figures.get("tt_tructuyen")?.value).toEqual({ type: "number", value: 0.968 });
    expect(result.figures.get("tthc_lv.x1.moi")?.value).toEqual({ type: "number", value: 10 });
  });

  it("checks with the same findings as the files", async () => {
    const { result } = await book.run((context) => checkWorkbook(context, { catalogue: V1 }));
    expect(findingsOf(result.findings)).toEqual(FINDINGS);
  });

  it("upgrades to v2 in two syncs, keeping every figure, the new field row added", async () => {
    const { result, syncs } = await book.run((context) => installSheets(context, { catalogue: V2 }));
    expect(syncs).toBe(2);
    expect(result).toMatchObject({ fromVersion: "2026.1", toVersion: "2026.2", dropped: [] });
    for (const [id, value] of Object.entries(TYPED))
      expect([id, book.valueOf(book.refOf(inputName(id)))]).toEqual([id, value]);
    expect(book.valueOf(book.refOf(inputName("tthc_lv.tu_phap.moi")))).toBe("");
    const { result: check } = await book.run((context) => checkWorkbook(context, { catalogue: V2 }));
    expect(findingsOf(check.findings)).toEqual(FINDINGS);
  });
});

describe("a typed percentage's target (catalogue check)", () => {
  it("is a fraction, refused above the row's max", () => {
    const edited = JSON.parse(fs.readFileSync(V1_FILE, "utf8"));
    const row = edited.indicators.findIndex((i: { id: string }) => i.id === "tt_tructuyen");
    edited.indicators[row].target = { value: 90, better: "higher" };
    expect(catalogueProblems(JSON.stringify(edited))).toEqual([
      {
        path: `indicators[${row}].target`,
        id: "tt_tructuyen",
        message:
          'Chỉ tiêu cần đạt của một tỷ lệ phần trăm viết dạng thập phân (0.9 là 90%); "value": 90 lớn hơn mức tối đa 100% của dòng.',
      },
    ]);
    edited.indicators[row].max = 150;
    edited.indicators[row].target = { value: 1.2, better: "higher" };
    expect(catalogueProblems(JSON.stringify(edited))).toEqual([]);
  });
});
