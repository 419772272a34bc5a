/**
 * The workbook part (`xl/workbook.xml`) as read: its tabs in order, its workbook-wide defined
 * names and its date system. Editing it is `./edit.ts`'s business.
 */
import { attribute, parse } from "../../xml/sax";
import { plainText } from "../../xml/text";

export interface WorkbookContent {
  /** Tabs in order: name, state (`visible`, `hidden`, `veryHidden`) and relationship id. */
  sheets: Array<{ name: string; state: string; rid: string }>;
  /** Workbook-scoped defined names by upper-cased name → reference text (first wins, trimmed). */
  names: Map<string, string>;
  /** The 1904 date system (Excel for Mac files of old): serials count from 1904. */
  date1904: boolean;
}

/** A defined name element with its attributes and text, no markup inside. */
const DEFINED_NAME = /<definedName\s([^>]*)>([^<]*)<\/definedName>/g;
const NAME_ATTRIBUTE = /(?:^|\s)name="([^"]*)"/;
const SCOPE_ATTRIBUTE = /(?:^|\s)localSheetId=/;
const BLANK = /^\s*$/;

/**
 * The workbook-wide defined names of `<definedNames>` (the bulk of a CCHC workbook's
 * workbook.xml: one per figure), read as found when every one is plain (`<definedName
 * name="…">text</definedName>`, named entities only); undefined otherwise (the whole part is
 * then parsed).
 */
function plainDefinedNames(section: string): Map<string, string> | undefined {
  const names = new Map<string, string>();
  let next = 0;
  DEFINED_NAME.lastIndex = 0;
  for (let match = DEFINED_NAME.exec(section); match; match = DEFINED_NAME.exec(section)) {
    // Anything but white space between two names is markup the search does not read.
    if (match.index !== next && !BLANK.test(section.slice(next, match.index))) return undefined;
    next = DEFINED_NAME.lastIndex;
    const attributes = match[1];
    // A quote out of place: some attribute value holds a `>` (or is single-quoted); let saxes read it.
    if (attributes.includes("'") || quotes(attributes) % 2 === 1) return undefined;
    const rawName = NAME_ATTRIBUTE.exec(attributes)?.[1];
    const name = rawName === undefined ? undefined : plainText(rawName);
    const text = plainText(match[2]);
    if (name === undefined || text === undefined) return undefined;
    // A name scoped to one sheet is not one of ours (ours are workbook-wide).
    if (SCOPE_ATTRIBUTE.test(attributes)) continue;
    const key = name.toUpperCase();
    if (!names.has(key)) names.set(key, text.trim());
  }
  return BLANK.test(section.slice(next)) ? names : undefined;
}

/** How many `"` the text holds. */
function quotes(text: string): number {
  let count = 0;
  for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) count++;
  return count;
}

/**
 * Reads the workbook part's text. Its defined names are read as found when they are plain (see
 * `plainDefinedNames`), and the rest of the part, a few sheets and settings, goes through saxes.
 */
export function parseWorkbook(xml: string, part = "xl/workbook.xml"): WorkbookContent {
  const start = xml.indexOf("<definedNames>");
  const end = start < 0 ? -1 : xml.indexOf("</definedNames>", start);
  const plain = end < 0 ? undefined : plainDefinedNames(xml.slice(start + "<definedNames>".length, end));
  const result: WorkbookContent = { sheets: [], names: plain ?? new Map(), date1904: false };
  let name: string | undefined;
  let text = "";
  parse(
    plain ? xml.slice(0, start) + xml.slice(end + "</definedNames>".length) : xml,
    {
      open(element, a) {
        if (element === "sheet") {
          result.sheets.push({
            name: a.name ?? "",
            state: a.state ?? "visible",
            rid: attribute(a, "id") ?? "",
          });
        } else if (element === "workbookPr") {
          result.date1904 = a.date1904 === "1" || a.date1904 === "true";
        } else if (element === "definedName") {
          // A name scoped to one sheet is not one of ours (ours are workbook-wide).
          name = a.localSheetId === undefined || a.localSheetId === "" ? a.name : undefined;
          text = "";
        }
      },
      text(t) {
        if (name !== undefined) text += t;
      },
      close(element) {
        if (element === "definedName" && name !== undefined) {
          if (!result.names.has(name.toUpperCase())) result.names.set(name.toUpperCase(), text.trim());
          name = undefined;
        }
      },
    },
    part,
  );
  return result;
}
