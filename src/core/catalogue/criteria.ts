/**
 * The PAR-index criteria the seed report names (Hà Tĩnh, QĐ 52/2019/QĐ-UBND), with the
 * district's 2020 scores as last year's. Thresholds the seed does not publish are the ones
 * its own wording gives (10% of files at level 4, 50% by public postal service). A criterion
 * without `rateFrom` takes a typed score.
 */
import type { Criterion } from "./types";

export const CRITERIA: readonly Criterion[] = [
  {
    code: "TC_NV_TINHGIAO",
    label: "Nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao hoàn thành đúng hạn",
    max: 3,
    method: 0,
    lastYear: 1.72,
  },
  {
    code: "TC_QPPL_GIAIPHAP",
    label: "Giải pháp tổ chức thực hiện văn bản QPPL của cấp trên",
    max: 1,
    method: 0,
    lastYear: 0.5,
  },
  {
    code: "TC_TTHC_DUNGHAN",
    label: "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn",
    max: 3,
    method: 0,
    rateFrom: "hs_tyle_dunghan",
    lastYear: 2.92,
  },
  { code: "TC_XINLOI", label: "Xin lỗi người dân, tổ chức khi trễ hẹn", max: 1, method: 0, lastYear: 0.5 },
  {
    code: "TC_RASOAT_TTHC",
    label: "Xử lý vấn đề phát hiện qua rà soát TTHC",
    max: 1,
    method: 0,
    lastYear: 0.75,
  },
  {
    code: "TC_CO_CAU_NGACH",
    label: "Cơ cấu ngạch công chức theo vị trí việc làm",
    max: 1,
    method: 0,
    lastYear: 0.83,
  },
  { code: "TC_CHUYENDOI_VT", label: "Chuyển đổi vị trí công tác", max: 1.5, method: 0, lastYear: 1.42 },
  {
    code: "TC_DAOTAO",
    label: "Hoàn thành kế hoạch đào tạo, bồi dưỡng",
    max: 1,
    method: 0,
    rateFrom: "dt_tyle",
    lastYear: 0.9,
  },
  { code: "TC_PM_CBCCVC", label: "Cập nhật phần mềm quản lý CBCCVC", max: 1, method: 0, lastYear: 0.5 },
  { code: "TC_CONG_TTDT", label: "Chất lượng Cổng thông tin điện tử", max: 1.5, method: 0, lastYear: 1.41 },
  {
    code: "TC_DVC_PHATSINH",
    label: "Tỷ lệ TTHC mức 3, 4 có phát sinh hồ sơ",
    max: 0.5,
    method: 1,
    lastYear: 0,
  },
  {
    code: "TC_DVC_M4",
    label: "Tỷ lệ hồ sơ xử lý trực tuyến mức 4",
    max: 0.5,
    method: 1,
    threshold: 0.1,
    lastYear: 0,
  },
  {
    code: "TC_BCCI",
    label: "Tỷ lệ TTHC có hồ sơ qua bưu chính công ích",
    max: 0.25,
    method: 1,
    threshold: 0.5,
    lastYear: 0,
  },
  {
    code: "TC_ISO_XA",
    label: "Xã áp dụng ISO 9001",
    max: 1,
    method: 0,
    rateFrom: "iso_tyle",
    lastYear: 0.75,
  },
];
