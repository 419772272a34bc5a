/**
 * The shared strings part (`xl/sharedStrings.xml`, ECMA-376 Part 1, §18.4): the strings cells of
 * type `s` point at by index. Texts are returned as stored; `_xHHHH_` escapes are decoded where
 * a cell's value is made (`sheet.ts`, `cellValue`).
 */
import { parse, stop } from "../../xml/sax";
import { own, plainText, textAt, type PartText } from "../../xml/text";

/** Whether a character ends a tag name (`>`, `/` or XML white space). */
const endsName = (char: string) =>
  char === ">" || char === "/" || char === " " || char === "\t" || char === "\n" || char === "\r";

/** The text of the `<si>` elements of `xml` by their order: rich text runs joined, phonetic runs left out. */
function stringItems(
  xml: string,
  keep: (index: number) => boolean,
  last: number,
  part: string,
): Map<number, string> {
  const strings = new Map<number, string>();
  let index = -1;
  let text = "";
  let inText = false;
  let phonetic = 0;
  parse(
    xml,
    {
      open(element) {
        if (element === "si") {
          index++;
          text = "";
        } else if (element === "rPh") phonetic++;
        else if (element === "t" && phonetic === 0 && keep(index)) inText = true;
      },
      text(t) {
        if (inText) text += t;
      },
      close(element) {
        if (element === "t") inText = false;
        else if (element === "rPh") phonetic--;
        else if (element === "si") {
          if (keep(index)) strings.set(index, text);
          if (index >= last) stop();
        }
      },
    },
    part,
  );
  return strings;
}

/** A string item of one run: no rich text, no phonetic run. Most items are; the others go through saxes. */
const PLAIN_ITEM = /^<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>$/;
const PLAIN_ITEM_END = "</t></si>";

/** Long strings already parsed, by their XML: the form stored in every workbook of a province. */
const longItems = new Map<string, string>();
/** From this length a string item is remembered (the stored form's chunks are some 30 KB each). */
const LONG_ITEM = 4096;
/** At most this many remembered (a few forms' chunks); then the memory starts anew. */
const LONG_ITEMS_KEPT = 64;

/**
 * The shared strings part's strings by index (all of them, or only `wanted`). A commune's
 * workbook holds hundreds of strings of which its figures use some: the `<si>` elements are
 * found by plain search, and only the wanted ones are decoded and parsed, as one small
 * document. The stored form's chunks (long JSON dense with `&quot;`, the same in every workbook
 * of a form) are parsed once and remembered. A part with CDATA or comments, whose text could
 * hold a literal `<si>`, is parsed whole. `name` names the part in a PartXmlError.
 */
export function parseSharedStrings(
  part: PartText,
  wanted?: ReadonlySet<number>,
  name = "xl/sharedStrings.xml",
): Map<number, string> {
  if (part.bytes.length === 0 || wanted?.size === 0) return new Map();
  const last = wanted ? Math.max(...wanted) : Infinity;
  const scan = part.scan;
  if (scan.includes("<![CDATA[") || scan.includes("<!--"))
    return stringItems(part.utf8(), (i) => !wanted || wanted.has(i), last, name);
  const prefix = /<(\w+:)?sst[\s>]/.exec(scan.slice(0, 512))?.[1] ?? "";
  const open = `<${prefix}si`;
  const close = `</${prefix}si>`;
  const strings = new Map<number, string>();
  const ranges: Array<[number, number]> = [];
  const rangeIndexes: number[] = [];
  const long: Array<[number, string]> = [];
  let index = -1;
  for (let at = scan.indexOf(open); at >= 0 && index < last; at = scan.indexOf(open, at + 1)) {
    if (!endsName(scan[at + open.length])) continue;
    index++;
    // An item not wanted is only counted (a `<` in its text is escaped: the next `<si` is the next item).
    if (wanted && !wanted.has(index)) continue;
    if (scan[scan.indexOf(">", at) - 1] === "/") {
      // `<si/>`: an empty string.
      strings.set(index, "");
      continue;
    }
    const end = scan.indexOf(close, at);
    if (end < 0) break; // a cut part: what was found is all there is
    const to = end + close.length;
    // A long item (a chunk of the stored form) is remembered below instead.
    const run = prefix === "" && to - at < LONG_ITEM ? PLAIN_ITEM.exec(scan.slice(at, to)) : null;
    const text = run
      ? plainText(textAt(part, run[1], to - PLAIN_ITEM_END.length - run[1].length))
      : undefined;
    if (text !== undefined) {
      // `<si><t>text</t></si>`: the text as found.
      strings.set(index, own(text));
      at = end;
      continue;
    }
    // The key is the item's bytes as one-byte text, copied so as not to keep the part alive.
    const key = to - at >= LONG_ITEM ? (" " + scan.slice(at, to)).slice(1) : undefined;
    const known = key === undefined ? undefined : longItems.get(key);
    if (known !== undefined) strings.set(index, known);
    else {
      if (key !== undefined) long.push([index, key]);
      ranges.push([at, to]);
      rangeIndexes.push(index);
    }
    at = end;
  }
  if (ranges.length > 0) {
    const parsed = stringItems(`<sst>${part.pieces(ranges)}</sst>`, () => true, Infinity, name);
    rangeIndexes.forEach((original, i) => strings.set(original, own(parsed.get(i) ?? "")));
  }
  for (const [original, key] of long) {
    if (longItems.size >= LONG_ITEMS_KEPT) longItems.clear();
    longItems.set(key, strings.get(original)!);
  }
  // Every string asked for: in index order, as a whole parse lists them.
  return !wanted && ranges.length > 0 ? new Map([...strings].sort((a, b) => a[0] - b[0])) : strings;
}
