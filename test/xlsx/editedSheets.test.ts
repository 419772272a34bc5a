/**
 * Our sheets after a user edited them, on files: a column inserted left of an input sheet and a
 * named row deleted (real LibreOffice outputs in test/fixtures/cases), rows of a block sorted
 * (built as LibreOffice's sort leaves it: keys, labels and values moved, the absolute names did
 * not). The defined name is a figure's identity; a row's key that disagrees with its name is an
 * error of `check` and realigned by `install`; a deleted figure is an error `install` repairs.
 */
import * as fs from "fs";
import * as path from "path";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import type { Finding } from "../../src/core/checks";
import { saveWorkbookFile } from "../support/excelJsWorkbook";
import { DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import { checkFile, createTemplateFile } from "../../src/xlsx/node/operations";
import { findWorksheet, readWorkbookFigures } from "../support/excelJsWorkbook";
import { makeTempDir, namedCell, readBack, removeTempDir } from "../support/xlsx";

const CASES = path.join(__dirname, "..", "fixtures", "cases");
const INPUT_SHEET = "1. Chỉ đạo điều hành";

let dir: string;
let sample: string;
let sampleFindings: Finding[];

beforeAll(async () => {
  dir = makeTempDir("cchc-edited-");
  sample = path.join(dir, "mau.xlsx");
  await createTemplateFile(sample, { sample: true, catalogue: DISTRICT_CATALOGUE });
  sampleFindings = (await checkFile(sample)).findings;
});
afterAll(() => removeTempDir(dir));

/** A writable copy of a case file. */
function caseCopy(name: string): string {
  const file = path.join(dir, `${Date.now()}-${name}`);
  fs.copyFileSync(path.join(CASES, name), file);
  fs.chmodSync(file, 0o644);
  return file;
}

/** Figures as plain values by id, for comparing two files. */
async function figureValues(file: string): Promise<Record<string, unknown>> {
  const { figures } = readWorkbookFigures(await readBack(file));
  return Object.fromEntries([...figures].map(([id, f]) => [id, f.value]));
}

/** Findings without their cell letters (an inserted column moves D to E), for comparing messages. */
function messages(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.checkId}|${f.message}`);
}

describe("a column inserted left of an input sheet (LibreOffice)", () => {
  it("check gives the sample's findings, every figure read at its name", async () => {
    const file = caseCopy("inserted-column.xlsx");
    const { findings } = await checkFile(file);
    expect(messages(findings)).toEqual(messages(sampleFindings));
    expect(await figureValues(file)).toEqual(await figureValues(sample));
    // The figure is the name's cell, now in column E.
    expect(readWorkbookFigures(await readBack(file)).figures.get("kh_tong")?.cell).toBe(
      `'${INPUT_SHEET}'!E5`,
    );
  });

  it("install keeps every figure and note where it belongs; check then equals the sample's", async () => {
    const file = caseCopy("inserted-column.xlsx");
    const io = bufferIo();
    expect(await main(["install", file], io)).toBe(0);
    expect(await figureValues(file)).toEqual(await figureValues(sample));
    expect((await checkFile(file)).findings).toEqual(sampleFindings);
    const book = await readBack(file);
    expect(namedCell(book, "CCHC_KH_TONG").value).toBe(47);
    // No figure was pushed into «Ghi chú».
    const notes = findWorksheet(book, INPUT_SHEET)!
      .getColumn(5)
      .values.filter((v) => typeof v === "number");
    expect(notes).toEqual([]);
    // The columns pushed right (the old «Kiểm tra») do not stay beside the rewritten ones.
    expect(findWorksheet(book, INPUT_SHEET)!.getCell("G3").value).toBeNull();
  });
});

describe("a named input's row deleted (LibreOffice: the name is #REF!)", () => {
  it("check reports an error naming the indicator, exit 1", async () => {
    const file = caseCopy("deleted-named-row.xlsx");
    const { findings } = await checkFile(file);
    const error = findings.find((f) => f.checkId === "place:kh_cd_tong");
    expect(error).toMatchObject({ severity: "error", ids: ["kh_cd_tong"] });
    expect(error!.message).toMatch(/kh_cd_tong.*CCHC_KH_CD_TONG.*cài lại mẫu/);
    const io = bufferIo();
    expect(await main(["check", file], io)).toBe(1);
    expect(io.stdout).toMatch(/Lỗi .*kh_cd_tong/);
  });

  it("install is the repair: the cell comes back (empty), other figures kept, the error gone", async () => {
    const file = caseCopy("deleted-named-row.xlsx");
    const io = bufferIo();
    expect(await main(["install", file], io)).toBe(0);
    expect(io.stderr).toBe("");
    const book = await readBack(file);
    expect(namedCell(book, "CCHC_KH_CD_TONG").address).toBe("D6");
    expect(namedCell(book, "CCHC_KH_CD_TONG").value).toBeNull();
    expect(namedCell(book, "CCHC_KH_TC_TONG").value).toBe(6);
    const { findings } = await checkFile(file);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    const expected = { ...(await figureValues(sample)), kh_cd_tong: { type: "blank" } };
    expect(await figureValues(file)).toEqual(expected);
  });
});

describe("rows of a block sorted (keys and values moved, names stayed)", () => {
  /** Rows 6–13 of the first input sheet reversed in columns A–E, as a sort by any column leaves them. */
  async function sortedCopy(): Promise<string> {
    const book = await readBack(sample);
    const sheet = findWorksheet(book, INPUT_SHEET)!;
    const rows = [6, 7, 8, 9, 10, 11, 12, 13];
    const contents = rows.map((r) => [1, 2, 3, 4, 5].map((c) => sheet.getCell(r, c).value));
    rows.forEach((r, i) =>
      [1, 2, 3, 4, 5].forEach((c, j) => (sheet.getCell(r, c).value = contents[rows.length - 1 - i][j])),
    );
    const file = path.join(dir, `${Date.now()}-sorted.xlsx`);
    await saveWorkbookFile(book, file, { overwrite: true });
    return file;
  }

  it("check reports each disagreeing row naming the name and the key, and reads figures by key", async () => {
    const file = await sortedCopy();
    const { findings, figures } = await checkFile(file);
    const misplaced = findings.filter((f) => f.checkId.startsWith("place:"));
    expect(misplaced.map((f) => f.ids[0]).sort()).toEqual(
      [
        "kh_cd_tong",
        "kh_tc_tong",
        "kh_tthc_tong",
        "kh_tcbm_tong",
        "kh_cv_tong",
        "kh_tcc_tong",
        "kh_cpdt_tong",
        "kh_dn_tong",
      ].sort(),
    );
    const tc = misplaced.find((f) => f.ids[0] === "kh_tc_tong")!;
    expect(tc.severity).toBe("error");
    // Row 7 carried kh_tc_tong; reversed, it is row 12, which carries the name CCHC_KH_CPDT_TONG.
    expect(tc.message).toMatch(
      /ô '1\. Chỉ đạo điều hành'!D7 mang tên CCHC_KH_TC_TONG.*có mã kh_cpdt_tong.*ô '1\. Chỉ đạo điều hành'!D12/,
    );
    expect(figures.figures.get("kh_tc_tong")?.value).toEqual({ type: "number", value: 6 });
    expect(figures.figures.get("kh_cd_tong")?.value).toEqual({ type: "number", value: 8 });
  });

  it("report prints each figure beside its own row's label", async () => {
    const file = await sortedCopy();
    // The report counts what check says (the sorted rows are an error: exit 1), and is written.
    expect(await main(["report", file], bufferIo())).toBe(1);
    const sheet = findWorksheet(await readBack(file), "Phụ lục I")!;
    const byLabel = new Map<string, unknown>();
    // The first row of each label: the planned-tasks block (the same labels recur in later blocks).
    sheet.eachRow((row) => {
      const label = String(row.getCell(2).value);
      if (!byLabel.has(label)) byLabel.set(label, row.getCell(4).value);
    });
    expect(byLabel.get("Cải cách thể chế")).toBe(6);
    expect(byLabel.get("Chỉ đạo điều hành CCHC")).toBe(8);
    expect(byLabel.get("Thành lập doanh nghiệp")).toBe(1);
  });

  it("install realigns by key: the sample's figures and findings, names on their rows", async () => {
    const file = await sortedCopy();
    expect(await main(["install", file], bufferIo())).toBe(0);
    expect(await figureValues(file)).toEqual(await figureValues(sample));
    expect((await checkFile(file)).findings).toEqual(sampleFindings);
    const book = await readBack(file);
    expect(namedCell(book, "CCHC_KH_TC_TONG").value).toBe(6);
    expect(findWorksheet(book, INPUT_SHEET)!.getCell("A7").value).toBe("kh_tc_tong");
  });
});
