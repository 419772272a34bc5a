/**
 * What a command lost of a user's workbook, found by comparing the package before and after:
 * every part that is not ours must be byte-identical; the shared parts may only have grown
 * (styles and strings appended to, sheets, names and relationships added) with everything the
 * user had kept as it was. Used by the fixture tests and by the corpus run.
 */
import { unzipSync, strFromU8 } from "fflate";
import { DOMParser, XMLSerializer, type Element, type Node } from "@xmldom/xmldom";
import { candidateReportNames } from "../../src/core/report/planReport";
import { META_SHEET_NAME } from "../../src/core/meta";
import { PackageReader } from "../../src/xlsx/package/readPackage";
import { WorkbookPart } from "../../src/xlsx/parts/workbook/edit";
import { relsPartOf, XlsxPackage } from "../../src/xlsx/package/xlsxPackage";

function elementsOf(node: Node): Element[] {
  const result: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) result.push(c as Element);
  return result;
}

const serialize = (node: Node) => new XMLSerializer().serializeToString(node);
const parse = (text: string) => new DOMParser().parseFromString(text, "text/xml").documentElement!;

/** The parts of our sheets in the package after the command (and their relationship parts). */
function ourParts(after: XlsxPackage): Set<string> {
  const reader = new PackageReader(after);
  const meta = reader.meta();
  const names = new Set(
    [META_SHEET_NAME, ...candidateReportNames(), ...Object.values(meta?.sheets ?? {})].map((n) =>
      n.toLowerCase(),
    ),
  );
  const parts = new Set<string>();
  for (const sheet of reader.book.sheets) {
    if (sheet.part && names.has(sheet.name.toLowerCase())) {
      parts.add(sheet.part);
      parts.add(relsPartOf(sheet.part));
    }
  }
  return parts;
}

/** Lists children of `before` missing from `after` by serialization, as prefix or as set. */
function compareLists(
  what: string,
  before: Element[],
  after: Element[],
  prefix: boolean,
  out: string[],
): void {
  const a = before.map(serialize);
  const b = after.map(serialize);
  if (prefix) {
    a.forEach((text, i) => {
      if (b[i] !== text) out.push(`${what}[${i}] changed`);
    });
  } else {
    const set = new Set(b);
    for (const text of a) if (!set.has(text)) out.push(`${what} lost: ${text.slice(0, 120)}`);
  }
}

/**
 * The losses between the bytes of a user's file before and after install/report: empty when
 * nothing of the user's was changed or dropped. `ownedBefore` names parts that were already
 * ours before (a reinstall), which may change.
 */
