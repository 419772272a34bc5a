#!/usr/bin/env node
/**
 * `npm run bench`: runs the sections listed in SECTIONS (one file each in scripts/bench/) against
 * the compiled code in lib/ (`npm run bench` compiles it first). Prints times and ratios against
 * a baseline measured in the same run; nothing is asserted, since a time depends on the machine.
 * Whole-process sections start a fresh `node` for every run, as a user does; warm ones time calls
 * inside one process. The whole bench stays under about five minutes.
 *
 * To add a section: write scripts/bench/<name>.js exporting `{ title, run(context) }` and add one
 * line to SECTIONS. `npm run bench -- <name>…` runs only the named sections.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { measure, report } = require("./bench/harness");

const root = path.resolve(__dirname, "..");
const libDir = path.join(root, "lib");

// functions.js throws CustomFunctions.Error on bad input; Excel's runtime defines the global.
globalThis.CustomFunctions = globalThis.CustomFunctions || {
  Error: class CustomFunctionsError {
    constructor(code, message) {
      this.code = code;
      this.message = message;
    }
  },
  ErrorCode: { invalidValue: "#VALUE!", divisionByZero: "#DIV/0!" },
};

function lib(modulePath) {
  const file = path.join(libDir, ...modulePath.split("/"));
  if (!fs.existsSync(`${file}.js`)) {
    throw new Error(`${path.relative(root, file)}.js is missing: run \`npm run build:cli\` first`);
  }
  return require(file);
}

/** The sections, in the order they print. */
const SECTIONS = [
  "startup", // start-up, whole process, vs node -e 0
  "whole-process", // template, check, install, report on the sample, whole process, vs ExcelJS alone
  "documents", // report with 100 / 1,000 / 10,000 listed documents, whole process
  "cli", // the same commands warm, inside one process
  "syncs", // Office.js round trips per operation
  "tyle", // CCHC.TYLE vs bare division
  "sizes", // download sizes of the built add-in
  "catalogue", // validate + install of a generated 500-indicator form vs huyen-2021
  "consolidate", // fast reader vs ExcelJS read, 10 / 100 / 500 files, time and memory
  "consolidate-country", // whole cchc consolidate of 10 / 500 / 3,300 files, peak memory
  "draft", // the Word draft (core + docx) vs reading the workbook, the sample and 500 indicators
  "bomb", // check and install on a 1 GiB zip bomb vs the plain sample, peak memory
  "table40", // a form with a 40-field table: install, check, consolidate 300 units vs ExcelJS read
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SECTIONS.includes(name));
if (unknown.length)
  throw new Error(`unknown bench section(s): ${unknown.join(", ")}; known: ${SECTIONS.join(", ")}`);

console.log(`Node ${process.version}, ${process.platform}/${process.arch}\n`);
const started = performance.now();
for (const name of SECTIONS.filter((n) => wanted.length === 0 || wanted.includes(n))) {
  const section = require(path.join(__dirname, "bench", `${name}.js`));
  const t0 = performance.now();
  console.log(section.title);
  section.run({ lib, measure, report });
  console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
}
console.log(`bench: ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
