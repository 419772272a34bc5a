/**
 * The outline a draft follows: the form's own (its catalogue's `outline`); for a workbook whose
 * stored form predates outlines, the built-in form of the same id and version (the outline is
 * wording, not figures, so the version did not change); else one built from the form itself, in
 * the ministry's four parts, with a sub-section per section of the form and a sentence per
 * indicator in its own wording.
 */
import { builtinCatalogue, type Catalogue, type Outline } from "../catalogue";
import { INFO_SECTION } from "../catalogue/infoBlock";

/** The parts a person writes: assessment, causes, next tasks, proposals (Bộ Nội vụ's outline). */
export const ASSESSMENT_PARTS: Outline["parts"] = [
  {
    heading: "II. ĐÁNH GIÁ CHUNG",
    parts: [
      { heading: "1. Ưu điểm", paragraphs: [{ placeholder: "Nêu ưu điểm, kết quả nổi bật trong kỳ…" }] },
      { heading: "2. Tồn tại, hạn chế", paragraphs: [{ placeholder: "Nêu tồn tại, hạn chế…" }] },
      {
        heading: "3. Nguyên nhân",
        paragraphs: [{ placeholder: "Nêu nguyên nhân khách quan, chủ quan của tồn tại, hạn chế…" }],
      },
    ],
  },
  {
    heading: "III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
    paragraphs: [{ placeholder: "Nêu phương hướng, nhiệm vụ trọng tâm kỳ tới…" }],
  },
  { heading: "IV. ĐỀ XUẤT, KIẾN NGHỊ", paragraphs: [{ placeholder: "Nêu đề xuất, kiến nghị (nếu có)…" }] },
];

/** The outline of a form without one: its sections under part I, then the parts a person writes. */
export function defaultOutline(catalogue: Catalogue): Outline {
  return {
    parts: [
      {
        heading: "I. TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ ĐẠT ĐƯỢC",
        parts: catalogue.sections
          .filter((s) => s.id !== INFO_SECTION.id)
          .map((s) => ({ heading: `${s.number ? `${s.number}. ` : ""}${s.title}`, section: s.id })),
      },
      ...ASSESSMENT_PARTS,
    ],
  };
}

/** The outline the draft of a workbook of this form follows. */
export function outlineOf(catalogue: Catalogue): Outline {
  if (catalogue.outline) return catalogue.outline;
  const builtin = builtinCatalogue(catalogue.id);
  if (builtin?.outline && builtin.version === catalogue.version) return builtin.outline;
  return defaultOutline(catalogue);
}
