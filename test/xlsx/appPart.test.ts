/**
 * docProps/app.xml after install: the worksheet titles follow the tabs (the user's, then ours in
 * tab order), the other groups and properties stay as they were, whatever language the
 * program that saved the file wrote its headings in; a reinstall that adds no tab leaves the
 * part byte for byte.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { installIntoFile } from "../../src/xlsx/node/operations";
import { PackageReader } from "../../src/xlsx/package/readPackage";
import { XlsxPackage } from "../../src/xlsx/package/xlsxPackage";
import { userWorkbookParts } from "../fixtures/userWorkbook";
import { packageLosses } from "../support/packageLoss";
import { makeTempDir, removeTempDir } from "../support/xlsx";

let dir: string;
beforeAll(() => (dir = makeTempDir("cchc-app-")));
afterAll(() => removeTempDir(dir));

const VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
/** What Excel writes: a worksheet group and a named-range group, in the saving program's language. */
const appXml = (worksheets: string, namedRanges: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="${VT}">` +
  `<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
  `<HeadingPairs><vt:vector size="4" baseType="variant">` +
  `<vt:variant><vt:lpstr>${worksheets}</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant>` +
  `<vt:variant><vt:lpstr>${namedRanges}</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>` +
  `</vt:vector></HeadingPairs>` +
  `<TitlesOfParts><vt:vector size="3" baseType="lpstr"><vt:lpstr>Sổ tay</vt:lpstr><vt:lpstr>Danh bạ</vt:lpstr><vt:lpstr>'Sổ tay'!Print_Area</vt:lpstr></vt:vector></TitlesOfParts>` +
  `<Company>UBND xã Thử Nghiệm</Company><AppVersion>16.0300</AppVersion></Properties>`;

function userFile(name: string, app: string): string {
  const parts = { ...userWorkbookParts(), "docProps/app.xml": app };
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    zipSync(
      Object.fromEntries(Object.entries(parts).map(([n, c]) => [n, typeof c === "string" ? strToU8(c) : c])),
    ),
  );
  return file;
}

const appOf = (file: string) => strFromU8(unzipSync(fs.readFileSync(file))["docProps/app.xml"]);
const titles = (xml: string) =>
  [...xml.replace(/^[\s\S]*<TitlesOfParts>/, "").matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]);
const counts = (xml: string) => [...xml.matchAll(/<vt:i4>(\d+)<\/vt:i4>/g)].map((m) => Number(m[1]));

describe.each([
  ["English", "Worksheets", "Named Ranges"],
  ["Vietnamese", "Trang tính", "Phạm vi có Tên"],
])("app.xml written by Excel in %s", (_language, worksheets, namedRanges) => {
  it("lists every worksheet in tab order after install; the rest as it was", async () => {
    const file = userFile(`app-${worksheets}.xlsx`, appXml(worksheets, namedRanges));
    const before = fs.readFileSync(file);
    await installIntoFile(file);
    const tabs = new PackageReader(XlsxPackage.fromBytes(fs.readFileSync(file))).book.sheets
      .filter((s) => s.worksheet)
      .map((s) => s.name);
    expect(tabs.slice(0, 2)).toEqual(["Sổ tay", "Danh bạ"]);
    expect(tabs.length).toBeGreaterThan(5);

    const xml = appOf(file);
    expect(titles(xml)).toEqual([...tabs, "'Sổ tay'!Print_Area"]);
    expect(counts(xml)).toEqual([tabs.length, 1]);
    expect(xml).toContain(`<vt:vector size="${tabs.length + 1}" baseType="lpstr">`);
    expect(xml).toContain(`<vt:lpstr>${worksheets}</vt:lpstr>`);
    expect(xml).toContain(`<vt:lpstr>${namedRanges}</vt:lpstr>`);
    expect(xml).toContain("<Company>UBND xã Thử Nghiệm</Company><AppVersion>16.0300</AppVersion>");
    expect(packageLosses(before, fs.readFileSync(file))).toEqual([]);

    // Installing again adds no tab: the part stays byte for byte.
    await installIntoFile(file);
    expect(appOf(file)).toBe(xml);
  });
});

it("an app.xml without a list of titles (as LibreOffice writes it) is left byte for byte", async () => {
  const plain = `<?xml version="1.0" encoding="UTF-8"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>LibreOffice/7.4</Application></Properties>`;
  const file = userFile("app-plain.xlsx", plain);
  await installIntoFile(file);
  expect(appOf(file)).toBe(plain);
});
