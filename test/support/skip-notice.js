/**
 * jest's global setup and teardown for skipped suites (see system-programs.js): the setup gives
 * the workers a fresh file to record skips in; the teardown, which runs after jest's own summary,
 * prints them as the run's one closing notice and removes the file.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { skipNotice } = require("./system-programs");

async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-skips-"));
  process.env.CCHC_SKIP_LOG = path.join(dir, "skips.jsonl");
  fs.writeFileSync(process.env.CCHC_SKIP_LOG, "");
}

async function teardown() {
  const file = process.env.CCHC_SKIP_LOG;
  if (!file || !fs.existsSync(file)) return;
  const records = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  // One line per suite even when a suite file was loaded by two projects or retried.
  const unique = [...new Map(records.map((r) => [r.suite, r])).values()];
  if (unique.length) process.stdout.write(`\n${skipNotice(unique)}\n`);
}

module.exports = setup;
module.exports.teardown = teardown;
