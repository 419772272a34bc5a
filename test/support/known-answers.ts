/**
 * The known answers of the CCHC custom functions (spec: functions.md, and the Đức Thọ Q3/2021
 * sample's ratios), as calls by id, so the same table checks the TypeScript source under jest
 * and the built dist/functions.js in a sandbox.
 *
 * A repeating range parameter reaches the function as one 2-D array per argument:
 * KIEMTRA(10; 7; 3) arrives as (10, [[[7]], [[3]]]).
 */
export type Expectation =
  | { value: number | string } // exactly this
  | { digits: number; startsWith: number } // the spec's "0.510638…": these decimals, then more
  | { digits: number; rounds: number } // shown as this when rounded to `digits` decimals (51,06%)
  | { error: "#DIV/0!" | "#VALUE!"; message?: string };

export interface KnownAnswer {
  id: "TYLE" | "DUNGHAN" | "DIEM" | "KIEMTRA" | "TUNGAY" | "DENNGAY";
  args: unknown[];
  expect: Expectation;
}

export const KNOWN_ANSWERS: KnownAnswer[] = [
  { id: "TYLE", args: [24, 47], expect: { startsWith: 0.510638, digits: 6 } },
  { id: "TYLE", args: [24, 47], expect: { rounds: 0.5106, digits: 4 } }, // 51,06%
  { id: "TYLE", args: [61, 236], expect: { startsWith: 0.258474, digits: 6 } },
  { id: "TYLE", args: [61, 236], expect: { rounds: 0.2585, digits: 4 } }, // 25,85%
  { id: "TYLE", args: [32, 20], expect: { value: 1.6 } }, // 160%
  { id: "DUNGHAN", args: [76, 8], expect: { startsWith: 0.904761, digits: 6 } },
  { id: "DUNGHAN", args: [76, 8], expect: { rounds: 0.9048, digits: 4 } }, // 90,48%
  // functions.md prints 0.397399…, a slip: 47.9 / 120.535 = 0.3973949…, which the sample's 39,74% confirms.
  { id: "TYLE", args: [47.9, 120.535], expect: { startsWith: 0.397394, digits: 6 } },
  { id: "TYLE", args: [47.9, 120.535], expect: { rounds: 0.3974, digits: 4 } }, // 39,74%
  { id: "DIEM", args: [0.95, 1.5], expect: { value: 1.43 } },
  { id: "DIEM", args: [0.973, 3], expect: { value: 2.92 } },
  { id: "DIEM", args: [0.75, 1], expect: { value: 0.75 } },
  { id: "DIEM", args: [0.213, 0.5, 0.3, 1], expect: { value: 0 } },
  // Excel date serials: 15/06/2021, 14/09/2021, 15/12/2021, 14/12/2021.
  { id: "TUNGAY", args: ["Quý III", 2021], expect: { value: 44362 } },
  { id: "DENNGAY", args: ["Quý III", 2021], expect: { value: 44453 } },
  { id: "TUNGAY", args: ["Quý I", 2022], expect: { value: 44545 } },
  { id: "DENNGAY", args: ["Năm", 2021], expect: { value: 44544 } },
  // Months (Nghị định 09/2019/NĐ-CP, Điều 12): 15th of the month before to the 14th.
  { id: "TUNGAY", args: ["Tháng 1", 2026], expect: { value: 46006 } },
  { id: "DENNGAY", args: ["Tháng 1", 2026], expect: { value: 46036 } },
  { id: "TUNGAY", args: ["Tháng 7", 2025], expect: { value: 45823 } },
  { id: "DENNGAY", args: ["tháng 07", 2025], expect: { value: 45852 } },
  { id: "TUNGAY", args: ["6 tháng cuối năm", 2025], expect: { value: 45823 } },
  { id: "DENNGAY", args: ["6 tháng cuối năm", 2025], expect: { value: 46005 } },
  // A unit that began on 1/7/2025: its window starts there; a period ending before is an error.
  { id: "TUNGAY", args: ["Quý III", 2025, "2025-07-01"], expect: { value: 45839 } },
  { id: "DENNGAY", args: ["Quý III", 2025, "2025-07-01"], expect: { value: 45914 } },
  { id: "TUNGAY", args: ["6 tháng cuối năm", 2025, "2025-07-01"], expect: { value: 45839 } },
  { id: "TUNGAY", args: ["Quý IV", 2025, "2025-07-01"], expect: { value: 45914 + 1 } },
  { id: "TUNGAY", args: ["Quý III", 2025, null], expect: { value: 45823 } },
  {
    id: "DENNGAY",
    args: ["Quý II", 2025, "2025-07-01"],
    expect: {
      error: "#VALUE!",
      message:
        "Kỳ Quý II/2025 có số liệu đến ngày 14/06/2025, trước ngày đơn vị bắt đầu hoạt động (01/07/2025)",
    },
  },
  // «Tùy chọn»: the dates are typed over the formulas, which give nothing.
  { id: "TUNGAY", args: ["Tùy chọn", 2025], expect: { value: "" } },
  { id: "DENNGAY", args: ["Tùy chọn", 2025, "2025-07-01"], expect: { value: "" } },
  { id: "KIEMTRA", args: [10, [[[7]], [[3]]]], expect: { value: "" } },
  { id: "KIEMTRA", args: [1117, [[[500], [600], [14]]]], expect: { value: "Lệch 3" } },
  // Blank arguments: figures still to be entered give an empty result, not an error.
  { id: "TYLE", args: [null, 47], expect: { value: "" } },
  { id: "TYLE", args: [24, null], expect: { value: "" } },
  { id: "TYLE", args: ["", ""], expect: { value: "" } },
  { id: "DUNGHAN", args: [null, 8], expect: { value: "" } },
  { id: "DIEM", args: [null, 1.5], expect: { value: "" } },
  { id: "KIEMTRA", args: [null, [[[7]]]], expect: { value: "" } },
  { id: "TUNGAY", args: [null, 2021], expect: { value: "" } },
  { id: "DENNGAY", args: ["Quý III", null], expect: { value: "" } },
  // Nothing to rate, and a rate that cannot exist.
  { id: "TYLE", args: [0, 0], expect: { value: "" } },
  { id: "TYLE", args: [5, 0], expect: { error: "#DIV/0!", message: "Mẫu số bằng 0" } },
  { id: "TYLE", args: ["hai mươi", 47], expect: { error: "#VALUE!" } },
  { id: "TYLE", args: [-1, 47], expect: { error: "#VALUE!" } },
  { id: "TUNGAY", args: ["Quý V", 2021], expect: { error: "#VALUE!" } },
];

