/**
 * The table kind of the catalogue: a bad `tables` gets every problem with its JSON path; the
 * built-in `xa-2025` installed at 2025.2 (before its tables) upgrades to 2025.3 with every typed
 * figure kept; a table's v2 that adds a row and inserts a column keeps every typed cell with
 * its row and column (by the cells' names) and puts a dropped column's figures on the dropped
 * sheet; and through the Office.js fake: install in 2 syncs, the cells read in 1, checked.
 */
import {
  DEFAULT_CATALOGUE,
  inputName,
  type Catalogue,
  type CatalogueFile,
  type TableDef,
} from "../../src/core/catalogue";
import { catalogueFromFile, catalogueToFile } from "../../src/core/catalogue/form";
import { dataProblems } from "../../src/core/catalogue/validate";
import { sampleOf } from "../../src/core/catalogue/sample";
import { evaluateIndicators } from "../../src/core/evaluate";
import { figuresFromValues } from "../../src/core/figures";
import { fillTemplate } from "../../src/core/narrative/fill";
import { figuresOfPlans, planInstall } from "../../src/core/install";
import { DROPPED_SHEET } from "../../src/core/layout/droppedSheet";
import type { SheetPlan } from "../../src/core/layout/model";
import { checkWorkbook } from "../../src/excel/checkWorkbook";
import { installSheets } from "../../src/excel/installSheets";
import { readWorkbook } from "../../src/excel/readFigures";
import { FakeWorkbook } from "../fakes/fakeExcel";
import { gridOf, workbookOf } from "../support/plans";

const FILE = catalogueToFile(DEFAULT_CATALOGUE);

/** xa-2025 as it shipped at 2025.2: the same form without the sheet of tables. */
const XA_2025_2: Catalogue = catalogueFromFile({
  ...FILE,
  version: "2025.2",
  sheets: FILE.sheets.filter((s) => s.key !== "s3t"),
  tables: undefined,
});

/** The cell plan a defined name points at. */
function cellOf(plans: readonly SheetPlan[], name: string) {
  for (const sheet of plans)
    for (const n of sheet.names)
      if (n.name === name) return sheet.cells.find((c) => c.address === n.address)!;
  throw new Error(name);
}

describe("a catalogue's tables, validated", () => {
  // Without the outline: its sentence naming the busiest fields ({bang:tthc_lv:moi}) would add a
  // problem of its own wherever a test renames the table.
  const table = (extra: Partial<TableDef> & Record<string, unknown>): CatalogueFile => ({
    ...FILE,
    outline: undefined,
    tables: [{ ...FILE.tables![0], ...extra } as TableDef],
  });

  it("says every problem with its JSON path", () => {
    const bad = table({
      sheet: "s2",
      section: "9",
      rows: [
        { id: "dat_dai", label: "Đất đai" },
        { id: "dat_dai", label: "Đất đai (2)" },
        { id: "x1", label: "Dòng lạ" },
      ],
      columns: [
        { id: "moi", label: "Mới", total: "hs_moi" },
        { id: "ty_le", label: "Tỷ lệ", total: "hs_tyle_dunghan" },
        { id: "cu", label: "Cũ", total: "khong_co" },
        { id: "lai", label: "Lại", total: "hs_moi" },
      ],
      extraRows: 0,
    });
    expect(dataProblems(bad).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'tables[0].sheet: Trang "s2" đã chứa các mục chỉ tiêu; bảng phải nằm trên một trang riêng (một trang chỉ gồm bảng).',
      'tables[0].section: Mục "9" của bảng không có trong sections.',
      'tables[0].rows[1].id: Mã dòng "dat_dai" trùng với tables[0].rows[0].',
      'tables[0].rows[2].id: Mã dòng "x1" dành cho các dòng đơn vị tự thêm (x1, x2 …); hãy đặt mã khác.',
      'tables[0].columns[1].total: Cột của bảng số "count" phải cộng thành một chỉ tiêu "count"; "hs_tyle_dunghan" là "ratio".',
      'tables[0].columns[2].total: Chỉ tiêu tổng "khong_co" không có trong indicators.',
      'tables[0].columns[3].total: Chỉ tiêu "hs_moi" đã là tổng của tables[0].columns[0].',
      'sheets[2]: Trang "s3t" không có mục hay bảng nào.',
    ]);
  });

  it("refuses fields the format lacks and ids a defined name cannot take", () => {
    const bad = table({ unit: undefined, colour: "đỏ", id: "Bang-1" });
    delete (bad.tables![0] as unknown as Record<string, unknown>).unit;
    expect(dataProblems(bad).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'tables[0]: thiếu trường bắt buộc "unit".',
      'tables[0].colour: trường "colour" không có trong định dạng danh mục.',
      'tables[0].id: "id": "Bang-1" không hợp lệ: mã của bảng, dòng và cột chỉ gồm chữ thường không dấu (a–z), số và _ (không dùng -), bắt đầu bằng chữ hoặc số.',
    ]);
  });

  it("refuses two cells of one defined name", () => {
    const bad = table({
      id: "t",
      rows: [
        { id: "a", label: "A" },
        { id: "a_b", label: "A B" },
      ],
      columns: [
        { id: "b_c", label: "BC" },
        { id: "c", label: "C" },
      ],
      extraRows: 0,
    });
    expect(dataProblems(bad).map((p) => `${p.path}: ${p.message}`)).toEqual([
      "tables[0].rows[1]: Tên ô CCHC_T_T_A_B_C của bảng trùng với tên ô của tables[0].rows[0]; hãy đổi mã bảng, dòng hoặc cột.",
    ]);
  });
});

