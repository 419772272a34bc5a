import { DISTRICT_CATALOGUE, inputName } from "../../src/core/catalogue";
import { SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { planInstall, type ExistingWorkbook } from "../../src/core/install";
import { columnNumber, parseAddress, type SheetPlan } from "../../src/core/layout/model";
import { META_SHEET_NAME } from "../../src/core/meta";
import { typedText } from "../../src/core/arithmetic";
import { workbookOf } from "../support/plans";

const EMPTY: ExistingWorkbook = { sheetNames: ["Sheet1"], sheets: new Map() };

function cellByName(plans: readonly SheetPlan[], name: string) {
  for (const plan of plans) {
    const target = plan.names.find((n) => n.name === name);
    if (target) return plan.cells.find((c) => c.address === target.address)!;
  }
  throw new Error(`no name ${name}`);
}

function setByName(workbook: ExistingWorkbook, plans: readonly SheetPlan[], name: string, value: unknown) {
  for (const plan of plans) {
    const target = plan.names.find((n) => n.name === name);
    if (!target) continue;
    const { row, column } = parseAddress(target.address);
    (workbook.sheets.get(plan.name)!.cells[row - 1] as unknown[])[column - 1] = value;
  }
}

describe("planInstall", () => {
  const fresh = planInstall(EMPTY, { sample: true, catalogue: DISTRICT_CATALOGUE });

  it("installs every sheet, the meta sheet last and very hidden", () => {
    expect(fresh.sheets.map((s) => s.name)).toEqual([
      "Thông tin chung",
      "1. Chỉ đạo điều hành",
      "2-3. Thể chế, TTHC",
      "4-5. Bộ máy, công vụ",
      "6-7. Tài chính, CPĐT",
      "8-11. Kinh tế",
      "Danh mục văn bản",
      "Chỉ số CCHC",
      META_SHEET_NAME,
    ]);
    expect(fresh.sheets.at(-1)!.visibility).toBe("veryHidden");
    expect(fresh.summary.added).toHaveLength(8);
  });

  it("names every indicator's cell once", () => {
    const names = fresh.sheets.flatMap((s) => s.names.map((n) => n.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(DISTRICT_CATALOGUE.indicators.map((i) => inputName(i.id)).sort());
  });

  it("writes ratios as CCHC formulas over the names, cached with the core's figure", () => {
    const cell = cellByName(fresh.sheets, "CCHC_KH_TYLE");
    expect(cell.formula).toBe(
      '=IF(OR(ISBLANK(CCHC_KH_HOANTHANH),ISBLANK(CCHC_KH_TONG)),"",CCHC.TYLE(CCHC_KH_HOANTHANH,CCHC_KH_TONG))',
    );
    expect(cell.cached).toBeCloseTo(24 / 47, 12);
    expect(cellByName(fresh.sheets, "CCHC_HSN_TYLE").cached).toBe(1);
    expect(cellByName(fresh.sheets, "CCHC_TGN_TYLE").cached).toBeCloseTo(76 / 84, 12);
    expect(cellByName(fresh.sheets, "CCHC_TU_NGAY")).toMatchObject({
      formula:
        '=IF(OR(ISBLANK(CCHC_KY_BAO_CAO),ISBLANK(CCHC_NAM)),"",IFERROR(CCHC.TUNGAY(CCHC_KY_BAO_CAO,CCHC_NAM)+DATE(1904,1,1)-1462,CCHC.TUNGAY(CCHC_KY_BAO_CAO,CCHC_NAM)))',
      cached: 44362,
    });
  });

  it("caches the Kiểm tra column and the self-scores", () => {
    const s2 = fresh.sheets.find((s) => s.key === "s1")!;
    const areas = s2.cells.find((c) => c.formula?.includes("CCHC.KIEMTRA(CCHC_KH_TONG,CCHC_KH_CD_TONG"))!;
    expect(areas.cached).toBe("Lệch 3");
    const score = fresh.sheets.find((s) => s.key === "score")!;
    const iso = score.cells.find((c) => c.computes?.type === "score" && c.computes.code === "TC_ISO_XA")!;
    expect(iso.cached).toBe(1);
  });

  it("keeps every typed figure and note on reinstall, and writes our formulas again", () => {
    const workbook = workbookOf(fresh.sheets);
    setByName(workbook, fresh.sheets, "CCHC_KH_TYLE", "=_xldudf_CCHC_TYLE(CCHC_KH_HOANTHANH,CCHC_KH_TONG)");
    setByName(workbook, fresh.sheets, "CCHC_DEN_NGAY", 44450);
    // A derived date's formula as versions before the 1904 fix wrote it: ours, so written anew.
    setByName(
      workbook,
      fresh.sheets,
      "CCHC_TU_NGAY",
      '=IF(OR(ISBLANK(CCHC_KY_BAO_CAO),ISBLANK(CCHC_NAM)),"",CCHC.TUNGAY(CCHC_KY_BAO_CAO,CCHC_NAM))',
    );
    const info = workbook.sheets.get("1. Chỉ đạo điều hành")!;
    const noteRow = info.cells.findIndex((r) => r[0] === "kh_tong");
    (info.cells[noteRow] as unknown[])[columnNumber("E") - 1] = "Theo KH 160/KH-UBND";
    const again = planInstall(workbook);
    for (const [id, value] of Object.entries(SAMPLE_FIGURES)) {
      expect([id, cellByName(again.sheets, inputName(id)).value]).toEqual([id, value]);
    }
    expect(cellByName(again.sheets, "CCHC_KH_TYLE").formula).toBe(
      '=IF(OR(ISBLANK(CCHC_KH_HOANTHANH),ISBLANK(CCHC_KH_TONG)),"",CCHC.TYLE(CCHC_KH_HOANTHANH,CCHC_KH_TONG))',
    );
    expect(cellByName(again.sheets, "CCHC_TU_NGAY")).toMatchObject({
      formula: cellByName(fresh.sheets, "CCHC_TU_NGAY").formula,
      cached: 44362,
    });
    expect(cellByName(again.sheets, "CCHC_DEN_NGAY")).toMatchObject({ value: 44450 });
    expect(cellByName(again.sheets, "CCHC_DEN_NGAY").formula).toBeUndefined();
    const s1 = again.sheets.find((s) => s.key === "s1")!;
    expect(s1.cells.find((c) => c.value === "Theo KH 160/KH-UBND")).toBeDefined();
    expect(again.summary).toMatchObject({ fromVersion: "2021.1", added: [], keptValues: expect.any(Number) });
    expect(again.summary.updated).toHaveLength(8);
  });

  it("writes a ratio's formula back over a typed constant, and says which cell held what", () => {
    const workbook = workbookOf(fresh.sheets);
    setByName(workbook, fresh.sheets, "CCHC_KH_TYLE", 0.99);
    const again = planInstall(workbook);
    expect(cellByName(again.sheets, "CCHC_KH_TYLE").formula).toMatch(/CCHC\.TYLE\(/);
    expect(again.summary.restored).toEqual([
      {
        id: "kh_tyle",
        label: "Tỷ lệ hoàn thành kế hoạch",
        cell: "'1. Chỉ đạo điều hành'!D23",
        typed: 0.99,
      },
    ]);
    expect(typedText(0.99)).toBe("0,99");
    expect(typedText("60%")).toBe("«60%»");
    // Our own formula there is no typed value.
    expect(planInstall(workbookOf(fresh.sheets)).summary.restored).toEqual([]);
  });

  it("keeps a typed date of a 1904 workbook as the same day (the plan's serials are 1900-based)", () => {
    const workbook = { ...workbookOf(fresh.sheets), date1904: true };
    setByName(workbook, fresh.sheets, "CCHC_NGAY_BAN_HANH", 44_457 - 1_462);
    expect(cellByName(planInstall(workbook).sheets, "CCHC_NGAY_BAN_HANH").value).toBe(44_457);
  });

  it("never takes over a user's sheet that has one of our names", () => {
    const user: ExistingWorkbook = {
      sheetNames: ["Thông tin chung"],
      sheets: new Map([["Thông tin chung", { name: "Thông tin chung", cells: [["của tôi"]] }]]),
    };
    const plan = planInstall(user, { catalogue: DISTRICT_CATALOGUE });
    expect(plan.sheets[0].name).toBe("Thông tin chung (CCHC)");
    expect(plan.summary.renamed).toEqual([{ wanted: "Thông tin chung", used: "Thông tin chung (CCHC)" }]);
    // Installing again finds our sheet under its recorded name and adds nothing.
    const again = planInstall(workbookOf(plan.sheets, ["Thông tin chung"]));
    expect(again.summary.added).toEqual([]);
    expect(again.sheets[0].name).toBe("Thông tin chung (CCHC)");
  });
});

describe("planInstall when a row's key was lost", () => {
  it("finds the figure and its note through the defined name instead", () => {
    const fresh = planInstall(
      { sheetNames: [], sheets: new Map() },
      { sample: true, catalogue: DISTRICT_CATALOGUE },
    );
    const workbook = workbookOf(fresh.sheets);
    const sheet = fresh.sheets.find((s) => s.key === "s4")!;
    const grid = workbook.sheets.get(sheet.name)!.cells as unknown[][];
    const row = grid.findIndex((r) => r[0] === "bc_xa_giao");
    // Another program rewrote the key's text (LibreOffice reads "_xa_" as an escape).
    grid[row][0] = "bc\nxa_giao";
    grid[row][4] = "Ghi chú của tôi";
    const target = sheet.names.find((n) => n.name === "CCHC_BC_XA_GIAO")!;
    const names = new Map([
      ["CCHC_BC_XA_GIAO", `'${sheet.name}'!$${target.address.replace(/(\d+)/, "$$$1")}`],
    ]);
    const without = planInstall(workbook);
    expect(cellByName(without.sheets, "CCHC_BC_XA_GIAO").value).toBeNull();
    const withNames = planInstall({ ...workbook, names });
    expect(cellByName(withNames.sheets, "CCHC_BC_XA_GIAO").value).toBe(318);
    const s4 = withNames.sheets.find((s) => s.key === "s4")!;
    expect(s4.cells.find((c) => c.value === "Ghi chú của tôi")).toBeDefined();
  });
});
