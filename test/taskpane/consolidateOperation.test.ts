/**
 * The pane's consolidation over the fake Excel, with real .xlsx bytes read by the browser's
 * reader (fflate): the totals it reports, the refused files, the form the open workbook must
 * hold, and two syncs for the whole write.
 */
import * as fs from "fs";
import * as path from "path";
import { inputName } from "../../src/core/catalogue";
import { builtinCatalogue, DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import { detectCapabilities } from "../../src/excel/capabilities";
import { installSheets } from "../../src/excel/installSheets";
import { describeError } from "../../src/taskpane/errors";
import { createOfficeOperations } from "../../src/taskpane/officeOperations";
import type { ConsolidationFile, PaneOperations } from "../../src/taskpane/operations";
import { FakeWorkbook } from "../fakes/fakeExcel";
import { writeUnitFile } from "../support/consolidation";
import { makeTempDir, removeTempDir } from "../support/xlsx";

type ExcelGlobal = { Excel?: { run: (batch: (context: unknown) => Promise<unknown>) => Promise<unknown> } };
const global = globalThis as unknown as ExcelGlobal;
const XA = builtinCatalogue("cchc-xa")!;

let dir: string;
let syncs: number[];
const files: ConsolidationFile[] = [];

function open(book: FakeWorkbook): PaneOperations {
  syncs = [];
  global.Excel = {
    run: async (batch) => {
      const run = await book.run(batch as never);
      syncs.push(run.syncs);
      return run.result;
    },
  };
  return createOfficeOperations({
    capabilities: () => detectCapabilities((name, version) => book.isSetSupported(name, version)),
  });
}

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
  for (const name of ["a.xlsx", "b.xlsx", "c.xlsx", "hong.xlsx"]) {
    const bytes = fs.readFileSync(path.join(dir, name));
    files.push({
      name,
      bytes: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    });
  }
}, 60_000);
afterAll(() => {
  removeTempDir(dir);
  delete global.Excel;
});

describe("the pane's consolidate over the fake Excel", () => {
  it("writes the totals into the open workbook of the same form in two syncs, and lists the refused file", async () => {
    const book = new FakeWorkbook();
    await book.run((context) => installSheets(context, { catalogue: builtinCatalogue("cchc-xa")! }));
    const result = await open(book).consolidate!(files);
    expect(syncs).toEqual([2]);
    expect(result.units).toBe(3);
    expect(result.unitsWithErrors).toBe(0);
    expect(result.sheets).toEqual(["Tổng hợp theo đơn vị", "Tệp tổng hợp"]);
    expect(result.totals.find((t) => t.id === "hs_dagq")).toMatchObject({ value: 60, unit: "hồ sơ" });
    expect(result.files.filter((f) => !f.included)).toEqual([
      { source: "hong.xlsx", included: false, reason: "Tệp không phải bảng tính Excel .xlsx." },
    ]);
    expect(book.valueOf(book.refOf(inputName("hs_dagq")))).toBe(60);
    expect(book.valueOf(book.refOf(inputName("hs_dagq_dunghan")))).toBe(57);
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
    expect(result).toMatchObject({ units: 0, sheets: [] });
    expect(book.sheetNames()).toEqual(["Sheet1"]);
  });
});
