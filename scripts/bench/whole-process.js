/**
 * The commands on the sample workbook as a user runs them: each a fresh `node bin/cchc.js …`,
 * paired with a fresh node that only reads and writes the same file through ExcelJS (the least a
 * command rewriting the workbook pays), median of 3. The warm, in-process times of the same
 * commands are in the "warm" section (cli.js).
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { root, runNode, paired, line, excelJsCopy } = require("./process-harness");

const RUNS = 3;
const bin = path.join(root, "bin", "cchc.js");

module.exports = {
  title: `Commands on the sample, whole process (fresh node each run, paired median of ${RUNS}) vs ExcelJS alone`,
  run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-proc-"));
    try {
      const file = path.join(dir, "mau.xlsx");
      runNode([bin, "template", "-o", file, "--sample"]);
      const base = excelJsCopy(file, path.join(dir, "ban-sao.xlsx"));
      const template = path.join(dir, "moi.xlsx");
      line(
        "cchc template --sample",
        paired(() => runNode([bin, "template", "-o", template, "--sample", "--force"]), base, RUNS),
        "ExcelJS r+w",
      );
      line(
        "cchc check",
        paired(() => runNode([bin, "check", file]), base, RUNS),
        "ExcelJS r+w",
      );
      line(
        "cchc install (again)",
        paired(() => runNode([bin, "install", template]), base, RUNS),
        "ExcelJS r+w",
      );
      const out = path.join(dir, "bao-cao.xlsx");
      line(
        "cchc report -o",
        paired(() => runNode([bin, "report", file, "-o", out, "--force"]), base, RUNS),
        "ExcelJS r+w",
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
