/**
 * Over units, the province the consolidating body speaks for, the place its report is dated at,
 * and the body above it. A Sở Nội vụ consolidates the communes of its own province, and each unit names that
 * province in its Thông tin chung («Tỉnh»); the result carries it, and dates its report at the
 * province's name, as a body of the provincial level must (Nghị định 30/2020/NĐ-CP, Phụ lục I,
 * phần I, mục II.4: the place name of a provincial body's document is the official name of its
 * province or centrally-run city, «Hà Tĩnh, ngày …»). Left blank, the result's report and Word
 * draft were dated «…, ngày …».
 */
import { unitKey } from "../identity";
import type { FigureCell } from "../figures";

/** «Tỉnh» or «Thành phố» opening a province's name as typed («tỉnh Hà Tĩnh», «TP. Hà Nội» …). */
const PROVINCE_WORD = /^(?:tỉnh|thành phố|tp\.?)\s+/iu;

/** A name as typed, in composed form (NFC), its white space runs one space, trimmed. */
const tidy = (typed: string) => typed.normalize("NFC").replace(/\s+/g, " ").trim();

/**
 * The place a provincial body dates its documents at: its province's own name, without
 * «tỉnh»/«thành phố», spacing tidied: «tỉnh  Hà Tĩnh» → «Hà Tĩnh», «Thành phố Huế» → «Huế».
 */
export function provincePlace(typed: string): string {
  return tidy(typed).replace(PROVINCE_WORD, "");
}

/**
 * The text every unit gives for `id` in its Thông tin chung, as the first unit that gives it typed
 * it (spacing tidied); units that leave it blank do not count. Undefined when no unit gives it,
 * or when two give different ones (`keyOf` says which are the same).
 */
function sharedAmong(
  units: Iterable<ReadonlyMap<string, FigureCell>>,
  id: string,
  keyOf: (typed: string) => string,
): string | undefined {
  let shared: { typed: string; key: string } | undefined;
  for (const figures of units) {
    const value = figures.get(id)?.value;
    if (value?.type !== "text") continue;
    const typed = tidy(value.value);
    const key = keyOf(typed);
    if (key === "") continue;
    if (!shared) shared = { typed, key };
    else if (shared.key !== key) return undefined;
  }
  return shared?.typed;
}

/**
 * The province every unit names («Tỉnh» in Thông tin chung, `figures.get("tinh")`), as the first
 * unit that names it typed it; see `sharedAmong`. Names are the same province whatever their
 * case, spacing, tone-mark placement or «tỉnh» word.
 */
export function sharedProvince(units: Iterable<ReadonlyMap<string, FigureCell>>): string | undefined {
  return sharedAmong(units, "tinh", (typed) => {
    const place = provincePlace(typed);
    return place === "" ? "" : unitKey(place);
  });
}

/**
 * The body above the consolidating one («Cơ quan cấp trên»): the one every unit names above
 * itself, «UBND TỈNH QUẢNG TRỊ» above its communes, which is the body a Sở Nội vụ of that province
 * answers to as well (Nghị định 30/2020/NĐ-CP, Phụ lục I, phần I, mục II.2: the name of the
 * body in charge above the issuing body's). None when the consolidating body is that body itself
 * (the province's People's Committee consolidating its communes), or when units name two.
 */
export function sharedSuperior(
  units: Iterable<ReadonlyMap<string, FigureCell>>,
  consolidatingBody: string | undefined,
): string | undefined {
  const superior = sharedAmong(units, "co_quan_cap_tren", (typed) => unitKey(typed));
  if (superior === undefined) return undefined;
  return consolidatingBody && unitKey(consolidatingBody) === unitKey(superior) ? undefined : superior;
}
