/**
 * The pane's consolidation over the fake Excel, with real .xlsx bytes read by the browser's
 * reader (fflate): the totals it reports, the refused files, the form the open workbook must
 * hold, and two syncs for the whole write.
 */
import * as fs from "fs";
import * as path from "path";
import { inputName } from "../../src/core/catalogue";
import { builtinCatalogue, DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import { ERROR_FILL } from "../../src/core/consolidate/sheets";
import { installSheets } from "../../src/excel/installSheets";
import { describeError } from "../../src/taskpane/errors";
import type { ConsolidationFile, PaneOperations } from "../../src/taskpane/operations";
import { FakeWorkbook } from "../fakes/fakeExcel";
import { closePane, openPane, pickedFile } from "../support/paneOverFake";
import { TEST_CATALOGUE, writeUnitFile } from "../support/consolidation";
import { makeTempDir, removeTempDir } from "../support/xlsx";
import { consolidateFiles } from "../../src/xlsx/node/figureFiles";
import { writeConsolidatedWorkbook } from "../../src/xlsx/node/writeConsolidated";

const XA = builtinCatalogue("cchc-xa")!;
let dir: string;
let syncs: number[];
const files: ConsolidationFile[] = [];
/** One unit's 6 tháng and Quý III 2026 (the test form: flows, stocks, ratios). */
const periodFiles: ConsolidationFile[] = [];

/** The pane over `book`; `syncs` then counts each Excel.run's syncs. */
function open(book: FakeWorkbook): PaneOperations {
  const pane = openPane(book);
  syncs = pane.syncs;
  return pane.operations;
}

const picked = pickedFile;

const unit = (name: string, hs: number) => ({
  co_quan: name,
  ky_bao_cao: "Quý III",
  nam: 2026,
  hs_dagq: hs,
  hs_dagq_dunghan: hs - 1,
  hs_dagq_quahan: 1,
});

beforeAll(async () => {
  dir = makeTempDir("cchc-pane-consolidate-");
  const made: Array<[string, Record<string, string | number>]> = [
    ["a.xlsx", unit("UBND XÃ A", 10)],
    ["b.xlsx", unit("UBND XÃ B", 20)],
    ["c.xlsx", unit("UBND XÃ C", 30)],
  ];
  for (const [name, values] of made) await writeUnitFile(path.join(dir, name), values, XA);
  fs.writeFileSync(path.join(dir, "hong.xlsx"), "không phải bảng tính");
  for (const name of ["a.xlsx", "b.xlsx", "c.xlsx", "hong.xlsx"]) files.push(picked(path.join(dir, name)));
  const unitOf = { co_quan: "UBND XÃ AN BÌNH", nguoi_ky: "Trần Văn Bình" };
  await writeUnitFile(path.join(dir, "6thang.xlsx"), {
    ...unitOf,
    ky_bao_cao: "6 tháng",
    nam: 2026,
    hs_nhan: 100,
    hs_dunghan: 90,
    hs_quahan: 10,
    bien_che: 20,
    co_mat: 20,
  });
  await writeUnitFile(path.join(dir, "quy3.xlsx"), {
    ...unitOf,
    ky_bao_cao: "Quý III",
    nam: 2026,
    hs_nhan: 50,
    hs_dunghan: 30,
    hs_quahan: 20,
    bien_che: 22,
    co_mat: 21,
  });
  periodFiles.push(picked(path.join(dir, "quy3.xlsx")), picked(path.join(dir, "6thang.xlsx")));
}, 60_000);
afterAll(() => {
  removeTempDir(dir);
  closePane();
});

describe("the pane's consolidate over the fake Excel", () => {
  it("writes the totals into the open workbook of the same form in two syncs, and lists the refused file", async () => {
    const book = new FakeWorkbook();
    await book.run((context) => installSheets(context, { catalogue: builtinCatalogue("cchc-xa")! }));
    const result = await open(book).consolidate!(files);
    expect(syncs).toEqual([2]);
    expect(result).toMatchObject({ over: "units", parts: 3, partsWithErrors: 0 });
    expect(result.sheets).toEqual(["Tổng hợp theo đơn vị", "Tệp tổng hợp"]);
    expect(result.totals.find((t) => t.id === "hs_dagq")).toMatchObject({ value: 60, unit: "hồ sơ" });
    expect(result.files.filter((f) => !f.included)).toEqual([
      { source: "hong.xlsx", included: false, reason: "Tệp không phải bảng tính Excel .xlsx." },
    ]);
    expect(book.valueOf(book.refOf(inputName("hs_dagq")))).toBe(60);
    expect(book.valueOf(book.refOf(inputName("hs_dagq_dunghan")))).toBe(57);
  });

  it("names on screen the rows left without a total because a unit typed «chưa có số liệu»", async () => {
    const late = path.join(dir, "e-chua.xlsx");
    await writeUnitFile(late, { ...unit("UBND XÃ E", 4), hs_dagq_quahan: "chưa có số liệu" }, XA);
    const book = new FakeWorkbook();
    await book.run((context) => installSheets(context, { catalogue: XA }));
    const result = await open(book).consolidate!([...files.slice(0, 3), picked(late)]);
    expect(syncs).toEqual([2]);
    expect(result).toMatchObject({ parts: 4, incomplete: ["Giải quyết quá hạn"] });
    // The total that every unit reported is still summed.
    expect(book.valueOf(book.refOf(inputName("hs_dagq")))).toBe(64);
  });

  it("says no row is incomplete when every unit reported", async () => {
    const book = new FakeWorkbook();
    await book.run((context) => installSheets(context, { catalogue: XA }));
    const result = await open(book).consolidate!(files);
    expect(result.incomplete).toEqual([]);
  });

  it("the pane's check of the result warns of the unit with errors in the sums, from the breakdown's row; still two syncs", async () => {
    const wrong = path.join(dir, "d-loi.xlsx");
    // More resolved on time than resolved: a rule error of that unit.
    await writeUnitFile(wrong, { ...unit("UBND XÃ D", 5), hs_dagq_dunghan: 9 }, XA);
    const book = new FakeWorkbook();
    await book.run((context) => installSheets(context, { catalogue: XA }));
    const operations = open(book);
    const result = await operations.consolidate!([...files.slice(0, 3), picked(wrong)]);
    expect(result).toMatchObject({ parts: 4, partsWithErrors: 1 });
    const row = [6, 7, 8, 9].find((r) => book.valueOf(`'Tổng hợp theo đơn vị'!B${r}`) === "UBND XÃ D")!;
    const fillBefore = book.cellAt(`'Tổng hợp theo đơn vị'!C${row}`).fill;
    expect(fillBefore?.toUpperCase()).toBe(ERROR_FILL);
    syncs.length = 0;
    const findings = await operations.check();
    expect(syncs).toEqual([2]);
    const warning = findings.find((f) => f.checkId === "consolidation:parts");
    expect(warning).toMatchObject({ severity: "warning", cells: [`'Tổng hợp theo đơn vị'!C${row}`] });
    expect(warning!.message).toMatch(
      /^Số liệu này tổng hợp cả 1 đơn vị có lỗi số liệu \(UBND XÃ D: \d+ lỗi\)/,
    );
    // The check paints only input cells: the breakdown keeps the fill that flags the unit.
    expect(book.cellAt(`'Tổng hợp theo đơn vị'!C${row}`).fill).toBe(fillBefore);
  });

  it("refuses an earlier consolidation over units picked with the units' files: the totals are not doubled", async () => {
    const units = ["a.xlsx", "b.xlsx", "c.xlsx"].map((n) => path.join(dir, n));
    const { plans } = await consolidateFiles(units);
    await writeConsolidatedWorkbook(plans!, path.join(dir, "tinh.xlsx"), { overwrite: false });
    const book = new FakeWorkbook();
    await book.run((context) => installSheets(context, { catalogue: XA }));
    const result = await open(book).consolidate!([...files, picked(path.join(dir, "tinh.xlsx"))]);
    expect(result).toMatchObject({ over: "units", parts: 3 });
    expect(result.files.find((f) => f.source === "tinh.xlsx")).toEqual({
      source: "tinh.xlsx",
      unit: undefined,
      period: expect.stringMatching(/^Quý III\/2026/),
      included: false,
      reason:
        "Tệp là kết quả tổng hợp của 3 đơn vị (có trang «Tổng hợp theo đơn vị»), không phải báo cáo của một đơn vị: hãy tổng hợp từ chính các tệp của các đơn vị.",
    });
    expect(book.valueOf(book.refOf(inputName("hs_dagq")))).toBe(60);
  });

  it("refuses an open workbook of another form, saying which, after one read", async () => {
    const book = new FakeWorkbook();
    await book.run((context) => installSheets(context, { catalogue: DISTRICT_CATALOGUE }));
    const error = await open(book).consolidate!(files).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(syncs).toEqual([1]);
    expect(describeError(error)).toBe(
      "Sổ tính đang mở phải có cùng mẫu với các tệp tổng hợp: hãy cài mẫu đó vào sổ tính (hoặc mở sổ tính của mẫu đó) rồi thử lại. (tệp theo mẫu «cchc-xa» phiên bản 1.0.0, sổ tính có mẫu «huyen-2021» phiên bản 2021.1)",
    );
  });

  it("writes nothing when no file can be used", async () => {
    const book = new FakeWorkbook();
    const result = await open(book).consolidate!([files[3]]);
    expect(syncs).toEqual([]);
    expect(result).toMatchObject({ parts: 0, sheets: [] });
    expect(book.sheetNames()).toEqual(["Sheet1"]);
  });
});

describe("the pane's consolidate over periods, over the fake Excel", () => {
  const installed = async () => {
    const book = new FakeWorkbook();
    await book.run((context) => installSheets(context, { catalogue: TEST_CATALOGUE }));
    return book;
  };

  it("reads the period files in the browser's reader and writes 9 tháng in two syncs", async () => {
    const book = await installed();
    const result = await open(book).consolidate!(periodFiles, { period: "9 tháng", year: 2026 });
    expect(syncs).toEqual([2]);
    expect(result).toMatchObject({
      over: "periods",
      parts: 2,
      partsWithErrors: 0,
      sheets: ["Tổng hợp theo kỳ", "Tệp tổng hợp"],
      period: "Kỳ 9 tháng/2026 (số liệu 15/12/2025 – 14/09/2026)",
    });
    expect(result.problem).toBeUndefined();
    expect(result.files.map((f) => [f.source, f.included, f.period])).toEqual([
      ["6thang.xlsx", true, "6 tháng/2026, 15/12/2025 – 14/06/2026"],
      ["quy3.xlsx", true, "Quý III/2026, 15/06/2026 – 14/09/2026"],
    ]);
    expect(result.totals.find((t) => t.id === "hs_nhan")).toMatchObject({ value: 150 });
    expect(result.totals.find((t) => t.id === "bien_che")).toMatchObject({ value: 22 });
    const value = (id: string) => book.valueOf(book.refOf(inputName(id)));
    expect([value("ky_bao_cao"), value("nam"), value("co_quan"), value("hs_nhan"), value("co_mat")]).toEqual([
      "9 tháng",
      2026,
      "UBND XÃ AN BÌNH",
      150,
      21,
    ]);
  });

  it("refuses another unit's open workbook with a message saying whose", async () => {
    const book = await installed();
    book.type(inputName("co_quan"), "UBND PHƯỜNG BẮC SƠN");
    const error = await open(book).consolidate!(periodFiles, { period: "9 tháng", year: 2026 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(syncs).toEqual([1]);
    expect(describeError(error)).toBe(
      "Sổ tính đang mở là báo cáo của đơn vị khác: tổng hợp theo kỳ chỉ ghi vào sổ tính của chính đơn vị có các tệp. Hãy mở sổ tính của đơn vị đó (hoặc sửa tên cơ quan ở trang «Thông tin chung») rồi thử lại; sổ tính chưa thay đổi. (các tệp của «UBND XÃ AN BÌNH», sổ tính ghi «UBND PHƯỜNG BẮC SƠN»)",
    );
    expect(book.valueOf(book.refOf(inputName("ky_bao_cao")))).toBe("");
  });

  it.each([
    [
      "a gap",
      { period: "Năm", year: 2026 } as const,
      "Các kỳ số liệu không ghép đúng kỳ Năm/2026 (15/12/2025 – 14/12/2026): thiếu số liệu 15/09/2026 – 14/12/2026.",
    ],
    [
      "an overlap",
      { period: "9 tháng", year: 2026 } as const,
      "Các kỳ số liệu không ghép đúng kỳ 9 tháng/2026 (15/12/2025 – 14/09/2026): tính hai lần 15/06/2026 – 14/09/2026 («quy3.xlsx», «quy3-ban-sao.xlsx»).",
    ],
  ])("refuses %s with the core's message and touches nothing", async (what, target, message) => {
    const book = await installed();
    const before = book.sheetNames();
    const ky = book.valueOf(book.refOf(inputName("ky_bao_cao")));
    // The overlap: Quý III sent twice under two names.
    const copy = { ...periodFiles[0], name: "quy3-ban-sao.xlsx" };
    const picked = what === "an overlap" ? [...periodFiles, copy] : periodFiles;
    const result = await open(book).consolidate!(picked, target);
    expect(syncs).toEqual([]);
    expect(result).toMatchObject({ over: "periods", parts: 0, sheets: [], problem: message });
    expect(book.sheetNames()).toEqual(before);
    expect(book.valueOf(book.refOf(inputName("ky_bao_cao")))).toBe(ky);
  });
});
