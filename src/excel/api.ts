/**
 * The narrow slice of the Excel JavaScript API that the adapter uses, derived from the real
 * `@types/office-js` declarations.
 *
 * Why a slice: the adapter is typed against these interfaces, and so is the in-memory fake used
 * by the tests. The assertion at the bottom proves that the real `Excel.RequestContext` is
 * assignable to `ContextApi`, so every member used here exists in the real API with a
 * compatible shape; `implements` on the fake proves the fake offers the same surface. A call
 * that compiles against the fake therefore compiles against Excel, and no `any` crosses the
 * boundary (the real `values`/`formulas` are `any[][]`; here they are `unknown[][]`).
 *
 * Rules for editing:
 *  - writable properties keep the real type (`Pick`): a narrower type would not be checked in the
 *    direction that matters for writes;
 *  - methods are declared as function-typed properties, so the compiler checks their parameters
 *    strictly (contravariantly): a parameter value that the real method does not accept, such as
 *    a misspelled `clear("Formatz")`, fails the assertion; narrower parameters are fine;
 *  - methods that return API objects return the interfaces of this file.
 */

/**
 * The property names of an API interface that `load()` may ask for: data properties, not
 * methods and not navigation objects (loading those is an Office.js anti-pattern that
 * `eslint-plugin-office-addins` flags as `no-navigational-load`).
 */
export type LoadableKeys<T> = Exclude<
  {
    [K in keyof T]-?: T[K] extends (...args: never[]) => unknown
      ? never
      : T[K] extends readonly unknown[]
        ? K
        : T[K] extends object
          ? never
          : K;
  }[keyof T],
  "isNullObject"
> &
  string;

/**
 * The argument of `load()` on an object: one property name or a list of them. `Data` names
 * properties whose value is a plain JSON object (Office.js calls these scalar too, e.g.
 * `WorksheetProtection.options`), which `LoadableKeys` cannot tell from navigation objects.
 */
export type LoadArg<T, Data extends keyof T & string = never> =
  LoadableKeys<T> | Data | Array<LoadableKeys<T> | Data>;

/** The argument of `load()` on a collection: `items/<property>` paths of its items. */
export type ItemsLoadArg<T> = `items/${LoadableKeys<T>}` | Array<`items/${LoadableKeys<T>}`>;

export type BorderIndex =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

export interface FontApi extends Pick<
  Excel.RangeFont,
  "name" | "size" | "bold" | "italic" | "underline" | "color"
> {}

export interface FillApi extends Pick<Excel.RangeFill, "color"> {
  readonly clear: () => void;
  readonly load: (propertyNames: LoadArg<FillApi>) => void;
}

export interface BorderApi extends Pick<Excel.RangeBorder, "style" | "weight" | "color"> {}

export interface BorderCollectionApi {
  readonly getItem: (index: BorderIndex) => BorderApi;
}

export interface FormatProtectionApi extends Pick<Excel.FormatProtection, "locked"> {}

export interface FormatApi extends Pick<
  Excel.RangeFormat,
  "horizontalAlignment" | "verticalAlignment" | "wrapText" | "indentLevel" | "columnWidth" | "rowHeight"
> {
  readonly font: FontApi;
  readonly fill: FillApi;
  readonly borders: BorderCollectionApi;
  readonly protection: FormatProtectionApi;
}

export interface DataValidationApi extends Pick<
  Excel.DataValidation,
  "rule" | "prompt" | "errorAlert" | "ignoreBlanks"
> {
  readonly clear: () => void;
}

export interface RangeApi extends Pick<Excel.Range, "address" | "rowIndex" | "columnIndex" | "isNullObject"> {
  /** Displayed values: numbers, text, booleans, `""` for empty, error text such as `#NAME?`. */
  values: unknown[][];
  /** Formulas (`=…`) or constants, per cell. Setting it enters each item as if typed. */
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly format: FormatApi;
  readonly dataValidation: DataValidationApi;
  readonly merge: (across?: boolean) => void;
  readonly unmerge: () => void;
  readonly clear: (applyTo?: "All" | "Formats" | "Contents") => void;
  readonly select: () => void;
  readonly getCell: (row: number, column: number) => RangeApi;
  /** The part of this range inside `address` (`A:C`), a null object when none (ExcelApi 1.4). */
  readonly getIntersectionOrNullObject: (address: string) => RangeApi;
  readonly load: (propertyNames: LoadArg<RangeApi>) => void;
}

export interface WorksheetProtectionApi extends Pick<Excel.WorksheetProtection, "protected" | "options"> {
  readonly protect: (options?: Excel.WorksheetProtectionOptions) => void;
  readonly unprotect: () => void;
  readonly load: (propertyNames: LoadArg<WorksheetProtectionApi, "options">) => void;
}

export interface FreezePanesApi {
  readonly freezeRows: (count?: number) => void;
  readonly freezeColumns: (count?: number) => void;
  readonly freezeAt: (frozenRange: string) => void;
  readonly unfreeze: () => void;
}

