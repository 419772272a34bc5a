/**
 * The report printed by a real spreadsheet engine: `cchc demo` (the README's "try it without
 * Excel") writes the sample's workbook and, through LibreOffice, the PDF of Phụ lục I and II.
 * pdftotext reads what a recipient would see: Vietnamese number forms whatever the machine's
 * locale (the run below is in en_US), figures with the decimals they have, every recipient whole.
 * Every page is kept as a PNG (test-artifacts/report-page-N.png) for a person to look at.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { BIN, ensureCliBuilt, ROOT } from "../support/cliBuild";
import { describeWithPrograms } from "../support/libreoffice";
import { SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { recipientLines } from "../../src/core/report/documentForm";
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

/** Each page's text as pdftotext lays it out. */
function pagesOf(pdf: string): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)![1]);
  return Array.from(
    { length: count },
    (_, i) =>
      spawnSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"], {
        encoding: "utf8",
      }).stdout,
  );
}

/**
 * What a signed page must not carry and how it must look (issue 17): nothing of the software,
 * no check finding, one serif family, the issuing body's lines whole, and no page where the
 * repeated table header stands over no row. `bodyLines` are the header lines that must each be
 * printed on one line, once per appendix; `inSummaries` is how often «phần mềm» is in the
 * sample documents' own summaries (printed in Phụ lục II as typed).
 */
function expectFitForSignature(
  pdf: string,
  bodyLines: readonly string[],
  appendices: number,
  inSummaries: number,
): void {
  const pages = pagesOf(pdf);
  const all = pages.join("\n");
  for (const software of ["phần mềm CCHC", "do phần mềm", "tổng hợp từ các biểu", "Cảnh báo", "LỖI", "Lưu ý"])
    expect([software, all.includes(software)]).toEqual([software, false]);
  // «phần mềm» nowhere in Phụ lục I; in Phụ lục II only in the documents' own summaries (the
  // district sample's «Cập nhật bổ sung thông tin phần mềm quản lý CBCCVC»).
  const firstOfII = pages.findIndex((page) => page.includes("Phụ lục II"));
  expect(pages.slice(0, firstOfII).filter((page) => page.includes("phần mềm"))).toEqual([]);
  expect(all.split("phần mềm").length - 1).toBe(inSummaries);
  // The demos' findings (a staff count over quota, a document count) are not printed either.
  for (const finding of ["vượt số được giao", "Danh mục văn bản có", "Hãy nhập"])
    expect([finding, all.includes(finding)]).toEqual([finding, false]);

  const fonts = spawnSync("pdffonts", [pdf], { encoding: "utf8" })
    .stdout.split("\n")
    .slice(2)
    .filter(Boolean);
  const families = new Set(
    fonts.map(
      (line) =>
        line
          .split(/\s+/)[0]
          .replace(/^[A-Z]{6}\+/, "")
          .split("-")[0],
    ),
  );
  expect([...families]).toHaveLength(1);
  expect([...families][0]).not.toMatch(/DejaVu/);

  const lines = all.split("\n");
  for (const body of bodyLines)
    expect([body, lines.filter((l) => l.includes(body)).length]).toEqual([body, appendices]);

  // A page that repeats the table header has table rows under it (STT, a section number or «-»).
  for (const [i, page] of pages.entries()) {
    const text = page.split("\n").filter((l) => l.trim());
    const header = text.findIndex((l) => /^\s*STT\s/.test(l));
    if (header < 0) continue;
    // (A row's STT prints beside its middle line: look at the lines up to the signature block.)
    const end = text.findIndex((l, j) => j > header && l.includes("Nơi nhận:"));
    const under = text.slice(header + 1, end < 0 ? undefined : end);
    expect([i + 1, under.some((l) => /^\s*(\d+(\.\d+)*|-)\s+\S/.test(l))]).toEqual([i + 1, true]);
  }
}

const describePrinting = describeWithPrograms("test/libreoffice/report-pdf.test.ts (printing)", [
  "libreoffice",
  "poppler",
]);

