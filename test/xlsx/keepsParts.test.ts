/**
 * Issue 10 A: what is not ours stays as it was. A user workbook holding one of each thing a
 * library rewrite was seen to lose goes through install and report; every part that is not ours
 * is byte-identical, styles and names only grew, protection and settings kept, and LibreOffice
 * opens the result showing both the user's cells and our figures.
 */
import { DEFAULT_CATALOGUE, DISTRICT_CATALOGUE, tableFigureIds } from "../../src/core/catalogue";
import * as fs from "fs";
import * as path from "path";
import { unzipSync, strFromU8 } from "fflate";
import { main } from "../../src/cli/main";
import { bufferIo } from "../../src/cli/io";
import {
  checkFile,
  createTemplateFile,
  installIntoFile,
  reportIntoFile,
} from "../../src/xlsx/node/operations";
import { XlsxPackage } from "../../src/xlsx/package/xlsxPackage";
import { PackageReader } from "../../src/xlsx/package/readPackage";
import { gridView } from "../../src/xlsx/parts/sheet/read";
import { userWorkbookBytes, userWorkbookParts } from "../fixtures/userWorkbook";
import { packageLosses } from "../support/packageLoss";
import {
  convert,
  CSV_ALL_SHEETS_AS_SHOWN,
  describeWithPrograms,
  makeProfile,
  parseCsv,
  soffice,
} from "../support/libreoffice";
import { editZip, makeTempDir, removeTempDir } from "../support/xlsx";

const CASES = path.join(__dirname, "..", "fixtures", "cases");
const generatedAt = new Date(2021, 8, 15, 9, 30);

let dir: string;
beforeAll(() => (dir = makeTempDir("cchc-keep-")));
afterAll(() => removeTempDir(dir));

const part = (bytes: Uint8Array, name: string) => strFromU8(unzipSync(bytes)[name]);

describe("a user workbook with everything a rewrite used to lose", () => {
  let file: string;
  let original: Uint8Array;
  let installed: Uint8Array;
  let reported: Uint8Array;

  beforeAll(async () => {
    file = path.join(dir, "nguoi-dung.xlsx");
    original = userWorkbookBytes();
    fs.writeFileSync(file, original);
    await installIntoFile(file);
    installed = fs.readFileSync(file);
    await reportIntoFile(file, { generatedAt });
    reported = fs.readFileSync(file);
  });

  it("install and report lose nothing: parts byte for byte, styles and lists only grown", () => {
    expect(packageLosses(original, installed)).toEqual([]);
    expect(packageLosses(installed, reported)).toEqual([]);
    expect(packageLosses(original, reported)).toEqual([]);
  });

  it("keeps each part that is not ours byte for byte", () => {
    const after = unzipSync(reported);
    for (const [name, content] of Object.entries(userWorkbookParts())) {
      if (
        ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"].includes(
          name,
        )
      )
        continue;
      const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
      expect([name, Buffer.from(after[name]).equals(bytes)]).toEqual([name, true]);
    }
  });

  it("keeps the user's tabs, names, structure protection, calculation settings and extensions", () => {
    const before = part(original, "xl/workbook.xml");
    const after = part(reported, "xl/workbook.xml");
    for (const kept of [
      /<workbookProtection [^>]*\/>/,
      /<definedName name="MucTieu">0.95<\/definedName>/,
      /<definedName name="Rieng" localSheetId="1">[^<]*<\/definedName>/,
      /<definedName name="_xlnm.Print_Area" localSheetId="0">'Sổ tay'!\$B\$2<\/definedName>/,
      /<calcPr [^>]*\/>/,
      /<extLst>.*<\/extLst>/,
      /<sheet name="Sổ tay" sheetId="1" rel:id="rId1"\/>/,
      /<sheet name="Danh bạ" sheetId="2" rel:id="rId2"\/>/,
    ]) {
      expect(after).toContain(kept.exec(before)![0]);
    }
    // Our sheets come after the user's, bound through the same prefix.
    const reader = new PackageReader(XlsxPackage.fromBytes(reported));
    expect(reader.sheetNames().slice(0, 2)).toEqual(["Sổ tay", "Danh bạ"]);
    expect(reader.sheetNames()).toContain("Phụ lục I");
    expect(after).not.toMatch(/ r:id=/);
  });

  it("reads the user's typed cells back as they were (ISO dates, CDATA, escapes, empty strings)", () => {
    const reader = new PackageReader(XlsxPackage.fromBytes(reported));
    const grid = gridView(reader.grid(reader.findSheet("Sổ tay")!), "values");
    expect(grid[0]).toEqual(["Trang chủ", "", 44459, "x < y & z", 1, 3]);
    expect(grid[1][1]).toBe("a\uFFFEb");
  });

  it("keeps a calculation chain listing only the user's cells byte for byte", () => {
    expect(part(reported, "xl/calcChain.xml")).toBe(userWorkbookParts()["xl/calcChain.xml"]);
  });

  it("finds our figures through their names and checks them", async () => {
    const outcome = await checkFile(file);
    // Every typed (non-ratio) row of the default form, and every cell of its tables, is found at its name.
    expect(outcome.figures.figures.size).toBe(
      DEFAULT_CATALOGUE.indicators.filter((indicator) => indicator.kind !== "ratio").length +
        tableFigureIds(DEFAULT_CATALOGUE).length,
    );
  });
});

