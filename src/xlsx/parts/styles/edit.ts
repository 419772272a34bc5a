/**
 * The styles part (`xl/styles.xml`), appended to and never rewritten: the cell formats our
 * sheets need are added after the user's fonts, fills, borders, number formats and cell
 * formats, so every style index the user's sheets hold keeps its meaning. Equal formats are
 * added once.
 */
import type { Document, Element } from "@xmldom/xmldom";
import type { CellStyle, SheetPlan } from "../../../core/layout/model";
import { children, child, createChild, ensureChild, escapeXml, parseXml } from "../../xml/dom";
import type { XlsxPackage } from "../../package/xlsxPackage";

const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

export const STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
export const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** A minimal styles part for a package that has none: Excel's defaults. */
export const DEFAULT_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Built-in number formats by code (ECMA-376 18.8.30) that our plans may use. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

/** `#RRGGBB` → `FFRRGGBB`. */
function argb(color: string): string {
  const hex = /^#?([0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) throw new Error(`Not a #RRGGBB colour: ${color}`);
  return `FF${hex.toUpperCase()}`;
}

/** The style of a cell planned without one. */
const NO_STYLE: CellStyle = Object.freeze({});

export class StylesPart {
  private readonly doc: Document;
  private readonly root: Element;
  private readonly xfCache = new Map<string, number>();
  private readonly partCache = new Map<string, number>();
  /** Formats by style object, then by sheet font object (see `cellFormat`). */
  private readonly seen = new WeakMap<CellStyle, Map<SheetPlan["font"], number>>();

  constructor(
    private readonly pkg: XlsxPackage,
    private readonly part: string,
  ) {
    this.doc = pkg.dom(part)!;
    this.root = this.doc.documentElement!;
  }

  /** The styles part of a workbook, created (and related) when the package has none. */
  static of(pkg: XlsxPackage, workbookPart: string): StylesPart {
    const rel = pkg.relationships(workbookPart).find((r) => /\/styles$/.test(r.type));
    if (rel?.part && pkg.has(rel.part)) return new StylesPart(pkg, rel.part);
    const part = pkg.freePartName("xl/styles", ".xml").replace(/styles1\.xml$/, "styles.xml");
    pkg.setDom(part, parseXml(part, pkg.conform(DEFAULT_STYLES)));
    pkg.addRelationship(workbookPart, STYLES_REL, part);
    pkg.addContentType(part, STYLES_TYPE);
    return new StylesPart(pkg, part);
  }

  /** Appends `xml` (one element) to the list `listName` unless an equal one was added; its index. */
  private append(listName: string, xml: string): number {
    const key = `${listName}\u0000${xml}`;
    const cached = this.partCache.get(key);
    if (cached !== undefined) return cached;
    const list = ensureChild(this.root, listName, STYLESHEET_ORDER);
    const ns = this.root.namespaceURI ?? "";
    const prefix = this.root.prefix ? `${this.root.prefix}:` : "";
    const fragment = parseXml(
      this.part,
      `<${prefix}x xmlns${this.root.prefix ? `:${this.root.prefix}` : ""}="${ns}">${xml}</${prefix}x>`,
    );
    const element = this.doc.importNode(fragment.documentElement!.firstChild!, true) as Element;
    const index = children(list, element.localName!).length;
    list.appendChild(element);
    list.setAttribute("count", String(index + 1));
    this.pkg.touch(this.part);
    this.partCache.set(key, index);
    return index;
  }

  private numberFormatId(code: string | undefined): number {
    if (!code) return 0;
    if (BUILTIN_FORMATS[code] !== undefined) return BUILTIN_FORMATS[code];
    const list = child(this.root, "numFmts");
    const existing = list ? children(list, "numFmt") : [];
    const same = existing.find((f) => f.getAttribute("formatCode") === code);
    if (same) return Number(same.getAttribute("numFmtId"));
    const id = Math.max(163, ...existing.map((f) => Number(f.getAttribute("numFmtId")) || 0)) + 1;
    const element = createChild(ensureChild(this.root, "numFmts", STYLESHEET_ORDER), "numFmt");
    element.setAttribute("numFmtId", String(id));
    element.setAttribute("formatCode", code);
    const numFmts = child(this.root, "numFmts")!;
    numFmts.appendChild(element);
    numFmts.setAttribute("count", String(children(numFmts, "numFmt").length));
    this.pkg.touch(this.part);
    return id;
  }

