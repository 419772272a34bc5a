/**
 * A small test catalogue for consolidation (unlike the built-ins: its own sheet, flows and
 * stocks, both ratio functions, money, text and choice rows) and workbooks of it as an adapter
 * would hand them to the core.
 */
import { DEFAULT_CATALOGUE, type Catalogue, type Indicator } from "../../src/core/catalogue";
import { typeFigures, type ReadWorkbook } from "../../src/core/consolidate";
import { figuresFromValues } from "../../src/core/figures";
import { planInstall } from "../../src/core/install";
import { builtInCatalogue, type CatalogueResolver } from "../../src/xlsx/figureReader/catalogue";
import { writeConsolidatedWorkbook } from "../../src/xlsx/node/writeConsolidated";

const INFO = DEFAULT_CATALOGUE.indicators.filter((i) => i.section === "0");

const row = (
  id: string,
  label: string,
  unit: string,
  kind: Indicator["kind"],
  extra: Partial<Indicator> = {},
): Indicator => ({
  id,
  label,
  unit,
  kind,
  section: "t1",
  ...extra,
});

export const TEST_CATALOGUE: Catalogue = {
  id: "tinh-thu-xa",
  version: "2026.1",
  title: "Mẫu thử tổng hợp (cấp xã)",
  level: "xa",
  sheets: [DEFAULT_CATALOGUE.sheets[0], { key: "tt", name: "Số liệu thử", title: "SỐ LIỆU THỬ TỔNG HỢP" }],
  sections: [
    DEFAULT_CATALOGUE.sections[0],
    { id: "t1", number: "1", title: "Thủ tục hành chính", sheet: "tt" },
    { id: "t2", number: "2", title: "Biên chế", sheet: "tt" },
  ],
  indicators: [
    ...INFO,
    row("hs_nhan", "Số hồ sơ tiếp nhận", "hồ sơ", "count"),
    row("hs_dunghan", "Giải quyết đúng hạn", "hồ sơ", "count", { parent: "hs_nhan" }),
    row("hs_quahan", "Giải quyết quá hạn", "hồ sơ", "count", { parent: "hs_nhan" }),
    row("hs_tyle", "Tỷ lệ đúng hạn", "%", "ratio", {
      formula: { fn: "DUNGHAN", args: ["hs_dunghan", "hs_quahan"] },
    }),
    row("kinh_phi", "Kinh phí CCHC", "triệu đồng", "money"),
    row("mo_hinh", "Mô hình mới", "", "text"),
    row("bien_che", "Biên chế được giao", "người", "count", { section: "t2", aggregate: "stock" }),
    row("co_mat", "Có mặt", "người", "count", { section: "t2", aggregate: "stock", parent: "bien_che" }),
    row("co_mat_tyle", "Tỷ lệ có mặt", "%", "ratio", {
      section: "t2",
      formula: { fn: "TYLE", args: ["co_mat", "bien_che"] },
    }),
    row("mot_cua", "Bộ phận một cửa", "", "choice", { section: "t2", choices: ["Có", "Không"] }),
  ],
  checks: [
    { type: "partOfWhole", id: "part:hs_dunghan", part: "hs_dunghan", whole: "hs_nhan", severity: "error" },
    {
      type: "notAbove",
      id: "quota:co_mat",
      value: "co_mat",
      limit: "bien_che",
      severity: "warning",
      what: "Số có mặt vượt số được giao",
    },
  ],
  criteria: [{ code: "TC_DUNGHAN", label: "Tỷ lệ đúng hạn", max: 2, method: 0, rateFrom: "hs_tyle" }],
};

/** A workbook of `catalogue` as read: the unit's name, its period, its figures. */
export function unitWorkbook(
  source: string,
  values: Readonly<Record<string, unknown>>,
  catalogue: Catalogue = TEST_CATALOGUE,
): ReadWorkbook {
  return { ok: true, source, catalogue, figures: figuresFromValues(values, catalogue), documents: [] };
}

/** Three communes of Quý III/2026: A clean, B with a warning (staff above quota), C with an error. */
export const THREE_UNITS: ReadonlyArray<Record<string, string | number>> = [
  {
    co_quan: "UBND XÃ AN BÌNH",
    ky_bao_cao: "Quý III",
    nam: 2026,
    hs_nhan: 100,
    hs_dunghan: 90,
    hs_quahan: 10,
    kinh_phi: 1.5,
    mo_hinh: "Một cửa số",
    bien_che: 20,
    co_mat: 18,
    mot_cua: "Có",
  },
  {
    co_quan: "UBND PHƯỜNG BẮC SƠN",
    ky_bao_cao: "Quý III",
    nam: 2026,
    hs_nhan: 50,
    hs_dunghan: 30,
    hs_quahan: 20,
    kinh_phi: 2.25,
    bien_che: 10,
    co_mat: 11,
    mot_cua: "Có",
  },
  {
    co_quan: "UBND XÃ CẨM HÀ",
    ky_bao_cao: "Quý III",
    nam: 2026,
    hs_nhan: 40,
    hs_dunghan: 45,
    hs_quahan: 0,
    kinh_phi: 0.1,
    bien_che: 15,
    co_mat: 15,
    mot_cua: "Không",
  },
];

/** Finds the test catalogue (and the built-ins) from a workbook's meta, as the reader would. */
export const resolveTestCatalogue: CatalogueResolver = (meta, rows) =>
  meta.templateId === TEST_CATALOGUE.id
    ? { ...TEST_CATALOGUE, version: meta.version }
    : builtInCatalogue(meta, rows);

/** Writes a workbook of `catalogue` holding `values`, as a unit would send it. */
export async function writeUnitFile(
  file: string,
  values: Readonly<Record<string, string | number | null>>,
  catalogue: Catalogue = TEST_CATALOGUE,
): Promise<void> {
  const plans = planInstall({ sheetNames: [], sheets: new Map() }, { catalogue }).sheets;
  typeFigures(plans, { catalogue, values });
  await writeConsolidatedWorkbook(plans, file, { overwrite: true });
}
