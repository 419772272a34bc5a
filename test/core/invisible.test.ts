/** Messages that quote a typed value show the characters a reader cannot see. */
import { DEFAULT_CATALOGUE } from "../../src/core/catalogue";
import { SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { checkFigures, quoteTyped } from "../../src/core/checks";
import { figuresFromValues } from "../../src/core/figures";

function messageFor(id: string, typed: string): string {
  const findings = checkFigures(
    figuresFromValues({ ...SAMPLE_FIGURES, [id]: typed }, DEFAULT_CATALOGUE),
    [],
    DEFAULT_CATALOGUE,
  );
  return findings.find((f) => f.checkId === `kind:${id}`)!.message;
}

describe("invisible characters in a quoted value", () => {
  it("names a zero-width space in «47»", () => {
    expect(messageFor("kh_tong", "47\u200b")).toContain(
      "«47⟨U+200B⟩» (có ký tự ẩn: dấu cách độ rộng 0 U+200B)",
    );
  });

  it("names a non-breaking space", () => {
    expect(messageFor("kh_tong", "4\u00a07")).toContain(
      "«4⟨U+00A0⟩7» (có ký tự ẩn: dấu cách không ngắt U+00A0)",
    );
  });

  it("names each kind once, controls included", () => {
    expect(quoteTyped("\ufeff4\u00a07\u00a0\u0007")).toBe(
      "«⟨U+FEFF⟩4⟨U+00A0⟩7⟨U+00A0⟩⟨U+0007⟩» (có ký tự ẩn: ký tự BOM U+FEFF, dấu cách không ngắt U+00A0, ký tự điều khiển U+0007)",
    );
  });

  it("quotes plain text as it is", () => {
    expect(quoteTyped("bốn bảy")).toBe("«bốn bảy»");
    expect(messageFor("kh_tong", "bốn bảy")).toContain("«bốn bảy» không phải là số");
  });
});
