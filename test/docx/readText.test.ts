/** Reading a report's text for the proofreader: .docx (generated here), .txt and .md, and files that are none. */
import { strToU8, zipSync } from "fflate";
import { Document, Packer, Paragraph, Tab, TextRun } from "docx";
import { proofread } from "../../src/core/proofread";
import {
  DocumentReadError,
  docxParagraphs,
  documentParagraphs,
  markdownLineText,
  paragraphsOfDocumentXml,
  textParagraphs,
} from "../../src/docx/readText";
import { reportDocx, reportParagraphs } from "../support/reportDocx";

describe("docxParagraphs", () => {
  it("reads the real report's .docx paragraph by paragraph, and it proofreads to exactly the three errors", async () => {
    const bytes = await reportDocx();
    const read = docxParagraphs(new Uint8Array(bytes));
    expect(read).toEqual(reportParagraphs());
    expect(proofread(read).map((f) => [f.paragraph, f.excerpt, f.expected])).toEqual([
      [14, "76 (Đạt 90,4%)", "90,5%"],
      [55, "17.694 hồ sơ, đạt tỷ lệ đúng hạn 99,8%", "98,4%"],
      [130, "500/1500 tỷ đồng đạt 30%", "33%"],
    ]);
  });

  it("joins runs, turns run tabs and breaks into \\t and \\n, ignores tab stops", async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              tabStops: [{ type: "left", position: 2000 }],
              children: [
                new TextRun({ text: "Hoàn thành 24/", bold: true }),
                new TextRun("47 nhiệm vụ,"),
                new TextRun({ children: [new Tab(), "đạt 51,06%"] }),
                new TextRun({ text: "dòng hai", break: 1 }),
              ],
            }),
            new Paragraph(""),
            new Paragraph("Đoạn cuối."),
          ],
        },
      ],
    });
    const read = docxParagraphs(new Uint8Array(await Packer.toBuffer(doc)));
    expect(read).toEqual(["Hoàn thành 24/47 nhiệm vụ,\tđạt 51,06%\ndòng hai", "", "Đoạn cuối."]);
  });

  it("reads table cells' and text boxes' paragraphs (once), skips deleted text and field codes", () => {
    const xml =
      '<w:document xmlns:w="w"><w:body>' +
      "<w:p><w:r><w:t>Giao 84 nhiệm vụ, </w:t></w:r><w:del><w:r><w:delText>xoá </w:delText></w:r></w:del>" +
      '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:t>hoàn thành 76</w:t></w:r></w:p>' +
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô &amp; bảng</w:t></w:r></w:p></w:tc></w:tr></w:tbl>" +
      "<w:p><w:r><w:t>trước </w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>" +
      "<w:p><w:r><w:t>hộp</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict>" +
      "<w:p><w:r><w:t>hộp</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>sau</w:t></w:r></w:p>" +
      "</w:body></w:document>";
    expect(paragraphsOfDocumentXml(xml)).toEqual([
      "Giao 84 nhiệm vụ, hoàn thành 76",
      "ô & bảng",
      "hộp",
      "trước sau",
    ]);
  });

  it("reads Word's own text only, not a formula's or a drawing's nested in a paragraph", () => {
    const xml =
      '<w:document xmlns:w="w" xmlns:m="m" xmlns:a="a"><w:body><w:p><w:r><w:t>Đạt </w:t></w:r>' +
      "<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>" +
      "<w:r><w:drawing><a:graphic><a:p><a:r><a:t>hình</a:t></a:r></a:p></a:graphic></w:drawing></w:r>" +
      "<w:r><w:t>75%</w:t></w:r></w:p></w:body></w:document>";
    expect(paragraphsOfDocumentXml(xml)).toEqual(["Đạt 75%"]);
  });

  it("finds the main part through the package relationships", () => {
    const rels =
      '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>';
    const body =
      '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>12/16 xã đạt 75%</w:t></w:r></w:p></w:body></w:document>';
    const bytes = zipSync({ "_rels/.rels": strToU8(rels), "word/document2.xml": strToU8(body) });
    expect(docxParagraphs(bytes)).toEqual(["12/16 xã đạt 75%"]);
  });

  it("reads the relationships as XML, not as text: quotes, entities, relative and escaped targets", () => {
    // Another program's package: single quotes, an entity in the type, an external link first,
    // the target relative with a percent-escaped name.
    const rels =
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="r0" TargetMode="External" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="http://example.com/x.docx"/>` +
      `<Relationship Id='r1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/&#x6F;fficeDocument' Target='./word/v%C4%83n%20b%E1%BA%A3n.xml'/>` +
      `</Relationships>`;
    const body =
      '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Hoàn thành 24/47</w:t></w:r></w:p></w:body></w:document>';
    const bytes = zipSync({ "_rels/.rels": strToU8(rels), "word/văn bản.xml": strToU8(body) });
    expect(docxParagraphs(bytes)).toEqual(["Hoàn thành 24/47"]);
  });

  it.each([
    ["an empty file", new Uint8Array(0), /rỗng/],
    ["a .doc (OLE)", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /\.doc cũ/],
    ["text", strToU8("Hoàn thành 24/47"), /không phải văn bản Word/],
    ["a zip without word/document.xml", zipSync({ "a.txt": strToU8("x") }), /không có word\/document\.xml/],
    ["a cut zip", zipSync({ "word/document.xml": strToU8("<w:document/>".repeat(50)) }).slice(0, 40), /hỏng/],
    ["broken XML", zipSync({ "word/document.xml": strToU8("<w:document><w:p>") }), /hỏng/],
  ])("refuses %s with a Vietnamese reason", (_what, bytes, reason) => {
    expect(() => docxParagraphs(bytes)).toThrow(DocumentReadError);
    expect(() => docxParagraphs(bytes)).toThrow(reason);
  });
});

describe("text and Markdown", () => {
  it("reads Markdown without its marks", () => {
    expect(markdownLineText("#### **4. Cải cách** tổ chức")).toBe("4. Cải cách tổ chức");
    expect(markdownLineText("**\\* *Kết quả*** 5780/UBND-NC<sub>1</sub>")).toBe("* Kết quả 5780/UBND-NC1");
    expect(markdownLineText("Cổng ([www.x.vn](http://www.x.vn)) - 12/16")).toBe("Cổng (www.x.vn) - 12/16");
  });

  it("reads .txt lines as paragraphs and refuses text that is not UTF-8", () => {
    expect(textParagraphs("\ufeffA\r\nB\n\nC", "txt")).toEqual(["A", "B", "", "C"]);
    expect(documentParagraphs(strToU8("76/84 (90,48%)"), "x.TXT")).toEqual(["76/84 (90,48%)"]);
    expect(() => documentParagraphs(new Uint8Array([0xff, 0xfe, 0x41]), "x.txt")).toThrow(/UTF-8/);
    expect(() => documentParagraphs(strToU8("x"), "x.pdf")).toThrow(/\.docx/);
  });
});
