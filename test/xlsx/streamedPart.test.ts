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
import { fflateCodecs, XlsxPackage } from "../../src/xlsx/package/xlsxPackage";
import { nativeCodecs } from "../../src/xlsx/node/nativeCodecs";
import { writeConsolidatedWorkbook } from "../../src/xlsx/node/writeConsolidated";
import { applyPlans } from "../../src/xlsx/package/applyPlans";
import type { SheetPlan } from "../../src/core/layout/model";
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
    { length: 40_000 },
    (_, i) =>
      `<row r="${i + 1}"><c r="B${i + 1}" t="inlineStr"><is><t>Ủy ban nhân dân xã ${i}</t></is></c></row>`,
  );
  const text = pieces.join("");

  it.each([
    ["fflate", fflateCodecs],
    ["Node's zlib", nativeCodecs],
  ])(
    "is several blocks (%s), read back whole from the package and the saved archive (CRC checked)",
    (_, codecs) => {
      // Longer than three blocks of 512 KB: the blocks must chain into one stream.
      expect(new TextEncoder().encode(text).length).toBeGreaterThan(3 * 524_288);
      const pkg = emptyWorkbookPackage({ codecs });
      pkg.writePart("xl/big.xml", (push) => pieces.forEach(push));
      expect(pkg.has("xl/big.xml")).toBe(true);
      expect(pkg.text("xl/big.xml")).toBe(text);
      const bytes = pkg.toBytes();
      // Our reader checks each entry's CRC-32 and size against what it inflates.
      expect(XlsxPackage.fromBytes(bytes).text("xl/big.xml")).toBe(text);
      expect(strFromU8(unzipSync(bytes)["xl/big.xml"])).toBe(text);
    },
  );

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
  "a consolidation of 1,500 units, its breakdown written in blocks, in LibreOffice",
  () => {
    it("shows every unit's row, in order, and the total", async () => {
      const entries = Array.from({ length: 1500 }, (_, i) =>
        unitWorkbook(`xa-${i}.xlsx`, {
          ...THREE_UNITS[i % 3],
          co_quan: `UBND XÃ THỬ ${String(i + 1).padStart(4, "0")}`,
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
      // The breakdown's XML is more than one block (of 512 KB).
      const sheets = unzipSync(fs.readFileSync(file));
      const largest = Math.max(...Object.values(sheets).map((b) => b.length));
      expect(largest).toBeGreaterThan(524_288);
      const out = path.join(dir, "lo");
      convert(soffice(), makeProfile(dir), CSV_ALL_SHEETS_AS_SHOWN, out, [file]);
      const csv = fs.readdirSync(out).find((n) => n.normalize("NFC").endsWith("Tổng hợp theo đơn vị.csv"))!;
      const rows = parseCsv(fs.readFileSync(path.join(out, csv), "utf8"));
      const units = rows.filter((r) => /^UBND XÃ THỬ \d{4}$/.test(r[1] ?? ""));
      expect(units.map((r) => r[1])).toEqual(
        Array.from({ length: 1500 }, (_, i) => `UBND XÃ THỬ ${String(i + 1).padStart(4, "0")}`),
      );
      // STT as shown: a count's format, «1,500».
      expect(units.map((r) => Number(r[0].replace(/,/g, "")))).toEqual(
        Array.from({ length: 1500 }, (_, i) => i + 1),
      );
      expect(rows.some((r) => r[1] === "Tổng cộng (1500 đơn vị)")).toBe(true);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  },
);

describe("made rows (`RowsPlan`) written over a sheet that has rows there", () => {
  it("replace the planned cells, keep the user's cells outside the cleared range, and order every row", () => {
    const sheet = (rows: SheetPlan["rows"], cells: SheetPlan["cells"] = []): SheetPlan => ({
      key: "list",
      name: "Danh sách",
      role: "list",
      columns: [10, 10],
      font: { name: "Times New Roman", size: 11 },
      cells,
      rows,
      merges: [],
      names: [],
      validations: [],
      protect: false,
      visibility: "visible",
      clear: "A1:B10",
    });
    const pkg = emptyWorkbookPackage();
    // The first write: rows 3–5 made, column B then A (the writer orders them), and a user's Z4.
    applyPlans(pkg, [
      sheet(
        {
          first: 3,
          count: 3,
          cells: (i) => [
            { address: `B${3 + i}`, value: `b${i}` },
            { address: `A${3 + i}`, value: i },
          ],
        },
        [{ address: "A1", value: "Tiêu đề" }],
      ),
    ]);
    const part = "xl/worksheets/sheet1.xml";
    pkg.setPart(
      part,
      pkg
        .text(part)!
        .replace(
          '</row><row r="5"',
          '<c r="Z4" t="inlineStr"><is><t>của người dùng</t></is></c></row><row r="5"',
        ),
    );
    // The second: two made rows from row 4; row 5's old cells are cleared, Z4 is outside the range.
    applyPlans(pkg, [sheet({ first: 4, count: 2, cells: (i) => [{ address: `A${4 + i}`, value: 10 + i }] })]);
    const text = pkg.text(part)!;
    const rows = [...text.matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/g)].map(([, r, body]) => [
      Number(r),
      [...body.matchAll(/<c r="([A-Z]+\d+)"/g)].map((m) => m[1]),
    ]);
    expect(rows).toEqual([
      [4, ["A4", "Z4"]],
      [5, ["A5"]],
    ]);
    expect(text).toContain("của người dùng");
    expect(text).toMatch(/<c r="A4"[^>]*><v>10<\/v><\/c>/);
  });
});
