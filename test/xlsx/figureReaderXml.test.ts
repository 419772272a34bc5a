/**
 * The fast reader's part parsers on hand-written SpreadsheetML: the shared strings it picks
 * out by search (only the wanted items parsed) give what a whole parse gives, whatever the
 * writer's shape (rich text, phonetic runs, empty items, a namespace prefix, CDATA); the cells
 * it picks out by their `r` attribute, including in parts where some cells have none.
 */
import fc from "fast-check";
import { parseSharedStrings as sharedStrings } from "../../src/xlsx/parts/sharedStrings/read";
import { cellValue, parseCellsAt, parseCellsWhere, parseSheetCells } from "../../src/xlsx/parts/sheet/read";
import { PartText } from "../../src/xlsx/xml/text";
import { parseWorkbook } from "../../src/xlsx/parts/workbook/read";

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
  '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>',
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
    const prefixed = ITEMS.map((item) =>
      item.replace(/<(\/?)(si|t|r|rPr|b|rPh|phoneticPr)\b/g, "<$1x:$2"),
    ).join("");
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

  it("text read as found is real UTF-8 where there is no Buffer too (Đ, đ: bytes 0x90, 0x91)", () => {
    // Node's one-byte decoder is ISO-8859-1 where a browser's is windows-1252; the reader decodes
    // every piece that is not plain ASCII from its bytes, so either gives the same text.
    const saved = globalThis.Buffer;
    (globalThis as { Buffer?: unknown }).Buffer = undefined;
    try {
      const strings = parseSharedStrings(
        SST("<si><t>Xã Đức Đồng</t></si><si><t>đ &amp; Đ</t></si>"),
        new Set([0, 1]),
      );
      expect([...strings.values()]).toEqual(["Xã Đức Đồng", "đ & Đ"]);
      const cells = parseCellsAt(
        part(SHEET('<row r="2"><c r="D2" t="str"><f>"đ"</f><v>đường</v></c></row>')),
        ["D2"],
      );
      expect(cells.get("2:4")).toMatchObject({ formula: '"đ"', value: "đường" });
    } finally {
      globalThis.Buffer = saved;
    }
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

  it("cells read from their markup as found give what the whole parse gives, whatever their shape", () => {
    const xml = SHEET(
      '<row r="2"><c r="A2" s="1" t="s"><v>17</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#DIV/0!</v></c>' +
        '<c r="D2"><f>SUM(D3:D9)</f><v>1.5E-3</v></c><c r="E2"><f>IF(D2&lt;1,"a&amp;b","")</f><v></v></c>' +
        '<c r="F2" t="str"><f>"Xã "&amp;A2</f><v>Xã Đức</v></c><c r="G2"><f t="shared" ref="G2:G4" si="0">A2*2</f><v>34</v></c>' +
        '<c r="H2"><f t="shared" si="0"/><v>8</v></c><c r="I2" t="str"><v>dòng 1\r\ndòng 2</v></c><c r="J2" s="3"/>' +
        '<c r="K2" t="inlineStr"><is><t>Văn bản</t></is></c><c r="L2"><f>A2</f></c><c r="M2" t="s"><v>0</v></c></row>',
    );
    const addresses = ["A2", "B2", "C2", "D2", "E2", "F2", "G2", "H2", "I2", "J2", "K2", "L2", "M2"];
    const whole = parseSheetCells(xml, () => true);
    const picked = parseCellsAt(part(xml), addresses);
    expect(picked.size).toBe(addresses.length);
    expect(Object.fromEntries(picked)).toEqual(Object.fromEntries(whole));
    expect(picked.get("2:5")).toMatchObject({ formula: 'IF(D2<1,"a&b","")', value: "" });
    expect(picked.get("2:6")).toMatchObject({ type: "str", value: "Xã Đức" });
    // A shared formula's clone gets its master's formula, moved one column right.
    expect(picked.get("2:8")).toMatchObject({ formula: "B2*2", value: "8" });
    expect(picked.get("2:8")?.shared).toBeUndefined();
  });

  it("any cell's markup, read as found, gives what the whole parse gives (generated shapes)", () => {
    // Attributes in any order, any XML white space between them, a type or none, a formula
    // and a value or not, `>` and look-alikes (` t=`, `r="`) inside other attributes' values.
    const space = fc.constantFrom(" ", "\t", "\n", "  ", " \r\n ");
    const value = fc.constantFrom("1", "x", "a>b", ' t="s"', "r=&quot;B9&quot;", "Đức", "");
    const attribute = fc.oneof(
      fc
        .tuple(fc.constantFrom("s", "cm", "vm", "ph"), value)
        .map(([name, v]) => (v.includes('"') ? `${name}='${v}'` : `${name}="${v}"`)),
      fc.constantFrom('t="s"', 't="n"', 't="str"', 't="b"', 't="e"', "t='s'", 't = "s"', 's ="4"'),
    );
    const content = fc.oneof(
      fc.constant(""),
      fc.constantFrom("<v>17</v>", "<v></v>", "<v>1.5E-3</v>", "<v>a&amp;b</v>", "<v>Xã Đức</v>"),
      fc.constantFrom("<f>A1*2</f><v>4</v>", "<f>SUM(A1:A3)</f>", "<f>IF(A1&lt;1,1,0)</f><v>0</v>"),
      fc.constantFrom('<f t="shared" ref="C1:C2" si="0">A1</f><v>1</v>', "<is><t>văn bản</t></is>"),
    );
    const cell = fc
      .tuple(fc.array(fc.tuple(space, attribute), { maxLength: 3 }), space, content, fc.boolean())
      .map(([attributes, before, inner, empty]) => {
        const seen = new Set<string>();
        const unique = attributes.filter(([, a]) => {
          const name = a.slice(0, a.indexOf("=")).trim();
          return !seen.has(name) && !!seen.add(name);
        });
        const tag = `<c${before}r="B2"${unique.map(([s, a]) => `${s}${a}`).join("")}`;
        return empty && inner === "" ? `${tag}/>` : `${tag}>${inner}</c>`;
      });
    fc.assert(
      fc.property(cell, (markup) => {
        // A plain neighbour first: a search must not take its markup for the cell's.
        const xml = SHEET(`<row r="2"><c r="A2" t="s"><v>3</v></c>${markup}</row>`);
        const whole = Object.fromEntries(parseSheetCells(xml, (row, column) => row === 2 && column === 2));
        expect(Object.fromEntries(parseCellsAt(part(xml), ["B2"]))).toEqual(whole);
        expect(Object.fromEntries(parseCellsWhere(part(xml)))).toEqual(
          Object.fromEntries(parseSheetCells(xml, () => true)),
        );
      }),
      { numRuns: 600 },
    );
  });

  it("a shared formula's clone whose master was not read is marked, its text unknown", () => {
    const xml = SHEET(
      '<row r="2"><c r="G2"><f t="shared" ref="G2:G4" si="0">A2*2</f><v>34</v></c></row>' +
        '<row r="3"><c r="G3"><f t="shared" si="0"/><v>8</v></c></row>',
    );
    expect(parseCellsAt(part(xml), ["G3"]).get("3:7")).toMatchObject({ formula: "", shared: true });
    // The whole parse remembers masters it does not keep: the clone's formula is known.
    expect(parseSheetCells(xml, (row) => row === 3).get("3:7")).toMatchObject({ formula: "A3*2" });
  });

  it("inline strings as cchc writes them are read as found, as the whole parse reads them", () => {
    const xml = SHEET(
      '<row r="5"><c r="A5" s="4" t="inlineStr"><is><t>UBND XÃ MẪU &amp; &lt;1&gt; &quot;a&quot;</t></is></c>' +
        '<c r="B5" s="4" t="inlineStr"><is><t xml:space="preserve"> hai dòng\nsau </t></is></c>' +
        '<c r="C5" s="4" t="inlineStr"><is><t>bc_x005F_xa_giao</t></is></c>' +
        '<c r="D5" t="inlineStr"><is><r><t>Đậm</t></r><r><t> thường</t></r></is></c>' +
        '<c r="E5" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></is></c></row>',
    );
    const addresses = ["A5", "B5", "C5", "D5", "E5"];
    const picked = parseCellsAt(part(xml), addresses);
    expect(Object.fromEntries(picked)).toEqual(Object.fromEntries(parseSheetCells(xml, () => true)));
    expect(addresses.map((_, i) => picked.get(`5:${i + 1}`)?.value)).toEqual([
      'UBND XÃ MẪU & <1> "a"',
      " hai dòng\nsau ",
      "bc_x005F_xa_giao",
      "Đậm thường",
      "漢字",
    ]);
    expect(addresses.map((_, i) => cellValue(picked.get(`5:${i + 1}`), new Map(), false))[2]).toBe(
      "bc_xa_giao",
    );
  });

  it("cells picked by position (a list below its header) as the whole parse picks them, with or without `r`", () => {
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Số</t></is></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>3</v></c><c r="C2"><f>A2&amp;"/UBND"</f><v>1/UBND</v></c><c r="F2"><v>9</v></c></row>' +
      '<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="str"><v>Đ &amp; Đ</v></c><c r="C3" s="4"/></row>';
    const below = (row: number, column: number) => row > 1 && column <= 3;
    const whole = parseSheetCells(SHEET(rows), below);
    expect(whole.size).toBe(6);
    expect(Object.fromEntries(parseCellsWhere(part(SHEET(rows)), below))).toEqual(Object.fromEntries(whole));
    const withoutR = rows.replace(/ r="[A-Z]\d"/g, "");
    expect(Object.fromEntries(parseCellsWhere(part(SHEET(withoutR)), below))).toEqual(
      Object.fromEntries(whole),
    );
    // A sheet whose elements carry a prefix, and cells whose `r` is not their first attribute.
    const prefixed =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cols><x:col min="1" max="2"/></x:cols><x:sheetData>' +
      rows
        .replace(/<(\/?)(row|c|v|f|is|t)\b/g, "<$1x:$2")
        .replace(/<x:c r="([A-Z]\d)" s="4"/, '<x:c s="4" r="$1"') +
      "</x:sheetData></x:worksheet>";
    expect(Object.fromEntries(parseCellsWhere(part(prefixed), below))).toEqual(Object.fromEntries(whole));
    expect(Object.fromEntries(parseCellsAt(part(prefixed), ["A2", "B2", "C2", "A3", "B3", "C3"]))).toEqual(
      Object.fromEntries(whole),
    );
  });

  it("a part where some cells have no `r`: each cell found by its position", () => {
    const xml = SHEET(
      '<row r="5"><c><v>1</v></c><c><v>2</v></c><c t="s"><v>0</v></c><c r="D5"><v>4</v></c></row>',
    );
    const cells = parseCellsAt(part(xml), ["B5", "C5", "D5"]);
    expect(cells.get("5:2")).toMatchObject({ value: "2" });
    expect(cells.get("5:3")).toMatchObject({ type: "s", value: "0" });
    expect(cells.get("5:4")).toMatchObject({ value: "4" });
  });
});

