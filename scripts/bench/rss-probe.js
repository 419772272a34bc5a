/**
 * Preloaded (`node -r`) into every whole-process bench run: writes the process's peak resident
 * memory (KB) to $CCHC_BENCH_RSS_FILE as it exits. Nothing else.
 */
"use strict";

process.on("exit", () => {
  const file = process.env.CCHC_BENCH_RSS_FILE;
  if (file) require("fs").writeFileSync(file, String(process.resourceUsage().maxRSS));
});
