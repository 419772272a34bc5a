/**
 * `cchc draft` as staff run it (the compiled bin in a child process): the .docx of the sample with
 * its computed sentences, exit 1 with the errors said on the first page, an existing output
 * refused without --force, compared periods of the same unit only, and a province's catalogue
 * with its own outline drafted end to end (template → draft).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { BIN, ensureCliBuilt } from "../support/cliBuild";
import { makeTempDir, namedCell, readBack, removeTempDir } from "../support/xlsx";
import { saveWorkbookFile } from "../support/excelJsWorkbook";

let dir: string;

function cchc(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, CCHC_DEBUG: "" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The text of a .docx's body, paragraph by paragraph. */
function docxParagraphs(file: string): string[] {
  const xml = strFromU8(unzipSync(fs.readFileSync(path.join(dir, file)))["word/document.xml"]);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => p[0].replace(/<[^>]+>/g, ""))
    .filter(Boolean);
}

/** A copy of a workbook with some named cells typed over. */
async function edited(from: string, to: string, values: Record<string, string | number>) {
  const workbook = await readBack(path.join(dir, from));
  for (const [name, value] of Object.entries(values)) namedCell(workbook, name).value = value;
  await saveWorkbookFile(workbook, path.join(dir, to), { overwrite: true });
}

beforeAll(async () => {
  ensureCliBuilt();
  dir = makeTempDir("cchc-draft-cli-");
  expect(cchc("template", "-o", "duc-tho.xlsx", "--catalogue", "huyen-2021", "--sample").status).toBe(0);
}, 180_000);
afterAll(() => removeTempDir(dir));

