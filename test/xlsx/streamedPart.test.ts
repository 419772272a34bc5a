/**
 * Writing a large part in pieces (`XlsxPackage.writePart`): each block of text deflated as it
 * comes, the blocks one DEFLATE stream, and a consolidation of hundreds of units, whose
 * breakdown sheet is written so, opened by LibreOffice with every unit's row.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { consolidateUnits, consolidatedWorkbookPlan } from "../../src/core/consolidate";
import { emptyWorkbookPackage } from "../../src/xlsx/package/skeleton";
import { XlsxPackage } from "../../src/xlsx/package/xlsxPackage";
import { writeConsolidatedWorkbook } from "../../src/xlsx/node/writeConsolidated";
import {
  CSV_ALL_SHEETS_AS_SHOWN,
  convert,
  describeWithPrograms,
  makeProfile,
  makeRunDir,
  parseCsv,
  soffice,
} from "../support/libreoffice";
import { THREE_UNITS, unitWorkbook } from "../support/consolidation";

describe("a part written in pieces", () => {
  const pieces = Array.from(
    { length: 20_000 },
    (_, i) =>
      `<row r="${i + 1}"><c r="B${i + 1}" t="inlineStr"><is><t>Ủy ban nhân dân xã ${i}</t></is></c></row>`,
  );
  const text = pieces.join("");

  it("is several blocks, read back whole from the package and from the saved archive (CRC checked)", () => {
    // Longer than three blocks of 256 K characters: the blocks must chain into one stream.
    expect(text.length).toBeGreaterThan(3 * 262_144);
    const pkg = emptyWorkbookPackage();
    pkg.writePart("xl/big.xml", (push) => pieces.forEach(push));
    expect(pkg.has("xl/big.xml")).toBe(true);
    expect(pkg.text("xl/big.xml")).toBe(text);
    const bytes = pkg.toBytes();
    // Our reader checks each entry's CRC-32 and size against what it inflates.
    expect(XlsxPackage.fromBytes(bytes).text("xl/big.xml")).toBe(text);
    expect(strFromU8(unzipSync(bytes)["xl/big.xml"])).toBe(text);
  });

  it("an empty part, and a part set again as text, are what they were set to", () => {
    const pkg = emptyWorkbookPackage();
    pkg.writePart("xl/empty.xml", () => undefined);
    expect(pkg.text("xl/empty.xml")).toBe("");
    pkg.writePart("xl/again.xml", (push) => push("<a/>"));
    pkg.setPart("xl/again.xml", "<b/>");
    const parts = unzipSync(pkg.toBytes());
    expect(strFromU8(parts["xl/empty.xml"])).toBe("");
    expect(strFromU8(parts["xl/again.xml"])).toBe("<b/>");
  });
});

describeWithPrograms("test/xlsx/streamedPart.test.ts", ["libreoffice"])(
  "a consolidation of 700 units, its breakdown written in blocks, in LibreOffice",
  () => {
    it("shows every unit's row, in order, and the total", async () => {
      const entries = Array.from({ length: 700 }, (_, i) =>
        unitWorkbook(`xa-${i}.xlsx`, {
          ...THREE_UNITS[i % 3],
          co_quan: `UBND XÃ THỬ ${String(i + 1).padStart(3, "0")}`,
        }),
      );
      const outcome = consolidateUnits(entries);
      const plans = consolidatedWorkbookPlan(outcome.result!, outcome.files, {
        over: "units",
        subtitle: "Kỳ thử",
      });
      const dir = makeRunDir();
      const file = path.join(dir, "tong-hop.xlsx");
      await writeConsolidatedWorkbook(plans, file, { overwrite: false });
      // The breakdown's XML is more than one block (of 256 K characters).
      const sheets = unzipSync(fs.readFileSync(file));
      const largest = Math.max(...Object.values(sheets).map((b) => strFromU8(b).length));
      expect(largest).toBeGreaterThan(262_144);
      const out = path.join(dir, "lo");
      convert(soffice(), makeProfile(dir), CSV_ALL_SHEETS_AS_SHOWN, out, [file]);
      const csv = fs.readdirSync(out).find((n) => n.normalize("NFC").endsWith("Tổng hợp theo đơn vị.csv"))!;
      const rows = parseCsv(fs.readFileSync(path.join(out, csv), "utf8"));
      const units = rows.filter((r) => /^UBND XÃ THỬ \d{3}$/.test(r[1] ?? ""));
      expect(units.map((r) => r[1])).toEqual(
        Array.from({ length: 700 }, (_, i) => `UBND XÃ THỬ ${String(i + 1).padStart(3, "0")}`),
      );
      expect(units.map((r) => r[0])).toEqual(Array.from({ length: 700 }, (_, i) => String(i + 1)));
      expect(rows.some((r) => r[1] === "Tổng cộng (700 đơn vị)")).toBe(true);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  },
);
