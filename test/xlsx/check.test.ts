/**
 * `check` over files: the sample's known answer, and every kind of bad input a user can type
 * (or paste past Excel's validation) reported as an error naming its cell.
 */
import { DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import * as path from "path";
import type * as ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { bufferIo } from "../../src/cli/io";
import { countFindings } from "../../src/core/checks";
import { saveWorkbookFile } from "../support/excelJsWorkbook";
import { checkFile, createTemplateFile } from "../../src/xlsx/node/operations";
import { makeTempDir, namedCell, readBack, removeTempDir } from "../support/xlsx";

let dir: string;
let sample: string;

beforeAll(async () => {
  dir = makeTempDir("cchc-check-");
  sample = path.join(dir, "mau.xlsx");
  await createTemplateFile(sample, { sample: true, catalogue: DISTRICT_CATALOGUE });
});
afterAll(() => removeTempDir(dir));

/** The sample with some cells changed, saved under a new name. */
async function sampleWith(name: string, change: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = await readBack(sample);
  change(workbook);
  const file = path.join(dir, `${name}.xlsx`);
  await saveWorkbookFile(workbook, file, { overwrite: true });
  return file;
}

describe("check on the Đức Thọ sample", () => {
  it("gives 0 errors and exactly the four known warnings, with their cells", async () => {
    const { findings } = await checkFile(sample);
    expect(countFindings(findings)).toEqual({ errors: 0, warnings: 4 });
    expect(findings.map((f) => f.checkId)).toEqual([
      "balance:hs_tong",
      "sum:kh_tong:areas",
      "quota:bc_xa_comat",
      "quota:gd_comat",
    ]);
    expect(findings.find((f) => f.checkId === "quota:gd_comat")!.cells).toEqual([
      "'4-5. Bộ máy, công vụ'!D16",
      "'4-5. Bộ máy, công vụ'!D15",
    ]);
    expect(findings.find((f) => f.checkId === "quota:bc_xa_comat")!.message).toMatch(/386 > 318 \(\+68\)/);
  });
});

describe("check on bad input", () => {
  it.each<[string, string, ExcelJS.CellValue, RegExp]>([
    ["text in a number cell", "CCHC_KH_TONG", "bốn bảy", /không phải là số/],
    ["a negative count", "CCHC_HS_MOI", -5, /số âm/],
    ["a fraction in a count", "CCHC_BN_MOI", 2.5, /số nguyên/],
    ["an impossible date", "CCHC_NGAY_BAN_HANH", 99_999_999, /ngày không hợp lệ/],
    [
      "a text that is no date",
      "CCHC_NGAY_BAN_HANH",
      "31/02/2021",
      /chứa chữ «31\/02\/2021», không phải một ngày.*định dạng ô là ngày/,
    ],
    ["a cell holding an Excel error", "CCHC_DVC_HOSO", { error: "#REF!" } as ExcelJS.CellErrorValue, /#REF!/],
    [
      "a formula whose result is an error",
      "CCHC_DVC_HOSO",
      { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue,
      /#DIV\/0!/,
    ],
  ])("%s is an error naming the cell", async (what, name, value, message) => {
    let ref = "";
    const file = await sampleWith(what.replace(/\W+/g, "-"), (workbook) => {
      const cell = namedCell(workbook, name);
      cell.value = value;
      ref = `'${cell.worksheet.name}'!${cell.address}`;
    });
    const { findings } = await checkFile(file);
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0].cells).toEqual([ref]);
    expect(errors[0].message).not.toContain(ref);
    expect(errors[0].message).toMatch(message);

    const io = bufferIo();
    expect(await main(["check", file], io)).toBe(1);
    // The command line names the cell once, before the message.
    const line = io.stdout.split("\n").find((l) => l.startsWith("Lỗi"))!;
    expect(line.split(ref)).toHaveLength(2);
    expect(io.stdout.trim().split("\n").at(-1)).toMatch(/^Kết quả: 1 lỗi, \d+ cảnh báo/);
  });

  it("reports an impossible date in the document list at its cell", async () => {
    const file = await sampleWith("doc-date", (workbook) => {
      const docs = workbook.getWorksheet("Danh mục văn bản")!;
      docs.getRow(4).values = [1, "12/UBND", "32/13/2021", "Văn bản thử"];
    });
    const { findings } = await checkFile(file);
    const error = findings.find((f) => f.severity === "error")!;
    expect(error.cells).toEqual(["'Danh mục văn bản'!C4"]);
    expect(error.message).toMatch(
      /12\/UBND: ô đang chứa chữ «32\/13\/2021», không phải một ngày: hãy gõ lại/,
    );
  });

  it("reads a date typed as text day/month/year as that date (list and report's own date)", async () => {
    const file = await sampleWith("text-dates", (workbook) => {
      const docs = workbook.getWorksheet("Danh mục văn bản")!;
      docs.getRow(4).values = [1, "12/KH-UBND", "21/07/2021", "Kế hoạch thử"];
      docs.getRow(5).values = [2, "13/KH-UBND", "15/8/2021", "Kế hoạch thử"];
      namedCell(workbook, "CCHC_NGAY_BAN_HANH").value = "18/9/2021";
    });
    const { figures, findings } = await checkFile(file);
    // 18/9/2021 = serial 44457; 21/07/2021 = 44398; 15/08/2021 = 44423 (1900 system).
    expect(figures.figures.get("ngay_ban_hanh")!.value).toEqual({ type: "number", value: 44_457 });
    expect(figures.documents.map((d) => d.date)).toEqual([
      { type: "number", value: 44_398 },
      { type: "number", value: 44_423 },
    ]);
    expect(countFindings(findings).errors).toBe(0);
    expect(findings.filter((f) => f.checkId.startsWith("doc:") && f.checkId !== "doc:count")).toEqual([]);
  });

  it("warns about a ratio typed over (what was typed, what the figures give); the report uses the figures", async () => {
    let ref = "";
    const file = await sampleWith("typed-ratio", (workbook) => {
      const cell = namedCell(workbook, "CCHC_KH_TYLE");
      cell.value = 0.99;
      ref = `'${cell.worksheet.name}'!${cell.address}`;
    });
    const { findings } = await checkFile(file);
    const typed = findings.filter((f) => f.checkId === "typed:kh_tyle");
    expect(typed).toEqual([
      {
        severity: "warning",
        checkId: "typed:kh_tyle",
        ids: ["kh_tyle"],
        cells: [ref],
        message:
          "Tỷ lệ hoàn thành kế hoạch là ô tự tính, nhưng công thức đã bị gõ đè bằng 99% (0,99); theo số liệu đã nhập là 51,06%, " +
          "và báo cáo dùng giá trị tính từ số liệu. Hãy xoá giá trị đã gõ, hoặc cài lại mẫu (npx cchc install, hoặc nút Cài đặt trong Excel) để khôi phục công thức.",
      },
    ]);
    // install writes the formula back and says so, naming the cell and the value it replaced.
    const io = bufferIo();
    expect(await main(["install", file], io)).toBe(0);
    expect(io.stdout).toContain(
      `Ô tự tính ${ref} (Tỷ lệ hoàn thành kế hoạch) đang bị gõ đè bằng 0,99: đã khôi phục công thức.`,
    );
    expect((await checkFile(file)).findings.filter((f) => f.checkId.startsWith("typed:"))).toEqual([]);
  });

  it("refuses a workbook without the CCHC sheets (exit 2)", async () => {
    const file = await sampleWith("no-names", (workbook) => {
      workbook.definedNames.model = [];
    });
    const io = bufferIo();
    expect(await main(["check", file], io)).toBe(2);
    expect(io.stdout).toBe("");
    // In-process (not started as a process of its own), the hint runs the way the README says
    // to run cchc; the file name is a plain word here (test/cli/invocation.test.ts quotes the rest).
    expect(io.stderr).toBe(
      `Tệp "${file}" chưa có các trang CCHC (không có ô nào tên CCHC_…): hãy cài mẫu trước: npx cchc install ${file}\n`,
    );
  });
});
