/**
 * The steering team's failing cases of 2026-11-30 (test/fixtures/cases/README.md), each run
 * through the real command line (`main` with a buffer for its output) on a temporary copy, as a
 * user would, and held to the README's "what must happen" column with known answers. `check`
 * never changes the file it reads (byte for byte).
 */
import * as fs from "fs";
import * as path from "path";
import { unzipSync, strFromU8 } from "fflate";
import { DOMParser } from "@xmldom/xmldom";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { checkFile } from "../../src/xlsx/node/operations";
import { makeTempDir, removeTempDir } from "../support/xlsx";

const CASES = path.join(__dirname, "..", "fixtures", "cases");
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

let dir: string;
let sample: string;

beforeAll(async () => {
  dir = makeTempDir("cchc-cases-");
  // The pristine sample the two LibreOffice edits started from (the district form).
  sample = path.join(dir, "mau.xlsx");
  expect(await main(["template", "-o", sample, "--sample", "--catalogue", "huyen-2021"], bufferIo())).toBe(0);
});
afterAll(() => removeTempDir(dir));

let copies = 0;
/** A writable temporary copy of a case file (a user's own file is writable, whatever the fixture's mode). */
function caseCopy(name: string): string {
  const file = path.join(dir, `${++copies}-${name}`);
  fs.copyFileSync(path.join(CASES, name), file);
  fs.chmodSync(file, 0o644);
  return file;
}

/** `cchc ARGS…`: exit code and what it printed. */
async function cchc(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = bufferIo();
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

interface JsonFinding {
  severity: string;
  ids: string[];
  cells: string[];
  message: string;
}

/** `cchc check FILE --json`, asserting the file was read only (byte-identical afterwards). */
async function checkJson(file: string): Promise<{ code: number; findings: JsonFinding[] }> {
  const before = fs.readFileSync(file);
  const run = await cchc("check", file, "--json");
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  expect(run.stderr).toBe("");
  return { code: run.code, findings: (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings };
}

/** Every figure of a file by indicator id, as the product reads it (through its defined name). */
async function figures(file: string): Promise<Record<string, unknown>> {
  const { figures: read } = await checkFile(file);
  return Object.fromEntries([...read.figures].map(([id, f]) => [id, f.value]));
}

/** The parts of an .xlsx file by name. */
const partsOf = (file: string) => unzipSync(fs.readFileSync(file));

/** `check` on a file leaves its bytes as they were, whatever its findings. */
async function checkLeavesUnchanged(file: string): Promise<void> {
  const before = fs.readFileSync(file);
  await cchc("check", file);
  expect(fs.readFileSync(file).equals(before)).toBe(true);
}

describe("inserted-column.xlsx: a column inserted left of an input sheet in LibreOffice", () => {
  it("install exits 0, every figure stays at its name, check then gives the sample's findings", async () => {
    const file = caseCopy("inserted-column.xlsx");
    await checkLeavesUnchanged(file);
    const pristine = await figures(sample);
    // Known answers of the sample at the names the edit moved (sheet «1. Chỉ đạo điều hành»).
    expect(pristine).toMatchObject({
      kh_tong: { type: "number", value: 47 },
      kh_tc_tong: { type: "number", value: 6 },
      kh_cd_tong: { type: "number", value: 8 },
    });

    const install = await cchc("install", file);
    expect(install).toMatchObject({ code: 0, stderr: "" });
    expect(await figures(file)).toEqual(pristine);

    const sampleCheck = await checkJson(sample);
    const afterCheck = await checkJson(file);
    expect(afterCheck).toEqual(sampleCheck);
    expect(sampleCheck.findings.length).toBeGreaterThan(0);
  });
});

describe("deleted-named-row.xlsx: the row of kh_cd_tong deleted in LibreOffice (its name is #REF!)", () => {
  it("check reports an error naming kh_cd_tong and exits 1; the file is unchanged", async () => {
    const file = caseCopy("deleted-named-row.xlsx");
    await checkLeavesUnchanged(file);
    const { code, findings } = await checkJson(file);
    expect(code).toBe(1);
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.ids)).toEqual([["kh_cd_tong"]]);
    expect(errors[0].message).toMatch(/kh_cd_tong/);
    const text = await cchc("check", file);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^Lỗi .*kh_cd_tong/m);
  });

  it("install brings the cell back: the name resolves again and check no longer reports it", async () => {
    const file = caseCopy("deleted-named-row.xlsx");
    const workbookBefore = strFromU8(partsOf(file)["xl/workbook.xml"]);
    expect(workbookBefore).toMatch(/<definedName\b[^>]*\bname="CCHC_KH_CD_TONG"[^>]*>#REF!</);

    const install = await cchc("install", file);
    expect(install).toMatchObject({ code: 0, stderr: "" });
    const workbookAfter = strFromU8(partsOf(file)["xl/workbook.xml"]);
    expect(workbookAfter).toMatch(
      /<definedName\b[^>]*\bname="CCHC_KH_CD_TONG"[^>]*>(&apos;|')1\. Chỉ đạo điều hành(&apos;|')!\$D\$6<\/definedName>/,
    );
    const read = await checkFile(file);
    expect(read.figures.figures.get("kh_cd_tong")).toMatchObject({ cell: "'1. Chỉ đạo điều hành'!D6" });

    const { code, findings } = await checkJson(file);
    expect(findings.filter((f) => f.ids.includes("kh_cd_tong") && f.severity === "error")).toEqual([]);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(code).toBe(0);
    // Every other figure as in the sample; the deleted one comes back blank (its value was in the row).
    expect(await figures(file)).toEqual({ ...(await figures(sample)), kh_cd_tong: { type: "blank" } });
  });
});

