/** The proofreader's parts on known answers: the vi-VN number reader, each claim shape, and what is not a claim. */
import {
  findClaims,
  percentMatches,
  proofread,
  readNumbers,
  readViNumber,
  splitSentences,
} from "../../../src/core/proofread";

const claimsOf = (sentence: string) =>
  findClaims(sentence).map((c) => `${c.numerator.value}/${c.denominator.value} ~ ${c.percent.value}%`);

describe("readViNumber: numbers as a Vietnamese report writes them", () => {
  it.each([
    ["17.990", 17990, 0],
    ["86.450.000", 86450000, 0],
    ["47,9", 47.9, 1],
    ["120,535", 120.535, 3],
    ["1.409", 1409, 0],
    ["07", 7, 0],
    ["1117", 1117, 0],
    ["90,48", 90.48, 2],
    ["1.234,5", 1234.5, 1],
  ])("%s is %d with %d decimals", (text, value, decimals) => {
    expect(readViNumber(text)).toEqual({ value, decimals });
  });

  it.each(["7.1", "1.23", "1,2,3", "12.34.567", ""])("%s is no vi-VN number", (text) => {
    expect(readViNumber(text)).toBeUndefined();
  });

  it("tells figures, percentages and other runs apart", () => {
    const tokens = readNumbers("Covid-19, ISO 9001:2015, NC1, 7.1. Mục: 17.990 hồ sơ đạt 99,7 % và 5%.");
    expect(tokens.map((t) => [t.text, t.role])).toEqual([
      ["19", "other"],
      ["9001", "other"],
      ["2015", "other"],
      ["1", "other"],
      ["7.1", "other"],
      ["17.990", "figure"],
      ["99,7", "percent"],
      ["5", "percent"],
    ]);
    expect(tokens[6]).toMatchObject({ value: 99.7, decimals: 1 });
  });
});

describe("percentages at the precision written", () => {
  it("only correct rounding passes: the truncation 90,4 of 90,476… does not", () => {
    expect(percentMatches({ value: 90.5, decimals: 1 }, 76 / 84)).toBe(true);
    expect(percentMatches({ value: 90.48, decimals: 2 }, 76 / 84)).toBe(true);
    expect(percentMatches({ value: 90, decimals: 0 }, 76 / 84)).toBe(true);
    expect(percentMatches({ value: 90.4, decimals: 1 }, 76 / 84)).toBe(false);
    expect(percentMatches({ value: 6.5, decimals: 1 }, 4 / 62)).toBe(true);
    expect(percentMatches({ value: 6.45, decimals: 2 }, 4 / 62)).toBe(true);
  });
});

describe("sentences", () => {
  it("splits at a full stop before a capital, never inside 17.990 or 47,9", () => {
    expect(splitSentences("Tiếp nhận 17.990 hồ sơ. Đạt 47,9 tỷ. 12/16 xã")).toEqual([
      "Tiếp nhận 17.990 hồ sơ.",
      "Đạt 47,9 tỷ.",
      "12/16 xã",
    ]);
  });
});

describe("the fraction shape «a/b … c%»", () => {
  it.each([
    ["hoàn thành 24/47 nhiệm vụ, đạt 51,06% theo kế hoạch", "24/47 ~ 51.06%"],
    ["số nhiệm vụ hoàn thành đúng hạn: 07/10 nhiệm vụ, đạt 70%.", "7/10 ~ 70%"],
    ["chậm 04/62 (chiếm tỷ lệ 6,5%)", "4/62 ~ 6.5%"],
    ["thành lập được 32 doanh nghiệp/20 doanh nghiệp đạt 160% kế hoạch", "32/20 ~ 160%"],
    ["được 47,9 tỷ đồng/120,535 tỷ đồng đạt 39,7% kế hoạch", "47.9/120.535 ~ 39.7%"],
    ["đạt gần 500/1500 tỷ đồng đạt 30% kế hoạch", "500/1500 ~ 30%"],
    ["Tổng thu đến 14/9/2021: 189,5 tỷ đồng/190 tỷ đồng, đạt 99,7 %", "189.5/190 ~ 99.7%"],
  ])("%s", (sentence, claim) => {
    expect(claimsOf(sentence)).toEqual([claim]);
  });
});