describe("a table in the narrative draft", () => {
  it("names the rows with the most in a column, largest first, at most three", () => {
    const figures = figuresFromValues(
      {
        "tthc_lv.dat_dai.moi": 40,
        "tthc_lv.ho_tich.moi": 60,
        "tthc_lv.y_te.moi": 0,
        "tthc_lv.chung_thuc.moi": 2,
        "tthc_lv.x1": "Thi đua, khen thưởng",
        "tthc_lv.x1.moi": 3,
      },
      DEFAULT_CATALOGUE,
    );
    const context = {
      catalogue: DEFAULT_CATALOGUE,
      figures,
      evaluated: evaluateIndicators(figures, DEFAULT_CATALOGUE),
      compared: [],
    };
    expect(fillTemplate(context, "Nhiều hồ sơ mới nhất: {bang:tthc_lv:moi}.")).toEqual([
      {
        text: "Nhiều hồ sơ mới nhất: Hộ tịch (60 hồ sơ), Đất đai (40 hồ sơ), Thi đua, khen thưởng (3 hồ sơ).",
      },
    ]);
    expect(fillTemplate(context, "{bang:tthc_lv:qua_han}")).toEqual([
      { text: "[chưa có số liệu: Hồ sơ TTHC theo lĩnh vực, cột Quá hạn]", highlight: true },
    ]);
  });

  it("refuses an unknown table or column in the outline, with its path", () => {
    const bad: CatalogueFile = {
      ...FILE,
      outline: {
        parts: [{ heading: "3. TTHC", paragraphs: ["{bang:khong_co:moi} {bang:tthc_lv:khong_co}"] }],
      },
    };
    expect(dataProblems(bad).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'outline.parts[0].paragraphs[0]: {bang:…} dùng bảng "khong_co" không có trong tables.',
      'outline.parts[0].paragraphs[0]: {bang:…} dùng cột "khong_co" không có trong bảng "tthc_lv".',
    ]);
  });
});

