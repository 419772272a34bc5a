/**
 * Writing relationship parts (`_rels/*.rels`, ECMA-376 Part 2, §9.3): a new package's, and the
 * relationships added or removed as parts come and go. Reading them (and resolving their
 * targets) is `./read.ts`, the one parser.
 */
import type { Document } from "@xmldom/xmldom";
import { PACKAGE_REL_NS, children, escapeXml } from "../../xml/dom";

const DECLARATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** An empty relationships part, for a part that has none yet. */
export const EMPTY_RELATIONSHIPS = `<Relationships xmlns="${PACKAGE_REL_NS}"/>`;

/** The relative target from `fromPart`'s folder to `toPart` (both inside the package). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/**
 * A new relationships part of `fromPart` ("" for the package's own): `rId1`, `rId2` … to each
 * target part in the order given, targets written relative to `fromPart`'s folder.
 */
export function relationshipsXml(
  fromPart: string,
  targets: ReadonlyArray<{ type: string; part: string }>,
): string {
  return (
    DECLARATION +
    `<Relationships xmlns="${PACKAGE_REL_NS}">` +
    targets
      .map(
        ({ type, part }, i) =>
          `<Relationship Id="rId${i + 1}" Type="${escapeXml(type)}" Target="${escapeXml(relativeTarget(fromPart, part))}"/>`,
      )
      .join("") +
    `</Relationships>`
  );
}

/**
 * Appends a relationship of `fromPart` to `targetPart` under the first free `rId<n>`, in the
 * prefix the part's root uses; returns the new id.
 */
export function appendRelationship(
  doc: Document,
  fromPart: string,
  type: string,
  targetPart: string,
): string {
  const root = doc.documentElement!;
  const taken = new Set(children(root, "Relationship").map((e) => e.getAttribute("Id")));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = doc.createElementNS(
    root.namespaceURI,
    root.prefix ? `${root.prefix}:Relationship` : "Relationship",
  );
  rel.setAttribute("Id", id);
  rel.setAttribute("Type", type);
  rel.setAttribute("Target", relativeTarget(fromPart, targetPart));
  root.appendChild(rel);
  return id;
}

/** Removes the relationship `id`; returns whether there was one. */
export function deleteRelationship(doc: Document, id: string): boolean {
  const root = doc.documentElement;
  const rel = root ? children(root, "Relationship").find((e) => e.getAttribute("Id") === id) : undefined;
  if (!root || !rel) return false;
  root.removeChild(rel);
  return true;
}
