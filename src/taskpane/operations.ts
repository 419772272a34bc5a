/**
 * The operations the task pane calls. The components receive them as props (through `App`), so
 * the pane renders and is tested without Office; `officeOperations.ts` implements them over
 * Excel.run, the tests over plain promises.
 *
 * Every operation may reject: with an `OfficeExtension.Error` (code + message), a core error
 * (`NotInstalledError`…), a `PaneError` below, or anything else. The pane turns each into a
 * readable message (errors.ts) and never stays busy.
 */
import type { Finding } from "../core/checks";
import type { FileStatus, PeriodTarget } from "../core/consolidate";
import type { PaneFinding } from "./findings";
import type { InstallSummary } from "../core/install";
import type { Catalogue } from "../core/catalogue";
import type { ReportPlan } from "../core/report/planReport";
import type { CriterionScore } from "../core/scoring";
import type { ProofFinding } from "../core/proofread";

export type { Finding, InstallSummary, CriterionScore, FileStatus, PeriodTarget, ProofFinding };

/** What the workbook holds, as the Trạng thái card shows it. */
export interface PaneStatus {
  /** The workbook carries the CCHC template (its meta sheet). */
  installed: boolean;
  /** The installed template's version, null when not installed. */
  version: string | null;
  /** The workbook's own form (the catalogue it carries), null when not installed. */
  form?: { id: string; title: string; version: string; level: string } | null;
  /** The template version this add-in installs. */
  latestVersion: string;
  /** The reporting period typed in the workbook (`Quý III`, `6 tháng`…), null when blank. */
  period: string | null;
  year: number | null;
  /** Cells of our sheets whose CCHC.* formula shows #NAME? (repairFunctions fixes them). */
  brokenFunctionCells: number;
  /** Requirement sets this Excel lacks (`ExcelApi 1.8`…); installing needs them all. */
  missingRequirements: string[];
}

/** Where the report went: the sheets written, what remains to fix, what was kept aside. */
export type ReportResult = ReportPlan["summary"];

/** A file the user picked for consolidation: its name and, on demand, its bytes. */
export interface ConsolidationFile {
  name: string;
  bytes(): Promise<ArrayBuffer>;
}

/** A document the user picked to proofread (.docx, .txt, .md): its name and its bytes. */
export type PickedDocument = ConsolidationFile;

/** What a consolidation into the open workbook did. */
export interface ConsolidateResult {
  /** Units of one period (many units' files), or one unit's periods into a longer one. */
  over: "units" | "periods";
  /** Every file picked, included or refused with its reason (sorted by name). */
  files: FileStatus[];
  /** Units consolidated (over periods: periods); 0 when nothing was written. */
  parts: number;
  /** Units (periods) whose own figures have errors: included, flagged on the breakdown sheet. */
  partsWithErrors: number;
  /** The consolidation's sheets written into the workbook. */
  sheets: string[];
  /**
   * Rows whose total is left blank because a part typed «chưa có số liệu» (labels in catalogue
   * order, the core's `incompleteRows`); absent or empty when every total is complete.
   */
  incomplete?: string[];
  /** The first consolidated headline figures (counts and amounts), in catalogue order. */
  totals: Array<{ id: string; label: string; unit: string; value: number }>;
  /** The period written into the workbook: `Kỳ 9 tháng/2026 (số liệu 15/12/2025 – 14/09/2026)`. */
  period?: string;
  /**
   * The workbook's own «Danh mục văn bản» already held this many documents and was kept, so
   * Phụ lục II lists them and not the parts' documents (absent or 0: the parts' were listed).
   */
  keptDocuments?: number;
  /**
   * Over periods, why nothing was written: the core's message naming the dates the files
   * leave out or count twice, or that no file could be used.
   */
  problem?: string;
}

/** The Word draft of the narrative report, ready to hand to the user. */
export interface DraftResult {
  /** `bao-cao-cchc-quy-iii-2021.docx` */
  fileName: string;
  bytes: Uint8Array;
  /** Errors left in the figures (the draft says so on its first page). */
  errors: number;
}

