/**
 * Issue 21: a table cell marked «chưa có số liệu» is unknown, never 0 — consolidated over units
 * and periods it stays «chưa có số liệu» with a note naming the parts that did not report it,
 * and `check` says a column holding it cannot be compared with its total (as a sum rule says).
 * Known answers on the built-in xa-2025 table «Hồ sơ TTHC theo lĩnh vực».
 */
import { NOT_REPORTED } from "../../src/core/arithmetic";
import { DEFAULT_CATALOGUE, inputName } from "../../src/core/catalogue";
import { checkFigures } from "../../src/core/checks";
import {
  consolidatedWorkbookPlan,
  consolidatePeriods,
  consolidateUnits,
  type InputEntry,
} from "../../src/core/consolidate";
import { figuresFromValues } from "../../src/core/figures";
import { planInstall } from "../../src/core/install";
import { figureValidationFormula, parseAddress } from "../../src/core/layout/model";
import { validationAccepts } from "../fakes/fakeState";

const form = DEFAULT_CATALOGUE;
const figuresOf = (values: Record<string, unknown>) => figuresFromValues(values, form);
const entry = (source: string, values: Record<string, unknown>): InputEntry => ({
  ok: true,
  source,
  catalogue: form,
  figures: figuresOf({ ky_bao_cao: "Quý III", nam: 2025, ...values }),
  documents: [],
});
const TABLE = "Bảng «Hồ sơ TTHC theo lĩnh vực»";

describe("a table cell marked «chưa có số liệu», consolidated over units", () => {
  const result = consolidateUnits([
    entry("a.xlsx", {
      co_quan: "UBND XÃ A",
      "tthc_lv.dat_dai.moi": 40,
      "tthc_lv.ho_tich.moi": 60,
      "tthc_lv.x1": "Thi đua, khen thưởng",
      "tthc_lv.x1.moi": NOT_REPORTED,
    }),
    entry("b.xlsx", { co_quan: "UBND XÃ B", "tthc_lv.dat_dai.moi": NOT_REPORTED, "tthc_lv.ho_tich.moi": 30 }),
    entry("c.xlsx", {
      co_quan: "UBND XÃ C",
      "tthc_lv.dat_dai.moi": 25,
      "tthc_lv.x1": "thi đua,  khen thưởng",
      "tthc_lv.x1.moi": 5,
    }),
  ]).result!;

  it("keeps the mark instead of adding it as 0, the note naming the unit and what the others add up to", () => {
    expect(result.values["tthc_lv.dat_dai.moi"]).toBe(NOT_REPORTED);
    expect(result.notes!["tthc_lv.dat_dai.moi"]).toBe(
      `${TABLE}, Đất đai – Tiếp nhận: Mới tiếp nhận: Chưa đủ số liệu: «UBND XÃ B» chưa có số liệu, nên không có tổng. 2 đơn vị còn lại cộng được 65.`,
    );
    // A cell every unit gave is summed as before, with no note.
    expect(result.values["tthc_lv.ho_tich.moi"]).toBe(90);
    expect(result.notes!["tthc_lv.ho_tich.moi"]).toBeUndefined();
  });

  it("an extra row kept by its label: one unit's mark makes its cell incomplete too", () => {
    expect(result.values["tthc_lv.x1"]).toBe("Thi đua, khen thưởng");
    expect(result.values["tthc_lv.x1.moi"]).toBe(NOT_REPORTED);
    expect(result.notes!["tthc_lv.x1.moi"]).toBe(
      `${TABLE}, Thi đua, khen thưởng – Tiếp nhận: Mới tiếp nhận: Chưa đủ số liệu: «UBND XÃ A» chưa có số liệu, nên không có tổng. 2 đơn vị còn lại cộng được 5.`,
    );
  });
});

