/**
 * The outline in a province's catalogue: validated with the JSON path of every bad reference,
 * carried through the workbook's stored form, followed by the draft; and the draft of a form
 * without an outline of its own (a sub-section per section, a sentence per indicator).
 */
import * as fs from "fs";
import * as path from "path";
import {
  builtinCatalogue,
  catalogueFromFile,
  catalogueToFile,
  type CatalogueFile,
} from "../../src/core/catalogue";
import { catalogueProblems, parseCatalogue } from "../../src/core/catalogue/validate";
import { checkFigures } from "../../src/core/checks";
import { figuresFromValues } from "../../src/core/figures";
import { buildDraft, outlineOf, runsText, type DraftParagraph } from "../../src/core/narrative";
import { TYPED } from "../support/province";

const V1 = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "fixtures", "catalogues", "tinh-thu-xa.v1.json"), "utf8"),
) as CatalogueFile;

/** The province's own wording of its report. */
export const PROVINCE_OUTLINE: CatalogueFile["outline"] = {
  parts: [
    {
      heading: "I. KẾT QUẢ CẢI CÁCH HÀNH CHÍNH {ky_bao_cao} NĂM {nam}",
      parts: [
        {
          heading: "1. Một cửa",
          paragraphs: [
            "Bộ phận một cửa nhận {hs_nhan} hồ sơ{sosanh:hs_nhan}, trả kết quả {hs_xong} hồ sơ; trả trước hạn và đúng hạn {phanso:ty_kip} hồ sơ, đạt {ty_kip}.",
            "Hồ sơ hủy, trả lại: {hs_huy} hồ sơ.",
          ],
        },
        { heading: "2. Nhân sự và tài chính", section: "II" },
        {
          heading: "3. Thu ngân sách",
          paragraphs: ["Thu {tc_thu}/{tc_dutoan} triệu đồng, đạt {tyle:tc_thu:tc_dutoan}."],
        },
      ],
    },
    {
      heading: "II. ĐÁNH GIÁ",
      paragraphs: [{ placeholder: "Đánh giá theo hướng dẫn của Sở Nội vụ tỉnh Thử…" }],
    },
  ],
};

const paragraphs = (catalogue = parseCatalogue(JSON.stringify({ ...V1, outline: PROVINCE_OUTLINE }))) => {
  const figures = figuresFromValues(TYPED, catalogue);
  const draft = buildDraft({
    catalogue,
    figures,
    findings: checkFigures(figures, [], catalogue),
    documents: [],
    generatedAt: new Date(2026, 3, 1),
  });
  return {
    draft,
    texts: draft.body.filter((b): b is DraftParagraph => b.kind === "paragraph").map((p) => runsText(p.runs)),
  };
};

describe("a province's outline", () => {
  it("is valid, stored with the form in the workbook and read back", () => {
    const text = JSON.stringify({ ...V1, outline: PROVINCE_OUTLINE });
    expect(catalogueProblems(text)).toEqual([]);
    const catalogue = parseCatalogue(text);
    const stored = catalogueFromFile(JSON.parse(JSON.stringify(catalogueToFile(catalogue))) as CatalogueFile);
    expect(stored.outline).toEqual(PROVINCE_OUTLINE);
  });

  it("is the wording of the draft: its headings, sentences, sections and prompts", () => {
    const { draft, texts } = paragraphs();
    expect(texts).toEqual([
      "UBND phường Thử báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2026 (số liệu tính từ ngày 15/12/2025 đến ngày 14/3/2026) như sau:",
      "I. KẾT QUẢ CẢI CÁCH HÀNH CHÍNH Quý I NĂM 2026",
      "1. Một cửa",
      // (40 + 100) / 150 = 93,33%
      "Bộ phận một cửa nhận 200 hồ sơ, trả kết quả 150 hồ sơ; trả trước hạn và đúng hạn 140/150 hồ sơ, đạt 93,33%.",
      "Hồ sơ hủy, trả lại: [chưa có số liệu: Hồ sơ hủy, trả lại] hồ sơ.",
      "2. Nhân sự và tài chính",
      "Biên chế được giao: 20 người.",
      "- Có mặt: 22 người.",
      "Ghi nhận về nhân sự: Thiếu 2 người.",
      "Tự đánh giá nhân sự: Thiếu.",
      "3. Thu ngân sách",
      "Thu 900/1.000 triệu đồng, đạt 90,00%.",
      "II. ĐÁNH GIÁ",
      "[Đánh giá theo hướng dẫn của Sở Nội vụ tỉnh Thử…]",
    ]);
    // The typed figures break two rules: said on the first page.
    expect(runsText(draft.notices[0].runs)).toContain("còn 2 lỗi");
  });
});

