/**
 * Reading a workbook's figures through the port, once for every adapter: the named figures
 * (placed by their names, checked against their rows' keys), the document list, the warning of
 * a consolidation's result on its parts with errors, each date in the core's 1900 system.
 */
import { DEFAULT_CATALOGUE, type Catalogue } from "../catalogue";
import type { Finding } from "../checks";
import { breakdownFindings } from "../consolidate";
import { BREAKDOWN_SHEETS } from "../consolidate/sheets";
import {
  documentsFromGrid,
  readNamedFigures,
  type DocumentRow,
  type Figures,
  type PlacementProblem,
} from "../figures";
import { DOCUMENTS_HEADER_ROW, DOCUMENTS_SHEET } from "../layout/documentsSheet";
import { catalogueOfMeta, type TemplateMeta } from "../meta";
import type { WorkbookAsRead } from "./port";

/** What a workbook holds for the checks, the report, the consolidation and the draft. */
export interface WorkbookReading {
  /** The named figures by indicator id (ratios are not read: the core computes them). */
  figures: Figures;
  /** The rows of «Danh mục văn bản» that hold anything, dates as 1900 serials. */
  documents: DocumentRow[];
  /** Figures whose cell was deleted (`#REF!`) or whose row was sorted away from its name. */
  problems: PlacementProblem[];
  /**
   * A consolidation's result: the warning on the parts with errors its breakdown sheet counts
   * (`breakdownFindings`); empty for a unit's own workbook.
   */
  consolidation: Finding[];
  /**
   * A consolidation's result says what it consolidated by its breakdown sheet: over units («Tổng
   * hợp theo đơn vị», its figures are the units' together, not one unit's) or over periods of one
   * unit («Tổng hợp theo kỳ», still that unit's); undefined for a unit's own workbook.
   */
  consolidatedOver?: "units" | "periods";
  /** The template's identity, or null in a workbook cchc never installed. */
  meta: TemplateMeta | null;
  /** The workbook uses the 1904 date system (its dates were moved to 1900 serials). */
  date1904: boolean;
}

/**
 * The form a workbook carries: the catalogue stored in its meta (or the built-in its template
 * id names), else `fallback` (the default form) in a workbook cchc never installed. Throws
 * CatalogueError when the stored catalogue is damaged.
 */
export function formOf(workbook: WorkbookAsRead, fallback: Catalogue = DEFAULT_CATALOGUE): Catalogue {
  const meta = workbook.meta();
  return meta ? catalogueOfMeta(meta) : fallback;
}

/**
 * Reads the figures of `catalogue` (the workbook's own form, `formOf`, unless the caller names
 * another) through their names `CCHC_<ID>` (`readNamedFigures`: a name whose row holds another
 * indicator's key is realigned or left out, a broken name recorded; every name must be there
 * when the workbook was installed with this very form and version), the document list from the
 * sheet the meta records for it (else «Danh mục văn bản»), and the breakdown sheet of a
 * consolidation's result. Pure: the port answers from what its adapter read.
 */
export function readWorkbook(
  workbook: WorkbookAsRead,
  catalogue: Catalogue = formOf(workbook),
): WorkbookReading {
  const meta = workbook.meta();
  const { date1904 } = workbook;
  const { figures, problems } = readNamedFigures(catalogue, (name) => workbook.namedCell(name), {
    gridOf: (sheet) => workbook.sheet(sheet),
    namesComplete: meta?.templateId === catalogue.id && meta.version === catalogue.version,
    date1904,
  });
  const list = workbook.sheet(meta?.sheets[DOCUMENTS_SHEET.key] ?? DOCUMENTS_SHEET.name);
  const documents = list ? documentsFromGrid(list.name, list.values, DOCUMENTS_HEADER_ROW, date1904) : [];
  let consolidatedOver: WorkbookReading["consolidatedOver"];
  const consolidation = BREAKDOWN_SHEETS.flatMap(({ name, over }) => {
    const breakdown = workbook.sheet(name);
    if (!breakdown) return [];
    consolidatedOver ??= over;
    return breakdownFindings(breakdown.name, breakdown.values);
  });
  return {
    figures,
    documents,
    problems,
    consolidation,
    meta,
    date1904,
    ...(consolidatedOver ? { consolidatedOver } : {}),
  };
}
