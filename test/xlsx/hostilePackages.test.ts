/**
 * Issue 20, «Bounded cost for any file»: hostile packages, each generated here from the sample
 * workbook, cost every command no more than the sample does, or are refused in one Vietnamese
 * line naming the part (exit 2), by the one zip reader and the one XML vetting of the package
 * layer (src/xlsx/zip/zipArchive.ts, partLimits.ts):
 * - a zip bomb in a part that is not ours is never inflated (peak memory of `check` and
 *   `install` measured in a child process) and is written back as its compressed bytes;
 * - a part past the size limit, or whose declared CRC or size is a lie, is refused;
 * - two entries of one name are refused;
 * - XML nested 200,000 deep is refused in well under a second (it took minutes);
 * - a DTD is refused alike by check, install, report and the consolidation's reader.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { inflateRawSync } from "zlib";
import { main } from "../../src/cli/main";
import { DocumentReadError, docxParagraphs } from "../../src/docx/readText";
import { bufferIo } from "../../src/cli/io";
import { readFigureWorkbook } from "../../src/xlsx/figureReader/read";
import { createTemplateFile } from "../../src/xlsx/node/operations";
import { MAX_PART_BYTES } from "../../src/xlsx/zip/partLimits";
import { PackageReader } from "../../src/xlsx/package/readPackage";
import { XlsxPackage } from "../../src/xlsx/package/xlsxPackage";
import { BIN, ensureCliBuilt, ROOT } from "../support/cliBuild";
import { bombEntry, buildZip, deflatedEntry, rawEntries, type RawZipEntry } from "../support/hostileZip";
import { makeTempDir, removeTempDir } from "../support/xlsx";

const PROBE = path.join(ROOT, "scripts", "bench", "rss-probe.js");
/** The part holding `_CCHC`'s meta in the sample (read by every command): found, not assumed. */
let META_SHEET: string;

let dir: string;
let sample: Buffer;
let entries: RawZipEntry[];

beforeAll(async () => {
  dir = makeTempDir("cchc-hostile-");
  const file = path.join(dir, "mau.xlsx");
  await createTemplateFile(file, { sample: true, overwrite: true });
  sample = fs.readFileSync(file);
  META_SHEET = new PackageReader(XlsxPackage.fromBytes(sample)).findSheet("_CCHC")!.part!;
  entries = rawEntries(sample).filter((e) => !e.name.endsWith("/"));
  ensureCliBuilt();
}, 120_000);
afterAll(() => removeTempDir(dir));

/** Writes a variant of the sample (or of `base`'s entries): entries replaced by name, others added at the end. */
function variant(
  name: string,
  change: (list: RawZipEntry[]) => RawZipEntry[],
  base: readonly RawZipEntry[] = entries,
): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, buildZip(change(base.map((e) => ({ ...e })))));
  return file;
}

/** The sample (or `base`) with one part's XML rewritten. */
function withXml(
  name: string,
  part: string,
  edit: (xml: string) => string,
  base: readonly RawZipEntry[] = entries,
): string {
  const xml = (list: RawZipEntry[]) => {
    const entry = list.find((e) => e.name === part)!;
    return inflateRawSync(entry.data).toString("utf8");
  };
  return variant(
    name,
    (list) => list.map((e) => (e.name === part ? deflatedEntry(part, edit(xml(list))) : e)),
    base,
  );
}

/** `cchc …` in a fresh node, as a user runs it: exit code, stderr, peak resident memory (MB). */
function cchc(...args: string[]): { status: number | null; stderr: string; mb: number } {
  const rssFile = path.join(dir, `rss-${process.pid}.txt`);
  fs.rmSync(rssFile, { force: true });
  const run = spawnSync(process.execPath, ["-r", PROBE, BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, CCHC_BENCH_RSS_FILE: rssFile },
    timeout: 120_000,
  });
  const kb = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, "utf8")) : NaN;
  return { status: run.status, stderr: run.stderr, mb: kb / 1024 };
}