describe("the part shape «b …, … a (đạt c%)»", () => {
  it.each([
    ["UBND tỉnh giao 84 nhiệm vụ, đã hoàn thành đúng hạn 76 (Đạt 90,4%), quá hạn 8.", "76/84 ~ 90.4%"],
    [
      "đã tiếp nhận 17.990 hồ sơ trên tất cả các lĩnh vực, trong đó hồ sơ đúng hạn là 17.694 hồ sơ, đạt tỷ lệ đúng hạn 99,8%",
      "17694/17990 ~ 99.8%",
    ],
    ["Tổng số 120 hồ sơ, trong đó 60 hồ sơ (chiếm 50%)", "60/120 ~ 50%"],
    ["Tiếp nhận 120 hồ sơ, trong đó giải quyết đúng hạn 60 hồ sơ, đạt 50% đúng hạn", "60/120 ~ 50%"],
  ])("%s", (sentence, claim) => {
    expect(claimsOf(sentence)).toEqual([claim]);
  });
});

describe("what is not a claim (precision over recall)", () => {
  it.each([
    // Dates, symbols, standards, scores.
    "Ngày 14/9/2021 đã hoàn thành, đạt 100%.",
    "theo Văn bản số 2403 /UBND-TCNV, ngày 06/9/2021, đến nay 100% đơn vị sửa đổi",
    "Nghị định số 30/2020/NĐ-CP đạt 100%",
    "áp dụng HTQLCL theo TCVN ISO 9001:2015 đảm bảo 100% các đơn vị",
    "giải quyết đúng hạn đạt 97,3%: đạt 2,92/3 điểm",
    "(năm 2020 đạt 21,3%; đạt 0/0,5 điểm): Hồ sơ phát sinh 252/1348.",
    "từ ngày 24/8 đạt 50%",
    "trong tháng 9/2021 đạt 80%",
    // Percentages with no figures beside them.
    "đến nay 100% xã, thị trấn xây dựng quy chế",
    "Việc giải quyết TTHC lĩnh vực đất đai còn để quá hạn, mới đạt 92%.",
    // A part that is no part of the figure before it.
    "năm 2020 chuyển đổi được 95% so với kế hoạch",
    "58 trường học, 28 đơn vị do nhà nước đảm bảo 100% chi thường xuyên",
    "0 hồ sơ giải quyết quá hạn; 98 hồ sơ đang giải quyết; (Đạt tỷ lệ 100% hồ sơ giải quyết đúng hạn.)",
    "cử 236 người, đến nay đã cử 01 người, 55 người đi bồi dưỡng ngạch chuyên viên, đạt 25,85% kế hoạch",
    "giao 10 nhiệm vụ; hoàn thành 7 (đạt 70%)",
    "giao 5 nhiệm vụ, hoàn thành 7 (đạt 140%)",
    "Tổng số 120 người, trong đó 60 hồ sơ (đạt 50%)",
    // The percentage rates another quantity than the part («100% đúng hạn» of those solved).
    "Tiếp nhận 1.117 hồ sơ, đã giải quyết 877 hồ sơ, đạt 100% đúng hạn",
    // The percentage in another clause than the fraction.
    "hoàn thành 24/47 nhiệm vụ; tỷ lệ đạt 60%",
  ])("%s", (sentence) => {
    expect(claimsOf(sentence)).toEqual([]);
  });
});

describe("proofread", () => {
  it("numbers non-empty paragraphs from 1 and reports only wrong percentages", () => {
    const findings = proofread([
      "",
      "Hoàn thành 24/47 nhiệm vụ, đạt 51,06%.",
      "",
      "Hoàn thành 24/47 nhiệm vụ, đạt 51%. Và 1/3 hồ sơ (33,4%).",
    ]);
    expect(findings.map((f) => [f.paragraph, f.sentence, f.written, f.expected, f.exact])).toEqual([
      [2, "Và 1/3 hồ sơ (33,4%).", "33,4%", "33,3%", "33,33%"],
    ]);
  });

  it("does not divide by zero", () => {
    expect(proofread(["Hoàn thành 0/0 nhiệm vụ, đạt 0%; 5/0 nhiệm vụ, đạt 10%."])).toEqual([]);
  });
});