describeWithPrograms("test/xlsx/keepsParts.test.ts", ["libreoffice"])(
  "the user workbook after install and report, in LibreOffice",
  () => {
    it("opens with the user's cells and our report", async () => {
      const file = path.join(dir, "nguoi-dung-lo.xlsx");
      fs.writeFileSync(file, userWorkbookBytes());
      await installIntoFile(file);
      await reportIntoFile(file, { generatedAt });
      const out = path.join(dir, "lo");
      convert(soffice(), makeProfile(dir), CSV_ALL_SHEETS_AS_SHOWN, out, [file]);
      const csv = new Map(
        fs.readdirSync(out).map((n) => [n.normalize("NFC"), fs.readFileSync(path.join(out, n), "utf8")]),
      );
      const all = [...csv.values()].join("\n");
      expect(all).toContain("Trang chủ");
      expect(all).toContain("x < y & z");
      const report = [...csv].find(([n]) => n.endsWith("Phụ lục I.csv"))?.[1];
      expect(report).toBeDefined();
      expect(parseCsv(report!).length).toBeGreaterThan(10);
    });
  },
);

describe("the sample with a user's parts added and r:id under another prefix", () => {
  it("gives the same figures and the same report as the plain sample", async () => {
    const plain = path.join(dir, "mau.xlsx");
    await createTemplateFile(plain, { sample: true, catalogue: DISTRICT_CATALOGUE });
    const extra = path.join(dir, "mau-them.xlsx");
    fs.copyFileSync(plain, extra);
    const parts = userWorkbookParts();
    await editZip(
      extra,
      (name, text) => {
        if (name === "xl/workbook.xml")
          return text
            .replace(/xmlns:r=/, "xmlns:rel=")
            .replace(/ r:id=/g, " rel:id=")
            .replace(
              "<bookViews>",
              parts["xl/workbook.xml"].toString().match(/<workbookProtection [^>]*\/>/)![0] + "<bookViews>",
            );
        // A calculation chain as Excel saves it, listing formula cells of one of our sheets.
        if (name === "xl/_rels/workbook.xml.rels")
          return text.replace(
            "</Relationships>",
            '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
          );
        if (name === "[Content_Types].xml")
          return text.replace(
            "</Types>",
            '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
          );
        return undefined;
      },
      {
        "xl/calcChain.xml": `<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="D8" i="2"/><c r="D9"/></calcChain>`,
        "docProps/custom.xml": parts["docProps/custom.xml"] as string,
        "customXml/item1.xml": parts["customXml/item1.xml"] as string,
        "xl/webextensions/webextension1.xml": parts["xl/webextensions/webextension1.xml"] as string,
      },
    );
    const before = fs.readFileSync(extra);
    for (const f of [plain, extra]) {
      await installIntoFile(f);
      await reportIntoFile(f, { generatedAt });
    }
    expect(packageLosses(before, fs.readFileSync(extra))).toEqual([]);
    // The chain listed only our cells: it is gone, with its relationship and content type.
    const after = unzipSync(fs.readFileSync(extra));
    expect(after["xl/calcChain.xml"]).toBeUndefined();
    expect(strFromU8(after["xl/_rels/workbook.xml.rels"])).not.toMatch(/calcChain/);
    expect(strFromU8(after["[Content_Types].xml"])).not.toMatch(/calcChain/);
    const a = await checkFile(plain);
    const b = await checkFile(extra);
    expect([...b.figures.figures]).toEqual([...a.figures.figures]);
    expect(b.findings).toEqual(a.findings);
    const grid = (f: string) => {
      const reader = new PackageReader(XlsxPackage.fromBytes(fs.readFileSync(f)));
      return gridView(reader.grid(reader.findSheet("Phụ lục I")!), "values");
    };
    expect(grid(extra)).toEqual(grid(plain));
  });
});

describe("the reported cases", () => {
  it.each(fs.readdirSync(CASES).filter((n) => n.endsWith(".xlsx")))(
    "%s: install and report write it and lose nothing",
    async (name) => {
      const file = path.join(dir, `case-${name}`);
      fs.copyFileSync(path.join(CASES, name), file);
      fs.chmodSync(file, 0o644); // a user's own file is writable, whatever the fixture's mode

      const before = fs.readFileSync(file);
      const io = bufferIo();
      expect(await main(["install", file], io)).toBe(0);
      // 1 = written, but the figures have errors (the inserted column is issue 10 B).
      expect([0, 1]).toContain(await main(["report", file], bufferIo()));
      expect(packageLosses(before, fs.readFileSync(file))).toEqual([]);
    },
  );
});
