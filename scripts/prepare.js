/**
 * `npm install` / `npm ci` run this (the `prepare` script): it compiles the `cchc` command line
 * to lib/ (`npm run build:cli`). An install without the development dependencies
 * (`--omit=dev`, as on a province's server) has no TypeScript to compile with: then a lib/
 * already built is kept as it is, and without one the install stops with what to do, instead of
 * npm's «tsc: not found» and a `cchc` that cannot run.
 */
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const built = path.join(root, "lib", "cli", "main.js");

/** Whether TypeScript is installed for this project (a development dependency). */
function hasTypeScript() {
  try {
    require.resolve("typescript", { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

if (hasTypeScript()) {
  const run = spawnSync("npm", ["run", "build:cli"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exitCode = run.status ?? 1;
} else if (fs.existsSync(built)) {
  console.log("cchc: dùng bản dòng lệnh đã biên dịch sẵn trong lib/ (cài không có gói phát triển).");
} else {
  console.error(
    [
      "cchc: không biên dịch được công cụ dòng lệnh vì lần cài này bỏ các gói phát triển (--omit=dev),",
      "trong đó có TypeScript. Hãy cài đủ (tự biên dịch), rồi mới bỏ các gói phát triển:",
      "",
      "  npm ci",
      "  npm prune --omit=dev",
      "",
      "(cchc: the command line cannot be compiled without the development dependencies; run `npm ci`,",
      "then `npm prune --omit=dev`.)",
    ].join("\n"),
  );
  process.exitCode = 1;
}
