/**
 * A province's catalogue end to end through the Office.js adapter on the fake Excel: install
 * (2 syncs), typed figures read in 1 sync, the same findings as through files, the report's
 * values, the upgrade to v2 (2 syncs) keeping every figure; and the pane's operations naming
 * the workbook's form.
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_CATALOGUE, inputName, reportName } from "../../src/core/catalogue";
import { parseCatalogue } from "../../src/core/catalogue/validate";
import { OtherCatalogueError } from "../../src/core/install";
import { checkWorkbook } from "../../src/excel/checkWorkbook";
import { generateReport } from "../../src/excel/generateReport";
import { installSheets } from "../../src/excel/installSheets";
import { readWorkbook } from "../../src/excel/readFigures";
import { ALL_CAPABILITIES } from "../../src/excel/capabilities";
import { describeError } from "../../src/taskpane/errors";
import { createOfficeOperations } from "../../src/taskpane/officeOperations";
import { FakeWorkbook } from "../fakes/fakeExcel";
import { FINDINGS, TYPED } from "../support/province";

const read = (name: string) =>
  parseCatalogue(fs.readFileSync(path.join(__dirname, "..", "fixtures", "catalogues", name), "utf8"));
const V1 = read("tinh-thu-xa.v1.json");
const V2 = read("tinh-thu-xa.v2.json");

function typeAll(book: FakeWorkbook): void {
  for (const [id, value] of Object.entries(TYPED)) book.type(inputName(id), value);
}

describe("a province's catalogue through the Office.js adapter", () => {
  const book = new FakeWorkbook();

  it("installs in two syncs, and reads the typed figures in one", async () => {
    const install = await book.run((context) => installSheets(context, { catalogue: V1 }));
    expect(install.syncs).toBe(2);
    expect(install.result).toMatchObject({ catalogueId: "tinh-thu-xa", toVersion: "2026.1", dropped: [] });
    typeAll(book);
    const { result: reading, syncs } = await book.run((context) => readWorkbook(context, { catalogue: V1 }));
    expect(syncs).toBe(1);
    expect(reading.figures.get("hs_som")?.value).toEqual({ type: "number", value: 40 });
  });

  it("checks with the workbook's own rules: the same findings as through files", async () => {
    const { result, syncs } = await book.run((context) => checkWorkbook(context, { catalogue: V1 }));
    expect(syncs).toBe(2); // one read, one write of the marks
    expect(result.findings.map((f) => [f.severity, f.checkId, f.message])).toEqual(FINDINGS);
    // Without the hint, the workbook's form is still the one used: one more read.
    const unhinted = await book.run((context) => checkWorkbook(context));
    expect(unhinted.syncs).toBe(3);
    expect(unhinted.result.catalogue.id).toBe("tinh-thu-xa");
  });

  it("reports the core's values", async () => {
    const { syncs } = await book.run((context) =>
      generateReport(context, { catalogue: V1, generatedAt: new Date(2026, 2, 20) }),
    );
    expect(syncs).toBe(2);
    expect(book.valueOf(book.refOf(reportName("ty_kip")))).toBeCloseTo(140 / 150, 12);
    expect(book.valueOf(book.refOf(reportName("ty_khongtre")))).toBeCloseTo(140 / 152, 12);
    expect(book.valueOf(book.refOf(reportName("tc_thu")))).toBe(900);
  });

  it("upgrades to v2 in two syncs, every figure kept, the dropped ones on their sheet", async () => {
    const { result, syncs } = await book.run((context) => installSheets(context, { catalogue: V2 }));
    expect(syncs).toBe(2);
    expect(result).toMatchObject({
      fromVersion: "2026.1",
      toVersion: "2026.2",
      dropped: [{ id: "ns_ghichu" }, { id: "ns_danhgia" }],
    });
    for (const id of ["hs_nhan", "hs_som", "ns_comat", "tc_dutoan", "ngay_kt"])
      expect([id, book.valueOf(book.refOf(inputName(id)))]).toEqual([id, TYPED[id]]);
    expect(book.sheet("Chỉ tiêu đã bỏ").visibility).toBe("Visible");
    expect(book.valueOf("'Chỉ tiêu đã bỏ'!C4")).toBe("Thiếu 2 người");
    const check = await book.run((context) => checkWorkbook(context, { catalogue: V2 }));
    expect(check.result.findings.map((f) => [f.severity, f.checkId, f.message])).toEqual(FINDINGS);
  });

  it("refuses another form, writing nothing", async () => {
    const before = JSON.stringify([...book.namedCells("CCHC_")]);
    await expect(
      book.run((context) => installSheets(context, { catalogue: DEFAULT_CATALOGUE })),
    ).rejects.toThrow(OtherCatalogueError);
    expect(JSON.stringify([...book.namedCells("CCHC_")])).toBe(before);
  });

  it("names the workbook's form in the pane's status", async () => {
    const ops = createOfficeOperations({ capabilities: () => ALL_CAPABILITIES });
    const run = (global as unknown as { Excel?: unknown }).Excel;
    (global as unknown as { Excel: unknown }).Excel = {
      run: (batch: never) => book.run(batch).then((r) => r.result),
    };
    try {
      expect(await ops.status()).toMatchObject({
        installed: true,
        form: { id: "tinh-thu-xa", version: "2026.2", title: V2.title, level: "xa" },
      });
      // Another form over it: the pane says why, in Vietnamese, and nothing is written.
      const refused = await ops.install(DEFAULT_CATALOGUE).catch((e: unknown) => e);
      expect(describeError(refused)).toBe(
        "Sổ tính đã cài mẫu «tinh-thu-xa»; không cài mẫu khác («xa-2025») lên trên được. Hãy dùng một sổ tính mới cho mẫu «xa-2025».",
      );
      const findings = await ops.check();
      expect(findings.map((f) => f.section?.title)).toEqual([
        "I. Giải quyết hồ sơ",
        "I. Giải quyết hồ sơ",
        "II. Nhân sự",
        "III. Tài chính và thời hạn",
      ]);
    } finally {
      (global as unknown as { Excel?: unknown }).Excel = run;
    }
  });
});
