/**
 * Issue 21 on real files of the built-in commune form (xa-2025, whose units began on 1/7/2025):
 * months consolidated into their quarter, «Tùy chọn» ranges into «6 tháng cuối năm» and into a
 * «Tùy chọn» target (`--tu`, `--den`), `check` naming a period's name that contradicts its typed
 * days, and `report` titling a custom period by its days and saying where a founding day starts it.
 */
import * as fs from "fs";
import * as path from "path";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { DEFAULT_CATALOGUE, inputName } from "../../src/core/catalogue";
import { toExcelSerial } from "../../src/core/period";
import { cellValue, findWorksheet } from "../support/excelJsWorkbook";
import { writeUnitFile } from "../support/consolidation";
import { makeTempDir, namedCell, readBack, removeTempDir } from "../support/xlsx";

const XA = DEFAULT_CATALOGUE;
const serial = (day: number, month: number, year: number) => toExcelSerial({ year, month, day });
// kh_tong: the plan's total, which xa-2025 requires (2025.4).
const UNIT = { co_quan: "UBND XÃ AN BÌNH", tinh: "Tỉnh Thử", kh_tong: 12 };

let dir: string;
const inDir = (...parts: string[]) => path.join(dir, ...parts);
const cchc = async (...args: string[]) => {
  const io = bufferIo();
  const status = await main(args, io);
  return { status, stdout: io.stdout, stderr: io.stderr };
};
const valueOf = async (file: string, id: string) => cellValue(namedCell(await readBack(file), inputName(id)));
const appendixTexts = async (file: string) => {
  const texts: string[] = [];
  findWorksheet(await readBack(file), "Phụ lục I")!.eachRow((row) =>
    row.eachCell((cell) => void (typeof cell.value === "string" && texts.push(cell.value))),
  );
  return texts;
};

beforeAll(async () => {
  dir = makeTempDir("cchc-periods-");
  fs.mkdirSync(inDir("thang"));
  for (const [m, moi] of [
    [1, 10],
    [2, 20],
    [3, 30],
  ])
    await writeUnitFile(
      inDir("thang", `thang${m}.xlsx`),
      { ...UNIT, ky_bao_cao: `Tháng ${m}`, nam: 2026, hs_moi: moi },
      XA,
    );
  fs.mkdirSync(inDir("tuychon"));
  await writeUnitFile(
    inDir("tuychon", "dau.xlsx"),
    {
      ...UNIT,
      ky_bao_cao: "Tùy chọn",
      nam: 2025,
      tu_ngay: serial(1, 7, 2025),
      den_ngay: serial(31, 10, 2025),
      hs_moi: 500,
    },
    XA,
  );
  await writeUnitFile(
    inDir("tuychon", "cuoi.xlsx"),
    {
      ...UNIT,
      ky_bao_cao: "Tùy chọn",
      nam: 2025,
      tu_ngay: serial(1, 11, 2025),
      den_ngay: serial(14, 12, 2025),
      hs_moi: 200,
    },
    XA,
  );
});

afterAll(() => removeTempDir(dir));

