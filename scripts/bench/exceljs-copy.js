/**
 * The whole-process baseline of the bench: `node exceljs-copy.js IN OUT` reads IN with ExcelJS
 * and writes it to OUT, which is the least any command that rewrites a workbook through
 * ExcelJS pays.
 */
"use strict";

const ExcelJS = require("exceljs");

async function copy([input, output]) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  await workbook.xlsx.writeFile(output);
}

copy(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
