/**
 * The extended properties part (`docProps/app.xml`): its list of worksheet titles follows the
 * tabs when install adds or renames our sheets. Windows' file properties and document
 * management systems show that list; Excel rewrites it on save and ignores it on open. Only
 * the worksheet group is edited (ECMA-376 Part 1, §22.2.2.12 HeadingPairs and §22.2.2.27
 * TitlesOfParts: each heading names a group and counts its titles, the titles come in the
 * groups' order); every other group (named ranges, charts), every other property and the
 * part itself when it has no such list stay as they were.
 */
import type { Element } from "@xmldom/xmldom";
import { child, children, elements, encodeExcelEscapes } from "../../xml/dom";
import type { XlsxPackage } from "../../package/xlsxPackage";

const EXTENDED_PROPERTIES = /\/extended-properties$/;

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name, i) => name === b[i]);

/**
 * Replaces the worksheet titles `before` (the workbook's worksheets in tab order before the
 * change) with `after`. The worksheet group is the one whose titles are exactly `before`: its
 * heading is written in the language of the program that saved the file ("Worksheets",
 * "Trang tính" …), so it cannot be found by name. Does nothing when the lists are the same,
 * when the package has no extended properties, when they cannot be read (the part is not
 * ours to refuse a file over), or when no group holds `before`.
 */
export function syncWorksheetTitles(
  pkg: XlsxPackage,
  before: readonly string[],
  after: readonly string[],
): void {
  if (sameList(before, after)) return;
  const part = pkg.relationships("").find((r) => EXTENDED_PROPERTIES.test(r.type))?.part;
  if (!part || !pkg.has(part)) return;
  let root: Element | null | undefined;
  try {
    root = pkg.dom(part)?.documentElement;
  } catch {
    return;
  }
  if (!root) return;
  const headingPairs = child(root, "HeadingPairs");
  const titlesOfParts = child(root, "TitlesOfParts");
  const headings = headingPairs && child(headingPairs, "vector");
  const titlesVector = titlesOfParts && child(titlesOfParts, "vector");
  if (!headings || !titlesVector) return;
  const variants = children(headings, "variant");
  const titles = children(titlesVector, "lpstr");
  let offset = 0;
  for (let pair = 0; pair + 1 < variants.length; pair += 2) {
    const countElement = elements(variants[pair + 1])[0];
    const count = Number(countElement?.textContent);
    if (!countElement || !Number.isInteger(count) || count < 0) return;
    const group = titles.slice(offset, offset + count);
    if (
      sameList(
        group.map((t) => t.textContent ?? ""),
        before,
      )
    ) {
      replaceGroup(titlesVector, group, titles[offset + count], after);
      countElement.textContent = String(after.length);
      titlesVector.setAttribute("size", String(titles.length - count + after.length));
      pkg.touch(part);
      return;
    }
    offset += count;
  }
}

/**
 * Puts `names` where `group` stood (before `next`, the next group's first title, if any): a
 * title already there is moved as it was written, a new one written like its neighbours.
 */
function replaceGroup(
  vector: Element,
  group: readonly Element[],
  next: Element | undefined,
  names: readonly string[],
) {
  const doc = vector.ownerDocument!;
  // The titles' own element name and namespace (`vt:lpstr` as a rule).
  const template = group[0] ?? next;
  const namespace = template?.namespaceURI ?? vector.namespaceURI;
  const qualified = template?.nodeName ?? (vector.prefix ? `${vector.prefix}:lpstr` : "lpstr");
  const unused = [...group];
  for (const old of group) vector.removeChild(old);
  for (const name of names) {
    const at = unused.findIndex((t) => t.textContent === name);
    let title: Element;
    if (at >= 0) title = unused.splice(at, 1)[0];
    else {
      title = doc.createElementNS(namespace, qualified);
      title.appendChild(doc.createTextNode(encodeExcelEscapes(name)));
    }
    if (next) vector.insertBefore(title, next);
    else vector.appendChild(title);
  }
}