/** `cchc …` inside this process: exit code and stderr. */
async function cchcHere(...args: string[]): Promise<{ code: number; stderr: string }> {
  const io = bufferIo();
  const code = await main(args, io);
  return { code, stderr: io.stderr };
}

describe("a zip bomb in a part that is not ours", () => {
  const MIB = 400;
  let bomb: RawZipEntry;
  let file: string;

  beforeAll(() => {
    bomb = bombEntry("xl/media/unused.bin", MIB);
    file = variant("bom.xlsx", (list) => [...list, bomb]);
  });

  it("is a small file holding hundreds of MB", () => {
    expect(fs.statSync(file).size).toBeLessThan(sample.length + 1024 * 1024);
    expect(bomb.size).toBe(MIB * 1024 * 1024);
  });

  it("costs check and install no more memory than the plain sample (never inflated)", () => {
    const plain = path.join(dir, "plain.xlsx");
    fs.writeFileSync(plain, sample);
    const base = cchc("check", plain);
    const checked = cchc("check", file);
    expect([checked.status, base.status]).toEqual([0, 0]);
    // Inflating the part would cost at least its 400 MB; the sample's run is some 100 MB.
    expect(checked.mb).toBeLessThan(base.mb * 1.5);

    const baseInstall = cchc("install", plain);
    const installed = cchc("install", file);
    expect([installed.status, baseInstall.status]).toEqual([0, 0]);
    expect(installed.mb).toBeLessThan(baseInstall.mb * 1.5);
  }, 120_000);

  it("is written back as its compressed bytes, CRC and size: the workbook stays small", async () => {
    const target = path.join(dir, "bom-cai.xlsx");
    fs.copyFileSync(file, target);
    expect((await cchcHere("install", target)).code).toBe(0);
    expect(fs.statSync(target).size).toBeLessThan(sample.length + 1024 * 1024);
    const kept = rawEntries(fs.readFileSync(target)).find((e) => e.name === bomb.name)!;
    expect(Buffer.from(kept.data).equals(Buffer.from(bomb.data))).toBe(true);
    expect([kept.crc, kept.size, kept.method]).toEqual([bomb.crc, bomb.size, bomb.method]);
  });
});

