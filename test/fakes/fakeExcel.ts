/**
 * An in-memory fake Excel for the Office.js adapter's tests. It implements the interfaces of
 * src/excel/api.ts (the compiler checks it against the same surface the real Excel.RequestContext
 * satisfies) and behaves like Excel where it matters to the adapter:
 *
 *  - proxies and batches: every method call and property write is queued and runs at
 *    `context.sync()`, in order; the first failure rejects the sync (earlier commands stay
 *    applied, as in Excel). `sync()` is counted per context and per workbook;
 *  - loading: a property can be read only after `load()` and a sync (else the real
 *    "PropertyNotLoaded" error), which catches a missing load; `isNullObject` of an
 *    `*OrNullObject` proxy is known after the next sync, and the children of a null object are null;
 *  - protection: content changes to locked cells, formatting, merges, validation and tables on a
 *    protected sheet throw "AccessDenied"; protecting a protected sheet throws;
 *  - names, sheets and tables: adding a duplicate throws "ItemAlreadyExists"; getItem of a
 *    missing one throws "ItemNotFound";
 *  - entering text follows Excel's parsing (leading `=`/`+`/`-` → formula, `'` → text…);
 *  - requirement sets: a workbook created with `apiVersion: "1.7"` refuses newer APIs at sync
 *    ("ApiNotFound"), and answers `isSetSupported` accordingly.
 *
 * State lives in a `FakeWorkbook`, so a test can open several contexts on it (one per
 * `Excel.run`), type values like a user between them, and inspect the result.
 */
import { columnNumber } from "../../src/core/layout/model";
import type * as Api from "../../src/excel/api";
import { splitRef } from "../../src/excel/refs";
import {
  accessDenied,
  boxAddress,
  defaultCell,
  displayedOf,
  enter,
  FakeExcelError,
  formulaViewOf,
  inside,
  intersects,
  parseBox,
  quoteSheet,
  SheetState,
  validationAccepts,
  type Box,
  type CellState,
  type Edge,
  type NameState,
  type Scalar,
  type TableState,
} from "./fakeState";

export { FakeExcelError, SheetState, type Box, type CellState } from "./fakeState";

const notLoaded = (name: string) =>
  new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

function versionAtLeast(have: string, need: string): boolean {
  const [a1, a2] = have.split(".").map(Number);
  const [b1, b2] = need.split(".").map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

function loadNames(arg: string | string[]): string[] {
  return (Array.isArray(arg) ? arg : arg.split(",")).map((name) => name.trim()).filter(Boolean);
}

/** A 2-D array of the box's shape, or an error like Excel's for a wrong size. */
function assertShape(value: unknown, box: Box, what: string): unknown[][] {
  const rows = box.bottom - box.top + 1;
  const columns = box.right - box.left + 1;
  if (
    !Array.isArray(value) ||
    value.length !== rows ||
    value.some((row) => !Array.isArray(row) || row.length !== columns)
  ) {
    throw new FakeExcelError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
    );
  }
  return value as unknown[][];
}

// ───────────────────────────── the workbook (state and test helpers) ─────────────────────────────

export interface FakeWorkbookOptions {
  /** The sheets of a new workbook (default: one "Sheet1"). */
  sheets?: string[];
  /** The highest ExcelApi requirement set this "Excel" supports (default "1.17"). */
  apiVersion?: string;
}

export class FakeWorkbook {
  readonly sheets: SheetState[] = [];
  readonly names = new Map<string, NameState>();
  readonly tables: TableState[] = [];
  readonly apiVersion: string;
  /** Every sync of every context opened on this workbook. */
  totalSyncs = 0;
  active: SheetState | null = null;
  selection: { sheet: SheetState; box: Box } | null = null;
  /** Calls of application.suspend…UntilNextSync, by kind. */
  readonly suspensions = { calculation: 0, screenUpdating: 0 };
  /**
   * The workbook uses the 1904 date system: cell values stay serials of that system (as Excel's
   * `values` report them), only `use1904DateSystem` tells.
   */
  date1904 = false;

  constructor(options: FakeWorkbookOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.17";
    for (const name of options.sheets ?? ["Sheet1"]) this.addSheet(name);
    this.active = this.sheets[0] ?? null;
  }

  /** A new request context, as `Excel.run` would give. */
  context(): FakeContext {
    return new FakeContext(this);
  }

  /** Runs a batch like `Excel.run` and reports how many syncs it took. */
  async run<T>(batch: (context: FakeContext) => Promise<T>): Promise<{ result: T; syncs: number }> {
    const context = this.context();
    const result = await batch(context);
    if (context.pendingOperations() > 0) {
      throw new Error(
        `fake Excel: the batch ended with ${context.pendingOperations()} queued command(s) that were never synced`,
      );
    }
    return { result, syncs: context.syncs };
  }

  /** `Office.context.requirements.isSetSupported` of this "Excel". */
  isSetSupported(name: string, version: string): boolean {
    return name === "ExcelApi" && versionAtLeast(this.apiVersion, version);
  }

  requireApi(version: string, what: string): void {
    if (!versionAtLeast(this.apiVersion, version)) {
      throw new FakeExcelError(
        "ApiNotFound",
        `The API you are trying to use could not be found: ${what} (ExcelApi ${version}).`,
      );
    }
  }

  findSheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): SheetState {
    if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new FakeExcelError(
        "InvalidArgument",
        `The argument is invalid or missing or has an incorrect format: sheet name «${name}».`,
      );
    }
    if (this.findSheet(name))
      throw new FakeExcelError(
        "ItemAlreadyExists",
        "A resource with the same name or identifier already exists.",
      );
    const sheet = new SheetState(name);
    this.sheets.push(sheet);
    return sheet;
  }

  /**
   * A user's structural edits, as Excel applies them: cells move, defined names move with their
   * cells, a name whose cell is deleted becomes `#REF!`. (Formulas are not rewritten: ours refer
   * to names.)
   */
  insertColumn(sheetName: string, column: number): void {
    const sheet = this.sheet(sheetName);
    const moved = [...sheet.cells].map(([key, cell]) => {
      const [r, c] = key.split(":").map(Number);
      return [c >= column ? `${r}:${c + 1}` : key, cell] as const;
    });
    sheet.cells.clear();
    for (const [key, cell] of moved) sheet.cells.set(key, cell);
    const shift = (box: Box): Box =>
      box.left >= column ? { ...box, left: box.left + 1, right: box.right + 1 } : box;
    sheet.merges = sheet.merges.map(shift);
    for (const named of this.names.values()) if (named.sheet === sheet) named.box = shift(named.box);
  }

  /** Deletes a whole row (see `insertColumn`). */
  deleteRow(sheetName: string, row: number): void {
    const sheet = this.sheet(sheetName);
    const kept = [...sheet.cells].flatMap(([key, cell]) => {
      const [r, c] = key.split(":").map(Number);
      return r === row ? [] : [[r > row ? `${r - 1}:${c}` : key, cell] as const];
    });
    sheet.cells.clear();
    for (const [key, cell] of kept) sheet.cells.set(key, cell);
    const up = (box: Box): Box =>
      box.top > row ? { ...box, top: box.top - 1, bottom: box.bottom - 1 } : box;
    sheet.merges = sheet.merges.filter((m) => m.top !== row || m.bottom !== row).map(up);
    for (const named of this.names.values()) {
      if (named.sheet !== sheet) continue;
      if (named.box.top === row && named.box.bottom === row) named.broken = true;
      else named.box = up(named.box);
    }
  }

  /**
   * Sorts rows as Excel's Sort does on a selected block: the cells of `columns` move to the rows
   * given by `order` (order[i] = the row whose content goes to rows[i]); names stay where they are.
   */
  sortRows(
    sheetName: string,
    rows: readonly number[],
    order: readonly number[],
    columns: readonly number[],
  ): void {
    const sheet = this.sheet(sheetName);
    const taken = order.map((from) => columns.map((c) => sheet.peek(from, c)));
    rows.forEach((to, i) =>
      columns.forEach((c, j) => {
        const cell = taken[i][j];
        if (cell) sheet.cells.set(`${to}:${c}`, cell);
        else sheet.cells.delete(`${to}:${c}`);
      }),
    );
  }

  /** The sheet of that name (case-insensitive), for assertions. */
  sheet(name: string): SheetState {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`fake Excel: no sheet «${name}» (have ${this.sheetNames().join(", ")})`);
    return sheet;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** A cell by `'Sheet'!D12` or by defined name. */
  locate(ref: string): { sheet: SheetState; row: number; column: number } {
    const named = this.names.get(ref.toLowerCase());
    if (named) return { sheet: named.sheet, row: named.box.top, column: named.box.left };
    const { sheet, address } = splitRef(ref);
    if (sheet === null)
      throw new Error(`fake Excel: «${ref}» is neither a defined name nor a sheet reference`);
    const box = parseBox(address);
    return { sheet: this.sheet(sheet), row: box.top, column: box.left };
  }

  /** The cell's state (a default one when the cell was never touched). */
  cellAt(ref: string): CellState {
    const { sheet, row, column } = this.locate(ref);
    return sheet.peek(row, column) ?? sheet.cell(row, column);
  }

  /** What the cell shows. */
  valueOf(ref: string): Scalar {
    const { sheet, row, column } = this.locate(ref);
    return displayedOf(sheet.peek(row, column));
  }

  /** The formula, or the constant when there is none. */
  formulaOf(ref: string): Scalar {
    const { sheet, row, column } = this.locate(ref);
    return formulaViewOf(sheet.peek(row, column));
  }

  /** `'Sheet'!D12` of a defined name. */
  refOf(name: string): string {
    const named = this.names.get(name.toLowerCase());
    if (!named) throw new Error(`fake Excel: no name ${name}`);
    return `'${named.sheet.name.replace(/'/g, "''")}'!${boxAddress(named.box)}`;
  }

  /** Every defined name starting with the prefix → what its cell shows and holds. */
  namedCells(prefix = ""): Map<string, { ref: string; value: Scalar; formula: Scalar }> {
    const result = new Map<string, { ref: string; value: Scalar; formula: Scalar }>();
    for (const named of this.names.values()) {
      if (!named.name.toUpperCase().startsWith(prefix.toUpperCase())) continue;
      const cell = named.sheet.peek(named.box.top, named.box.left);
      result.set(named.name, {
        ref: this.refOf(named.name),
        value: displayedOf(cell),
        formula: formulaViewOf(cell),
      });
    }
    return result;
  }

  /**
   * Types into a cell like a user: refused on a locked cell of a protected sheet, refused by the
   * cell's data validation (with its error message), parsed like typed text.
   */
  type(ref: string, value: Scalar): void {
    const { sheet, row, column } = this.locate(ref);
    const cell = sheet.cell(row, column);
    if (sheet.protection.protected && cell.locked) throw accessDenied();
    const probe = { ...cell };
    enter(probe, value);
    if (probe.formula === undefined && !validationAccepts(cell.validation, probe.value)) {
      throw new FakeExcelError(
        "InvalidData",
        cell.validation?.errorAlert?.message ??
          "This value doesn't match the data validation restrictions defined for this cell.",
      );
    }
    enter(cell, value);
  }

  /** Pastes into a cell: protection applies, data validation does not (as in Excel). */
  paste(ref: string, value: Scalar): void {
    const { sheet, row, column } = this.locate(ref);
    const cell = sheet.cell(row, column);
    if (sheet.protection.protected && cell.locked) throw accessDenied();
    enter(cell, value);
  }

  /**
   * Sets a cell directly, as another program writing the file would: no protection, no parsing.
   * `displayed` is what a formula cell shows (e.g. "#NAME?").
   */
  setCell(ref: string, content: { value?: Scalar; formula?: string; displayed?: Scalar }): void {
    const { sheet, row, column } = this.locate(ref);
    const cell = sheet.cell(row, column);
    if (content.formula !== undefined) {
      cell.formula = content.formula;
      cell.value = "";
    } else if (content.value !== undefined) {
      cell.formula = undefined;
      cell.value = content.value;
    }
    cell.displayed = content.displayed;
  }
}

// ───────────────────────────── context and proxies ─────────────────────────────

export class FakeContext implements Api.ContextApi {
  /** Syncs of this context. */
  syncs = 0;
  /** How many queued commands each sync sent (the size of each round trip). */
  readonly commandsPerSync: number[] = [];
  private queue: Array<() => void> = [];
  readonly workbook: FakeWorkbookProxy;
  readonly application: FakeApplication;

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = new FakeApplication(this);
  }

  enqueue(command: () => void): void {
    this.queue.push(command);
  }

  pendingOperations(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    this.syncs++;
    this.book.totalSyncs++;
    const batch = this.queue;
    this.queue = [];
    this.commandsPerSync.push(batch.length);
    // A round trip: let other promise jobs run first, as a real sync would.
    await Promise.resolve();
    for (const command of batch) command();
  }
}

