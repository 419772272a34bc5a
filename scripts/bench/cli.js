/**
 * The command line against ExcelJS alone: `cchc template --sample` followed by `cchc check`
 * (build the plan, write every sheet, save atomically, read back, check) against ExcelJS just
 * reading and writing the very same file. The ratio is what the CCHC work on top of the file
 * I/O costs. Printed, not asserted.
 *
 * ExcelJS is asynchronous and the bench runner calls sections synchronously, so the timing runs
 * in a child node process (`node scripts/bench/cli.js --child`); it also keeps the section's
 * garbage out of the other sections' timings.
 */
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const REPEATS = 5;
const root = path.resolve(__dirname, "..", "..");

/** Runs `body` once to warm up, then REPEATS times; the fastest and the median, in ms. */
async function time(body) {
  await body();
  const runs = [];
  for (let i = 0; i < REPEATS; i += 1) {
    const start = performance.now();
    await body();
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  return { best: runs[0], median: runs[Math.floor(runs.length / 2)] };
}

async function child() {
  const entry = path.join(root, "lib", "cli", "main.js");
  if (!fs.existsSync(entry)) throw new Error("lib/cli/main.js is missing: run `npm run build:cli` first");
  const { main } = require(entry);
  const { bufferIo } = require(path.join(root, "lib", "cli", "io.js"));
  const ExcelJS = require("exceljs");

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-"));
  try {
    const file = path.join(dir, "mau.xlsx");
    const copy = path.join(dir, "ban-sao.xlsx");
    const run = async (args, expected) => {
      const io = bufferIo();
      const code = await main(args, io);
      if (code !== expected) throw new Error(`cchc ${args.join(" ")} exited ${code}: ${io.stderr}`);
    };

    const template = await time(() => run(["template", "-o", file, "--sample", "--force"], 0));
    const check = await time(() => run(["check", file], 0));
    const both = await time(async () => {
      await run(["template", "-o", file, "--sample", "--force"], 0);
      await run(["check", file], 0);
    });
    const excelOnly = await time(async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      await workbook.xlsx.writeFile(copy);
    });

    const reported = path.join(dir, "bao-cao.xlsx");
    await run(["template", "-o", file, "--sample", "--force"], 0);
    const report = await time(() => run(["report", file, "-o", reported, "--force"], 0));
    const reportExcelOnly = await time(async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      await workbook.xlsx.writeFile(copy);
    });

    const size = fs.statSync(file).size;
    const line = (label, t) =>
      console.log(
        `  ${label.padEnd(44)} ${t.best.toFixed(1).padStart(8)} ms  (median ${t.median.toFixed(1)} ms)`,
      );
    console.log(
      `  file: ${(size / 1024).toFixed(0)} KB, best and median of ${REPEATS} runs after one warm-up`,
    );
    line("cchc template --sample", template);
    line("cchc check", check);
    line("cchc template --sample + check", both);
    line("ExcelJS alone: read + write the same file", excelOnly);
    console.log(
      `  ratio: ${(both.best / excelOnly.best).toFixed(2)}× (template + check ÷ ExcelJS read + write)`,
    );
    line("cchc report (sample → Phụ lục I, II)", report);
    line("ExcelJS alone: read + write the same file", reportExcelOnly);
    console.log(`  ratio: ${(report.best / reportExcelOnly.best).toFixed(2)}× (report ÷ ExcelJS read + write)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv.includes("--child")) {
  child().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
} else {
  module.exports = {
    title:
      "Warm, inside one process: cchc template --sample + check, and cchc report, vs ExcelJS alone reading and writing the same file",
    run() {
      const result = spawnSync(process.execPath, [__filename, "--child"], { cwd: root, stdio: "inherit" });
      if (result.status !== 0) throw new Error(`the CLI bench failed (exit ${result.status})`);
    },
  };
}
