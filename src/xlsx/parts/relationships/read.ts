/**
 * Relationship parts (`_rels/*.rels`, ECMA-376 Part 2, §9.3): how one part points at others. The
 * one parser of relationships and the one resolver of their targets, for every reading path
 * (install, check, report, consolidation, the pane) and for the package that edits them.
 */
import { parse } from "../../xml/sax";

/** One relationship of a part. */
export interface Relationship {
  id: string;
  type: string;
  /** The target as written. */
  target: string;
  /** The target part's path inside the package (undefined for external targets). */
  part?: string;
  external: boolean;
}

/** The `_rels/x.rels` part holding the relationships of `part` ("" = the package). */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * Resolves a relationship target against the folder of the part that holds it: `worksheets/
 * sheet1.xml` from `xl/workbook.xml` is `xl/worksheets/sheet1.xml`, `/xl/x.xml` is absolute.
 * Percent-escapes are decoded (a malformed one throws URIError).
 */
export function resolveTarget(fromPart: string, target: string): string {
  const clean = decodeURI(target.split("#")[0]);
  if (clean.startsWith("/")) return clean.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const piece of clean.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

/**
 * The relationships of `fromPart` ("" for the package's own) from its `.rels` part's text, in
 * document order, each target resolved to a part path.
 */
export function parseRelationships(
  xml: string,
  fromPart: string,
  relsPart = relsPartOf(fromPart),
): Relationship[] {
  const relationships: Relationship[] = [];
  parse(
    xml,
    {
      open(element, a) {
        if (element !== "Relationship") return;
        const target = a.Target ?? "";
        const external = a.TargetMode === "External";
        relationships.push({
          id: a.Id ?? "",
          type: a.Type ?? "",
          target,
          part: external ? undefined : resolveTarget(fromPart, target),
          external,
        });
      },
    },
    relsPart,
  );
  return relationships;
}

/** Whether a relationship type ends with `/name` (`worksheet`, `sharedStrings`), transitional or Strict. */
export const isType = (relationship: Relationship, name: string): boolean =>
  relationship.type.endsWith(`/${name}`);
