/**
 * The built-in forms: catalogue files shipped in `data/`, loaded as data (the same format a
 * province writes). `xa-2025` is the default (communes, wards and special zones of the two-tier
 * system); `huyen-2021` is the district form for periods before 1 July 2025. Workbooks
 * installed before catalogues were files carry the template ids `cchc-huyen` (the district
 * form) and `cchc-xa` (the old commune subset of it); both still read.
 */
import huyen2021 from "./data/huyen-2021.json";
import xa2025 from "./data/xa-2025.json";
import legacyXa from "./data/cchc-xa.json";
import { catalogueFromFile } from "./form";
import type { Catalogue, CatalogueFile } from "./types";

export { DEFAULT_CATALOGUE_ID } from "./defaultForm";

const FILES: readonly CatalogueFile[] = [
  xa2025 as unknown as CatalogueFile,
  huyen2021 as unknown as CatalogueFile,
];

/** Template ids of workbooks installed before catalogue files: the catalogue id they now mean. */
export const LEGACY_IDS: Readonly<Record<string, string>> = { "cchc-huyen": "huyen-2021" };

const LEGACY_FILES: Readonly<Record<string, CatalogueFile>> = {
  "cchc-xa": legacyXa as unknown as CatalogueFile,
};

const cache = new Map<string, Catalogue>();

/** The built-in catalogue files, the default first. */
export function builtinFiles(): readonly CatalogueFile[] {
  return FILES;
}

/**
 * Every id a built-in catalogue answers to, each catalogue once: the built-in forms (the
 * default first), then the legacy commune subset `cchc-xa` (`cchc-huyen` is `huyen-2021`).
 */
export function builtinIds(): string[] {
  return [...FILES.map((file) => file.id), ...Object.keys(LEGACY_FILES)];
}

/**
 * The built-in catalogue of an id (a legacy template id too), or undefined when there is none.
 * Built once and shared: callers never modify a catalogue.
 */
export function builtinCatalogue(id: string): Catalogue | undefined {
  const own = LEGACY_IDS[id] ?? id;
  const cached = cache.get(own);
  if (cached) return cached;
  const file = FILES.find((f) => f.id === own) ?? LEGACY_FILES[own];
  if (!file) return undefined;
  const catalogue = catalogueFromFile(file);
  cache.set(own, catalogue);
  return catalogue;
}

/** The same catalogue, as installing sees it: a legacy template id is its catalogue's id. */
export function sameCatalogueId(a: string, b: string): boolean {
  return (LEGACY_IDS[a] ?? a) === (LEGACY_IDS[b] ?? b);
}
