/**
 * The CCHC.* custom functions: thin wrappers over the core arithmetic, so a figure computed in a
 * cell is the figure the checks and the report use. custom-functions-metadata-plugin reads the
 * JSDoc below to write functions.json and appends the `CustomFunctions.associate` calls to this
 * file at build time; nothing here registers by hand.
 *
 * Parameters are `unknown` (metadata type "any") on purpose: a number-typed parameter would let
 * Excel turn a blank cell into 0 and refuse text before our code runs, and the spec wants a blank
 * to give an empty result and text to give #VALUE! with a Vietnamese message. Excel on the web
 * passes a blank cell as null; Excel for Windows may pass it as 0 (office-js issue 4702).
 *
 * Keep this file light: it is loaded into the shared runtime before the task pane, and every
 * kilobyte delays the moment the functions are registered.
 */
import { FigureError, onTimeRate, ratio, score, sumMismatch } from "../core/arithmetic";
import { periodEndSerial, periodStartSerial } from "../core/period";

/** Turns whatever a computation threw into the error Excel shows in the cell. */
function toCellError(error: unknown): CustomFunctions.Error {
  if (error instanceof FigureError) {
    const code =
      error.code === "divideByZero"
        ? CustomFunctions.ErrorCode.divisionByZero
        : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, error.message);
  }
  // Anything else is a defect of ours; the cell still gets a readable message rather than a bare
  // #VALUE!, and the user can report the formula that produced it.
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    "Lỗi không mong đợi khi tính giá trị này; vui lòng báo cho bộ phận hỗ trợ",
  );
}

function evaluate<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw toCellError(error);
  }
}

/**
 * A repeating range parameter arrives as an array of 2-D arrays (one per argument); a single
 * value may arrive bare. The core wants the cells in order, in one flat list.
 */
function cellsOf(value: unknown): unknown[] {
  if (!Array.isArray(value)) return [value];
  const cells: unknown[] = [];
  const visit = (item: unknown): void => {
    if (Array.isArray(item)) item.forEach(visit);
    else cells.push(item);
  };
  visit(value);
  return cells;
}

/**
 * Tỷ lệ tử số / mẫu số, dạng số thập phân để định dạng phần trăm (0,00%). Ô trống cho kết quả trống; 0/0 cho kết quả trống.
 * @customfunction TYLE TYLE
 * @param tu_so Tử số: số lượng đạt yêu cầu (hồ sơ, văn bản, thủ tục…).
 * @param mau_so Mẫu số: tổng số tương ứng.
 * @returns Tỷ lệ, ví dụ 0,5106 (hiển thị 51,06%).
 */
export function tyle(tu_so: unknown, mau_so: unknown): number | string {
  return evaluate(() => ratio(tu_so, mau_so));
}

/**
 * Tỷ lệ hồ sơ giải quyết đúng hạn: đúng hạn / (đúng hạn + quá hạn).
 * @customfunction DUNGHAN DUNGHAN
 * @param dung_han Số hồ sơ giải quyết đúng hạn.
 * @param qua_han Số hồ sơ giải quyết quá hạn (để trống nếu không có hồ sơ quá hạn).
 * @returns Tỷ lệ đúng hạn, ví dụ 0,9048 (hiển thị 90,48%).
 */
export function dunghan(dung_han: unknown, qua_han: unknown): number | string {
  return evaluate(() => onTimeRate(dung_han, qua_han));
}

/**
 * Điểm chấm theo Chỉ số CCHC: điểm tối đa × tỷ lệ, trong khoảng từ 0 đến điểm tối đa, làm tròn 2 chữ số thập phân như hàm ROUND.
 * @customfunction DIEM DIEM
 * @param ty_le Tỷ lệ đạt được, ví dụ 0,95 hoặc 95%.
 * @param diem_toi_da Điểm tối đa của tiêu chí.
 * @param nguong Ngưỡng tỷ lệ, dùng với cách tính 1 và 2.
 * @param cach_tinh 0 (mặc định): theo tỷ lệ; 1: đạt ngưỡng được điểm tối đa, dưới ngưỡng 0 điểm; 2: dưới ngưỡng 0 điểm, từ ngưỡng trở lên theo tỷ lệ.
 * @returns Số điểm, ví dụ 1,43.
 */
export function diem(
  ty_le: unknown,
  diem_toi_da: unknown,
  nguong?: unknown,
  cach_tinh?: unknown,
): number | string {
  return evaluate(() => score(ty_le, diem_toi_da, nguong, cach_tinh));
}

/**
 * Kiểm tra số tổng có bằng tổng các thành phần: trả về chuỗi rỗng nếu khớp, nếu lệch thì trả về mức lệch, ví dụ "Lệch 3".
 * @customfunction KIEMTRA KIEMTRA
 * @param tong Số tổng cần kiểm tra.
 * @param thanh_phan Các số thành phần (từng ô hoặc vùng ô); ô trống được tính là 0.
 * @returns Chuỗi rỗng khi khớp, hoặc thông báo mức lệch.
 */
export function kiemtra(tong: unknown, thanh_phan: unknown[][][]): string {
  return evaluate(() => sumMismatch(tong, cellsOf(thanh_phan)));
}

/**
 * Ngày bắt đầu kỳ lấy số liệu báo cáo (Nghị định 09/2019/NĐ-CP, Điều 12), dạng ngày của Excel; không sớm hơn ngày đơn vị bắt đầu hoạt động.
 * @customfunction TUNGAY TUNGAY
 * @param ky Kỳ báo cáo: Quý I đến Quý IV, 6 tháng, 9 tháng, Năm, 6 tháng cuối năm, Tháng 1 đến Tháng 12 (hoặc số quý 1 đến 4); kỳ Tùy chọn cho kết quả trống (tự nhập ngày).
 * @param nam Năm báo cáo, ví dụ 2021.
 * @param bat_dau Ngày đơn vị bắt đầu hoạt động, dạng "2025-07-01" (để trống nếu đơn vị có trước kỳ).
 * @returns Ngày đầu kỳ số liệu, ví dụ 15/06/2021 cho Quý III năm 2021.
 */
export function tungay(ky: unknown, nam: unknown, bat_dau?: unknown): number | string {
  return evaluate(() => periodStartSerial(ky, nam, bat_dau));
}

/**
 * Ngày kết thúc kỳ lấy số liệu báo cáo (Nghị định 09/2019/NĐ-CP, Điều 12), dạng ngày của Excel.
 * @customfunction DENNGAY DENNGAY
 * @param ky Kỳ báo cáo: Quý I đến Quý IV, 6 tháng, 9 tháng, Năm, 6 tháng cuối năm, Tháng 1 đến Tháng 12 (hoặc số quý 1 đến 4); kỳ Tùy chọn cho kết quả trống (tự nhập ngày).
 * @param nam Năm báo cáo, ví dụ 2021.
 * @param bat_dau Ngày đơn vị bắt đầu hoạt động, dạng "2025-07-01": kỳ kết thúc trước ngày này cho lỗi.
 * @returns Ngày cuối kỳ số liệu, ví dụ 14/09/2021 cho Quý III năm 2021.
 */
export function denngay(ky: unknown, nam: unknown, bat_dau?: unknown): number | string {
  return evaluate(() => periodEndSerial(ky, nam, bat_dau));
}