/**
 * A proxy for a document object: `resolve` finds the object when the batch runs (null for a
 * missing `*OrNullObject` item), loads take a snapshot then, writes apply then.
 */
abstract class FakeProxy<T> {
  private snapshot = new Map<string, unknown>();
  private nullKnown: boolean | undefined;
  private resolved: { value: T | null } | undefined;

  constructor(
    protected readonly ctx: FakeContext,
    private readonly resolver: () => T | null,
    nullable: boolean,
  ) {
    // Office loads isNullObject of an *OrNullObject proxy at the next sync by itself.
    if (nullable) ctx.enqueue(() => (this.nullKnown = this.resolve() === null));
  }

  get book(): FakeWorkbook {
    return this.ctx.book;
  }

  resolve(): T | null {
    if (!this.resolved) this.resolved = { value: this.resolver() };
    return this.resolved.value;
  }

  /** The object, or Excel's error when writing through a null object. */
  target(): T {
    const value = this.resolve();
    if (value === null)
      throw new FakeExcelError(
        "InvalidObjectPath",
        "The object path isn't working for what you're trying to do: the object does not exist (a null object).",
      );
    return value;
  }

  get isNullObject(): boolean {
    if (this.nullKnown === undefined) throw notLoaded("isNullObject");
    return this.nullKnown;
  }

  /** Marks a proxy made from a loaded collection: its properties are already there. */
  preload(values: Record<string, unknown>): this {
    this.nullKnown = false;
    for (const [key, value] of Object.entries(values)) this.snapshot.set(key, value);
    return this;
  }

  protected abstract readers(): Record<string, (target: T) => unknown>;

  protected queueLoad(arg: string | string[]): void {
    const names = loadNames(arg);
    if (names.length === 0)
      throw new Error("fake Excel: load() without property names loads everything; name what you need");
    const readers = this.readers();
    for (const name of names)
      if (!readers[name])
        throw new FakeExcelError("InvalidArgument", `fake Excel: cannot load '${name}' here`);
    this.ctx.enqueue(() => {
      const target = this.resolve();
      this.nullKnown = target === null;
      if (target === null) return;
      for (const name of names) this.snapshot.set(name, readers[name](target));
    });
  }

  protected read<V>(name: string): V {
    if (this.nullKnown === true)
      throw new Error(`fake Excel: reading '${name}' of a null object (test isNullObject first)`);
    if (!this.snapshot.has(name)) throw notLoaded(name);
    return this.snapshot.get(name) as V;
  }

  protected write(command: (target: T) => void): void {
    this.ctx.enqueue(() => command(this.target()));
  }
}

interface RangeTarget {
  sheet: SheetState;
  box: Box;
}

/** Child proxies of a null parent are null too. */
function child<P, C>(parent: FakeProxy<P>, make: (p: P) => C | null): () => C | null {
  return () => {
    const p = parent.resolve();
    return p === null ? null : make(p);
  };
}

class FakeWorkbookProxy extends FakeProxy<FakeWorkbook> implements Api.WorkbookApi {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.book, false);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.tables = new FakeTableCollection(ctx, null);
  }
  protected readers() {
    return {
      use1904DateSystem: (book: FakeWorkbook) => {
        book.requireApi("1.16", "Workbook.use1904DateSystem");
        return book.date1904;
      },
    };
  }
  get use1904DateSystem(): boolean {
    return this.read("use1904DateSystem");
  }
  load(arg: "use1904DateSystem"): void {
    this.queueLoad(arg);
  }
}

class FakeApplication implements Api.ApplicationApi {
  constructor(private readonly ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(() => {
      this.ctx.book.requireApi("1.6", "Application.suspendApiCalculationUntilNextSync");
      this.ctx.book.suspensions.calculation++;
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue(() => {
      this.ctx.book.requireApi("1.9", "Application.suspendScreenUpdatingUntilNextSync");
      this.ctx.book.suspensions.screenUpdating++;
    });
  }
}

class FakeWorksheetCollection extends FakeProxy<FakeWorkbook> implements Api.WorksheetCollectionApi {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.book, false);
  }
  protected readers() {
    return {
      "items/name": () => null,
      "items/visibility": () => null,
      "items/position": () => null,
      "items/tabColor": () => null,
    };
  }
  get items(): FakeWorksheet[] {
    return this.read<FakeWorksheet[]>("items");
  }
  load(arg: Api.ItemsLoadArg<Api.WorksheetApi>): void {
    const fields = loadNames(arg).map((path) => path.replace(/^items\//, ""));
    this.queueLoad(arg);
    this.ctx.enqueue(() => {
      const items = this.book.sheets.map((sheet) => {
        const proxy = new FakeWorksheet(this.ctx, () => sheet, false);
        const values: Record<string, unknown> = {};
        for (const field of fields) values[field] = proxy.readerOf(field)(sheet);
        return proxy.preload(values);
      });
      this.preload({ items });
    });
  }
  add(name?: string): FakeWorksheet {
    let created: SheetState | undefined;
    this.ctx.enqueue(() => {
      let sheetName = name;
      for (let i = this.book.sheets.length + 1; !sheetName; i++)
        if (!this.book.findSheet(`Sheet${i}`)) sheetName = `Sheet${i}`;
      created = this.book.addSheet(sheetName);
    });
    return new FakeWorksheet(
      this.ctx,
      () => {
        if (!created) throw new Error("fake Excel: the sheet was used before it was added");
        return created;
      },
      false,
    );
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      () => {
        const sheet = this.book.findSheet(key);
        if (!sheet)
          throw new FakeExcelError(
            "ItemNotFound",
            `The requested resource doesn't exist: worksheet «${key}».`,
          );
        return sheet;
      },
      false,
    );
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      () => {
        this.book.requireApi("1.4", "WorksheetCollection.getItemOrNullObject");
        return this.book.findSheet(key) ?? null;
      },
      true,
    );
  }
}

class FakeWorksheet extends FakeProxy<SheetState> implements Api.WorksheetApi {
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: FakePageBreaks;
  readonly tables: FakeTableCollection;

