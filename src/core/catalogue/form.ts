/**
 * Between a catalogue file (a province's form, docs/catalogue-format.md) and the catalogue the
 * program uses: `catalogueFromFile` puts the program's "Thông tin chung" block in front and
 * completes optional fields (check ids, severities); `catalogueToFile` takes them off again,
 * which is what a workbook stores. Neither validates: `validateCatalogue` does, before.
 */
import { checkTypeOfFile } from "../checkTypes";
import { INFO_CHECKS, INFO_SECTION, INFO_SHEET, infoIndicators } from "./infoBlock";
import type { Catalogue, CatalogueFile, CheckRule, CheckRuleFile, Criterion, Indicator } from "./types";

/** The id a check gets when its file gives none (stable: built from what it compares). */
export function defaultCheckId(rule: CheckRuleFile): string {
  return checkTypeOfFile(rule).defaultId(rule);
}

function checkOf(rule: CheckRuleFile, id: string): CheckRule {
  return checkTypeOfFile(rule).fromFile(rule, id);
}

/** The catalogue of a (valid) file, with the program's information block in front. */
export function catalogueFromFile(file: CatalogueFile): Catalogue {
  const used = new Set<string>();
  const checks = file.checks.map((rule) => {
    let id = rule.id ?? defaultCheckId(rule);
    // Two checks over the same ids without ids of their own still need distinct ones.
    for (let n = 2; used.has(id); n++) id = `${rule.id ?? defaultCheckId(rule)}#${n}`;
    used.add(id);
    return checkOf(rule, id);
  });
  const indicators: Indicator[] = file.indicators.map((i) => ({
    id: i.id,
    label: i.label,
    unit: i.unit,
    kind: i.kind,
    section: i.section,
    ...(i.parent !== undefined ? { parent: i.parent } : {}),
    ...(i.formula
      ? { formula: { fn: i.formula.fn, args: [i.formula.args[0], i.formula.args[1]] as const } }
      : {}),
    ...(i.choices ? { choices: i.choices } : {}),
    ...(i.hint !== undefined ? { hint: i.hint } : {}),
    ...(i.aggregate ? { aggregate: i.aggregate } : {}),
    ...(i.openingOf !== undefined ? { openingOf: i.openingOf } : {}),
    ...(i.required ? { required: true } : {}),
    ...(i.max !== undefined ? { max: i.max } : {}),
    ...(i.weightedBy !== undefined ? { weightedBy: i.weightedBy } : {}),
    ...(i.target ? { target: { value: i.target.value, better: i.target.better } } : {}),
  }));
  return {
    id: file.id,
    version: file.version,
    title: file.title,
    level: file.level,
    ...(file.validFrom ? { validFrom: file.validFrom } : {}),
    ...(file.validTo ? { validTo: file.validTo } : {}),
    ...(file.unitsFrom ? { unitsFrom: file.unitsFrom } : {}),
    sheets: [INFO_SHEET, ...file.sheets.map((s) => ({ key: s.key, name: s.name, title: s.title }))],
    sections: [INFO_SECTION, ...file.sections.map((s) => ({ ...s }))],
    indicators: [...infoIndicators(file.level), ...indicators],
    checks: [...checks, ...INFO_CHECKS],
    criteria: file.criteria.map((c): Criterion => ({ ...c })),
    ...(file.outline ? { outline: file.outline } : {}),
    ...(file.tables && file.tables.length > 0 ? { tables: file.tables } : {}),
  };
}

const PROGRAM_CHECKS = new Set(INFO_CHECKS.map((c) => c.id));

/** The file form of a catalogue: what a workbook stores and `catalogue show` prints. */
export function catalogueToFile(catalogue: Catalogue): CatalogueFile {
  return {
    id: catalogue.id,
    version: catalogue.version,
    title: catalogue.title,
    level: catalogue.level,
    ...(catalogue.validFrom ? { validFrom: catalogue.validFrom } : {}),
    ...(catalogue.validTo ? { validTo: catalogue.validTo } : {}),
    ...(catalogue.unitsFrom ? { unitsFrom: catalogue.unitsFrom } : {}),
    sheets: catalogue.sheets.filter((s) => s.key !== INFO_SHEET.key).map((s) => ({ ...s })),
    sections: catalogue.sections.filter((s) => s.id !== INFO_SECTION.id).map((s) => ({ ...s })),
    indicators: catalogue.indicators
      .filter((i) => i.section !== INFO_SECTION.id)
      .map((i) => ({
        id: i.id,
        label: i.label,
        unit: i.unit,
        kind: i.kind,
        section: i.section,
        ...(i.parent !== undefined ? { parent: i.parent } : {}),
        ...(i.formula
          ? {
              formula: {
                fn: i.formula.fn,
                args: i.formula.args.map((a) => (typeof a === "string" ? a : [...a])) as [
                  string | string[],
                  string | string[],
                ],
              },
            }
          : {}),
        ...(i.choices ? { choices: [...i.choices] } : {}),
        ...(i.aggregate ? { aggregate: i.aggregate } : {}),
        ...(i.openingOf !== undefined ? { openingOf: i.openingOf } : {}),
        ...(i.max !== undefined ? { max: i.max } : {}),
        ...(i.weightedBy !== undefined ? { weightedBy: i.weightedBy } : {}),
        ...(i.hint !== undefined ? { hint: i.hint } : {}),
        ...(i.required ? { required: true } : {}),
        ...(i.target ? { target: { ...i.target } } : {}),
      })),
    checks: catalogue.checks
      .filter((c) => !PROGRAM_CHECKS.has(c.id))
      .map((c) => {
        const { id, ...rest } = c;
        const parts = "parts" in rest ? { parts: [...rest.parts] } : {};
        return { id, ...rest, ...parts } as CheckRuleFile;
      }),
    criteria: catalogue.criteria.map(({ lastYear: _lastYear, ...c }) => c),
    ...(catalogue.outline ? { outline: catalogue.outline } : {}),
    ...(catalogue.tables ? { tables: catalogue.tables.map((t) => ({ ...t })) } : {}),
  };
}

/** The ids of a ratio argument: one id, or the summed list. */
export function argIds(arg: string | readonly string[]): readonly string[] {
  return typeof arg === "string" ? [arg] : arg;
}
