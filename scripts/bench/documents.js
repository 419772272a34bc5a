/**
 * A long document list: `cchc report` on the sample with 100, 1,000 and 10,000 listed documents,
 * whole process, paired with ExcelJS alone reading and writing the same file (median of 3).
 * A flat ratio across the series means the report scales like the file itself.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { root, runNode, paired, line, excelJsCopy } = require("./process-harness");

const RUNS = 3;
const SIZES = [100, 1_000, 10_000];
const bin = path.join(root, "bin", "cchc.js");

module.exports = {
  title: `cchc report with a long document list, whole process (paired median of ${RUNS}) vs ExcelJS alone`,
  run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-docs-"));
    try {
      for (const count of SIZES) {
        const file = path.join(dir, `mau-${count}.xlsx`);
        runNode([path.join(__dirname, "make-documents.js"), String(count), file]);
        const kb = fs.statSync(file).size / 1024;
        const out = path.join(dir, `bao-cao-${count}.xlsx`);
        const result = paired(
          () => runNode([bin, "report", file, "-o", out, "--force"]),
          excelJsCopy(file, path.join(dir, "ban-sao.xlsx")),
          RUNS,
        );
        line(`${count.toLocaleString("en-US")} documents (${kb.toFixed(0)} KB)`, result, "ExcelJS r+w");
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