  constructor(ctx: FakeContext, resolver: () => SheetState | null, nullable: boolean) {
    super(ctx, resolver, nullable);
    this.protection = new FakeWorksheetProtection(
      ctx,
      child(this, (s) => s),
    );
    this.freezePanes = new FakeFreezePanes(
      ctx,
      child(this, (s) => s),
    );
    this.pageLayout = new FakePageLayout(
      ctx,
      child(this, (s) => s),
    );
    this.horizontalPageBreaks = new FakePageBreaks(
      ctx,
      child(this, (s) => s),
    );
    this.tables = new FakeTableCollection(ctx, this);
  }
  protected readers() {
    return {
      name: (s: SheetState) => s.name,
      visibility: (s: SheetState) => s.visibility,
      position: (s: SheetState) => this.book.sheets.indexOf(s),
      tabColor: (s: SheetState) => s.tabColor,
    };
  }
  readerOf(field: string): (s: SheetState) => unknown {
    const reader = (this.readers() as Record<string, (s: SheetState) => unknown>)[field];
    if (!reader) throw new FakeExcelError("InvalidArgument", `fake Excel: cannot load 'items/${field}'`);
    return reader;
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.write((s) => {
      const other = this.book.findSheet(value);
      if (other && other !== s)
        throw new FakeExcelError(
          "ItemAlreadyExists",
          "A resource with the same name or identifier already exists.",
        );
      s.name = value;
    });
  }
  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this.read("visibility");
  }
  set visibility(value: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    this.write((s) => {
      this.book.requireApi("1.2", "Worksheet.visibility");
      if (
        value !== "Visible" &&
        !this.book.sheets.some((other) => other !== s && other.visibility === "Visible")
      ) {
        throw new FakeExcelError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
        );
      }
      s.visibility = value as SheetState["visibility"];
    });
  }
  get position(): number {
    return this.read("position");
  }
  set position(value: number) {
    this.write((s) => {
      const sheets = this.book.sheets;
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(Math.max(0, Math.min(value, sheets.length)), 0, s);
    });
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(value: string) {
    this.write((s) => {
      this.book.requireApi("1.7", "Worksheet.tabColor");
      s.tabColor = value;
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.ctx,
      child(this, (sheet) => ({ sheet, box: address ? parseBox(address) : parseBox("A:XFD") })),
      false,
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.ctx,
      child(this, (sheet) => {
        this.book.requireApi("1.4", "Worksheet.getUsedRangeOrNullObject");
        const box = sheet.usedBox(valuesOnly ?? false);
        return box ? { sheet, box } : null;
      }),
      true,
    );
  }
  activate(): void {
    this.write((s) => {
      if (s.visibility !== "Visible")
        throw new FakeExcelError("InvalidOperation", "A hidden worksheet cannot be activated.");
      this.book.active = s;
    });
  }
  load(arg: Api.LoadArg<Api.WorksheetApi>): void {
    this.queueLoad(arg);
  }
}

class FakeWorksheetProtection extends FakeProxy<SheetState> implements Api.WorksheetProtectionApi {
  constructor(ctx: FakeContext, resolver: () => SheetState | null) {
    super(ctx, resolver, false);
  }
  protected readers() {
    return {
      protected: (s: SheetState) => s.protection.protected,
      options: (s: SheetState) => ({ ...(s.protection.options ?? {}) }),
    };
  }
  get protected(): boolean {
    return this.read("protected");
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.read("options");
  }
  protect(options?: Excel.WorksheetProtectionOptions): void {
    this.write((s) => {
      this.book.requireApi("1.2", "WorksheetProtection.protect");
      if (s.protection.protected)
        throw new FakeExcelError(
          "InvalidOperation",
          "The worksheet is already protected: unprotect it first.",
        );
      s.protection = { protected: true, options };
    });
  }
  unprotect(): void {
    this.write((s) => {
      this.book.requireApi("1.2", "WorksheetProtection.unprotect");
      s.protection = { protected: false };
    });
  }
  load(arg: Api.LoadArg<Api.WorksheetProtectionApi, "options">): void {
    this.queueLoad(arg);
  }
}

class FakeFreezePanes extends FakeProxy<SheetState> implements Api.FreezePanesApi {
  constructor(ctx: FakeContext, resolver: () => SheetState | null) {
    super(ctx, resolver, false);
  }
  protected readers() {
    return {};
  }
  private freeze(freeze: SheetState["freeze"]): void {
    this.write((s) => {
      this.book.requireApi("1.7", "Worksheet.freezePanes");
      s.freeze = freeze;
    });
  }
  freezeRows(count = 1): void {
    this.freeze({ rows: count, columns: 0 });
  }
  freezeColumns(count = 1): void {
    this.freeze({ rows: 0, columns: count });
  }
  freezeAt(frozenRange: string): void {
    const box = parseBox(frozenRange);
    this.freeze({ rows: box.bottom, columns: box.right });
  }
  unfreeze(): void {
    this.freeze(null);
  }
}

/** Manual page breaks, kept in the sheet's page state as `rowBreaks` (rows starting a page). */
class FakePageBreaks extends FakeProxy<SheetState> implements Api.PageBreakCollectionApi {
  constructor(ctx: FakeContext, resolver: () => SheetState | null) {
    super(ctx, resolver, false);
  }
  protected readers() {
    return {};
  }
  add(pageBreakRange: string): void {
    const box = parseBox(pageBreakRange);
    this.write((s) => {
      this.book.requireApi("1.9", "Worksheet.horizontalPageBreaks");
      s.page.rowBreaks = [...((s.page.rowBreaks as number[] | undefined) ?? []), box.top];
    });
  }
  removePageBreaks(): void {
    this.write((s) => {
      this.book.requireApi("1.9", "Worksheet.horizontalPageBreaks");
      s.page.rowBreaks = [];
    });
  }
}

type PageValue<K extends keyof Api.PageLayoutApi> = Api.PageLayoutApi[K];

class FakePageLayout extends FakeProxy<SheetState> implements Api.PageLayoutApi {
  readonly headersFooters: FakeHeaderFooterGroup;
  constructor(ctx: FakeContext, resolver: () => SheetState | null) {
    super(ctx, resolver, false);
    this.headersFooters = new FakeHeaderFooterGroup(ctx, resolver);
  }
  protected readers() {
    return {};
  }
  private put(key: string, value: unknown): void {
    this.write((s) => {
      this.book.requireApi("1.9", `PageLayout.${key}`);
      s.page[key] = value;
    });
  }
  get orientation(): PageValue<"orientation"> {
    return this.read("orientation");
  }
  set orientation(value: PageValue<"orientation">) {
    this.put("orientation", value);
  }
  get paperSize(): PageValue<"paperSize"> {
    return this.read("paperSize");
  }
  set paperSize(value: PageValue<"paperSize">) {
    this.put("paperSize", value);
  }
  get topMargin(): number {
    return this.read("topMargin");
  }
  set topMargin(value: number) {
    this.put("topMargin", value);
  }
  get bottomMargin(): number {
    return this.read("bottomMargin");
  }
  set bottomMargin(value: number) {
    this.put("bottomMargin", value);
  }
  get leftMargin(): number {
    return this.read("leftMargin");
  }
  set leftMargin(value: number) {
    this.put("leftMargin", value);
  }
  get rightMargin(): number {
    return this.read("rightMargin");
  }
  set rightMargin(value: number) {
    this.put("rightMargin", value);
  }
  get headerMargin(): number {
    return this.read("headerMargin");
  }
  set headerMargin(value: number) {
    this.put("headerMargin", value);
  }
  get footerMargin(): number {
    return this.read("footerMargin");
  }
  set footerMargin(value: number) {
    this.put("footerMargin", value);
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.read("zoom");
  }
  set zoom(value: Excel.PageLayoutZoomOptions) {
    this.put("zoom", { ...value });
  }
  setPrintArea(printArea: string): void {
    parseBox(printArea);
    this.put("printArea", printArea);
  }
  setPrintTitleRows(printTitleRows: string): void {
    this.put("printTitleRows", printTitleRows);
  }
}

class FakeHeaderFooterGroup extends FakeProxy<SheetState> implements Api.HeaderFooterGroupApi {
  readonly defaultForAllPages: FakeHeaderFooter;
  readonly firstPage: FakeHeaderFooter;
  constructor(ctx: FakeContext, resolver: () => SheetState | null) {
    super(ctx, resolver, false);
    this.defaultForAllPages = new FakeHeaderFooter(ctx, resolver, "default");
    this.firstPage = new FakeHeaderFooter(ctx, resolver, "first");
  }
  protected readers() {
    return {};
  }
  get state(): Api.HeaderFooterGroupApi["state"] {
    return this.read("state");
  }
  set state(value: Api.HeaderFooterGroupApi["state"]) {
    this.write((s) => {
      this.book.requireApi("1.9", "HeaderFooterGroup.state");
      s.page.headerFooterState = value;
    });
  }
}

class FakeHeaderFooter extends FakeProxy<SheetState> implements Api.HeaderFooterApi {
  constructor(
    ctx: FakeContext,
    resolver: () => SheetState | null,
    private readonly which: string,
  ) {
    super(ctx, resolver, false);
  }
  protected readers() {
    return {};
  }
  private put(part: string, value: string): void {
    this.write((s) => {
      this.book.requireApi("1.9", "HeaderFooter");
      s.page[`${this.which}.${part}`] = value;
    });
  }
  get centerHeader(): string {
    return this.read("centerHeader");
  }
  set centerHeader(value: string) {
    this.put("centerHeader", value);
  }
  get centerFooter(): string {
    return this.read("centerFooter");
  }
  set centerFooter(value: string) {
    this.put("centerFooter", value);
  }
  get leftHeader(): string {
    return this.read("leftHeader");
  }
  set leftHeader(value: string) {
    this.put("leftHeader", value);
  }
  get rightHeader(): string {
    return this.read("rightHeader");
  }
  set rightHeader(value: string) {
    this.put("rightHeader", value);
  }
}

class FakeRange extends FakeProxy<RangeTarget> implements Api.RangeApi {
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;

  constructor(ctx: FakeContext, resolver: () => RangeTarget | null, nullable: boolean) {
    super(ctx, resolver, nullable);
    this.format = new FakeRangeFormat(ctx, this);
    this.dataValidation = new FakeDataValidation(ctx, this);
  }

  private grid(t: RangeTarget, cellValue: (cell: CellState | undefined) => unknown): unknown[][] {
    const rows: unknown[][] = [];
    for (let r = t.box.top; r <= t.box.bottom; r++) {
      const row: unknown[] = [];
      for (let c = t.box.left; c <= t.box.right; c++) row.push(cellValue(t.sheet.peek(r, c)));
      rows.push(row);
    }
    return rows;
  }

  protected readers() {
    return {
      values: (t: RangeTarget) => this.grid(t, displayedOf),
      formulas: (t: RangeTarget) => this.grid(t, formulaViewOf),
      numberFormat: (t: RangeTarget) => this.grid(t, (cell) => cell?.numberFormat ?? "General"),
      address: (t: RangeTarget) => `${quoteSheet(t.sheet.name)}!${boxAddress(t.box)}`,
      rowIndex: (t: RangeTarget) => t.box.top - 1,
      columnIndex: (t: RangeTarget) => t.box.left - 1,
    };
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(value: unknown[][]) {
    this.enterAll(value, "values");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(value: unknown[][]) {
    this.enterAll(value, "formulas");
  }
  private enterAll(value: unknown[][], what: string): void {
    const copy = value.map((row) => [...row]);
    this.write((t) => {
      const rows = assertShape(copy, t.box, what);
      t.sheet.assertContentWritable(t.box);
      t.sheet.forEach(t.box, (cell, r, c) => enter(cell, rows[r - t.box.top][c - t.box.left]));
    });
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(value: unknown[][]) {
    const copy = value.map((row) => [...row]);
    this.write((t) => {
      const rows = assertShape(copy, t.box, "numberFormat");
      t.sheet.assertFormattable();
      t.sheet.forEach(t.box, (cell, r, c) => {
        const format = rows[r - t.box.top][c - t.box.left];
        if (format !== null && format !== undefined) cell.numberFormat = String(format);
      });
    });
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  merge(across?: boolean): void {
    this.write((t) => {
      this.book.requireApi("1.2", "Range.merge");
      t.sheet.assertUnprotected();
      const boxes = across
        ? Array.from({ length: t.box.bottom - t.box.top + 1 }, (_, i) => ({
            ...t.box,
            top: t.box.top + i,
            bottom: t.box.top + i,
          }))
        : [t.box];
      for (const box of boxes) {
        if (t.sheet.merges.some((m) => intersects(m, box) && !inside(m, box))) {
          throw new FakeExcelError(
            "InvalidOperation",
            `Cannot merge ${boxAddress(box)}: it overlaps part of a merged range.`,
          );
        }
        t.sheet.merges = t.sheet.merges.filter((m) => !inside(m, box));
        t.sheet.merges.push(box);
      }
    });
  }
  unmerge(): void {
    this.write((t) => {
      this.book.requireApi("1.2", "Range.unmerge");
      t.sheet.assertUnprotected();
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.box));
    });
  }
  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.write((t) => {
      if (applyTo !== "Formats") t.sheet.assertContentWritable(t.box);
      if (applyTo !== "Contents") t.sheet.assertFormattable();
      for (const { key, cell } of t.sheet.existing(t.box)) {
        // Clearing keeps data validation, as Excel's Clear All does.
        const fresh: CellState = { ...defaultCell(), validation: cell.validation };
        if (applyTo === "All") t.sheet.cells.set(key, fresh);
        else if (applyTo === "Contents")
          Object.assign(cell, { value: "", formula: undefined, displayed: undefined });
        else
          t.sheet.cells.set(key, {
            ...fresh,
            value: cell.value,
            formula: cell.formula,
            displayed: cell.displayed,
          });
      }
    });
  }
  select(): void {
    this.write((t) => {
      if (t.sheet.visibility !== "Visible")
        throw new FakeExcelError("InvalidOperation", "A cell of a hidden worksheet cannot be selected.");
      this.book.active = t.sheet;
      this.book.selection = { sheet: t.sheet, box: t.box };
    });
  }
  getIntersectionOrNullObject(address: string): FakeRange {
    const other = parseBox(address);
    return new FakeRange(
      this.ctx,
      child(this, (t) => {
        this.book.requireApi("1.4", "Range.getIntersectionOrNullObject");
        if (!intersects(t.box, other)) return null;
        const box = {
          top: Math.max(t.box.top, other.top),
          bottom: Math.min(t.box.bottom, other.bottom),
          left: Math.max(t.box.left, other.left),
          right: Math.min(t.box.right, other.right),
        };
        return { sheet: t.sheet, box };
      }),
      true,
    );
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(
      this.ctx,
      child(this, (t) => ({
        sheet: t.sheet,
        box: {
          top: t.box.top + row,
          bottom: t.box.top + row,
          left: t.box.left + column,
          right: t.box.left + column,
        },
      })),
      false,
    );
  }
  load(arg: Api.LoadArg<Api.RangeApi>): void {
    this.queueLoad(arg);
  }
  /** For the range's format objects: write to every cell of the range. */
  formatCells(
    permission: "allowFormatCells" | "allowFormatColumns" | "allowFormatRows",
    apply: (t: RangeTarget) => void,
  ): void {
    this.write((t) => {
      t.sheet.assertFormattable(permission);
      apply(t);
    });
  }
}

class FakeRangeFormat implements Api.FormatApi {
  readonly font: FakeFont;
  readonly fill: FakeFill;
  readonly borders: FakeBorders;
  readonly protection: FakeFormatProtection;
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    this.font = new FakeFont(range);
    this.fill = new FakeFill(ctx, range);
    this.borders = new FakeBorders(range);
    this.protection = new FakeFormatProtection(range);
  }
  private cells(apply: (cell: CellState) => void, version = "1.1", what = "RangeFormat"): void {
    this.range.formatCells("allowFormatCells", (t) => {
      this.range.book.requireApi(version, what);
      t.sheet.forEach(t.box, apply);
    });
  }
  get horizontalAlignment(): Api.FormatApi["horizontalAlignment"] {
    throw notLoaded("horizontalAlignment");
  }
  set horizontalAlignment(value: Api.FormatApi["horizontalAlignment"]) {
    this.cells((cell) => (cell.horizontalAlignment = value));
  }
  get verticalAlignment(): Api.FormatApi["verticalAlignment"] {
    throw notLoaded("verticalAlignment");
  }
  set verticalAlignment(value: Api.FormatApi["verticalAlignment"]) {
    this.cells((cell) => (cell.verticalAlignment = value));
  }
  get wrapText(): boolean {
    throw notLoaded("wrapText");
  }
  set wrapText(value: boolean) {
    this.cells((cell) => (cell.wrapText = value));
  }
  get indentLevel(): number {
    throw notLoaded("indentLevel");
  }
  set indentLevel(value: number) {
    this.cells((cell) => (cell.indentLevel = value), "1.9", "RangeFormat.indentLevel");
  }
  get columnWidth(): number {
    throw notLoaded("columnWidth");
  }
  set columnWidth(value: number) {
    this.range.formatCells("allowFormatColumns", (t) => {
      this.range.book.requireApi("1.2", "RangeFormat.columnWidth");
      for (let c = t.box.left; c <= t.box.right; c++) t.sheet.columnWidths.set(c, value);
    });
  }
  get rowHeight(): number {
    throw notLoaded("rowHeight");
  }
  set rowHeight(value: number) {
    this.range.formatCells("allowFormatRows", (t) => {
      this.range.book.requireApi("1.2", "RangeFormat.rowHeight");
      for (let r = t.box.top; r <= t.box.bottom; r++) t.sheet.rowHeights.set(r, value);
    });
  }
}

class FakeFont implements Api.FontApi {
  constructor(private readonly range: FakeRange) {}
  private cells(apply: (font: CellState["font"]) => void): void {
    this.range.formatCells("allowFormatCells", (t) => t.sheet.forEach(t.box, (cell) => apply(cell.font)));
  }
  get name(): string {
    throw notLoaded("name");
  }
  set name(value: string) {
    this.cells((font) => (font.name = value));
  }
  get size(): number {
    throw notLoaded("size");
  }
  set size(value: number) {
    this.cells((font) => (font.size = value));
  }
  get bold(): boolean {
    throw notLoaded("bold");
  }
  set bold(value: boolean) {
    this.cells((font) => (font.bold = value));
  }
  get italic(): boolean {
    throw notLoaded("italic");
  }
  set italic(value: boolean) {
    this.cells((font) => (font.italic = value));
  }
  get underline(): Api.FontApi["underline"] {
    throw notLoaded("underline");
  }
  set underline(value: Api.FontApi["underline"]) {
    this.cells((font) => (font.underline = value));
  }
  get color(): string {
    throw notLoaded("color");
  }
  set color(value: string) {
    this.cells((font) => (font.color = value));
  }
}

class FakeFill extends FakeProxy<RangeTarget> implements Api.FillApi {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx, () => range.resolve(), false);
  }
  protected readers() {
    return {
      color: (t: RangeTarget) => {
        const colors = new Set<string | null>();
        t.sheet.forEach(t.box, (cell) => colors.add(cell.fill));
        // Excel reports null for a range of mixed fills, and "#FFFFFF" for no fill.
        return colors.size === 1 ? ([...colors][0] ?? "#FFFFFF") : null;
      },
    };
  }
  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.range.formatCells("allowFormatCells", (t) =>
      t.sheet.forEach(t.box, (cell) => (cell.fill = value.toUpperCase())),
    );
  }
  clear(): void {
    this.range.formatCells("allowFormatCells", (t) => t.sheet.forEach(t.box, (cell) => (cell.fill = null)));
  }
  load(arg: Api.LoadArg<Api.FillApi>): void {
    this.queueLoad(arg);
  }
}

