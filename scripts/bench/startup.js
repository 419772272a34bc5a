/**
 * Start-up, as a user feels it: a fresh `node bin/cchc.js --version` (and `--help`, a usage
 * error) against a bare `node -e 0`, whole process, paired median of RUNS. Goal ≤ 1.3× (issue
 * 19): the entry point loads a command's modules only when it runs, and nothing of ExcelJS, a
 * development dependency only (test/cli/startup.test.ts proves it stays unloaded; this measures
 * the time).
 */
"use strict";

const path = require("path");
const { root, runNode, paired, line } = require("./process-harness");

const RUNS = 11;
const bin = path.join(root, "bin", "cchc.js");

module.exports = {
  title: `Start-up, whole process (fresh node each run, paired median of ${RUNS}) vs node -e 0`,
  run() {
    const bare = () => runNode(["-e", "0"]);
    line(
      "cchc --version",
      paired(() => runNode([bin, "--version"]), bare, RUNS),
      "node -e 0",
    );
    line(
      "cchc --help",
      paired(() => runNode([bin, "--help"]), bare, RUNS),
      "node -e 0",
    );
    line(
      "cchc khong-co-lenh (usage error)",
      paired(() => runNode([bin, "khong-co-lenh"], { expectStatus: 2 }), bare, RUNS),
      "node -e 0",
    );
    line(
      "(for scale) require('exceljs')",
      paired(() => runNode(["-e", "require('exceljs')"]), bare, RUNS),
      "node -e 0",
    );
  },
};
