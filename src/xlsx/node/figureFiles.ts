/**
 * The consolidation on files (the command line and the bench), Node only: each file's bytes from
 * disk into the fast reader (Node's native inflate), the loop and the consolidation the core's
 * (`consolidateMany`, which the pane runs too); the result written as a new workbook of the
 * same form (./writeConsolidated). Input files are only ever read.
 */
import { readFileSync } from "fs";
import {
  consolidatedWorkbookPlan,
  consolidationSubtitle,
  type ConsolidationOutcome,
  type InputEntry,
  type PeriodTarget,
  type UnreadFile,
} from "../../core/consolidate";
import { consolidateMany } from "../../core/workbook/consolidate";
import type { SheetPlan } from "../../core/layout/model";
import { nativeInflater } from "./nativeInflate";
import { readFigureWorkbook, zipOpener, type FigureReadOptions } from "../figureReader/read";

/** On the command line, parts are inflated by Node's native zlib (same limits; a lying stream stops at its declared size). */
const nativeZip = zipOpener(nativeInflater);

/**
 * A file's bytes, or its refusal when it cannot be read (missing, a folder, no permission).
 * Read synchronously: a unit's file is some 30 KB, read in a fraction of a millisecond, whereas
 * `fs.promises.readFile` advances its steps (open, stat, read, close) only when this thread
 * waits, so the next file's read never overlapped the parsing and the loop stood idle about a
 * quarter of its time (issue 19).
 */
async function loadFile(file: string): Promise<Uint8Array | UnreadFile> {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === "ENOENT"
        ? "Không tìm thấy tệp."
        : code === "EISDIR"
          ? "Là một thư mục, không phải tệp Excel .xlsx."
          : code === "EACCES" || code === "EPERM"
            ? "Không đọc được tệp: không có quyền đọc."
            : code === "ELOOP"
              ? "Không đọc được tệp: đây là liên kết tượng trưng (symbolic link) lặp vòng, trỏ qua lại mà không tới tệp nào. Hãy xoá liên kết hoặc cho nó trỏ tới tệp thật."
              : `Không đọc được tệp (lỗi hệ thống ${code ?? "không rõ"}).`;
    return { ok: false, source: file, reason };
  }
}

/** Reads one file into a consolidation input; a file that cannot be read comes back refused. */
export async function readFigureFile(file: string, options: FigureReadOptions = {}): Promise<InputEntry> {
  const loaded = await loadFile(file);
  return loaded instanceof Uint8Array
    ? readFigureWorkbook(loaded, file, { openZip: nativeZip, ...options })
    : loaded;
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

/**
 * Reads the files one at a time (the next one read from disk just before this one is parsed) and
 * consolidates them over units or over periods: the core's loop (`consolidateMany`), the pane's
 * too. The plans of the new workbook come back when something can be written.
 */
export async function consolidateFiles(
  files: readonly string[],
  options: ConsolidateFilesOptions = {},
): Promise<FilesConsolidation> {
  const outcome = await consolidateMany(
    files,
    {
      load: loadFile,
      read: (bytes, file) => readFigureWorkbook(bytes, file, { openZip: nativeZip, ...options }),
    },
    { target: options.target, coQuan: options.coQuan, onRead: options.onFile },
  );
  if (!outcome.result) return { outcome };
  const plans = consolidatedWorkbookPlan(outcome.result, outcome.files, {
    over: outcome.over,
    subtitle: consolidationSubtitle(outcome.result),
  });
  return { outcome, plans };
}
