import { DEFAULT_CATALOGUE, inputName, reportName } from "../../src/core/catalogue";
import { catalogueById, catalogueForLevel, levelOf } from "../../src/core/catalogue/levels";
import { SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { checkFigures } from "../../src/core/checks";
import { figuresFromValues } from "../../src/core/figures";
import { planInstall } from "../../src/core/install";
import type { SheetPlan } from "../../src/core/layout/model";
import { planReport } from "../../src/core/report/planReport";
import { workbookOf } from "../support/plans";

const names = (plans: readonly SheetPlan[]) => plans.flatMap((p) => p.names.map((n) => n.name));

describe("the commune (xã) template", () => {
  const xa = catalogueForLevel("X");

  it("keeps the indicators of level X or HX, and only checks and criteria that can run", () => {
    expect(xa.id).toBe("cchc-xa");
    expect(xa.indicators.every((i) => i.level.includes("X"))).toBe(true);
    expect(xa.indicators.map((i) => i.id)).not.toContain("dvsn_so");
    expect(xa.indicators.map((i) => i.id)).toContain("bc_xa_comat");
    const ids = new Set(xa.indicators.map((i) => i.id));
    for (const rule of xa.checks) {
      const used = JSON.stringify(rule)
        .match(/"[a-z0-9_]+"/g)!
        .map((s) => s.slice(1, -1));
      expect(
        used.filter((id) => DEFAULT_CATALOGUE.indicators.some((i) => i.id === id)).every((id) => ids.has(id)),
      ).toBe(true);
    }
    expect(xa.criteria.map((c) => c.code)).not.toContain("TC_ISO_XA");
    expect(xa.sections.map((s) => s.number)).toEqual(["", "1", "2", "3", "4", "5", "7", "11"]);
    expect(catalogueById("cchc-xa").id).toBe("cchc-xa");
    expect(catalogueById("cchc-huyen")).toBe(DEFAULT_CATALOGUE);
    expect(levelOf("cchc-xa")).toBe("X");
  });

  it("installs, reinstalls and reports with the commune's rows only", () => {
    const fresh = planInstall({ sheetNames: [], sheets: new Map() }, { level: "X", sample: true });
    expect(names(fresh.sheets)).toContain(inputName("bc_xa_giao"));
    expect(names(fresh.sheets)).not.toContain(inputName("dvsn_so"));
    expect(fresh.sheets.at(-1)!.cells.some((c) => c.value === "cchc-xa")).toBe(true);
    // Installing again without saying the level keeps the commune's template.
    const again = planInstall(workbookOf(fresh.sheets));
    expect(names(again.sheets).sort()).toEqual(names(fresh.sheets).sort());

    const figures = figuresFromValues(SAMPLE_FIGURES, xa);
    const report = planReport(workbookOf(fresh.sheets), {
      figures,
      documents: [],
      generatedAt: new Date(2021, 8, 15),
    });
    const reportNames = report.sheets[0].names.map((n) => n.name);
    expect(reportNames).toContain(reportName("bc_xa_comat"));
    expect(reportNames).not.toContain(reportName("dvsn_so"));
    expect(reportNames).not.toContain(reportName("dautu_tyle"));
    // The commune's warnings: what the district sample gives, less the district-only rows.
    expect(checkFigures(figures, [], xa).map((f) => f.checkId)).toEqual([
      "balance:hs_tong",
      "sum:kh_tong:areas",
      "quota:bc_xa_comat",
    ]);
  });
});
