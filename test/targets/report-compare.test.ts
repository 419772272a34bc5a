/**
 * Targets and comparisons end to end through files (issue 21): a ward's form with targets
 * (test/fixtures/catalogues/ha-noi-phuong.json, Hà Nội-like: ≥ 60 % online, ≥ 20 % fully online,
 * 100 % on time, no late dossier) → typed figures → `cchc check` (the targets missed, exact) →
 * `cchc report --compare` (Phụ lục I's «Chỉ tiêu giao», «Kỳ trước», «Cùng kỳ năm trước» and the
 * changes, exact cells) → refusals of a workbook that is not comparable, nothing written.
 */
import * as fs from "fs";
import * as path from "path";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { parseCatalogue } from "../../src/core/catalogue/validate";
import { cellValue, findWorksheet } from "../support/excelJsWorkbook";
import { writeUnitFile } from "../support/consolidation";
import { makeTempDir, readBack, removeTempDir } from "../support/xlsx";

const FIXTURE = path.join(__dirname, "..", "fixtures", "catalogues", "ha-noi-phuong.json");
const catalogue = parseCatalogue(fs.readFileSync(FIXTURE, "utf8"), FIXTURE);
const WARD = "ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM";
const info = { tinh: "Thành phố Hà Nội", co_quan: WARD, nam: 2026, ky_bao_cao: "Quý III" };
/** 550/1000 online (55 % < 60 %), 250/1000 fully online (25 % ≥ 20 %), 990 on time, 10 late. */
const NOW = { hs_tiepnhan: 1000, hs_tructuyen: 550, hs_toantrinh: 250, hs_dunghan: 990, hs_trehan: 10 };

let dir: string;
const at = (...parts: string[]) => path.join(dir, ...parts);
async function run(...args: string[]) {
  const io = bufferIo();
  const status = await main(args, io);
  return { status, stdout: io.stdout, stderr: io.stderr };
}

beforeAll(async () => {
  dir = makeTempDir("cchc-targets-");
  await writeUnitFile(at("q3-2026.xlsx"), { ...info, ...NOW }, catalogue);
  // Quý II 2026: 400/800 online (50 %), 100/800 fully online, 780 on time, 20 late.
  await writeUnitFile(
    at("q2-2026.xlsx"),
    {
      ...info,
      ky_bao_cao: "Quý II",
      hs_tiepnhan: 800,
      hs_tructuyen: 400,
      hs_toantrinh: 100,
      hs_dunghan: 780,
      hs_trehan: 20,
    },
    catalogue,
  );
  // Quý III 2025: 1000 received as now, 300 online (30 %), 990 on time, 10 late: no change there.
  await writeUnitFile(
    at("q3-2025.xlsx"),
    {
      ...info,
      nam: 2025,
      hs_tiepnhan: 1000,
      hs_tructuyen: 300,
      hs_toantrinh: 0,
      hs_dunghan: 990,
      hs_trehan: 10,
    },
    catalogue,
  );
  await writeUnitFile(at("q1-2026.xlsx"), { ...info, ky_bao_cao: "Quý I", ...NOW }, catalogue);
  await writeUnitFile(
    at("khac.xlsx"),
    { ...info, co_quan: "UBND PHƯỜNG BA ĐÌNH", ky_bao_cao: "Quý II", ...NOW },
    catalogue,
  );
}, 120_000);
afterAll(() => removeTempDir(dir));

it("check warns of every target missed, naming the cell, the value and the target", async () => {
  const result = await run("check", at("q3-2026.xlsx"));
  const warnings = result.stdout.split("\n").filter((line) => /chưa đạt chỉ tiêu/.test(line));
  expect(warnings).toEqual([
    expect.stringMatching(
      /Hồ sơ giải quyết trễ hạn \(ô '1\. Một cửa'!D\d+\) là 10 hồ sơ, chưa đạt chỉ tiêu ≤ 0 mà mẫu báo cáo đặt ra\.$/,
    ),
    expect.stringMatching(
      /Tỷ lệ hồ sơ tiếp nhận trực tuyến \(tính từ ô '1\. Một cửa'!D\d+, '1\. Một cửa'!D\d+\) là 55,00%, chưa đạt chỉ tiêu ≥ 60,00% mà mẫu báo cáo đặt ra\.$/,
    ),
    expect.stringMatching(
      /Tỷ lệ hồ sơ giải quyết đúng hạn \(tính từ ô '1\. Một cửa'!D\d+, '1\. Một cửa'!D\d+\) là 99,00%, chưa đạt chỉ tiêu ≥ 100,00% mà mẫu báo cáo đặt ra\.$/,
    ),
  ]);
  // 25 % fully online meets its ≥ 20 %: no warning.
  expect(result.stdout).not.toMatch(/toàn trình.*chưa đạt/);
});

