/**
 * A province's catalogue file end to end through files and the command line: template →
 * typed figures → check (exact findings) → report (exact values) → upgrade to its v2; another
 * form refused with the file untouched; `cchc catalogue list|check|show`.
 */
import * as fs from "fs";
import * as path from "path";
import { inputName, reportName } from "../../src/core/catalogue";
import { main } from "../../src/cli/main";
import { checkFile, reportIntoFile } from "../../src/xlsx/node/operations";
import { findWorksheet, sheetGrid } from "../support/excelJsWorkbook";
import { bufferIo } from "../../src/cli/io";
import { makeTempDir, namedCell, readBack, removeTempDir } from "../support/xlsx";
import { FINDINGS, TYPED } from "../support/province";

const FIXTURES = path.join(__dirname, "..", "fixtures", "catalogues");
const V1 = path.join(FIXTURES, "tinh-thu-xa.v1.json");
const V2 = path.join(FIXTURES, "tinh-thu-xa.v2.json");

let dir: string;
beforeAll(() => {
  dir = makeTempDir("cchc-province-");
});
afterAll(() => removeTempDir(dir));

async function run(...args: string[]) {
  const io = bufferIo();
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

async function typeFigures(file: string, figures: Record<string, string | number>): Promise<void> {
  const workbook = await readBack(file);
  for (const [id, value] of Object.entries(figures)) namedCell(workbook, inputName(id)).value = value;
  await workbook.xlsx.writeFile(file);
}

describe("a province's catalogue through files", () => {
  const file = () => path.join(dir, "phuong-thu.xlsx");

  it("makes the template of the file's form, which the workbook then carries", async () => {
    const made = await run("template", "-o", file(), "--catalogue", V1);
    expect(made).toMatchObject({ code: 0, err: "" });
    expect(made.out).toMatch(/^Đã tạo ".*phuong-thu\.xlsx" \(mẫu tinh-thu-xa 2026\.1: Mẫu kiểm thử: /);
    const book = await readBack(file());
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "Thông tin chung",
      "A. Hồ sơ một cửa",
      "B. Nhân sự, tài chính",
      "Danh mục văn bản",
      "Chỉ số CCHC",
      "_CCHC",
    ]);
    // The ratio over a summed numerator is one formula over the names.
    expect(namedCell(book, inputName("ns_giao")).address).toMatch(/^D\d+$/);
  });

  it("checks the typed figures with the workbook's own rules, exactly", async () => {
    await typeFigures(file(), TYPED);
    const { findings } = await checkFile(file());
    expect(findings.map((f) => [f.severity, f.checkId, f.message])).toEqual(FINDINGS);
    const checked = await run("check", file());
    expect(checked.code).toBe(1);
    expect(checked.out.trimEnd().split("\n").pop()).toBe(
      "Kết quả: 2 lỗi, 2 cảnh báo (cần sửa các lỗi trước khi gửi báo cáo).",
    );
  });

  it("reports the values the core computes, summed ratio arguments included", async () => {
    await reportIntoFile(file(), { generatedAt: new Date(2026, 2, 20, 9, 0) });
    const book = await readBack(file());
    const value = (id: string) => namedCell(book, reportName(id)).value;
    expect(value("hs_nhan")).toBe(200);
    expect(value("ty_kip")).toBeCloseTo(140 / 150, 12);
    expect(value("ty_khongtre")).toBeCloseTo(140 / 152, 12);
    expect(value("ty_thu")).toBeCloseTo(0.9, 12);
    const header = sheetGrid(findWorksheet(book, "Phụ lục I")!, "values").flat().map(String);
    expect(header).toContain("PHƯỜNG THỬ");
    expect(header.some((t) => t.includes("của UBND phường Thử)"))).toBe(true);
  });

  it("upgrades to v2: every figure kept, the dropped rows' figures on a visible sheet", async () => {
    const up = await run("install", file(), "--catalogue", V2);
    expect(up.code).toBe(0);
    expect(up.out).toMatch(/^Đã nâng cấp mẫu tinh-thu-xa 2026\.1 → 2026\.2 vào /);
    expect(up.out).toContain(
      '2 chỉ tiêu không còn trong phiên bản mới; số liệu đã nhập được giữ ở trang "Chỉ tiêu đã bỏ": ns_ghichu, ns_danhgia.',
    );
    const book = await readBack(file());
    expect(sheetGrid(findWorksheet(book, "Chỉ tiêu đã bỏ")!, "values").slice(3)).toEqual([
      ["ns_ghichu", "Ghi nhận về nhân sự", "Thiếu 2 người", null, "2026.1"],
      ["ns_danhgia", "Tự đánh giá nhân sự", "Thiếu", null, "2026.1"],
    ]);
    for (const id of ["hs_nhan", "hs_tre", "ns_comat", "tc_dutoan"])
      expect([id, namedCell(book, inputName(id)).value]).toEqual([id, TYPED[id]]);
    expect(namedCell(book, inputName("hs_tructuyen")).value).toBeNull();
    const { findings } = await checkFile(file());
    expect(findings.map((f) => [f.severity, f.checkId, f.message])).toEqual(FINDINGS);
  });

  it("refuses another form over the installed workbook, leaving the file as it was", async () => {
    const before = fs.readFileSync(file());
    const refused = await run("install", file(), "--catalogue", "xa-2025");
    expect(refused).toMatchObject({
      code: 2,
      out: "",
      err: 'Sổ làm việc đã cài mẫu "tinh-thu-xa"; không cài mẫu khác ("xa-2025") lên trên được. Hãy dùng một sổ làm việc mới cho mẫu "xa-2025".\n',
    });
    expect(fs.readFileSync(file()).equals(before)).toBe(true);
  });
});

