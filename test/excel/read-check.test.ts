import { DISTRICT_CATALOGUE, inputName } from "../../src/core/catalogue";
import { OUT_OF_PERIOD_DOCUMENT, SAMPLE_DOCUMENTS, SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { checkFigures, countFindings } from "../../src/core/checks";
import { classifyCell } from "../../src/core/figures";
import { INPUT_FILL } from "../../src/core/layout/styles";
import { META_SHEET_NAME } from "../../src/core/meta";
import {
  checkWorkbook,
  ERROR_MARK_FILL,
  MARKS_KEY,
  selectCell,
  WARNING_MARK_FILL,
} from "../../src/excel/checkWorkbook";
import { readWorkbook } from "../../src/excel/readFigures";
import { FakeWorkbook } from "../fakes/fakeExcel";
import { installedWorkbook, typeSampleFigures } from "./support";

const SAMPLE_WARNINGS = ["balance:hs_tong", "sum:kh_tong:areas", "quota:bc_xa_comat", "quota:gd_comat"];

describe("readWorkbook", () => {
  it("reads the sample's figures in one sync; the core then finds 0 errors and the 4 known warnings", async () => {
    const book = await installedWorkbook({ sample: true });
    const { result, syncs } = await book.run((context) => readWorkbook(context));
    expect(syncs).toBe(1);
    for (const [id, value] of Object.entries(SAMPLE_FIGURES))
      expect([id, result.figures.get(id)?.value]).toEqual([id, classifyCell(value)]);
    expect(result.figures.get("kh_tong")!.cell).toBe(book.refOf("CCHC_KH_TONG"));
    expect(result.figures.get("kh_tong")!.cell).toMatch(/^'1\. Chỉ đạo điều hành'!D\d+$/);
    expect(result.figures.get("tu_ngay")!.formula).toBe(
      '=IF(OR(ISBLANK(CCHC_KY_BAO_CAO),ISBLANK(CCHC_NAM)),"",IFERROR(CCHC.TUNGAY(CCHC_KY_BAO_CAO,CCHC_NAM)+DATE(1904,1,1)-1462,CCHC.TUNGAY(CCHC_KY_BAO_CAO,CCHC_NAM)))',
    );
    expect(result.meta).toMatchObject({
      templateId: DISTRICT_CATALOGUE.id,
      version: DISTRICT_CATALOGUE.version,
    });
    expect(result.documents).toEqual([]);
    expect(result.broken).toEqual([]);

    const findings = checkFigures(result.figures, result.documents, DISTRICT_CATALOGUE);
    expect(countFindings(findings)).toEqual({ errors: 0, warnings: 4 });
    expect(findings.map((f) => f.checkId)).toEqual(SAMPLE_WARNINGS);
    expect(findings.find((f) => f.checkId === "quota:gd_comat")!.cells).toEqual([
      book.refOf("CCHC_GD_COMAT"),
      book.refOf("CCHC_GD_GIAO"),
    ]);
  });

  it("reads figures typed by a user the same way", async () => {
    const book = await installedWorkbook();
    typeSampleFigures(book);
    const { result } = await book.run((context) => readWorkbook(context));
    expect(checkFigures(result.figures, result.documents, DISTRICT_CATALOGUE).map((f) => f.checkId)).toEqual(
      SAMPLE_WARNINGS,
    );
  });

  it("reports text in a number cell as an error naming the cell", async () => {
    const book = await installedWorkbook({ sample: true });
    // Excel's validation refuses it when typed; a paste gets through, and the check must catch it.
    expect(() => book.type("CCHC_KH_TONG", "bốn bảy")).toThrow(/số nguyên/);
    book.paste("CCHC_KH_TONG", "bốn bảy");
    const { result } = await book.run((context) => readWorkbook(context));
    const errors = checkFigures(result.figures, result.documents, DISTRICT_CATALOGUE).filter(
      (f) => f.severity === "error",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0].cells).toEqual([book.refOf("CCHC_KH_TONG")]);
    expect(errors[0].message).toMatch(/^Số nhiệm vụ trong kế hoạch CCHC năm: «bốn bảy» không phải là số/);
  });

  it("tells a ratio typed over, in the same one sync; the input fill is not the ratio's", async () => {
    const book = await installedWorkbook({ sample: true });
    // The ratio cell is locked: a user unprotects the sheet and types over it.
    book.sheet("1. Chỉ đạo điều hành").protection = { protected: false };
    book.paste("CCHC_KH_TYLE", 0.6);
    const { result, syncs } = await book.run((context) => checkWorkbook(context));
    expect(syncs).toBe(2);
    const typed = result.findings.find((f) => f.checkId === "typed:kh_tyle")!;
    expect(typed.cells).toEqual([book.refOf("CCHC_KH_TYLE")]);
    expect(typed.message).toMatch(/gõ đè bằng 60% \(0,6\); theo số liệu đã nhập là 51,06%/);
  });

  it("reads the document list, with its cells, wherever the used range starts", async () => {
    const book = await installedWorkbook({
      sample: true,
      sampleDocuments: [...SAMPLE_DOCUMENTS, OUT_OF_PERIOD_DOCUMENT],
    });
    // Without the title and hint rows, the sheet's used range starts at A3, not A1.
    for (const ref of ["A1", "A2"]) book.setCell(`'Danh mục văn bản'!${ref}`, { value: "" });
    const { result } = await book.run((context) => readWorkbook(context));
    expect(result.documents.map((d) => d.number)).toEqual(
      [...SAMPLE_DOCUMENTS, OUT_OF_PERIOD_DOCUMENT].map((d) => classifyCell(d.number)),
    );
    expect(result.documents[6].dateCell).toBe("'Danh mục văn bản'!C10");
    const findings = checkFigures(result.figures, result.documents, DISTRICT_CATALOGUE);
    expect(findings.map((f) => f.checkId)).toEqual([...SAMPLE_WARNINGS, "doc:7:period", "doc:count"]);
  });

  it("finds nothing, in one sync, in a workbook without the CCHC sheets", async () => {
    const book = new FakeWorkbook({ sheets: ["Sheet1", "Báo cáo"] });
    book.setCell("'Báo cáo'!C7", { value: 12 });
    const { result, syncs } = await book.run((context) => readWorkbook(context));
    expect(syncs).toBe(1);
    expect(result).toEqual({
      figures: new Map(),
      documents: [],
      broken: [],
      meta: null,
      problems: [],
      consolidation: [],
      date1904: false,
    });
  });
});

