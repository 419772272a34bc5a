/**
 * Preloaded (`node -r`) into every whole-process bench run: writes the process's peak resident
 * memory (KB) to $CCHC_BENCH_RSS_FILE as it exits, and the CPU time all its threads used (user +
 * system, ms) to $CCHC_BENCH_CPU_FILE when that is set. Nothing else.
 */
"use strict";

process.on("exit", () => {
  const file = process.env.CCHC_BENCH_RSS_FILE;
  const usage = process.resourceUsage();
  if (file) require("fs").writeFileSync(file, String(usage.maxRSS));
  const cpuFile = process.env.CCHC_BENCH_CPU_FILE;
  // resourceUsage gives microseconds.
  if (cpuFile) require("fs").writeFileSync(cpuFile, String((usage.userCPUTime + usage.systemCPUTime) / 1000));
});
