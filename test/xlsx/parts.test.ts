/**
 * Each part's module writes what its reader reads: the content types and relationships of a
 * new package, and the edits made to a user's (which may bind the namespace to a prefix).
 */
import { addOverride, contentTypesXml, removeOverride } from "../../src/xlsx/parts/contentTypes/edit";
import { contentTypeOf, parseContentTypes } from "../../src/xlsx/parts/contentTypes/read";
import {
  appendRelationship,
  deleteRelationship,
  relationshipsXml,
  relativeTarget,
} from "../../src/xlsx/parts/relationships/edit";
import { parseRelationships, type Relationship } from "../../src/xlsx/parts/relationships/read";
import { emptyWorkbookPackage } from "../../src/xlsx/package/skeleton";
import { parseXml, serializeXml } from "../../src/xlsx/xml/dom";

const SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

describe("content types", () => {
  it("reads back the overrides a new package declares, and the defaults by extension", () => {
    const types = parseContentTypes(contentTypesXml([{ part: "xl/worksheets/sheet1.xml", type: SHEET }]));
    expect(contentTypeOf(types, "xl/worksheets/sheet1.xml")).toBe(SHEET);
    expect(contentTypeOf(types, "XL/Worksheets/Sheet1.xml")).toBe(SHEET);
    expect(contentTypeOf(types, "_rels/.rels")).toBe(
      "application/vnd.openxmlformats-package.relationships+xml",
    );
    expect(contentTypeOf(types, "docProps/custom.xml")).toBe("application/xml");
  });

  it("adds and removes an override in a part whose namespace has a prefix", () => {
    const doc = parseXml(
      "[Content_Types].xml",
      `<ct:Types xmlns:ct="http://schemas.openxmlformats.org/package/2006/content-types"><ct:Default Extension="xml" ContentType="application/xml"/></ct:Types>`,
    );
    addOverride(doc, "xl/worksheets/sheet2.xml", SHEET);
    const text = serializeXml(doc);
    expect(text).toContain(`<ct:Override PartName="/xl/worksheets/sheet2.xml" ContentType="${SHEET}"/>`);
    expect(contentTypeOf(parseContentTypes(text), "xl/worksheets/sheet2.xml")).toBe(SHEET);
    expect(removeOverride(doc, "XL/worksheets/SHEET2.xml")).toBe(true);
    expect(removeOverride(doc, "xl/worksheets/sheet2.xml")).toBe(false);
    expect(contentTypeOf(parseContentTypes(serializeXml(doc)), "xl/worksheets/sheet2.xml")).toBe(
      "application/xml",
    );
  });
});

describe("relationships", () => {
  it("writes targets relative to the part's folder, which the one resolver reads back", () => {
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet1.xml")).toBe("worksheets/sheet1.xml");
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/tables/table1.xml")).toBe("../tables/table1.xml");
    expect(relativeTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    const xml = relationshipsXml("xl/worksheets/sheet1.xml", [
      { type: WORKSHEET_REL, part: "xl/tables/table1.xml" },
    ]);
    expect(parseRelationships(xml, "xl/worksheets/sheet1.xml")).toEqual([
      {
        id: "rId1",
        type: WORKSHEET_REL,
        target: "../tables/table1.xml",
        part: "xl/tables/table1.xml",
        external: false,
      },
    ]);
  });

  it("adds under the first free id and removes by id", () => {
    const doc = parseXml(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="a.xml"/><Relationship Id="rId3" Type="x" Target="b.xml"/></Relationships>`,
    );
    expect(appendRelationship(doc, "xl/workbook.xml", WORKSHEET_REL, "xl/worksheets/sheet9.xml")).toBe(
      "rId4",
    );
    expect(appendRelationship(doc, "xl/workbook.xml", WORKSHEET_REL, "xl/worksheets/sheet10.xml")).toBe(
      "rId5",
    );
    expect(deleteRelationship(doc, "rId1")).toBe(true);
    expect(deleteRelationship(doc, "rId1")).toBe(false);
    const read = parseRelationships(serializeXml(doc), "xl/workbook.xml");
    expect(read.map((r) => [r.id, r.part])).toEqual([
      ["rId3", "xl/b.xml"],
      ["rId4", "xl/worksheets/sheet9.xml"],
      ["rId5", "xl/worksheets/sheet10.xml"],
    ]);
  });
});

describe("a package's relationships and content types, kept parsed between edits", () => {
  // The package keeps them parsed (applying a consolidation asked some two hundred times); each
  // edit must be seen by the next question, whichever way the part changed.
  it("answers each question after an edit with the part as edited", () => {
    const pkg = emptyWorkbookPackage();
    const table = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
    const TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
    expect(pkg.relationships("xl/workbook.xml").map((r) => r.part)).toEqual(["xl/styles.xml"]);
    const id = pkg.addRelationship("xl/workbook.xml", WORKSHEET_REL, "xl/worksheets/sheet1.xml");
    expect(pkg.relationships("xl/workbook.xml").map((r) => [r.id, r.part])).toEqual([
      ["rId1", "xl/styles.xml"],
      [id, "xl/worksheets/sheet1.xml"],
    ]);
    pkg.removeRelationship("xl/workbook.xml", "rId1");
    expect(pkg.relationships("xl/workbook.xml").map((r) => r.part)).toEqual(["xl/worksheets/sheet1.xml"]);
    pkg.setPart(
      "xl/_rels/workbook.xml.rels",
      relationshipsXml("xl/workbook.xml", [{ type: table, part: "xl/t.xml" }]),
    );
    expect(pkg.relationships("xl/workbook.xml").map((r) => r.part)).toEqual(["xl/t.xml"]);
    pkg.removePart("xl/workbook.xml");
    expect(pkg.relationships("xl/workbook.xml")).toEqual([]);

    expect(pkg.contentType("xl/tables/table1.xml")).toBe("application/xml");
    pkg.addContentType("xl/tables/table1.xml", TABLE);
    expect(pkg.contentType("xl/tables/table1.xml")).toBe(TABLE);
    pkg.setPart("[Content_Types].xml", contentTypesXml([]));
    expect(pkg.contentType("xl/tables/table1.xml")).toBe("application/xml");
  });

  it("cannot be changed by a caller: what it answers is frozen", () => {
    const pkg = emptyWorkbookPackage();
    const rels = pkg.relationships("xl/workbook.xml") as Relationship[];
    expect(() => rels.push({ ...rels[0], id: "rId9" })).toThrow(TypeError);
    expect(pkg.relationships("xl/workbook.xml")).toHaveLength(1);
  });
});
