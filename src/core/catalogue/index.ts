/**
 * The catalogue: the one object every sheet, check and report row derives from. Catalogues are
 * data (catalogue files, `docs/catalogue-format.md`); the built-in ones are in `data/`.
 */
import { builtinCatalogue, DEFAULT_CATALOGUE_ID } from "./builtins";
import type { Catalogue, Indicator } from "./types";

export * from "./types";
export {
  builtinCatalogue,
  builtinFiles,
  builtinIds,
  DEFAULT_CATALOGUE_ID,
  sameCatalogueId,
} from "./builtins";
export { catalogueFromFile, catalogueToFile, argIds } from "./form";
export * from "./tables";
export { CatalogueError, formatProblem, type CatalogueProblem } from "./errors";
export { allRows, markedLabel, rowNumbers, sectionRows, type LeveledRow, type RowNumber } from "./rows";

/** The default form of a new workbook: the two-tier commune form `xa-2025`. */
export const DEFAULT_CATALOGUE: Catalogue = builtinCatalogue(DEFAULT_CATALOGUE_ID)!;

/** The district form `huyen-2021` (Đức Thọ, 2021), for periods before 1 July 2025. */
export const DISTRICT_CATALOGUE: Catalogue = builtinCatalogue("huyen-2021")!;

/** Indexes already built: a catalogue is never changed once loaded. */
const indexes = new WeakMap<Catalogue, ReadonlyMap<string, Indicator>>();

/**
 * id → indicator, for look-ups by the checks and layouts; built once per catalogue (a
 * consolidation checks hundreds of units of one form).
 */
export function indexIndicators(catalogue: Catalogue): ReadonlyMap<string, Indicator> {
  let index = indexes.get(catalogue);
  if (!index) {
    index = new Map(catalogue.indicators.map((indicator) => [indicator.id, indicator]));
    indexes.set(catalogue, index);
  }
  return index;
}

/**
 * The defined name of an indicator's input cell: `kh_tong` → `CCHC_KH_TONG`; of a table's
 * cell (figure id `<table>.<row>.<column>`, see `tables.ts`): `tthc.dat_dai.moi` →
 * `CCHC_T_TTHC_DAT_DAI_MOI`.
 */
export function inputName(id: string): string {
  return id.includes(".") ? `CCHC_T_${id.toUpperCase().replace(/\./g, "_")}` : `CCHC_${id.toUpperCase()}`;
}

/** The defined name of an indicator's value cell in the report: `kh_tong` → `BC_KH_TONG`. */
export function reportName(id: string): string {
  return `BC_${id.toUpperCase()}`;
}
