/**
 * Download sizes (gzip) against the task pane issue's budgets: functions.js ≤ 30 KB, and the
 * scripts taskpane.html loads before first paint ≤ 150 KB in all. Reads dist/ of the last
 * `npm run build`; prints, does not assert (test/build asserts the budgets).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const dist = path.resolve(__dirname, "..", "..", "dist");
const gzipKb = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;

module.exports = {
  title: "Download sizes of the built add-in (gzip)",
  run() {
    const html = path.join(dist, "taskpane.html");
    if (!fs.existsSync(html)) {
      console.log("  dist/ is not built: run `npm run build` first");
      return;
    }
    // Scripts of the page itself, not office.js from Microsoft's CDN.
    const scripts = [...fs.readFileSync(html, "utf8").matchAll(/<script[^>]*\ssrc=("[^"]+"|'[^']+'|[^\s>]+)/g)]
      .map((m) => m[1].replace(/^["']|["']$/g, ""))
      .filter((src) => !/^https?:/.test(src));
    let total = 0;
    for (const src of scripts) {
      const kb = gzipKb(path.join(dist, src));
      total += kb;
      console.log(`  ${src.padEnd(44)} ${kb.toFixed(1).padStart(8)} KB`);
    }
    console.log(`  ${"before first paint, in all (budget 150 KB)".padEnd(44)} ${total.toFixed(1).padStart(8)} KB`);
    console.log(`  ${"functions.js (budget 30 KB)".padEnd(44)} ${gzipKb(path.join(dist, "functions.js")).toFixed(1).padStart(8)} KB`);
  },
};