class FakeBorders implements Api.BorderCollectionApi {
  constructor(private readonly range: FakeRange) {}
  getItem(index: Api.BorderIndex): FakeBorder {
    return new FakeBorder(this.range, index);
  }
}

class FakeBorder implements Api.BorderApi {
  constructor(
    private readonly range: FakeRange,
    private readonly index: Api.BorderIndex,
  ) {}
  /** The cell edges a border of the range stands for. */
  private apply(update: (edge: Edge) => void): void {
    this.range.formatCells("allowFormatCells", (t) =>
      t.sheet.forEach(t.box, (cell, r, c) => {
        const { top, bottom, left, right } = t.box;
        switch (this.index) {
          case "EdgeTop":
            if (r === top) update(cell.edges.top);
            break;
          case "EdgeBottom":
            if (r === bottom) update(cell.edges.bottom);
            break;
          case "EdgeLeft":
            if (c === left) update(cell.edges.left);
            break;
          case "EdgeRight":
            if (c === right) update(cell.edges.right);
            break;
          case "InsideHorizontal":
            if (r < bottom) update(cell.edges.bottom);
            if (r > top) update(cell.edges.top);
            break;
          case "InsideVertical":
            if (c < right) update(cell.edges.right);
            if (c > left) update(cell.edges.left);
            break;
        }
      }),
    );
  }
  get style(): Api.BorderApi["style"] {
    throw notLoaded("style");
  }
  set style(value: Api.BorderApi["style"]) {
    this.apply((edge) => (edge.style = value));
  }
  get weight(): Api.BorderApi["weight"] {
    throw notLoaded("weight");
  }
  set weight(value: Api.BorderApi["weight"]) {
    this.apply((edge) => (edge.weight = value));
  }
  get color(): string {
    throw notLoaded("color");
  }
  set color(value: string) {
    this.apply((edge) => (edge.color = value));
  }
}