describe("a bomb of 4 GiB or more (zip64 sizes) in a part that is not ours", () => {
  it("check reads the workbook; install refuses by name rather than write a cut size", async () => {
    const bomb = bombEntry("xl/media/lon.bin", 4200);
    const file = variant("bom-zip64.xlsx", (list) => [...list, bomb]);
    const before = fs.readFileSync(file);
    expect((await cchcHere("check", file)).code).toBe(0);
    const run = await cchcHere("install", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`phần "xl/media/lon.bin" giải nén ra hơn 256 MB`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  }, 60_000);
});

describe("a part the command must read that inflates past the limit", () => {
  it("a sheet of 600 MiB of white space is refused by name, exit 2, no internal error", () => {
    const file = variant("trang-khoang-trang.xlsx", (list) =>
      list.map((e) => (e.name === META_SHEET ? bombEntry(META_SHEET, 600, 0x20) : e)),
    );
    expect(600 * 1024 * 1024).toBeGreaterThan(MAX_PART_BYTES);
    const run = cchc("check", file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`phần "${META_SHEET}" giải nén ra hơn 256 MB`);
    expect(run.stderr).not.toMatch(/lỗi nội bộ|lỗi bên trong/);
    expect(run.mb).toBeLessThan(300);
    expect(readFigureWorkbook(fs.readFileSync(file), file)).toMatchObject({
      ok: false,
      reason: expect.stringContaining(`phần "${META_SHEET}" giải nén ra hơn 256 MB`),
    });
  }, 60_000);

  it("a part that declares a small size but inflates to 300 MiB is cut off at once and refused", async () => {
    const file = variant("noi-doi-co.xlsx", (list) =>
      list.map((e) => (e.name === META_SHEET ? { ...bombEntry(META_SHEET, 300, 0x20), size: 7625 } : e)),
    );
    const before = fs.readFileSync(file);
    const started = performance.now();
    const run = await cchcHere("install", file);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`phần "${META_SHEET}" bị hỏng: kích thước`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // The pane's reader (fflate's inflate, not Node's) stops it alike.
    const paneStarted = performance.now();
    expect(readFigureWorkbook(before, file)).toMatchObject({
      ok: false,
      reason: expect.stringContaining(`phần "${META_SHEET}" bị hỏng: kích thước`),
    });
    expect(performance.now() - paneStarted).toBeLessThan(5_000);
  });
});

describe("a part whose CRC or size is a lie", () => {
  it("a wrong CRC is refused naming the part (it was read, and written back with a new CRC)", async () => {
    const file = variant("crc.xlsx", (list) =>
      list.map((e) => (e.name === "xl/workbook.xml" ? { ...e, crc: (e.crc ^ 1) >>> 0 } : e)),
    );
    for (const command of ["check", "install", "report"]) {
      const run = await cchcHere(command, file);
      expect([command, run.code]).toEqual([command, 2]);
      expect(run.stderr).toContain(`phần "xl/workbook.xml" bị hỏng: dữ liệu không khớp mã kiểm tra (CRC)`);
    }
    expect(readFigureWorkbook(fs.readFileSync(file), file)).toMatchObject({
      ok: false,
      reason: expect.stringContaining(`phần "xl/workbook.xml" bị hỏng`),
    });
  });

  it("a declared size shorter than the data is refused (it was silently cut)", async () => {
    const file = variant("co.xlsx", (list) =>
      list.map((e) => (e.name === META_SHEET ? { ...e, size: e.size - 100 } : e)),
    );
    const run = await cchcHere("check", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`phần "${META_SHEET}" bị hỏng: kích thước`);
  });
});

describe("two entries of one name", () => {
  it("are refused by every command, naming the entry; the file is not touched", async () => {
    const file = variant("trung-ten.xlsx", (list) => [
      ...list,
      deflatedEntry("xl/media/anh.png", "một"),
      deflatedEntry("xl/media/anh.png", "hai"),
    ]);
    const before = fs.readFileSync(file);
    for (const command of ["check", "install", "report"]) {
      const run = await cchcHere(command, file);
      expect([command, run.code]).toEqual([command, 2]);
      expect(run.stderr).toContain(`tệp nén có hai mục cùng tên "xl/media/anh.png"`);
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(readFigureWorkbook(before, file)).toMatchObject({
      ok: false,
      reason: expect.stringContaining(`hai mục cùng tên "xl/media/anh.png"`),
    });
  });
});

describe("XML nested 200,000 deep (a 31 KB workbook that took minutes)", () => {
  const DEPTH = 200_000;
  let file: string;
  beforeAll(() => {
    file = withXml("long-sau.xlsx", META_SHEET, (xml) =>
      xml.replace("</worksheet>", `${"<x>".repeat(DEPTH)}${"</x>".repeat(DEPTH)}</worksheet>`),
    );
  });

  it("is small on disk", () => expect(fs.statSync(file).size).toBeLessThan(sample.length + 64 * 1024));

  it.each(["check", "install", "report"])(
    "%s refuses it within seconds (it took minutes), naming the part",
    async (command) => {
      const started = performance.now();
      const run = await cchcHere(command, file);
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`phần "${META_SHEET}" có các thẻ XML lồng nhau sâu hơn 256 tầng`);
    },
  );

  it("the consolidation's reader refuses it alike", () => {
    const started = performance.now();
    const entry = readFigureWorkbook(fs.readFileSync(file), file);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(entry).toMatchObject({ ok: false, reason: expect.stringContaining(`lồng nhau sâu hơn 256 tầng`) });
  });

  it("a depth any workbook has (the sample's own sheets, 20 more levels) is read", async () => {
    const fine = withXml("sau-vua.xlsx", META_SHEET, (xml) =>
      xml.replace("</worksheet>", `<extLst>${"<x>".repeat(20)}${"</x>".repeat(20)}</extLst></worksheet>`),
    );
    expect((await cchcHere("check", fine)).code).toBe(0);
  });
});

describe("a DTD in the shared strings", () => {
  // A workbook saved by LibreOffice, whose cells use a shared-strings part (cchc writes none).
  const edited = path.join(__dirname, "..", "fixtures", "cases", "inserted-column.xlsx");
  const variants: Array<[string, string]> = [
    ["plain", "<!DOCTYPE sst>"],
    ["with an unused entity", '<!DOCTYPE sst [<!ENTITY x "y">]>'],
    ["external (XXE)", '<!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>'],
  ];
  it.each(variants)(
    "%s: check, install, report and the consolidation all refuse it",
    async (_label, doctype) => {
      const base = rawEntries(fs.readFileSync(edited)).filter((e) => !e.name.endsWith("/"));
      const file = withXml(
        `dtd-${_label.length}.xlsx`,
        "xl/sharedStrings.xml",
        (xml) => xml.replace(/(<\?xml[^>]*\?>\s*)?/, (head) => `${head}${doctype}`),
        base,
      );
      for (const command of ["check", "install", "report"]) {
        const run = await cchcHere(command, file);
        expect([command, run.code]).toEqual([command, 2]);
        expect(run.stderr).toContain(`phần "xl/sharedStrings.xml" có khai báo DOCTYPE`);
      }
      expect(readFigureWorkbook(fs.readFileSync(file), file)).toMatchObject({
        ok: false,
        reason: expect.stringContaining(`phần "xl/sharedStrings.xml" có khai báo DOCTYPE`),
      });
    },
  );
});

describe("a DTD in a part no command reads (custom document properties)", () => {
  it("is never parsed: the part is copied as it is and check reads the workbook", async () => {
    const edited = path.join(__dirname, "..", "fixtures", "cases", "inserted-column.xlsx");
    const base = rawEntries(fs.readFileSync(edited)).filter((e) => !e.name.endsWith("/"));
    expect(base.map((e) => e.name)).toContain("docProps/custom.xml");
    const file = withXml(
      "dtd-custom.xlsx",
      "docProps/custom.xml",
      (xml) => xml.replace(/(<\?xml[^>]*\?>\s*)?/, (head) => `${head}<!DOCTYPE a [<!ENTITY x "y">]>`),
      base,
    );
    const custom = rawEntries(fs.readFileSync(file)).find((e) => e.name === "docProps/custom.xml")!;
    expect(inflateRawSync(custom.data).toString("utf8")).toContain("<!DOCTYPE a");
    expect((await cchcHere("check", file)).code).toBe(0);
  });
});

describe("the proofreader's .docx reader goes through the same zip reader", () => {
  const rels =
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const docx = (body: RawZipEntry) =>
    buildZip([deflatedEntry("[Content_Types].xml", "<Types/>"), deflatedEntry("_rels/.rels", rels), body]);

  it("reads a plain document", () => {
    const body =
      '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Đạt 90%.</w:t></w:r></w:p></w:body></w:document>';
    expect(docxParagraphs(docx(deflatedEntry("word/document.xml", body)))).toEqual(["Đạt 90%."]);
  });

  it("refuses a 600 MiB body, a lying size and deep nesting, naming the part", () => {
    expect(() => docxParagraphs(docx(bombEntry("word/document.xml", 600, 0x20)))).toThrow(
      new DocumentReadError(
        `Không đọc tệp: phần "word/document.xml" giải nén ra hơn 256 MB, lớn hơn mọi bảng tính hay văn bản thật (có thể là tệp «bom nén») nên cchc không đọc.`,
      ),
    );
    expect(() => docxParagraphs(docx({ ...bombEntry("word/document.xml", 300, 0x20), size: 1000 }))).toThrow(
      /phần "word\/document.xml" bị hỏng: kích thước/,
    );
    const deep = `<w:document xmlns:w="w">${"<w:p>".repeat(200_000)}${"</w:p>".repeat(200_000)}</w:document>`;
    expect(() => docxParagraphs(docx(deflatedEntry("word/document.xml", deep)))).toThrow(
      /phần "word\/document.xml" có các thẻ XML lồng nhau sâu hơn 256 tầng/,
    );
  });
});
