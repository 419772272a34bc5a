/**
 * The package is browser-safe: it inflates and deflates with fflate unless handed other codecs,
 * and the command line hands it Node's native zlib (`node/nativeCodecs.ts`). Either way the
 * same workbook comes out, and a part nobody changed is copied, never inflated.
 */
import { buildTemplate } from "../../src/xlsx/node/operations";
import { nativeCodecs } from "../../src/xlsx/node/nativeCodecs";
import { PackageReader } from "../../src/xlsx/package/readPackage";
import { fflateCodecs, XlsxPackage, type PackageCodecs } from "../../src/xlsx/package/xlsxPackage";

/** Real codecs that count their calls. */
function counted(codecs: PackageCodecs) {
  const calls = { inflate: 0, deflate: 0 };
  const wrapped: PackageCodecs = {
    inflater: {
      inflate: (raw, size) => (calls.inflate++, codecs.inflater.inflate(raw, size)),
      crc32: (data) => codecs.inflater.crc32(data),
    },
    deflateRaw: (data) => (calls.deflate++, codecs.deflateRaw(data)),
    deflateBlocks: () => {
      const blocks = codecs.deflateBlocks();
      return (data, final) => (calls.deflate++, blocks(data, final));
    },
  };
  return { calls, codecs: wrapped };
}

const template = buildTemplate({ sample: true }).pkg.toBytes();

it("the command line's packages deflate and inflate with Node's zlib", () => {
  const { pkg } = buildTemplate();
  expect((pkg as unknown as { codecs: PackageCodecs }).codecs).toBe(nativeCodecs);
});

it.each([
  ["fflate", fflateCodecs],
  ["Node's zlib", nativeCodecs],
])("reads and writes the same workbook with %s's codecs, through the codecs handed in", (_, base) => {
  const { calls, codecs } = counted(base);
  const pkg = XlsxPackage.fromBytes(template, codecs);
  const reader = new PackageReader(pkg);
  expect(reader.meta()?.templateId).toBe("xa-2025");
  const read = calls.inflate;
  expect(read).toBeGreaterThan(0);
  pkg.setPart("xl/new.xml", "<x/>");
  const saved = pkg.toBytes();
  // Only the part set anew is deflated; the others are copied as they were.
  expect(calls.deflate).toBe(1);
  const again = new PackageReader(XlsxPackage.fromBytes(saved, codecs));
  expect(again.meta()).toEqual(reader.meta());
  expect(again.pkg.text("xl/new.xml")).toBe("<x/>");
});
