/** The cross-field rules of the default catalogue (see `CheckRule` for their meaning). */
import { AREA_DONE, AREA_TOTALS } from "./indicators";
import type { CheckRule } from "./types";

const partOfWhole = (part: string, whole: string): CheckRule => ({
  type: "partOfWhole",
  id: `part:${part}`,
  part,
  whole,
  severity: "error",
});

const sum = (total: string, parts: readonly string[]): CheckRule => ({
  type: "sum",
  id: `sum:${total}:${parts.join("+")}`,
  total,
  parts,
  severity: "error",
});

const aboveQuota = (value: string, limit: string): CheckRule => ({
  type: "notAbove",
  id: `quota:${value}`,
  value,
  limit,
  severity: "warning",
  what: "Số có mặt vượt số được giao",
});

export const CHECKS: readonly CheckRule[] = [
  partOfWhole("kh_hoanthanh", "kh_tong"),
  ...AREA_DONE.map((done, i) => partOfWhole(done, AREA_TOTALS[i])),
  partOfWhole("hs_dagq_dunghan", "hs_dagq"),
  partOfWhole("iso_xa_apdung", "iso_xa_tong"),
  partOfWhole("vphc_tien_huyen", "vphc_tien"),
  partOfWhole("vphc_qd_huyen", "vphc_vu"),
  partOfWhole("dvc_hoso_m34", "dvc_hoso"),
  partOfWhole("pakn_xuly", "pakn_tiepnhan"),
  sum("hs_tong", ["hs_moi", "hs_kytruoc"]),
  sum("hs_dagq", ["hs_dagq_dunghan", "hs_dagq_quahan"]),
  sum("hs_danggq", ["hs_danggq_tronghan", "hs_danggq_quahan"]),
  sum("tg_tong", ["tg_dunghan", "tg_quahan", "tg_chuaht"]),
  sum("lc_tong", ["lc_ngoaihuyen", "lc_noihuyen"]),
  sum("tc_qlnn_tuchu", ["tc_qlnn_coquan", "tc_qlnn_xa"]),
  sum("tc_dvsn_tuchu", ["tc_dvsn_coquan", "tc_dvsn_truong"]),
  sum("tc_dvsn_tuchu", ["tc_dvsn_hoantoan", "tc_dvsn_motphan", "tc_dvsn_nnbd"]),
  sum("dvc_m3", ["dvc_m3_huyen", "dvc_m3_xa"]),
  {
    type: "balance",
    id: "balance:hs_tong",
    total: "hs_tong",
    parts: ["hs_dagq", "hs_danggq"],
    explainedBy: "hs_rut_tralai",
  },
  {
    type: "sum",
    id: "sum:hsn_tiepnhan",
    total: "hsn_tiepnhan",
    parts: ["hsn_dunghan", "hsn_quahan", "hsn_dangxl"],
    severity: "warning",
  },
  {
    type: "sum",
    id: "sum:kh_tong:areas",
    total: "kh_tong",
    parts: AREA_TOTALS,
    severity: "warning",
    what: "Tổng số nhiệm vụ của các lĩnh vực",
  },
  {
    type: "sum",
    id: "sum:kh_hoanthanh:areas",
    total: "kh_hoanthanh",
    parts: AREA_DONE,
    severity: "warning",
    what: "Tổng số nhiệm vụ đã hoàn thành của các lĩnh vực",
  },
  {
    type: "notAbove",
    id: "plan:dt_dacu",
    value: "dt_dacu",
    limit: "dt_kehoach",
    severity: "warning",
    what: "Số người đã cử đi đào tạo vượt kế hoạch",
  },
  aboveQuota("bc_huyen_comat", "bc_huyen_giao"),
  aboveQuota("bc_xa_comat", "bc_xa_giao"),
  aboveQuota("dvsn_comat", "dvsn_giao"),
  aboveQuota("gd_comat", "gd_giao"),
  { type: "dateOrder", id: "dates:period", from: "tu_ngay", to: "den_ngay", severity: "error" },
];
