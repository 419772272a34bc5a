/**
 * Whole-process timing for `npm run bench`: what a user waits for, start-up included. Each run is
 * a fresh `node …` (never a warm call inside one process), its wall time measured around the
 * spawn and its peak memory (maxRSS) reported by a tiny preload; runs of the command and of its
 * baseline alternate, so both see the same machine, and the ratio is the median of the pairs.
 */
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");
const PROBE = path.join(__dirname, "rss-probe.js");

/**
 * One fresh node process: `args` after `node`; wall ms, peak RSS in MB and the CPU time of all
 * its threads (`cpuMs`, user + system: steadier than wall time on a shared machine). Throws on failure.
 */
function runNode(args, { cwd = root, expectStatus = 0 } = {}) {
  const rssFile = path.join(os.tmpdir(), `cchc-bench-rss-${process.pid}.txt`);
  const cpuFile = path.join(os.tmpdir(), `cchc-bench-cpu-${process.pid}.txt`);
  fs.rmSync(rssFile, { force: true });
  fs.rmSync(cpuFile, { force: true });
  const start = performance.now();
  const run = spawnSync(process.execPath, ["-r", PROBE, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, CCHC_BENCH_RSS_FILE: rssFile, CCHC_BENCH_CPU_FILE: cpuFile },
  });
  const ms = performance.now() - start;
  if (run.status !== expectStatus) {
    throw new Error(`node ${args.join(" ")} exited ${run.status} (expected ${expectStatus}): ${run.stderr}`);
  }
  const read = (file) => (fs.existsSync(file) ? Number(fs.readFileSync(file, "utf8")) : NaN);
  const rssKb = read(rssFile);
  const cpuMs = read(cpuFile);
  fs.rmSync(rssFile, { force: true });
  fs.rmSync(cpuFile, { force: true });
  return { ms, mb: rssKb / 1024, cpuMs };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Runs `subject()` and `baseline()` (each one fresh process, see runNode) `runs` times,
 * alternating which goes first, after one unmeasured warm-up of each (disk cache).
 */
function paired(subject, baseline, runs) {
  subject();
  baseline();
  const pairs = [];
  for (let i = 0; i < runs; i += 1) {
    if (i % 2 === 0) {
      const s = subject();
      pairs.push({ s, b: baseline() });
    } else {
      const b = baseline();
      pairs.push({ s: subject(), b });
    }
  }
  return {
    ms: median(pairs.map((p) => p.s.ms)),
    baseMs: median(pairs.map((p) => p.b.ms)),
    ratio: median(pairs.map((p) => p.s.ms / p.b.ms)),
    mb: median(pairs.map((p) => p.s.mb)),
    baseMb: median(pairs.map((p) => p.b.mb)),
    memoryRatio: median(pairs.map((p) => p.s.mb / p.b.mb)),
  };
}

/** One line of a paired result. */
function line(label, result, baseLabel) {
  console.log(
    `  ${label.padEnd(40)} ${result.ms.toFixed(0).padStart(6)} ms ${result.mb.toFixed(0).padStart(5)} MB` +
      `   ${baseLabel} ${result.baseMs.toFixed(0).padStart(6)} ms ${result.baseMb.toFixed(0).padStart(5)} MB` +
      `   ${result.ratio.toFixed(2)}× time, ${result.memoryRatio.toFixed(2)}× memory`,
  );
}

/** The whole-process baseline for a file command: ExcelJS alone reading and writing `file`. */
function excelJsCopy(file, copy) {
  return () => runNode([path.join(__dirname, "exceljs-copy.js"), file, copy]);
}

module.exports = { root, runNode, paired, line, median, excelJsCopy };
