/** The figures a commune types into the test province's form, and their known findings. */
import { toExcelSerial } from "../../src/core/period";

/** The figures a commune types into the province's form (Quý I/2026). */
export const TYPED: Record<string, string | number> = {
  co_quan: "ỦY BAN NHÂN DÂN PHƯỜNG THỬ",
  ky_bao_cao: "Quý I",
  nam: 2026,
  hs_nhan: 200,
  hs_xong: 150,
  hs_som: 40,
  hs_dung: 100,
  hs_tre: 12,
  hs_dang: 30,
  ns_giao: 20,
  ns_comat: 22,
  ns_ghichu: "Thiếu 2 người",
  ns_danhgia: "Thiếu",
  tc_thu: 900,
  tc_dutoan: 1000,
  ngay_bd: toExcelSerial({ year: 2026, month: 1, day: 10 }),
  ngay_kt: toExcelSerial({ year: 2026, month: 1, day: 5 }),
};

/** The findings of the typed figures, known by hand: one of each kind that the figures break. */
export const FINDINGS = [
  [
    "error",
    "sum:hs_xong:hs_som+hs_dung+hs_tre",
    "Tổng trả trước hạn + trả đúng hạn + trả trễ hạn là 152, khác hồ sơ đã trả kết quả (150), lệch 2.",
  ],
  [
    "warning",
    "balance:hs_nhan",
    "Có 20 hồ sơ chưa rõ tình trạng: hồ sơ đã nhận 200 − hồ sơ đã trả kết quả 150 − hồ sơ đang xử lý cuối kỳ 30. Nếu có, điền «Hồ sơ hủy, trả lại».",
  ],
  [
    "warning",
    "notAbove:ns_comat:ns_giao",
    "Số có mặt vượt biên chế: Có mặt (Biên chế được giao) 22 > 20 (+2).",
  ],
  [
    "error",
    "dates:ngay_bd:ngay_kt",
    "Ngày bắt đầu đợt kiểm tra (10/01/2026) sau ngày kết thúc đợt kiểm tra (05/01/2026).",
  ],
];
