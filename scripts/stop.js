#!/usr/bin/env node
/**
 * `npm stop`: the counterpart of `npm start`. On Windows and macOS it asks office-addin-debugging
 * to close the dev server and unregister the sideloaded manifest; elsewhere `npm start` started
 * nothing that needs stopping.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");

const sideloads =
  process.platform === "win32" ||
  (process.platform === "darwin" && fs.existsSync("/Applications/Microsoft Excel.app"));

if (sideloads) {
  const result = spawnSync("npx", ["--yes", "office-addin-debugging@7", "stop", "manifest.xml", "desktop"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (result.error) console.error(`npx: ${result.error.message}`);
  process.exitCode = result.error || result.status === null ? 1 : result.status;
} else {
  console.log(
    "Không có gì để dừng: trên máy này `npm start` không nạp tiện ích vào Excel. Nếu đang chạy " +
      "`npm run dev-server`, nhấn Ctrl+C trong cửa sổ đó.\n\n" +
      "Nothing to stop: `npm start` does not sideload on this machine. If `npm run dev-server` is " +
      "running, press Ctrl+C in its terminal.",
  );
}
