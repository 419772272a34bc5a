/**
 * Plain text read as found (`plainText`): XML's named entities decoded by the `entities`
 * library, a long text decoded once and found again (every unit of a province carries the same
 * form in its meta sheet). The known answers are written out, not computed by the library.
 */
import { plainText } from "../../src/xlsx/xml/text";

/** A JSON text as the meta sheet stores a form: every quote an entity, `length` characters or so. */
function storedForm(id: string, length: number): { raw: string; text: string } {
  const item = (i: number) => `{"id":"${id}_${i}","ten":"Chỉ tiêu ${i} <&> 'x'"}`;
  const items: string[] = [];
  while (items.join(",").length < length) items.push(item(items.length));
  const text = `[${items.join(",")}]`;
  const raw = text
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/'/g, "&apos;");
  return { raw, text };
}

describe("plainText", () => {
  it("decodes the five named entities of a short text, and leaves others to the parser", () => {
    expect(plainText("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;")).toBe(`a <b> & "c" 'd'`);
    expect(plainText("no entity")).toBe("no entity");
    expect(plainText("&#65;")).toBeUndefined();
    expect(plainText("line\r\nbreak")).toBeUndefined();
  });

  it("decodes a long text the same each time it is met, and two long texts each its own", () => {
    const first = storedForm("a", 40_000);
    const second = storedForm("b", 40_000);
    for (let i = 0; i < 3; i++) {
      // A fresh copy each time, as each file's part gives its own string.
      expect(plainText((" " + first.raw).slice(1))).toBe(first.text);
      expect(plainText((" " + second.raw).slice(1))).toBe(second.text);
    }
  });

  it("stays right past the texts it keeps (a file of many long texts)", () => {
    const forms = Array.from({ length: 150 }, (_, i) => storedForm(`f${i}`, 1_500));
    for (const round of [0, 1])
      forms.forEach(({ raw, text }, i) => expect([round, i, plainText(raw)]).toEqual([round, i, text]));
  });
});