export interface HeaderFooterApi extends Pick<
  Excel.HeaderFooter,
  "centerHeader" | "centerFooter" | "leftHeader" | "rightHeader"
> {}

export interface HeaderFooterGroupApi extends Pick<Excel.HeaderFooterGroup, "state"> {
  readonly defaultForAllPages: HeaderFooterApi;
  readonly firstPage: HeaderFooterApi;
}

export interface PageLayoutApi extends Pick<
  Excel.PageLayout,
  | "orientation"
  | "paperSize"
  | "topMargin"
  | "bottomMargin"
  | "leftMargin"
  | "rightMargin"
  | "headerMargin"
  | "footerMargin"
  | "zoom"
> {
  readonly headersFooters: HeaderFooterGroupApi;
  readonly setPrintArea: (printArea: string) => void;
  readonly setPrintTitleRows: (printTitleRows: string) => void;
}

export interface TableApi extends Pick<Excel.Table, "name" | "isNullObject"> {
  readonly load: (propertyNames: LoadArg<TableApi>) => void;
}

export interface TableCollectionApi {
  readonly items: TableApi[];
  /** `address` is relative to the worksheet of the collection, e.g. `A3:E10`. */
  readonly add: (address: string, hasHeaders: boolean) => TableApi;
  readonly getItemOrNullObject: (key: string) => TableApi;
  readonly load: (propertyNames: ItemsLoadArg<TableApi>) => void;
}

/** A sheet's manual horizontal page breaks (ExcelApi 1.9). */
export interface PageBreakCollectionApi {
  /** A break above the top row of `pageBreakRange` (e.g. `A80`). */
  readonly add: (pageBreakRange: string) => unknown;
  readonly removePageBreaks: () => void;
}

export interface WorksheetApi extends Pick<
  Excel.Worksheet,
  "name" | "visibility" | "position" | "tabColor" | "isNullObject"
> {
  readonly protection: WorksheetProtectionApi;
  readonly freezePanes: FreezePanesApi;
  readonly pageLayout: PageLayoutApi;
  readonly horizontalPageBreaks: PageBreakCollectionApi;
  readonly tables: TableCollectionApi;
  readonly getRange: (address?: string) => RangeApi;
  readonly getUsedRangeOrNullObject: (valuesOnly?: boolean) => RangeApi;
  readonly activate: () => void;
  readonly load: (propertyNames: LoadArg<WorksheetApi>) => void;
}

export interface WorksheetCollectionApi {
  readonly items: WorksheetApi[];
  readonly add: (name?: string) => WorksheetApi;
  readonly getItem: (key: string) => WorksheetApi;
  readonly getItemOrNullObject: (key: string) => WorksheetApi;
  readonly load: (propertyNames: ItemsLoadArg<WorksheetApi>) => void;
}

export interface NamedItemApi extends Pick<Excel.NamedItem, "name" | "value" | "isNullObject"> {
  readonly delete: () => void;
  readonly getRange: () => RangeApi;
  readonly getRangeOrNullObject: () => RangeApi;
  readonly load: (propertyNames: LoadArg<NamedItemApi>) => void;
}

export interface NamedItemCollectionApi {
  readonly items: NamedItemApi[];
  /**
   * Method syntax on purpose: the real parameter is `Excel.Range | string`, and a `RangeApi`
   * (a slice of `Excel.Range`) is only accepted by the bivariant check of methods.
   */
  add(name: string, reference: RangeApi | string, comment?: string): NamedItemApi;
  readonly getItem: (name: string) => NamedItemApi;
  readonly getItemOrNullObject: (name: string) => NamedItemApi;
  readonly load: (propertyNames: ItemsLoadArg<NamedItemApi>) => void;
}

export interface WorkbookApi {
  readonly worksheets: WorksheetCollectionApi;
  readonly names: NamedItemCollectionApi;
  readonly tables: TableCollectionApi;
  /**
   * Whether the workbook uses the 1904 date system (ExcelApi 1.16; missing from the installed
   * @types/office-js, hence declared here). Read after `load("use1904DateSystem")`.
   */
  readonly use1904DateSystem?: boolean;
  readonly load: (propertyNames: "use1904DateSystem") => void;
}

export interface ApplicationApi extends Pick<
  Excel.Application,
  "suspendApiCalculationUntilNextSync" | "suspendScreenUpdatingUntilNextSync"
> {}

/** What `Excel.run` hands to the batch: the workbook, the application and `sync()`. */
export interface ContextApi {
  readonly workbook: WorkbookApi;
  readonly application: ApplicationApi;
  readonly sync: () => Promise<unknown>;
}

/**
 * Compile-time proof that the real request context fits `ContextApi` (and, through it, every
 * interface above). If a member above does not exist in `@types/office-js`, or has another
 * shape, `npm run typecheck` fails here.
 */
type Fits<T extends ContextApi> = T;
export type RealContextFitsApi = Fits<Excel.RequestContext>;
