/**
 * The port "a workbook as read" and the use cases both adapters run on it (src/core/workbook):
 * known answers over an in-memory workbook (the port as any adapter implements it), and the one
 * consolidation loop the command line and the pane share.
 */
import { DEFAULT_CATALOGUE, DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import {
  consolidatePeriods,
  consolidateUnits,
  type InputEntry,
  type UnreadFile,
} from "../../src/core/consolidate";
import { BREAKDOWN_HEADER_ROWS, UNITS_SHEET } from "../../src/core/consolidate/sheets";
import { DATE1904_OFFSET, type NameTarget } from "../../src/core/figures";
import { DOCUMENTS_HEADER_ROW, DOCUMENTS_SHEET } from "../../src/core/layout/documentsSheet";
import type { TemplateMeta } from "../../src/core/meta";
import { checkWorkbook } from "../../src/core/workbook/check";
import { consolidateMany } from "../../src/core/workbook/consolidate";
import { draftWorkbook } from "../../src/core/workbook/draft";
import type { SheetAsRead, WorkbookAsRead } from "../../src/core/workbook/port";
import { formOf, readWorkbook } from "../../src/core/workbook/read";
import { TEST_CATALOGUE, THREE_UNITS, unitWorkbook } from "../support/consolidation";

/** A workbook held in memory, answering as an adapter does from what it read. */
function memoryWorkbook(options: {
  meta?: TemplateMeta | null;
  date1904?: boolean;
  names?: Record<string, NameTarget>;
  sheets?: SheetAsRead[];
}): WorkbookAsRead {
  const sheets = new Map((options.sheets ?? []).map((s) => [s.name.toLowerCase(), s]));
  return {
    meta: () => options.meta ?? null,
    date1904: options.date1904 ?? false,
    namedCell: (name) => options.names?.[name],
    sheet: (name) => sheets.get(name.toLowerCase()),
  };
}

const testMeta: TemplateMeta = {
  templateId: TEST_CATALOGUE.id,
  version: TEST_CATALOGUE.version,
  sheets: { [DOCUMENTS_SHEET.key]: "Văn bản của xã" },
  extra: {},
};

/** A grid whose row `at` (1-based) holds `cells`, the rows above empty. */
const rowAt = (at: number, cells: unknown[]): unknown[][] => [
  ...Array.from({ length: at - 1 }, () => []),
  cells,
];

/** The installed test workbook: two named figures, the list under the name the meta records, a breakdown. */
const testWorkbook = (date1904: boolean) =>
  memoryWorkbook({
    meta: testMeta,
    date1904,
    names: {
      CCHC_HS_NHAN: { cell: "'Số liệu thử'!D5", value: 50 },
      CCHC_HS_DUNGHAN: { cell: "'Số liệu thử'!D6", value: 90 },
      CCHC_CO_QUAN: { cell: "'Thông tin chung'!D4", value: "UBND XÃ AN BÌNH" },
    },
    sheets: [
      {
        name: "Văn bản của xã",
        // The day 2026-03-02 is serial 46083 in the 1900 system, 44621 in the 1904 one.
        values: rowAt(DOCUMENTS_HEADER_ROW + 1, [
          1,
          "12/QĐ-UBND",
          date1904 ? 44621 : 46083,
          "Về việc CCHC",
          "",
        ]),
      },
      {
        name: UNITS_SHEET.name,
        values: rowAt(BREAKDOWN_HEADER_ROWS.id + 1, [1, "UBND XÃ CẨM HÀ", 2, 0]),
      },
    ],
  });

describe("readWorkbook through the port", () => {
  it("reads the named figures, the list the meta names, a breakdown's warning; a 1904 workbook's dates as 1900 serials", () => {
    const a = readWorkbook(testWorkbook(false), TEST_CATALOGUE);
    const b = readWorkbook(testWorkbook(true), TEST_CATALOGUE);
    expect(a.figures.get("hs_nhan")).toEqual({
      id: "hs_nhan",
      cell: "'Số liệu thử'!D5",
      value: { type: "number", value: 50 },
    });
    expect(a.documents).toHaveLength(1);
    expect(a.documents[0]).toMatchObject({
      index: 1,
      number: { type: "text", value: "12/QĐ-UBND" },
      date: { type: "number", value: 46083 },
      dateCell: `'Văn bản của xã'!C${DOCUMENTS_HEADER_ROW + 1}`,
    });
    // The same day whichever date system the workbook stores it in.
    expect(b.documents[0].date).toEqual(a.documents[0].date);
    expect(44621 + DATE1904_OFFSET).toBe(46083);
    expect(b.date1904).toBe(true);
    expect(a.consolidation.map((f) => [f.checkId, f.cells])).toEqual([
      ["consolidation:parts", [`'${UNITS_SHEET.name}'!C${BREAKDOWN_HEADER_ROWS.id + 1}`]],
    ]);
  });

  it("counts a name missing from a workbook installed with this very form and version as a problem", () => {
    const { problems } = readWorkbook(testWorkbook(false), TEST_CATALOGUE);
    const missing = problems.filter((p) => p.kind === "brokenName").map((p) => p.id);
    expect(missing).toContain("hs_quahan");
    expect(missing).not.toContain("hs_nhan");
    // Another version: names may legitimately be missing, none is told.
    const older = readWorkbook(testWorkbook(false), { ...TEST_CATALOGUE, version: "2025.1" });
    expect(older.problems).toEqual([]);
  });

  it("reads the workbook's own form, the default in a workbook cchc never installed", () => {
    expect(formOf(memoryWorkbook({}))).toBe(DEFAULT_CATALOGUE);
    const district = memoryWorkbook({
      meta: { templateId: DISTRICT_CATALOGUE.id, version: DISTRICT_CATALOGUE.version, sheets: {}, extra: {} },
    });
    expect(formOf(district).id).toBe("huyen-2021");
    expect(readWorkbook(memoryWorkbook({})).figures.size).toBe(0);
  });
});

describe("checkWorkbook and draftWorkbook count the same findings", () => {
  it("finds the part above its whole (an error) and the consolidation's warning, in that order", () => {
    const checked = checkWorkbook(testWorkbook(false), TEST_CATALOGUE);
    expect(checked.findings.map((f) => f.checkId)).toEqual(
      expect.arrayContaining(["part:hs_dunghan", "consolidation:parts"]),
    );
    expect(checked.findings.at(-1)?.checkId).toBe("consolidation:parts");
    const { findings, errors } = draftWorkbook(checked.reading, TEST_CATALOGUE, {
      generatedAt: new Date(2026, 9, 1),
    });
    expect(findings).toEqual(checked.findings);
    expect(errors).toBe(checked.errors);
    expect(errors).toBeGreaterThanOrEqual(1);
  });
});

describe("consolidateMany: the one loop of the command line and the pane", () => {
  const units = THREE_UNITS.map((values, i) => ({ name: `don-vi-${i + 1}.xlsx`, values }));
  type Unit = (typeof units)[number];

  it("reads the inputs in order, the next one loading while this one is read, and sums them over units", async () => {
    const events: string[] = [];
    const progress: number[] = [];
    const outcome = await consolidateMany<Unit, Unit>(
      units,
      {
        load: async (unit) => {
          events.push(`load ${unit.name}`);
          return unit;
        },
        read: (unit) => {
          events.push(`read ${unit.name}`);
          return unitWorkbook(unit.name, unit.values);
        },
      },
      { coQuan: "SỞ NỘI VỤ TỈNH THỬ", onRead: (done, total) => progress.push(done / total) },
    );
    expect(events).toEqual([
      "load don-vi-1.xlsx",
      "load don-vi-2.xlsx",
      "read don-vi-1.xlsx",
      "load don-vi-3.xlsx",
      "read don-vi-2.xlsx",
      "read don-vi-3.xlsx",
    ]);
    expect(progress).toEqual([1 / 3, 2 / 3, 1]);
    expect(outcome.over).toBe("units");
    const direct = consolidateUnits(
      units.map((u) => unitWorkbook(u.name, u.values)),
      { coQuan: "SỞ NỘI VỤ TỈNH THỬ" },
    );
    expect(outcome.result!.values).toEqual(direct.result!.values);
    expect(outcome.result!.values).toMatchObject({
      hs_nhan: 190,
      hs_dunghan: 165,
      co_quan: "SỞ NỘI VỤ TỈNH THỬ",
    });
    expect(outcome.files.map((f) => [f.source, f.included, f.errors])).toEqual(
      direct.files.map((f) => [f.source, f.included, f.errors]),
    );
  });

  it("keeps an input it could not load as refused with its reason, without reading it", async () => {
    const read: string[] = [];
    const outcome = await consolidateMany<string, Unit>(["don-vi-1.xlsx", "mat.xlsx", "don-vi-2.xlsx"], {
      load: async (name): Promise<Unit | UnreadFile> =>
        units.find((u) => u.name === name) ?? { ok: false, source: name, reason: "Không tìm thấy tệp." },
      read: (unit) => {
        read.push(unit.name);
        return unitWorkbook(unit.name, unit.values);
      },
    });
    expect(read).toEqual(["don-vi-1.xlsx", "don-vi-2.xlsx"]);
    expect(outcome.files.find((f) => f.source === "mat.xlsx")).toMatchObject({
      included: false,
      reason: "Không tìm thấy tệp.",
    });
    expect(outcome.result!.values).toMatchObject({ hs_nhan: 150 });
  });

  it("consolidates over periods when given a target, as consolidatePeriods does", async () => {
    const entries: InputEntry[] = units.slice(0, 1).map((u) => unitWorkbook(u.name, u.values));
    const target = { period: "9 tháng" as const, year: 2026 };
    const outcome = await consolidateMany(entries, { load: async (e) => e, read: (e) => e }, { target });
    const direct = consolidatePeriods(entries, target);
    expect(outcome.over).toBe("periods");
    expect(outcome.problem).toBe(direct.problem);
    expect(outcome.problem).toBeTruthy();
  });
});
