/**
 * A part met again (issue 19, speed of consolidation): archives read one after another hand
 * back, uninflated, a part whose compressed bytes, CRC and sizes are those of the part already
 * read under its name (the units of one form share their workbook part and stored form); any
 * other part, or one lying about being the same, is read and checked afresh.
 */
import { PartRefusedError } from "../../src/xlsx/zip/partLimits";
import { PartsMetAgain, ZipArchive } from "../../src/xlsx/zip/zipArchive";
import { buildZip, deflatedEntry } from "../support/hostileZip";

const FORM = `<form>${"Chỉ tiêu số liệu; ".repeat(200)}</form>`;
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/** A unit's archive: the shared form part, and its own figures. */
const unit = (figure: number, form = deflatedEntry("xl/form.xml", FORM)) =>
  buildZip([form, deflatedEntry("xl/figures.xml", `<v>${figure}</v>`)]);

describe("parts met again across archives", () => {
  it("gives each archive its own parts, the shared one as first read", () => {
    const metAgain = new PartsMetAgain();
    const forms: Array<Uint8Array | undefined> = [];
    for (const figure of [120, 121, 120, 7]) {
      const archive = ZipArchive.open(unit(figure), undefined, metAgain);
      forms.push(archive.read("xl/form.xml"));
      expect(text(forms.at(-1))).toBe(FORM);
      expect(text(archive.read("xl/figures.xml"))).toBe(`<v>${figure}</v>`);
    }
    // Inflated once: every later archive was handed the first one's bytes.
    expect(forms.every((form) => form === forms[0])).toBe(true);
    // Without the memo, each archive inflates its own.
    expect(ZipArchive.open(unit(1)).read("xl/form.xml")).not.toBe(forms[0]);
  });

  it("reads afresh a part claiming the kept part's CRC and size with other bytes, and refuses its lie", () => {
    const metAgain = new PartsMetAgain();
    const first = ZipArchive.open(unit(1), undefined, metAgain);
    expect(text(first.read("xl/form.xml"))).toBe(FORM);
    const same = deflatedEntry("xl/form.xml", FORM);
    const other = FORM.replace("Chỉ tiêu", "Chỉ tiếu");
    const liar = deflatedEntry("xl/form.xml", other, { crc: same.crc, size: same.size });
    const second = ZipArchive.open(unit(2, liar), undefined, metAgain);
    expect(() => second.read("xl/form.xml")).toThrow(PartRefusedError);
  });

  it("refuses the kept part's very bytes under a CRC that is a lie", () => {
    const metAgain = new PartsMetAgain();
    expect(text(ZipArchive.open(unit(1), undefined, metAgain).read("xl/form.xml"))).toBe(FORM);
    const same = deflatedEntry("xl/form.xml", FORM);
    const lying = { ...same, crc: (same.crc ^ 1) >>> 0 };
    const archive = ZipArchive.open(unit(2, lying), undefined, metAgain);
    expect(() => archive.read("xl/form.xml")).toThrow(PartRefusedError);
  });

  it("stays right past the parts it keeps (an archive of many parts, or large ones)", () => {
    const metAgain = new PartsMetAgain();
    const big = "x".repeat(200_000);
    const parts = (round: number) =>
      buildZip(
        Array.from({ length: 80 }, (_, i) =>
          deflatedEntry(`xl/p${i}.xml`, `<p n="${i % (round + 2)}">${i % 10 === 0 ? big : ""}</p>`),
        ),
      );
    for (const round of [0, 1, 0]) {
      const archive = ZipArchive.open(parts(round), undefined, metAgain);
      for (let i = 0; i < 80; i++)
        expect([i, text(archive.read(`xl/p${i}.xml`))]).toEqual([
          i,
          `<p n="${i % (round + 2)}">${i % 10 === 0 ? big : ""}</p>`,
        ]);
    }
  });
});
