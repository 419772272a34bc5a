/**
 * Phụ lục I with targets and compared periods printed by LibreOffice (issue 21): `cchc report
 * --compare … --pdf` on the Hà Nội-like ward form (test/fixtures/catalogues/ha-noi-phuong.json)
 * prints an A4 landscape page whose table holds every column (Chỉ tiêu giao, Kỳ trước, Cùng
 * kỳ năm trước, the changes), each change whole on its line, nothing cut.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { parseCatalogue } from "../../src/core/catalogue/validate";
import { ROOT } from "../support/cliBuild";
import { writeUnitFile } from "../support/consolidation";
import { describeWithPrograms } from "../support/libreoffice";
import { makeTempDir, removeTempDir } from "../support/xlsx";

const describePrinting = describeWithPrograms("test/libreoffice/report-compare-pdf.test.ts", [
  "libreoffice",
  "poppler",
]);

const ARTIFACTS = path.join(ROOT, "test-artifacts");
const FIXTURE = path.join(__dirname, "..", "fixtures", "catalogues", "ha-noi-phuong.json");

describePrinting("Phụ lục I with targets and comparisons, printed", () => {
  let dir: string;
  beforeAll(async () => {
    dir = makeTempDir("cchc-compare-pdf-");
    const catalogue = parseCatalogue(fs.readFileSync(FIXTURE, "utf8"), FIXTURE);
    const info = { co_quan: "ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM", nam: 2026, ky_bao_cao: "Quý III" };
    const figures = {
      hs_tiepnhan: 1000,
      hs_tructuyen: 550,
      hs_toantrinh: 250,
      hs_dunghan: 990,
      hs_trehan: 10,
    };
    await writeUnitFile(path.join(dir, "q3.xlsx"), { ...info, ...figures }, catalogue);
    await writeUnitFile(
      path.join(dir, "q2.xlsx"),
      { ...info, ky_bao_cao: "Quý II", ...figures, hs_tiepnhan: 800, hs_tructuyen: 400 },
      catalogue,
    );
    await writeUnitFile(
      path.join(dir, "q3-2025.xlsx"),
      { ...info, nam: 2025, ...figures, hs_tructuyen: 300 },
      catalogue,
    );
  }, 120_000);
  afterAll(() => removeTempDir(dir));

  it("prints one A4 landscape page with every column and every change whole", async () => {
    const io = bufferIo();
    const pdf = path.join(dir, "bao-cao.pdf");
    const status = await main(
      [
        "report",
        path.join(dir, "q3.xlsx"),
        "-o",
        path.join(dir, "bao-cao.xlsx"),
        "--compare",
        path.join(dir, "q2.xlsx"),
        "--compare",
        path.join(dir, "q3-2025.xlsx"),
        "--pdf",
        pdf,
      ],
      io,
    );
    expect(io.stderr).toBe("");
    expect(status).toBe(0);
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/Pages:\s+1\n/);
    // A4 turned: 842 × 595 points.
    const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    // Kept for a person to look at, as the sample's pages are (test-artifacts/).
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.copyFileSync(pdf, path.join(ARTIFACTS, "report-compare.pdf"));
    const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
    const compact = text.replace(/\s+/g, " ");
    for (const header of ["Chỉ tiêu giao", "Kỳ trước", "Cùng kỳ năm", "Ghi chú"])
      expect(compact).toContain(header);
    // Each change on one printed line: nothing wrapped mid-number, nothing cut.
    const lines = text.split("\n");
    for (const change of [
      "tăng 200 (+25,00%)",
      "tăng 5 điểm phần",
      "tăng 25 điểm phần",
      "≥ 60,00%",
      "≥ 100,00%",
    ])
      expect([change, lines.some((line) => line.includes(change))]).toEqual([change, true]);
    // pdftotext may set «≤ 0» without its space.
    expect(lines.some((line) => /Hồ sơ giải quyết trễ hạn.*≤ ?0\b/.test(line))).toBe(true);
  }, 240_000);
});
