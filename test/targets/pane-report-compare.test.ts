/**
 * «So sánh với kỳ trước» through the pane's Office.js operations over the fake Excel (issue 21):
 * the earlier workbook's bytes read by the consolidation's reader, Phụ lục I written with its
 * «Cùng kỳ năm trước» columns and the change in the report's one read and one write sync; a
 * workbook of another unit refused with its reason, nothing written.
 */
import * as path from "path";
import { DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import { SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { describeError } from "../../src/taskpane/errors";
import type { PaneOperations } from "../../src/taskpane/operations";
import { installedWorkbook } from "../excel/support";
import type { FakeWorkbook } from "../fakes/fakeExcel";
import { closePane, openPane, pickedFile } from "../support/paneOverFake";
import { writeUnitFile } from "../support/consolidation";
import { makeTempDir, removeTempDir } from "../support/xlsx";

let dir: string;
let syncs: number[];

/** The pane over `book`; `syncs` then counts each Excel.run's syncs. */
function open(book: FakeWorkbook): PaneOperations {
  const pane = openPane(book);
  syncs = pane.syncs;
  return pane.operations;
}

const picked = pickedFile;

const sample = SAMPLE_FIGURES as Record<string, string | number | null>;

beforeAll(async () => {
  dir = makeTempDir("cchc-pane-compare-");
  // Đức Thọ's Quý III 2020: 1105 dossiers (1117 in the 2021 sample).
  await writeUnitFile(
    path.join(dir, "2020.xlsx"),
    { ...sample, nam: 2020, hs_tong: 1105 },
    DISTRICT_CATALOGUE,
  );
  await writeUnitFile(
    path.join(dir, "can-loc.xlsx"),
    { ...sample, nam: 2020, co_quan: "ỦY BAN NHÂN DÂN HUYỆN CAN LỘC" },
    DISTRICT_CATALOGUE,
  );
}, 120_000);
afterAll(() => {
  closePane();
  removeTempDir(dir);
});

it("writes Phụ lục I with last year's figures and the change, in one read and one write sync", async () => {
  const book = await installedWorkbook({ sample: true });
  const operations = open(book);
  const result = await operations.report([picked(path.join(dir, "2020.xlsx"))]);
  expect(result.sheets).toEqual(["Phụ lục I"]);
  expect(syncs).toEqual([2]);
  const ref = book.refOf("BC_HS_TONG");
  const row = ref.replace(/^.*!D/, "");
  const at = (column: string) => book.valueOf(`'Phụ lục I'!${column}${row}`);
  // D the report's 1117, E last year's 1105, F the change: 12 more (12/1105 = 1,09 %).
  expect([at("D"), at("E"), at("F")]).toEqual([1117, 1105, "tăng 12 (+1,09%)"]);
  const header = [...book.sheet("Phụ lục I").cells.entries()]
    .filter(([, cell]) => cell.value === "Cùng kỳ năm trước (năm 2020)")
    .map(([address]) => address);
  expect(header).toHaveLength(1);
  expect(book.sheet("Phụ lục I").page).toMatchObject({ orientation: "Landscape" });
});

it("refuses another unit's workbook with its reason, writing nothing", async () => {
  const book = await installedWorkbook({ sample: true });
  const operations = open(book);
  const error = await operations.report([picked(path.join(dir, "can-loc.xlsx"))]).catch((e: unknown) => e);
  expect(describeError(error)).toBe(
    'Không so sánh được với tệp "can-loc.xlsx": tệp là báo cáo của «ỦY BAN NHÂN DÂN HUYỆN CAN LỘC», khác đơn vị «ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ» của báo cáo.',
  );
  expect(book.sheetNames()).not.toContain("Phụ lục I");
});
