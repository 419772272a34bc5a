/**
 * The fast figure reader against the ExcelJS reader (the same figures, cells, formulas, notes
 * and documents from the same file), on files written by cchc, edited as another program
 * would (1904 dates, inline strings) and each kind of file it must refuse.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { unzipSync, zipSync } from "fflate";
import { DEFAULT_CATALOGUE, DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import { catalogueOfMeta } from "../../src/core/meta";
import { SAMPLE_DOCUMENTS } from "../../src/core/catalogue/sample";
import type { InputEntry } from "../../src/core/consolidate";
import type { Figures } from "../../src/core/figures";
import { toExcelSerial } from "../../src/core/period";
import { alternateLoader, consolidateFiles, readFigureFile } from "../../src/xlsx/node/figureFiles";
import { writeConsolidatedWorkbook } from "../../src/xlsx/node/writeConsolidated";
import { readFigureWorkbook } from "../../src/xlsx/figureReader/read";
import { openWorkbookFile, saveWorkbookFile, templateWorkbook } from "../support/excelJsWorkbook";
import { readWorkbookFigures, readWorkbookMeta } from "../support/excelJsWorkbook";
import * as ExcelJS from "exceljs";
import { resolveTestCatalogue, TEST_CATALOGUE, THREE_UNITS, writeUnitFile } from "../support/consolidation";
import { makeTempDir, removeTempDir } from "../support/xlsx";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("cchc-reader-");
});
afterAll(() => removeTempDir(dir));

const plain = (figures: Figures) =>
  [...figures.values()].map((f) => ({ ...f, formula: f.formula ? "formula" : undefined }));

function ok(entry: InputEntry): Extract<InputEntry, { ok: true }> {
  if (!entry.ok) throw new Error(entry.reason);
  return entry;
}

async function rezip(file: string, out: string, edit: (zip: JSZip) => Promise<void>): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  await edit(zip);
  fs.writeFileSync(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

describe("consolidateFiles' loader: two buffers in turn", () => {
  it("gives each file's bytes whole, reusing a buffer two files on, and refuses as before", async () => {
    const bytesOf = (size: number, seed: number) =>
      Uint8Array.from({ length: size }, (_, i) => (i * seed) & 0xff);
    const sizes = { a: 10, b: 100_000, c: 20, d: 3_000_000, e: 0 };
    for (const [name, size] of Object.entries(sizes))
      fs.writeFileSync(path.join(dir, `load-${name}.bin`), bytesOf(size, size + 7));
    fs.mkdirSync(path.join(dir, "load-folder"), { recursive: true });
    const load = alternateLoader();
    const read: Uint8Array[] = [];
    for (const name of Object.keys(sizes)) {
      const loaded = await load(path.join(dir, `load-${name}.bin`));
      if (!(loaded instanceof Uint8Array)) throw new Error(loaded.reason);
      // Compared at once: the buffer is filled again two loads on.
      expect(loaded).toEqual(
        bytesOf(sizes[name as keyof typeof sizes], sizes[name as keyof typeof sizes] + 7),
      );
      read.push(loaded);
    }
    // a, c and e in the first buffer; b (larger than it) in a second one kept; d (3 MB) not kept.
    expect(read[2].buffer).toBe(read[0].buffer);
    expect(read[4].buffer).toBe(read[0].buffer);
    const after = await load(path.join(dir, "load-c.bin"));
    expect(after instanceof Uint8Array && after.buffer).toBe(read[1].buffer);
    expect(read[3].buffer).not.toBe(read[1].buffer);
    expect(await load(path.join(dir, "load-folder"))).toMatchObject({
      ok: false,
      reason: "Là một thư mục, không phải tệp Excel .xlsx.",
    });
    expect(await load(path.join(dir, "load-none.bin"))).toMatchObject({
      ok: false,
      reason: "Không tìm thấy tệp.",
    });
  });
});

describe("the fast reader reads what ExcelJS reads", () => {
  it("the Đức Thọ sample: every figure, cell, formula, note and document", async () => {
    const file = path.join(dir, "sample.xlsx");
    const workbook = await templateWorkbook({
      sample: true,
      sampleDocuments: SAMPLE_DOCUMENTS,
      catalogue: DISTRICT_CATALOGUE,
    });
    // A note typed beside a figure comes along too.
    const info = workbook.getWorksheet("1. Chỉ đạo điều hành")!;
    info.getCell("E5").value = "giải trình";
    await saveWorkbookFile(workbook, file, { overwrite: true });

    const opened = await openWorkbookFile(file);
    const meta = readWorkbookMeta(opened.workbook);
    const catalogue = meta ? catalogueOfMeta(meta) : DEFAULT_CATALOGUE;
    const expected = readWorkbookFigures(opened.workbook, catalogue);
    const read = ok(await readFigureFile(file));
    expect(read.catalogue.id).toBe("huyen-2021");
    expect(plain(read.figures)).toEqual(plain(expected.figures));
    expect(read.problems).toEqual([]);
    expect(read.documents).toEqual(expected.documents);
    expect(read.documents).toHaveLength(SAMPLE_DOCUMENTS.length);
    expect([...read.figures.values()].some((f) => f.note === "giải trình")).toBe(true);
    // The browser's unzip (fflate) reads the same.
    const viaFflate = ok(readFigureWorkbook(fs.readFileSync(file), file));
    expect(plain(viaFflate.figures)).toEqual(plain(read.figures));
    expect(viaFflate.documents).toEqual(read.documents);

    // Cells without their `r` attribute (allowed: they follow the previous cell) are read in full.
    const bare = path.join(dir, "sample-bare.xlsx");
    await rezip(file, bare, async (zip) => {
      for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
        zip.file(name, (await zip.file(name)!.async("string")).replace(/<c r="[A-Z]+\d+"/g, "<c"));
      }
    });
    const fromBare = ok(await readFigureFile(bare));
    expect(plain(fromBare.figures)).toEqual(plain(read.figures));
    expect(fromBare.documents).toEqual(read.documents);
  });

  it("a workbook of a province's own form, found through the resolver", async () => {
    const file = path.join(dir, "unit.xlsx");
    await writeUnitFile(file, THREE_UNITS[0]);
    const read = ok(await readFigureFile(file, { resolveCatalogue: resolveTestCatalogue }));
    expect(read.catalogue.id).toBe(TEST_CATALOGUE.id);
    expect(read.figures.get("hs_nhan")).toEqual({
      id: "hs_nhan",
      cell: "'Số liệu thử'!D5",
      value: { type: "number", value: 100 },
    });
    expect(read.figures.get("co_quan")?.value).toEqual({ type: "text", value: "UBND XÃ AN BÌNH" });
    expect(read.figures.get("tu_ngay")?.formula).toMatch(/^=/);
    // Without a resolver the form is the one the workbook carries (its meta sheet stores it whole).
    const own = ok(await readFigureFile(file));
    expect(own.catalogue.id).toBe(TEST_CATALOGUE.id);
    expect(own.figures.get("hs_nhan")?.value).toEqual({ type: "number", value: 100 });
  });

  it("texts with `_x` sequences, escaped as SpreadsheetML does, read as typed", async () => {
    const file = path.join(dir, "escaped.xlsx");
    const name = "UBND_xa_A_x0041_ và _x005F_";
    await writeUnitFile(file, { ...THREE_UNITS[0], co_quan: name });
    const read = ok(await readFigureFile(file, { resolveCatalogue: resolveTestCatalogue }));
    expect(read.figures.get("co_quan")?.value).toEqual({ type: "text", value: name });
    const opened = await openWorkbookFile(file);
    expect(readWorkbookFigures(opened.workbook, TEST_CATALOGUE).figures.get("co_quan")?.value).toEqual({
      type: "text",
      value: name,
    });
  });

  it("dates of a 1904 workbook and inline strings, as another program writes them", async () => {
    const file = path.join(dir, "typed.xlsx");
    const date = toExcelSerial({ year: 2026, month: 9, day: 20 });
    await writeUnitFile(file, { ...THREE_UNITS[0], ngay_ban_hanh: date });
    const edited = path.join(dir, "edited.xlsx");
    await rezip(file, edited, async (zip) => {
      const book = await zip.file("xl/workbook.xml")!.async("string");
      expect(book).toMatch(/<workbookPr\b/);
      zip.file("xl/workbook.xml", book.replace(/<workbookPr\b/, '<workbookPr date1904="1"'));
      for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
        const xml = await zip.file(name)!.async("string");
        zip.file(
          name,
          xml.replace(`<v>${date}</v>`, `<v>${date - 1462}</v>`).replace(
            // A shared string or an inline one (cchc's writer makes inline strings).
            /<c r="D5"([^>]*) t="(?:s|inlineStr)">(?:<v>\d+<\/v>|<is><t>[^<]*<\/t><\/is>)<\/c>/,
            '<c r="D5"$1 t="inlineStr"><is><t>UBND XÃ NỘI DÒNG</t></is></c>',
          ),
        );
      }
    });
    const read = ok(await readFigureFile(edited, { resolveCatalogue: resolveTestCatalogue }));
    expect(read.figures.get("ngay_ban_hanh")?.value).toEqual({ type: "number", value: date });
    expect(read.figures.get("co_quan")?.value).toEqual({ type: "text", value: "UBND XÃ NỘI DÒNG" });
  });
});

describe("the fast reader places figures as the ExcelJS reader does, on workbooks a user edited", () => {
  async function both(file: string) {
    const opened = await openWorkbookFile(file);
    const meta = readWorkbookMeta(opened.workbook);
    const catalogue = meta ? catalogueOfMeta(meta) : DEFAULT_CATALOGUE;
    return {
      expected: readWorkbookFigures(opened.workbook, catalogue),
      read: ok(await readFigureFile(file)),
    };
  }
  const fixtures = path.join(__dirname, "..", "fixtures", "cases");

  it.each(["inserted-column.xlsx", "deleted-named-row.xlsx"])("%s (LibreOffice's own file)", async (name) => {
    const { expected, read } = await both(path.join(fixtures, name));
    expect(plain(read.figures)).toEqual(plain(expected.figures));
    // ExcelJS drops a `#REF!` name (the problem then has no reference); this reader keeps its text.
    const withoutReference = (problems: readonly object[] = []) =>
      problems.map((p) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== "reference")));
    expect(withoutReference(read.problems)).toEqual(withoutReference(expected.problems));
    expect(read.documents).toEqual(expected.documents);
  });

  it("rows sorted away from their names: each figure read from its own key's row, the problem recorded", async () => {
    const workbook = await templateWorkbook({ sample: true, catalogue: DISTRICT_CATALOGUE });
    const sheet = workbook.getWorksheet("1. Chỉ đạo điều hành")!;
    const rows = [6, 7, 8, 9];
    const contents = rows.map((r) => [1, 2, 3, 4, 5].map((c) => sheet.getCell(r, c).value));
    rows.forEach((r, i) =>
      [1, 2, 3, 4, 5].forEach((c, j) => (sheet.getCell(r, c).value = contents[3 - i][j])),
    );
    const file = path.join(dir, "sorted.xlsx");
    await saveWorkbookFile(workbook, file, { overwrite: true });
    const { expected, read } = await both(file);
    expect(expected.problems.length).toBeGreaterThan(0);
    expect(read.problems).toEqual(expected.problems);
    expect(plain(read.figures)).toEqual(plain(expected.figures));
  });
});

describe("the fast reader refuses, with a reason, and never throws", () => {
  const cases: Array<[string, () => Promise<string>, RegExp]> = [
    ["a missing file", async () => path.join(dir, "none.xlsx"), /^Không tìm thấy tệp\.$/],
    ["a folder", async () => dir, /^Là một thư mục/],
    [
      "an empty file",
      async () => {
        fs.writeFileSync(path.join(dir, "empty.xlsx"), "");
        return path.join(dir, "empty.xlsx");
      },
      /^Tệp rỗng/,
    ],
    [
      "a text file",
      async () => {
        fs.writeFileSync(path.join(dir, "text.xlsx"), "không phải bảng tính");
        return path.join(dir, "text.xlsx");
      },
      /^Tệp không phải bảng tính Excel \.xlsx\.$/,
    ],
    [
      "a truncated workbook",
      async () => {
        const whole = fs.readFileSync(path.join(dir, "unit.xlsx"));
        fs.writeFileSync(path.join(dir, "cut.xlsx"), whole.subarray(0, whole.length / 2));
        return path.join(dir, "cut.xlsx");
      },
      /^Tệp bị hỏng, không đọc được: không giải nén được \(tệp bị cắt cụt hoặc chép chưa xong\); hãy lấy lại bản đầy đủ\.$/,
    ],
    [
      "a workbook whose workbook part is cut short",
      async () => {
        const parts = unzipSync(fs.readFileSync(path.join(dir, "unit.xlsx")));
        const workbook = parts["xl/workbook.xml"];
        parts["xl/workbook.xml"] = workbook.subarray(0, workbook.length / 2);
        fs.writeFileSync(path.join(dir, "cut-part.xlsx"), zipSync(parts));
        return path.join(dir, "cut-part.xlsx");
      },
      /^Tệp bị hỏng, không đọc được: phần «xl\/workbook\.xml» không phải XML hợp lệ; hãy mở bằng Excel, lưu lại rồi gửi lại\.$/,
    ],
    [
      "a zip that is no workbook",
      async () => {
        const zip = new JSZip().file("a.txt", "x");
        fs.writeFileSync(path.join(dir, "other.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
        return path.join(dir, "other.xlsx");
      },
      /^Tệp là tệp nén nhưng không phải bảng tính Excel/,
    ],
    [
      "a workbook that is not a CCHC workbook",
      async () => {
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet("Trang 1").getCell("A1").value = 5;
        await saveWorkbookFile(workbook, path.join(dir, "plain.xlsx"), { overwrite: true });
        return path.join(dir, "plain.xlsx");
      },
      /^Không phải bảng tính CCHC/,
    ],
  ];
  it.each(cases)("%s", async (_what, make, reason) => {
    const file = await make();
    const entry = await readFigureFile(file, { resolveCatalogue: resolveTestCatalogue });
    expect(entry.ok).toBe(false);
    expect(entry.ok === false && entry.reason).toMatch(reason);
  });

  it("garbage bytes in a part are a refusal, not a crash", () => {
    const entry = readFigureWorkbook(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), "x.xlsx");
    expect(entry).toMatchObject({ ok: false, source: "x.xlsx" });
  });
});

describe("the fast reader marks a consolidation's result", () => {
  it("over units: the breakdown sheet's numbered rows are its units; a unit's own file has no mark", async () => {
    const units = THREE_UNITS.map((_, i) => path.join(dir, `mark-${i + 1}.xlsx`));
    for (const [i, file] of units.entries()) await writeUnitFile(file, THREE_UNITS[i]);
    const { plans } = await consolidateFiles(units, { resolveCatalogue: resolveTestCatalogue });
    const result = path.join(dir, "mark-tinh.xlsx");
    await writeConsolidatedWorkbook(plans!, result, { overwrite: false });

    const read = ok(await readFigureFile(result, { resolveCatalogue: resolveTestCatalogue }));
    expect(read.consolidated).toEqual({ over: "units", parts: 3 });
    expect(read.figures.get("hs_nhan")?.value).toEqual({ type: "number", value: 190 });
    expect(
      ok(await readFigureFile(units[0], { resolveCatalogue: resolveTestCatalogue })).consolidated,
    ).toBeUndefined();

    // Read again among its own units, it is refused and the totals stay those of the three.
    const again = await consolidateFiles([...units, result], { resolveCatalogue: resolveTestCatalogue });
    expect(again.outcome.files.find((f) => f.source === result)?.reason).toBe(
      "Tệp là kết quả tổng hợp của 3 đơn vị (có trang «Tổng hợp theo đơn vị»), không phải báo cáo của một đơn vị: hãy tổng hợp từ chính các tệp của các đơn vị.",
    );
    expect(again.outcome.result!.values.hs_nhan).toBe(190);
  });

  it("over periods: marked as such, and still a unit's report over units", async () => {
    const base = { ...THREE_UNITS[0], nam: 2026 };
    const half = path.join(dir, "mark-6thang.xlsx");
    const q3 = path.join(dir, "mark-quy3.xlsx");
    await writeUnitFile(half, { ...base, ky_bao_cao: "6 tháng" });
    await writeUnitFile(q3, { ...base, ky_bao_cao: "Quý III" });
    const { plans } = await consolidateFiles([half, q3], {
      resolveCatalogue: resolveTestCatalogue,
      target: { period: "9 tháng", year: 2026 },
    });
    const nine = path.join(dir, "mark-9thang.xlsx");
    await writeConsolidatedWorkbook(plans!, nine, { overwrite: false });
    const read = ok(await readFigureFile(nine, { resolveCatalogue: resolveTestCatalogue }));
    expect(read.consolidated).toEqual({ over: "periods", parts: 2 });
    const { outcome } = await consolidateFiles([nine], { resolveCatalogue: resolveTestCatalogue });
    expect(outcome.files[0].included).toBe(true);
    expect(outcome.result!.values.hs_nhan).toBe(200);
  });
});
