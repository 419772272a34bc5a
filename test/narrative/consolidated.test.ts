/**
 * The draft of a consolidation's result (issue 19, session 9): a Sở Nội vụ's consolidation of its
 * communes speaks of the communes together where the form's sentences name the unit's level
 * («Ủy ban nhân dân {cap:co_quan}»), and its data period names them as those that began on
 * 1/7/2025; the Sở's own level («tỉnh», read from «SỞ NỘI VỤ TỈNH …») is never credited with their
 * sums. A result over periods of one unit is still that unit's report. Real files: unit workbooks
 * written, consolidated by `cchc consolidate`, read back as `cchc draft` reads them.
 */
import * as fs from "fs";
import * as path from "path";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { builtinCatalogue } from "../../src/core/catalogue";
import { sampleOf } from "../../src/core/catalogue/sample";
import { runsText, type DraftDocument, type DraftParagraph } from "../../src/core/narrative";
import { draftWorkbook } from "../../src/core/workbook/draft";
import { readDraftSource } from "../../src/xlsx/node/draftInput";
import { writeUnitFile } from "../support/consolidation";
import { findWorksheet, sheetGrid } from "../support/excelJsWorkbook";
import { makeTempDir, readBack, removeTempDir } from "../support/xlsx";

const XA = builtinCatalogue("xa-2025")!;
const SAMPLE = sampleOf("xa-2025")!.figures as Record<string, string | number>;
const GENERATED = new Date(2025, 9, 10);

let dir: string;
beforeAll(() => {
  dir = makeTempDir("cchc-draft-consolidated-");
});
afterAll(() => removeTempDir(dir));

const texts = (draft: DraftDocument) =>
  draft.body.filter((b): b is DraftParagraph => b.kind === "paragraph").map((p) => runsText(p.runs));

async function consolidate(out: string, args: string[]): Promise<void> {
  const io = bufferIo();
  const status = await main(["consolidate", "-o", out, ...args], io);
  expect([status, io.stderr, io.stdout]).toEqual([0, "", expect.not.stringContaining("lỗi số liệu")]);
}

async function draftOf(file: string, withAppendices = false) {
  const source = await readDraftSource(file);
  return {
    source,
    ...draftWorkbook(source.reading, source.catalogue, { generatedAt: GENERATED, withAppendices }),
  };
}

