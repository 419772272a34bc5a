/**
 * The consolidation on files (the command line and the bench), Node only: each file's bytes from
 * disk into the fast reader (Node's native inflate), the loop and the consolidation the core's
 * (`consolidateMany`, which the pane runs too); the result written as a new workbook of the
 * same form (./writeConsolidated). Input files are only ever read.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "fs";
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
    return unreadFile(file, error);
  }
}

/** Why a file could not be read, in Vietnamese (missing, a folder, no permission, a link loop). */
function unreadFile(file: string, error: unknown): UnreadFile {
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

/** A buffer larger than this (a file far larger than a unit's) is not kept for the next files. */
const KEPT_BUFFER_BYTES = 1 << 20;

/**
 * Reads files one after the other into two buffers in turn, where each read made a buffer of its
 * own: the consolidation's loop reads the next file while this one is parsed (two at once),
 * and a buffer no longer used is freed only by the next scavenge, some twenty files later over
 * the country's 3,300 (V8's young generation at its largest), so their bytes stood in memory
 * twenty deep, some 1 MB of the peak (issue 19). What `load` returns stays whole until the call
 * after next: the reader keeps nothing of a file's bytes (parts are inflated into their own).
 */
export function alternateLoader(): (file: string) => Promise<Uint8Array | UnreadFile> {
  const buffers: Uint8Array[] = [new Uint8Array(1 << 16), new Uint8Array(1 << 16)];
  let turn = 0;
  return async (file) => {
    const index = turn;
    turn ^= 1;
    let fd: number | undefined;
    try {
      fd = openSync(file, "r");
      // The size is a hint: a file that grows meanwhile is read to its end all the same.
      // One byte more than the size: the read that finds the end needs room to be made.
      const size = fstatSync(fd).size;
      let buffer = size < buffers[index].length ? buffers[index] : new Uint8Array(size + 1);
      let length = 0;
      for (;;) {
        if (length === buffer.length) {
          const larger = new Uint8Array(buffer.length * 2);
          larger.set(buffer);
          buffer = larger;
        }
        const read = readSync(fd, buffer, length, buffer.length - length, null);
        if (read === 0) break;
        length += read;
      }
      if (buffer.length <= KEPT_BUFFER_BYTES) buffers[index] = buffer;
      return buffer.subarray(0, length);
    } catch (error) {
      return unreadFile(file, error);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
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
      load: alternateLoader(),
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