/** The pane's whole contract with the host. */
export interface PaneOperations {
  status(): Promise<PaneStatus>;
  /**
   * Installs or upgrades the template, keeping typed figures. `catalogue` chooses the form (a
   * built-in or a province's file) on a first install, or a newer version of the workbook's
   * own; absent, an installed workbook keeps its own and a new one gets the default.
   */
  install(catalogue?: Catalogue): Promise<InstallSummary>;
  /** Reads the figures and checks them: errors and warnings in catalogue order. */
  check(): Promise<PaneFinding[]>;
  /** Selects a cell (`'Sheet name'!D12`), activating its sheet. */
  selectCell(ref: string): Promise<void>;
  /**
   * Writes the report sheets (Phụ lục I and II); with `compared` (the unit's workbooks of the
   * previous period and/or the same period last year), Phụ lục I gets their figures and the
   * change. A workbook that is not comparable is refused (CompareRefusedError), nothing written.
   */
  report(compared?: readonly ConsolidationFile[]): Promise<ReportResult>;
  /** The self-assessment: each criterion's score and last year's. */
  scores(): Promise<CriterionScore[]>;
  /** Enters the CCHC.* formulas stuck at #NAME? again; resolves with how many were repaired. */
  repairFunctions(): Promise<number>;
  /**
   * Consolidates the picked workbooks into the open one, which must hold their form: over units
   * (many units of one period) when `target` is absent, else one unit's periods into `target`
   * (kỳ and năm), whose data period they must tile exactly. Optional: a host without it shows
   * no Tổng hợp card.
   */
  consolidate?(files: readonly ConsolidationFile[], target?: PeriodTarget): Promise<ConsolidateResult>;
  /**
   * Proofreads a report's prose (issue 18): the percentages that do not follow from the figures
   * written beside them and, `withWorkbook`, those and the figures that are not the open
   * workbook's. Optional: a host without it shows no «Soát số liệu trong văn bản» card.
   */
  proofread?(document: PickedDocument, withWorkbook: boolean): Promise<ProofFinding[]>;
  /**
   * The narrative report drafted from the open workbook as a .docx (src/core/narrative,
   * src/docx). Optional: a host without it shows no draft card.
   */
  draft?(): Promise<DraftResult>;
}

/** The names of the operations, as the pane tracks which one is running. */
export type OperationName = keyof PaneOperations;

/** Conditions the pane itself detects, with their own messages (strings.ts `errors.pane`). */
export type PaneErrorCode =
  "notInExcel" | "notInstalled" | "missingRequirements" | "consolidationForm" | "consolidationUnit";

/** An error with a known cause, described in the user's language by describeError. */
export class PaneError extends Error {
  constructor(
    readonly code: PaneErrorCode,
    /** Extra detail shown after the message (missing requirement sets…). */
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "PaneError";
  }
}

/**
 * Operations loaded on first use: the pane paints with React and Fluent UI only, and the Excel
 * adapter (with the core's install and report planners) arrives in its own chunk.
 */
export function lazyOperations(load: () => Promise<PaneOperations>): PaneOperations {
  let loading: Promise<PaneOperations> | undefined;
  const get = () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined; // a failed chunk download may succeed on the next click
      throw error;
    });
    return loading;
  };
  return {
    status: async () => (await get()).status(),
    install: async (level) => (await get()).install(level),
    check: async () => (await get()).check(),
    selectCell: async (ref) => (await get()).selectCell(ref),
    report: async (compared) => (await get()).report(compared),
    scores: async () => (await get()).scores(),
    repairFunctions: async () => (await get()).repairFunctions(),
    consolidate: async (files, target) => {
      const operations = await get();
      if (!operations.consolidate) throw new PaneError("notInExcel");
      return operations.consolidate(files, target);
    },
    proofread: async (document, withWorkbook) => {
      const operations = await get();
      if (!operations.proofread) throw new PaneError("notInExcel");
      return operations.proofread(document, withWorkbook);
    },
    draft: async () => {
      const operations = await get();
      if (!operations.draft) throw new PaneError("notInExcel");
      return operations.draft();
    },
  };
}
