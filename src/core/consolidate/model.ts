/**
 * The shapes of a consolidation: what an adapter hands in (one entry per input file, read or
 * refused) and what the core hands back (the consolidated figures, one summary per unit or
 * period, the fate of every file). Pure data, shared by the unit and the period consolidation.
 */
import type { Catalogue } from "../catalogue";
import type { Evaluated } from "../evaluate";
import type { CellValue, DocumentRow, Figures, PlacementProblem } from "../figures";

/** A workbook an adapter could read: its own form and its figures. */
export interface ReadWorkbook {
  ok: true;
  /** The file as the user named it (messages and the file list show it). */
  source: string;
  /** The form the workbook carries. */
  catalogue: Catalogue;
  figures: Figures;
  documents: readonly DocumentRow[];
  /** Where figures are wrong (a deleted cell, rows sorted away from their names), as read. */
  problems?: readonly PlacementProblem[];
  /**
   * Its checks and evaluation, when they were made as it was read (`compactEntry`): then its
   * placement problems, which only the checks look at, are not kept, and its documents only as
   * their four values (a few short texts a unit, what the consolidated Phụ lục II lists).
   */
  checked?: PartCheck;
  /**
   * Set by the reader when the workbook is itself a consolidation's result (it holds the
   * breakdown sheet «Tổng hợp theo đơn vị» or «Tổng hợp theo kỳ»): what it consolidated and how
   * many parts its breakdown lists (undefined when they could not be counted). Over units such a
   * workbook is not one unit's report and is refused; over periods it is a legitimate input.
   */
  consolidated?: ConsolidatedMark;
}

/** What a workbook that is a consolidation's result says of itself. */
export interface ConsolidatedMark {
  over: "units" | "periods";
  parts?: number;
}

/** What the consolidation keeps of a unit's (or a period's) checks: its ratios and its counts. */
export interface PartCheck {
  /** Every indicator of the part, ratios computed from its own figures. */
  evaluated: ReadonlyMap<string, Evaluated>;
  errors: number;
  warnings: number;
}

/** A file the adapter could not use (unreadable, corrupt, not a CCHC workbook), with the reason. */
export interface UnreadFile {
  ok: false;
  source: string;
  /** Vietnamese, one sentence. */
  reason: string;
}

export type InputEntry = ReadWorkbook | UnreadFile;

/** One part of the total: a unit (over units) or a period (over periods). */
export interface PartSummary extends PartCheck {
  source: string;
  /** The unit's name from its Thông tin chung (over periods: the period, e.g. `6 tháng 2026`). */
  name: string;
}

/** What happened to one input file. */
export interface FileStatus {
  source: string;
  /** The unit's name, when the file could be read. */
  unit?: string;
  /** The period read from the file (`Quý III/2026, 15/06/2026 – 14/09/2026`). */
  period?: string;
  included: boolean;
  /** Why the file was refused (Vietnamese), or a remark on an included one. */
  reason?: string;
  errors?: number;
  warnings?: number;
}

/** A document of a unit's «Danh mục văn bản», carried into the consolidation's list. */
export interface ConsolidatedDocument {
  /** Over units, the unit that issued it (its Thông tin chung name, else its file); over periods "". */
  unit: string;
  number: CellValue;
  date: CellValue;
  summary: CellValue;
  note: CellValue;
}

/** The consolidated report: a figure set over the inputs' form, ready to install. */
export interface Consolidation {
  catalogue: Catalogue;
  /**
   * The typed content of the result by indicator id: what goes into the input cells (numbers,
   * texts, null when left to type). Ratios are never here; derived dates only when typed.
   */
  values: Readonly<Record<string, string | number | null>>;
  /** `values` as figures, and every indicator evaluated over them by the core arithmetic. */
  figures: Figures;
  evaluated: ReadonlyMap<string, Evaluated>;
  /** The parts, in a stable order (by name), whatever the order of the files. */
  parts: PartSummary[];
  /**
   * Ghi chú for rows of the result by indicator id: a ratio computed over incomplete parts
   * (some unit typed one side and left the other blank), naming the units. Also in `evaluated`'s
   * note; written into the Ghi chú cell of the result's row when that cell is blank.
   */
  notes?: Readonly<Record<string, string>>;
  /**
   * Every included part's documents: over units unit by unit in the parts' order, over periods
   * period by period, so that the result's «Danh mục văn bản» (and its Phụ lục II) agrees with
   * its summed count of documents.
   */
  documents?: readonly ConsolidatedDocument[];
}

export interface ConsolidationOutcome {
  /** Every input, sorted by file name: included or refused and why. */
  files: FileStatus[];
  /** Absent when no input could be used. */
  result?: Consolidation;
}

// Thông tin chung belongs to the catalogue; re-exported for the consolidation's modules.
export { INFO_SHEET_KEY, isInfo } from "../catalogue/infoBlock";

// How a row combines is the catalogue's (its kinds and `aggregate`); re-exported for the modules here.
export { aggregateOf } from "../catalogue/combine";
