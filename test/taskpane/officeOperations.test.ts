/**
 * The pane's Office operations against the in-memory fake Excel (test/fakes): what the pane is
 * told after an install, a user's typing, a check, a click on a finding, a repair. `Excel.run`
 * is the only global the operations touch; here it runs the batch on the fake workbook.
 */
import { builtinCatalogue, DEFAULT_CATALOGUE, DISTRICT_CATALOGUE, inputName } from "../../src/core/catalogue";
import { SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { countFindings } from "../../src/core/checks";
import { detectCapabilities } from "../../src/excel/capabilities";
import { createOfficeOperations } from "../../src/taskpane/officeOperations";
import { PaneError, type PaneOperations } from "../../src/taskpane/operations";
import { describeError } from "../../src/taskpane/errors";
import { FakeWorkbook } from "../fakes/fakeExcel";

type ExcelGlobal = { Excel?: { run: (batch: (context: unknown) => Promise<unknown>) => Promise<unknown> } };
const global = globalThis as unknown as ExcelGlobal;

function open(book: FakeWorkbook): PaneOperations {
  global.Excel = { run: async (batch) => (await book.run(batch as never)).result };
  return createOfficeOperations({
    capabilities: () => detectCapabilities((name, version) => book.isSetSupported(name, version)),
  });
}

function typeSample(book: FakeWorkbook): void {
  for (const [id, value] of Object.entries(SAMPLE_FIGURES)) book.type(inputName(id), value);
}

afterEach(() => {
  delete global.Excel;
});

describe("createOfficeOperations over the fake Excel", () => {
  it("says the workbook is not installed, installs, and then reports version and period", async () => {
    const book = new FakeWorkbook();
    const ops = open(book);
    expect(await ops.status()).toEqual({
      installed: false,
      version: null,
      form: null,
      latestVersion: DEFAULT_CATALOGUE.version,
      period: null,
      year: null,
      brokenFunctionCells: 0,
      missingRequirements: [],
    });

    const summary = await ops.install(DISTRICT_CATALOGUE);
    expect(summary.added).toContain("Thông tin chung");
    typeSample(book);
    expect(await ops.status()).toMatchObject({
      installed: true,
      version: "2021.1",
      form: { id: "huyen-2021", version: "2021.1", level: "huyen", title: DISTRICT_CATALOGUE.title },
      period: "Quý III",
      year: 2021,
      brokenFunctionCells: 0,
    });
  });

  it("installs the commune template when asked, and keeps it on the next install", async () => {
    const book = new FakeWorkbook();
    const ops = open(book);
    await ops.install(builtinCatalogue("cchc-xa"));
    expect(await ops.status()).toMatchObject({ installed: true, form: { id: "cchc-xa" } });
    expect(book.namedCells("CCHC_DVSN_SO").size).toBe(0);
    expect(book.namedCells("CCHC_BC_XA_COMAT").has("CCHC_BC_XA_COMAT")).toBe(true);
    await ops.install();
    expect(await ops.status()).toMatchObject({ form: { id: "cchc-xa" } });
    expect(book.namedCells("CCHC_DVSN_SO").size).toBe(0);
    // The sample's figures that a commune has: the commune's rules give their three warnings.
    for (const [id, value] of Object.entries(SAMPLE_FIGURES))
      if (book.namedCells(inputName(id)).has(inputName(id))) book.type(inputName(id), value);
    expect((await ops.check()).map((f) => f.checkId)).toEqual([
      "balance:hs_tong",
      "sum:kh_tong:areas",
      "quota:bc_xa_comat",
    ]);
  });

  it("checks the typed sample (the four known warnings) and selects a finding's cell", async () => {
    const book = new FakeWorkbook();
    const ops = open(book);
    await ops.install(DISTRICT_CATALOGUE);
    typeSample(book);
    const findings = await ops.check();
    expect(countFindings(findings)).toEqual({ errors: 0, warnings: 4 });
    const quota = findings.find((f) => f.checkId === "quota:gd_comat")!;
    expect(quota.cells[0]).toBe(book.refOf(inputName("gd_comat")));

    await ops.selectCell(quota.cells[0]);
    expect(book.selection?.sheet.name).toBe("4-5. Bộ máy, công vụ");
    expect(book.active?.name).toBe("4-5. Bộ máy, công vụ");
  });

  it("refuses to call an empty workbook clean", async () => {
    const ops = open(new FakeWorkbook());
    await expect(ops.check()).rejects.toEqual(new PaneError("notInstalled"));
    await expect(ops.scores()).rejects.toEqual(new PaneError("notInstalled"));
  });

  it("generates the report and says which sheets were written", async () => {
    const book = new FakeWorkbook();
    const ops = open(book);
    await ops.install(DISTRICT_CATALOGUE);
    typeSample(book);
    expect(await ops.report()).toEqual({
      errors: 0,
      warnings: 4,
      // The sample's document list is empty here: no Phụ lục II (issue 17).
      sheets: ["Phụ lục I"],
      keptEdited: [],
    });
    expect(book.valueOf(book.refOf("BC_KH_TYLE"))).toBeCloseTo(24 / 47, 12);
  });

  it("scores the sample against the maximum", async () => {
    const book = new FakeWorkbook();
    const ops = open(book);
    await ops.install(DISTRICT_CATALOGUE);
    typeSample(book);
    const scores = await ops.scores();
    expect(scores.map((s) => s.criterion.code)).toEqual(DISTRICT_CATALOGUE.criteria.map((c) => c.code));
    expect(scores.find((s) => s.criterion.code === "TC_DAOTAO")).toMatchObject({ score: 0.26 });
  });

  it("counts the CCHC cells stuck at #NAME? and repairs them by entering them again", async () => {
    const book = new FakeWorkbook();
    const ops = open(book);
    await ops.install(DISTRICT_CATALOGUE);
    typeSample(book);
    const ratio = book.refOf(inputName("kh_tyle"));
    const formula = String(book.formulaOf(ratio));
    expect(formula).toMatch(/^=IF\(.*CCHC\.TYLE\(/);
    book.setCell(ratio, { formula, displayed: "#NAME?" });
    expect((await ops.status()).brokenFunctionCells).toBe(1);

    expect(await ops.repairFunctions()).toBe(1);
    expect(book.cellAt(ratio).displayed).toBeUndefined();
    expect((await ops.status()).brokenFunctionCells).toBe(0);
    // Typed figures survive the repair.
    expect(book.valueOf(inputName("kh_tong"))).toBe(47);
  });

  it("names the requirement sets an older Excel lacks, and still reads", async () => {
    const book = new FakeWorkbook({ apiVersion: "1.7" });
    const ops = open(book);
    expect((await ops.status()).missingRequirements).toEqual(["ExcelApi 1.8", "ExcelApi 1.9"]);
  });

  it("turns the fake Excel's own errors into the Vietnamese messages", async () => {
    const book = new FakeWorkbook();
    const ops = open(book);
    await ops.install(DISTRICT_CATALOGUE);
    typeSample(book);
    const [finding] = await ops.check();
    // The user renames the sheet after the check, then clicks the finding.
    book.sheet("2-3. Thể chế, TTHC").name = "Thể chế (cũ)";
    const missing = await ops.selectCell(finding.cells[0]).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: "ItemNotFound" });
    expect(describeError(missing)).toMatch(/^Không tìm thấy trang tính hoặc tên vùng/);

    // A locked cell of a protected sheet refuses a change with AccessDenied.
    const sheet = book.sheet("Thông tin chung");
    sheet.protection.protected = true;
    let denied: unknown;
    try {
      book.type("'Thông tin chung'!A1", "x");
    } catch (e) {
      denied = e;
    }
    expect(denied).toMatchObject({ code: "AccessDenied" });
    expect(describeError(denied)).toMatch(/đang được bảo vệ/);
  });

  it("says so outside Excel", async () => {
    const ops = createOfficeOperations();
    await expect(ops.status()).rejects.toEqual(new PaneError("notInExcel"));
    expect(describeError(await ops.install(DISTRICT_CATALOGUE).catch((e: unknown) => e))).toBe(
      "Tiện ích chỉ chạy trong Excel: trang này đang được mở ngoài Excel.",
    );
    await expect(ops.report()).rejects.toEqual(new PaneError("notInExcel"));
  });
});

describe("draft (Dự thảo báo cáo (Word)) over the fake Excel", () => {
  it("reads the open workbook in one sync and returns the .docx of its figures", async () => {
    const book = new FakeWorkbook();
    const syncs: number[] = [];
    global.Excel = {
      run: async (batch) => {
        const { result, syncs: n } = await book.run(batch as never);
        syncs.push(n);
        return result;
      },
    };
    const ops = createOfficeOperations({
      capabilities: () => detectCapabilities((name, version) => book.isSetSupported(name, version)),
    });
    await ops.install(DISTRICT_CATALOGUE);
    typeSample(book);
    await ops.status();
    syncs.length = 0;
    const made = await ops.draft!();
    // One Excel.run, one sync: reading only, nothing is written into the workbook.
    expect(syncs).toEqual([1]);
    expect(made.fileName).toBe("bao-cao-cchc-quy-iii-2021.docx");
    expect(made.errors).toBe(0);
    const { unzipSync, strFromU8 } = await import("fflate");
    const text = strFromU8(unzipSync(made.bytes)["word/document.xml"]).replace(/<[^>]+>/g, "");
    expect(text).toContain("đã hoàn thành 24/47 nhiệm vụ, đạt 51,06%");
    expect(text).toContain(
      "Nhiệm vụ tỉnh giao; hoàn thành đúng hạn 76/84 nhiệm vụ, đạt 90,48%".replace(
        "Nhiệm vụ tỉnh giao; ",
        "",
      ),
    );
  });

  it("refuses a workbook without the CCHC sheets", async () => {
    const ops = open(new FakeWorkbook());
    await expect(ops.draft!()).rejects.toEqual(new PaneError("notInstalled"));
  });
});
