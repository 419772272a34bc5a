/**
 * The narrative draft (src/core/narrative): every computed sentence of both built-in samples'
 * drafts checked against the workbook's figures by an independent rendering of the outline
 * (Intl's vi-VN formats, the test's own arithmetic), the known answers of the Đức Thọ sample,
 * blanks and errors said and highlighted, comparisons only against the same unit and form.
 */
import { builtinCatalogue, type Catalogue, type Indicator } from "../../src/core/catalogue";
import { parseTemplate } from "../../src/core/catalogue/outline";
import { sampleOf } from "../../src/core/catalogue/sample";
import { checkFigures } from "../../src/core/checks";
import { figuresFromValues, type DocumentRow } from "../../src/core/figures";
import {
  buildDraft,
  CompareRefusedError,
  outlineOf,
  runsText,
  type DraftDocument,
  type DraftParagraph,
} from "../../src/core/narrative";

const GENERATED = new Date(2021, 8, 15, 9, 30);

function draftOf(catalogue: Catalogue, values: Record<string, unknown>, compared: DraftCompared[] = []) {
  const figures = figuresFromValues(values, catalogue);
  return buildDraft({
    catalogue,
    figures,
    findings: checkFigures(figures, [], catalogue),
    documents: [],
    compared: compared.map((c) => ({
      source: c.source,
      catalogue: c.catalogue ?? catalogue,
      figures: figuresFromValues(c.values, c.catalogue ?? catalogue),
    })),
    generatedAt: GENERATED,
  });
}
interface DraftCompared {
  source: string;
  values: Record<string, unknown>;
  catalogue?: Catalogue;
}

const paragraphs = (draft: DraftDocument) =>
  draft.body.filter((b): b is DraftParagraph => b.kind === "paragraph");
const texts = (draft: DraftDocument) => paragraphs(draft).map((p) => runsText(p.runs));

// ---- An independent rendering: Intl's vi-VN number formats, the test's own division. ----
const vi = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 3, roundingMode: "halfExpand" } as object);
const pct = new Intl.NumberFormat("vi-VN", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  roundingMode: "halfExpand",
} as object);
const percent = (a: number, b: number) => `${pct.format((a / b) * 100)}%`;

function expectedSentence(catalogue: Catalogue, values: Record<string, unknown>, template: string): RegExp {
  const byId = new Map(catalogue.indicators.map((i) => [i.id, i]));
  const num = (id: string) => (typeof values[id] === "number" ? (values[id] as number) : undefined);
  const sum = (arg: string | readonly string[]) => {
    const ids = typeof arg === "string" ? [arg] : arg;
    const known = ids.map(num).filter((v): v is number => v !== undefined);
    return known.length ? known.reduce((a, b) => a + b, 0) : undefined;
  };
  const blank = (ids: string[]) => `\\[chưa có số liệu: [^\\]]*${escape(byId.get(ids[0])!.label)}[^\\]]*\\]`;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const parts = (r: Indicator) => {
    const [a, b] = r.formula!.args;
    const top = sum(a);
    const den = sum(b);
    const bottom = r.formula!.fn === "DUNGHAN" ? (top ?? 0) + (den ?? 0) : den;
    return { top, bottom };
  };
  let pattern = "";
  for (const piece of parseTemplate(template)) {
    if (piece.kind === "text") {
      pattern += escape(piece.text);
      continue;
    }
    const p = piece.placeholder!;
    if (p.kind === "compare") continue;
    if (p.kind === "level") {
      // The level word of the typed name: the samples are communes and districts.
      pattern += String(values[p.id])
        .match(/(?:XÃ|HUYỆN)(?= )/)![0]
        .toLocaleLowerCase("vi");
      continue;
    }
    if (p.kind === "table") {
      // The table's rows with the most in the column, largest first, at most three (an extra row
      // by its typed label), each with the table's unit (docs/catalogue-format.md, «Tables»).
      const table = catalogue.tables!.find((t) => t.id === p.table)!;
      const rows = [
        ...table.rows,
        ...Array.from({ length: table.extraRows ?? 0 }, (_, i) => ({ id: `x${i + 1}` })),
      ]
        .map((row) => ({
          label: "label" in row ? row.label : values[`${table.id}.${row.id}`],
          figure: values[`${table.id}.${row.id}.${p.column}`],
        }))
        .filter((r): r is { label: string; figure: number } => typeof r.figure === "number" && r.figure > 0)
        .sort((a, b) => b.figure - a.figure)
        .slice(0, 3);
      pattern += escape(rows.map((r) => `${r.label} (${vi.format(r.figure)} ${table.unit})`).join(", "));
      continue;
    }
    if (p.kind === "ratio") {
      const a = num(p.numerator);
      const b = num(p.denominator);
      pattern +=
        a === undefined || b === undefined
          ? blank([a === undefined ? p.numerator : p.denominator])
          : escape(percent(a, b));
      continue;
    }
    const indicator = byId.get(p.id)!;
    if (p.kind === "fraction") {
      const { top, bottom } = parts(indicator);
      pattern +=
        top === undefined || bottom === undefined
          ? "\\[chưa có số liệu: [^\\]]*\\]"
          : escape(`${vi.format(top)}/${vi.format(bottom)}`);
      continue;
    }
    if (indicator.kind === "ratio") {
      const { top, bottom } = parts(indicator);
      pattern +=
        top === undefined || bottom === undefined
          ? "\\[chưa có số liệu: [^\\]]*\\]"
          : escape(percent(top, bottom));
    } else if (p.id === "nam") pattern += String(values.nam);
    else if (typeof values[p.id] === "number") pattern += escape(vi.format(values[p.id] as number));
    else if (typeof values[p.id] === "string") pattern += escape(values[p.id] as string);
    else pattern += blank([p.id]);
  }
  return new RegExp(`^${pattern}$`);
}

