/**
 * A workbook saved as "Strict Open XML Spreadsheet": install and report add their parts and
 * relationships in Strict's namespaces (a Strict package must not hold transitional parts),
 * lose nothing of the user's, read back their figures, and LibreOffice opens the result.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { checkFile, installIntoFile, reportIntoFile } from "../../src/xlsx/node/operations";
import { STRICT_MAIN_NS } from "../../src/xlsx/xml/dom";
import { packageLosses } from "../support/packageLoss";
import {
  convert,
  CSV_ALL_SHEETS_AS_SHOWN,
  describeWithPrograms,
  makeProfile,
  parseCsv,
  soffice,
} from "../support/libreoffice";
import { makeTempDir, removeTempDir } from "../support/xlsx";

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const S = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const R = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/** A one-sheet workbook as Excel saves it in Strict: Strict namespaces and relationship types. */
function strictWorkbook(): Uint8Array {
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      DECL +
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/></Types>`,
    "_rels/.rels":
      DECL +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/_rels/workbook.xml.rels":
      DECL +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId3" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/workbook.xml":
      DECL +
      `<workbook xmlns="${S}" xmlns:r="${R}" conformance="strict"><workbookPr dateCompatibility="0"/>` +
      `<bookViews><workbookView/></bookViews><sheets><sheet name="Sổ tay" sheetId="1" r:id="rId1"/></sheets>` +
      `<calcPr calcId="191029"/></workbook>`,
    "xl/worksheets/sheet1.xml":
      DECL +
      `<worksheet xmlns="${S}" xmlns:r="${R}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c></row></sheetData></worksheet>`,
    "xl/sharedStrings.xml":
      DECL + `<sst xmlns="${S}" count="1" uniqueCount="1"><si><t>Ghi chép riêng</t></si></sst>`,
    "xl/styles.xml":
      DECL +
      `<styleSheet xmlns="${S}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([n, c]) => [n, strToU8(c)])));
}

let dir: string;
beforeAll(() => (dir = makeTempDir("cchc-strict-")));
afterAll(() => removeTempDir(dir));

/** A fresh Strict workbook with the form installed and the report written into it. */
async function installed(name: string): Promise<{ file: string; before: Uint8Array }> {
  const file = path.join(dir, name);
  const before = strictWorkbook();
  fs.writeFileSync(file, before);
  await installIntoFile(file);
  await reportIntoFile(file, { generatedAt: new Date(2026, 9, 15, 9, 30) });
  return { file, before };
}

describe("a Strict Open XML workbook", () => {
  it("gets every part and relationship in Strict's namespaces, and loses nothing", async () => {
    const { file, before } = await installed("strict.xlsx");
    const after = unzipSync(fs.readFileSync(file));
    const xmlParts = Object.keys(after).filter((n) => /\.(xml|rels)$/.test(n) && n !== "[Content_Types].xml");
    expect(xmlParts.length).toBeGreaterThan(10);
    for (const name of xmlParts) {
      const text = strFromU8(after[name]);
      // Transitional SpreadsheetML and its relationship types: none anywhere.
      expect([name, text.includes("http://schemas.openxmlformats.org/spreadsheetml/2006/main")]).toEqual([
        name,
        false,
      ]);
      expect([
        name,
        text.includes("http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
      ]).toEqual([name, false]);
    }
    const sheets = Object.keys(after).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets.length).toBeGreaterThan(8);
    for (const name of sheets) expect(strFromU8(after[name])).toContain(`xmlns="${STRICT_MAIN_NS}"`);
    expect(packageLosses(before, fs.readFileSync(file))).toEqual([]);
    // Read back: the installed form is found and checked like any other: its only errors are the
    // rows every form requires and the plan's total xa-2025 requires, still blank in a fresh
    // install (issue 21).
    const checked = await checkFile(file);
    expect(checked.findings.filter((f) => f.severity === "error").map((f) => f.checkId)).toEqual([
      "required:co_quan",
      "required:ky_bao_cao",
      "required:nam",
      "required:kh_tong",
    ]);
  });
});

describeWithPrograms("test/xlsx/strict.test.ts", ["libreoffice"])("a Strict workbook in LibreOffice", () => {
  it("opens after install and report, with the user's cells and our sheets", async () => {
    const { file } = await installed("strict-lo.xlsx");
    const out = path.join(dir, "lo");
    convert(soffice(), makeProfile(dir), CSV_ALL_SHEETS_AS_SHOWN, out, [file]);
    const csv = new Map(
      fs
        .readdirSync(out)
        .map((n) => [n.normalize("NFC"), parseCsv(fs.readFileSync(path.join(out, n), "utf8"))]),
    );
    expect(csv.get("strict-lo-Sổ tay.csv")?.[0]).toEqual(["Ghi chép riêng", "42"]);
    expect(csv.get("strict-lo-Thông tin chung.csv")?.[0]?.[0]).toBe("THÔNG TIN CHUNG CỦA BÁO CÁO");
    expect([...csv.keys()].some((n) => n.includes("Phụ lục I"))).toBe(true);
  });
});
