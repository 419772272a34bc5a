#!/usr/bin/env node
"use strict";
// The compiled CLI lives in lib/ (built by `npm run build:cli`, which `npm install` runs through
// the `prepare` script, scripts/prepare.js). Say so plainly instead of a module-resolution stack trace.
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && /lib[\\/]cli[\\/]main\.js/.test(String(error.message))) {
    console.error(
      "cchc chưa được biên dịch: trong thư mục mã nguồn, hãy chạy `npm ci` (cài đủ và tự biên dịch; sau đó có thể `npm prune --omit=dev`) hoặc `npm run build:cli` (the CLI is not built yet).",
    );
    // An install to complete, not a fault of cchc's (3): the usage and environment code.
    process.exitCode = 2;
    return;
  }
  throw error;
}

cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  // main() reports every error itself; reaching this is a bug in cchc (exit 3, as main's own).
  (error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 3;
  },
);