describe("a bad outline is refused, naming the JSON path", () => {
  const problems = (outline: unknown) => catalogueProblems(JSON.stringify({ ...V1, outline }));

  it("names an unknown id, an unknown placeholder, an unknown section, a placeholder of the wrong kind", () => {
    expect(
      problems({
        parts: [
          {
            heading: "I. {khong_co}",
            section: "IX",
            paragraphs: [
              "Nhận {hs_nhan} hồ sơ.",
              "{tong:hs_nhan}",
              "{tyle:ns_ghichu:hs_nhan} {phanso:hs_nhan}",
              "Ủy ban nhân dân {cap:hs_nhan}",
            ],
            parts: [{ heading: "1.", paragraphs: ["{sosanh:hs_nhann}", "Thiếu ngoặc {hs_nhan"] }],
          },
        ],
      }),
    ).toEqual([
      {
        path: "outline.parts[0].heading",
        id: "khong_co",
        message: 'Câu mẫu dùng chỉ tiêu "khong_co" không có trong indicators.',
      },
      { path: "outline.parts[0].section", id: "IX", message: 'Mục "IX" không có trong sections.' },
      {
        path: "outline.parts[0].paragraphs[1]",
        id: "tong:hs_nhan",
        message:
          'Chỗ điền "{tong:hs_nhan}" không phải dạng chương trình hiểu; dùng {mã chỉ tiêu}, {tyle:mã tử số:mã mẫu số}, {phanso:mã tỷ lệ}, {sosanh:mã chỉ tiêu}, {bang:mã bảng:mã cột} hoặc {cap:mã chỉ tiêu chữ}.',
      },
      {
        path: "outline.parts[0].paragraphs[2]",
        id: "ns_ghichu",
        message: '{tyle:…} chỉ tính trên số đếm hoặc số tiền; "ns_ghichu" là "text".',
      },
      {
        path: "outline.parts[0].paragraphs[2]",
        id: "hs_nhan",
        message: '{phanso:…} chỉ dùng với chỉ tiêu tỷ lệ (ratio); "hs_nhan" là "count".',
      },
      {
        path: "outline.parts[0].paragraphs[3]",
        id: "hs_nhan",
        message:
          '{cap:…} đọc cấp hành chính trong tên, chỉ dùng với chỉ tiêu chữ (text); "hs_nhan" là "count".',
      },
      {
        path: "outline.parts[0].parts[0].paragraphs[0]",
        id: "hs_nhann",
        message: 'Câu mẫu dùng chỉ tiêu "hs_nhann" không có trong indicators.',
      },
      {
        path: "outline.parts[0].parts[0].paragraphs[1]",
        message: "Câu mẫu có dấu ngoặc { hoặc } không thành cặp.",
      },
    ]);
  });

  it("names a field the format does not have, through the schema", () => {
    expect(problems({ parts: [{ heading: "I.", text: "x" }] })).toEqual([
      expect.objectContaining({
        path: "outline.parts[0].text",
        message: 'trường "text" không có trong định dạng danh mục.',
      }),
    ]);
  });
});

