/**
 * The report printed by a real spreadsheet engine: `cchc demo` (the README's "try it without
 * Excel") writes the sample's workbook and, through LibreOffice, the PDF of Phụ lục I and II.
 * pdftotext reads what a recipient would see; page 1 is kept as a PNG for a person to look at.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { BIN, ensureCliBuilt, ROOT } from "../support/cliBuild";
import { describeWithPrograms } from "../support/libreoffice";
import { makeTempDir, namedCell, readBack, removeTempDir } from "../support/xlsx";

const ARTIFACTS = path.join(ROOT, "test-artifacts");
let dir: string;

function cchc(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 240_000,
  });
}

beforeAll(() => {
  ensureCliBuilt();
  dir = makeTempDir("cchc-pdf-");
}, 180_000);
afterAll(() => removeTempDir(dir));

const describePrinting = describeWithPrograms("test/libreoffice/report-pdf.test.ts (printing)", [
  "libreoffice",
  "poppler",
]);

describePrinting("the report through LibreOffice", () => {
  it("prints Phụ lục I with the national title, the table header and the sample's ratios", () => {
    const run = cchc(["demo", "-o", "demo"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const pdf = path.join(dir, "demo", "cchc-mau-duc-tho-quy-III-2021-phu-luc.pdf");
    expect(fs.existsSync(pdf)).toBe(true);

    const firstPage = spawnSync("pdftotext", ["-layout", "-f", "1", "-l", "1", pdf, "-"], {
      encoding: "utf8",
    });
    expect(firstPage.status).toBe(0);
    const page1 = firstPage.stdout;
    for (const text of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Phụ lục I",
      "ỦY BAN NHÂN DÂN",
      "HUYỆN ĐỨC THỌ",
    ]) {
      expect(page1).toContain(text);
    }
    expect(page1).toMatch(/STT\s+Chỉ tiêu\s+Đơn vị tính\s+Số liệu\s+Ghi chú/);
    const all = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
    for (const ratio of ["51[.,]06%", "25[.,]85%", "90[.,]48%"]) expect(all).toMatch(new RegExp(ratio));
    expect(all).toContain("Phụ lục II");
    expect(all).toContain("3604/QĐ-UBND");
    expect(all).toContain("Hoàng Xuân Hùng");
    // The table header is repeated on the next page.
    const page2 = spawnSync("pdftotext", ["-layout", "-f", "2", "-l", "2", pdf, "-"], {
      encoding: "utf8",
    }).stdout;
    expect(page2).toMatch(/STT\s+Chỉ tiêu\s+Đơn vị tính\s+Số liệu\s+Ghi chú/);
    // Page numbers centred at the top from page 2 on, none on page 1; A4 paper.
    expect(page2.trimStart().split("\n")[0].trim()).toBe("2");
    expect(page1.trimStart().startsWith("ỦY BAN NHÂN DÂN")).toBe(true);
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const png = spawnSync("pdftoppm", [
      "-png",
      "-r",
      "80",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      pdf,
      path.join(ARTIFACTS, "report-page-1"),
    ]);
    expect(png.status).toBe(0);
    expect(fs.statSync(path.join(ARTIFACTS, "report-page-1.png")).size).toBeGreaterThan(10_000);
  }, 240_000);
});

describe("the report without LibreOffice", () => {
  it("says plainly when LibreOffice is missing, and still writes the report", async () => {
    const make = cchc(["template", "-o", "mau.xlsx", "--sample"]);
    expect(make.status).toBe(0);
    const run = cchc(["report", "mau.xlsx", "--pdf", "mau.pdf"], {
      CCHC_SOFFICE: path.join(dir, "khong-co-soffice"),
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Không tạo được PDF: máy này chưa cài LibreOffice/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stdout).toContain("Đã ghi báo cáo");
    expect(fs.existsSync(path.join(dir, "mau.pdf"))).toBe(false);
    const workbook = await readBack(path.join(dir, "mau.xlsx"));
    expect(namedCell(workbook, "BC_KH_TYLE").value).toBeCloseTo(24 / 47, 12);
  }, 60_000);
});