describe("checkWorkbook", () => {
  it("returns the findings and marks their cells in two syncs, leaving protection on", async () => {
    const book = await installedWorkbook({ sample: true });
    const { result, syncs } = await book.run((context) => checkWorkbook(context));
    expect(syncs).toBe(2);
    expect(result).toMatchObject({ errors: 0, warnings: 4, broken: [] });
    expect(result.findings.map((f) => f.checkId)).toEqual(SAMPLE_WARNINGS);
    const cells = new Set(result.findings.flatMap((f) => f.cells));
    expect(new Set(result.marked)).toEqual(cells);
    for (const ref of cells) expect([ref, book.cellAt(ref).fill]).toEqual([ref, WARNING_MARK_FILL]);
    expect(book.cellAt("CCHC_KH_HOANTHANH").fill).toBe(INPUT_FILL);
    expect(book.sheet("1. Chỉ đạo điều hành").protection.protected).toBe(true);
    expect(JSON.parse(String(book.valueOf(`'${META_SHEET_NAME}'!B${metaRow(book)}`)))).toEqual(result.marked);
  });

  it("protects a sheet again with the permissions it had", async () => {
    const book = await installedWorkbook({ sample: true });
    const sheet = book.sheet("4-5. Bộ máy, công vụ");
    sheet.protection = { protected: true, options: { allowFormatColumns: true, allowAutoFilter: true } };
    await book.run((context) => checkWorkbook(context));
    expect(sheet.protection).toEqual({
      protected: true,
      options: { allowFormatColumns: true, allowAutoFilter: true },
    });
    expect(book.cellAt("CCHC_GD_COMAT").fill).toBe(WARNING_MARK_FILL);
  });

  it("gives corrected cells their input fill back and marks errors light red", async () => {
    const book = await installedWorkbook({ sample: true });
    await book.run((context) => checkWorkbook(context));
    book.type("CCHC_GD_COMAT", 1400); // the quota warning goes away
    book.paste("CCHC_HS_MOI", -5); // an error appears

    const { result, syncs } = await book.run((context) => checkWorkbook(context));

    expect(syncs).toBe(2);
    expect(result.findings.map((f) => f.checkId)).not.toContain("quota:gd_comat");
    expect(book.cellAt("CCHC_GD_COMAT").fill).toBe(INPUT_FILL);
    expect(book.cellAt("CCHC_GD_GIAO").fill).toBe(INPUT_FILL);
    expect(result.errors).toBe(1);
    expect(book.cellAt("CCHC_HS_MOI").fill).toBe(ERROR_MARK_FILL);
    // The meta keeps one row for the marks, not one per check.
    expect(
      book
        .sheet(META_SHEET_NAME)
        .existing({ top: 1, left: 1, bottom: 500, right: 1 })
        .filter((c) => c.cell.value === MARKS_KEY),
    ).toHaveLength(1);
  });

  it("clears a document row's mark once the date is fixed, and survives a reinstall", async () => {
    const book = await installedWorkbook({
      sample: true,
      sampleDocuments: [...SAMPLE_DOCUMENTS, OUT_OF_PERIOD_DOCUMENT],
    });
    await book.run((context) => checkWorkbook(context));
    expect(book.cellAt("'Danh mục văn bản'!C10").fill).toBe(WARNING_MARK_FILL);
    book.type("'Danh mục văn bản'!C10", 44400);
    const { installSheets } = await import("../../src/excel/installSheets");
    await book.run((context) => installSheets(context, { catalogue: DISTRICT_CATALOGUE }));
    const { syncs } = await book.run((context) => checkWorkbook(context));
    expect(syncs).toBe(2);
    expect(book.cellAt("'Danh mục văn bản'!C10").fill).toBeNull();
  });

  it("marks nothing in a workbook the add-in did not install, still in two syncs", async () => {
    const book = new FakeWorkbook();
    const { result, syncs } = await book.run((context) => checkWorkbook(context));
    expect([syncs, result.findings, result.marked]).toEqual([2, [], []]);
  });

  it("selectCell activates the sheet and selects the cell in one sync", async () => {
    const book = await installedWorkbook({ sample: true });
    const ref = book.refOf(inputName("gd_comat"));
    const { syncs } = await book.run((context) => selectCell(context, ref));
    expect(syncs).toBe(1);
    expect(book.active?.name).toBe("4-5. Bộ máy, công vụ");
    expect(book.selection?.box).toEqual(expect.objectContaining({ left: 4, right: 4 }));
  });
});

function metaRow(book: FakeWorkbook): number {
  return book
    .sheet(META_SHEET_NAME)
    .existing({ top: 1, left: 1, bottom: 500, right: 1 })
    .find((c) => c.cell.value === MARKS_KEY)!.row;
}
