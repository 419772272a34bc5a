/**
 * The whole country at once (issue 19): the whole `cchc consolidate` (a fresh `node bin/cchc.js`,
 * reading, checks and writing the result) of 3,300 generated commune workbooks, against 10 and
 * 500, for its peak memory: goal ≤ 1.5× that of 10 files at either size. A section of its own,
 * since making 3,300 workbooks and consolidating them takes about a minute. Written by `writemem`.
 */
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { commandRun } = require("./consolidate");

const SIZES = [10, 500, 3300];

function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-country-"));
  try {
    const make = spawnSync(
      process.execPath,
      [path.join(__dirname, "consolidate.js"), "--child", "make", dir, String(Math.max(...SIZES))],
      { encoding: "utf8" },
    );
    if (make.status !== 0) throw new Error(`making the units failed:\n${make.stderr}`);
    const runs = SIZES.map((size) => ({ size, ...commandRun(dir, size) }));
    const base = runs[0].maxRssKb;
    for (const { size, ms, maxRssKb } of runs) {
      console.log(
        `  ${String(size).padStart(5)} files  ${`${(ms / 1000).toFixed(1)} s`.padStart(7)}  ${`${(maxRssKb / 1024).toFixed(0)} MB`.padStart(7)}` +
          (size === 10 ? "" : `  ${size}/10 ${(maxRssKb / base).toFixed(2)}  (goal ≤ 1.5)`),
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = {
  title: "Consolidation of the whole country: whole cchc consolidate of 10 / 500 / 3,300 files, peak memory",
  run,
};
