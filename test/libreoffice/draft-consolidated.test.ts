/**
 * The Word draft of a Sở's consolidation with its appendices, opened by LibreOffice Writer (issue
 * 19, session 9): four communes of the xa-2025 form consolidated with `--co-quan "SỞ NỘI VỤ TỈNH
 * QUẢNG TRỊ"`, drafted with `--with-appendices`, converted to PDF; poppler reads what a recipient
 * would see. The issuing body breaks before the province, never inside its name; Phụ lục I.1 and
 * I.2 are on landscape pages as in the workbook's report, so their headers wrap between words.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { builtinCatalogue } from "../../src/core/catalogue";
import { sampleOf } from "../../src/core/catalogue/sample";
import { draftWorkbook } from "../../src/core/workbook/draft";
import { draftDocxBytes } from "../../src/docx/draftDocx";
import { readDraftSource } from "../../src/xlsx/node/draftInput";
import { writeUnitFile } from "../support/consolidation";
import { convert, describeWithPrograms, makeProfile, soffice } from "../support/libreoffice";
import { makeTempDir, removeTempDir } from "../support/xlsx";

const XA = builtinCatalogue("xa-2025")!;
const SAMPLE = sampleOf("xa-2025")!.figures as Record<string, string | number>;

const describeWriter = describeWithPrograms("test/libreoffice/draft-consolidated.test.ts (Word draft)", [
  "libreoffice",
  "writer",
  "poppler",
]);

describeWriter("the Word draft of a Sở's consolidation through LibreOffice Writer", () => {
  let dir: string;
  let pdf: string;
  /** Each page's text as laid out (pdftotext -layout). */
  let pages: string[];

  beforeAll(async () => {
    dir = makeTempDir("cchc-draft-tonghop-");
    const folder = path.join(dir, "vao");
    fs.mkdirSync(folder);
    const names = ["XÃ CAM LỘ", "PHƯỜNG ĐÔNG HÀ", "XÃ GIO LINH", "ĐẶC KHU CỒN CỎ"];
    for (const [i, name] of names.entries())
      await writeUnitFile(
        path.join(folder, `don-vi-${i + 1}.xlsx`),
        {
          ...SAMPLE,
          co_quan: `ỦY BAN NHÂN DÂN ${name}`,
          co_quan_cap_tren: "UBND TỈNH QUẢNG TRỊ",
          tinh: "Quảng Trị",
        },
        XA,
      );
    const result = path.join(dir, "tonghop.xlsx");
    const io = bufferIo();
    expect(
      await main(["consolidate", "-o", result, folder, "--co-quan", "SỞ NỘI VỤ TỈNH QUẢNG TRỊ"], io),
    ).toBe(0);
    const source = await readDraftSource(result);
    const { draft } = draftWorkbook(source.reading, source.catalogue, {
      withAppendices: true,
      generatedAt: new Date(2025, 9, 10),
    });
    fs.writeFileSync(path.join(dir, "bc.docx"), await draftDocxBytes(draft));
    convert(soffice(), makeProfile(dir), "pdf", path.join(dir, "pdf"), [path.join(dir, "bc.docx")]);
    pdf = path.join(dir, "pdf", "bc.pdf");
    expect(fs.existsSync(pdf)).toBe(true);
    const run = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    pages = run.stdout.split("\f");
  }, 240_000);
  afterAll(() => removeTempDir(dir));

  it("breaks the Sở's name before the province, never inside it", () => {
    const lines = pages[0].split("\n").map((l) => l.trim());
    // Under the body above it, which every unit names above itself (the Sở's too).
    expect(lines.some((l) => /^UBND TỈNH QUẢNG TRỊ\s{2,}CỘNG HÒA/.test(l))).toBe(true);
    expect(lines.some((l) => /^SỞ NỘI VỤ\s{2,}Độc lập/.test(l))).toBe(true);
    expect(lines).toContain("TỈNH QUẢNG TRỊ");
    // Dated at the province the units name (Nghị định 30: a provincial body's place name).
    expect(pages[0]).toMatch(/Quảng Trị, ngày … tháng … năm 2025/);
    expect(pages[0]).not.toMatch(/QUẢNG\s*\n\s*TRỊ/);
    // The units' figures are theirs: «Ủy ban nhân dân các xã, phường, đặc khu».
    expect(pages.join(" ").replace(/\s+/g, " ")).toContain(
      "Hội đồng nhân dân, Ủy ban nhân dân các xã, phường, đặc khu ban hành 8 văn bản quy phạm pháp luật",
    );
  });

  it("prints Phụ lục I.1 and I.2 on landscape pages, as the workbook's report does, the rest portrait", () => {
    const info = spawnSync("pdfinfo", ["-f", "1", "-l", "99", pdf], { encoding: "utf8" }).stdout;
    const sizes = [...info.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)].map((m) =>
      Number(m[2]) > Number(m[3]) ? "ngang" : "dọc",
    );
    const byField = pages.findIndex((page) => page.includes("Phụ lục I.1"));
    const byAuthority = pages.findIndex((page) => page.includes("Phụ lục I.2"));
    const statistics = pages.findIndex((page) => /Phụ lục I\s*\n/.test(page));
    expect(byField).toBeGreaterThan(statistics);
    expect(byAuthority).toBeGreaterThan(byField);
    expect([sizes[statistics], sizes[byField], sizes[byAuthority]]).toEqual(["dọc", "ngang", "ngang"]);
    expect(sizes.slice(0, statistics).every((s) => s === "dọc")).toBe(true);
  });

  it("wraps the appendices' column headers between words", () => {
    const appendices = pages.filter((page) => /Phụ lục I\.[12]/.test(page)).join("\n");
    const words = appendices.split(/\s+/);
    for (const word of ["STT", "Trước", "Trong", "hạn", "tuyến", "giải", "quyết"])
      expect(words).toContain(word);
    // Pieces of a word broken at a column's edge («Trướ c hạn», «Tron g hạn», «ST T»).
    for (const piece of ["Trướ", "Tron", "ST", "T", "c", "g", "yến", "quyế"])
      expect(words).not.toContain(piece);
  });
});
