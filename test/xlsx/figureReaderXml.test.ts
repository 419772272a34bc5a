/**
 * The fast reader's part parsers on hand-written SpreadsheetML: the shared strings it picks
 * out by search (only the wanted items parsed) give what a whole parse gives, whatever the
 * writer's shape (rich text, phonetic runs, empty items, a namespace prefix, CDATA); the cells
 * it picks out by their `r` attribute, including in parts where some cells have none.
 */
import { parseCellsAt, parseSharedStrings as sharedStrings, PartText } from "../../src/xlsx/figureReader/xml";

const part = (xml: string) => new PartText(new TextEncoder().encode(xml));
const parseSharedStrings = (xml: string, wanted?: ReadonlySet<number>) => sharedStrings(part(xml), wanted);

const SST = (items: string, prefix = "") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${prefix}sst xmlns${prefix ? `:${prefix.slice(0, -1)}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">${items}</${prefix}sst>`;

const ITEMS = [
  "<si><t>Cải cách thể chế</t></si>",
  '<si><t xml:space="preserve"> có khoảng trắng </t></si>',
  "<si/>",
  "<si><t/></si>",
  '<si><r><rPr><b/></rPr><t>Đậm</t></r><r><t xml:space="preserve"> và thường</t></r></si>',
  "<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh><phoneticPr fontId=\"1\"/></si>",
  "<si><t>A &amp; B &lt;c&gt; &quot;d&quot; &#7871;</t></si>",
  "<si>\n  <t>xuống dòng</t>\n</si>",
  "<si><t>cuối</t></si>",
];
const EXPECTED = [
  "Cải cách thể chế",
  " có khoảng trắng ",
  "",
  "",
  "Đậm và thường",
  "漢字",
  'A & B <c> "d" ế',
  "xuống dòng",
  "cuối",
];

describe("shared strings picked out by search", () => {
  it("every wanted item as the whole parse reads it, the others left out", () => {
    const xml = SST(ITEMS.join(""));
    const whole = parseSharedStrings(xml);
    expect([...whole.keys()]).toEqual(EXPECTED.map((_, i) => i));
    expect(EXPECTED.map((_, i) => whole.get(i))).toEqual(EXPECTED);
    const some = parseSharedStrings(xml, new Set([0, 2, 4, 5, 6, 8]));
    expect(Object.fromEntries(some)).toEqual({
      0: EXPECTED[0],
      2: EXPECTED[2],
      4: EXPECTED[4],
      5: EXPECTED[5],
      6: EXPECTED[6],
      8: EXPECTED[8],
    });
  });

  it("a part whose elements carry a namespace prefix", () => {
    const prefixed = ITEMS.map((item) => item.replace(/<(\/?)(si|t|r|rPr|b|rPh|phoneticPr)\b/g, "<$1x:$2")).join("");
    const xml = SST(prefixed, "x:");
    const some = parseSharedStrings(xml, new Set([1, 4, 7]));
    expect(Object.fromEntries(some)).toEqual({ 1: EXPECTED[1], 4: EXPECTED[4], 7: EXPECTED[7] });
  });

  it("CDATA whose text looks like an item: the part is parsed whole, the count stays right", () => {
    const xml = SST("<si><t><![CDATA[<si><t>giả</t></si>]]></t></si><si><t>thật</t></si>");
    expect(Object.fromEntries(parseSharedStrings(xml, new Set([0, 1])))).toEqual({
      0: "<si><t>giả</t></si>",
      1: "thật",
    });
  });

  it("long items (a stored form's chunks) are read right from one workbook to the next", () => {
    const long = (char: string) => `{"a":"${char.repeat(5000)}"}`;
    const escaped = (text: string) => text.replace(/"/g, "&quot;");
    const first = SST(`<si><t>${escaped(long("x"))}</t></si><si><t>ngắn</t></si>`);
    const second = SST(`<si><t>${escaped(long("y"))}</t></si><si><t>ngắn</t></si>`);
    for (let round = 0; round < 2; round++) {
      expect(parseSharedStrings(first, new Set([0, 1])).get(0)).toBe(long("x"));
      expect(parseSharedStrings(second, new Set([0])).get(0)).toBe(long("y"));
    }
  });

  it("nothing wanted, or an empty part: nothing read", () => {
    expect(parseSharedStrings(SST(ITEMS.join("")), new Set()).size).toBe(0);
    expect(parseSharedStrings("", new Set([0])).size).toBe(0);
  });
});

const SHEET = (cells: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData></worksheet>`;

describe("a part seen one byte per character", () => {
  it("the search view has one character per byte, in Node and under the browser's decoder", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(new PartText(bytes).scan).toHaveLength(256);
    // What the browser uses where there is no Buffer (windows-1252: one code unit per byte too).
    expect(new TextDecoder("latin1").decode(bytes)).toHaveLength(256);
  });

  it("pieces of the bytes decode as UTF-8, adjacent ones together", () => {
    const xml = "<a>Cải</a><b>cách</b><c>hành chính</c>";
    const text = part(xml);
    const at = (s: string) => text.scan.indexOf(s);
    const ranges: Array<[number, number]> = [
      [at("<a>"), at("<b>")],
      [at("<b>"), at("<c>")],
      [at("<c>"), text.bytes.length],
    ];
    expect(text.pieces(ranges)).toBe(xml);
    expect(text.pieces([ranges[0], ranges[2]])).toBe("<a>Cải</a><c>hành chính</c>");
  });
});

describe("cells picked out by their address", () => {
  it("only the wanted cells, with value, type and formula; an absent cell is simply absent", () => {
    const xml = SHEET(
      '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="D3"><f>B3*2</f><v>12</v></c><c r="E3" t="inlineStr"><is><t>ghi chú</t></is></c></row>' +
        '<row r="4"><c r="D4" s="2"/></row>',
    );
    const cells = parseCellsAt(part(xml), ["A3", "D3", "E3", "D4", "D9"]);
    expect(cells.get("3:1")).toMatchObject({ type: "s", value: "4" });
    expect(cells.get("3:4")).toMatchObject({ type: "n", value: "12", formula: "B3*2" });
    expect(cells.get("3:5")).toMatchObject({ type: "inlineStr", value: "ghi chú" });
    expect(cells.get("4:4")).toMatchObject({ type: "n", value: "" });
    expect(cells.has("9:4")).toBe(false);
    expect(cells.size).toBe(4);
  });

  it("a part where some cells have no `r`: each cell found by its position", () => {
    const xml = SHEET('<row r="5"><c><v>1</v></c><c><v>2</v></c><c t="s"><v>0</v></c><c r="D5"><v>4</v></c></row>');
    const cells = parseCellsAt(part(xml), ["B5", "C5", "D5"]);
    expect(cells.get("5:2")).toMatchObject({ value: "2" });
    expect(cells.get("5:3")).toMatchObject({ type: "s", value: "0" });
    expect(cells.get("5:4")).toMatchObject({ value: "4" });
  });
});