export function packageLosses(beforeBytes: Uint8Array, afterBytes: Uint8Array): string[] {
  const losses: string[] = [];
  const before = unzipSync(beforeBytes);
  const after = unzipSync(afterBytes);
  const afterPkg = XlsxPackage.fromBytes(afterBytes);
  const beforePkg = XlsxPackage.fromBytes(beforeBytes);
  const ours = ourParts(afterPkg);
  const oursBefore = ourParts(beforePkg);
  const workbook = beforePkg.workbookPart()!;
  const rels = beforePkg.relationships(workbook);
  const styles = rels.find((r) => /\/styles$/.test(r.type))?.part;
  const calcChain = rels.find((r) => /\/calcChain$/.test(r.type))?.part;
  const appPart = beforePkg.relationships("").find((r) => /\/extended-properties$/.test(r.type))?.part;
  const shared = new Set([
    ...(appPart ? [appPart] : []),
    "[Content_Types].xml",
    workbook,
    relsPartOf(workbook),
    ...(styles ? [styles] : []),
    ...(calcChain ? [calcChain] : []),
  ]);

  for (const name of Object.keys(before)) {
    if (name.endsWith("/")) continue;
    if (ours.has(name) || oursBefore.has(name) || shared.has(name)) continue;
    if (!(name in after)) losses.push(`dropped: ${name}`);
    else if (Buffer.compare(Buffer.from(before[name]), Buffer.from(after[name])) !== 0)
      losses.push(`changed: ${name}`);
  }

  // The calculation chain: the entries of the user's sheets kept, in order (ours may go).
  if (calcChain && calcChain in before) {
    const ourIds = new Set(
      new WorkbookPart(beforePkg, beforePkg.workbookPart()!)
        .sheets()
        .filter((s) => s.part && (ours.has(s.part) || oursBefore.has(s.part)))
        .map((s) => s.element.getAttribute("sheetId")),
    );
    const entries = (bytes: Uint8Array | undefined) => {
      if (!bytes) return [];
      let current = "";
      return elementsOf(parse(strFromU8(bytes)))
        .map((c) => {
          current = c.getAttribute("i") ?? current;
          return { i: current, r: c.getAttribute("r") };
        })
        .filter((e) => !ourIds.has(e.i))
        .map((e) => `${e.i}!${e.r}`);
    };
    const a = entries(before[calcChain]).join(" ");
    const b = entries(after[calcChain]).join(" ");
    if (a !== b) losses.push(`${calcChain}: the user's entries changed`);
  }

  // Content types and workbook relationships: only added to (a calculation chain of ours only may go).
  for (const part of ["[Content_Types].xml", relsPartOf(workbook)]) {
    if (!(part in before)) continue;
    if (!(part in after)) {
      losses.push(`dropped: ${part}`);
      continue;
    }
    const chainGone = (e: Element) =>
      !!calcChain &&
      !(calcChain in after) &&
      ((e.getAttribute("PartName") ?? "") === `/${calcChain}` ||
        /\/calcChain$/.test(e.getAttribute("Type") ?? ""));
    compareLists(
      part,
      elementsOf(parse(strFromU8(before[part]))).filter((e) => !chainGone(e)),
      elementsOf(parse(strFromU8(after[part]))),
      false,
      losses,
    );
  }

  // The extended properties: only the worksheet titles follow the tabs; every other property
  // as it was, every title the user had still there.
  if (appPart && appPart in before) {
    if (!(appPart in after)) losses.push(`dropped: ${appPart}`);
    else if (Buffer.compare(Buffer.from(before[appPart]), Buffer.from(after[appPart])) !== 0) {
      const a = parse(strFromU8(before[appPart]));
      const b = parse(strFromU8(after[appPart]));
      const titled = (e: Element) => e.localName === "HeadingPairs" || e.localName === "TitlesOfParts";
      compareLists(
        appPart,
        elementsOf(a).filter((e) => !titled(e)),
        elementsOf(b).filter((e) => !titled(e)),
        true,
        losses,
      );
      const titles = (root: Element) =>
        elementsOf(root)
          .filter((e) => e.localName === "TitlesOfParts")
          .flatMap((e) => elementsOf(e).flatMap(elementsOf));
      compareLists(`${appPart} titles`, titles(a), titles(b), false, losses);
    }
  }

  if (styles && styles in before) {
    const a = parse(strFromU8(before[styles]));
    const b = after[styles] ? parse(strFromU8(after[styles])) : undefined;
    if (!b) losses.push(`dropped: ${styles}`);
    else {
      for (const list of elementsOf(a)) {
        const other = elementsOf(b).find((e) => e.localName === list.localName);
        if (!other) {
          losses.push(`${styles}: ${list.localName} dropped`);
          continue;
        }
        if (["numFmts", "cellStyles", "dxfs", "colors", "extLst", "tableStyles"].includes(list.localName!)) {
          compareLists(
            `${styles} ${list.localName}`,
            elementsOf(list),
            elementsOf(other),
            list.localName !== "numFmts",
            losses,
          );
        } else compareLists(`${styles} ${list.localName}`, elementsOf(list), elementsOf(other), true, losses);
      }
    }
  }

  // The workbook part: the user's tabs, names, protection, calculation settings and extensions.
  const a = parse(strFromU8(before[workbook]));
  const b = parse(strFromU8(after[workbook]));
  const ourSheetNames = new Set(
    new PackageReader(afterPkg).book.sheets
      .filter((s) => s.part && (ours.has(s.part) || oursBefore.has(s.part)))
      .map((s) => s.name),
  );
  for (const child of elementsOf(a)) {
    const other = elementsOf(b).find((e) => e.localName === child.localName);
    if (!other) {
      losses.push(`workbook: ${child.localName} dropped`);
      continue;
    }
    switch (child.localName) {
      case "sheets":
        compareLists(
          "workbook sheets",
          elementsOf(child).filter((e) => !ourSheetNames.has(e.getAttribute("name") ?? "")),
          elementsOf(other),
          false,
          losses,
        );
        break;
      case "definedNames": {
        // The user's built-in names (print areas, titles, filters) are the user's too; only those
        // local to one of our sheets (by its position in the tab list before) may change.
        const tabs = elementsOf(elementsOf(a).find((e) => e.localName === "sheets") ?? a).map(
          (e) => e.getAttribute("name") ?? "",
        );
        const keep = elementsOf(child).filter((e) => {
          const name = e.getAttribute("name") ?? "";
          const local = e.getAttribute("localSheetId");
          const onOurSheet = local !== null && ourSheetNames.has(tabs[Number(local)] ?? "");
          return !/^(CCHC|BC)_/i.test(name) && !(name.startsWith("_xlnm.") && onOurSheet);
        });
        compareLists("workbook definedNames", keep, elementsOf(other), false, losses);
        break;
      }
      case "calcPr": {
        const attrs = (e: Element) =>
          [...Array.from({ length: e.attributes.length }, (_, i) => e.attributes.item(i)!)]
            .filter((x) => x.name !== "fullCalcOnLoad")
            .map((x) => `${x.name}=${x.value}`)
            .sort()
            .join(" ");
        if (attrs(child) !== attrs(other)) losses.push("workbook calcPr changed");
        break;
      }
      case "bookViews":
        break;
      default:
        if (serialize(child) !== serialize(other)) losses.push(`workbook ${child.localName} changed`);
    }
  }
  return losses;
}