class FakeFormatProtection implements Api.FormatProtectionApi {
  constructor(private readonly range: FakeRange) {}
  get locked(): boolean {
    throw notLoaded("locked");
  }
  set locked(value: boolean) {
    this.range.formatCells("allowFormatCells", (t) => {
      this.range.book.requireApi("1.2", "FormatProtection.locked");
      t.sheet.forEach(t.box, (cell) => (cell.locked = value));
    });
  }
}

class FakeDataValidation implements Api.DataValidationApi {
  constructor(
    private readonly ctx: FakeContext,
    private readonly range: FakeRange,
  ) {}
  private apply(what: string, update: (cell: CellState) => void): void {
    this.ctx.enqueue(() => {
      const t = this.range.target();
      this.ctx.book.requireApi("1.8", `DataValidation.${what}`);
      t.sheet.assertUnprotected();
      t.sheet.forEach(t.box, update);
    });
  }
  get rule(): Excel.DataValidationRule {
    throw notLoaded("rule");
  }
  set rule(value: Excel.DataValidationRule) {
    const rule = JSON.parse(JSON.stringify(value)) as Excel.DataValidationRule;
    this.apply("rule", (cell) => {
      // Excel refuses a new rule over an existing one: clear() first.
      if (cell.validation?.rule)
        throw new FakeExcelError(
          "InvalidOperation",
          "The range already has a data validation rule: clear it first.",
        );
      cell.validation = { ...cell.validation, rule };
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    throw notLoaded("prompt");
  }
  set prompt(value: Excel.DataValidationPrompt) {
    this.apply("prompt", (cell) => (cell.validation = { ...cell.validation, prompt: { ...value } }));
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    throw notLoaded("errorAlert");
  }
  set errorAlert(value: Excel.DataValidationErrorAlert) {
    this.apply("errorAlert", (cell) => (cell.validation = { ...cell.validation, errorAlert: { ...value } }));
  }
  get ignoreBlanks(): boolean {
    throw notLoaded("ignoreBlanks");
  }
  set ignoreBlanks(value: boolean) {
    this.apply("ignoreBlanks", (cell) => (cell.validation = { ...cell.validation, ignoreBlanks: value }));
  }
  clear(): void {
    this.ctx.enqueue(() => {
      const t = this.range.target();
      this.ctx.book.requireApi("1.8", "DataValidation.clear");
      t.sheet.assertUnprotected();
      for (const { cell } of t.sheet.existing(t.box)) delete cell.validation;
    });
  }
}

const NAME_PATTERN = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

class FakeNamedItemCollection extends FakeProxy<FakeWorkbook> implements Api.NamedItemCollectionApi {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.book, false);
  }
  protected readers() {
    return { "items/name": () => null, "items/value": () => null };
  }
  get items(): FakeNamedItem[] {
    return this.read("items");
  }
  load(arg: Api.ItemsLoadArg<Api.NamedItemApi>): void {
    this.queueLoad(arg);
    this.ctx.enqueue(() => {
      const items = [...this.book.names.values()].map((named) =>
        new FakeNamedItem(this.ctx, () => named, false).preload({
          name: named.name,
          value: nameValue(named),
        }),
      );
      this.preload({ items });
    });
  }
  add(name: string, reference: Api.RangeApi | string, _comment?: string): FakeNamedItem {
    let created: NameState | undefined;
    this.ctx.enqueue(() => {
      this.book.requireApi("1.4", "NamedItemCollection.add");
      if (!NAME_PATTERN.test(name) || /^[A-Z]{1,3}\d+$/i.test(name) || /^R\d*C\d*$/i.test(name)) {
        throw new FakeExcelError(
          "InvalidArgument",
          `The argument is invalid or missing or has an incorrect format: name «${name}».`,
        );
      }
      if (this.book.names.has(name.toLowerCase()))
        throw new FakeExcelError(
          "ItemAlreadyExists",
          "A resource with the same name or identifier already exists.",
        );
      let target: RangeTarget;
      if (typeof reference === "string") {
        const { sheet, address } = splitRef(reference);
        if (sheet === null)
          throw new FakeExcelError(
            "InvalidArgument",
            `fake Excel: a name's reference needs its sheet: ${reference}`,
          );
        const found = this.book.findSheet(sheet);
        if (!found) throw new FakeExcelError("InvalidArgument", `The reference is not valid: ${reference}`);
        target = { sheet: found, box: parseBox(address) };
      } else if (reference instanceof FakeRange) {
        target = reference.target();
      } else {
        throw new Error("fake Excel: a name's reference must be a range of this fake or a string");
      }
      created = { name, sheet: target.sheet, box: target.box };
      this.book.names.set(name.toLowerCase(), created);
    });
    return new FakeNamedItem(
      this.ctx,
      () => {
        if (!created) throw new Error("fake Excel: the name was used before it was added");
        return created;
      },
      false,
    );
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.ctx,
      () => {
        const named = this.book.names.get(name.toLowerCase());
        if (!named)
          throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: name «${name}».`);
        return named;
      },
      false,
    );
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.ctx,
      () => {
        this.book.requireApi("1.4", "NamedItemCollection.getItemOrNullObject");
        return this.book.names.get(name.toLowerCase()) ?? null;
      },
      true,
    );
  }
}

/** What Excel's NamedItem.value gives for a named range: its absolute address. */
function nameValue(named: NameState): string {
  if (named.broken) return "#REF!";
  const abs = boxAddress(named.box).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `${quoteSheet(named.sheet.name)}!${abs}`;
}

class FakeNamedItem extends FakeProxy<NameState> implements Api.NamedItemApi {
  protected readers() {
    return { name: (n: NameState) => n.name, value: nameValue };
  }
  get name(): string {
    return this.read("name");
  }
  get value(): string {
    return this.read("value");
  }
  delete(): void {
    this.write((named) => {
      this.book.requireApi("1.4", "NamedItem.delete");
      if (this.book.names.get(named.name.toLowerCase()) !== named)
        throw new FakeExcelError("ItemNotFound", `The name «${named.name}» was already deleted.`);
      this.book.names.delete(named.name.toLowerCase());
    });
  }
  getRange(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const named = this.target();
        return { sheet: named.sheet, box: named.box };
      },
      false,
    );
  }
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.ctx,
      child(this, (named) => {
        this.book.requireApi("1.4", "NamedItem.getRangeOrNullObject");
        return this.book.sheets.includes(named.sheet) && !named.broken
          ? { sheet: named.sheet, box: named.box }
          : null;
      }),
      true,
    );
  }
  load(arg: Api.LoadArg<Api.NamedItemApi>): void {
    this.queueLoad(arg);
  }
}

class FakeTableCollection extends FakeProxy<FakeWorkbook> implements Api.TableCollectionApi {
  /** `sheet` scopes the collection to a worksheet (Worksheet.tables); null is Workbook.tables. */
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet | null,
  ) {
    super(ctx, () => ctx.book, false);
  }
  protected readers() {
    return { "items/name": () => null };
  }
  private inScope(): TableState[] {
    const sheet = this.sheet?.target();
    return this.book.tables.filter((table) => !sheet || table.sheet === sheet);
  }
  get items(): FakeTable[] {
    return this.read("items");
  }
  load(arg: Api.ItemsLoadArg<Api.TableApi>): void {
    this.queueLoad(arg);
    this.ctx.enqueue(() => {
      const items = this.inScope().map((table) =>
        new FakeTable(this.ctx, () => table, false).preload({ name: table.name }),
      );
      this.preload({ items });
    });
  }
  add(address: string, _hasHeaders: boolean): FakeTable {
    let created: TableState | undefined;
    this.ctx.enqueue(() => {
      let sheet: SheetState;
      let box: Box;
      if (this.sheet) {
        sheet = this.sheet.target();
        box = parseBox(address);
      } else {
        const split = splitRef(address);
        if (split.sheet === null)
          throw new FakeExcelError(
            "InvalidArgument",
            `fake Excel: Workbook.tables.add needs a sheet in ${address}`,
          );
        sheet = this.book.sheet(split.sheet);
        box = parseBox(split.address);
      }
      sheet.assertUnprotected();
      if (this.book.tables.some((t) => t.sheet === sheet && intersects(t.box, box))) {
        throw new FakeExcelError("InvalidOperation", "A table can't overlap another table.");
      }
      if (sheet.merges.some((m) => intersects(m, box)))
        throw new FakeExcelError(
          "InvalidOperation",
          "A table can't overlap a range that contains merged cells.",
        );
      let n = this.book.tables.length + 1;
      while (this.book.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
      created = { name: `Table${n}`, sheet, box };
      this.book.tables.push(created);
    });
    return new FakeTable(
      this.ctx,
      () => {
        if (!created) throw new Error("fake Excel: the table was used before it was added");
        return created;
      },
      false,
    );
  }
  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(
      this.ctx,
      () => {
        this.book.requireApi("1.4", "TableCollection.getItemOrNullObject");
        return this.inScope().find((t) => t.name.toLowerCase() === key.toLowerCase()) ?? null;
      },
      true,
    );
  }
}

class FakeTable extends FakeProxy<TableState> implements Api.TableApi {
  protected readers() {
    return { name: (t: TableState) => t.name };
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.write((table) => {
      if (
        this.book.tables.some((t) => t !== table && t.name.toLowerCase() === value.toLowerCase()) ||
        this.book.names.has(value.toLowerCase())
      ) {
        throw new FakeExcelError(
          "ItemAlreadyExists",
          "A resource with the same name or identifier already exists.",
        );
      }
      table.name = value;
    });
  }
  load(arg: Api.LoadArg<Api.TableApi>): void {
    this.queueLoad(arg);
  }
}

/** Column number of a letter, re-exported for tests that walk columns. */
export const columnOf = columnNumber;
