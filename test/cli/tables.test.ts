/**
 * The table kind end to end through files, on the built-in `xa-2025` (its one-stop tables by
 * field and by deciding authority): units' workbooks with typed cells → `check` (column sums
 * against their totals, a cell that is no count, an extra row without a label) → `consolidate`
 * over units (cell by cell, extra rows kept by label) and over periods (carried over from the
 * earliest, pending from the latest) → the result's own cells, read back by their names.
 */
import * as fs from "fs";
import * as path from "path";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { DEFAULT_CATALOGUE, inputName } from "../../src/core/catalogue";
import { writeUnitFile } from "../support/consolidation";
import { docxParagraphs } from "../../src/docx/readText";
import { cellValue, findWorksheet } from "../support/excelJsWorkbook";
import { makeTempDir, namedCell, readBack, removeTempDir } from "../support/xlsx";

const XA = DEFAULT_CATALOGUE;
let dir: string;
const inDir = (...parts: string[]) => path.join(dir, ...parts);
const cli = async (...args: string[]) => {
  const io = bufferIo();
  const status = await main(args, io);
  return { status, stdout: io.stdout, stderr: io.stderr };
};

/** The one-stop figures of a commune: indicators and the table by field that adds up to them. */
const unit = (
  name: string,
  period: string,
  cells: Record<string, number | string>,
  totals: Record<string, number>,
) => ({
  co_quan: name,
  ky_bao_cao: period,
  nam: 2025,
  // The plan's total, which xa-2025 requires (2025.4).
  kh_tong: 12,
  ...totals,
  ...cells,
});

const AN_BINH = unit(
  "UBND XÃ AN BÌNH",
  "Quý III",
  {
    "tthc_lv.dat_dai.ky_truoc": 5,
    "tthc_lv.dat_dai.moi": 40,
    "tthc_lv.ho_tich.moi": 60,
    "tthc_lv.dat_dai.dung_han": 30,
    "tthc_lv.ho_tich.dung_han": 60,
    "tthc_lv.dat_dai.trong_han": 15,
    "tthc_lv.x1": "Thi đua, khen thưởng",
    "tthc_lv.x1.moi": 3,
    "tthc_lv.x1.dung_han": 3,
  },
  {
    hs_kytruoc: 5,
    hs_moi: 103,
    hs_tiepnhan: 108,
    hs_dagq: 93,
    hs_dunghan: 93,
    hs_danggq: 15,
    hs_tronghan: 15,
  },
);
const BAC_SON = unit(
  "UBND PHƯỜNG BẮC SƠN",
  "Quý III",
  {
    "tthc_lv.dat_dai.moi": 20,
    "tthc_lv.dat_dai.dung_han": 20,
    "tthc_lv.x1": "Nội vụ",
    "tthc_lv.x1.moi": 4,
    "tthc_lv.x1.dung_han": 4,
    "tthc_lv.x2": "thi đua,  khen thưởng",
    "tthc_lv.x2.moi": 2,
    "tthc_lv.x2.dung_han": 2,
  },
  { hs_kytruoc: 0, hs_moi: 26, hs_tiepnhan: 26, hs_dagq: 26, hs_dunghan: 26, hs_danggq: 0 },
);
/** Errors: the field rows do not add up to «Mới tiếp nhận» (lệch 7), a text in a cell, a row without a label. */
const CAM_HA = unit(
  "UBND XÃ CẨM HÀ",
  "Quý III",
  {
    "tthc_lv.dat_dai.moi": 10,
    "tthc_lv.ho_tich.moi": 3,
    "tthc_lv.ho_tich.dung_han": "mười",
    "tthc_lv.x3.moi": 7,
  },
  { hs_kytruoc: 0, hs_moi: 27, hs_tiepnhan: 27 },
);