  /**
   * The cell format index for a planned style over the sheet's font, appended once. Plans share
   * style objects between cells (and never change them), so an object already seen with the same
   * sheet font is answered without building its key.
   */
  cellFormat(style: CellStyle | undefined, sheetFont: SheetPlan["font"]): number {
    const s = style ?? NO_STYLE;
    let byFont = this.seen.get(s);
    const known = byFont?.get(sheetFont);
    if (known !== undefined) return known;
    const index = this.formatOf(s, sheetFont);
    if (!byFont) this.seen.set(s, (byFont = new Map()));
    byFont.set(sheetFont, index);
    return index;
  }

  private formatOf(s: CellStyle, sheetFont: SheetPlan["font"]): number {
    const key = JSON.stringify([s, sheetFont]);
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    this.ensureBaseLists();

    const font =
      "<font>" +
      (s.font?.bold ? "<b/>" : "") +
      (s.font?.italic ? "<i/>" : "") +
      (s.font?.underline ? "<u/>" : "") +
      `<sz val="${s.font?.size ?? sheetFont.size}"/>` +
      (s.font?.color ? `<color rgb="${argb(s.font.color)}"/>` : "") +
      `<name val="${escapeXml(s.font?.name ?? sheetFont.name)}"/>` +
      "</font>";
    const fontId = this.append("fonts", font);
    const fillId = s.fill
      ? this.append(
          "fills",
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    const thin = (edge: string) => `<${edge} style="thin"><color rgb="FF000000"/></${edge}>`;
    const borderId = s.border
      ? this.append(
          "borders",
          `<border>${["left", "right", "top", "bottom"].map(thin).join("")}<diagonal/></border>`,
        )
      : s.ruleBelow
        ? this.append("borders", `<border><left/><right/><top/>${thin("bottom")}<diagonal/></border>`)
        : this.emptyBorder();
    const numFmtId = this.numberFormatId(s.numberFormat);
    const alignment: string[] = [];
    if (s.align) alignment.push(`horizontal="${s.align}"`);
    if (s.vAlign) alignment.push(`vertical="${s.vAlign}"`);
    if (s.wrap) alignment.push(`wrapText="1"`);
    if (s.indent) alignment.push(`indent="${s.indent}"`);
    const locked = s.locked ?? true;
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      ` applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"` +
      (alignment.length ? ` applyAlignment="1"` : "") +
      (locked ? "" : ` applyProtection="1"`) +
      ">" +
      (alignment.length ? `<alignment ${alignment.join(" ")}/>` : "") +
      (locked ? "" : `<protection locked="0"/>`) +
      "</xf>";
    const index = this.append("cellXfs", xf);
    this.xfCache.set(key, index);
    return index;
  }

  /** An empty border: index 0 when the user's first border is empty (it nearly always is). */
  private emptyBorder(): number {
    const list = child(this.root, "borders");
    const first = list ? children(list, "border")[0] : undefined;
    const empty =
      first &&
      children(first, "left")
        .concat(children(first, "right"), children(first, "top"), children(first, "bottom"))
        .every((e) => !e.getAttribute("style"));
    return empty ? 0 : this.append("borders", "<border><left/><right/><top/><bottom/><diagonal/></border>");
  }

  /** Fills 0 and 1 are reserved by Excel (none, gray125): a part lacking them gets them first. */
  private ensureBaseLists(): void {
    const fills = child(this.root, "fills");
    if (!fills || children(fills, "fill").length === 0) {
      this.append("fills", `<fill><patternFill patternType="none"/></fill>`);
      this.append("fills", `<fill><patternFill patternType="gray125"/></fill>`);
    }
    const styleXfs = child(this.root, "cellStyleXfs");
    if (!styleXfs || children(styleXfs, "xf").length === 0) {
      this.append("cellStyleXfs", `<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`);
    }
  }
}
