/** The default catalogue: one object that every sheet, check and report row derives from. */
import { CHECKS } from "./checks";
import { CRITERIA } from "./criteria";
import { INDICATORS, INPUT_SHEETS, SECTIONS } from "./indicators";
import type { Catalogue, Indicator } from "./types";

export * from "./types";

export const DEFAULT_CATALOGUE: Catalogue = {
  id: "cchc-huyen",
  version: "1.0.0",
  sections: SECTIONS,
  sheets: INPUT_SHEETS,
  indicators: INDICATORS,
  checks: CHECKS,
  criteria: CRITERIA,
};

/** id → indicator, for look-ups by the checks and layouts. */
export function indexIndicators(catalogue: Catalogue): ReadonlyMap<string, Indicator> {
  return new Map(catalogue.indicators.map((indicator) => [indicator.id, indicator]));
}

/** The defined name of an indicator's input cell: `kh_tong` → `CCHC_KH_TONG`. */
export function inputName(id: string): string {
  return `CCHC_${id.toUpperCase()}`;
}

/** The defined name of an indicator's value cell in the report: `kh_tong` → `BC_KH_TONG`. */
export function reportName(id: string): string {
  return `BC_${id.toUpperCase()}`;
}
