/** The proofreader against a workbook's figures (pure: figures from the huyen-2021 sample values). */
import { DISTRICT_CATALOGUE } from "../../../src/core/catalogue";
import { SAMPLE_FIGURES } from "../../../src/core/catalogue/sample";
import { figuresFromValues } from "../../../src/core/figures";
import { proofread } from "../../../src/core/proofread";
import { reportParagraphs } from "../../support/reportDocx";

const workbook = (changes: Record<string, unknown> = {}) => ({
  figures: figuresFromValues({ ...SAMPLE_FIGURES, ...changes }, DISTRICT_CATALOGUE),
  catalogue: DISTRICT_CATALOGUE,
});
const found = (paragraphs: string[], changes?: Record<string, unknown>) =>
  proofread(paragraphs, workbook(changes)).map(
    (f) => `${f.checkId} ${f.written} → ${f.expected} [${f.ids.join(",")}]`,
  );

describe("proofread against the workbook", () => {
  it("adds nothing to the real report's three errors, and names the ratio's indicators where it has one", () => {
    expect(found(reportParagraphs())).toEqual([
      "proofread:arithmetic 90,4% → 90,5% [tgn_tyle,tgn_dunghan,tgn_tong]",
      "proofread:arithmetic 99,8% → 98,4% []",
      "proofread:arithmetic 30% → 33% [dautu_tyle,dautu_thuchien,dautu_kehoach]",
    ]);
  });

  it("a percentage after a ratio's two parts is the workbook's ratio, with the workbook's arithmetic", () => {
    const text = ["UBND tỉnh giao 84 nhiệm vụ và huyện hoàn thành đúng hạn 76 nhiệm vụ với tỷ lệ 95%."];
    expect(found(text)).toEqual(["proofread:figures 95% → 90% [tgn_tyle,tgn_dunghan,tgn_tong]"]);
    expect(found(["UBND tỉnh giao 84 nhiệm vụ, hoàn thành đúng hạn 76 nhiệm vụ với tỷ lệ 90,48%."])).toEqual(
      [],
    );
    // Parts below 10 identify nothing (1 of 5 is everywhere); two ratios that disagree are not guessed between.
    expect(found(["cử 05 người, 01 người, tỷ lệ 25,85%"])).toEqual([]);
    // Other figures in the workbook: the text's parts are no ratio's parts there, nothing to compare.
    expect(found(text, { tgn_dunghan: 77 })).toEqual([]);
    expect(
      found(["giao 84 nhiệm vụ, hoàn thành đúng hạn 80 nhiệm vụ với tỷ lệ 90,48%."], { tgn_dunghan: 80 }),
    ).toEqual(["proofread:figures 90,48% → 95,24% [tgn_tyle,tgn_dunghan,tgn_tong]"]);
  });

  it("a figure right after an indicator's own wording is the workbook's", () => {
    expect(found(["Số văn bản chỉ đạo, điều hành CCHC ban hành trong kỳ: 21 văn bản."])).toEqual([
      "proofread:figures 21 → 20 [vb_chidao]",
    ]);
    expect(found(["Số văn bản chỉ đạo, điều hành CCHC ban hành trong kỳ là 20 văn bản."])).toEqual([]);
    expect(found(["Tổng số tiền xử phạt 86.000.000 đồng."])).toEqual([
      "proofread:figures 86.000.000 → 86.450.000 [vphc_tien]",
    ]);
    // In another unit, or with other words between, or a component's generic wording: not guessed.
    expect(found(["Tổng số tiền xử phạt 86 triệu đồng."])).toEqual([]);
    expect(found(["Số văn bản chỉ đạo, điều hành CCHC ban hành trong kỳ trước là 21 văn bản."])).toEqual([]);
    expect(found(["Hoàn thành đúng hạn 76 nhiệm vụ."])).toEqual([]);
    expect(found(["Tỷ lệ xã áp dụng ISO 9001:2015 đạt 90%."])).toEqual([
      "proofread:figures 90% → 100% [iso_tyle]",
    ]);
  });
});
