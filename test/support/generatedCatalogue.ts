/** A generated catalogue of any size, for the chunking test and `npm run bench`. */
import type { CatalogueFile } from "../../src/core/catalogue";

/** A generated catalogue of `n` count indicators in 10 sections, with a ratio per section. */
export function generatedCatalogue(n: number, version = "1"): CatalogueFile {
  const sections = Array.from({ length: 10 }, (_, s) => ({
    id: `s${s}`,
    number: String(s + 1),
    title: `Mục ${s + 1}`,
    sheet: `p${s % 5}`,
  }));
  const indicators: CatalogueFile["indicators"] = [];
  for (let i = 0; i < n; i++) {
    indicators.push({
      id: `ct_${i}`,
      label: `Chỉ tiêu số ${i} có nhãn dài vừa phải để giống thật`,
      unit: "việc",
      kind: "count",
      section: `s${i % 10}`,
      aggregate: "flow",
    });
  }
  for (let s = 0; s < 10; s++) {
    indicators.push({
      id: `ty_${s}`,
      label: `Tỷ lệ mục ${s + 1}`,
      unit: "%",
      kind: "ratio",
      section: `s${s}`,
      formula: { fn: "TYLE", args: [[`ct_${s}`, `ct_${s + 10}`], `ct_${s + 20}`] },
    });
  }
  return {
    id: "sinh-ra",
    version,
    title: "Danh mục sinh ra để đo",
    level: "xa",
    sheets: Array.from({ length: 5 }, (_, k) => ({
      key: `p${k}`,
      name: `Trang ${k + 1}`,
      title: `TRANG ${k + 1}`,
    })),
    sections,
    indicators,
    checks: Array.from({ length: 10 }, (_, s) => ({
      type: "partOfWhole" as const,
      part: `ct_${s}`,
      whole: `ct_${s + 20}`,
      severity: "error" as const,
    })),
    criteria: [{ code: "TC_1", label: "Tiêu chí 1", max: 1, method: 0 as const, rateFrom: "ty_0" }],
  };
}
