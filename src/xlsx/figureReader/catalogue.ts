/**
 * Which form a workbook carries, from its meta sheet: the catalogue stored there (or, in a
 * workbook installed before catalogues were files, the built-in its template id names).
 */
import type { Catalogue } from "../../core/catalogue";
import { catalogueOfMeta, type TemplateMeta } from "../../core/meta";

/** Finds the catalogue of a workbook from its meta (and the meta sheet's rows); undefined when unknown. */
export type CatalogueResolver = (
  meta: TemplateMeta,
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
) => Catalogue | undefined;

/**
 * Forms already rebuilt, by their stored text (or template id): the many files of one province
 * carry the same form, which is parsed once and shared as one object.
 */
const seen = new Map<string, Catalogue>();

/** The workbook's own form; undefined when the stored form cannot be read (the file is refused). */
export const builtInCatalogue: CatalogueResolver = (meta) => {
  const key = meta.catalogue ?? `id:${meta.templateId}`;
  let catalogue = seen.get(key);
  if (!catalogue) {
    try {
      catalogue = catalogueOfMeta(meta);
    } catch {
      // A damaged stored form: the caller refuses the file as "not a CCHC workbook it can read".
      return undefined;
    }
    seen.set(key, catalogue);
  }
  return catalogue;
};
