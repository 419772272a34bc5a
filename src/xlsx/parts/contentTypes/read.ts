/**
 * `[Content_Types].xml` (ECMA-376 Part 2, §10.1.2): each part's type, from its override or its
 * extension's default.
 */
import { parse } from "../../xml/sax";

export const CONTENT_TYPES_PART = "[Content_Types].xml";

/** The declared types: defaults by lower-cased extension, overrides by lower-cased part path. */
export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

/** Reads the content types part's text. */
export function parseContentTypes(xml: string): ContentTypes {
  const types: ContentTypes = { defaults: new Map(), overrides: new Map() };
  parse(
    xml,
    {
      open(element, a) {
        if (element === "Override" && a.PartName !== undefined && a.ContentType !== undefined) {
          const key = a.PartName.replace(/^\//, "").toLowerCase();
          if (!types.overrides.has(key)) types.overrides.set(key, a.ContentType);
        } else if (element === "Default" && a.Extension !== undefined && a.ContentType !== undefined) {
          const key = a.Extension.toLowerCase();
          if (!types.defaults.has(key)) types.defaults.set(key, a.ContentType);
        }
      },
    },
    CONTENT_TYPES_PART,
  );
  return types;
}

/** The content type of `part` (a path inside the package), or undefined when none is declared. */
export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  return (
    types.overrides.get(part.toLowerCase()) ??
    types.defaults.get(part.slice(part.lastIndexOf(".") + 1).toLowerCase())
  );
}