describe("the level of the unit in the built-in commune form's sentences ({cap:co_quan})", () => {
  const XA = builtinCatalogue("xa-2025")!;
  const sentencesOf = (coQuan: string) => {
    const figures = figuresFromValues(
      { co_quan: coQuan, ky_bao_cao: "Quý III", nam: 2025, qppl_banhanh: 2, qppl_raosoat: 5 },
      XA,
    );
    const draft = buildDraft({
      catalogue: XA,
      figures,
      findings: [],
      documents: [],
      generatedAt: new Date(2025, 8, 20),
    });
    return draft.body
      .filter((b): b is DraftParagraph => b.kind === "paragraph")
      .map((p) => runsText(p.runs))
      .filter((t) => t.includes("ban hành 2 văn bản"));
  };

  it("names a ward a ward, a special zone a special zone, a commune a commune", () => {
    expect(sentencesOf("ỦY BAN NHÂN DÂN PHƯỜNG HOA SEN")).toEqual([
      "Hội đồng nhân dân, Ủy ban nhân dân phường ban hành 2 văn bản quy phạm pháp luật; rà soát 5 văn bản quy phạm pháp luật.",
    ]);
    expect(sentencesOf("UBND đặc khu Côn Đảo")[0]).toMatch(
      /^Hội đồng nhân dân, Ủy ban nhân dân đặc khu ban hành/,
    );
    expect(sentencesOf("ỦY BAN NHÂN DÂN XÃ TÙNG ẢNH")[0]).toMatch(
      /^Hội đồng nhân dân, Ủy ban nhân dân xã ban hành/,
    );
  });

  it("marks a name that says no level, never guessing «xã»", () => {
    expect(sentencesOf("ỦY BAN NHÂN DÂN HOA SEN")).toEqual([
      "Hội đồng nhân dân, Ủy ban nhân dân [tên «ỦY BAN NHÂN DÂN HOA SEN» không ghi cấp xã, phường hay đặc khu] ban hành 2 văn bản quy phạm pháp luật; rà soát 5 văn bản quy phạm pháp luật.",
    ]);
  });
});

describe("a form without an outline of its own", () => {
  it("drafts a sub-section per section of the form and a sentence per indicator in its own wording", () => {
    const { texts } = paragraphs(parseCatalogue(JSON.stringify(V1)));
    expect(texts.slice(0, 14)).toEqual([
      "UBND phường Thử báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2026 (số liệu tính từ ngày 15/12/2025 đến ngày 14/3/2026) như sau:",
      "I. TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ ĐẠT ĐƯỢC",
      "I. Giải quyết hồ sơ",
      "Hồ sơ đã nhận: 200 hồ sơ.",
      "Hồ sơ đã trả kết quả: 150 hồ sơ.",
      "- Trả trước hạn: 40 hồ sơ.",
      "- Trả đúng hạn: 100 hồ sơ.",
      "- Trả trễ hạn: 12 hồ sơ.",
      "Hồ sơ đang xử lý cuối kỳ: 30 hồ sơ.",
      "Hồ sơ hủy, trả lại: [chưa có số liệu: Hồ sơ hủy, trả lại].",
      "Tỷ lệ trả trước hạn và đúng hạn: 140/150 hồ sơ, đạt 93,33%.",
      // On time over on time plus late: 140 / (140 + 12) = 92,11%.
      "Tỷ lệ không trễ hạn: 140/152 hồ sơ, đạt 92,11%.",
      "II. Nhân sự",
      "Biên chế được giao: 20 người.",
    ]);
    expect(texts).toContain("Tỷ lệ thu so dự toán: 900/1.000 triệu đồng, đạt 90,00%.");
    expect(texts).toContain("Ngày bắt đầu đợt kiểm tra: 10/1/2026.");
    expect(texts.slice(-11, -4)).toEqual([
      "II. ĐÁNH GIÁ CHUNG",
      "1. Ưu điểm",
      "[Nêu ưu điểm, kết quả nổi bật trong kỳ…]",
      "2. Tồn tại, hạn chế",
      "[Nêu tồn tại, hạn chế…]",
      "3. Nguyên nhân",
      "[Nêu nguyên nhân khách quan, chủ quan của tồn tại, hạn chế…]",
    ]);
  });

  it("of a workbook stored before outlines: the built-in outline of the same version, else its own sections", () => {
    const builtin = builtinCatalogue("xa-2025")!;
    const { outline: _outline, ...old } = catalogueToFile(builtin);
    expect(outlineOf(catalogueFromFile(old))).toBe(builtin.outline);
    const other = outlineOf(catalogueFromFile({ ...old, version: "2024.9" }));
    expect(other.parts[0].parts!.map((p) => p.section)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
  });
});
