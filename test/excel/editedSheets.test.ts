/**
 * Our sheets after a user edited them in Excel, through the Office.js adapter on the fake: a
 * column inserted left of an input sheet, a named row deleted (`#REF!`), rows of a block sorted.
 * Reading stays one sync and installing two.
 */
import { DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import { checkFigures } from "../../src/core/checks";
import type { Figures } from "../../src/core/figures";
import { checkWorkbook } from "../../src/excel/checkWorkbook";
import { installSheets } from "../../src/excel/installSheets";
import { readWorkbook } from "../../src/excel/readFigures";
import { FakeWorkbook } from "../fakes/fakeExcel";
import { installedWorkbook } from "./support";

const SHEET = "1. Chỉ đạo điều hành";
const SAMPLE_WARNINGS = ["balance:hs_tong", "sum:kh_tong:areas", "quota:bc_xa_comat", "quota:gd_comat"];

function valuesOf(figures: Figures): Record<string, unknown> {
  return Object.fromEntries([...figures].map(([id, f]) => [id, f.value]));
}

async function read(book: FakeWorkbook) {
  const { result, syncs } = await book.run((context) => readWorkbook(context));
  expect(syncs).toBe(1);
  return result;
}

async function install(book: FakeWorkbook): Promise<void> {
  const { syncs } = await book.run((context) => installSheets(context));
  expect(syncs).toBe(2);
}

let sampleValues: Record<string, unknown>;
beforeAll(async () => {
  sampleValues = valuesOf(
    (await read(await installedWorkbook({ sample: true, catalogue: DISTRICT_CATALOGUE }))).figures,
  );
});

describe("a column inserted left of an input sheet", () => {
  it("reads every figure at its name; install brings the sheet back with every figure", async () => {
    const book = await installedWorkbook({ sample: true, catalogue: DISTRICT_CATALOGUE });
    book.insertColumn(SHEET, 1);
    expect(book.refOf("CCHC_KH_TONG")).toBe(`'${SHEET}'!E5`);
    const reading = await read(book);
    expect(reading.problems).toEqual([]);
    expect(valuesOf(reading.figures)).toEqual(sampleValues);
    expect(
      checkFigures(reading.figures, reading.documents, DISTRICT_CATALOGUE).map((f) => f.checkId),
    ).toEqual(SAMPLE_WARNINGS);
    await install(book);
    expect(book.refOf("CCHC_KH_TONG")).toBe(`'${SHEET}'!D5`);
    expect(book.valueOf("CCHC_KH_TONG")).toBe(47);
    expect(valuesOf((await read(book)).figures)).toEqual(sampleValues);
  });
});

describe("a named input's row deleted (its name is #REF!)", () => {
  it("check reports an error naming the indicator; install brings the cell back", async () => {
    const book = await installedWorkbook({ sample: true, catalogue: DISTRICT_CATALOGUE });
    const row = Number(/\d+$/.exec(book.refOf("CCHC_KH_CD_TONG"))![0]);
    book.deleteRow(SHEET, row);
    const reading = await read(book);
    expect(reading.problems).toEqual([
      { kind: "brokenName", id: "kh_cd_tong", name: "CCHC_KH_CD_TONG", reference: "#REF!" },
    ]);
    expect(reading.figures.has("kh_cd_tong")).toBe(false);
    const { result } = await book.run((context) => checkWorkbook(context));
    const error = result.findings.find((f) => f.checkId === "place:kh_cd_tong");
    expect(error?.severity).toBe("error");
    expect(error?.message).toMatch(/\(kh_cd_tong\).*CCHC_KH_CD_TONG trỏ tới #REF!/);

    await install(book);
    expect(book.refOf("CCHC_KH_CD_TONG")).toBe(`'${SHEET}'!D${row}`);
    const repaired = await read(book);
    expect(repaired.problems).toEqual([]);
    expect(valuesOf(repaired.figures)).toEqual({ ...sampleValues, kh_cd_tong: { type: "blank" } });
  });
});

describe("rows of a block sorted (keys and values moved, names stayed)", () => {
  it("reads each figure by its row's key, reports the disagreement, and install realigns", async () => {
    const book = await installedWorkbook({ sample: true, catalogue: DISTRICT_CATALOGUE });
    const rows = [6, 7, 8, 9, 10, 11, 12, 13];
    book.sortRows(SHEET, rows, [...rows].reverse(), [1, 2, 3, 4, 5]);
    // The name on row 7 (kh_tc_tong) now sits on kh_cpdt_tong's figure.
    expect(book.valueOf("CCHC_KH_TC_TONG")).toBe(7);
    const reading = await read(book);
    expect(valuesOf(reading.figures)).toEqual(sampleValues);
    expect(reading.problems).toContainEqual({
      kind: "keyMismatch",
      id: "kh_tc_tong",
      name: "CCHC_KH_TC_TONG",
      namedCell: `'${SHEET}'!D7`,
      keyThere: "kh_cpdt_tong",
      cell: `'${SHEET}'!D12`,
    });
    const { result } = await book.run((context) => checkWorkbook(context));
    expect(result.findings.filter((f) => f.checkId.startsWith("place:"))).toHaveLength(8);

    await install(book);
    expect(book.valueOf("CCHC_KH_TC_TONG")).toBe(6);
    expect(book.valueOf(`'${SHEET}'!A7`)).toBe("kh_tc_tong");
    const repaired = await read(book);
    expect(repaired.problems).toEqual([]);
    expect(valuesOf(repaired.figures)).toEqual(sampleValues);
  });
});

describe("a user's own sheet named _CCHC", () => {
  it("is neither overwritten nor hidden; our meta sheet takes another name that reading finds", async () => {
    const book = new FakeWorkbook({ sheets: ["Sheet1", "_CCHC"] });
    book.type("'_CCHC'!A1", "ghi chép riêng");
    const { syncs } = await book.run((context) =>
      installSheets(context, { sample: true, catalogue: DISTRICT_CATALOGUE }),
    );
    expect(syncs).toBe(2);
    expect(book.sheet("_CCHC").visibility).toBe("Visible");
    expect(book.valueOf("'_CCHC'!A1")).toBe("ghi chép riêng");
    expect(book.valueOf("'_CCHC'!B1")).toBe("");
    expect(book.sheet("_CCHC_2").visibility).toBe("VeryHidden");
    const reading = await read(book);
    expect(reading.meta?.templateId).toBe(DISTRICT_CATALOGUE.id);
    expect(valuesOf(reading.figures)).toEqual(sampleValues);
    await install(book);
    expect(book.sheetNames().filter((name) => name.startsWith("_CCHC"))).toEqual(["_CCHC", "_CCHC_2"]);
  });
});

describe("a user's sheet whose name is ours after Unicode normalisation (NFD)", () => {
  it("keeps the user's sheet; ours takes the alternate name, so no two tabs look the same", async () => {
    const decomposed = "Chỉ số CCHC".normalize("NFD");
    const book = new FakeWorkbook({ sheets: ["Sheet1", decomposed] });
    book.type(`'${decomposed}'!A1`, "ghi chép riêng");
    const { result: summary } = await book.run((context) => installSheets(context));
    expect(summary.renamed).toContainEqual({ wanted: "Chỉ số CCHC", used: "Chỉ số CCHC (CCHC)" });
    expect(book.sheetNames().filter((name) => name.normalize("NFC") === "Chỉ số CCHC")).toEqual([decomposed]);
    expect(book.valueOf(`'${decomposed}'!A1`)).toBe("ghi chép riêng");
  });
});
