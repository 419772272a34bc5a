#!/usr/bin/env node
/**
 * `npm run bench`: runs every section in scripts/bench/ (one file per section, in name order)
 * against the compiled code in lib/ (`npm run bench` compiles it first). Prints times only;
 * nothing is asserted, since a time depends on the machine.
 *
 * To add a section, drop a file in scripts/bench/ exporting `{ title, run(context) }`.
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

const sections = fs
  .readdirSync(path.join(__dirname, "bench"))
  .filter((name) => name.endsWith(".js") && name !== "harness.js")
  .sort();

console.log(`Node ${process.version}, ${process.platform}/${process.arch}\n`);
for (const name of sections) {
  const section = require(path.join(__dirname, "bench", name));
  console.log(section.title);
  section.run({ lib, measure, report });
  console.log("");
}