/** One ward's 6 tháng and Quý III of 2026, for «9 tháng». */
const SIX_MONTHS = unit(
  "UBND PHƯỜNG BẮC SƠN",
  "6 tháng",
  {
    "tthc_lv.dat_dai.ky_truoc": 5,
    "tthc_lv.dat_dai.moi": 40,
    "tthc_lv.dat_dai.trong_han": 10,
    "tthc_lv.x1": "Nội vụ",
    "tthc_lv.x1.moi": 2,
  },
  { hs_kytruoc: 5, hs_moi: 42, hs_tiepnhan: 47, hs_danggq: 10, hs_tronghan: 10 },
);
const THIRD_QUARTER = unit(
  "UBND PHƯỜNG BẮC SƠN",
  "Quý III",
  {
    "tthc_lv.dat_dai.ky_truoc": 10,
    "tthc_lv.dat_dai.moi": 20,
    "tthc_lv.dat_dai.trong_han": 4,
    "tthc_lv.x1": "Nội vụ",
    "tthc_lv.x1.moi": 3,
  },
  { hs_kytruoc: 10, hs_moi: 23, hs_tiepnhan: 33, hs_danggq: 4, hs_tronghan: 4 },
);
SIX_MONTHS.nam = 2026;
THIRD_QUARTER.nam = 2026;

beforeAll(async () => {
  dir = makeTempDir("cchc-tables-");
  fs.mkdirSync(inDir("units"));
  await writeUnitFile(inDir("units", "an-binh.xlsx"), AN_BINH, XA);
  await writeUnitFile(inDir("units", "bac-son.xlsx"), BAC_SON, XA);
  await writeUnitFile(inDir("cam-ha.xlsx"), CAM_HA, XA);
  fs.mkdirSync(inDir("periods"));
  await writeUnitFile(inDir("periods", "6-thang.xlsx"), SIX_MONTHS, XA);
  await writeUnitFile(inDir("periods", "quy-3.xlsx"), THIRD_QUARTER, XA);
});
afterAll(() => removeTempDir(dir));

