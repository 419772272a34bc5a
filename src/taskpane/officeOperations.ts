/**
 * PaneOperations over Office.js: each operation is one `Excel.run` batch around the adapter's
 * functions (src/excel), which do every read in one sync and every write in one more. This
 * module is loaded on the pane's first operation (index.tsx → lazyOperations), so the adapter
 * and the core's planners stay out of the first download.
 */
import { builtinCatalogue, DEFAULT_CATALOGUE, type Catalogue } from "../core/catalogue";
import type { FigureCell } from "../core/figures";
import { SCORING_COLUMNS, SCORING_SHEET } from "../core/layout/scoringSheet";
import { columnNumber } from "../core/layout/model";
import { evaluateIndicators } from "../core/evaluate";
import { breakdownIndicators, consolidationSubtitle, incompleteRows } from "../core/consolidate";
import { consolidateMany } from "../core/workbook/consolidate";
import { CompareRefusedError, type ComparedWorkbook } from "../core/report/comparison";
import { scoreCriteria, type TypedScores } from "../core/scoring";
import type { ContextApi } from "../excel/api";
import {
  assertCanRun,
  canRun,
  hostCapabilities,
  REQUIREMENTS,
  type Capabilities,
} from "../excel/capabilities";
import { checkWorkbook, selectCell } from "../excel/checkWorkbook";
import { consolidateIntoWorkbook } from "../excel/consolidate";
import { generateReport } from "../excel/generateReport";
import { installSheets } from "../excel/installSheets";
import { readWithOwnCatalogue, type BrokenCell } from "../excel/readFigures";
import { withSections } from "./findings";
import { PaneError, type ConsolidationFile, type PaneOperations, type PaneStatus } from "./operations";

/** How many consolidated totals the pane lists. */
const PANE_TOTALS = 8;

/** Runs a batch in Excel; outside Excel (a plain browser tab) says so instead of a ReferenceError. */
function inExcel<T>(batch: (context: ContextApi) => Promise<T>): Promise<T> {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function")
    return Promise.reject(new PaneError("notInExcel"));
  return Excel.run((context) => batch(context));
}

/** The requirement sets a host lacks that the user would notice (`ExcelApi 1.8`…). */
export function missingRequirements(capabilities: Capabilities): string[] {
  const missing = REQUIREMENTS.filter((r) => r.what && !capabilities[r.capability]).map(
    (r) => `ExcelApi ${r.version}`,
  );
  return [...new Set(missing)];
}

/** The CCHC.* cells Excel left unresolved (#NAME?, or saved as `_xldudf_…`): entering them again repairs them. */
export function unresolvedFunctionCells(broken: readonly BrokenCell[]): BrokenCell[] {
  return broken.filter((cell) => cell.value === "#NAME?" || /_xldudf_/i.test(cell.formula));
}

function textOf(figure: FigureCell | undefined): string | null {
  const value = figure?.value;
  if (value?.type === "text") return value.value.trim() || null;
  if (value?.type === "number") return String(value.value);
  return null;
}

function yearOf(figure: FigureCell | undefined): number | null {
  const value = figure?.value;
  return value?.type === "number" && Number.isInteger(value.value) ? value.value : null;
}

/** The typed scores of the scoring sheet (values view from A1), by criterion code in column A. */
export function typedScoresFromGrid(grid: ReadonlyArray<ReadonlyArray<unknown>>): TypedScores {
  const score = columnNumber(SCORING_COLUMNS.score) - 1;
  const lastYear = columnNumber(SCORING_COLUMNS.lastYear) - 1;
  const typed = new Map<string, { score?: unknown; lastYear?: unknown }>();
  for (const row of grid) {
    const code = row[columnNumber(SCORING_COLUMNS.code) - 1];
    if (typeof code === "string" && code.trim() && !typed.has(code.trim()))
      typed.set(code.trim(), { score: row[score], lastYear: row[lastYear] });
  }
  return typed;
}

export interface OfficeOperationsOptions {
  /** What the host supports; asked of Office by default. */
  capabilities?: () => Capabilities;
}

/** The pane's operations in the running Excel. */
/**
 * The workbooks to compare the report with, read by the consolidation's reader (its own chunk);
 * a file it cannot read is refused as a comparison is, naming the file and why.
 */
