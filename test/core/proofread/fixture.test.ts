/**
 * The real report (UBND huyện Đức Thọ, CCHC quý III/2021; test/fixtures/proofread/README.md):
 * the proofreader flags exactly its three wrong percentages and nothing else.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { findClaims, proofread, sentencesOf } from "../../../src/core/proofread";
import { textParagraphs } from "../../../src/docx/readText";

const FIXTURE = path.join(__dirname, "../../fixtures/proofread/bao-cao-cchc-quy-III-2021-huyen-duc-tho.md");
const paragraphs = textParagraphs(readFileSync(FIXTURE, "utf8"), "md");

describe("proofreading the real Đức Thọ report", () => {
  it("flags exactly the three wrong percentages, saying what each should be", () => {
    const findings = proofread(paragraphs);
    expect(
      findings.map(({ paragraph, excerpt, written, expected, exact }) => ({
        paragraph,
        excerpt,
        written,
        expected,
        exact,
      })),
    ).toEqual([
      { paragraph: 14, excerpt: "76 (Đạt 90,4%)", written: "90,4%", expected: "90,5%", exact: "90,48%" },
      {
        paragraph: 55,
        excerpt: "17.694 hồ sơ, đạt tỷ lệ đúng hạn 99,8%",
        written: "99,8%",
        expected: "98,4%",
        exact: "98,35%",
      },
      {
        paragraph: 130,
        excerpt: "500/1500 tỷ đồng đạt 30%",
        written: "30%",
        expected: "33%",
        exact: "33,33%",
      },
    ]);
    expect(findings[0].sentence).toBe(
      "2021, UBND tỉnh giao 84 nhiệm vụ, đã hoàn thành đúng hạn 76 (Đạt 90,4%), hoàn thành quá hạn 8 nhiệm vụ.",
    );
    expect(findings[0].message).toBe(
      "Đoạn 14: «76 (Đạt 90,4%)»: 76/84 = 90,48%, ghi 90,4% là sai; nên là 90,5% (90,48%).",
    );
    expect(findings[2].sentence).toContain("đạt gần 500/1500 tỷ đồng đạt 30% kế hoạch.");
  });

  it("reads its correct sentences as claims and lets them pass", () => {
    const claims = sentencesOf(paragraphs).flatMap(({ sentence }) =>
      findClaims(sentence).map((c) => `${c.numerator.text}/${c.denominator.text} = ${c.percent.text}%`),
    );
    expect(claims).toEqual([
      "24/47 = 51,06%",
      "07/10 = 70%",
      "76/84 = 90,4%",
      "04/62 = 6,5%",
      "8/84 = 9,5%",
      "17.694/17.990 = 99,8%",
      "12/16 = 75%",
      "16/16 = 100%",
      "500/1500 = 30%",
      "32/20 = 160%",
      "47,9/120,535 = 39,7%",
      "189,5/190 = 99,7%",
    ]);
  });
});
