/**
 * What the reader finds again from one unit's file to the next (issue 19, speed): a long text
 * found by its bytes (`plainTextAt`), a long text's `_xHHHH_` escapes (`decodeExcelEscapes`),
 * the package relationships naming the workbook part (`workbookPath`), each the same answer as
 * read afresh, and never another file's; and the XML vetting that jumps over long texts still
 * refusing what follows them. The known answers are written out, not computed by the code.
 */
import { workbookPath } from "../../src/xlsx/package/workbookReader";
import { MAX_XML_DEPTH, PartRefusedError, vetXml } from "../../src/xlsx/zip/partLimits";
import { decodeExcelEscapes, PartText, plainTextAt } from "../../src/xlsx/xml/text";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A part holding `raw` as the content of a `<t>`, and where its bytes start. */
function partWith(raw: string): { part: PartText; scanned: string; from: number } {
  const prefix = "<is><t>";
  const part = new PartText(utf8(`${prefix}${raw}</t></is>`));
  const from = prefix.length;
  const to = part.scan.indexOf("</t>");
  return { part, scanned: part.scan.slice(from, to), from };
}

/** The stored form's kind of text: Vietnamese, every quote an entity, some 3,000 characters. */
const form = (id: string) =>
  Array.from({ length: 60 }, (_, i) => `&quot;${id}_${i}&quot;: &quot;Chỉ tiêu số ${i}&quot;`).join(", ");
const formText = (id: string) =>
  Array.from({ length: 60 }, (_, i) => `"${id}_${i}": "Chỉ tiêu số ${i}"`).join(", ");

describe("a long text found by its bytes (plainTextAt)", () => {
  it("is decoded from UTF-8 with its entities, the same each time it is met in another part", () => {
    for (let round = 0; round < 3; round++) {
      const { part, scanned, from } = partWith(form("a"));
      expect(plainTextAt(part, scanned, from)).toBe(formText("a"));
    }
  });

  it("gives two texts differing in one letter each its own answer", () => {
    const a = partWith(form("a"));
    const b = partWith(form("a").replace("Chỉ tiêu số 59", "Chỉ tiêu số 5ứ"));
    expect(plainTextAt(a.part, a.scanned, a.from)).toBe(formText("a"));
    expect(plainTextAt(b.part, b.scanned, b.from)).toBe(
      formText("a").replace("Chỉ tiêu số 59", "Chỉ tiêu số 5ứ"),
    );
    expect(plainTextAt(a.part, a.scanned, a.from)).toBe(formText("a"));
  });

  it("leaves to the parser, each time, a long text with a numeric reference or a carriage return", () => {
    for (let round = 0; round < 2; round++) {
      const numeric = partWith(`${form("n")}&#65;`);
      expect(plainTextAt(numeric.part, numeric.scanned, numeric.from)).toBeUndefined();
      const cr = partWith(`${form("r")}\r\n`);
      expect(plainTextAt(cr.part, cr.scanned, cr.from)).toBeUndefined();
    }
  });

  it("stays right past the texts it keeps (a file of many long texts)", () => {
    for (const round of [0, 1])
      for (let i = 0; i < 150; i++) {
        const { part, scanned, from } = partWith(form(`f${i}`));
        expect([round, i, plainTextAt(part, scanned, from)]).toEqual([round, i, formText(`f${i}`)]);
      }
  });
});

describe("texts too long to keep", () => {
  it("are decoded right each time, and the kept ones still found after them", () => {
    const huge = form("h").repeat(400); // some 1.5 million characters
    for (let round = 0; round < 2; round++) {
      const big = partWith(huge);
      expect(plainTextAt(big.part, big.scanned, big.from)).toBe(formText("h").repeat(400));
      const small = partWith(form("s"));
      expect(plainTextAt(small.part, small.scanned, small.from)).toBe(formText("s"));
      expect(decodeExcelEscapes(`_x0041_${"x".repeat(2_200_000)}`)).toBe(`A${"x".repeat(2_200_000)}`);
    }
  });
});

describe("a long text's escapes (decodeExcelEscapes)", () => {
  const stored = (n: number) => `${"bc_x005F_xa_giao ".repeat(100)}_x0041_ ${n} _x005F_x0041_`;
  const text = (n: number) => `${"bc_xa_giao ".repeat(100)}A ${n} _x0041_`;

  it("are decoded in one pass, the same each time the text is met", () => {
    for (let round = 0; round < 3; round++)
      expect(decodeExcelEscapes((" " + stored(1)).slice(1))).toBe(text(1));
  });

  it("stay right past the texts kept", () => {
    for (const round of [0, 1])
      for (let i = 0; i < 150; i++)
        expect([round, i, decodeExcelEscapes(stored(i))]).toEqual([round, i, text(i)]);
  });
});

describe("the workbook part named by the package relationships (workbookPath)", () => {
  const rels = (target: string) =>
    utf8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`,
    );
  const reader = (parts: Record<string, Uint8Array>) => (path: string) => parts[path];

  it("is each package's own, however they follow one another", () => {
    const plain = reader({ "_rels/.rels": rels("xl/workbook.xml") });
    const other = reader({ "_rels/.rels": rels("/book/main.xml") });
    expect(workbookPath(plain)).toBe("xl/workbook.xml");
    expect(workbookPath(plain)).toBe("xl/workbook.xml");
    expect(workbookPath(other)).toBe("book/main.xml");
    expect(workbookPath(plain)).toBe("xl/workbook.xml");
    expect(workbookPath(reader({}))).toBe("xl/workbook.xml");
    expect(workbookPath(other)).toBe("book/main.xml");
  });

  it("refuses relationships that are not well-formed each time, even after the same text read well", () => {
    const broken = reader({ "_rels/.rels": utf8("<Relationships><Relationship") });
    expect(() => workbookPath(broken)).toThrow();
    expect(() => workbookPath(broken)).toThrow();
  });
});

describe("vetting XML that jumps over long texts", () => {
  const long = "Chỉ tiêu &quot;x&quot; ".repeat(200);
  const refusal = (xml: string) => {
    try {
      vetXml("xl/worksheets/sheet1.xml", utf8(xml));
      return undefined;
    } catch (error) {
      return error instanceof PartRefusedError ? error.refusal : String(error);
    }
  };

  it("refuses a DTD right after a long text", () => {
    expect(refusal(`<a>${long}<!DOCTYPE a [<!ENTITY x "y">]></a>`)).toBe("doctype");
  });

  it("counts the nesting across long texts, and at the end of a part without markup", () => {
    const nested = (depth: number) => `${`<a>${long}`.repeat(depth)}${"</a>".repeat(depth)}`;
    expect(refusal(nested(MAX_XML_DEPTH))).toBeUndefined();
    expect(refusal(nested(MAX_XML_DEPTH + 1))).toBe("tooDeep");
    expect(refusal(`<a/>${long}`)).toBeUndefined();
    expect(refusal(`<a>${long}<b x="${long}">${long}</b></a>${long}`)).toBeUndefined();
  });
});
