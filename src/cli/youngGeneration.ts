/**
 * How large V8 lets its young generation grow during a long consolidation (issue 19: the peak
 * memory of 3,300 units within 1.5× that of 10).
 *
 * V8 doubles the young generation's semispaces whenever more bytes have survived its scavenges
 * since the last doubling than one semispace holds (`Heap::CheckNewSpaceExpansionCriteria`), up
 * to 16 MB each. What survives grows with the number of units read, not with what is kept at
 * any moment: each unit's figures and document rows survive twice (copied, then promoted), and
 * so does whatever unit is being read when a scavenge comes. A run of 10 units ends with 8 MB
 * semispaces (the result's writing grows them there); a run of 3,300, where the kept units
 * themselves are some 8 MB, reached 16 MB ones: 16 MB of the peak that no unit needs.
 *
 * So once the semispaces have reached what a small run reaches, further doubling is turned off
 * (V8's `--semi-space-growth-factor`, which V8 reads at each doubling, so it may be set while the
 * process runs), and turned on again when the command is done. A smaller young generation than
 * that costs time (scavenges are more frequent): 1 MB semispaces made 3,300 units 50 % slower.
 * Measured in `npm run bench -- consolidate-country`.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from "v8";

/** Both semispaces together at which doubling stops: what a consolidation of 10 units reaches (bytes). */
const HELD_AT = 16 * 1024 * 1024;
/** V8's own growth factor (its flag's default), restored when the command is done. */
const V8_GROWTH_FACTOR = 2;

/** The young generation's size now (both semispaces, bytes); 0 where V8 names it otherwise. */
function youngGenerationSize(): number {
  for (const space of getHeapSpaceStatistics()) if (space.space_name === "new_space") return space.space_size;
  return 0;
}

/**
 * A holder of the young generation's size for one long command: `check()` (after each file
 * read: some microseconds) stops V8 doubling it once it has reached `HELD_AT`; `release()` lets
 * V8 grow it again (the process may run other commands, as the tests do). Raises nothing: a V8
 * that names its spaces otherwise is left as it is.
 */
export function holdYoungGeneration(): { check(): void; release(): void } {
  let held = false;
  return {
    check() {
      if (held || youngGenerationSize() < HELD_AT) return;
      setFlagsFromString("--semi-space-growth-factor=1");
      held = true;
    },
    release() {
      if (!held) return;
      setFlagsFromString(`--semi-space-growth-factor=${V8_GROWTH_FACTOR}`);
      held = false;
    },
  };
}
