/**
 * The consolidated workbook in a real spreadsheet engine that knows nothing of CCHC.*:
 * headless LibreOffice shows the cached (recomputed) figures of the input sheets, never
 * #NAME?, and the breakdown's total row equals them. One soffice start.
 */
import * as fs from "fs";
import * as path from "path";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { builtinCatalogue } from "../../src/core/catalogue";
import { writeUnitFile } from "../support/consolidation";
import {
  convert,
  CSV_ALL_SHEETS_AS_SHOWN,
  describeWithPrograms,
  makeProfile,
  makeRunDir,
  parseCsv,
  soffice,
} from "../support/libreoffice";
import { removeTempDir } from "../support/xlsx";
import { readFigureFile } from "../../src/xlsx/node/figureFiles";

const describeEngine = describeWithPrograms("test/libreoffice/consolidate.test.ts", ["libreoffice"]);
const XA = builtinCatalogue("cchc-xa")!;

describeEngine("a consolidated workbook in LibreOffice", () => {
  let run: string;
  let inputs: string[] = [];
  const csv = new Map<string, string[][]>();

  beforeAll(async () => {
    run = makeRunDir();
    const units = [
      { co_quan: "UBND XÃ A", hs_dagq: 90, hs_dagq_dunghan: 85, hs_dagq_quahan: 5 },
      { co_quan: "UBND XÃ B", hs_dagq: 50, hs_dagq_dunghan: 40, hs_dagq_quahan: 10 },
    ];
    const files = [];
    for (const [i, unit] of units.entries()) {
      const file = path.join(run, `xa-${i}.xlsx`);
      await writeUnitFile(file, { ...unit, ky_bao_cao: "Quý III", nam: 2026 }, XA);
      files.push(file);
    }
    inputs = files;
    const out = path.join(run, "tinh.xlsx");
    expect(await main(["consolidate", "-o", out, ...files], bufferIo())).toBe(0);
    convert(soffice(), makeProfile(run), CSV_ALL_SHEETS_AS_SHOWN, path.join(run, "csv"), [out]);
    for (const name of fs.readdirSync(path.join(run, "csv"))) {
      csv.set(name, parseCsv(fs.readFileSync(path.join(run, "csv", name), "utf8")));
    }
  }, 180_000);
  afterAll(() => removeTempDir(run));

  const rowOf = (sheet: string, key: string) => {
    const grid = csv.get(`tinh-${sheet}.csv`);
    if (!grid) throw new Error(`no CSV for ${sheet}: ${[...csv.keys()].join(", ")}`);
    return grid.find((row) => row[0] === key) ?? [];
  };

  it("shows the summed figures and the recomputed rate, no #NAME?", () => {
    expect(rowOf("2-3. Thể chế, TTHC", "hs_dagq")[3]).toMatch(/^140$/);
    expect(rowOf("2-3. Thể chế, TTHC", "hs_dagq_dunghan")[3]).toMatch(/^125$/);
    // 125 / 140 = 89,29 %, whatever the locale's decimal sign.
    expect(rowOf("2-3. Thể chế, TTHC", "hs_tyle_dunghan")[3]).toMatch(/^89[.,]29%$/);
    for (const [name, grid] of csv)
      expect([name, grid.flat().filter((v) => /#NAME\?/.test(v))]).toEqual([name, []]);
  });

  it("has the breakdown with one row per unit and the total", () => {
    const grid = csv.get("tinh-Tổng hợp theo đơn vị.csv")!;
    const ids = grid[4];
    const total = grid.find((row) => /^Tổng cộng/.test(row[1] ?? ""))!;
    expect(total[1]).toBe("Tổng cộng (2 đơn vị)");
    expect(total[ids.indexOf("hs_dagq")]).toBe("140");
    expect(
      grid.filter((row) => /^UBND XÃ/.test(row[1] ?? "")).map((row) => row[ids.indexOf("hs_dagq")]),
    ).toEqual(["90", "50"]);
  });

  it("saved again by LibreOffice, it is still known as a result over units and refused among its units", async () => {
    const resaved = path.join(run, "luu-lai");
    convert(soffice(), makeProfile(run), "xlsx:Calc MS Excel 2007 XML", resaved, [
      path.join(run, "tinh.xlsx"),
    ]);
    const file = path.join(resaved, "tinh.xlsx");
    const read = await readFigureFile(file);
    expect(read.ok && read.consolidated).toEqual({ over: "units", parts: 2 });
    const io = bufferIo();
    expect(await main(["consolidate", "-o", path.join(run, "tinh-2.xlsx"), ...inputs, file], io)).toBe(1);
    expect(io.stdout).toContain(
      `✗ ${file}: Tệp là kết quả tổng hợp của 2 đơn vị (có trang «Tổng hợp theo đơn vị»)`,
    );
    expect(io.stdout).toMatch(/^Đã tổng hợp 2\/3 tệp \(2 đơn vị\)/m);
  }, 120_000);
});