describe("the workbook's defined names", () => {
  const WORKBOOK = (names: string, prefix = "") =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${prefix}workbook xmlns${prefix ? `:${prefix.slice(0, -1)}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<${prefix}workbookPr date1904="1"/><${prefix}sheets><${prefix}sheet name="Thông tin chung" sheetId="1" r:id="rId1"/><${prefix}sheet name="A &amp; B" sheetId="2" r:id="rId2"/></${prefix}sheets>` +
    `<${prefix}definedNames>${names}</${prefix}definedNames><${prefix}calcPr calcId="191029"/></${prefix}workbook>`;
  const PLAIN =
    '<definedName name="CCHC_CO_QUAN">&apos;Thông tin chung&apos;!$D$5</definedName>\n  ' +
    '<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;Thông tin chung&apos;!$A$1:$E$20</definedName>' +
    '<definedName name="CCHC_AB" hidden="0">\'A &amp; B\'!$D$7 </definedName>' +
    '<definedName name="cchc_co_quan">&apos;A &amp; B&apos;!$D$9</definedName>';
  const EXPECTED = {
    CCHC_CO_QUAN: "'Thông tin chung'!$D$5",
    CCHC_AB: "'A & B'!$D$7",
  };

  it("plain names (entities, Vietnamese sheets, sheet-scoped and repeated names) as the whole parse reads them", () => {
    const book = parseWorkbook(WORKBOOK(PLAIN));
    expect(Object.fromEntries(book.names)).toEqual(EXPECTED);
    expect(book.sheets).toEqual([
      { name: "Thông tin chung", state: "visible", rid: "rId1" },
      { name: "A & B", state: "visible", rid: "rId2" },
    ]);
    expect(book.date1904).toBe(true);
  });

  it("names the search cannot read as found (a `>` in an attribute, a numeric reference, a prefix): the whole part is parsed", () => {
    const tricky = '<definedName comment="a>b" name="CCHC_X">Sheet1!$A$1</definedName>';
    expect(Object.fromEntries(parseWorkbook(WORKBOOK(PLAIN + tricky)).names)).toEqual({
      ...EXPECTED,
      CCHC_X: "Sheet1!$A$1",
    });
    const numeric = '<definedName name="CCHC_Y">&#39;Thông tin chung&#39;!$D$6</definedName>';
    expect(parseWorkbook(WORKBOOK(numeric + PLAIN)).names.get("CCHC_Y")).toBe("'Thông tin chung'!$D$6");
    const prefixed = PLAIN.replace(/<(\/?)definedName\b/g, "<$1x:definedName");
    const book = parseWorkbook(WORKBOOK(prefixed, "x:"));
    expect(Object.fromEntries(book.names)).toEqual(EXPECTED);
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(["Thông tin chung", "A & B"]);
  });
});
