/**
 * The "Thông tin chung" block: issuing body, place, period, data period, number and date,
 * signer, recipients. It is the same for every form and belongs to the program, not to a
 * catalogue file (docs/catalogue-format.md), so its ids are reserved. Only the examples in the
 * input prompts follow the level (a district's body, or a commune's).
 */
import { PERIODS } from "../period";
import type { Catalogue, CatalogueLevel, CheckRule, Indicator, InputSheetDef, Section } from "./types";

export const INFO_SHEET: InputSheetDef = {
  key: "info",
  name: "Thông tin chung",
  title: "THÔNG TIN CHUNG CỦA BÁO CÁO",
};
export const INFO_SECTION: Section = { id: "0", number: "", title: "Thông tin chung", sheet: "info" };

/** Examples of the prompts, per level. */
const EXAMPLES: Record<
  CatalogueLevel,
  { superior: string; body: string; place: string; recipients: string }
> = {
  huyen: {
    superior: "UBND TỈNH HÀ TĨNH",
    body: "ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ",
    place: "Đức Thọ",
    recipients: "Sở Nội vụ; TT Huyện ủy, TT HĐND huyện; Lưu: VT, TC-NV",
  },
  xa: {
    superior: "UBND TỈNH HÀ TĨNH",
    body: "ỦY BAN NHÂN DÂN XÃ ĐỨC THỌ (hoặc PHƯỜNG …, ĐẶC KHU …)",
    place: "Đức Thọ",
    recipients: "Sở Nội vụ; TT Đảng ủy, TT HĐND xã; Lưu: VT, VP",
  },
  tinh: {
    superior: "",
    body: "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
    place: "Hà Tĩnh",
    recipients: "Bộ Nội vụ; TT Tỉnh ủy, TT HĐND tỉnh; Lưu: VT, NC",
  },
};

const text = (id: string, label: string, hint?: string): Indicator => ({
  id,
  label,
  unit: "",
  kind: "text",
  section: "0",
  ...(hint ? { hint } : {}),
});

/** The block's indicators for a catalogue of `level`. */
export function infoIndicators(level: CatalogueLevel): Indicator[] {
  const e = EXAMPLES[level];
  const periodHint = "Tự tính theo kỳ và năm (Nghị định 09/2019/NĐ-CP); có thể sửa.";
  return [
    text(
      "co_quan_cap_tren",
      "Cơ quan cấp trên (dòng trên tên cơ quan, có thể trống)",
      e.superior ? `Ví dụ: ${e.superior}. Để trống nếu không có.` : "Để trống nếu không có.",
    ),
    // The issuing body, the period and the year are required of every form: without them the
    // report has no heading, no period, no data window and no signature block.
    { ...text("co_quan", "Tên cơ quan ban hành", `Viết hoa, ví dụ: ${e.body}`), required: true },
    text("tinh", "Tỉnh"),
    text("dia_danh", "Địa danh ghi ngày tháng", `Ví dụ: ${e.place}`),
    {
      id: "ky_bao_cao",
      label: "Kỳ báo cáo",
      unit: "",
      kind: "choice",
      section: "0",
      choices: PERIODS,
      required: true,
    },
    {
      id: "nam",
      label: "Năm báo cáo",
      unit: "",
      kind: "count",
      section: "0",
      aggregate: "stock",
      required: true,
    },
    {
      id: "tu_ngay",
      label: "Số liệu tính từ ngày",
      unit: "",
      kind: "date",
      section: "0",
      derived: "TUNGAY",
      hint: periodHint,
    },
    {
      id: "den_ngay",
      label: "Số liệu tính đến ngày",
      unit: "",
      kind: "date",
      section: "0",
      derived: "DENNGAY",
      hint: periodHint,
    },
    text("so_ky_hieu", "Số, ký hiệu báo cáo", "Ví dụ: 125/BC-UBND"),
    { id: "ngay_ban_hanh", label: "Ngày ban hành báo cáo", unit: "", kind: "date", section: "0" },
    text("quyen_han_ky", "Thẩm quyền ký", "Ví dụ: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"),
    text("chuc_vu_ky", "Chức vụ người ký"),
    text("nguoi_ky", "Người ký"),
    text("noi_nhan", "Nơi nhận (các nơi cách nhau bởi dấu ;)", `Ví dụ: ${e.recipients}`),
  ];
}

/** The block's checks: the data period must not end before it starts. */
export const INFO_CHECKS: readonly CheckRule[] = [
  { type: "dateOrder", id: "dates:period", from: "tu_ngay", to: "den_ngay", severity: "error" },
];

/** Ids a catalogue file may not use: the block's, and the sheet key and section id it takes. */
export const RESERVED_IDS: ReadonlySet<string> = new Set(infoIndicators("xa").map((i) => i.id));
export const RESERVED_SHEET_KEY = INFO_SHEET.key;
export const RESERVED_SECTION_ID = INFO_SECTION.id;

/** The key of the input sheet holding Thông tin chung (issuing body, period, signer …). */
export const INFO_SHEET_KEY = INFO_SHEET.key;

/**
 * Whether an indicator belongs to Thông tin chung, which never adds up.
 * @param indicator any indicator of `catalogue`
 * @returns true when its section lies on the Thông tin chung sheet
 */
export function isInfo(indicator: Indicator, catalogue: Catalogue): boolean {
  const section = catalogue.sections.find((s) => s.id === indicator.section);
  return section?.sheet === INFO_SHEET_KEY;
}
