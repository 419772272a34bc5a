/**
 * Consolidating many workbooks, once for the command line and the pane: each input read by the
 * adapter one at a time, only its figures kept (compactly, checked as it is read), then the
 * core's consolidation over units or over periods (docs/reporting-rules.md).
 */
import {
  compactEntry,
  consolidatePeriods,
  consolidateUnits,
  type ConsolidationOutcome,
  type InputEntry,
  newInterner,
  type PeriodTarget,
  type UnreadFile,
} from "../consolidate";

/**
 * How an adapter gets its inputs: `load` fetches one input's contents (a file's bytes) and
 * never rejects (an input it cannot get is its refusal, an `UnreadFile`); `read` turns what was
 * loaded into an entry (the workbook's form, figures and documents, or its refusal) and never
 * throws. Split so that the next input is fetched while this one is read.
 */
export interface ConsolidationInputs<I, L> {
  load(input: I): Promise<L | UnreadFile>;
  read(loaded: L, input: I): InputEntry;
}

export interface ConsolidateManyOptions {
  /** Over the periods of one unit into this target; over units when absent. */
  target?: PeriodTarget;
  /** The consolidating body's name (over units: the result's Thông tin chung). */
  coQuan?: string;
  /** Called after each input is read (`done` of `total`): a long run's progress. */
  onRead?: (done: number, total: number) => void;
}

/** The consolidation of many inputs, saying which one it is. */
export type ManyConsolidation = ConsolidationOutcome & {
  over: "units" | "periods";
  /** Over periods, why nothing can be written (the dates left out or counted twice). */
  problem?: string;
};

const isUnread = (loaded: unknown): loaded is UnreadFile =>
  typeof loaded === "object" && loaded !== null && (loaded as { ok?: unknown }).ok === false;

/**
 * Reads `inputs` in order, one at a time (the next one loading while this one is read), keeps
 * each entry compactly (`compactEntry`: its checks made now, memory that hardly grows with the
 * number of inputs), and consolidates them: over periods into `target` when given, else over
 * units. What to write, and where, is the caller's.
 */
export async function consolidateMany<I, L>(
  inputs: readonly I[],
  adapter: ConsolidationInputs<I, L>,
  options: ConsolidateManyOptions = {},
): Promise<ManyConsolidation> {
  const entries: InputEntry[] = [];
  const interner = newInterner();
  let next = inputs.length > 0 ? adapter.load(inputs[0]) : undefined;
  for (const [i, input] of inputs.entries()) {
    const loaded = await next!;
    next = i + 1 < inputs.length ? adapter.load(inputs[i + 1]) : undefined;
    const entry = isUnread(loaded) ? loaded : adapter.read(loaded, input);
    entries.push(compactEntry(entry, interner));
    options.onRead?.(i + 1, inputs.length);
  }
  return options.target
    ? { over: "periods", ...consolidatePeriods(entries, options.target) }
    : { over: "units", ...consolidateUnits(entries, { coQuan: options.coQuan }) };
}
