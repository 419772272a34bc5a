/**
 * readNamedFigures: the defined name is a figure's identity, checked against the key three
 * columns to its left; placementFindings turns what it meets into errors naming the indicator.
 */
import { DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import { placementFindings } from "../../src/core/checks";
import { readNamedFigures, type NamedCell, type NameTarget, type SheetGrids } from "../../src/core/figures";
import { planInstall } from "../../src/core/install";
import type { SheetPlan } from "../../src/core/layout/model";
import { workbookOf } from "../support/plans";

const SHEET = "Nhập";
/** Rows 1–3 of an input sheet: key in A, label in B, unit in C, figure in D. */
const grid: SheetGrids = {
  values: [
    ["kh_tong", "Tổng", "nhiệm vụ", 47],
    ["kh_tc_tong", "- Cải cách thể chế", "nhiệm vụ", 6],
    ["kh_cd_tong", "- Chỉ đạo điều hành", "nhiệm vụ", 8],
  ],
};

function cellAt(row: number): NamedCell {
  return { cell: `'${SHEET}'!D${row}`, value: grid.values[row - 1][3] };
}

function read(
  names: Record<string, NameTarget>,
  options: { namesComplete?: boolean; date1904?: boolean } = {},
) {
  return readNamedFigures(DISTRICT_CATALOGUE, (name) => names[name], {
    gridOf: (sheet) => (sheet === SHEET ? grid : undefined),
    ...options,
  });
}

describe("readNamedFigures", () => {
  it("reads a name whose row carries its own key as it is", () => {
    const { figures, problems } = read({ CCHC_KH_TONG: cellAt(1) });
    expect(figures.get("kh_tong")?.value).toEqual({ type: "number", value: 47 });
    expect(problems).toEqual([]);
  });

  it("reads the row of the figure's own key when the rows were sorted under the names", () => {
    // The names stayed: CCHC_KH_CD_TONG still points at row 2, which now carries kh_tc_tong.
    const { figures, problems } = read({ CCHC_KH_CD_TONG: cellAt(2), CCHC_KH_TC_TONG: cellAt(3) });
    expect(figures.get("kh_cd_tong")).toMatchObject({
      cell: `'${SHEET}'!D3`,
      value: { type: "number", value: 8 },
    });
    expect(figures.get("kh_tc_tong")).toMatchObject({
      cell: `'${SHEET}'!D2`,
      value: { type: "number", value: 6 },
    });
    expect(problems).toContainEqual({
      kind: "keyMismatch",
      id: "kh_cd_tong",
      name: "CCHC_KH_CD_TONG",
      namedCell: `'${SHEET}'!D2`,
      keyThere: "kh_tc_tong",
      cell: `'${SHEET}'!D3`,
    });
    const [finding] = placementFindings(problems.slice(0, 1), DISTRICT_CATALOGUE);
    expect(finding.severity).toBe("error");
    expect(finding.message).toMatch(/CCHC_KH_CD_TONG.*mã kh_tc_tong/);
  });

  it("leaves a figure out when its name sits on another key and no row carries its own", () => {
    const { figures, problems } = read({ CCHC_KH_CV_TONG: cellAt(2) });
    expect(figures.has("kh_cv_tong")).toBe(false);
    expect(problems).toEqual([
      {
        kind: "keyMissing",
        id: "kh_cv_tong",
        name: "CCHC_KH_CV_TONG",
        namedCell: `'${SHEET}'!D2`,
        keyThere: "kh_tc_tong",
      },
    ]);
    expect(placementFindings(problems, DISTRICT_CATALOGUE)[0].message).toMatch(
      /không dòng nào mang mã kh_cv_tong/,
    );
  });

  it("trusts the name when its row's key was lost and no row carries the key", () => {
    const mangled: SheetGrids = { values: [["kh\ntong", "Tổng", "nhiệm vụ", 47]] };
    const { figures, problems } = readNamedFigures(
      DISTRICT_CATALOGUE,
      (name) => (name === "CCHC_KH_TONG" ? cellAt(1) : undefined),
      {
        gridOf: () => mangled,
      },
    );
    expect(figures.get("kh_tong")?.value).toEqual({ type: "number", value: 47 });
    expect(problems).toEqual([]);
  });

  it("reports a #REF! name, and a missing one only when every name must be there", () => {
    expect(read({ CCHC_KH_TONG: { broken: "#REF!" } }).problems).toEqual([
      { kind: "brokenName", id: "kh_tong", name: "CCHC_KH_TONG", reference: "#REF!" },
    ]);
    expect(read({}).problems).toEqual([]);
    const complete = read({}, { namesComplete: true }).problems;
    expect(complete).toContainEqual({ kind: "brokenName", id: "kh_tong", name: "CCHC_KH_TONG" });
    expect(placementFindings(complete, DISTRICT_CATALOGUE)[0].message).toMatch(/không còn trỏ tới ô nào/);
  });

  it("turns typed dates of a 1904 workbook into 1900 serials, and nothing else", () => {
    const names = {
      CCHC_TU_NGAY: { cell: "'Thông tin'!D10", value: 42_997 },
      CCHC_KH_TONG: cellAt(1),
    };
    const { figures } = read(names, { date1904: true });
    expect(figures.get("tu_ngay")?.value).toEqual({ type: "number", value: 44_459 });
    expect(figures.get("kh_tong")?.value).toEqual({ type: "number", value: 47 });
  });
});

describe("planInstall over sorted rows", () => {
  /** The sample's plans as an installed workbook, with every name where install put it. */
  function installedWithNames() {
    const fresh = planInstall(
      { sheetNames: [], sheets: new Map() },
      { sample: true, catalogue: DISTRICT_CATALOGUE },
    );
    const workbook = workbookOf(fresh.sheets);
    const names = new Map(
      fresh.sheets.flatMap((plan) =>
        plan.names.map((n) => [n.name, `'${plan.name}'!$${n.address.replace(/(\d+)/, "$$$1")}`] as const),
      ),
    );
    const sheet = fresh.sheets.find((s) => s.names.some((n) => n.name === "CCHC_KH_TC_TONG"))!;
    const grid = workbook.sheets.get(sheet.name)!.cells as unknown[][];
    return { workbook: { ...workbook, names }, grid };
  }

  function valueOf(plans: readonly SheetPlan[], name: string): unknown {
    const plan = plans.find((p) => p.names.some((n) => n.name === name))!;
    const address = plan.names.find((n) => n.name === name)!.address;
    return plan.cells.find((c) => c.address === address)!.value;
  }

  it("carries each figure by its row's key, not by the name left on another row", () => {
    const { workbook, grid } = installedWithNames();
    const tc = grid.findIndex((r) => r[0] === "kh_tc_tong");
    const cd = grid.findIndex((r) => r[0] === "kh_cd_tong");
    [grid[tc], grid[cd]] = [grid[cd], grid[tc]];
    const plan = planInstall(workbook);
    expect(valueOf(plan.sheets, "CCHC_KH_TC_TONG")).toBe(6);
    expect(valueOf(plan.sheets, "CCHC_KH_CD_TONG")).toBe(8);
  });

  it("never carries another row's figure when a key is gone from the sheet", () => {
    const { workbook, grid } = installedWithNames();
    const tc = grid.findIndex((r) => r[0] === "kh_tc_tong");
    const cd = grid.findIndex((r) => r[0] === "kh_cd_tong");
    // kh_cd_tong's key and figure moved onto kh_tc_tong's row; no row carries kh_tc_tong any more.
    grid[tc] = [...grid[cd]];
    grid[cd] = [];
    const plan = planInstall(workbook);
    expect(valueOf(plan.sheets, "CCHC_KH_CD_TONG")).toBe(8);
    expect(valueOf(plan.sheets, "CCHC_KH_TC_TONG")).toBeNull();
  });
});
