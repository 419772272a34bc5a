/**
 * Which form a workbook carries, from its meta sheet. The one place to switch when workbooks
 * carry their whole catalogue (the meta rows then rebuild it); until then the template id names
 * a built-in form.
 */
import type { Catalogue } from "../../core/catalogue";
import { catalogueById, TEMPLATE_IDS } from "../../core/catalogue/levels";
import type { TemplateMeta } from "../../core/meta";

/** Finds the catalogue of a workbook from its meta (and the meta sheet's rows); undefined when unknown. */
export type CatalogueResolver = (
  meta: TemplateMeta,
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
) => Catalogue | undefined;

const builtIns = new Map<string, Catalogue>();

/** The built-in forms by template id, as the rest of the program resolves them (one object per form). */
export const builtInCatalogue: CatalogueResolver = (meta) => {
  if (!Object.values(TEMPLATE_IDS).includes(meta.templateId)) return undefined;
  if (!builtIns.has(meta.templateId)) builtIns.set(meta.templateId, catalogueById(meta.templateId));
  return builtIns.get(meta.templateId);
};
