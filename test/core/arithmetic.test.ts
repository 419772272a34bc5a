import fc from "fast-check";
import {
  FigureError,
  formatNumberVi,
  formatPercentVi as printPercent,
  onTimeRate,
  ratio,
  roundHalfAwayFromZero,
  score,
  sumMismatch,
} from "../../src/core/arithmetic";
import {
  dataPeriod,
  parsePeriod,
  periodEndSerial,
  periodStartSerial,
  toExcelSerial,
  fromExcelSerial,
  NAMED_PERIODS,
} from "../../src/core/period";

/** A ratio as the report shows it in a Vietnamese Excel (`0.00%`): `51,06%`. */
const formatPercentVi = (value: number) =>
  `${roundHalfAwayFromZero(value * 100, 2)
    .toFixed(2)
    .replace(".", ",")}%`;

describe("ratio and on-time rate: the sample's known answers", () => {
  it.each([
    [24, 47, "51,06%"],
    [61, 236, "25,85%"],
    [32, 20, "160,00%"],
    [47.9, 120.535, "39,74%"],
    [500, 1500, "33,33%"],
    [189.5, 190, "99,74%"],
    [185, 1214, "15,24%"],
    [7, 10, "70,00%"],
  ])("%p / %p = %s", (a, b, shown) => {
    expect(ratio(a, b)).toBeCloseTo(a / b, 15);
    expect(formatPercentVi(ratio(a, b) as number)).toBe(shown);
  });

  it("gives 90,48% for 76 on time and 8 late, and 100% when late is blank", () => {
    expect(formatPercentVi(onTimeRate(76, 8) as number)).toBe("90,48%");
    expect(onTimeRate(17694, null)).toBe(1);
    expect(onTimeRate(null, 3)).toBe("");
  });

  it("leaves blanks and 0/0 empty, and refuses a zero denominator or bad figures", () => {
    expect(ratio(null, 5)).toBe("");
    expect(ratio(3, "")).toBe("");
    expect(ratio(0, 0)).toBe("");
    expect(() => ratio(1, 0)).toThrow(new FigureError("divideByZero", "Mẫu số bằng 0"));
    expect(() => ratio(-1, 4)).toThrow(FigureError);
    expect(() => ratio("24", 47)).toThrow(/không phải là số/);
    expect(() => ratio(Number.NaN, 1)).toThrow(FigureError);
  });
});

describe("formatPercentVi: one way to print a rate, at the precision asked", () => {
  it("prints the appendix's two decimals by default, half away from zero, vi-VN", () => {
    expect(printPercent(76 / 84)).toBe("90,48%");
    expect(printPercent(1)).toBe("100,00%");
    expect(printPercent(12.5)).toBe("1.250,00%");
    expect(printPercent(-0.1)).toBe("-10,00%");
    expect(printPercent(-0.00001)).toBe("0,00%");
  });

  it("prints the precision a sentence writes: one decimal, none", () => {
    expect(printPercent(76 / 84, 1)).toBe("90,5%");
    expect(printPercent(0.7, 0)).toBe("70%");
    expect(printPercent(12.5, 0)).toBe("1.250%");
    expect(printPercent(-0.105, 0)).toBe("-11%");
  });

  it("agrees with vi-VN Intl formatting at 0 to 3 decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 3 }), (n, decimals) => {
        const rate = n / 1_000_000; // exact at every decimal asked: no tie rounding to disagree on
        const intl = new Intl.NumberFormat("vi-VN", {
          minimumFractionDigits: decimals,
          maximumFractionDigits: decimals,
        });
        expect(printPercent(rate, decimals)).toBe(
          `${intl.format(roundHalfAwayFromZero(rate * 100, decimals))}%`,
        );
      }),
    );
  });
});

