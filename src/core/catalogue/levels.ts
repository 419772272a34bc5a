/**
 * District (huyện) and commune (xã) templates from the one catalogue: a commune's template
 * keeps the indicators whose level includes X, the checks whose indicators all remain, and the
 * criteria whose rate it can compute. The template id stored in the workbook says which.
 */
import { DEFAULT_CATALOGUE } from "./index";
import type { Catalogue } from "./types";

export type TemplateLevel = "H" | "X";

/** Template ids as stored in the meta sheet. */
export const TEMPLATE_IDS: Readonly<Record<TemplateLevel, string>> = { H: "cchc-huyen", X: "cchc-xa" };

/** The catalogue of a level, derived from `base` (the district catalogue). */
export function catalogueForLevel(level: TemplateLevel, base: Catalogue = DEFAULT_CATALOGUE): Catalogue {
  if (level === "H") return base;
  const indicators = base.indicators.filter((i) => i.level.includes(level));
  const ids = new Set(indicators.map((i) => i.id));
  const has = (...list: readonly string[]) => list.every((id) => ids.has(id));
  // Sections keep the district's numbers, so the district can set a commune's rows beside its own.
  const sections = base.sections.filter((section) => indicators.some((i) => i.section === section.id));
  const sheets = base.sheets.filter((sheet) => sections.some((section) => section.sheet === sheet.key));
  return {
    ...base,
    id: TEMPLATE_IDS[level],
    sections,
    sheets,
    indicators,
    checks: base.checks.filter((rule) => {
      switch (rule.type) {
        case "partOfWhole":
          return has(rule.part, rule.whole);
        case "sum":
          return has(rule.total, ...rule.parts);
        case "balance":
          return has(rule.total, ...rule.parts, rule.explainedBy);
        case "notAbove":
          return has(rule.value, rule.limit);
        case "dateOrder":
          return has(rule.from, rule.to);
      }
    }),
    criteria: base.criteria.filter((c) => !c.rateFrom || ids.has(c.rateFrom)),
  };
}

/** The catalogue a workbook was installed with, from its template id (district when unknown). */
export function catalogueById(templateId: string | undefined): Catalogue {
  return templateId === TEMPLATE_IDS.X ? catalogueForLevel("X") : DEFAULT_CATALOGUE;
}

/** The level of a template id. */
export function levelOf(templateId: string | undefined): TemplateLevel {
  return templateId === TEMPLATE_IDS.X ? "X" : "H";
}