describe("cchc consolidate over months and custom ranges", () => {
  it("Tháng 1 + 2 + 3 = Quý I/2026", async () => {
    const out = inDir("quy1.xlsx");
    const result = await cchc("consolidate", "-o", out, "--ky", "Quý I", "--nam", "2026", inDir("thang"));
    expect(result.stdout).toMatch(/^Đã tổng hợp 3\/3 tệp \(3 kỳ\)/m);
    expect(await valueOf(out, "hs_moi")).toBe(60);
    expect(await valueOf(out, "ky_bao_cao")).toBe("Quý I");
  });

  it("two «Tùy chọn» ranges make «6 tháng cuối năm 2025» of a commune founded 1/7/2025", async () => {
    const out = inDir("6cuoi.xlsx");
    const result = await cchc(
      "consolidate",
      "-o",
      out,
      "--ky",
      "6 tháng cuối năm",
      "--nam",
      "2025",
      inDir("tuychon"),
    );
    expect(result.stdout).toMatch(/^Đã tổng hợp 2\/2 tệp \(2 kỳ\)/m);
    expect(await valueOf(out, "hs_moi")).toBe(700);
    // The derived day of the result starts on the founding day, as its formula says.
    expect(await valueOf(out, "tu_ngay")).toBe(serial(1, 7, 2025));

    const reported = inDir("6cuoi-bao-cao.xlsx");
    expect((await cchc("report", out, "-o", reported)).status).toBe(0);
    const texts = await appendixTexts(reported);
    expect(texts.some((t) => t.endsWith("6 THÁNG CUỐI NĂM\u00a02025"))).toBe(true);
    expect(texts).toContain(
      "(Số liệu tính từ ngày 1/7/2025, ngày đơn vị bắt đầu hoạt động, đến ngày 14/12/2025)",
    );
  });

  it("into a «Tùy chọn» target: its days typed, its report titled by them", async () => {
    const out = inDir("tuychon.xlsx");
    const result = await cchc(
      "consolidate",
      "-o",
      out,
      "--ky",
      "Tùy chọn",
      "--tu",
      "01/07/2025",
      "--den",
      "14/12/2025",
      inDir("tuychon"),
    );
    expect(result).toMatchObject({ status: 0, stderr: "" });
    expect(await valueOf(out, "ky_bao_cao")).toBe("Tùy chọn");
    expect(await valueOf(out, "nam")).toBe(2025);
    expect(await valueOf(out, "tu_ngay")).toBe(serial(1, 7, 2025));
    expect(await valueOf(out, "den_ngay")).toBe(serial(14, 12, 2025));
    const reported = inDir("tuychon-bao-cao.xlsx");
    expect((await cchc("report", out, "-o", reported)).status).toBe(0);
    expect(
      (await appendixTexts(reported)).some((t) => t.endsWith(" TỪ NGÀY 01/7/2025 ĐẾN NGÀY 14/12/2025")),
    ).toBe(true);

    const gap = await cchc(
      "consolidate",
      "-o",
      inDir("thieu.xlsx"),
      "--ky",
      "Tùy chọn",
      "--tu",
      "01/07/2025",
      "--den",
      "31/12/2025",
      inDir("tuychon"),
    );
    expect(gap.status).toBe(2);
    expect(gap.stderr).toBe(
      "Các kỳ số liệu không ghép đúng kỳ «Tùy chọn» (01/07/2025 – 31/12/2025): thiếu số liệu 15/12/2025 – 31/12/2025. Không ghi tệp kết quả.\n",
    );
    expect(fs.existsSync(inDir("thieu.xlsx"))).toBe(false);
  });

  it("refuses wrong period options before reading anything", async () => {
    const refused = async (...args: string[]) =>
      (await cchc("consolidate", "-o", inDir("k.xlsx"), ...args, inDir("thang"))).stderr;
    expect(await refused("--ky", "Tùy chọn", "--tu", "01/07/2025")).toMatch(/cần --tu và --den/);
    expect(await refused("--ky", "Quý I", "--nam", "2026", "--tu", "01/07/2025")).toMatch(
      /chỉ dùng với kỳ «Tùy chọn»/,
    );
    expect(await refused("--ky", "Tùy chọn", "--tu", "31/02/2025", "--den", "01/03/2025")).toMatch(
      /Ngày --tu "31\/02\/2025" không hợp lệ/,
    );
    expect(
      await refused("--ky", "Tùy chọn", "--tu", "01/07/2025", "--den", "31/12/2025", "--nam", "2026"),
    ).toMatch(/khác năm của --den/);
    expect(await refused("--ky", "Quý II", "--nam", "2025")).toMatch(
      /^Không tổng hợp được kỳ Quý II\/2025: .*trước ngày đơn vị bắt đầu hoạt động \(01\/07\/2025\)/,
    );
  });
});

describe("cchc check on a period's name against its days", () => {
  it("reports «6 tháng» with 01/7 – 31/10/2026 typed, naming the period's cell and both days' cells", async () => {
    const file = inDir("mau-thuan.xlsx");
    await writeUnitFile(
      file,
      {
        ...UNIT,
        ky_bao_cao: "6 tháng",
        nam: 2026,
        tu_ngay: serial(1, 7, 2026),
        den_ngay: serial(31, 10, 2026),
      },
      XA,
    );
    const result = await cchc("check", file, "--json");
    expect(result.status).toBe(1);
    const { findings } = JSON.parse(result.stdout) as {
      findings: Array<{ severity: string; ids: string[]; cells: string[]; message: string }>;
    };
    const found = findings.filter((f) => f.ids.includes("ky_bao_cao"));
    expect(found).toEqual([
      {
        severity: "error",
        ids: ["ky_bao_cao", "tu_ngay", "den_ngay"],
        cells: ["'Thông tin chung'!D8", "'Thông tin chung'!D10", "'Thông tin chung'!D11"],
        message: expect.stringMatching(
          /^Kỳ báo cáo «6 tháng» năm 2026 có số liệu từ ngày 15\/12\/2025 đến ngày 14\/06\/2026, nhưng ngày đã nhập không khớp: «Số liệu tính từ ngày» 01\/07\/2026, «Số liệu tính đến ngày» 31\/10\/2026\./,
        ),
      },
    ]);
  });
});
