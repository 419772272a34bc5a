/**
 * Removes from lib/ the compiled files whose source is gone from src/: tsc never deletes an
 * output, so a module moved into a folder (src/core/checks.ts → src/core/checks/index.ts) would
 * linger as lib/core/checks.js and, resolved before the folder's index, shadow the new code.
 * Only orphans go, so a build running beside a test that uses lib/ does not pull it away.
 */
"use strict";

const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const lib = path.join(root, "lib");
const src = path.join(root, "src");

/** Whether lib/<relative>.js (or .d.ts, .js.map) still has a source in src/. */
function hasSource(relative) {
  const stem = relative.replace(/(\.d\.ts|\.js\.map|\.js)$/, "");
  return [".ts", ".tsx"].some((ext) => fs.existsSync(path.join(src, stem + ext)));
}

function prune(folder) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      prune(full);
      if (fs.readdirSync(full).length === 0) fs.rmdirSync(full);
    } else if (/\.(js|js\.map|d\.ts)$/.test(entry.name) && !hasSource(path.relative(lib, full))) {
      fs.rmSync(full, { force: true });
    }
  }
}

if (fs.existsSync(lib)) prune(lib);
