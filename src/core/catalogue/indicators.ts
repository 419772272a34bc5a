/**
 * The default indicator catalogue (district level), from the Đức Thọ Q3/2021 report. This is
 * the only list of indicators in the project: sheets, checks, functions' formulas and report
 * rows are all derived from it. A province with other rows edits this data, not the program.
 */
import { PERIODS } from "../period";
import type { Indicator, IndicatorKind, InputSheetDef, Level, Section } from "./types";

export const INPUT_SHEETS: readonly InputSheetDef[] = [
  { key: "info", name: "Thông tin chung", title: "THÔNG TIN CHUNG CỦA BÁO CÁO" },
  { key: "s1", name: "1. Chỉ đạo điều hành", title: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC" },
  { key: "s2", name: "2-3. Thể chế, TTHC", title: "CẢI CÁCH THỂ CHẾ VÀ THỦ TỤC HÀNH CHÍNH" },
  { key: "s4", name: "4-5. Bộ máy, công vụ", title: "CẢI CÁCH TỔ CHỨC BỘ MÁY VÀ CÔNG VỤ" },
  { key: "s6", name: "6-7. Tài chính, CPĐT", title: "CẢI CÁCH TÀI CHÍNH CÔNG, CHÍNH PHỦ ĐIỆN TỬ" },
  { key: "s8", name: "8-11. Kinh tế", title: "CHỈ TIÊU KINH TẾ GẮN VỚI CCHC" },
];

export const SECTIONS: readonly Section[] = [
  { id: "0", number: "", title: "Thông tin chung", sheet: "info" },
  { id: "1", number: "1", title: "Công tác chỉ đạo, điều hành CCHC", sheet: "s1" },
  { id: "2", number: "2", title: "Cải cách thể chế", sheet: "s2" },
  { id: "3", number: "3", title: "Cải cách thủ tục hành chính", sheet: "s2" },
  { id: "4", number: "4", title: "Cải cách tổ chức bộ máy", sheet: "s4" },
  { id: "5", number: "5", title: "Cải cách công vụ", sheet: "s4" },
  { id: "6", number: "6", title: "Cải cách tài chính công", sheet: "s6" },
  { id: "7", number: "7", title: "Xây dựng và phát triển chính phủ điện tử", sheet: "s6" },
  { id: "8", number: "8", title: "Mức độ thu hút đầu tư", sheet: "s8" },
  { id: "9", number: "9", title: "Tỷ lệ doanh nghiệp thành lập mới", sheet: "s8" },
  { id: "10", number: "10", title: "Đóng góp của doanh nghiệp vào thu ngân sách", sheet: "s8" },
  { id: "11", number: "11", title: "Thực hiện thu ngân sách", sheet: "s8" },
];

type Extra = Partial<Pick<Indicator, "parent" | "formula" | "choices" | "derived" | "hint" | "level">>;

function row(
  section: string,
  id: string,
  label: string,
  unit: string,
  kind: IndicatorKind,
  extra: Extra = {},
): Indicator {
  const level: Level = extra.level ?? "HX";
  return { id, label, unit, kind, section, ...extra, level };
}

const count = (s: string, id: string, label: string, unit: string, extra?: Extra) =>
  row(s, id, label, unit, "count", extra);
const part = (s: string, parent: string, id: string, label: string, unit: string, extra?: Extra) =>
  row(s, id, label, unit, "count", { parent, ...extra });
const tyle = (s: string, id: string, label: string, num: string, den: string, extra?: Extra) =>
  row(s, id, label, "%", "ratio", { formula: { fn: "TYLE", args: [num, den] }, ...extra });

/** The eight areas of the CCHC plan: [suffix, label]. */
const AREAS: ReadonlyArray<readonly [string, string]> = [
  ["cd", "Chỉ đạo điều hành CCHC"],
  ["tc", "Cải cách thể chế"],
  ["tthc", "Cải cách thủ tục hành chính"],
  ["tcbm", "Cải cách tổ chức bộ máy"],
  ["cv", "Cải cách công vụ"],
  ["tcc", "Cải cách tài chính công"],
  ["cpdt", "Xây dựng và phát triển chính phủ điện tử"],
  ["dn", "Thành lập doanh nghiệp"],
];

export const AREA_TOTALS = AREAS.map(([a]) => `kh_${a}_tong`);
export const AREA_DONE = AREAS.map(([a]) => `kh_${a}_ht`);

const INFO: Indicator[] = [
  row("0", "co_quan_cap_tren", "Cơ quan cấp trên (dòng trên tên cơ quan, có thể trống)", "", "text", {
    hint: "Ví dụ: UBND TỈNH HÀ TĨNH. Để trống nếu không có.",
  }),
  row("0", "co_quan", "Tên cơ quan ban hành", "", "text", {
    hint: "Viết hoa, ví dụ: ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ",
  }),
  row("0", "tinh", "Tỉnh", "", "text"),
  row("0", "dia_danh", "Địa danh ghi ngày tháng", "", "text", { hint: "Ví dụ: Đức Thọ" }),
  row("0", "ky_bao_cao", "Kỳ báo cáo", "", "choice", { choices: PERIODS }),
  row("0", "nam", "Năm báo cáo", "", "count"),
  row("0", "tu_ngay", "Số liệu tính từ ngày", "", "date", {
    derived: "TUNGAY",
    hint: "Tự tính theo kỳ và năm (Nghị định 09/2019/NĐ-CP); có thể sửa.",
  }),
  row("0", "den_ngay", "Số liệu tính đến ngày", "", "date", {
    derived: "DENNGAY",
    hint: "Tự tính theo kỳ và năm (Nghị định 09/2019/NĐ-CP); có thể sửa.",
  }),
  row("0", "so_ky_hieu", "Số, ký hiệu báo cáo", "", "text", { hint: "Ví dụ: 125/BC-UBND" }),
  row("0", "ngay_ban_hanh", "Ngày ban hành báo cáo", "", "date"),
  row("0", "quyen_han_ky", "Thẩm quyền ký", "", "text", {
    hint: "Ví dụ: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH",
  }),
  row("0", "chuc_vu_ky", "Chức vụ người ký", "", "text"),
  row("0", "nguoi_ky", "Người ký", "", "text"),
  row("0", "noi_nhan", "Nơi nhận (các nơi cách nhau bởi dấu ;)", "", "text", {
    hint: "Ví dụ: Sở Nội vụ; TT Huyện ủy, TT HĐND huyện; Lưu: VT, TC-NV",
  }),
];

const S1: Indicator[] = [
  count("1", "kh_tong", "Số nhiệm vụ trong kế hoạch CCHC năm", "nhiệm vụ"),
  ...AREAS.map(([a, label]) => part("1", "kh_tong", `kh_${a}_tong`, label, "nhiệm vụ")),
  count("1", "kh_hoanthanh", "Số nhiệm vụ đã hoàn thành", "nhiệm vụ"),
  ...AREAS.map(([a, label]) => part("1", "kh_hoanthanh", `kh_${a}_ht`, label, "nhiệm vụ")),
  tyle("1", "kh_tyle", "Tỷ lệ hoàn thành kế hoạch", "kh_hoanthanh", "kh_tong"),
  ...AREAS.map(([a, label]) =>
    tyle("1", `kh_${a}_tyle`, label, `kh_${a}_ht`, `kh_${a}_tong`, { parent: "kh_tyle" }),
  ),
  count("1", "vb_chidao", "Số văn bản chỉ đạo, điều hành CCHC ban hành trong kỳ", "văn bản"),
  count("1", "kt_donvi", "Số cơ quan, đơn vị được kiểm tra CCHC", "đơn vị", { level: "H" }),
  count("1", "tg_tong", "Nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao trong kỳ", "nhiệm vụ"),
  part("1", "tg_tong", "tg_dunghan", "Hoàn thành đúng hạn", "nhiệm vụ"),
  part("1", "tg_tong", "tg_quahan", "Hoàn thành quá hạn", "nhiệm vụ"),
  part("1", "tg_tong", "tg_chuaht", "Chưa hoàn thành", "nhiệm vụ"),
  tyle("1", "tg_tyle", "Tỷ lệ nhiệm vụ tỉnh giao hoàn thành đúng hạn", "tg_dunghan", "tg_tong"),
  count("1", "tgn_tong", "Nhiệm vụ tỉnh giao, lũy kế từ đầu năm", "nhiệm vụ"),
  part("1", "tgn_tong", "tgn_dunghan", "Hoàn thành đúng hạn (lũy kế)", "nhiệm vụ"),
  part("1", "tgn_tong", "tgn_quahan", "Hoàn thành quá hạn (lũy kế)", "nhiệm vụ"),
  tyle("1", "tgn_tyle", "Tỷ lệ nhiệm vụ tỉnh giao đúng hạn, lũy kế", "tgn_dunghan", "tgn_tong"),
];

const S2: Indicator[] = [
  count("2", "qppl_banhanh", "Số văn bản QPPL được ban hành", "văn bản"),
  count("2", "qppl_kiemtra", "Số văn bản QPPL được tự kiểm tra, kiểm tra", "văn bản"),
  count("2", "qppl_raosoat", "Số văn bản QPPL được rà soát", "văn bản"),
  count("2", "qppl_gopy", "Số dự thảo văn bản QPPL của cấp trên được góp ý", "văn bản"),
  count("2", "vphc_vu", "Số vụ vi phạm hành chính bị xử phạt", "vụ"),
  row("2", "vphc_tien", "Tổng số tiền xử phạt", "đồng", "money"),
  part("2", "vphc_vu", "vphc_qd_huyen", "Số quyết định xử phạt do UBND huyện ban hành", "quyết định", {
    level: "H",
  }),
  row("2", "vphc_tien_huyen", "Số tiền xử phạt theo quyết định của UBND huyện", "đồng", "money", {
    parent: "vphc_tien",
    level: "H",
  }),
  count("2", "pbgdpl_tailieu", "Số tờ rơi, tài liệu phổ biến pháp luật phát hành", "tờ"),
  count("2", "pbgdpl_cuoc", "Số cuộc tuyên truyền, phổ biến, giáo dục pháp luật", "cuộc"),
  count("2", "pbgdpl_nguoi", "Số lượt người tham dự", "người"),
];

const S3: Indicator[] = [
  count("3", "tthc_congbo", "Số TTHC công bố mới, niêm yết trong kỳ", "thủ tục"),
  count("3", "tthc_baibo", "Số TTHC bị bãi bỏ", "thủ tục"),
  count("3", "pakn_tiepnhan", "Số phản ánh, kiến nghị tiếp nhận", "phản ánh"),
  count("3", "pakn_xuly", "Số phản ánh, kiến nghị đã xử lý", "phản ánh"),
  count("3", "hs_tong", "Tổng số hồ sơ TTHC yêu cầu giải quyết", "hồ sơ"),
  part("3", "hs_tong", "hs_moi", "Số mới tiếp nhận", "hồ sơ"),
  part("3", "hs_tong", "hs_kytruoc", "Số từ kỳ trước chuyển sang", "hồ sơ"),
  count("3", "hs_dagq", "Số hồ sơ đã giải quyết", "hồ sơ"),
  part("3", "hs_dagq", "hs_dagq_dunghan", "Giải quyết đúng hạn", "hồ sơ"),
  part("3", "hs_dagq", "hs_dagq_quahan", "Giải quyết quá hạn", "hồ sơ"),
  count("3", "hs_danggq", "Số hồ sơ đang giải quyết", "hồ sơ"),
  part("3", "hs_danggq", "hs_danggq_tronghan", "Chưa đến hạn", "hồ sơ"),
  part("3", "hs_danggq", "hs_danggq_quahan", "Đã quá hạn", "hồ sơ"),
  count("3", "hs_rut_tralai", "Số hồ sơ rút, trả lại, chuyển cơ quan khác", "hồ sơ"),
  tyle("3", "hs_tyle_dunghan", "Tỷ lệ hồ sơ giải quyết đúng hạn", "hs_dagq_dunghan", "hs_dagq"),
  count("3", "hsn_tiepnhan", "Hồ sơ tiếp nhận tại Trung tâm hành chính công, lũy kế từ đầu năm", "hồ sơ"),
  part("3", "hsn_tiepnhan", "hsn_dunghan", "Giải quyết đúng hạn (lũy kế)", "hồ sơ"),
  part("3", "hsn_tiepnhan", "hsn_quahan", "Giải quyết quá hạn (lũy kế)", "hồ sơ"),
  part("3", "hsn_tiepnhan", "hsn_dangxl", "Đang xử lý trong hạn (lũy kế)", "hồ sơ"),
  row("3", "hsn_tyle", "Tỷ lệ hồ sơ giải quyết đúng hạn, lũy kế", "%", "ratio", {
    formula: { fn: "DUNGHAN", args: ["hsn_dunghan", "hsn_quahan"] },
  }),
];

const S4: Indicator[] = [
  count("4", "bc_huyen_giao", "Biên chế công chức huyện được giao", "người", { level: "H" }),
  part("4", "bc_huyen_giao", "bc_huyen_comat", "Có mặt tại thời điểm báo cáo", "người", { level: "H" }),
  part("4", "bc_huyen_giao", "bc_huyen_hd68", "Trong đó hợp đồng theo NĐ 68/2000/NĐ-CP", "người", {
    level: "H",
  }),
  part("4", "bc_huyen_giao", "bc_huyen_tinhgian", "Tinh giản trong kỳ", "người", { level: "H" }),
  count("4", "bc_xa_giao", "Cán bộ, công chức cấp xã được giao", "người"),
  part("4", "bc_xa_giao", "bc_xa_comat", "Có mặt", "người"),
  count("4", "dvsn_so", "Số đơn vị sự nghiệp công lập thuộc UBND huyện", "đơn vị", { level: "H" }),
  count("4", "dvsn_giao", "Số người làm việc được giao tại ĐVSN", "người", { level: "H" }),
  part("4", "dvsn_giao", "dvsn_comat", "Có mặt", "người", { level: "H" }),
  part("4", "dvsn_giao", "dvsn_tinhgian", "Tinh giản trong kỳ", "người", { level: "H" }),
  count("4", "gd_giao", "Số người làm việc sự nghiệp giáo dục được giao", "người", { level: "H" }),
  part("4", "gd_giao", "gd_comat", "Có mặt", "người", { level: "H" }),
  part("4", "gd_giao", "gd_tinhgian", "Tinh giản trong kỳ", "người", { level: "H" }),
];

const S5: Indicator[] = [
  count("5", "bn_moi", "Số người được bổ nhiệm mới", "người"),
  count("5", "bn_lai", "Số người được bổ nhiệm lại", "người"),
  count("5", "lc_tong", "Số viên chức được luân chuyển", "người", { level: "H" }),
  part("5", "lc_tong", "lc_ngoaihuyen", "Chuyển đi ngoài huyện", "người", { level: "H" }),
  part("5", "lc_tong", "lc_noihuyen", "Luân chuyển trong huyện", "người", { level: "H" }),
  count("5", "tiepnhan_moi", "Số người được tiếp nhận mới", "người"),
  count("5", "bietphai", "Số người được biệt phái", "người"),
  count("5", "dt_kehoach", "Số người theo kế hoạch đào tạo, bồi dưỡng năm", "người"),
  count("5", "dt_dacu", "Số người đã cử đi đào tạo, bồi dưỡng", "người"),
  tyle("5", "dt_tyle", "Tỷ lệ thực hiện kế hoạch đào tạo, bồi dưỡng", "dt_dacu", "dt_kehoach"),
  count("5", "cdvt_thuchien", "Số người đã chuyển đổi vị trí công tác", "người"),
];

/** Autonomy is assigned by the district (NĐ 130/2005, NĐ 43/2006): no commune figure. */
const S6: Indicator[] = [
  count("6", "tc_qlnn_tuchu", "Cơ quan QLNN, xã được giao tự chủ (NĐ 130/2005/NĐ-CP)", "đơn vị", {
    level: "H",
  }),
  part("6", "tc_qlnn_tuchu", "tc_qlnn_coquan", "Cơ quan", "đơn vị", { level: "H" }),
  part("6", "tc_qlnn_tuchu", "tc_qlnn_xa", "Xã, thị trấn", "đơn vị", { level: "H" }),
  part(
    "6",
    "tc_qlnn_tuchu",
    "tc_qlnn_quyche",
    "Đã ban hành quy chế chi tiêu nội bộ, quản lý tài sản công",
    "đơn vị",
    { level: "H" },
  ),
  count("6", "tc_dang", "Đơn vị Đảng được giao tự chủ", "đơn vị", { level: "H" }),
  count("6", "tc_doanthe", "Đoàn thể được giao tự chủ", "đơn vị", { level: "H" }),
  count("6", "tc_dvsn_tuchu", "Đơn vị sự nghiệp công lập được giao tự chủ tài chính", "đơn vị", {
    level: "H",
  }),
  part("6", "tc_dvsn_tuchu", "tc_dvsn_coquan", "Cơ quan", "đơn vị", { level: "H" }),
  part("6", "tc_dvsn_tuchu", "tc_dvsn_truong", "Trường học", "đơn vị", { level: "H" }),
  part("6", "tc_dvsn_tuchu", "tc_dvsn_hoantoan", "Tự chủ hoàn toàn kinh phí", "đơn vị", { level: "H" }),
  part("6", "tc_dvsn_tuchu", "tc_dvsn_motphan", "Tự chủ một phần kinh phí", "đơn vị", { level: "H" }),
  part("6", "tc_dvsn_tuchu", "tc_dvsn_nnbd", "Nhà nước bảo đảm chi thường xuyên", "đơn vị", { level: "H" }),
  part("6", "tc_dvsn_tuchu", "tc_dvsn_quyche", "Đã ban hành quy chế chi tiêu nội bộ", "đơn vị", {
    level: "H",
  }),
];

const S7: Indicator[] = [
  count("7", "dvc_m3", "Số dịch vụ công trực tuyến mức độ 3", "dịch vụ"),
  part("7", "dvc_m3", "dvc_m3_huyen", "Cấp huyện", "dịch vụ", { level: "H" }),
  part("7", "dvc_m3", "dvc_m3_xa", "Cấp xã (mỗi xã)", "dịch vụ"),
  count("7", "dvc_m4", "Số dịch vụ công trực tuyến mức độ 4", "dịch vụ"),
  count("7", "dvc_hoso", "Số hồ sơ phát sinh trên Cổng dịch vụ công", "hồ sơ"),
  part("7", "dvc_hoso", "dvc_hoso_m34", "Hồ sơ trực tuyến mức độ 3, 4", "hồ sơ"),
  tyle("7", "dvc_tyle", "Tỷ lệ hồ sơ trực tuyến", "dvc_hoso_m34", "dvc_hoso"),
  count("7", "bcci_hoso", "Số hồ sơ trả kết quả qua dịch vụ bưu chính công ích", "hồ sơ"),
  count("7", "iso_xa_tong", "Số xã, thị trấn", "đơn vị", { level: "H" }),
  part("7", "iso_xa_tong", "iso_xa_apdung", "Đã công bố, áp dụng ISO 9001:2015", "đơn vị", { level: "H" }),
  tyle("7", "iso_tyle", "Tỷ lệ xã áp dụng ISO 9001:2015", "iso_xa_apdung", "iso_xa_tong", { level: "H" }),
  count("7", "cntt_lop", "Số lớp tập huấn kỹ năng CNTT, chuyển đổi số", "lớp"),
  count("7", "cntt_hocvien", "Số học viên", "người"),
];

const money = (s: string, id: string, label: string, extra?: Extra) =>
  row(s, id, label, "tỷ đồng", "money", extra);

const S8_11: Indicator[] = [
  money("8", "dautu_thuchien", "Vốn thu hút đầu tư", { level: "H" }),
  money("8", "dautu_kehoach", "Kế hoạch năm", { level: "H", parent: "dautu_thuchien" }),
  tyle("8", "dautu_tyle", "Tỷ lệ so kế hoạch", "dautu_thuchien", "dautu_kehoach", { level: "H" }),
  count("9", "dn_moi", "Số doanh nghiệp thành lập mới", "doanh nghiệp", { level: "H" }),
  part("9", "dn_moi", "dn_kehoach", "Kế hoạch năm", "doanh nghiệp", { level: "H" }),
  tyle("9", "dn_tyle", "Tỷ lệ so kế hoạch", "dn_moi", "dn_kehoach", { level: "H" }),
  money("10", "dn_nopns", "Doanh nghiệp đóng góp vào thu ngân sách", { level: "H" }),
  money("10", "dn_nopns_kehoach", "Kế hoạch năm", { level: "H", parent: "dn_nopns" }),
  tyle("10", "dn_nopns_tyle", "Tỷ lệ so kế hoạch", "dn_nopns", "dn_nopns_kehoach", { level: "H" }),
  money("11", "ns_thu", "Tổng thu ngân sách"),
  money("11", "ns_kehoach", "Kế hoạch năm", { parent: "ns_thu" }),
  tyle("11", "ns_tyle", "Tỷ lệ so kế hoạch", "ns_thu", "ns_kehoach"),
];

export const INDICATORS: readonly Indicator[] = [
  ...INFO,
  ...S1,
  ...S2,
  ...S3,
  ...S4,
  ...S5,
  ...S6,
  ...S7,
  ...S8_11,
];