describe("cchc draft", () => {
  it("writes the .docx of the workbook, every figure computed, and exits 0", () => {
    const run = cchc("draft", "duc-tho.xlsx", "-o", "bao-cao.docx");
    expect(run).toEqual({
      status: 0,
      stderr: "",
      stdout:
        'Đã tạo dự thảo "bao-cao.docx" từ "duc-tho.xlsx" (mẫu huyen-2021 2021.1).\nCác chỗ tô vàng là phần cần viết hoặc cần xem lại trước khi ban hành.\n',
    });
    const text = docxParagraphs("bao-cao.docx");
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("Kết quả thực hiện công tác cải cách hành chính quý III năm 2021");
    expect(text).toContain(
      "Kế hoạch cải cách hành chính năm 2021 có 47 nhiệm vụ; đến nay đã hoàn thành 24/47 nhiệm vụ, đạt 51,06%.",
    );
    expect(text.join("\n")).not.toContain("Phụ lục I");
    // The input is only read.
    expect(fs.readdirSync(dir).sort()).toEqual(["bao-cao.docx", "duc-tho.xlsx"]);
  });

  it("refuses an existing output without --force, and replaces it with", () => {
    const before = fs.readFileSync(path.join(dir, "bao-cao.docx"));
    expect(cchc("draft", "duc-tho.xlsx", "-o", "bao-cao.docx")).toEqual({
      status: 2,
      stdout: "",
      stderr: 'Tệp "bao-cao.docx" đã có: chọn tên khác, hoặc thêm --force để ghi đè.\n',
    });
    expect(fs.readFileSync(path.join(dir, "bao-cao.docx")).equals(before)).toBe(true);
    expect(cchc("draft", "duc-tho.xlsx", "-o", "bao-cao.docx", "--force", "--with-appendices").status).toBe(
      0,
    );
    const text = docxParagraphs("bao-cao.docx").join("\n");
    expect(text).toContain("Phụ lục I");
    // The sample lists no document: no Phụ lục II, as `cchc report` prints none (issue 17).
    expect(text).not.toContain("Phụ lục II");
  });

  it("says bad usage in one line (exit 2)", () => {
    expect(cchc("draft", "duc-tho.xlsx")).toMatchObject({ status: 2 });
    expect(cchc("draft", "duc-tho.xlsx", "-o", "x.pdf").stderr).toMatch(/phải có đuôi \.docx/);
    expect(cchc("draft", "khong-co.xlsx", "-o", "x.docx").status).toBe(2);
    expect(cchc("draft", "duc-tho.xlsx", "-o", "y.docx", "--compare").stderr).toMatch(
      /"--compare" cần một tệp/,
    );
  });

  it("refuses a workbook without the CCHC sheets, naming cchc install as it was started (exit 2)", async () => {
    const ExcelJS = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Trang 1").getCell("A1").value = 1;
    await workbook.xlsx.writeFile(path.join(dir, "trong.xlsx"));
    const run = cchc("draft", "trong.xlsx", "-o", "trong.docx");
    expect(run).toMatchObject({ status: 2, stdout: "" });
    expect(run.stderr).toMatch(
      /^Tệp "trong\.xlsx" chưa có các trang CCHC \(không có ô nào tên CCHC_…\): hãy cài mẫu và nhập số liệu trước: .*cchc(\.js)? install trong\.xlsx\n$/,
    );
    expect(fs.existsSync(path.join(dir, "trong.docx"))).toBe(false);
    fs.rmSync(path.join(dir, "trong.xlsx"));
  });

  it("exits 1 when the figures have errors, saying so on the first page", async () => {
    await edited("duc-tho.xlsx", "loi.xlsx", { CCHC_KH_HOANTHANH: 50 });
    const run = cchc("draft", "loi.xlsx", "-o", "loi.docx");
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /Số liệu còn \d+ lỗi: dự thảo ghi rõ ở trang đầu \(tô vàng\)\. Xem: \S.* check '?loi\.xlsx'?\n$/,
    );
    const text = docxParagraphs("loi.docx");
    const notice = text.findIndex((p) => p.startsWith("[LƯU Ý, XÓA TRƯỚC KHI BAN HÀNH"));
    expect(notice).toBeGreaterThan(0);
    expect(notice).toBeLessThan(text.findIndex((p) => p.startsWith("I. TÌNH HÌNH")));
  });

  it("compares with last year's workbook of the same unit, and refuses another unit's", async () => {
    await edited("duc-tho.xlsx", "2020.xlsx", { CCHC_NAM: 2020, CCHC_HS_TONG: 1105 });
    const run = cchc("draft", "duc-tho.xlsx", "-o", "so-sanh.docx", "--compare", "2020.xlsx");
    expect(run.status).toBe(0);
    expect(docxParagraphs("so-sanh.docx").join("\n")).toContain(
      "1.117 hồ sơ, tăng 12 hồ sơ (+1,09%) so với cùng kỳ năm 2020",
    );
    await edited("duc-tho.xlsx", "can-loc.xlsx", {
      CCHC_NAM: 2020,
      CCHC_CO_QUAN: "ỦY BAN NHÂN DÂN HUYỆN CAN LỘC",
    });
    expect(cchc("draft", "duc-tho.xlsx", "-o", "z.docx", "--compare=can-loc.xlsx")).toEqual({
      status: 2,
      stdout: "",
      stderr:
        'Không so sánh được với tệp "can-loc.xlsx": tệp là báo cáo của «ỦY BAN NHÂN DÂN HUYỆN CAN LỘC», khác đơn vị «ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ» của báo cáo.\n',
    });
    expect(fs.existsSync(path.join(dir, "z.docx"))).toBe(false);
  });

  it("drafts a province's catalogue with its own outline, end to end", async () => {
    const v1 = JSON.parse(
      fs.readFileSync(path.join(__dirname, "..", "fixtures", "catalogues", "tinh-thu-xa.v1.json"), "utf8"),
    ) as Record<string, unknown>;
    const outline = {
      parts: [
        {
          heading: "I. KẾT QUẢ MỘT CỬA CỦA {co_quan}",
          paragraphs: [
            "Bộ phận một cửa nhận {hs_nhan} hồ sơ, trả đúng và trước hạn {phanso:ty_kip} hồ sơ, đạt {ty_kip}.",
          ],
        },
        {
          heading: "II. KIẾN NGHỊ VỚI TỈNH THỬ",
          paragraphs: [{ placeholder: "Kiến nghị theo hướng dẫn của tỉnh…" }],
        },
      ],
    };
    fs.writeFileSync(path.join(dir, "tinh-thu.json"), JSON.stringify({ ...v1, outline }));
    const shown = cchc("catalogue", "show", "tinh-thu.json");
    expect(shown.stdout).toContain(
      "Dàn ý báo cáo (lệnh draft):\n  I. KẾT QUẢ MỘT CỬA CỦA {co_quan}\n    Bộ phận một cửa nhận {hs_nhan} hồ sơ",
    );
    expect(cchc("template", "-o", "tinh-thu.xlsx", "--catalogue", "tinh-thu.json").status).toBe(0);
    await edited("tinh-thu.xlsx", "tinh-thu.xlsx", {
      CCHC_CO_QUAN: "ỦY BAN NHÂN DÂN XÃ THỬ",
      CCHC_KY_BAO_CAO: "Quý I",
      CCHC_NAM: 2026,
      CCHC_HS_NHAN: 200,
      CCHC_HS_XONG: 150,
      CCHC_HS_SOM: 40,
      CCHC_HS_DUNG: 100,
      CCHC_HS_TRE: 10,
    });
    const run = cchc("draft", "tinh-thu.xlsx", "-o", "tinh-thu.docx");
    expect(run.stderr).toBe("");
    const text = docxParagraphs("tinh-thu.docx");
    expect(text).toContain("I. KẾT QUẢ MỘT CỬA CỦA ỦY BAN NHÂN DÂN XÃ THỬ");
    expect(text).toContain(
      "Bộ phận một cửa nhận 200 hồ sơ, trả đúng và trước hạn 140/150 hồ sơ, đạt 93,33%.",
    );
    expect(text).toContain("[Kiến nghị theo hướng dẫn của tỉnh…]");
    expect(text.join("\n")).not.toMatch(/ĐÁNH GIÁ CHUNG/);
  });
});
