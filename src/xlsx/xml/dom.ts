/**
 * XML helpers over @xmldom/xmldom for editing package parts: namespace-aware element lookup
 * (a part may bind any prefix to any namespace), ordered insertion (the schema fixes the order
 * of a part's children), and the `_xHHHH_` escape Excel uses for characters XML cannot hold
 * (written here; read in `./text.ts`).
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";
import { PartXmlError } from "./sax";

/** The reader's: one error for a part that is not well-formed, whichever parser found it. */
export { PartXmlError };

/** SpreadsheetML's main namespace, transitional and strict. */
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
/** The namespace of `r:id` attributes, transitional and strict. */
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";
export const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
/** Where relationship types live: `…/relationships/worksheet`, transitional and strict. */
const REL_TYPE_BASE = `${REL_NS}/`;
const STRICT_REL_TYPE_BASE = `${STRICT_REL_NS}/`;

/**
 * Transitional SpreadsheetML text (a part's skeleton, a relationship type) in Strict's
 * namespaces (ECMA-376 Part 1, Strict conformance): a package saved as "Strict Open XML" must
 * not get parts of the other kind. Namespaces Strict shares (markup compatibility, the x14
 * extensions, packaging) are left as they are.
 */
export function toStrict(text: string): string {
  return text
    .split(MAIN_NS)
    .join(STRICT_MAIN_NS)
    .split(REL_TYPE_BASE)
    .join(STRICT_REL_TYPE_BASE)
    .split(`"${REL_NS}"`)
    .join(`"${STRICT_REL_NS}"`);
}
export const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";

/** Parses a part; any error (not a warning) is a PartXmlError. */
export function parseXml(part: string, text: string): Document {
  try {
    return new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(text, "text/xml");
  } catch (error) {
    throw new PartXmlError(part, error instanceof Error ? error.message.split("\n")[0] : String(error));
  }
}

/** Serializes a document, keeping an XML declaration at the top. */
export function serializeXml(doc: Document): string {
  const text = new XMLSerializer().serializeToString(doc);
  return text.startsWith("<?xml") ? text : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`;
}

/** Element children of a node. */
export function elements(node: Node): Element[] {
  const result: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) result.push(child as Element);
  }
  return result;
}

/** The element children of `node` with this local name (any namespace). */
export function children(node: Node, localName: string): Element[] {
  return elements(node).filter((e) => e.localName === localName);
}

export function child(node: Node, localName: string): Element | undefined {
  return children(node, localName)[0];
}

/** The value of an attribute in a namespace whichever prefix binds it; `r:id` in either flavour. */
export function relId(element: Element): string | null {
  return element.getAttributeNS(REL_NS, "id") ?? element.getAttributeNS(STRICT_REL_NS, "id");
}

/** Sets `r:id` with the prefix the document already binds to the relationship namespace. */
export function setRelId(element: Element, id: string): void {
  const ns =
    element.ownerDocument!.documentElement!.lookupPrefix(STRICT_REL_NS) !== null ? STRICT_REL_NS : REL_NS;
  const prefix = element.lookupPrefix(ns) ?? element.ownerDocument!.documentElement!.lookupPrefix(ns) ?? "r";
  element.setAttributeNS(ns, `${prefix}:id`, id);
}

/** Creates an element in the namespace (and with the prefix) of `parent`. */
export function createChild(parent: Element, localName: string): Element {
  const name = parent.prefix ? `${parent.prefix}:${localName}` : localName;
  return parent.ownerDocument!.createElementNS(parent.namespaceURI, name);
}

/**
 * Inserts `element` among `parent`'s children where the schema's `order` puts it: before the
 * first child whose local name comes later in `order`. Children the list does not know (e.g.
 * `mc:AlternateContent`) are skipped over.
 */
export function insertInOrder(parent: Element, element: Element, order: readonly string[]): Element {
  const rank = order.indexOf(element.localName!);
  const before = elements(parent).find((e) => {
    const other = order.indexOf(e.localName!);
    return other > rank;
  });
  if (before) parent.insertBefore(element, before);
  else parent.appendChild(element);
  return element;
}

/** The child of `parent` with this local name, created in schema order if missing. */
export function ensureChild(parent: Element, localName: string, order: readonly string[]): Element {
  return child(parent, localName) ?? insertInOrder(parent, createChild(parent, localName), order);
}

/** Removes every child of `parent` with this local name. */
export function removeChildren(parent: Element, localName: string): void {
  for (const e of children(parent, localName)) parent.removeChild(e);
}

/** Whether `encodeExcelEscapes` changes a text: `_x` followed by a hex digit, or a character XML cannot hold. */
// eslint-disable-next-line no-control-regex -- the characters encodeExcelEscapes escapes
const NEEDS_EXCEL_ESCAPE = /_x[0-9A-Fa-f]|[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

/**
 * Text as Excel stores it: a literal `_xHHHH_` has its underscore escaped, and characters XML
 * 1.0 cannot hold (controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF) become
 * `_xHHHH_`, so the part stays well-formed and Excel reads back what was written. Shorter
 * patterns are escaped too: LibreOffice decodes `_xA_`, so the row key `bc_xa_giao` came back
 * from it as "bc⏎giao" and lost the row's figures on the next install.
 */
export function encodeExcelEscapes(text: string): string {
  // Nearly every text needs nothing: one scan says so before the two replacing ones.
  if (!NEEDS_EXCEL_ESCAPE.test(text)) return text;
  return text.replace(/_(x[0-9A-Fa-f]+_)/g, "_x005F_$1").replace(
    // eslint-disable-next-line no-control-regex -- these are exactly the characters to escape
    /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}

/**
 * Text for element content (`&`, `<`, `>`) or a double-quoted attribute (also `"`): the one
 * escaper of every part written as text (sheets, styles, content types, relationships, the
 * skeleton). A branch per character, no object per match: the sheet writer calls it per cell.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) =>
    ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;",
  );
}
