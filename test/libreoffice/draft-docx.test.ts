/**
 * The Word draft opened by a real engine: `cchc draft` on the Đức Thọ sample, converted to PDF by
 * LibreOffice Writer; poppler reads what a recipient would see: the Nghị định 30/2020 header and
 * title, the computed figures, no page number on page 1 and one centred at the top of page 2,
 * one Times-compatible serif family (Liberation Serif), A4 and the decree's margins.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { BIN, ensureCliBuilt } from "../support/cliBuild";
import { convert, describeWithPrograms, makeProfile, soffice } from "../support/libreoffice";
import { makeTempDir, removeTempDir } from "../support/xlsx";

let dir: string;
const MM = 72 / 25.4;

function cchc(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", timeout: 240_000 });
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of each page with their boxes (pdftotext -bbox), in points from the top left. */
function wordsByPage(pdf: string): Word[][] {
  const run = spawnSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  expect(run.status).toBe(0);
  return run.stdout
    .split("<page ")
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({ xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: m[5] })),
    );
}

const text = (pdf: string, first: number, last: number) =>
  spawnSync("pdftotext", ["-f", String(first), "-l", String(last), pdf, "-"], {
    encoding: "utf8",
  }).stdout.replace(/\s+/g, " ");

beforeAll(() => {
  ensureCliBuilt();
  dir = makeTempDir("cchc-draft-");
}, 180_000);
afterAll(() => removeTempDir(dir));

const describeWriter = describeWithPrograms("test/libreoffice/draft-docx.test.ts (Word draft)", [
  "libreoffice",
  "writer",
  "poppler",
]);

describeWriter("the Word draft through LibreOffice Writer", () => {
  let pdf: string;

  beforeAll(() => {
    expect(cchc(["template", "-o", "duc-tho.xlsx", "--catalogue", "huyen-2021", "--sample"]).status).toBe(0);
    const run = cchc(["draft", "duc-tho.xlsx", "-o", "bao-cao.docx", "--with-appendices"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    convert(soffice(), makeProfile(dir), "pdf", path.join(dir, "pdf"), [path.join(dir, "bao-cao.docx")]);
    pdf = path.join(dir, "pdf", "bao-cao.pdf");
    expect(fs.existsSync(pdf)).toBe(true);
  }, 240_000);

  it("prints the header, the title and the computed figures", () => {
    const page1 = text(pdf, 1, 1);
    for (const expected of [
      "ỦY BAN NHÂN DÂN",
      "HUYỆN ĐỨC THỌ",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: …/BC-UBND",
      "Đức Thọ, ngày … tháng … năm 2021",
      "BÁO CÁO",
      "Kết quả thực hiện công tác cải cách hành chính quý III năm 2021",
      "đã hoàn thành 24/47 nhiệm vụ, đạt 51,06%",
    ])
      expect(page1).toContain(expected);
    const all = text(pdf, 1, 99);
    for (const expected of [
      "hoàn thành đúng hạn 76/84 nhiệm vụ, đạt 90,48%",
      "tổng số tiền 86.450.000 đồng",
      "1.117 hồ sơ",
      "47,9/120,535 tỷ đồng so với kế hoạch năm, đạt 39,74%",
      "[Nêu ưu điểm, kết quả nổi bật trong kỳ…]",
      "Nơi nhận:",
      "TM. ỦY BAN NHÂN DÂN",
      "Hoàng Xuân Hùng",
      "Phụ lục I",
    ])
      expect(all).toContain(expected);
    // The sample's document list is empty: no Phụ lục II, as `cchc report` prints none (issue 17).
    expect(all).not.toContain("Phụ lục II");
  });

  it("numbers pages from page 2, centred at the top; page 1 has no number", () => {
    const pages = wordsByPage(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const topBand = (page: Word[]) => page.filter((w) => w.yMax < 20 * MM);
    expect(topBand(pages[0])).toEqual([]);
    for (const [i, page] of pages.slice(1).entries()) {
      const band = topBand(page);
      expect(band.map((w) => w.text)).toEqual([String(i + 2)]);
      const centre = (band[0].xMin + band[0].xMax) / 2;
      // Centred over the text between the 30 mm and 15 mm margins.
      expect(Math.abs(centre - (30 * MM + ((210 - 45) * MM) / 2))).toBeLessThan(3);
    }
  });

  it("is A4 with the decree's margins", () => {
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const body = wordsByPage(pdf)[1].filter((w) => w.yMax >= 20 * MM);
    const left = Math.min(...body.map((w) => w.xMin));
    const right = Math.max(...body.map((w) => w.xMax));
    const top = Math.min(...body.map((w) => w.yMin));
    const bottom = Math.max(...body.map((w) => w.yMax));
    expect(left).toBeGreaterThanOrEqual(30 * MM - 0.5);
    expect(left).toBeLessThanOrEqual(35 * MM);
    // Justified text reaches the right margin (15–20 mm).
    expect(right).toBeLessThanOrEqual(210 * MM - 15 * MM + 0.5);
    expect(right).toBeGreaterThanOrEqual(210 * MM - 20 * MM);
    expect(top).toBeGreaterThanOrEqual(20 * MM - 0.5);
    expect(top).toBeLessThanOrEqual(25 * MM + 6);
    expect(bottom).toBeLessThanOrEqual(297 * MM - 20 * MM + 0.5);
  });

  it("uses one Times-compatible serif family", () => {
    const run = spawnSync("pdffonts", [pdf], { encoding: "utf8" });
    expect(run.status).toBe(0);
    const families = new Set(
      run.stdout
        .split("\n")
        .slice(2)
        .filter(Boolean)
        .map((line) =>
          line
            .split(/\s+/)[0]
            .replace(/^[A-Z]{6}\+/, "")
            .replace(/-(Bold|Italic|BoldItalic|Regular)$/, ""),
        ),
    );
    expect([...families]).toEqual(["LiberationSerif"]);
  });
});
