/**
 * The port "a workbook as read": what a use case of the core asks of a workbook, whichever
 * engine read it. The file adapter (src/xlsx: the package reader for one file, the figure
 * reader for many) and the Office.js adapter (src/excel/readFigures.ts) each implement it over
 * what they read; the use cases of this unit (read, check, install, report, consolidate, draft)
 * run on it, so the recipe "workbook → figures → checks" is written once, here. Writing into a
 * workbook (install, the report) also asks its tab names (`WorkbookToWrite`), and install where
 * its defined names point (`WorkbookToInstall`).
 *
 * Everything is synchronous: an adapter reads first (Office.js in its one sync, a file lazily
 * part by part) and answers from what it holds. An adapter may read "wanted cells" only (the
 * named cells, their keys and notes, the first columns of a breakdown sheet): what it leaves out
 * is what no use case looks at.
 */
import type { NameTarget, SheetGrids } from "../figures";
import type { TemplateMeta } from "../meta";

/** A worksheet as read: its actual name and its grids from A1 (formulas when the adapter read them). */
export interface SheetAsRead extends SheetGrids {
  /** The tab's name as the workbook spells it (the use cases ask case-insensitively). */
  name: string;
}

export interface WorkbookAsRead {
  /**
   * The template meta of our very hidden sheet (`_CCHC` or an alternate): the form the workbook
   * was installed with, its version and sheet names, the stored catalogue. Null in a workbook
   * cchc never installed.
   */
  meta(): TemplateMeta | null;
  /**
   * The workbook stores dates as serials of the 1904 date system (`<workbookPr date1904>`,
   * Office.js `use1904DateSystem`): the numbers of `namedCell` and `sheet` are then 1904
   * serials, which the use cases move to the core's 1900 serials (see `readDateCell`).
   */
  readonly date1904: boolean;
  /**
   * What a workbook-scoped defined name (`CCHC_<ID>`) gives: its cell with value (as Office.js's
   * `values` view: number, text, boolean, error text), formula and the Ghi chú right of it;
   * `{ broken }` when it points at no cell (`#REF!`); undefined when the workbook lacks it.
   */
  namedCell(name: string): NameTarget | undefined;
  /**
   * A worksheet by name, matched as Excel matches tab names (case-insensitively); undefined
   * when there is none or the adapter did not read it. Values as in `namedCell`, from A1.
   */
  sheet(name: string): SheetAsRead | undefined;
}

/**
 * A workbook as read for writing sheets into it: its meta, date system and sheets as the port
 * gives them (install reads the formulas view, the report the values view), and the names its
 * tabs take. Its figures (`namedCell`) are not asked: an install carries typed cells over by
 * the key in column A (or our names' references, `ourNames`), not by value.
 */
export interface WorkbookToWrite extends Pick<WorkbookAsRead, "meta" | "date1904" | "sheet"> {
  /** Every tab of the workbook in order, whatever its kind (a chart sheet's name is taken too). */
  sheetNames(): readonly string[];
}

/** A workbook as read for installing (or upgrading) the form in it. */
export interface WorkbookToInstall extends WorkbookToWrite {
  /**
   * Where the workbook-scoped defined names `CCHC_…` point: upper-cased name → reference as
   * written (`'Sheet'!$D$5`). The planner's fallback when a row's key in column A was lost, and
   * how it finds a sheet of ours a user renamed (Excel keeps names on their cells).
   */
  ourNames(): ReadonlyMap<string, string>;
}
