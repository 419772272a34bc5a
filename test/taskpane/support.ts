/**
 * Data for the pane's tests from the real core (never invented findings): the Đức Thọ sample
 * installed by the install planner, checked by the check engine, reported by the report planner
 * and scored by the scoring; and a fake PaneOperations over it (jest mocks: the pane's contract
 * is the interface).
 */
import { DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import { sampleOf, SAMPLE_DOCUMENTS, SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { withSections, type PaneFinding } from "../../src/taskpane/findings";
import { checkFigures } from "../../src/core/checks";
import { evaluateIndicators } from "../../src/core/evaluate";
import { figuresFromValues, type Figures } from "../../src/core/figures";
import { documentsFromSample } from "../support/plans";
import { figuresOfPlans, planInstall, type InstallSummary } from "../../src/core/install";
import { planReport } from "../../src/core/report/planReport";
import { scoreCriteria, type CriterionScore } from "../../src/core/scoring";
import type { PaneOperations, PaneStatus, ReportResult } from "../../src/taskpane/operations";

const catalogue = DISTRICT_CATALOGUE;

export { workbookOf } from "../support/plans";
import { workbookOf } from "../support/plans";

/** The sample installed into an empty workbook. */
export const installedSample = planInstall(
  { sheetNames: ["Sheet1"], sheets: new Map() },
  { sample: true, catalogue: DISTRICT_CATALOGUE },
);

/** A fresh install's summary. */
export const freshInstall: InstallSummary = planInstall(
  {
    sheetNames: ["Sheet1"],
    sheets: new Map(),
  },
  { catalogue: DISTRICT_CATALOGUE },
).summary;

/**
 * An upgrade of the installed sample into a workbook where the user already had a sheet named
 * like one of ours: every typed figure kept, our new sheet renamed. (The user's sheet and a copy
 * of our sheets without the meta sheet: the planner then treats ours as new.)
 */
export const upgradeInstall: InstallSummary = planInstall(workbookOf(installedSample.sheets), {
  sample: true,
  catalogue: DISTRICT_CATALOGUE,
}).summary;
export const renamingInstall: InstallSummary = planInstall(
  {
    sheetNames: ["Sheet1", "Thông tin chung"],
    sheets: new Map(),
  },
  { catalogue: DISTRICT_CATALOGUE },
).summary;

/** The sample's figures as the adapter reads them: real cell references (`'Sheet'!D12`). */
export function sampleFigures(): Figures {
  return figuresOfPlans(installedSample.sheets, catalogue);
}

/** The real check of the sample: the four known warnings, no error. */
export function sampleFindings(): PaneFinding[] {
  return withSections(checkFigures(sampleFigures(), [], catalogue), catalogue);
}

/** The sample with one typed figure made invalid and one total broken: errors and warnings. */
export function findingsWithErrors(): PaneFinding[] {
  const figures = figuresFromValues(
    { ...SAMPLE_FIGURES, kh_hoanthanh: "hai mươi", tg_dunghan: 12 },
    catalogue,
    (i) => `'Sheet'!${i.id}`,
  );
  return withSections(checkFigures(figures, [], catalogue), catalogue);
}

const generatedAt = new Date(2021, 8, 15, 9, 30);

/** The report of the sample: two sheets written, four warnings. */
export function sampleReport(): ReportResult {
  const documents = documentsFromSample(SAMPLE_DOCUMENTS);
  return planReport(workbookOf(installedSample.sheets), { figures: sampleFigures(), documents, generatedAt })
    .summary;
}

/** A report over figures that still have errors. */
export function reportWithErrors(): ReportResult {
  const figures = figuresFromValues(
    { ...SAMPLE_FIGURES, tg_dunghan: 12 },
    catalogue,
    (i) => `'Sheet'!${i.id}`,
  );
  return planReport(workbookOf(installedSample.sheets), { figures, documents: [], generatedAt }).summary;
}

/**
 * The self-assessment of the sample, with last year's scores of the catalogue and a few typed
 * scores for this year.
 */
export function sampleScores(): CriterionScore[] {
  const typed = new Map<string, { score?: unknown; lastYear?: unknown }>(
    catalogue.criteria.map((c) => [c.code, { lastYear: sampleOf("huyen-2021")!.lastYear[c.code] }]),
  );
  for (const [code, score] of [
    ["TC_NV_TINHGIAO", 1.5],
    ["TC_QPPL_GIAIPHAP", 0.5],
    ["TC_CHUYENDOI_VT", 1.5],
  ] as const) {
    typed.set(code, { ...typed.get(code), score });
  }
  return scoreCriteria(catalogue, evaluateIndicators(sampleFigures(), catalogue), typed);
}

export const installedStatus: PaneStatus = {
  installed: true,
  version: catalogue.version,
  form: { id: "huyen-2021", title: catalogue.title, version: catalogue.version, level: "huyen" },
  latestVersion: catalogue.version,
  period: "Quý III",
  year: 2021,
  brokenFunctionCells: 0,
  missingRequirements: [],
};

export const emptyStatus: PaneStatus = {
  installed: false,
  version: null,
  latestVersion: catalogue.version,
  period: null,
  year: null,
  brokenFunctionCells: 0,
  missingRequirements: [],
};

export type FakeOperations = {
  [K in keyof PaneOperations]: jest.Mock<
    ReturnType<NonNullable<PaneOperations[K]>>,
    Parameters<NonNullable<PaneOperations[K]>>
  >;
};

/** Operations that succeed with the sample's real results; override any with jest mocks. */
export function fakeOperations(overrides: Partial<PaneOperations> = {}): FakeOperations {
  const ops: PaneOperations = {
    status: async () => installedStatus,
    install: async () => freshInstall,
    check: async () => sampleFindings(),
    selectCell: async () => undefined,
    report: async () => sampleReport(),
    scores: async () => sampleScores(),
    repairFunctions: async () => 0,
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(ops).map(([name, fn]) => [name, jest.fn(fn)]),
  ) as unknown as FakeOperations;
}

/** What `context.sync()` rejects with: an `OfficeExtension.Error` (name, code, message, debugInfo). */
export function officeError(code: string, message: string, debugCode = code): Error {
  return Object.assign(new Error(message), {
    name: "RichApi.Error",
    code,
    traceMessages: [],
    debugInfo: { code: debugCode, message, errorLocation: "Worksheet.getItem" },
  });
}

/** A promise settled from outside, to look at the pane while an operation runs. */
export function deferred<T>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
