/**
 * Issue 21, values, on files through the command line (in process): a province form with typed
 * percentages; units' files holding «96,8%» as text and «chưa có số liệu»; `check`, `consolidate`
 * and `report` give the known answers the core gives through the Office.js fake.
 */
import * as fs from "fs";
import * as path from "path";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { parseCatalogue } from "../../src/core/catalogue/validate";
import { cellValue } from "../support/excelJsWorkbook";
import { writeUnitFile } from "../support/consolidation";
import { VALUES_FORM } from "../support/valuesForm";
import { makeTempDir, namedCell, readBack, removeTempDir } from "../support/xlsx";

const form = parseCatalogue(JSON.stringify(VALUES_FORM));
let dir: string;
const inDir = (...parts: string[]) => path.join(dir, ...parts);
const run = async (...args: string[]) => {
  const io = bufferIo();
  const status = await main(args, io);
  return { status, stdout: io.stdout, stderr: io.stderr };
};

const INFO = { ky_bao_cao: "Quý III", nam: 2026 };

beforeAll(async () => {
  dir = makeTempDir("cchc-values-");
  fs.mkdirSync(inDir("xa"));
  fs.writeFileSync(inDir("mau.json"), JSON.stringify(VALUES_FORM));
  await writeUnitFile(
    inDir("xa", "a.xlsx"),
    {
      ...INFO,
      co_quan: "UBND XÃ A",
      tthc_tiep_nhan: 100,
      tt_tructuyen: "90%",
      hai_long: 0.95,
      hs_xong: 10,
      hs_dung: "chưa có số liệu",
      hs_tre: "Chưa có số liệu",
    },
    form,
  );
  await writeUnitFile(
    inDir("xa", "b.xlsx"),
    {
      ...INFO,
      co_quan: "UBND XÃ B",
      tthc_tiep_nhan: 300,
      tt_tructuyen: 0.5,
      hai_long: 0.8,
      hs_xong: 5,
      hs_dung: 5,
      hs_tre: 0,
    },
    form,
  );
}, 60_000);
afterAll(() => removeTempDir(dir));

describe("cchc on files with typed percentages and «chưa có số liệu»", () => {
  it("catalogue check refuses a weight that is not a count; catalogue show says how each percentage combines", async () => {
    const bad = JSON.parse(JSON.stringify(VALUES_FORM));
    bad.indicators[5].weightedBy = "kinh_phi";
    fs.writeFileSync(inDir("sai.json"), JSON.stringify(bad));
    const check = await run("catalogue", "check", inDir("sai.json"));
    expect(check.status).not.toBe(0);
    expect(`${check.stdout}${check.stderr}`).toContain(
      'Quyền số "kinh_phi" phải là chỉ tiêu số đếm (count) của mẫu; "kinh_phi" là "money".',
    );
    const show = await run("catalogue", "show", inDir("mau.json"));
    expect(show.status).toBe(0);
    expect(show.stdout).toContain("tt_tructuyen: Tỷ lệ thanh toán trực tuyến (%) [Bình quân gia quyền]");
    expect(show.stdout).toContain("hai_long: Mức độ hài lòng (%) [Để trống]");
  });

  it("check: the unsplit breakdown is a warning, not «lệch 10»; exit 0", async () => {
    const check = await run("check", inDir("xa", "a.xlsx"));
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    expect(check.stdout).toContain(
      "Số hồ sơ đã giải quyết (10): «Đúng hạn», «Quá hạn» chưa có số liệu, nên chưa kiểm tra được tổng.",
    );
    expect(check.stdout).not.toMatch(/lệch/);
    expect(check.stdout).toMatch(/Kết quả: 0 lỗi, 1 cảnh báo/);
  });

  it("consolidate: the rate weighted by the dossiers, the unweighted one blank, the unsplit breakdown incomplete", async () => {
    const out = inDir("tinh.xlsx");
    const result = await run("consolidate", "-o", out, inDir("xa"));
    expect(result.stderr).toBe("");
    // The incomplete total is said on screen too, not only in Ghi chú.
    expect(result.stdout).toContain(
      "Chưa đủ số liệu (có đơn vị ghi «chưa có số liệu» hoặc ghi số liệu không hợp lệ), nên chưa có tổng: «Đúng hạn», «Quá hạn» — xem Ghi chú của từng dòng.",
    );
    const book = await readBack(out);
    const value = (id: string) => cellValue(namedCell(book, `CCHC_${id.toUpperCase()}`));
    const note = (id: string) => {
      const cell = namedCell(book, `CCHC_${id.toUpperCase()}`);
      return cellValue(cell.worksheet.getCell(Number(cell.row), Number(cell.col) + 1));
    };
    // (90% × 100 + 50% × 300) / 400 = 60%, not the average 70%.
    expect(value("tt_tructuyen")).toBe(0.6);
    expect(value("tthc_tiep_nhan")).toBe(400);
    expect(value("hs_xong")).toBe(15);
    expect(value("hai_long") ?? null).toBeNull();
    expect(note("hai_long")).toMatch(/^Không tổng hợp: mẫu không quy định quyền số/);
    expect(value("hs_dung")).toBe("chưa có số liệu");
    expect(note("hs_dung")).toBe(
      "Chưa đủ số liệu: «UBND XÃ A» chưa có số liệu, nên không có tổng. 1 đơn vị còn lại cộng được 5.",
    );

    const reported = inDir("bao-cao.xlsx");
    expect((await run("report", out, "-o", reported)).stderr).toBe("");
    const report = await readBack(reported);
    expect(cellValue(namedCell(report, "BC_TT_TRUCTUYEN"))).toBe(0.6);
    expect(namedCell(report, "BC_TT_TRUCTUYEN").numFmt).toBe("0%");
    expect(cellValue(namedCell(report, "BC_HS_DUNG"))).toBe("chưa có số liệu");
  });
});
