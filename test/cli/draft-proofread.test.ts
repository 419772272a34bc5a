/**
 * Issue 18, «What must be shown»: the draft of each built-in sample passes its own proofreading.
 * The compiled bin in child processes, as staff run it: `cchc template --sample`, `cchc draft`
 * (alone, with the appendices, with a compared workbook of last year so the comparison sentences
 * «tăng 12 hồ sơ (+0,83%) so với …» are written), then `cchc proofread` on the .docx, with and
 * without `--figures` the same workbook: exit 0 and nothing found every time.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { BIN, ensureCliBuilt } from "../support/cliBuild";
import { makeTempDir, namedCell, readBack, removeTempDir } from "../support/xlsx";
import { saveWorkbookFile } from "../support/excelJsWorkbook";

let dir: string;

function cchc(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, CCHC_DEBUG: "" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The text of a .docx's body, one paragraph a line. */
function docxText(file: string): string {
  const xml = strFromU8(unzipSync(fs.readFileSync(path.join(dir, file)))["word/document.xml"]);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => p[0].replace(/<[^>]+>/g, ""))
    .filter(Boolean)
    .join("\n");
}

/** A copy of a workbook with some named cells typed over. */
async function edited(from: string, to: string, values: Record<string, number>) {
  const workbook = await readBack(path.join(dir, from));
  for (const [name, value] of Object.entries(values)) namedCell(workbook, name).value = value;
  await saveWorkbookFile(workbook, path.join(dir, to), { overwrite: true });
}

/**
 * A copy of a .docx with its first printed percentage one point higher (`60,00%` → `61,00%`):
 * the proofreader must then find it, so a clean result above is not one that reads nothing.
 */
function tampered(from: string, to: string): string {
  const parts = unzipSync(fs.readFileSync(path.join(dir, from)));
  const xml = strFromU8(parts["word/document.xml"]);
  const first = /(\d+),(\d\d)%/.exec(xml)!;
  const wrong = `${Number(first[1]) + 1},${first[2]}%`;
  parts["word/document.xml"] = strToU8(xml.replace(first[0], wrong));
  fs.writeFileSync(path.join(dir, to), zipSync(parts));
  return wrong;
}

const NOTHING = {
  status: 0,
  stderr: "",
  stdout: "Không thấy tỷ lệ hay số liệu nào sai trong văn bản.\n",
};

/** Each sample, last year's figures changed, and comparison sentences the draft must then write. */
const SAMPLES: Array<{ catalogue: string; lastYear: Record<string, number>; comparisons: string[] }> = [
  {
    catalogue: "xa-2025",
    lastYear: {
      CCHC_NAM: 2024,
      CCHC_HS_TIEPNHAN: 1438,
      CCHC_HS_TRUOCHAN: 600,
      CCHC_HS_DAGQ: 1280,
      CCHC_KH_HT: 15,
      CCHC_NS_THU: 14000.5,
      CCHC_VB_CHIDAO: 8,
      CCHC_VB_DI_DIENTU: 1700,
    },
    comparisons: [
      "Tiếp nhận 1.450 hồ sơ thủ tục hành chính, tăng 12 hồ sơ (+0,83%) so với cùng kỳ năm 2024",
      "giảm 2 văn bản (-25,00%) so với cùng kỳ năm 2024",
      "đạt 60,00%, tăng 10 điểm phần trăm so với cùng kỳ năm 2024",
    ],
  },
  {
    catalogue: "huyen-2021",
    lastYear: {
      CCHC_NAM: 2020,
      CCHC_HS_TONG: 1105,
      CCHC_KH_HOANTHANH: 20,
      CCHC_NS_THU: 180.25,
      CCHC_VB_CHIDAO: 15,
    },
    comparisons: [
      "1.117 hồ sơ, tăng 12 hồ sơ (+1,09%) so với cùng kỳ năm 2020",
      "tăng 5 văn bản (+33,33%) so với cùng kỳ năm 2020",
      "đạt 51,06%, tăng 8,51 điểm phần trăm so với cùng kỳ năm 2020",
    ],
  },
];

beforeAll(() => {
  ensureCliBuilt();
  dir = makeTempDir("cchc-draft-proofread-");
}, 180_000);
afterAll(() => removeTempDir(dir));

describe.each(SAMPLES)("the draft of the $catalogue sample passes its own proofreading", (sample) => {
  const book = `${sample.catalogue}.xlsx`;
  const earlier = `${sample.catalogue}-nam-truoc.xlsx`;

  beforeAll(async () => {
    expect(cchc("template", "-o", book, "--catalogue", sample.catalogue, "--sample").status).toBe(0);
    await edited(book, earlier, sample.lastYear);
  }, 60_000);

  it("as drafted: nothing found, with or without --figures; a percentage made wrong is found", () => {
    const docx = `${sample.catalogue}.docx`;
    expect(cchc("draft", book, "-o", docx).status).toBe(0);
    expect(docxText(docx)).toMatch(/đạt \d+,\d\d%/);
    expect(cchc("proofread", docx)).toEqual(NOTHING);
    expect(cchc("proofread", docx, "--figures", book)).toEqual(NOTHING);
    const wrong = tampered(docx, `${sample.catalogue}-sai.docx`);
    const found = cchc("proofread", `${sample.catalogue}-sai.docx`);
    expect(found.status).toBe(1);
    expect(found.stdout).toContain(`ghi ${wrong} là sai`);
  });

  it("with the appendices' tables: nothing found, with or without --figures", () => {
    const docx = `${sample.catalogue}-phu-luc.docx`;
    expect(cchc("draft", book, "-o", docx, "--with-appendices").status).toBe(0);
    expect(docxText(docx)).toContain("Phụ lục I");
    expect(cchc("proofread", docx)).toEqual(NOTHING);
    expect(cchc("proofread", docx, "--figures", book)).toEqual(NOTHING);
  });

  it("compared with last year's workbook: the comparisons written, nothing found", () => {
    const docx = `${sample.catalogue}-so-sanh.docx`;
    expect(cchc("draft", book, "-o", docx, "--compare", earlier).status).toBe(0);
    const text = docxText(docx);
    for (const sentence of sample.comparisons) expect(text).toContain(sentence);
    expect(cchc("proofread", docx)).toEqual(NOTHING);
    expect(cchc("proofread", docx, "--figures", book)).toEqual(NOTHING);
  });
});