describe("the draft of a Sở's consolidation over its communes", () => {
  let consolidated: Awaited<ReturnType<typeof draftOf>>;
  let unit: Awaited<ReturnType<typeof draftOf>>;

  beforeAll(async () => {
    const units: Array<Record<string, string | number>> = [
      { co_quan: "ỦY BAN NHÂN DÂN XÃ CAM LỘ", qppl_banhanh: 2, dvsn_so: 3, vb_di: 1850 },
      { co_quan: "ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HÀ", qppl_banhanh: 3, dvsn_so: 4, vb_di: 2150 },
      {
        co_quan: "ỦY BAN NHÂN DÂN XÃ GIO LINH",
        qppl_banhanh: 1,
        dvsn_so: 2,
        vb_di: 1800,
        vb_di_dientu: 1750,
      },
      {
        co_quan: "ỦY BAN NHÂN DÂN ĐẶC KHU CỒN CỎ",
        qppl_banhanh: 2,
        dvsn_so: 3,
        vb_di: 1600,
        vb_di_dientu: 1550,
      },
    ];
    const folder = path.join(dir, "vao");
    fs.mkdirSync(folder);
    for (const [i, own] of units.entries())
      await writeUnitFile(path.join(folder, `don-vi-${i + 1}.xlsx`), { ...SAMPLE, ...own }, XA);
    const out = path.join(dir, "tonghop.xlsx");
    await consolidate(out, [folder, "--co-quan", "SỞ NỘI VỤ TỈNH QUẢNG TRỊ"]);
    consolidated = await draftOf(out, true);
    unit = await draftOf(path.join(folder, "don-vi-1.xlsx"));
  }, 120_000);

  it("is read as a result over units", () => {
    expect(consolidated.source.reading.consolidatedOver).toBe("units");
    expect(unit.source.reading.consolidatedOver).toBeUndefined();
  });

  it("credits the communes together with their sums, never the province", () => {
    const all = texts(consolidated.draft);
    expect(all).toContain(
      "Hội đồng nhân dân, Ủy ban nhân dân các xã, phường, đặc khu ban hành 8 văn bản quy phạm pháp luật; rà soát 20 văn bản quy phạm pháp luật.",
    );
    expect(
      all.some((t) =>
        t.startsWith("Ủy ban nhân dân các xã, phường, đặc khu có 12 đơn vị sự nghiệp công lập;"),
      ),
    ).toBe(true);
    expect(
      all.some((t) => t.startsWith("Văn bản đi của Ủy ban nhân dân các xã, phường, đặc khu: 7.400 văn bản;")),
    ).toBe(true);
    expect(all.join("\n")).not.toMatch(/nhân dân tỉnh/);
    expect(
      all.some((t) =>
        t.startsWith("Số thủ tục hành chính thuộc thẩm quyền giải quyết của các xã, phường, đặc khu:"),
      ),
    ).toBe(true);
    // The Sở still reports in its own name.
    expect(all[0]).toMatch(
      /^Sở Nội vụ tỉnh Quảng Trị báo cáo kết quả thực hiện công tác cải cách hành chính quý III năm 2025/,
    );
  });

  it("says the data period starts the day the communes began, in the text and in Phụ lục I", () => {
    expect(texts(consolidated.draft)[0]).toContain(
      "(số liệu tính từ ngày 1/7/2025, ngày các xã, phường, đặc khu bắt đầu hoạt động, đến ngày 14/9/2025)",
    );
    const appendix = consolidated.draft.appendices[0].titleLines.map(runsText);
    expect(appendix).toContain(
      "(Số liệu tính từ ngày 1/7/2025, ngày các xã, phường, đặc khu bắt đầu hoạt động, đến ngày 14/9/2025)",
    );
  });

  it("and `cchc report` of the result says so in its Phụ lục I too", async () => {
    const out = path.join(dir, "tonghop-report.xlsx");
    fs.copyFileSync(path.join(dir, "tonghop.xlsx"), out);
    const io = bufferIo();
    expect(await main(["report", out], io)).toBe(0);
    const grid = sheetGrid(findWorksheet(await readBack(out), "Phụ lục I")!, "values").flat();
    expect(grid).toContain(
      "(Số liệu tính từ ngày 1/7/2025, ngày các xã, phường, đặc khu bắt đầu hoạt động, đến ngày 14/9/2025)",
    );
  });

  it("leaves a single commune's draft as it was", () => {
    const all = texts(unit.draft);
    expect(all).toContain(
      "Hội đồng nhân dân, Ủy ban nhân dân xã ban hành 2 văn bản quy phạm pháp luật; rà soát 5 văn bản quy phạm pháp luật.",
    );
    expect(
      all.some((t) => t.startsWith("Số thủ tục hành chính thuộc thẩm quyền giải quyết của xã: 325 thủ tục")),
    ).toBe(true);
    expect(all[0]).toContain(
      "(số liệu tính từ ngày 1/7/2025, ngày đơn vị bắt đầu hoạt động, đến ngày 14/9/2025)",
    );
  });
});

describe("the draft of a consolidation over periods of one commune", () => {
  it("is still that commune's report, in its own level's words", async () => {
    const folder = path.join(dir, "ky");
    fs.mkdirSync(folder);
    await writeUnitFile(
      path.join(folder, "quy-3.xlsx"),
      { ...SAMPLE, co_quan: "ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HÀ" },
      XA,
    );
    await writeUnitFile(
      path.join(folder, "quy-4.xlsx"),
      { ...SAMPLE, co_quan: "ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HÀ", ky_bao_cao: "Quý IV" },
      XA,
    );
    const out = path.join(dir, "6-thang.xlsx");
    await consolidate(out, ["--ky", "6 tháng cuối năm", "--nam", "2025", folder]);
    const { source, draft } = await draftOf(out);
    expect(source.reading.consolidatedOver).toBe("periods");
    const all = texts(draft);
    expect(
      all.some((t) => t.startsWith("Hội đồng nhân dân, Ủy ban nhân dân phường ban hành 4 văn bản")),
    ).toBe(true);
    expect(all[0]).toContain("ngày đơn vị bắt đầu hoạt động");
  }, 120_000);
});
