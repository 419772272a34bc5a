/**
 * Rows in print order and their level: the one place that turns the indicators' `parent` links
 * into the nesting every listing shows (input sheets, Phụ lục I, `catalogue show`, the
 * consolidation's columns, the draft's figure list).
 *
 * The marks follow the numbering of Vietnamese administrative documents (Nghị định
 * 30/2020/NĐ-CP, Phụ lục I: số Ả Rập, điểm «a)», then the dash and the plus sign), as the real
 * reports print their components (the Đức Thọ report: «- Số hồ sơ mới tiếp nhận …» and under it
 * «+ Tỷ lệ …»): a section is `1`, a row of it `1.1`, and the rows below take, from the deepest
 * level up, `+`, `-`, `a)`. A form whose components go one level deep prints them with `-`, as
 * it always did; two levels `-` then `+`; three levels `a)`, `-`, `+`. Deeper levels keep `+` and
 * are told apart by their indent alone (one indent step a level). The marks are the form's, not a
 * section's, so one table never mixes `a)` and `-` for the same level.
 */
import type { Catalogue, Indicator } from "./types";

/** A row as listings print it: the indicator and its level (0 for a row of the section). */
export interface LeveledRow {
  indicator: Indicator;
  /** 0 for a row without parent, 1 for its component, 2 for a component of that … */
  level: number;
}

/** The marks of the levels below the first, deepest last (see the module's comment). */
const MARKS = ["a)", "-", "+"] as const;

/**
 * A row's level: how many parents lie above it. A parent id that is no indicator, or a cycle
 * (which `catalogue check` refuses; a workbook's stored form may still carry one), ends the
 * chain, so every row gets a finite level.
 */
function levelsOf(indicators: readonly Indicator[]): Map<string, number> {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const levels = new Map<string, number>();
  const levelOf = (indicator: Indicator): number => {
    const known = levels.get(indicator.id);
    if (known !== undefined) return known;
    const seen = new Set<string>([indicator.id]);
    let level = 0;
    for (let at = byId.get(indicator.parent ?? ""); at && !seen.has(at.id); at = byId.get(at.parent ?? "")) {
      seen.add(at.id);
      level++;
    }
    levels.set(indicator.id, level);
    return level;
  };
  indicators.forEach(levelOf);
  return levels;
}

/**
 * A section's rows in print order: each row followed by its components (depth first, in the
 * form's order among siblings), so a component always prints under its own parent even when the
 * form lists it after an unrelated row. A row whose parent is outside the section (refused by
 * `catalogue check`) or unknown prints at its place in the form, as a row of the section.
 * @param catalogue the form
 * @param sectionId a section's id
 * @returns the rows with their levels, every indicator of the section exactly once
 */
export function sectionRows(catalogue: Catalogue, sectionId: string): LeveledRow[] {
  const own = catalogue.indicators.filter((i) => i.section === sectionId);
  const ids = new Set(own.map((i) => i.id));
  const levels = levelsOf(own);
  const children = new Map<string, Indicator[]>();
  const roots: Indicator[] = [];
  for (const indicator of own) {
    const parent = indicator.parent;
    if (
      parent !== undefined &&
      ids.has(parent) &&
      parent !== indicator.id &&
      (levels.get(indicator.id) ?? 0) > 0
    ) {
      const list = children.get(parent) ?? [];
      list.push(indicator);
      children.set(parent, list);
    } else roots.push(indicator);
  }
  const rows: LeveledRow[] = [];
  const placed = new Set<string>();
  const visit = (indicator: Indicator, level: number) => {
    if (placed.has(indicator.id)) return;
    placed.add(indicator.id);
    rows.push({ indicator, level });
    for (const child of children.get(indicator.id) ?? []) visit(child, level + 1);
  };
  for (const root of roots) visit(root, 0);
  // Rows of a parent cycle have no root above them: they print where the form lists them.
  for (const indicator of own) visit(indicator, levels.get(indicator.id) ?? 0);
  return rows;
}

/** Every section's rows in print order (Thông tin chung's first), the sections in the form's order. */
export function allRows(catalogue: Catalogue): LeveledRow[] {
  return catalogue.sections.flatMap((section) => sectionRows(catalogue, section.id));
}

/** The deepest level of the form's rows (0 when no row has a component). */
export function deepestLevel(catalogue: Catalogue): number {
  return Math.max(0, ...allRows(catalogue).map((row) => row.level));
}

/**
 * The mark of a level below the first in a form whose rows go `deepest` levels down: `-` for
 * the only level below, `-` and `+` for two, `a)`, `-`, `+` for three, `+` below those.
 * @param level 1 or more
 * @param deepest the form's `deepestLevel`
 * @param index the row's position among its siblings (0 first), for the letters of `a)`
 */
export function levelMark(level: number, deepest: number, index = 0): string {
  const first = Math.max(deepest, level) >= MARKS.length ? 0 : 1;
  const mark = MARKS[Math.min(first + level - 1, MARKS.length - 1)];
  return mark === "a)" ? `${letter(index)})` : mark;
}

/** `a` … `z`, then `aa`, `ab` … (Vietnamese documents letter points with the Latin alphabet). */
function letter(index: number): string {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  return index < letters.length
    ? letters[index]
    : `${letter(Math.floor(index / letters.length) - 1)}${letters[index % letters.length]}`;
}

/** A row's STT (`1.2`, `a)`, `-`, `+`) and level (0 for a row of the section). */
export interface RowNumber {
  stt: string;
  level: number;
}

/**
 * The STT column of Phụ lục I: `1.1`, `1.2` for the rows of section `1` (numbered with the
 * section's printed number, or its id when it prints none), then each component's `levelMark`.
 * Made once per catalogue (a catalogue is never changed once loaded, as `indexIndicators`).
 * @returns STT and level by indicator id, for every indicator of the form
 */
export function rowNumbers(catalogue: Catalogue): ReadonlyMap<string, RowNumber> {
  const cached = numbered.get(catalogue);
  if (cached) return cached;
  const deepest = deepestLevel(catalogue);
  const numbers = new Map<string, RowNumber>();
  for (const section of catalogue.sections) {
    let top = 0;
    // Siblings are counted per parent, so b) follows a) under the same row only.
    const siblings = new Map<string, number>();
    for (const { indicator, level } of sectionRows(catalogue, section.id)) {
      if (level === 0) {
        top++;
        numbers.set(indicator.id, { stt: `${section.number || section.id}.${top}`, level });
        continue;
      }
      const key = indicator.parent ?? "";
      const index = siblings.get(key) ?? 0;
      siblings.set(key, index + 1);
      numbers.set(indicator.id, { stt: levelMark(level, deepest, index), level });
    }
  }
  numbered.set(catalogue, numbers);
  return numbers;
}

const numbered = new WeakMap<Catalogue, ReadonlyMap<string, RowNumber>>();

/**
 * A row's label with its level's mark, as listings without an STT column print it
 * (`- Có mặt`, `+ Trong đó toàn trình`); a row of the section is its bare label.
 * @param numbers `rowNumbers(catalogue)`
 */
export function markedLabel(indicator: Indicator, numbers: ReadonlyMap<string, RowNumber>): string {
  const number = numbers.get(indicator.id);
  return number && number.level > 0 ? `${number.stt} ${indicator.label}` : indicator.label;
}
