/**
 * Reading a package into the core's shapes without loading the workbook: only the workbook
 * part, the shared strings (the ones the sheets read use) and our own sheets are parsed, by the
 * one workbook reader (`./workbookReader.ts`). Values come as Office.js reports them, so the core sees the
 * same from both adapters.
 */
import { cellRef, parseCellRef, type NamedCell, type NameTarget } from "../../core/figures";
import { parseAddress } from "../../core/layout/model";
import { findMetaSheet, type TemplateMeta } from "../../core/meta";
import type { SheetAsRead, WorkbookAsRead, WorkbookToInstall } from "../../core/workbook/port";
import { gridView, type ReadGrid } from "../parts/sheet/read";
import { WorkbookReader, type SheetInfo } from "./workbookReader";
import type { XlsxPackage } from "./xlsxPackage";

/**
 * One workbook file's package read as the core's port (`WorkbookToInstall`, the port with the
 * tab names and our defined names) through the one workbook reader (`./workbookReader.ts`,
 * whole grids): parts are parsed when a use case first asks (core/workbook: read, check,
 * install, report, draft), each once.
 */
export class PackageReader implements WorkbookAsRead, WorkbookToInstall {
  /** The workbook as read: tabs, names, date system, sheets' grids. */
  readonly book: WorkbookReader;

  constructor(readonly pkg: XlsxPackage) {
    this.book = new WorkbookReader((part) => pkg.data(part), pkg.workbookPart()!);
  }

  /** The workbook uses the 1904 date system (`<workbookPr date1904>`). */
  get date1904(): boolean {
    return this.book.date1904;
  }

  /** Tab names in order. */
  sheetNames(): string[] {
    return this.book.sheets.map((s) => s.name);
  }

  /**
   * A worksheet tab by name, as Excel matches names (case, Unicode form, an escaped or raw
   * control character: see `sheetNameKey`); chart sheets and other kinds are not worksheets.
   */
  findSheet(name: string): SheetInfo | undefined {
    return this.book.findSheet(name);
  }

  /** A worksheet's cells, read once. */
  grid(entry: SheetInfo): ReadGrid {
    return this.book.grid(entry);
  }

  /** The template meta recorded in the very hidden sheet, or null. */
  meta(): TemplateMeta | null {
    // `_CCHC`, or an alternate when a user's own sheet has that name.
    return findMetaSheet((name) => {
      const sheet = this.findSheet(name);
      return sheet && gridView(this.grid(sheet), "values");
    }).meta;
  }

  /** Workbook-wide defined names by upper-cased name → their text (first wins). */
  names(): Map<string, string> {
    return this.book.names;
  }

  /** Where the workbook's `CCHC_…` names point (upper-cased name → reference as written). */
  ourNames(): Map<string, string> {
    const names = new Map<string, string>();
    for (const [name, text] of this.names()) if (/^CCHC_/.test(name)) names.set(name, text);
    return names;
  }

  /**
   * A defined name's cell the way `readNamedFigures` wants it: the cell, `{ broken }` when the
   * name points at no cell (`#REF!`: its row or sheet was deleted), undefined when absent.
   */
  namedCell(name: string): NameTarget | undefined {
    const text = this.names().get(name.toUpperCase());
    if (text === undefined) return undefined;
    const target = parseCellRef(text);
    const entry = target && this.findSheet(target.sheet);
    if (!target || !entry) return { broken: text };
    const { row, column } = parseAddress(target.address);
    const cells = this.grid(entry)[row - 1];
    const cell = cells?.[column - 1];
    const note = cells?.[column];
    const found: NamedCell = {
      cell: cellRef(entry.name, target.address),
      value: cell ? cell.value : null,
      formula: cell?.formula,
      note: note ? note.value : undefined,
    };
    return found;
  }

  /**
   * A worksheet by name (`findSheet`), its grids from A1 (values and formulas): the port's
   * view of a sheet, for realigning figures whose rows moved, the document list, a breakdown.
   */
  sheet(name: string): SheetAsRead | undefined {
    const entry = this.findSheet(name);
    if (!entry) return undefined;
    const grid = this.grid(entry);
    return { name: entry.name, values: gridView(grid, "values"), formulas: gridView(grid, "formulas") };
  }
}
