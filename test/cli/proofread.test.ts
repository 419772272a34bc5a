/**
 * `cchc proofread` as staff run it (the compiled bin in a child process): the real report as
 * .docx (generated here) and .md, --json, --figures against the huyen-2021 sample workbook,
 * and the exit codes 0, 1, 2.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { BIN, ensureCliBuilt } from "../support/cliBuild";
import { makeTempDir, removeTempDir } from "../support/xlsx";
import { docxOf, REPORT_MD, reportDocx } from "../support/reportDocx";

let dir: string;

function cchc(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, CCHC_DEBUG: "" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface JsonFinding {
  severity: string;
  ids: string[];
  cells: string[];
  message: string;
  paragraph: number;
  sentence: string;
  written: string;
  expected: string;
  exact: string;
}

beforeAll(async () => {
  ensureCliBuilt();
  dir = makeTempDir("cchc-proofread-");
  fs.writeFileSync(path.join(dir, "bao-cao.docx"), await reportDocx());
  fs.copyFileSync(REPORT_MD, path.join(dir, "bao-cao.md"));
}, 180_000);
afterAll(() => removeTempDir(dir));

describe("cchc proofread", () => {
  it("lists the real report's three errors paragraph by paragraph, the sentence quoted (exit 1)", () => {
    const run = cchc("proofread", "bao-cao.docx");
    expect(run).toMatchObject({ status: 1, stderr: "" });
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.filter((l) => /^Đoạn \d+:$/.test(l))).toEqual(["Đoạn 14:", "Đoạn 55:", "Đoạn 130:"]);
    expect(lines.slice(0, 3)).toEqual([
      "Đoạn 14:",
      "  Câu: «2021, UBND tỉnh giao 84 nhiệm vụ, đã hoàn thành đúng hạn 76 (Đạt 90,4%), hoàn thành quá hạn 8 nhiệm vụ.»",
      "  Lỗi: «76 (Đạt 90,4%)»: 76/84 = 90,48%, ghi 90,4% là sai; nên là 90,5% (90,48%).",
    ]);
    expect(lines.at(-1)).toBe("Kết quả: 3 chỗ sai cần sửa trước khi ban hành.");
    // The Markdown text gives the same findings.
    expect(cchc("proofread", "bao-cao.md").stdout).toBe(run.stdout);
  });

  it("--json has check's shape, each finding with its paragraph, sentence, percentage and what it should be", () => {
    const run = cchc("proofread", "bao-cao.docx", "--json");
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as { errors: number; warnings: number; findings: JsonFinding[] };
    expect(Object.keys(result)).toEqual(["errors", "warnings", "findings"]);
    expect(result).toMatchObject({ errors: 3, warnings: 0 });
    expect(result.findings.map((f) => [f.paragraph, f.written, f.expected, f.exact])).toEqual([
      [14, "90,4%", "90,5%", "90,48%"],
      [55, "99,8%", "98,4%", "98,35%"],
      [130, "30%", "33%", "33,33%"],
    ]);
    expect(Object.keys(result.findings[0])).toEqual([
      "severity",
      "ids",
      "cells",
      "message",
      "paragraph",
      "sentence",
      "written",
      "expected",
      "exact",
    ]);
    expect(result.findings[1].sentence).toMatch(/17\.990 hồ sơ .* 17\.694 hồ sơ, đạt tỷ lệ đúng hạn 99,8%/);
  });

  it("exits 0 on a text whose percentages follow from its figures", async () => {
    fs.writeFileSync(
      path.join(dir, "dung.docx"),
      await docxOf(["Hoàn thành 24/47 nhiệm vụ, đạt 51,06%.", "Đến nay 100% xã áp dụng ISO 9001:2015."]),
    );
    const run = cchc("proofread", "dung.docx");
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(run.stdout).toBe("Không thấy tỷ lệ hay số liệu nào sai trong văn bản.\n");
    expect(JSON.parse(cchc("proofread", "dung.docx", "--json").stdout)).toEqual({
      errors: 0,
      warnings: 0,
      findings: [],
    });
  });

  it("exits 2 for a file it cannot read, saying why in one line", () => {
    fs.writeFileSync(path.join(dir, "hong.docx"), "không phải docx");
    fs.writeFileSync(path.join(dir, "bang.pdf"), "%PDF");
    expect(cchc("proofread", "khong-co.docx")).toMatchObject({
      status: 2,
      stdout: "",
      stderr: 'Không tìm thấy tệp "khong-co.docx".\n',
    });
    expect(cchc("proofread", "hong.docx")).toMatchObject({
      status: 2,
      stderr: 'Không đọc được "hong.docx": Tệp không phải văn bản Word .docx.\n',
    });
    expect(cchc("proofread", "bang.pdf").status).toBe(2);
    expect(cchc("proofread").status).toBe(2);
    expect(cchc("proofread", "bao-cao.docx", "--figures", "khong-co.xlsx")).toMatchObject({
      status: 2,
      stderr: 'Không tìm thấy tệp "khong-co.xlsx".\n',
    });
  });

  describe("--figures with the huyen-2021 sample workbook", () => {
    beforeAll(() => {
      expect(cchc("template", "--catalogue", "huyen-2021", "--sample", "-o", "mau.xlsx").status).toBe(0);
    });

    it("on the real report: still exactly the three errors, the ratio's cells named where the workbook has it", () => {
      const run = cchc("proofread", "bao-cao.docx", "--figures", "mau.xlsx", "--json");
      expect(run.status).toBe(1);
      const { findings } = JSON.parse(run.stdout) as { findings: JsonFinding[] };
      expect(findings.map((f) => [f.paragraph, f.written, f.ids, f.cells])).toEqual([
        [
          14,
          "90,4%",
          ["tgn_tyle", "tgn_dunghan", "tgn_tong"],
          ["'1. Chỉ đạo điều hành'!D40", "'1. Chỉ đạo điều hành'!D39"],
        ],
        [55, "99,8%", [], []],
        [
          130,
          "30%",
          ["dautu_tyle", "dautu_thuchien", "dautu_kehoach"],
          ["'8-11. Kinh tế'!D5", "'8-11. Kinh tế'!D6"],
        ],
      ]);
    });

    it("finds a planted wrong percentage and a wrong figure beside an indicator's wording", async () => {
      fs.writeFileSync(
        path.join(dir, "sai.docx"),
        await docxOf([
          "Trong 9 tháng, UBND tỉnh giao 84 nhiệm vụ và huyện đã hoàn thành đúng hạn 76 nhiệm vụ với tỷ lệ 95%.",
          "Số văn bản chỉ đạo, điều hành CCHC ban hành trong kỳ: 21 văn bản.",
          "Tỷ lệ xã áp dụng ISO 9001:2015 đạt 90%.",
          "Tổng số tiền xử phạt 86.450.000 đồng; hoàn thành 24/47 nhiệm vụ, đạt 51,06%.",
        ]),
      );
      // Without the workbook the prose alone shows nothing wrong.
      expect(cchc("proofread", "sai.docx").status).toBe(0);
      const run = cchc("proofread", "sai.docx", "--figures", "mau.xlsx", "--json");
      expect(run.status).toBe(1);
      const { findings } = JSON.parse(run.stdout) as { findings: JsonFinding[] };
      expect(findings.map((f) => [f.paragraph, f.written, f.expected, f.ids[0], f.cells[0]])).toEqual([
        [1, "95%", "90%", "tgn_tyle", "'1. Chỉ đạo điều hành'!D40"],
        [2, "21", "20", "vb_chidao", "'1. Chỉ đạo điều hành'!D32"],
        [3, "90%", "100%", "iso_tyle", "'6-7. Tài chính, CPĐT'!D28"],
      ]);
      expect(findings[1].message).toBe(
        "Đoạn 2: «Số văn bản chỉ đạo, điều hành CCHC ban hành trong kỳ: 21 văn bản»: bảng tính ghi Số văn bản chỉ đạo, điều hành CCHC ban hành trong kỳ = 20 văn bản (ô '1. Chỉ đạo điều hành'!D32), văn bản ghi 21.",
      );
      expect(findings[0].message).toBe(
        "Đoạn 1: «84 nhiệm vụ và huyện đã hoàn thành đúng hạn 76 nhiệm vụ với tỷ lệ 95%»: theo bảng tính, Tỷ lệ nhiệm vụ tỉnh giao đúng hạn, lũy kế = 76/84 = 90,48%, ghi 95% là sai; nên là 90% (90,48%).",
      );
    });

    it("refuses a workbook without the CCHC sheets (exit 2)", async () => {
      const ExcelJS = await import("exceljs");
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet("Trang 1").getCell("A1").value = 1;
      await workbook.xlsx.writeFile(path.join(dir, "trong.xlsx"));
      const run = cchc("proofread", "bao-cao.docx", "--figures", "trong.xlsx");
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^Tệp "trong\.xlsx" chưa có các trang CCHC/);
    });
  });
});
