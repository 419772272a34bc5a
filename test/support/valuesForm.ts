/** Issue 21, values: a small province form for the tests of typed percentages and «chưa có số liệu». */

/** A province's form with a weighted and an unweighted percentage, a breakdown, a ratio. */
export const VALUES_FORM = {
  id: "tinh-thu-phan-tram",
  version: "2026.1",
  title: "Mẫu thử: tỷ lệ phần trăm và chưa có số liệu",
  level: "xa",
  sheets: [{ key: "tt", name: "Số liệu", title: "SỐ LIỆU" }],
  sections: [{ id: "I", number: "I", title: "Thủ tục hành chính", sheet: "tt" }],
  indicators: [
    { id: "tthc_tiep_nhan", label: "Số hồ sơ tiếp nhận", unit: "hồ sơ", kind: "count", section: "I" },
    { id: "hs_xong", label: "Số hồ sơ đã giải quyết", unit: "hồ sơ", kind: "count", section: "I" },
    { id: "hs_dung", label: "Đúng hạn", unit: "hồ sơ", kind: "count", section: "I", parent: "hs_xong" },
    { id: "hs_tre", label: "Quá hạn", unit: "hồ sơ", kind: "count", section: "I", parent: "hs_xong" },
    {
      id: "ty_dunghan",
      label: "Tỷ lệ đúng hạn",
      unit: "%",
      kind: "ratio",
      section: "I",
      formula: { fn: "DUNGHAN", args: ["hs_dung", "hs_tre"] },
    },
    {
      id: "tt_tructuyen",
      label: "Tỷ lệ thanh toán trực tuyến",
      unit: "%",
      kind: "percent",
      section: "I",
      weightedBy: "tthc_tiep_nhan",
    },
    { id: "hai_long", label: "Mức độ hài lòng", unit: "%", kind: "percent", section: "I" },
    {
      id: "vuot_ke_hoach",
      label: "Tỷ lệ so với kế hoạch",
      unit: "%",
      kind: "percent",
      section: "I",
      max: 150,
    },
    { id: "kinh_phi", label: "Kinh phí", unit: "triệu đồng", kind: "money", section: "I" },
    {
      id: "ty_xong",
      label: "Tỷ lệ đã giải quyết",
      unit: "%",
      kind: "ratio",
      section: "I",
      formula: { fn: "TYLE", args: [["hs_dung", "hs_tre"], "tthc_tiep_nhan"] },
    },
  ],
  checks: [{ type: "sum", total: "hs_xong", parts: ["hs_dung", "hs_tre"], severity: "error" }],
  criteria: [],
};