describe("a table cell holding what is no usable number, consolidated over units", () => {
  const result = consolidateUnits([
    entry("a.xlsx", {
      co_quan: "UBND XÃ A",
      "tthc_lv.ho_tich.moi": "30 hồ sơ",
      "tthc_lv.x1": "Thi đua, khen thưởng",
      "tthc_lv.x1.moi": 4,
    }),
    entry("b.xlsx", {
      co_quan: "UBND XÃ B",
      "tthc_lv.ho_tich.moi": 20,
      "tthc_lv.x1": "Thi đua, khen thưởng",
      "tthc_lv.x1.moi": -5,
    }),
  ]).result!;

  it("leaves the cell unknown, naming the unit and what it typed, in a form row and in an extra row", () => {
    expect(result.values["tthc_lv.ho_tich.moi"]).toBe(NOT_REPORTED);
    expect(result.notes!["tthc_lv.ho_tich.moi"]).toBe(
      `${TABLE}, Hộ tịch – Tiếp nhận: Mới tiếp nhận: Chưa đủ số liệu: «UBND XÃ A» ghi «30 hồ sơ», không phải số liệu hợp lệ, nên không có tổng. 1 đơn vị còn lại cộng được 20.`,
    );
    // Not 4, as if unit B's row had been left blank.
    expect(result.values["tthc_lv.x1.moi"]).toBe(NOT_REPORTED);
    expect(result.notes!["tthc_lv.x1.moi"]).toBe(
      `${TABLE}, Thi đua, khen thưởng – Tiếp nhận: Mới tiếp nhận: Chưa đủ số liệu: «UBND XÃ B» ghi «-5», không phải số liệu hợp lệ, nên không có tổng. 1 đơn vị còn lại cộng được 4.`,
    );
  });
});

describe("a table cell marked «chưa có số liệu», consolidated over periods", () => {
  const period = (source: string, ky: string, values: Record<string, unknown>) =>
    entry(source, { co_quan: "UBND XÃ A", ky_bao_cao: ky, nam: 2026, ...values });

  it("a flow column is incomplete; a pending column takes the latest period's own figure", () => {
    const outcome = consolidatePeriods(
      [
        period("q1.xlsx", "Quý I", { "tthc_lv.dat_dai.moi": 12, "tthc_lv.dat_dai.trong_han": 3 }),
        period("q2.xlsx", "Quý II", { "tthc_lv.dat_dai.moi": NOT_REPORTED, "tthc_lv.dat_dai.trong_han": 4 }),
      ],
      { period: "6 tháng", year: 2026 },
    );
    const { values, notes } = outcome.result!;
    expect(values["tthc_lv.dat_dai.moi"]).toBe(NOT_REPORTED);
    expect(notes!["tthc_lv.dat_dai.moi"]).toMatch(
      /^Bảng «Hồ sơ TTHC theo lĩnh vực», Đất đai – Tiếp nhận: Mới tiếp nhận: Chưa đủ số liệu: «Quý II\/2026, .*» chưa có số liệu, nên không có tổng\. 1 kỳ còn lại cộng được 12\.$/,
    );
    expect(values["tthc_lv.dat_dai.trong_han"]).toBe(4);
  });
});

describe("check of a table column holding «chưa có số liệu»", () => {
  const findingsOf = (values: Record<string, unknown>) =>
    checkFigures(
      figuresOf({ co_quan: "UBND XÃ A", ky_bao_cao: "Quý III", nam: 2025, ...values }),
      [],
      form,
    ).filter((f) => f.checkId.startsWith("unreported:table") || f.checkId.startsWith("table:"));

  it("warns that the column's sum cannot be checked, naming the row, instead of keeping silent", () => {
    const found = findingsOf({ hs_moi: 100, "tthc_lv.dat_dai.moi": 40, "tthc_lv.ho_tich.moi": NOT_REPORTED });
    expect(found.map((f) => [f.severity, f.checkId, f.message])).toEqual([
      [
        "warning",
        "unreported:table:tthc_lv:moi",
        `${TABLE}, cột «Tiếp nhận: Mới tiếp nhận» (chỉ tiêu «Mới tiếp nhận trong kỳ» là 100): «Hộ tịch» chưa có số liệu, nên chưa kiểm tra được tổng (các dòng đã có số liệu cộng được 40). Không coi là 0; khi có số liệu hãy nhập vào.`,
      ],
    ]);
    expect(found[0].ids.slice(0, 2)).toEqual(["tthc_lv.ho_tich.moi", "hs_moi"]);
  });

  it("is an error when the rows known already exceed the total, whatever the unknown row holds", () => {
    const found = findingsOf({
      hs_moi: 100,
      "tthc_lv.dat_dai.moi": 120,
      "tthc_lv.ho_tich.moi": NOT_REPORTED,
    });
    expect(found.map((f) => [f.severity, f.message])).toEqual([
      [
        "error",
        `${TABLE}, cột «Tiếp nhận: Mới tiếp nhận» (chỉ tiêu «Mới tiếp nhận trong kỳ» là 100): các dòng đã có số liệu cộng được 120, đã lớn hơn tổng, lệch 20 dù «Hộ tịch» chưa có số liệu.`,
      ],
    ]);
  });

  it("names the total when it is the one marked", () => {
    const found = findingsOf({ hs_moi: NOT_REPORTED, "tthc_lv.dat_dai.moi": 40 });
    expect(found.map((f) => [f.severity, f.message])).toEqual([
      [
        "warning",
        `${TABLE}, cột «Tiếp nhận: Mới tiếp nhận»: chỉ tiêu «Mới tiếp nhận trong kỳ» chưa có số liệu, nên chưa kiểm tra được tổng (các dòng đã có số liệu cộng được 40). Không coi là 0; khi có số liệu hãy nhập vào.`,
      ],
    ]);
  });
});

