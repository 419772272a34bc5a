/**
 * The workbook part (`xl/workbook.xml`) read and edited in place: its sheets (name, state,
 * part), its defined names, the 1904 flag. Edits touch only what they are about: a sheet
 * added, its state or name set, a defined name replaced. Everything else (the user's sheets,
 * names, workbook protection, calculation settings, extensions) stays as it was.
 */
import type { Document, Element } from "@xmldom/xmldom";
import { children, child, createChild, ensureChild, relId, setRelId, elements } from "../../xml/dom";
import type { XlsxPackage } from "../../package/xlsxPackage";

/** CT_Workbook's children in schema order. */
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

export const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
export const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** One entry of the workbook's tab list. */
export interface SheetEntry {
  name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  state: string;
  /** The part it points at (a worksheet, a chart sheet, a dialog sheet …). */
  part?: string;
  /** Whether that part is a worksheet (cells), not a chart sheet or another kind. */
  worksheet: boolean;
  element: Element;
}

/** One defined name as written. */
export interface DefinedName {
  name: string;
  /** The tab index it is scoped to, or undefined for a workbook-wide name. */
  localSheetId?: number;
  text: string;
  element: Element;
}

/** A defined name's key in `WorkbookPart`'s index: Excel compares names case-insensitively. */
function scopedKey(name: string, localSheetId: number | undefined): string {
  return `${name.toUpperCase()}\u0000${localSheetId ?? ""}`;
}

export class WorkbookPart {
  readonly part: string;
  readonly doc: Document;
  private readonly root: Element;

  constructor(
    private readonly pkg: XlsxPackage,
    part: string,
  ) {
    this.part = part;
    this.doc = pkg.dom(part)!;
    this.root = this.doc.documentElement!;
  }

  /** Whether dates are serials from 1904-01-01 (Mac Excel's old system). */
  get date1904(): boolean {
    const value = child(this.root, "workbookPr")?.getAttribute("date1904");
    return value === "1" || value === "true";
  }

  /** The tabs in order. */
  sheets(): SheetEntry[] {
    const rels = new Map(this.pkg.relationships(this.part).map((r) => [r.id, r]));
    const list = child(this.root, "sheets");
    return (list ? children(list, "sheet") : []).map((element) => {
      const rel = rels.get(relId(element) ?? "");
      return {
        name: element.getAttribute("name") ?? "",
        state: element.getAttribute("state") ?? "visible",
        part: rel?.part,
        worksheet: !!rel && /\/worksheet$/.test(rel.type),
        element,
      };
    });
  }

  definedNames(): DefinedName[] {
    const list = child(this.root, "definedNames");
    return (list ? children(list, "definedName") : []).map((element) => {
      const local = element.getAttribute("localSheetId");
      return {
        name: element.getAttribute("name") ?? "",
        localSheetId: local !== null && local !== "" ? Number(local) : undefined,
        text: element.textContent ?? "",
        element,
      };
    });
  }

  private touch(): void {
    this.pkg.touch(this.part);
  }

  /**
   * Adds a worksheet tab at `index` pointing at `sheetPart`. Tab indices after it move up by
   * one in everything that counts tabs in this part: sheet-scoped names and the active tab.
   */
  addSheet(name: string, sheetPart: string, index: number): SheetEntry {
    const list = ensureChild(this.root, "sheets", WORKBOOK_ORDER);
    const existing = children(list, "sheet");
    const ids = existing.map((e) => Number(e.getAttribute("sheetId")) || 0);
    const element = createChild(list, "sheet");
    element.setAttribute("name", name);
    element.setAttribute("sheetId", String(Math.max(0, ...ids) + 1));
    setRelId(element, this.pkg.addRelationship(this.part, WORKSHEET_REL, sheetPart));
    const before = existing[index];
    if (before) list.insertBefore(element, before);
    else list.appendChild(element);
    if (index < existing.length) this.shiftTabIndices(index);
    this.touch();
    return { name, state: "visible", part: sheetPart, worksheet: true, element };
  }

  private shiftTabIndices(from: number): void {
    this.nameIndex = undefined;
    for (const defined of this.definedNames()) {
      if (defined.localSheetId !== undefined && defined.localSheetId >= from)
        defined.element.setAttribute("localSheetId", String(defined.localSheetId + 1));
    }
    const views = child(this.root, "bookViews");
    for (const view of views ? children(views, "workbookView") : []) {
      for (const attr of ["activeTab", "firstSheet"]) {
        const value = view.getAttribute(attr);
        if (value !== null && Number(value) >= from) view.setAttribute(attr, String(Number(value) + 1));
      }
    }
  }