describePrinting("the report through LibreOffice", () => {
  it("prints Phụ lục I with the national title, the table header and the sample's ratios", () => {
    // An American machine: the appendix must still read the Vietnamese way.
    const run = cchc(["demo", "-o", "demo", "--catalogue", "huyen-2021"], {
      LANG: "en_US.UTF-8",
      LC_ALL: "en_US.UTF-8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const pdf = path.join(dir, "demo", "cchc-mau-huyen-2021-phu-luc.pdf");
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

    // Vietnamese number forms; figures with the decimals they have (money up to 3), none invented.
    for (const right of [
      "51,06%",
      "25,85%",
      "90,48%",
      "86.450.000",
      "29.000.000",
      "1.117",
      "1.433",
      "17.990",
    ])
      expect(all).toContain(right);
    for (const wrong of [
      "51.06%",
      "86,450,000",
      "1,117",
      "17,990",
      "190.0",
      "500.0",
      "1,500.0",
      "1.500,0",
      "500,0",
      "190,0",
    ])
      expect(all).not.toContain(wrong);
    const figureOf = (label: string, unit: string) =>
      all
        .split("\n")
        .filter((line) => line.includes(label) && line.includes(unit))
        .map((line) => line.trim().split(/\s+/).pop());
    expect(figureOf("Vốn thu hút đầu tư", "tỷ đồng")).toEqual(["500"]);
    expect(figureOf("Kế hoạch năm", "tỷ đồng")).toEqual(["1.500", "120,535", "190"]);
    expect(figureOf("Doanh nghiệp đóng góp vào thu ngân sách", "tỷ đồng")).toEqual(["47,9"]);
    expect(figureOf("Tổng thu ngân sách", "tỷ đồng")).toEqual(["189,5"]);
    // Every recipient whole: the left column of the lines under "Nơi nhận:" (the signature block
    // sits on the right), compared without spaces since pdftotext may split a word's letters.
    const signature = all.slice(all.lastIndexOf("Nơi nhận:")).split("\n").slice(1, 12);
    const left = signature.map((line) => line.trim().split(/\s{3,}/)[0]).join("");
    const recipients = recipientLines(String(SAMPLE_FIGURES.noi_nhan));
    expect(recipients.length).toBe(5);
    for (const recipient of recipients)
      expect(left.replace(/\s+/g, "")).toContain(recipient.replace(/\s+/g, ""));

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const old of fs.readdirSync(ARTIFACTS).filter((f) => /^report-page-\d+\.png$/.test(f)))
      fs.rmSync(path.join(ARTIFACTS, old));
    const png = spawnSync("pdftoppm", ["-png", "-r", "80", pdf, path.join(ARTIFACTS, "report-page")]);
    expect(png.status).toBe(0);
    const pages = fs.readdirSync(ARTIFACTS).filter((f) => /^report-page-\d+\.png$/.test(f));
    expect(pages.length).toBe(Number(/Pages:\s+(\d+)/.exec(info)![1]));
    for (const page of pages) expect(fs.statSync(path.join(ARTIFACTS, page)).size).toBeGreaterThan(10_000);

    expectFitForSignature(pdf, ["HUYỆN ĐỨC THỌ"], 2, 1);
  }, 240_000);

  it("prints the commune form's demo fit for signature: no software, no finding, one typeface, whole header", () => {
    const run = cchc(["demo", "-o", "demo-xa"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    // The demo's warnings are said on screen, not printed.
    expect(run.stdout).toContain("Cảnh báo");
    const pdf = path.join(dir, "demo-xa", "cchc-mau-xa-2025-phu-luc.pdf");
    // Phụ lục I, the form's two tables (Phụ lục I.1, I.2: issue 21) and Phụ lục II.
    expectFitForSignature(pdf, ["UBND TỈNH MẪU (GIẢ ĐỊNH)", "XÃ THỬ NGHIỆM"], 4, 0);
    const all = pagesOf(pdf).join("\n");
    // A text answer stays on the line of its row.
    expect(all).toMatch(/Hệ thống thông tin giải quyết TTHC đang dùng\s+Hệ thống của tỉnh/);
    // Both tables filled from the sample (issue 21), thousands with a dot, each on a landscape
    // page of its own: I.1 by field (the extra row by its typed label), I.2 by deciding authority.
    const pages = pagesOf(pdf);
    const sizes = [
      ...spawnSync("pdfinfo", ["-f", "1", "-l", "99", pdf], { encoding: "utf8" }).stdout.matchAll(
        /Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g,
      ),
    ].map((m) => (Number(m[2]) > Number(m[3]) ? "ngang" : "dọc"));
    const byField = pages.findIndex((page) => page.includes("Phụ lục I.1"));
    const byAuthority = pages.findIndex((page) => page.includes("Phụ lục I.2"));
    expect(sizes).toEqual(["dọc", "dọc", "ngang", "ngang", "dọc"]);
    expect([byField, byAuthority]).toEqual([2, 3]);
    const figuresOf = (page: string, label: string) =>
      page
        .split("\n")
        .find((line) => line.includes(label))
        ?.trim()
        .split(/\s{2,}/)
        .slice(-10);
    expect(figuresOf(pages[byField], "Chứng thực")).toEqual([
      "0",
      "520",
      "380",
      "140",
      "0",
      "300",
      "218",
      "0",
      "0",
      "0",
    ]);
    expect(figuresOf(pages[byField], "Thi đua, khen thưởng")).toEqual([
      "0",
      "3",
      "0",
      "3",
      "0",
      "2",
      "1",
      "0",
      "0",
      "0",
    ]);
    expect(figuresOf(pages[byField], "Tổng cộng")).toEqual([
      "120",
      "1.330",
      "1.102",
      "210",
      "18",
      "610",
      "652",
      "28",
      "141",
      "7",
    ]);
    expect(figuresOf(pages[byAuthority], "Tổng cộng")?.slice(-6)).toEqual([
      "1.450",
      "1.102",
      "472",
      "228",
      "1.290",
      "148",
    ]);
  }, 240_000);

  it("prints when the temporary folder's path has a space and a # (a Windows user folder)", () => {
    const make = cchc(["template", "-o", "mau-tmp.xlsx", "--sample"]);
    expect(make.status).toBe(0);
    const tmp = path.join(dir, "Nguyen Van A #1");
    fs.mkdirSync(tmp);
    const run = cchc(["report", "mau-tmp.xlsx", "--pdf", "mau-tmp.pdf"], {
      TMPDIR: tmp,
      TMP: tmp,
      TEMP: tmp,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(fs.statSync(path.join(dir, "mau-tmp.pdf")).size).toBeGreaterThan(10_000);
    // The commune form's long title wraps; «NĂM 2025» stays together (a no-break space).
    const page1 = spawnSync(
      "pdftotext",
      ["-layout", "-f", "1", "-l", "1", path.join(dir, "mau-tmp.pdf"), "-"],
      {
        encoding: "utf8",
      },
    ).stdout;
    expect(page1).toMatch(/NĂM[\u00a0 ]2025/);
    // Its private LibreOffice profile and work folders are gone.
    expect(fs.readdirSync(tmp)).toEqual([]);
  }, 240_000);
});

describe("the report without LibreOffice", () => {
  it("says plainly when LibreOffice is missing, and still writes the report", async () => {
    const make = cchc(["template", "-o", "mau.xlsx", "--sample", "--catalogue", "huyen-2021"]);
    expect(make.status).toBe(0);
    const run = cchc(["report", "mau.xlsx", "--pdf", "mau.pdf"], {
      CCHC_SOFFICE: path.join(dir, "khong-co-soffice"),
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `Không tạo được PDF: biến môi trường CCHC_SOFFICE chỉ tới "${path.join(dir, "khong-co-soffice")}", nhưng không có tệp đó.\n`,
    );
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stdout).toContain("Đã ghi báo cáo");
    expect(fs.existsSync(path.join(dir, "mau.pdf"))).toBe(false);
    const workbook = await readBack(path.join(dir, "mau.xlsx"));
    expect(namedCell(workbook, "BC_KH_TYLE").value).toBeCloseTo(24 / 47, 12);
  }, 60_000);
});