async function readCompared(files: readonly ConsolidationFile[]): Promise<ComparedWorkbook[]> {
  const { readFigureWorkbook } = await import(
    /* webpackChunkName: "consolidate" */ "../xlsx/figureReader/read"
  );
  const compared: ComparedWorkbook[] = [];
  for (const file of files) {
    const entry = readFigureWorkbook(new Uint8Array(await file.bytes()), file.name);
    if (!entry.ok) throw new CompareRefusedError(file.name, entry.reason);
    compared.push({ source: file.name, catalogue: entry.catalogue, figures: entry.figures });
  }
  return compared;
}

export function createOfficeOperations(options: OfficeOperationsOptions = {}): PaneOperations {
  const capabilities = options.capabilities ?? hostCapabilities;
  // The form the open workbook carries, as last read: what the next read expects, so that it
  // takes one sync (a workbook with another form costs a second, and updates this).
  let known: Catalogue = DEFAULT_CATALOGUE;
  const readOwn = async (context: ContextApi) => {
    const details = await readWithOwnCatalogue(context, known, capabilities());
    known = details.catalogue;
    return details;
  };

  return {
    status: () =>
      inExcel(async (context) => {
        const caps = capabilities();
        const base: PaneStatus = {
          installed: false,
          version: null,
          latestVersion: DEFAULT_CATALOGUE.version,
          period: null,
          year: null,
          brokenFunctionCells: 0,
          missingRequirements: missingRequirements(caps),
        };
        // Too old to read the sheets at all: the missing sets are the whole status.
        if (!canRun(caps)) return base;
        const { reading, catalogue } = await readOwn(context);
        return {
          ...base,
          installed: reading.meta !== null,
          version: reading.meta?.version ?? null,
          // The newest version the program ships of the workbook's form (its own when none).
          latestVersion: builtinCatalogue(catalogue.id)?.version ?? catalogue.version,
          form: reading.meta
            ? { id: catalogue.id, title: catalogue.title, version: catalogue.version, level: catalogue.level }
            : null,
          period: textOf(reading.figures.get("ky_bao_cao")),
          year: yearOf(reading.figures.get("nam")),
          brokenFunctionCells: unresolvedFunctionCells(reading.broken).length,
        };
      }),

    // No catalogue: the planner keeps an installed workbook's own form.
    install: (chosen) =>
      inExcel(async (context) => {
        const summary = await installSheets(context, { catalogue: chosen, capabilities: capabilities() });
        if (chosen) known = chosen;
        return summary;
      }),

    check: () =>
      inExcel(async (context) => {
        const caps = capabilities();
        // No catalogue: the check follows the workbook's own template (huyện or xã).
        const outcome = await checkWorkbook(context, { catalogue: known, capabilities: caps });
        // Nothing found may mean there is nothing to check: say so rather than "all clear".
        if (!outcome.installed) throw new PaneError("notInstalled");
        known = outcome.catalogue;
        return withSections(outcome.findings, outcome.catalogue);
      }),

    selectCell: (ref) => inExcel((context) => selectCell(context, ref)),

    report: async (files = []) => {
      // The earlier workbooks, read as the consolidation reads its files (the same reader),
      // before Excel is touched: the comparison is planned with the report, in its one write.
      const compared = files.length > 0 ? await readCompared(files) : [];
      return inExcel(async (context) => {
        const { errors, warnings, sheets, keptEdited } = await generateReport(context, {
          catalogue: known,
          capabilities: capabilities(),
          compared,
        });
        return { errors, warnings, sheets, keptEdited };
      });
    },

    scores: () =>
      inExcel(async (context) => {
        assertCanRun(capabilities());
        const { reading, sheets, catalogue: own } = await readOwn(context);
        if (reading.meta === null) throw new PaneError("notInstalled");
        const sheetName = reading.meta.sheets[SCORING_SHEET.key] ?? SCORING_SHEET.name;
        const grid = sheets.get(sheetName.toLowerCase())?.values ?? [];
        return scoreCriteria(own, evaluateIndicators(reading.figures, own), typedScoresFromGrid(grid));
      }),

    repairFunctions: () =>
      inExcel(async (context) => {
        const caps = capabilities();
        assertCanRun(caps);
        const { reading, catalogue } = await readOwn(context);
        if (reading.meta === null) throw new PaneError("notInstalled");
        const stuck = unresolvedFunctionCells(reading.broken).length;
        if (stuck === 0) return 0;
        // Installing again enters every CCHC.* formula again, keeping every typed figure: the
        // one way to make Excel resolve them (office-js issues 6611, 108).
        await installSheets(context, { catalogue, capabilities: caps });
        return stuck;
      }),

    draft: async () => {
      assertCanRun(capabilities());
      // One read sync (the form is known from the status read), then no Excel at all.
      const { reading, catalogue } = await inExcel((context) => readOwn(context));
      if (reading.meta === null) throw new PaneError("notInstalled");
      // The narrative core and the docx library are a chunk of their own, loaded on first use.
      const { draftWorkbook, draftFileName, draftDocxBytes } = await import(
        /* webpackChunkName: "docx" */ "../docx/draftPackage"
      );
      const { draft, errors } = draftWorkbook(reading, catalogue);
      return {
        fileName: draftFileName(catalogue, reading.figures),
        bytes: await draftDocxBytes(draft),
        errors,
      };
    },

    consolidate: async (files, target) => {
      assertCanRun(capabilities());
      // The reader (fflate, saxes) is a chunk of its own, downloaded on the first consolidation.
      const { readFigureWorkbook } = await import(
        /* webpackChunkName: "consolidate" */ "../xlsx/figureReader/read"
      );
      // The command line's loop and consolidations, the same core: no rule of its own here.
      const outcome = await consolidateMany(
        files,
        {
          load: async (file) => new Uint8Array(await file.bytes()),
          read: (bytes, file) => readFigureWorkbook(bytes, file.name),
        },
        { target },
      );
      const { over } = outcome;
      const result = outcome.result;
      const included = outcome.files.filter((f) => f.included);
      const partsWithErrors = included.filter((f) => (f.errors ?? 0) > 0).length;
      // A gap or an overlap (or no usable file): nothing is written, as the command line's exit 2.
      if (!result)
        return {
          over,
          files: outcome.files,
          parts: 0,
          partsWithErrors,
          sheets: [],
          totals: [],
          problem: outcome.problem,
        };
      const written = await inExcel((context) =>
        consolidateIntoWorkbook(context, result, outcome.files, { over, capabilities: capabilities() }),
      );
      if (!written.ok && written.reason === "otherUnit") {
        throw new PaneError(
          "consolidationUnit",
          `các tệp của «${written.expected}», sổ tính ghi «${written.found}»`,
        );
      }
      if (!written.ok) {
        throw new PaneError(
          "consolidationForm",
          written.reason === "otherForm"
            ? `tệp theo mẫu ${written.expected}, sổ tính có mẫu ${written.found}`
            : `tệp theo mẫu ${written.expected}, sổ tính chưa có mẫu nào`,
        );
      }
      // The pane shows the first headline totals; every figure is on the breakdown sheet.
      const totals = breakdownIndicators(result.catalogue)
        .filter((i) => (i.kind === "count" || i.kind === "money") && !i.parent)
        .flatMap((i) => {
          const value = result.evaluated.get(i.id)?.value;
          return typeof value === "number" ? [{ id: i.id, label: i.label, unit: i.unit, value }] : [];
        })
        .slice(0, PANE_TOTALS);
      return {
        over,
        files: outcome.files,
        parts: result.parts.length,
        partsWithErrors,
        sheets: written.sheets,
        totals,
        period: consolidationSubtitle(result),
        keptDocuments: written.keptDocuments,
        incomplete: incompleteRows(result),
      };
    },

    proofread: async (document, withWorkbook) => {
      // The document reader (fflate, saxes) and the proofreader: a chunk of their own.
      const [{ documentParagraphs }, { proofread }] = await Promise.all([
        import(/* webpackChunkName: "proofread" */ "../docx/readText"),
        import(/* webpackChunkName: "proofread" */ "../core/proofread"),
      ]);
      const paragraphs = documentParagraphs(new Uint8Array(await document.bytes()), document.name);
      if (!withWorkbook) return proofread(paragraphs);
      // The open workbook's figures and form: one read sync (readOwn), nothing written.
      const workbook = await inExcel(async (context) => {
        assertCanRun(capabilities());
        const { reading, catalogue } = await readOwn(context);
        if (reading.meta === null) throw new PaneError("notInstalled");
        return { figures: reading.figures, catalogue };
      });
      return proofread(paragraphs, workbook);
    },
  };
}