  setState(entry: SheetEntry, state: "visible" | "veryHidden"): void {
    const current = entry.element.getAttribute("state");
    if ((current ?? "visible") === state) return;
    if (state === "visible") entry.element.removeAttribute("state");
    else entry.element.setAttribute("state", state);
    // A very hidden tab cannot be the active one: Excel would show a hidden sheet.
    this.touch();
  }

  /** The active tab's index, moved off `index` when that tab becomes very hidden. */
  avoidActive(index: number, fallback: number): void {
    const views = child(this.root, "bookViews");
    for (const view of views ? children(views, "workbookView") : []) {
      if (Number(view.getAttribute("activeTab") ?? 0) === index) {
        view.setAttribute("activeTab", String(fallback));
        this.touch();
      }
    }
  }

  /** Renames a tab and the references to it in defined names (as Excel does on a rename). */
  rename(entry: SheetEntry, to: string): void {
    const from = entry.name;
    entry.element.setAttribute("name", to);
    const quotedFrom = `'${from.replace(/'/g, "''")}'!`;
    const plainFrom = `${from}!`;
    const quotedTo = `'${to.replace(/'/g, "''")}'!`;
    this.nameIndex = undefined;
    for (const defined of this.definedNames()) {
      const text = defined.text.split(quotedFrom).join(quotedTo);
      const replaced = /^[A-Za-z_][\w.]*$/.test(from)
        ? text.replace(new RegExp(`(^|[^\\w.'!])${from.replace(/\./g, "\\.")}!`, "g"), `$1${quotedTo}`)
        : text;
      if (replaced !== defined.text) defined.element.textContent = replaced;
    }
    void plainFrom;
    entry.name = to;
    this.touch();
  }

  /**
   * Sets a defined name (workbook-wide, or scoped to tab `localSheetId`), replacing any name of
   * the same scope that matches case-insensitively, as Excel compares names.
   */
  setDefinedName(name: string, text: string, localSheetId?: number): void {
    const index = this.namesByScope();
    const key = scopedKey(name, localSheetId);
    const same = index.get(key) ?? [];
    if (same.length === 1 && same[0].text === text && same[0].name === name) return;
    const list = ensureChild(this.root, "definedNames", WORKBOOK_ORDER);
    for (const d of same) list.removeChild(d.element);
    const element = createChild(list, "definedName");
    element.setAttribute("name", name);
    if (localSheetId !== undefined) element.setAttribute("localSheetId", String(localSheetId));
    element.appendChild(this.doc.createTextNode(text));
    list.appendChild(element);
    index.set(key, [{ name, localSheetId, text, element }]);
    this.touch();
  }

  /** Removes a sheet-scoped name (e.g. a print area no longer planned). */
  removeDefinedName(name: string, localSheetId?: number): void {
    const list = child(this.root, "definedNames");
    if (!list) return;
    const index = this.namesByScope();
    const key = scopedKey(name, localSheetId);
    for (const d of index.get(key) ?? []) {
      list.removeChild(d.element);
      this.touch();
    }
    index.delete(key);
  }

  /**
   * The defined names by upper-case name and scope, built on first use and kept up to date by
   * `setDefinedName` and `removeDefinedName` (a report sets hundreds of names: a scan of the
   * list for each would cost their square). Edits that change names' scopes or texts drop it.
   */
  private nameIndex?: Map<string, DefinedName[]>;

  private namesByScope(): Map<string, DefinedName[]> {
    if (!this.nameIndex) {
      this.nameIndex = new Map();
      for (const defined of this.definedNames()) {
        const key = scopedKey(defined.name, defined.localSheetId);
        const list = this.nameIndex.get(key);
        if (list) list.push(defined);
        else this.nameIndex.set(key, [defined]);
      }
    }
    return this.nameIndex;
  }

  /**
   * Makes sure the workbook does not ask for a full recalculation on load: LibreOffice and
   * Excel without the add-in would then recompute the CCHC.* formulas to #NAME? instead of
   * showing their cached figures. Only that one attribute is touched.
   */
  keepCachedValues(): void {
    const calc = child(this.root, "calcPr");
    const value = calc?.getAttribute("fullCalcOnLoad");
    if (calc && (value === "1" || value === "true")) {
      calc.removeAttribute("fullCalcOnLoad");
      this.touch();
    }
  }

  /** Every element child, for tests. */
  childNames(): string[] {
    return elements(this.root).map((e) => e.localName ?? "");
  }
}
