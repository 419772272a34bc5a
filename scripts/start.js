#!/usr/bin/env node
/**
 * `npm start`: sideloads the add-in into Excel desktop on Windows or macOS through Microsoft's
 * office-addin-debugging (it starts the dev server, registers manifest.xml and opens Excel).
 *
 * office-addin-debugging is not a dependency: it pulls in a native module whose binary is
 * downloaded from outside the npm registry, which breaks `npm install` on offline Linux machines
 * where it could not run anyway ("platform not supported: linux"). npx fetches a pinned major
 * the first time it is needed, on the machines that have Excel.
 *
 * Elsewhere it explains in one paragraph per language what to do instead, without a stack trace.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const DEBUGGING = "office-addin-debugging@7";

function hasExcelDesktop() {
  if (process.platform === "win32") return true; // office-addin-debugging says so itself if Excel is missing
  if (process.platform === "darwin") return fs.existsSync("/Applications/Microsoft Excel.app");
  return false;
}

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    // npx is npx.cmd on Windows, which only a shell can start.
    shell: process.platform === "win32",
  });
  if (result.error) {
    console.error(`${command}: ${result.error.message}`);
    return 1;
  }
  return result.status === null ? 1 : result.status;
}

/** Hook for the demo (a later issue): runs `cchc demo` once the CLI has such a command. */
function demoCommandAvailable() {
  try {
    const cli = require(path.join(root, "lib", "cli", "main.js"));
    return Boolean(cli.commands && Object.prototype.hasOwnProperty.call(cli.commands, "demo"));
  } catch {
    return false;
  }
}

const NO_EXCEL_VI =
  "Máy này không có Excel dành cho máy tính (Windows hoặc macOS) nên không thể nạp tiện ích CCHC vào Excel. " +
  "Để dùng thử trên Excel dành cho web: chạy `npm run dev-server`, mở một sổ làm việc trong Excel dành cho web, " +
  "chọn Chèn > Phần bổ trợ > Tải lên Phần bổ trợ của tôi (Insert > Add-ins > Upload My Add-in) rồi chọn tệp manifest.xml " +
  "của thư mục này; trình duyệt cần tin cậy chứng chỉ https://localhost:3000 (xem README). " +
  "Không có Excel nào hỗ trợ tiện ích thì dùng lệnh `npx cchc` trên tệp .xlsx.";
const NO_EXCEL_EN =
  "Excel desktop (Windows or macOS) is not available on this machine, so the CCHC add-in cannot be sideloaded here. " +
  "To try it in Excel on the web: run `npm run dev-server`, open a workbook in Excel on the web, choose " +
  "Insert > Add-ins > Upload My Add-in and pick this folder's manifest.xml; the browser must trust the " +
  "https://localhost:3000 certificate (see README). Without an Excel that runs add-ins, use `npx cchc` on .xlsx files.";

function main() {
  if (hasExcelDesktop()) {
    return run("npx", [
      "--yes",
      DEBUGGING,
      "start",
      "manifest.xml",
      "desktop",
      "--app",
      "excel",
      "--dev-server",
      "npm run dev-server",
      "--dev-server-port",
      "3000",
    ]);
  }
  console.log(`${NO_EXCEL_VI}\n\n${NO_EXCEL_EN}\n`);
  if (demoCommandAvailable()) {
    console.log("Chạy bản trình diễn / running the demo: node bin/cchc.js demo\n");
    return run(process.execPath, [path.join(root, "bin", "cchc.js"), "demo"]);
  }
  return 0;
}

process.exitCode = main();