describe("a table of the built-in commune form, through files", () => {
  it("checks a unit whose table adds up: no finding", async () => {
    const result = await cli("check", inDir("units", "an-binh.xlsx"));
    expect(result.stdout).not.toMatch(/Bảng/);
    expect(result.status).toBe(0);
  });

  it("checks column sums against their totals, each cell's kind and the extra rows' labels", async () => {
    const result = await cli("check", inDir("cam-ha.xlsx"));
    expect(result.status).toBe(1);
    const lines = result.stdout.split("\n").filter((l) => l.includes("Bảng «"));
    expect(lines).toEqual([
      expect.stringContaining(
        "Bảng «Hồ sơ TTHC theo lĩnh vực», Hộ tịch – Đã giải quyết: Đúng hạn: «mười» không phải là số",
      ),
      expect.stringContaining(
        "Bảng «Hồ sơ TTHC theo lĩnh vực»: dòng thêm 3 có số liệu nhưng chưa ghi tên (Lĩnh vực)",
      ),
      expect.stringContaining(
        "Bảng «Hồ sơ TTHC theo lĩnh vực», cột «Tiếp nhận: Mới tiếp nhận»: cộng các dòng được 20, khác chỉ tiêu «Mới tiếp nhận trong kỳ» là 27 (lệch 7).",
      ),
    ]);
    // The column with a bad cell is not summed (its error is told once, at the cell).
    expect(result.stdout).not.toMatch(/cột «Đã giải quyết: Đúng hạn»/);
  });

  it("consolidates units cell by cell, keeping extra rows by their label", async () => {
    const out = inDir("tong-hop.xlsx");
    const result = await cli("consolidate", "-o", out, inDir("units"));
    expect(result.stderr).toBe("");
    const book = await readBack(out);
    const at = (id: string) => namedCell(book, inputName(id)).value;
    expect(at("tthc_lv.dat_dai.moi")).toBe(60);
    expect(at("tthc_lv.dat_dai.ky_truoc")).toBe(5);
    expect(at("tthc_lv.ho_tich.moi")).toBe(60);
    expect(at("tthc_lv.dat_dai.dung_han")).toBe(50);
    expect(at("tthc_lv.y_te.moi")).toBeNull();
    // «Thi đua, khen thưởng» of An Bình and «thi đua,  khen thưởng» of Bắc Sơn are one row.
    expect(at("tthc_lv.x1")).toBe("Thi đua, khen thưởng");
    expect(at("tthc_lv.x1.moi")).toBe(5);
    expect(at("tthc_lv.x2")).toBe("Nội vụ");
    expect(at("tthc_lv.x2.moi")).toBe(4);
    expect(at("tthc_lv.x3")).toBeNull();
    // The result checks clean: its columns add up to its summed totals.
    const check = await cli("check", out);
    expect(check.stdout).not.toMatch(/Bảng «/);
  });

  it("consolidates one unit's periods column by column as their totals do", async () => {
    const out = inDir("9-thang.xlsx");
    const result = await cli("consolidate", "-o", out, "--ky", "9 tháng", "--nam", "2026", inDir("periods"));
    expect(result.stderr).toBe("");
    const book = await readBack(out);
    const at = (id: string) => namedCell(book, inputName(id)).value;
    // Carried over: the earliest period's; new: summed; pending within the deadline: the latest's.
    expect(at("tthc_lv.dat_dai.ky_truoc")).toBe(5);
    expect(at("tthc_lv.dat_dai.moi")).toBe(60);
    expect(at("tthc_lv.dat_dai.trong_han")).toBe(4);
    expect(at("tthc_lv.x1")).toBe("Nội vụ");
    expect(at("tthc_lv.x1.moi")).toBe(5);
  });

  it("prints each table as an appendix of its own, and in the draft's appendices", async () => {
    const file = inDir("units", "an-binh.xlsx");
    const out = inDir("an-binh-bao-cao.xlsx");
    expect((await cli("report", file, "-o", out, "--force")).status).toBe(0);
    const book = await readBack(out);
    const sheet = findWorksheet(book, "Phụ lục I.1")!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) =>
      rows.push(Array.from({ length: 12 }, (_, c) => cellValue(row.getCell(c + 1)) ?? null)),
    );
    const line = (label: string) => rows.find((r) => r[1] === label);
    // STT, field, then Từ kỳ trước, Mới, trực tuyến, trực tiếp, bưu chính, trước hạn, đúng hạn, quá hạn, trong hạn, quá hạn.
    expect(line("Đất đai")).toEqual([1, "Đất đai", 5, 40, null, null, null, null, 30, null, 15, null]);
    expect(line("Thi đua, khen thưởng")).toEqual([
      13,
      "Thi đua, khen thưởng",
      null,
      3,
      null,
      null,
      null,
      null,
      3,
      null,
      null,
      null,
    ]);
    expect(line("Tổng cộng")).toEqual([
      null,
      "Tổng cộng",
      5,
      103,
      null,
      null,
      null,
      null,
      93,
      null,
      15,
      null,
    ]);
    expect(cellValue(sheet.getCell("A6"))).toBe("Phụ lục I.1");
    expect(cellValue(sheet.getCell("A7"))).toBe("HỒ SƠ TTHC THEO LĨNH VỰC QUÝ III NĂM\u00a02025");
    expect(sheet.pageSetup.orientation).toBe("landscape");
    // Nobody typed in the table by deciding authority: no empty appendix to sign.
    expect(findWorksheet(book, "Phụ lục I.2")).toBeUndefined();

    const docx = inDir("an-binh.docx");
    expect((await cli("draft", file, "-o", docx, "--with-appendices")).status).toBe(0);
    const text = docxParagraphs(fs.readFileSync(docx)).join("\n");
    expect(text).toContain("Phụ lục I.1");
    expect(text).toContain("HỒ SƠ TTHC THEO LĨNH VỰC QUÝ III NĂM\u00a02025");
    expect(text).toContain("Thi đua, khen thưởng");
  });
});