describe("the consolidated workbook of a table cell marked «chưa có số liệu»", () => {
  it("types the mark in the cell and writes the note under the table", () => {
    const outcome = consolidateUnits([
      entry("a.xlsx", { co_quan: "UBND XÃ A", "tthc_lv.dat_dai.moi": 40 }),
      entry("b.xlsx", { co_quan: "UBND XÃ B", "tthc_lv.dat_dai.moi": NOT_REPORTED }),
    ]);
    const sheets = consolidatedWorkbookPlan(outcome.result!, outcome.files, { over: "units", subtitle: "" });
    const sheet = sheets.find((s) => s.names.some((n) => n.name === inputName("tthc_lv.dat_dai.moi")))!;
    const at = sheet.names.find((n) => n.name === inputName("tthc_lv.dat_dai.moi"))!.address;
    expect(sheet.cells.find((c) => c.address === at)!.value).toBe(NOT_REPORTED);
    const lastRow = Math.max(
      ...sheet.names
        .filter((n) => n.name.startsWith(inputName("tthc_lv.")))
        .map((n) => Number(n.address.replace(/^\D+/, ""))),
    );
    expect(sheet.cells.find((c) => c.address === `B${lastRow + 3}`)?.value).toBe(
      `Ghi chú: ${TABLE}, Đất đai – Tiếp nhận: Mới tiếp nhận: Chưa đủ số liệu: «UBND XÃ B» chưa có số liệu, nên không có tổng. 1 đơn vị còn lại cộng được 40.`,
    );
  });
});

describe("the consolidated workbook's table", () => {
  it("caches the sum of each column in its «Cộng» row, as a reader that does not recalculate shows it", () => {
    const outcome = consolidateUnits([
      entry("a.xlsx", { co_quan: "UBND XÃ A", "tthc_lv.dat_dai.moi": 40, "tthc_lv.ho_tich.moi": 7 }),
      entry("b.xlsx", { co_quan: "UBND XÃ B", "tthc_lv.dat_dai.moi": 2 }),
    ]);
    const sheets = consolidatedWorkbookPlan(outcome.result!, outcome.files, { over: "units", subtitle: "" });
    const sheet = sheets.find((s) => s.names.some((n) => n.name === inputName("tthc_lv.dat_dai.moi")))!;
    const column = sheet.names
      .find((n) => n.name === inputName("tthc_lv.dat_dai.moi"))!
      .address.replace(/\d+$/, "");
    const sums = sheet.cells.filter((c) => c.computes?.type === "tableSum");
    expect(
      sums.find((c) => c.address.startsWith(column) && c.address.length === column.length + 2),
    ).toMatchObject({ cached: 49 });
  });
});

describe("typing «chưa có số liệu» in a table cell", () => {
  it("is let through by the table's validation in Excel, as an indicator's cell is; 3,5 and «x» are not", () => {
    const installed = planInstall({ sheetNames: [], sheets: new Map() }, { catalogue: form });
    const sheet = installed.sheets.find((s) =>
      s.names.some((n) => n.name === inputName("tthc_lv.dat_dai.moi")),
    )!;
    const at = sheet.names.find((n) => n.name === inputName("tthc_lv.dat_dai.moi"))!.address;
    const validation = sheet.validations.find((v) => {
      const [from, to] = v.range.split(":").map(parseAddress);
      const cell = parseAddress(at);
      return (
        cell.row >= from.row && cell.row <= to.row && cell.column >= from.column && cell.column <= to.column
      );
    })!;
    expect(validation.rule).toEqual({ type: "figureOrText", whole: true, min: 0, text: NOT_REPORTED });
    const top = validation.range.split(":")[0];
    const rule = {
      rule: { custom: { formula: `=${figureValidationFormula(validation.rule as never, top)}` } },
    } as const;
    expect(validationAccepts(rule, "Chưa có số liệu")).toBe(true);
    expect(validationAccepts(rule, 12)).toBe(true);
    expect(validationAccepts(rule, 3.5)).toBe(false);
    expect(validationAccepts(rule, "x")).toBe(false);
  });
});
