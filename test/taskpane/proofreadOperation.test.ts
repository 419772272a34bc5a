/**
 * The pane's proofread operation over the fake Excel: the picked .docx read in the "browser",
 * proofread alone (no Excel batch at all) or against the open workbook's figures in one read
 * sync, nothing written.
 */
import { DISTRICT_CATALOGUE, inputName } from "../../src/core/catalogue";
import { SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { detectCapabilities } from "../../src/excel/capabilities";
import { createOfficeOperations } from "../../src/taskpane/officeOperations";
import { PaneError, type PaneOperations } from "../../src/taskpane/operations";
import { FakeWorkbook } from "../fakes/fakeExcel";
import { docxOf, reportDocx } from "../support/reportDocx";

type ExcelGlobal = { Excel?: { run: (batch: (context: unknown) => Promise<unknown>) => Promise<unknown> } };
const global = globalThis as unknown as ExcelGlobal;

function open(book: FakeWorkbook, syncs: number[]): PaneOperations {
  global.Excel = {
    run: async (batch) => {
      const { result, syncs: count } = await book.run(batch as never);
      syncs.push(count);
      return result;
    },
  };
  return createOfficeOperations({
    capabilities: () => detectCapabilities((name, version) => book.isSetSupported(name, version)),
  });
}

const picked = (name: string, bytes: Uint8Array) => ({ name, bytes: async () => bytes.slice().buffer });

afterEach(() => {
  delete global.Excel;
});

describe("proofread (pane operation)", () => {
  it("finds the report's three errors without Excel, and with the workbook's figures in one read sync", async () => {
    const book = new FakeWorkbook();
    const syncs: number[] = [];
    const ops = open(book, syncs);
    await ops.install(DISTRICT_CATALOGUE);
    for (const [id, value] of Object.entries(SAMPLE_FIGURES)) book.type(inputName(id), value);
    syncs.length = 0;
    const report = picked("bao-cao.docx", new Uint8Array(await reportDocx()));

    const alone = await ops.proofread!(report, false);
    expect(alone.map((f) => [f.paragraph, f.written, f.expected])).toEqual([
      [14, "90,4%", "90,5%"],
      [55, "99,8%", "98,4%"],
      [130, "30%", "33%"],
    ]);
    expect(syncs).toEqual([]);

    const withFigures = await ops.proofread!(report, true);
    expect(syncs).toEqual([1]);
    expect(withFigures.map((f) => f.ids[0] ?? "")).toEqual(["tgn_tyle", "", "dautu_tyle"]);
    expect(withFigures[0].cells[0]).toBe(book.refOf(inputName("tgn_dunghan")));

    const planted = picked(
      "sai.docx",
      new Uint8Array(await docxOf(["Số văn bản chỉ đạo, điều hành CCHC ban hành trong kỳ: 21 văn bản."])),
    );
    expect((await ops.proofread!(planted, true)).map((f) => [f.written, f.expected, f.ids])).toEqual([
      ["21", "20", ["vb_chidao"]],
    ]);
  });

  it("refuses the workbook's figures when it has no CCHC sheets, and an unreadable document", async () => {
    const ops = open(new FakeWorkbook(), []);
    const report = picked("bao-cao.docx", new Uint8Array(await reportDocx()));
    await expect(ops.proofread!(report, true)).rejects.toEqual(new PaneError("notInstalled"));
    await expect(ops.proofread!(picked("x.docx", new Uint8Array([1, 2, 3])), false)).rejects.toMatchObject({
      name: "DocumentReadError",
      message: "Tệp không phải văn bản Word .docx.",
    });
  });
});
