/**
 * Install on the core's port, written once for both adapters (`planWorkbookInstall`): what it
 * reads of a workbook, whatever the adapter, and which sheets it says were not read when an
 * adapter read a list ahead (Office.js, in its one sync) and a user renamed one of ours.
 */
import { DEFAULT_CATALOGUE } from "../../src/core/catalogue";
import { planInstall, type ExistingWorkbook } from "../../src/core/install";
import { findMetaSheet } from "../../src/core/meta";
import { candidateReportNames } from "../../src/core/report/planReport";
import { sameSheetName } from "../../src/core/sheetNames";
import { existingForInstall, planWorkbookInstall } from "../../src/core/workbook/install";
import type { WorkbookToInstall } from "../../src/core/workbook/port";
import { existingForReport } from "../../src/core/workbook/report";
import { workbookOf } from "../support/plans";

/** The port over a workbook held as grids; `read`: the only sheets the adapter read (all by default). */
function portOf(
  workbook: ExistingWorkbook,
  names: ReadonlyMap<string, string>,
  read?: readonly string[],
): WorkbookToInstall & { asked: string[] } {
  const asked: string[] = [];
  const sheet = (name: string) => {
    asked.push(name);
    if (read && !read.some((n) => sameSheetName(n, name))) return undefined;
    const found = [...workbook.sheets.values()].find((s) => sameSheetName(s.name, name));
    // The values view: a formula shows its result (0 here), a constant itself.
    const values = found?.cells.map((row) =>
      row.map((v) => (typeof v === "string" && v.startsWith("=") ? 0 : v)),
    );
    return found && { name: found.name, values: values!, formulas: found.cells };
  };
  return {
    asked,
    meta: () => findMetaSheet((name) => sheet(name)?.values).meta,
    date1904: false,
    sheet,
    sheetNames: () => workbook.sheetNames,
    ourNames: () => names,
  };
}

const installed = planInstall({ sheetNames: [], sheets: new Map() }, { sample: true }).sheets;
const renamedFrom = DEFAULT_CATALOGUE.sheets[1].name;
const RENAMED = "Số liệu của xã";

/** The sample installed, then one input sheet renamed by the user (Excel keeps the names on its cells). */
function renamedWorkbook(): { workbook: ExistingWorkbook; names: Map<string, string> } {
  const plans = installed.map((p) => (p.name === renamedFrom ? { ...p, name: RENAMED } : p));
  const names = new Map(
    plans.flatMap((p) => p.names.map((n) => [n.name.toUpperCase(), `'${p.name}'!$${n.address}`] as const)),
  );
  return { workbook: workbookOf(plans, ["Sheet1"]), names };
}

describe("planWorkbookInstall", () => {
  it("finds a renamed sheet of ours through our names and keeps every figure typed in it", () => {
    const { workbook, names } = renamedWorkbook();
    const port = portOf(workbook, names);
    const { plan, unread } = planWorkbookInstall(port);
    expect(unread).toEqual([]);
    expect(plan.summary.updated).toContain(RENAMED);
    expect(plan.summary.added).toEqual([]);
    // The same count as an install over the very grids the adapter holds (nothing left unread).
    expect(plan.summary.keptValues).toBe(planInstall({ ...workbook, names }).summary.keptValues);
    expect(plan.summary.keptValues).toBeGreaterThan(0);
    expect(port.asked).toContain(RENAMED);
    // A user's own sheet is never read.
    expect(port.asked).not.toContain("Sheet1");
  });

  it("says which sheet of ours an adapter that read a list ahead did not read", () => {
    const { workbook, names } = renamedWorkbook();
    const readAhead = workbook.sheetNames.filter((n) => n !== RENAMED);
    const { unread } = planWorkbookInstall(portOf(workbook, names, readAhead));
    expect(unread).toEqual([RENAMED]);
  });

  it("reads the formulas view: our formulas come back as formulas, typed figures as constants", () => {
    const { workbook, names } = renamedWorkbook();
    const existing = existingForInstall(portOf(workbook, names));
    expect(existing.names).toBe(names);
    expect([...existing.sheets.keys()]).toContain(RENAMED);
    expect(existing.sheetNames).toEqual(workbook.sheetNames);
    const cells = existing.sheets.get(RENAMED)!.cells.flat();
    expect(cells.some((v) => typeof v === "string" && v.startsWith("="))).toBe(true);
  });
});

describe("existingForReport", () => {
  it("reads the meta sheet, the report sheets and the sheets the meta records, as values", () => {
    const { workbook, names } = renamedWorkbook();
    const port = portOf(workbook, names);
    const existing = existingForReport(port);
    expect(existing.sheetNames).toEqual(workbook.sheetNames);
    const metaName = findMetaSheet((n) => port.sheet(n)?.values).name!;
    expect([...existing.sheets.keys()]).toContain(metaName);
    for (const name of candidateReportNames()) expect(port.asked).toContain(name);
    // A sheet of ours holding formulas, under the name the meta records.
    const withFormulas = installed.find((p) => p.name !== renamedFrom && p.cells.some((c) => c.formula))!;
    const cells = existing.sheets.get(withFormulas.name)?.cells.flat() ?? [];
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.some((v) => typeof v === "string" && v.startsWith("="))).toBe(false);
  });
});
