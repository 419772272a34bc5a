/**
 * The smallest valid workbook package, for the workbooks cchc makes from nothing (template,
 * demo, the catalogue listing, the consolidation result, the PDF's report-only copy): content
 * types, the package relationships, a workbook part with no tab yet, Excel's default styles,
 * and the document properties. The plans are then applied to it exactly as install and report
 * apply them to a user's file (`applyPlans`), so a new workbook and an edited one are written
 * by the same code. ECMA-376 Part 1, §12.2 (package structure) and §18.2.27 (workbook).
 */
import { DEFAULT_STYLES, STYLES_REL, STYLES_TYPE } from "../parts/styles/edit";
import { contentTypesXml } from "../parts/contentTypes/edit";
import { CONTENT_TYPES_PART } from "../parts/contentTypes/read";
import { relationshipsXml } from "../parts/relationships/edit";
import { relsPartOf } from "../parts/relationships/read";
import { MAIN_NS, REL_NS, escapeXml } from "../xml/dom";
import { XlsxPackage, type PackageCodecs } from "./xlsxPackage";

const DECLARATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml";
const APP_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml";
const OFFICE_DOCUMENT_REL = `${REL_NS}/officeDocument`;
const CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
const APP_REL = `${REL_NS}/extended-properties`;

/**
 * The extended properties. LibreOffice trusts a workbook's cached formula results only when the
 * application that saved it is Excel (or LibreOffice itself); from any other it recalculates
 * every formula on load, and the CCHC.* functions it does not know would show `#NAME?` instead
 * of the figures. So the file says what ExcelJS said before it: Microsoft Excel (the format's
 * own producer name; the real producer is in the core properties). The worksheet group starts
 * empty and follows the tabs as the plans add them (`syncWorksheetTitles`).
 */
const APP_XML =
  DECLARATION +
  `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
  `<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
  `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>0</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
  `<TitlesOfParts><vt:vector size="0" baseType="lpstr"/></TitlesOfParts>` +
  `<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`;

/** The W3CDTF form Office writes in the core properties: seconds, UTC. */
function w3cdtf(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function coreXml(creator: string, created: Date): string {
  const when = w3cdtf(created);
  return (
    DECLARATION +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${escapeXml(creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

/**
 * The workbook part: no tab yet (`applyPlans` adds them), the first tab active, and no full
 * recalculation asked on load, so the cached figures show where CCHC.* is unknown. The
 * calculation id is the one ExcelJS wrote: Excel recalculates once on open, as it did.
 */
const WORKBOOK_XML =
  DECLARATION +
  `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView/></bookViews><sheets/><calcPr calcId="171027"/></workbook>`;

/**
 * A new, empty workbook package (no sheet: apply plans to it before saving; a workbook without
 * a tab is not valid). `creator` and `created` go to the core properties; `codecs` (fflate's
 * unless given) deflate it when saved.
 */
export function emptyWorkbookPackage(
  options: { creator?: string; created?: Date; codecs?: PackageCodecs } = {},
): XlsxPackage {
  const pkg = XlsxPackage.empty(options.codecs);
  pkg.setPart(
    CONTENT_TYPES_PART,
    contentTypesXml([
      { part: "xl/workbook.xml", type: WORKBOOK_TYPE },
      { part: "xl/styles.xml", type: STYLES_TYPE },
      { part: "docProps/core.xml", type: CORE_TYPE },
      { part: "docProps/app.xml", type: APP_TYPE },
    ]),
  );
  pkg.setPart(
    relsPartOf(""),
    relationshipsXml("", [
      { type: OFFICE_DOCUMENT_REL, part: "xl/workbook.xml" },
      { type: CORE_REL, part: "docProps/core.xml" },
      { type: APP_REL, part: "docProps/app.xml" },
    ]),
  );
  pkg.setPart("docProps/app.xml", APP_XML);
  pkg.setPart("docProps/core.xml", coreXml(options.creator ?? "cchc", options.created ?? new Date()));
  pkg.setPart("xl/workbook.xml", WORKBOOK_XML);
  pkg.setPart(
    relsPartOf("xl/workbook.xml"),
    relationshipsXml("xl/workbook.xml", [{ type: STYLES_REL, part: "xl/styles.xml" }]),
  );
  pkg.setPart("xl/styles.xml", DEFAULT_STYLES);
  return pkg;
}
