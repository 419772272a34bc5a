/**
 * The consolidation on files (the command line and the bench): read each input with the fast
 * reader, one file at a time, keeping only its figures; consolidate in the core; write the
 * result as a new workbook of the same form (./write). Input files are only ever read; ExcelJS
 * is not loaded to read them.
 */
import { promises as fs } from "fs";
import {
  compactEntry,
  consolidatedWorkbookPlan,
  consolidatePeriods,
  consolidateUnits,
  consolidationSubtitle,
  type ConsolidationOutcome,
  type InputEntry,
  type Interner,
  type PeriodTarget,
} from "../../core/consolidate";
import type { SheetPlan } from "../../core/layout/model";
import { readFigureWorkbook, type FigureReadOptions } from "./read";

/** Reads one file into a consolidation input; a file that cannot be read comes back refused. */
export async function readFigureFile(file: string, options: FigureReadOptions = {}): Promise<InputEntry> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === "ENOENT"
        ? "Không tìm thấy tệp."
        : code === "EISDIR"
          ? "Là một thư mục, không phải tệp Excel .xlsx."
          : code === "EACCES" || code === "EPERM"
            ? "Không đọc được tệp: không có quyền đọc."
            : `Không đọc được tệp: ${error instanceof Error ? error.message : String(error)}.`;
    return { ok: false, source: file, reason };
  }
  return readFigureWorkbook(bytes, file, options);
}

export interface ConsolidateFilesOptions extends FigureReadOptions {
  /** Over periods of one unit into this target; over units when absent. */
  target?: PeriodTarget;
  /** The consolidating body's name (over units). */
  coQuan?: string;
  /** Called after each file is read (progress of a long run). */
  onFile?: (done: number, total: number) => void;
}

export interface FilesConsolidation {
  outcome: ConsolidationOutcome & { problem?: string };
  /** The sheets of the consolidated workbook; absent when nothing can be written. */
  plans?: SheetPlan[];
}

/** Reads the files one at a time and consolidates them over units or over periods. */
export async function consolidateFiles(
  files: readonly string[],
  options: ConsolidateFilesOptions = {},
): Promise<FilesConsolidation> {
  const entries: InputEntry[] = [];
  const interner: Interner = new Map();
  for (const [i, file] of files.entries()) {
    // Only the figures stay, compactly: memory hardly grows with the number of files.
    entries.push(compactEntry(await readFigureFile(file, options), interner));
    options.onFile?.(i + 1, files.length);
  }
  const outcome = options.target
    ? consolidatePeriods(entries, options.target)
    : consolidateUnits(entries, { coQuan: options.coQuan });
  if (!outcome.result) return { outcome };
  const plans = consolidatedWorkbookPlan(outcome.result, outcome.files, {
    over: options.target ? "periods" : "units",
    subtitle: consolidationSubtitle(outcome.result),
  });
  return { outcome, plans };
}