/** Phụ lục I's table as rows of text (B = label … ), header row first. */
async function appendixRows(file: string): Promise<string[][]> {
  const sheet = findWorksheet(await readBack(file), "Phụ lục I")!;
  const rows: string[][] = [];
  let inTable = false;
  sheet.eachRow((row) => {
    const values = Array.from({ length: sheet.columnCount }, (_, i) => {
      const v = cellValue(row.getCell(i + 1));
      return v === null || v === undefined ? "" : String(v);
    });
    if (values[0] === "STT") inTable = true;
    if (inTable && values.slice(0, 2).some(Boolean)) rows.push(values);
    if (values[0] === "Nơi nhận:") inTable = false;
  });
  return rows.filter((r) => r[0] !== "Nơi nhận:");
}

it("report --compare prints the target, the previous period, the same period of last year and the changes", async () => {
  const result = await run(
    "report",
    at("q3-2026.xlsx"),
    "-o",
    at("bao-cao.xlsx"),
    "--compare",
    at("q3-2025.xlsx"),
    "--compare",
    at("q2-2026.xlsx"),
  );
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  const rows = await appendixRows(at("bao-cao.xlsx"));
  expect(rows[0]).toEqual([
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Số liệu",
    "Chỉ tiêu giao",
    "Kỳ trước (quý II năm 2026)",
    "Tăng (+), giảm (-) so với kỳ trước",
    "Cùng kỳ năm trước (năm 2025)",
    "Tăng (+), giảm (-) so với cùng kỳ",
    "Ghi chú",
  ]);
  const byLabel = new Map(rows.slice(1).map((r) => [r[1], r.slice(2)]));
  // 1000 vs 800: +200 (+25,00%); vs 1000: no change.
  expect(byLabel.get("Số hồ sơ tiếp nhận")).toEqual([
    "hồ sơ",
    "1000",
    "",
    "800",
    "tăng 200 (+25,00%)",
    "1000",
    "không thay đổi",
    "",
  ]);
  expect(byLabel.get("Hồ sơ giải quyết trễ hạn")).toEqual([
    "hồ sơ",
    "10",
    "≤ 0",
    "20",
    "giảm 10 (-50,00%)",
    "10",
    "không thay đổi",
    "",
  ]);
  // 55 % vs 50 %: +5 points; vs 30 %: +25 points.
  expect(byLabel.get("Tỷ lệ hồ sơ tiếp nhận trực tuyến")).toEqual([
    "%",
    "0.55",
    "≥ 60,00%",
    "0.5",
    "tăng 5 điểm phần trăm",
    "0.3",
    "tăng 25 điểm phần trăm",
    "",
  ]);
  // 99 % vs 780/800 = 97,5 %: +1,5 points.
  expect(byLabel.get("Tỷ lệ hồ sơ giải quyết đúng hạn")).toEqual([
    "%",
    "0.99",
    "≥ 100,00%",
    "0.975",
    "tăng 1,5 điểm phần trăm",
    "0.99",
    "không thay đổi",
    "",
  ]);
  const sheet = findWorksheet(await readBack(at("bao-cao.xlsx")), "Phụ lục I")!;
  expect(sheet.pageSetup.orientation).toBe("landscape");
});

it("refuses a period that is neither the previous one nor last year's, and another unit, writing nothing", async () => {
  const before = fs.readFileSync(at("q3-2026.xlsx"));
  expect(await run("report", at("q3-2026.xlsx"), "--compare", at("q1-2026.xlsx"))).toEqual({
    status: 2,
    stdout: "",
    stderr: `Không so sánh được với tệp "${at("q1-2026.xlsx")}": tệp là báo cáo quý I năm 2026; báo cáo quý III năm 2026 chỉ so sánh với kỳ trước (quý II năm 2026) hoặc cùng kỳ năm trước (quý III năm 2025).\n`,
  });
  expect((await run("report", at("q3-2026.xlsx"), "--compare", at("khac.xlsx"))).stderr).toBe(
    `Không so sánh được với tệp "${at("khac.xlsx")}": tệp là báo cáo của «UBND PHƯỜNG BA ĐÌNH», khác đơn vị «${WARD}» của báo cáo.\n`,
  );
  expect(fs.readFileSync(at("q3-2026.xlsx")).equals(before)).toBe(true);
});