/** Asserts one known answer; `ErrorClass` is the CustomFunctions.Error the code was given. */
export function expectAnswer(
  call: () => unknown,
  expected: Expectation,
  ErrorClass: new (...args: never[]) => unknown,
): void {
  if ("error" in expected) {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ErrorClass);
    const { code, message } = thrown as { code: string; message?: string };
    expect(code).toBe(expected.error);
    // Every error carries a short Vietnamese message (spec), not just the code.
    expect(typeof message === "string" && message.length > 0).toBe(true);
    if (expected.message !== undefined) expect(message).toBe(expected.message);
    return;
  }
  const value = call();
  if ("startsWith" in expected) {
    const unit = 10 ** -expected.digits;
    expect(typeof value).toBe("number");
    expect(value as number).toBeGreaterThanOrEqual(expected.startsWith);
    expect(value as number).toBeLessThan(expected.startsWith + unit);
  } else if ("rounds" in expected) {
    expect(typeof value).toBe("number");
    expect(value as number).toBeCloseTo(expected.rounds, expected.digits);
  } else {
    expect(value).toBe(expected.value);
  }
}

/** A test title such as `TYLE(24, 47) → 0.510638…` or `TYLE(5, 0) → #DIV/0!`. */
export function describeAnswer({ id, args, expect: expected }: KnownAnswer): string {
  const call = `${id}(${args.map((arg) => JSON.stringify(arg) ?? "undefined").join(", ")})`;
  if ("error" in expected) return `${call} → ${expected.error}`;
  if ("startsWith" in expected) return `${call} → ${expected.startsWith}…`;
  if ("rounds" in expected) return `${call} → ≈ ${expected.rounds}`;
  return `${call} → ${JSON.stringify(expected.value)}`;
}