describe.each(["huyen-2021", "xa-2025"])("the draft of the %s sample", (id) => {
  const catalogue = builtinCatalogue(id)!;
  const values = sampleOf(id)!.figures as Record<string, unknown>;
  const draft = draftOf(catalogue, values);
  const body = texts(draft);

  it("follows the form's own outline, every sentence rendered from the workbook's figures", () => {
    const outline = outlineOf(catalogue);
    expect(outline).toBe(catalogue.outline);
    const templates: string[] = [];
    const walk = (parts: typeof outline.parts) =>
      parts.forEach((part) => {
        for (const p of part.paragraphs ?? []) if (typeof p === "string") templates.push(p);
        walk(part.parts ?? []);
      });
    walk(outline.parts);
    expect(templates.length).toBeGreaterThan(15);
    for (const template of templates) {
      const expected = expectedSentence(catalogue, values, template);
      const found = body.filter((t) => expected.test(t));
      if (found.length !== 1)
        throw new Error(`No sentence of the draft matches ${expected}\n${body.join("\n")}`);
    }
  });

  it("has the ministry's four parts and the placeholders a person writes, highlighted", () => {
    const headings = paragraphs(draft)
      .filter((p) => p.role === "heading" && p.level === 1)
      .map((p) => runsText(p.runs));
    expect(headings).toEqual([
      "I. TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ ĐẠT ĐƯỢC",
      "II. ĐÁNH GIÁ CHUNG",
      "III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
      "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    ]);
    const sub = paragraphs(draft)
      .filter((p) => p.role === "heading" && p.level === 2)
      .map((p) => runsText(p.runs));
    expect(sub.slice(0, 7).map((h) => h.slice(0, 2))).toEqual(["1.", "2.", "3.", "4.", "5.", "6.", "7."]);
    expect(sub[6]).toMatch(/điện tử.*số/);
    const prompt = paragraphs(draft).find((p) => runsText(p.runs).startsWith("[Nêu ưu điểm"))!;
    expect(prompt.runs).toEqual([{ text: "[Nêu ưu điểm, kết quả nổi bật trong kỳ…]", highlight: true }]);
  });

  it("has no error notice when the figures hold", () => {
    expect(draft.notices).toEqual([]);
  });
});

describe("the xa-2025 sample's draft: the one-stop table in the narrative (issue 21)", () => {
  it("names the fields with the most new dossiers, with their figures", () => {
    const body = texts(
      draftOf(builtinCatalogue("xa-2025")!, sampleOf("xa-2025")!.figures as Record<string, unknown>),
    );
    const sentence =
      "Các lĩnh vực có nhiều hồ sơ mới tiếp nhận nhất: Chứng thực (520 hồ sơ), Hộ tịch (410 hồ sơ), Đất đai (120 hồ sơ).";
    expect(body.filter((t) => t.endsWith(sentence))).toHaveLength(1);
  });
});

describe("the Đức Thọ Q3/2021 draft: known answers", () => {
  const catalogue = builtinCatalogue("huyen-2021")!;
  const values = sampleOf("huyen-2021")!.figures as Record<string, unknown>;
  const draft = draftOf(catalogue, values);
  const all = texts(draft).join("\n");

  it.each([
    "đã hoàn thành 24/47 nhiệm vụ, đạt 51,06%.",
    "hoàn thành đúng hạn 76/84 nhiệm vụ, đạt 90,48%",
    "hoàn thành đúng hạn 7/10 nhiệm vụ, đạt 70,00%",
    "cải cách tổ chức bộ máy 4/4 nhiệm vụ, đạt 100,00%",
    "với tổng số tiền 86.450.000 đồng",
    "Tổng số hồ sơ thủ tục hành chính yêu cầu giải quyết: 1.117 hồ sơ (",
    "Cử 61/236 người đi đào tạo, bồi dưỡng theo kế hoạch năm, đạt 25,85%.",
    "Vốn thu hút đầu tư: 500/1.500 tỷ đồng so với kế hoạch năm, đạt 33,33%.",
    "Doanh nghiệp thành lập mới: 32/20 doanh nghiệp so với kế hoạch năm, đạt 160,00%.",
    "Kế hoạch cải cách hành chính năm 2021 có 47 nhiệm vụ",
    "Doanh nghiệp đóng góp vào thu ngân sách: 47,9/120,535 tỷ đồng so với kế hoạch năm, đạt 39,74%.",
    "Tỷ lệ giải quyết đúng hạn: 17.694/17.694 hồ sơ, đạt 100,00%.",
  ])("says «%s»", (sentence) => {
    expect(all).toContain(sentence);
  });

  it("keeps a sentence whose figure is blank, with the label highlighted", () => {
    const p = paragraphs(draft).find((x) => runsText(x.runs).startsWith("Nhiệm vụ UBND tỉnh"))!;
    expect(p.runs.filter((r) => r.highlight)).toEqual([
      {
        text: "[chưa có số liệu: Nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao trong kỳ: Chưa hoàn thành]",
        highlight: true,
      },
    ]);
  });

  it("writes the Nghị định 30/2020 header, title and signature from Thông tin chung", () => {
    expect(draft.header).toEqual({
      superior: "",
      bodyLines: ["ỦY BAN NHÂN DÂN", "HUYỆN ĐỨC THỌ"],
      symbol: "Số: …/BC-UBND",
      placeAndDate: "Đức Thọ, ngày … tháng … năm 2021",
    });
    expect(draft.kind).toBe("BÁO CÁO");
    expect(draft.summary).toBe("Kết quả thực hiện công tác cải cách hành chính quý III năm 2021");
    expect(draft.signature.authority).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    expect(draft.signature.signer).toBe("Hoàng Xuân Hùng");
    expect(draft.signature.recipients[draft.signature.recipients.length - 1]).toBe("- Lưu: VT, TC-NV.");
    expect(runsText(paragraphs(draft)[0].runs)).toBe(
      "UBND huyện Đức Thọ báo cáo kết quả thực hiện công tác cải cách hành chính quý III năm 2021 (số liệu tính từ ngày 15/6/2021 đến ngày 14/9/2021) như sau:",
    );
  });
});

describe("errors left in the workbook", () => {
  it("are said on the first page, highlighted, one line for each", () => {
    const catalogue = builtinCatalogue("xa-2025")!;
    const values = { ...(sampleOf("xa-2025")!.figures as Record<string, unknown>), kh_ht: 31 };
    const draft = draftOf(catalogue, values);
    expect(draft.notices.length).toBeGreaterThanOrEqual(2);
    expect(draft.notices.every((p) => p.runs.every((r) => r.highlight))).toBe(true);
    expect(runsText(draft.notices[0].runs)).toMatch(
      /^\[LƯU Ý, XÓA TRƯỚC KHI BAN HÀNH: số liệu trong sổ còn \d+ lỗi/,
    );
    expect(draft.notices.map((p) => runsText(p.runs)).join("\n")).toContain("Số nhiệm vụ đã hoàn thành");
  });
});

describe("comparison with another period (--compare)", () => {
  const catalogue = builtinCatalogue("huyen-2021")!;
  const values = sampleOf("huyen-2021")!.figures as Record<string, unknown>;
  const lastYear = { ...values, nam: 2020, hs_tong: 1105, kh_hoanthanh: 20, vb_chidao: 25 };

  it("says how each figure changed against the same period of last year", () => {
    const all = texts(draftOf(catalogue, values, [{ source: "2020.xlsx", values: lastYear }])).join("\n");
    // 1117 − 1105 = 12; 12 / 1105 = 1,0859…%.
    expect(all).toContain(
      "yêu cầu giải quyết: 1.117 hồ sơ, tăng 12 hồ sơ (+1,09%) so với cùng kỳ năm 2020 (",
    );
    // 20/47 = 42,55%; 24/47 = 51,06%: 8,51 percentage points.
    expect(all).toContain("đạt 51,06%, tăng 8,51 điểm phần trăm so với cùng kỳ năm 2020.");
    // 20 → 25 the year before: down 5 (−20,00%).
    expect(all).toContain(
      "Ban hành 20 văn bản chỉ đạo, điều hành công tác cải cách hành chính, giảm 5 văn bản (-20,00%) so với cùng kỳ năm 2020;",
    );
  });

  it("names another period by its own name, and writes nothing without one", () => {
    const q2 = { ...values, ky_bao_cao: "Quý II", hs_tong: 1117 };
    const all = texts(draftOf(catalogue, values, [{ source: "q2.xlsx", values: q2 }])).join("\n");
    expect(all).toContain("1.117 hồ sơ, không thay đổi so với quý II năm 2021 (");
    expect(texts(draftOf(catalogue, values)).join("\n")).not.toMatch(/so với cùng kỳ|so với quý/);
  });

  it("refuses another unit, another form, the same period, naming why", () => {
    const refusal = (compared: DraftCompared) => {
      try {
        draftOf(catalogue, values, [compared]);
      } catch (error) {
        expect(error).toBeInstanceOf(CompareRefusedError);
        return (error as Error).message;
      }
      throw new Error("not refused");
    };
    expect(
      refusal({ source: "can-loc.xlsx", values: { ...lastYear, co_quan: "ỦY BAN NHÂN DÂN HUYỆN CAN LỘC" } }),
    ).toBe(
      'Không so sánh được với tệp "can-loc.xlsx": tệp là báo cáo của «ỦY BAN NHÂN DÂN HUYỆN CAN LỘC», khác đơn vị «ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ» của báo cáo.',
    );
    // The unit's identity of the consolidation: UBND and case do not matter.
    expect(() =>
      draftOf(catalogue, values, [
        { source: "a.xlsx", values: { ...lastYear, co_quan: "UBND huyện Đức Thọ" } },
      ]),
    ).not.toThrow();
    const xa = builtinCatalogue("xa-2025")!;
    expect(
      refusal({ source: "xa.xlsx", catalogue: xa, values: { ...(sampleOf("xa-2025")!.figures as object) } }),
    ).toMatch(
      /^Không so sánh được với tệp "xa.xlsx": tệp theo mẫu «xa-2025» phiên bản 2025\.4, khác mẫu «huyen-2021» phiên bản 2021\.1 của báo cáo\.$/,
    );
    expect(refusal({ source: "copy.xlsx", values })).toMatch(/tệp cùng kỳ quý III năm 2021 với báo cáo\.$/);
    expect(refusal({ source: "x.xlsx", values: { ...lastYear, ky_bao_cao: "" } })).toMatch(
      /tệp chưa có Kỳ báo cáo và Năm/,
    );
  });
});

describe("who signs and the symbol follow the issuing body (Nghị định 30/2020, Điều 13)", () => {
  const xa = builtinCatalogue("xa-2025")!;
  const sample = sampleOf("xa-2025")!.figures as Record<string, unknown>;
  const draftBy = (info: Record<string, string>) =>
    draftOf(xa, {
      ...sample,
      quyen_han_ky: "",
      chuc_vu_ky: "",
      so_ky_hieu: "",
      ...info,
    });
  const intro = (draft: DraftDocument) => texts(draft)[0];

  it("signs a ward's or a commune's report for its People's Committee, with the UBND symbol", () => {
    const ward = draftBy({ co_quan: "ỦY BAN NHÂN DÂN PHƯỜNG PHAN ĐÌNH PHÙNG" });
    expect(ward.header.bodyLines).toEqual(["ỦY BAN NHÂN DÂN", "PHƯỜNG PHAN ĐÌNH PHÙNG"]);
    expect(ward.header.symbol).toBe("Số: …/BC-UBND");
    expect(ward.signature.authority).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
    expect(intro(ward)).toMatch(/^UBND phường Phan Đình Phùng báo cáo kết quả/);
    const commune = draftBy({ co_quan: "Ủy ban nhân dân xã Đức Thọ", chuc_vu_ky: "Phó Chủ tịch" });
    expect(commune.signature.authority).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    expect(intro(commune)).toMatch(/^UBND xã Đức Thọ báo cáo kết quả/);
    const district = draftBy({ co_quan: "ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ", so_ky_hieu: "125/BC-UBND" });
    expect(district.header.symbol).toBe("Số: 125/BC-UBND");
    expect(intro(district)).toMatch(/^UBND huyện Đức Thọ báo cáo kết quả/);
  });

  it("signs a Sở's report as its director, names it in sentence case, symbol BC-SNV", () => {
    const director = draftBy({ co_quan: "SỞ NỘI VỤ TỈNH HÀ TĨNH" });
    expect(director.header.bodyLines).toEqual(["SỞ NỘI VỤ", "TỈNH HÀ TĨNH"]);
    expect(director.header.symbol).toBe("Số: …/BC-SNV");
    expect(director.signature.authority).toEqual(["GIÁM ĐỐC"]);
    expect(intro(director)).toMatch(/^Sở Nội vụ tỉnh Hà Tĩnh báo cáo kết quả thực hiện công tác cải cách/);
    // Broken before the province, never inside its name; a name without a place is one line.
    expect(draftBy({ co_quan: "Sở Nội vụ" }).header.bodyLines).toEqual(["SỞ NỘI VỤ"]);
    expect(draftBy({ co_quan: "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG THÀNH PHỐ HÀ NỘI" }).header.bodyLines).toEqual([
      "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
      "THÀNH PHỐ HÀ NỘI",
    ]);
    const deputy = draftBy({ co_quan: "SỞ NỘI VỤ TỈNH HÀ TĨNH", chuc_vu_ky: "PHÓ GIÁM ĐỐC" });
    expect(deputy.signature.authority).toEqual(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]);
  });

  it("is addressed to the first recipient that is not the archive copy, the same list as «Nơi nhận»", () => {
    const draft = draftBy({ noi_nhan: "- Lưu: VT.\n- Sở Nội vụ tỉnh Hà Tĩnh;\n• Thường trực Huyện ủy." });
    expect(runsText(draft.addressee)).toBe("Kính gửi: Sở Nội vụ tỉnh Hà Tĩnh.");
    expect(draft.signature.recipients).toEqual([
      "- Lưu: VT;",
      "- Sở Nội vụ tỉnh Hà Tĩnh;",
      "- Thường trực Huyện ủy.",
    ]);
    expect(runsText(draftBy({ noi_nhan: "Lưu: VT" }).addressee)).toBe("Kính gửi: [Nêu nơi nhận báo cáo]");
  });

  it("never signs a department's report on behalf of a committee", () => {
    const draft = draftBy({
      co_quan: "SỞ NỘI VỤ",
      quyen_han_ky: "TM. ỦY BAN NHÂN DÂN / KT. GIÁM ĐỐC",
      chuc_vu_ky: "PHÓ GIÁM ĐỐC",
    });
    expect(draft.signature.authority).toEqual(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]);
  });
});

describe("the appendices (--with-appendices)", () => {
  const catalogue = builtinCatalogue("xa-2025")!;
  const values = sampleOf("xa-2025")!.figures as Record<string, unknown>;
  const figures = figuresFromValues(values, catalogue);
  const withAppendices = (documents: DocumentRow[]) =>
    buildDraft({
      catalogue,
      figures,
      findings: checkFigures(figures, documents, catalogue),
      documents,
      withAppendices: true,
      generatedAt: GENERATED,
    });
  const names = (draft: DraftDocument) => draft.appendices.map((a) => runsText(a.titleLines[0]));

  it("leave Phụ lục II out when the workbook lists no document, as the report does (issue 17)", () => {
    // xa-2025's two tables print after Phụ lục I (issue 21).
    expect(names(withAppendices([]))).toEqual(["Phụ lục I", "Phụ lục I.1", "Phụ lục I.2"]);
  });

  it("are each on the page their workbook sheet prints on: the two wide tables landscape", () => {
    expect(withAppendices([]).appendices.map((a) => a.orientation)).toEqual([
      "portrait",
      "landscape",
      "landscape",
    ]);
  });

  it("have Phụ lục II, listing the documents, when the workbook has some", () => {
    const document: DocumentRow = {
      index: 1,
      number: { type: "text", value: "12/KH-UBND" },
      date: { type: "number", value: 44200 },
      summary: { type: "text", value: "Kế hoạch cải cách hành chính năm 2021" },
      note: { type: "blank" },
      numberCell: "B5",
      dateCell: "C5",
    };
    const draft = withAppendices([document]);
    expect(names(draft)).toEqual(["Phụ lục I", "Phụ lục I.1", "Phụ lục I.2", "Phụ lục II"]);
    const cells = draft.appendices[3].table.rows.flat().map((c) => JSON.stringify(c));
    expect(cells.some((c) => c.includes("12/KH-UBND"))).toBe(true);
  });
});
