/**
 * Findings as the Kiểm tra số liệu panel lists them: errors first, then warnings; within each,
 * grouped by the catalogue section of the finding's first indicator, sections in catalogue
 * order and findings in the order the checks gave them. Pure.
 */
import type { Catalogue, Severity } from "../core/catalogue";
import type { Finding } from "../core/checks";

/**
 * A finding with the section of the workbook's own form that it belongs to (its first
 * indicator's): the pane does not hold the catalogue, so the operation that checked attaches it.
 */
export type PaneFinding = Finding & { section?: { id: string; title: string; order: number } };

/** The findings with their sections in `catalogue` (the workbook's own form). */
export function withSections(findings: readonly Finding[], catalogue: Catalogue): PaneFinding[] {
  const sectionOf = new Map(catalogue.indicators.map((i) => [i.id, i.section]));
  const sections = new Map(
    catalogue.sections.map((s, order) => [
      s.id,
      { id: s.id, title: s.number ? `${s.number}. ${s.title}` : s.title, order },
    ]),
  );
  return findings.map((finding) => {
    const section = sections.get(sectionOf.get(finding.ids[0] ?? "") ?? "");
    return section ? { ...finding, section } : { ...finding };
  });
}

export interface FindingSection {
  /** The section's id, or "" for findings whose indicator the catalogue does not know. */
  id: string;
  /** `3. Cải cách thủ tục hành chính`; "" for the unknown group (the pane names it). */
  title: string;
  findings: Finding[];
}

export interface FindingGroup {
  severity: Severity;
  count: number;
  sections: FindingSection[];
}

const SEVERITIES: readonly Severity[] = ["error", "warning"];

/**
 * Groups findings by severity (errors first) then by section (as `withSections` attached them);
 * empty groups are left out.
 */
export function groupFindings(findings: readonly PaneFinding[]): FindingGroup[] {
  const order = new Map<string, number>();
  const titles = new Map<string, string>();
  for (const f of findings) {
    if (!f.section) continue;
    order.set(f.section.id, f.section.order);
    titles.set(f.section.id, f.section.title);
  }

  return SEVERITIES.map((severity) => {
    const sections = new Map<string, FindingSection>();
    for (const finding of findings) {
      if (finding.severity !== severity) continue;
      const id = finding.section?.id ?? "";
      let section = sections.get(id);
      if (!section) {
        section = { id, title: titles.get(id) ?? "", findings: [] };
        sections.set(id, section);
      }
      section.findings.push(finding);
    }
    const sorted = [...sections.values()].sort(
      (a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity),
    );
    return { severity, count: sorted.reduce((n, s) => n + s.findings.length, 0), sections: sorted };
  }).filter((group) => group.count > 0);
}

/** A cell reference as users read it: `'2-3. Thể chế, TTHC'!D12` → `2-3. Thể chế, TTHC!D12`. */
export function readableCell(ref: string): string {
  const match = /^'((?:[^']|'')+)'!(.+)$/.exec(ref);
  return match ? `${match[1].replace(/''/g, "'")}!${match[2]}` : ref;
}
