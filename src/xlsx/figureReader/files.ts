/**
 * The consolidation on files (the command line and the bench): read each input with the fast
 * reader, one file at a time, keeping only its figures; consolidate in the core; write the
 * result as a new workbook of the same form (./write). Input files are only ever read.
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
import { nativeInflater } from "../package/nativeInflate";
import { readFigureWorkbook, zipOpener, type FigureReadOptions } from "./read";

/** On the command line, parts are inflated by Node's native zlib (same limits; a lying stream stops at its declared size). */
const nativeZip = zipOpener(nativeInflater);

/** A file's bytes, or its refusal when it cannot be read (missing, a folder, no permission). */
async function loadFile(file: string): Promise<Uint8Array | InputEntry> {
  try {
    return await fs.readFile(file);
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

/** Reads the files one at a time and consolidates them over units or over periods. */
export async function consolidateFiles(
  files: readonly string[],
  options: ConsolidateFilesOptions = {},
): Promise<FilesConsolidation> {
  const entries: InputEntry[] = [];
  const interner: Interner = new Map();
  // The next file is read from disk while this one is parsed (the disk's wait and the parsing
  // overlap); loadFile never rejects, a file it cannot read is a refusal.
  let next = files.length > 0 ? loadFile(files[0]) : undefined;
  for (const [i, file] of files.entries()) {
    const loaded = await next!;
    next = i + 1 < files.length ? loadFile(files[i + 1]) : undefined;
    const entry =
      loaded instanceof Uint8Array
        ? readFigureWorkbook(loaded, file, { openZip: nativeZip, ...options })
        : loaded;
    // Only the figures stay, compactly: memory hardly grows with the number of files.
    entries.push(compactEntry(entry, interner));
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