describe("cchc catalogue", () => {
  it("lists the built-in forms, the default first", async () => {
    const listed = await run("catalogue", "list");
    expect(listed.code).toBe(0);
    const lines = listed.out.trimEnd().split("\n");
    expect(lines[0]).toBe("xa-2025\t2025.4\tcấp xã\tkỳ từ 01/07/2025\t(mặc định)");
    expect(lines[2]).toBe("huyen-2021\t2021.1\tcấp huyện\tkỳ đến 30/06/2025");
  });

  it("checks a file: every problem with its path, exit 1; a good file, exit 0", async () => {
    const bad = await run("catalogue", "check", path.join(FIXTURES, "bad-everything.json"));
    expect(bad.code).toBe(1);
    const lines = bad.out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/có 26 lỗi:$/);
    expect(lines).toContain(
      "- indicators[20].parent (vong_a): Vòng lặp chỉ tiêu cha: vong_a → vong_b → vong_a.",
    );
    expect(await run("catalogue", "check", V1)).toMatchObject({ code: 0 });
  });

  it("lists a form's tables on a sheet of their own in the workbook to review", async () => {
    const out = path.join(dir, "danh-muc-bang.xlsx");
    expect((await run("catalogue", "show", "xa-2025", "-o", out)).code).toBe(0);
    const book = await readBack(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Chỉ tiêu", "Bảng", "Kiểm tra", "Tiêu chí"]);
    const rows = sheetGrid(findWorksheet(book, "Bảng")!, "values").slice(3);
    const byField = rows.filter((r) => String(r[0]).startsWith("tthc_lv:"));
    // 12 fields, 5 rows a unit may add, 10 columns.
    expect(byField).toHaveLength(27);
    expect(byField[0]).toEqual([
      "tthc_lv: Hồ sơ TTHC theo lĩnh vực (hồ sơ)",
      "3a. TTHC theo lĩnh vực",
      "Dòng (Lĩnh vực)",
      "dat_dai",
      "Đất đai",
    ]);
    expect(byField[12]).toEqual([
      "tthc_lv: Hồ sơ TTHC theo lĩnh vực (hồ sơ)",
      "3a. TTHC theo lĩnh vực",
      "Dòng do đơn vị thêm",
      "x1",
      "(đơn vị tự ghi tên)",
    ]);
    expect(byField.slice(17).map((r) => [r[3], r[5], r[6]])).toEqual([
      ["ky_truoc", "Tiếp nhận", "hs_kytruoc"],
      ["moi", "Tiếp nhận", "hs_moi"],
      ["truc_tuyen", "Tiếp nhận", "hs_tructuyen"],
      ["truc_tiep", "Tiếp nhận", undefined],
      ["buu_chinh", "Tiếp nhận", undefined],
      ["truoc_han", "Đã giải quyết", "hs_truochan"],
      ["dung_han", "Đã giải quyết", "hs_dunghan"],
      ["qua_han", "Đã giải quyết", "hs_trehan"],
      ["trong_han", "Đang giải quyết", "hs_tronghan"],
      ["da_qua_han", "Đang giải quyết", "hs_quahan"],
    ]);
    expect(rows.filter((r) => String(r[0]).startsWith("tthc_tq:"))).toHaveLength(9);
  });

  it("shows a form, and writes it as a workbook to review", async () => {
    const shown = await run("catalogue", "show", "xa-2025");
    expect(shown.code).toBe(0);
    expect(shown.out).toContain("  hs_tyle_dunghan: Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn (%)");
    const out = path.join(dir, "danh-muc.xlsx");
    expect((await run("catalogue", "show", V1, "-o", out)).code).toBe(0);
    const book = await readBack(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Chỉ tiêu", "Kiểm tra", "Tiêu chí"]);
    const rows = sheetGrid(findWorksheet(book, "Chỉ tiêu")!, "values");
    expect(rows.find((r) => r[2] === "ty_kip")).toEqual([
      "I. Giải quyết hồ sơ",
      "A. Hồ sơ một cửa",
      "ty_kip",
      "Tỷ lệ trả trước hạn và đúng hạn",
      "%",
      "Tỷ lệ",
      "TYLE(hs_som + hs_dung; hs_xong)",
      "Tính lại",
    ]);
    // The scoring method in words, after the number CCHC.DIEM takes.
    const criteria = sheetGrid(findWorksheet(book, "Tiêu chí")!, "values");
    expect(criteria.find((r) => r[0] === "TT_THU")).toEqual([
      "TT_THU",
      "Thu ngân sách đạt dự toán",
      2,
      "1: đạt ngưỡng thì đủ điểm, dưới ngưỡng 0",
      0.9,
      "ty_thu",
    ]);
    expect(criteria.find((r) => r[0] === "TT_TUCHAM")?.[3]).toBe("0: theo tỷ lệ (điểm tối đa × tỷ lệ)");
  });

  it("refuses a bad or unknown catalogue, its problem in one line, exit 2, writing nothing", async () => {
    const target = path.join(dir, "khong-tao.xlsx");
    const bad = await run(
      "template",
      "-o",
      target,
      "--catalogue",
      path.join(FIXTURES, "bad-everything.json"),
    );
    expect(bad.code).toBe(2);
    // The first problem on one line, then each hint on its own: the full check, the help.
    const lines = bad.err.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^Xem đủ: npx cchc catalogue check /);
    expect(lines[2]).toBe("Xem: npx cchc template --help");
    expect(bad.err).toMatch(
      /không dùng được: bogus: trường "bogus" không có trong định dạng danh mục\. \(và 25 lỗi khác\)/,
    );
    const unknown = await run("template", "-o", target, "--catalogue", "tinh-khac");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(
      /^Không có danh mục "tinh-khac": dùng một trong xa-2025, huyen-2021, hoặc đường dẫn tệp \.json\./,
    );
    expect(fs.existsSync(target)).toBe(false);
  });
});
