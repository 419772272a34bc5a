/**
 * The test province's form (tinh-thu-xa v1) with rows nested three levels deep and required
 * rows, as a one-stop section of a 2025 ward report reads: «Hồ sơ đã nhận / Từ kỳ trước / Mới
 * tiếp nhận / Trực tuyến / Trong đó toàn trình / Trực tiếp». The deepest row is listed last in
 * the file, after unrelated rows, so print order (each row under its own parent) is tested too.
 */
import * as fs from "fs";
import * as path from "path";
import type { CatalogueFile, IndicatorFile } from "../../src/core/catalogue";

const V1 = path.join(__dirname, "..", "fixtures", "catalogues", "tinh-thu-xa.v1.json");

const count = (id: string, label: string, parent: string): IndicatorFile => ({
  id,
  label,
  unit: "hồ sơ",
  kind: "count",
  section: "I",
  parent,
});

/** The nested form as a catalogue file (a fresh object each call). */
export function nestedForm(): CatalogueFile {
  const file = JSON.parse(fs.readFileSync(V1, "utf8")) as CatalogueFile;
  const at = file.indicators.findIndex((i) => i.id === "hs_nhan");
  file.indicators[at] = { ...file.indicators[at], required: true };
  file.indicators.splice(
    at + 1,
    0,
    count("hs_kytruoc", "Từ kỳ trước chuyển sang", "hs_nhan"),
    count("hs_moi", "Mới tiếp nhận", "hs_nhan"),
    count("hs_tructuyen", "Trực tuyến", "hs_moi"),
    count("hs_tructiep", "Trực tiếp", "hs_moi"),
  );
  // Listed after the ratios of the section: printed under «Trực tuyến» all the same.
  const lastOfSection = file.indicators.map((i) => i.section).lastIndexOf("I");
  file.indicators.splice(lastOfSection + 1, 0, count("hs_toantrinh", "Trong đó toàn trình", "hs_tructuyen"));
  const budget = file.indicators.find((i) => i.id === "tc_dutoan")!;
  budget.required = true;
  return file;
}

/** Section I of the nested form as every listing prints it: id, STT, level. */
export const SECTION_I: ReadonlyArray<[string, string, number]> = [
  ["hs_nhan", "I.1", 0],
  ["hs_kytruoc", "a)", 1],
  ["hs_moi", "b)", 1],
  ["hs_tructuyen", "-", 2],
  ["hs_toantrinh", "+", 3],
  ["hs_tructiep", "-", 2],
  ["hs_xong", "I.2", 0],
  ["hs_som", "a)", 1],
  ["hs_dung", "b)", 1],
  ["hs_tre", "c)", 1],
  ["hs_dang", "I.3", 0],
  ["hs_huy", "I.4", 0],
  ["ty_kip", "I.5", 0],
  ["ty_khongtre", "I.6", 0],
];

/** The nested rows' figures a ward types, beside the province's `TYPED`. */
export const NESTED_TYPED: Record<string, number> = {
  hs_kytruoc: 20,
  hs_moi: 180,
  hs_tructuyen: 120,
  hs_toantrinh: 45,
  hs_tructiep: 60,
};