describe("workbook-structure-protection.xlsx: a user workbook with its structure protected", () => {
  it("install keeps the <workbookProtection/> element exactly", async () => {
    const file = caseCopy("workbook-structure-protection.xlsx");
    await checkLeavesUnchanged(file);
    // The element as XML (its attributes, names and values in order; the serializer may drop the
    // blank before "/>", which is not part of the element).
    const protection = (text: string) =>
      Array.from(
        new DOMParser().parseFromString(text, "text/xml").getElementsByTagName("workbookProtection"),
      ).map((e) => [
        e.namespaceURI,
        ...Array.from(e.attributes).map((a) => `${a.name}=${a.value}`),
        e.childNodes.length,
      ]);
    const before = protection(strFromU8(partsOf(file)["xl/workbook.xml"]));
    expect(before).toEqual([[MAIN_NS, "workbookPassword=E5C2", "lockStructure=1", 0]]);

    expect(await cchc("install", file)).toMatchObject({ code: 0, stderr: "" });
    expect(protection(strFromU8(partsOf(file)["xl/workbook.xml"]))).toEqual(before);
  });
});

describe("custom-properties-and-parts.xlsx: custom properties, customXml/ and an add-in registration", () => {
  it("install keeps docProps/custom.xml, customXml/ and xl/webextensions/ byte for byte", async () => {
    const file = caseCopy("custom-properties-and-parts.xlsx");
    await checkLeavesUnchanged(file);
    const kept = (name: string) =>
      name === "docProps/custom.xml" || name.startsWith("customXml/") || name.startsWith("xl/webextensions/");
    const before = partsOf(file);
    const names = Object.keys(before).filter(kept).sort();
    expect(names).toEqual([
      "customXml/_rels/item1.xml.rels",
      "customXml/item1.xml",
      "customXml/itemProps1.xml",
      "docProps/custom.xml",
      "xl/webextensions/_rels/taskpanes.xml.rels",
      "xl/webextensions/taskpanes.xml",
      "xl/webextensions/webextension1.xml",
    ]);

    expect(await cchc("install", file)).toMatchObject({ code: 0, stderr: "" });
    const after = partsOf(file);
    expect(Object.keys(after).filter(kept).sort()).toEqual(names);
    for (const name of names)
      expect([name, Buffer.from(after[name]).equals(Buffer.from(before[name]))]).toEqual([name, true]);
    // Still reachable: the package and workbook relationships that lead to them are kept.
    expect(strFromU8(after["_rels/.rels"])).toMatch(/docProps\/custom\.xml/);
    expect(strFromU8(after["_rels/.rels"]) + strFromU8(after["xl/_rels/workbook.xml.rels"])).toMatch(
      /webextensions\/taskpanes\.xml/,
    );
  });
});

describe("note-on-cell.xlsx: a user workbook (openpyxl) with a note on a cell", () => {
  it("installs (exit 0) and keeps the note: comments part, VML drawing and the sheet that binds them", async () => {
    const file = caseCopy("note-on-cell.xlsx");
    await checkLeavesUnchanged(file);
    const noteParts = [
      "xl/comments/comment1.xml",
      "xl/drawings/commentsDrawing1.vml",
      "xl/worksheets/_rels/sheet1.xml.rels",
      "xl/worksheets/sheet1.xml",
    ];
    const before = partsOf(file);

    expect(await cchc("install", file)).toMatchObject({ code: 0, stderr: "" });
    const after = partsOf(file);
    for (const name of noteParts)
      expect([name, name in after && Buffer.from(after[name]).equals(Buffer.from(before[name]))]).toEqual([
        name,
        true,
      ]);
    expect(strFromU8(after["[Content_Types].xml"])).toMatch(/PartName="\/xl\/comments\/comment1\.xml"/);
  });
});