describe("score (CCHC.DIEM) rounds like Excel's ROUND", () => {
  it.each([
    [[0.95, 1.5], 1.43],
    [[0.973, 3], 2.92],
    [[0.75, 1], 0.75],
    [[0.213, 0.5, 0.3, 1], 0],
    [[0.6, 0.5, 0.5, 1], 0.5],
    [[0.6, 1, 0.5, 2], 0.6],
    [[0.4, 1, 0.5, 2], 0],
    [[1.2, 2], 2],
  ])("DIEM%p = %p", (args, expected) => {
    expect(score(...(args as [number, number, number?, number?]))).toBe(expected);
  });

  it("rounds half away from zero on the decimal value", () => {
    expect(roundHalfAwayFromZero(1.5 * 0.95, 2)).toBe(1.43);
    expect(roundHalfAwayFromZero(-2.675, 2)).toBe(-2.68);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    // Whole numbers come back as they are, and −0 as 0 (a cell shows no "-0").
    expect(roundHalfAwayFromZero(17694, 2)).toBe(17694);
    expect(roundHalfAwayFromZero(-3, 9)).toBe(-3);
    expect(Object.is(roundHalfAwayFromZero(-0, 2), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0.001, 2), 0)).toBe(true);
  });
});

describe("sumMismatch (CCHC.KIEMTRA)", () => {
  it("is empty when the total holds, counting blank parts as 0", () => {
    expect(sumMismatch(10, [7, 3, null])).toBe("");
    expect(sumMismatch(64, [1, 35, 28])).toBe("");
    expect(sumMismatch(0.3, [0.1, 0.2])).toBe("");
  });
  it("names the difference", () => {
    expect(sumMismatch(47, [8, 6, 6, 4, 7, 5, 7, 1])).toBe("Lệch 3");
    expect(sumMismatch(1000, [1117])).toBe("Lệch -117");
    expect(sumMismatch(null, [1])).toBe("");
  });
});

describe("data periods (Nghị định 09/2019/NĐ-CP, Điều 12)", () => {
  const day = (serial: number | "") => (serial === "" ? "" : fromExcelSerial(serial));
  it.each([
    ["Quý III", 2021, { year: 2021, month: 6, day: 15 }, { year: 2021, month: 9, day: 14 }],
    ["Quý I", 2022, { year: 2021, month: 12, day: 15 }, { year: 2022, month: 3, day: 14 }],
    ["Quý II", 2022, { year: 2022, month: 3, day: 15 }, { year: 2022, month: 6, day: 14 }],
    ["Quý IV", 2022, { year: 2022, month: 9, day: 15 }, { year: 2022, month: 12, day: 14 }],
    ["6 tháng", 2022, { year: 2021, month: 12, day: 15 }, { year: 2022, month: 6, day: 14 }],
    ["9 tháng", 2022, { year: 2021, month: 12, day: 15 }, { year: 2022, month: 9, day: 14 }],
    ["Năm", 2021, { year: 2020, month: 12, day: 15 }, { year: 2021, month: 12, day: 14 }],
  ])("%s %d", (period, year, from, to) => {
    expect(day(periodStartSerial(period, year))).toEqual(from);
    expect(day(periodEndSerial(period, year))).toEqual(to);
  });

  it("uses Excel's serials and accepts 1–4 and unaccented names", () => {
    expect(periodStartSerial("Quý III", 2021)).toBe(44362);
    expect(periodEndSerial("Quý III", 2021)).toBe(44453);
    expect(toExcelSerial({ year: 1900, month: 3, day: 1 })).toBe(61);
    expect(parsePeriod(3)).toBe("Quý III");
    expect(parsePeriod("quy iv")).toBe("Quý IV");
    expect(parsePeriod("9 THÁNG")).toBe("9 tháng");
    expect(parsePeriod("Quý V")).toBeUndefined();
    expect(periodStartSerial("", 2021)).toBe("");
    expect(() => periodStartSerial("Quý 5", 2021)).toThrow(FigureError);
    expect(() => periodStartSerial("Quý I", 21)).toThrow(/Năm/);
  });

  it("every period starts before it ends and ends on the 14th", () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMED_PERIODS), fc.integer({ min: 1901, max: 9998 }), (period, year) => {
        const { from, to } = dataPeriod(period, year);
        expect(toExcelSerial(from)).toBeLessThan(toExcelSerial(to));
        expect(to.day).toBe(14);
        expect(from.day).toBe(15);
      }),
    );
  });
});

describe("Vietnamese number formatting", () => {
  it("groups thousands with dots and uses a decimal comma", () => {
    expect(formatNumberVi(1117)).toBe("1.117");
    expect(formatNumberVi(86450000)).toBe("86.450.000");
    expect(formatNumberVi(47.9)).toBe("47,9");
    expect(formatNumberVi(-3)).toBe("-3");
  });
});
