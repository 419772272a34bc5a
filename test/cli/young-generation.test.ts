/**
 * The young generation held during a long consolidation (issue 19's peak memory): in a fresh
 * Node, units' worth of small objects that stay alive make V8 double its young generation up to
 * 2 × 16 MB; with the holder checked as the command checks it after each file, it stops at the
 * 2 × 8 MB a small run reaches, and once released V8 grows it again. Sizes are V8's own report
 * (`getHeapSpaceStatistics`), not timings.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { ensureCliBuilt, ROOT } from "../support/cliBuild";

const MB = 1024 * 1024;

/**
 * Keeps some 40 MB of small objects (like the units a consolidation keeps), calling the holder's
 * `check()` every 500 objects when `hold`; then, released, keeps as much again. The young
 * generation's size (bytes) after each half.
 */
function youngGenerationSizes(hold: boolean): { held: number; released: number } {
  const script = `
    const { getHeapSpaceStatistics } = require("v8");
    const { holdYoungGeneration } = require(${JSON.stringify(path.join(ROOT, "lib", "cli", "youngGeneration.js"))});
    const young = () => getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size;
    const holder = holdYoungGeneration();
    const kept = [];
    const keep = (check) => {
      for (let i = 0; i < 400000; i++) {
        kept.push({ unit: "xã " + i, figures: [i, i + 1, i + 2], note: null });
        if (check && i % 500 === 0) holder.check();
      }
    };
    keep(${hold});
    const held = young();
    holder.release();
    keep(false);
    process.stdout.write(JSON.stringify({ held, released: young() }));
  `;
  const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`the child failed (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as { held: number; released: number };
}

beforeAll(() => ensureCliBuilt(), 180_000);

describe("holdYoungGeneration", () => {
  it("without the holder, what survives grows V8's young generation to 2 × 16 MB", () => {
    expect(youngGenerationSizes(false).held).toBe(32 * MB);
  });

  it("checked as files are read, holds it at 2 × 8 MB; released, V8 grows it again", () => {
    const sizes = youngGenerationSizes(true);
    expect(sizes.held).toBe(16 * MB);
    expect(sizes.released).toBe(32 * MB);
  });
});
