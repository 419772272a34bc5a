/**
 * Writing `[Content_Types].xml` (ECMA-376 Part 2, §10.1.2): a new package's part, and the
 * overrides added or removed when a part comes or goes. Reading it is `./read.ts`.
 */
import type { Document } from "@xmldom/xmldom";
import { CONTENT_TYPES_NS, children, escapeXml } from "../../xml/dom";

const DECLARATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** The types every package declares by extension: relationship parts and plain XML. */
const DEFAULTS: ReadonlyArray<[string, string]> = [
  ["rels", "application/vnd.openxmlformats-package.relationships+xml"],
  ["xml", "application/xml"],
];

/**
 * A new package's content types part: the defaults for `.rels` and `.xml`, then one override
 * per part (`part` without its leading slash, as the package names it), in the order given.
 */
export function contentTypesXml(overrides: ReadonlyArray<{ part: string; type: string }>): string {
  return (
    DECLARATION +
    `<Types xmlns="${CONTENT_TYPES_NS}">` +
    DEFAULTS.map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`).join("") +
    overrides
      .map(({ part, type }) => `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`)
      .join("") +
    `</Types>`
  );
}

/** An empty content types part, for a package that has none yet. */
export const EMPTY_CONTENT_TYPES = `<Types xmlns="${CONTENT_TYPES_NS}"/>`;

/**
 * Appends an override declaring `part`'s type, in the prefix the part's root uses (a package
 * may bind the namespace to any prefix).
 */
export function addOverride(doc: Document, part: string, contentType: string): void {
  const root = doc.documentElement!;
  const override = doc.createElementNS(
    root.namespaceURI,
    root.prefix ? `${root.prefix}:Override` : "Override",
  );
  override.setAttribute("PartName", `/${part}`);
  override.setAttribute("ContentType", contentType);
  root.appendChild(override);
}

/**
 * Removes the override of `part` (part names compare case-insensitively, §9.1.1.1); returns
 * whether there was one.
 */
export function removeOverride(doc: Document, part: string): boolean {
  const root = doc.documentElement;
  const override = root
    ? children(root, "Override").find(
        (e) => (e.getAttribute("PartName") ?? "").replace(/^\//, "").toLowerCase() === part.toLowerCase(),
      )
    : undefined;
  if (!root || !override) return false;
  root.removeChild(override);
  return true;
}