describe("upgrading to a form with tables", () => {
  it("upgrades xa-2025 2025.2 to the current version keeping every typed figure, the tables' sheet added", () => {
    const sample = sampleOf("xa-2025")!.figures;
    const before = planInstall({ sheetNames: [], sheets: new Map() }, { catalogue: XA_2025_2, sample: true });
    const typed = figuresOfPlans(before.sheets, XA_2025_2);
    expect(typed.get("hs_tiepnhan")?.value).toEqual({ type: "number", value: sample.hs_tiepnhan });
    const after = planInstall(workbookOf(before.sheets));
    expect(after.summary).toMatchObject({ fromVersion: "2025.2", toVersion: "2025.4", dropped: [] });
    expect(after.summary.added).toEqual(["3a. TTHC theo lĩnh vực"]);
    const kept = figuresOfPlans(after.sheets, DEFAULT_CATALOGUE);
    for (const [id, figure] of typed) expect([id, kept.get(id)?.value]).toEqual([id, figure.value]);
    expect(kept.get("tthc_lv.dat_dai.moi")?.value).toEqual({ type: "blank" });
  });

  it("keeps every typed cell with its row and column when a version adds a row and inserts a column", () => {
    const v1 = DEFAULT_CATALOGUE;
    const [field, authority] = v1.tables!;
    const v2 = catalogueFromFile({
      ...FILE,
      version: "2025.4",
      tables: [
        {
          ...field,
          rows: [...field.rows.slice(0, 2), { id: "tu_phap", label: "Tư pháp" }, ...field.rows.slice(2)],
          // «Trong đó qua bưu chính» dropped; «Trong đó dịch vụ bưu chính công ích» inserted first.
          columns: [
            { id: "bccI", label: "Bưu chính công ích", group: "Tiếp nhận" },
            ...field.columns.filter((c) => c.id !== "buu_chinh"),
          ].map((c) => ({ ...c, id: c.id.toLowerCase() })),
        },
        authority,
      ],
    });
    const plans = planInstall({ sheetNames: [], sheets: new Map() }, { catalogue: v1 }).sheets;
    const typed: Record<string, number | string> = {
      "tthc_lv.dat_dai.moi": 40,
      "tthc_lv.ho_tich.truoc_han": 7,
      "tthc_lv.y_te.da_qua_han": 1,
      "tthc_lv.ho_tich.buu_chinh": 3,
      "tthc_lv.x1": "Nội vụ",
      "tthc_lv.x1.moi": 2,
    };
    for (const [id, value] of Object.entries(typed)) cellOf(plans, inputName(id)).value = value;
    // The workbook as an adapter reads it: the names pointing at the cells laid out by v1.
    const names = new Map(
      plans.flatMap((p) => p.names.map((n) => [n.name, `'${p.name}'!$${n.address}`] as const)),
    );
    const upgraded = planInstall({ ...workbookOf(plans), names }, { catalogue: v2 });
    const kept = figuresOfPlans(upgraded.sheets, v2);
    for (const id of Object.keys(typed).filter((id) => !id.endsWith("buu_chinh")))
      expect([id, kept.get(id)?.value]).toEqual([
        id,
        typeof typed[id] === "number"
          ? { type: "number", value: typed[id] }
          : { type: "text", value: typed[id] },
      ]);
    expect(kept.get("tthc_lv.tu_phap.moi")?.value).toEqual({ type: "blank" });
    expect(kept.get("tthc_lv.dat_dai.bcci")?.value).toEqual({ type: "blank" });
    expect(upgraded.summary.dropped).toEqual([
      {
        id: "tthc_lv.ho_tich.buu_chinh",
        label: "Hồ sơ TTHC theo lĩnh vực: Hộ tịch – Tiếp nhận: Trong đó qua bưu chính",
      },
    ]);
    const dropped = upgraded.sheets.find((s) => s.key === DROPPED_SHEET.key)!;
    expect(gridOf(dropped).slice(3)).toEqual([
      [
        "tthc_lv.ho_tich.buu_chinh",
        "Hồ sơ TTHC theo lĩnh vực: Hộ tịch – Tiếp nhận: Trong đó qua bưu chính",
        3,
        null,
        "2025.4",
      ],
    ]);
  });
});

describe("a table through the Office.js adapter", () => {
  const book = new FakeWorkbook();

  it("installs in two syncs, reads the typed cells in one, and checks the column sums", async () => {
    const install = await book.run((context) => installSheets(context, { catalogue: DEFAULT_CATALOGUE }));
    expect(install.syncs).toBe(2);
    const typed: Record<string, number | string> = {
      co_quan: "UBND XÃ AN BÌNH",
      ky_bao_cao: "Quý III",
      nam: 2025,
      hs_moi: 50,
      "tthc_lv.dat_dai.moi": 40,
      "tthc_lv.x2": "Nội vụ",
      "tthc_lv.x2.moi": 4,
    };
    for (const [id, value] of Object.entries(typed)) book.type(inputName(id), value);
    const { result, syncs } = await book.run((context) =>
      readWorkbook(context, { catalogue: DEFAULT_CATALOGUE }),
    );
    expect(syncs).toBe(1);
    expect(result.figures.get("tthc_lv.dat_dai.moi")?.value).toEqual({ type: "number", value: 40 });
    expect(result.figures.get("tthc_lv.x2")?.value).toEqual({ type: "text", value: "Nội vụ" });
    const check = await book.run((context) => checkWorkbook(context, { catalogue: DEFAULT_CATALOGUE }));
    expect(check.result.findings.filter((f) => f.checkId.startsWith("table:")).map((f) => f.message)).toEqual(
      [
        "Bảng «Hồ sơ TTHC theo lĩnh vực», cột «Tiếp nhận: Mới tiếp nhận»: cộng các dòng được 44, khác chỉ tiêu «Mới tiếp nhận trong kỳ» là 50 (lệch 6).",
      ],
    );
  });
});
