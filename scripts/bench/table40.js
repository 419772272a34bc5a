/**
 * A province's form with a 40-field table (issue 21, «What must be shown»): a catalogue derived
 * from xa-2025 whose one-stop table «Hồ sơ TTHC theo lĩnh vực» has 40 fields (rows) plus 5 extra
 * rows and its 10 columns (400 named cells, 8 columns summed against the form's totals), and 300
 * unit workbooks of it, each with every cell typed. Times the whole commands a province's staff
 * run, each a fresh `node bin/cchc.js …` paired with a fresh node that only reads the same
 * file(s) with ExcelJS (median of 3 pairs, see process-harness.js):
 * - `cchc install` of the form into a plain workbook, and again over a unit's typed figures;
 * - `cchc check` of one unit;
 * - `cchc consolidate` of the 300 units (and of 10, for the peak memory 300 vs 10).
 * Printed, not asserted: a time depends on the machine.
 *
 * The units are generated in a child process (`node scripts/bench/table40.js --child make DIR N`):
 * one through cchc's own install and writer, the others copies naming another unit.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { root, runNode, paired, line } = require("./process-harness");

const UNITS = 300;
const FIELDS = 40;
const RUNS = 3;
const bin = path.join(root, "bin", "cchc.js");
const lib = (p) => require(path.join(root, "lib", ...p.split("/")));

/** The province's form: xa-2025 with a 40-field one-stop table (the by-authority table left out). */
function provinceCatalogue() {
  const xa = JSON.parse(
    fs.readFileSync(path.join(root, "src", "core", "catalogue", "data", "xa-2025.json"), "utf8"),
  );
  const byField = xa.tables.find((t) => t.id === "tthc_lv");
  const rows = Array.from({ length: FIELDS }, (_, i) => ({
    id: `lv${String(i + 1).padStart(2, "0")}`,
    label: `Lĩnh vực thủ tục hành chính số ${i + 1}`,
  }));
  return {
    ...xa,
    id: "tinh-mau-40",
    version: "2026.1",
    title: "Báo cáo CCHC của xã, phường (tỉnh Mẫu, bảng 40 lĩnh vực)",
    tables: [{ ...byField, rows }],
  };
}

/**
 * Every cell of the table: a column with a total spreads the sample's total over the 40 fields
 * (so each column adds up and `check` finds nothing new); «trực tiếp» takes what is left of the
 * received dossiers once the online ones are counted, «bưu chính» none.
 */
function tableValues(catalogue, figures) {
  const table = catalogue.tables[0];
  const values = {};
  const spread = (total, i) => Math.floor(total / FIELDS) + (i < total % FIELDS ? 1 : 0);
  table.rows.forEach((row, i) => {
    const cell = (column) => `${table.id}.${row.id}.${column}`;
    for (const column of table.columns)
      if (column.total) values[cell(column.id)] = spread(figures[column.total], i);
    values[cell("truc_tiep")] = Math.max(
      0,
      values[cell("ky_truoc")] + values[cell("moi")] - values[cell("truc_tuyen")],
    );
    values[cell("buu_chinh")] = 0;
  });
  return values;
}

/** Writes the catalogue, a plain workbook and `count` unit workbooks (xa-00000.xlsx …) into `dir`. */
async function make(dir, count) {
  const { parseCatalogue } = lib("core/catalogue/validate");
  const { planInstall } = lib("core/install");
  const { typeFigures } = lib("core/consolidate");
  const { writeConsolidatedWorkbook } = lib("xlsx/node/writeConsolidated");
  const { sampleOf } = lib("core/catalogue/sample");
  const { unzipSync, zipSync, strToU8, strFromU8 } = require("fflate");
  const ExcelJS = require("exceljs");

  const text = JSON.stringify(provinceCatalogue(), null, 2);
  fs.writeFileSync(path.join(dir, "tinh-mau-40.json"), text);
  const catalogue = parseCatalogue(text, "tinh-mau-40.json");
  const figures = { ...sampleOf("xa-2025").figures };
  for (const id of Object.keys(figures)) if (id.includes(".")) delete figures[id];
  const values = {
    ...figures,
    ...tableValues(catalogue, figures),
    co_quan: "UBND XÃ MẪU 00000",
    ky_bao_cao: "Quý III",
    nam: 2025,
  };
  const plans = planInstall({ sheetNames: [], sheets: new Map() }, { catalogue }).sheets;
  typeFigures(plans, { catalogue, values });
  const base = path.join(dir, "base.xlsx");
  await writeConsolidatedWorkbook(plans, base, { overwrite: true });
  const parts = unzipSync(fs.readFileSync(base));
  const named = Object.keys(parts).find((n) => strFromU8(parts[n]).includes("UBND XÃ MẪU 00000"));
  const xml = strFromU8(parts[named]);
  const units = path.join(dir, "units");
  fs.mkdirSync(units);
  for (let i = 0; i < count; i += 1) {
    const name = `UBND XÃ MẪU ${String(i).padStart(5, "0")}`;
    const copy = { ...parts, [named]: strToU8(xml.replace("UBND XÃ MẪU 00000", name)) };
    fs.writeFileSync(path.join(units, `xa-${String(i).padStart(5, "0")}.xlsx`), zipSync(copy, { level: 6 }));
  }
  fs.rmSync(base);
  // A plain workbook (one sheet of the user's own) to install the form into.
  const plain = new ExcelJS.Workbook();
  plain.addWorksheet("Sổ theo dõi").getCell("A1").value = "Sổ theo dõi của xã";
  await plain.xlsx.writeFile(path.join(dir, "plain.xlsx"));
}

/** A fresh node reading `files` with ExcelJS, nothing else (the baseline of every command). */
async function readWithExcelJs(files) {
  const ExcelJS = require("exceljs");
  for (const file of files) await new ExcelJS.Workbook().xlsx.readFile(file);
}

const unitFiles = (dir, count) =>
  fs
    .readdirSync(path.join(dir, "units"))
    .sort()
    .slice(0, count)
    .map((n) => path.join(dir, "units", n));

function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-table40-"));
  try {
    runNode([__filename, "--child", "make", dir, String(UNITS)]);
    const form = path.join(dir, "tinh-mau-40.json");
    const plain = path.join(dir, "plain.xlsx");
    const unit = unitFiles(dir, 1)[0];
    const excelJs = (files) => () => runNode([__filename, "--child", "read", ...files]);
    const fresh = path.join(dir, "cai-moi.xlsx");
    line(
      "cchc install (plain workbook)",
      paired(
        () => {
          fs.copyFileSync(plain, fresh);
          return runNode([bin, "install", fresh, "--catalogue", form]);
        },
        excelJs([plain]),
        RUNS,
      ),
      "ExcelJS read",
    );
    const again = path.join(dir, "cai-lai.xlsx");
    line(
      "cchc install (again, figures typed)",
      paired(
        () => {
          fs.copyFileSync(unit, again);
          return runNode([bin, "install", again]);
        },
        excelJs([unit]),
        RUNS,
      ),
      "ExcelJS read",
    );
    line(
      "cchc check (one unit)",
      paired(() => runNode([bin, "check", unit]), excelJs([unit]), RUNS),
      "ExcelJS read",
    );
    const out = path.join(dir, "tong-hop.xlsx");
    const consolidate = (count) => () =>
      runNode([bin, "consolidate", "-o", out, "--force", ...unitFiles(dir, count)]);
    const large = paired(consolidate(UNITS), excelJs(unitFiles(dir, UNITS)), RUNS);
    line(`cchc consolidate (${UNITS} units)`, large, "ExcelJS read");
    const small = paired(consolidate(10), excelJs(unitFiles(dir, 10)), RUNS);
    line("cchc consolidate (10 units)", small, "ExcelJS read");
    console.log(
      `  peak memory of cchc consolidate: 10 units ${small.mb.toFixed(0)} MB, ${UNITS} units ${large.mb.toFixed(0)} MB: ` +
        `${UNITS}/10 ${(large.mb / small.mb).toFixed(2)}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") {
  const [mode, ...rest] = process.argv.slice(3);
  (mode === "make" ? make(rest[0], Number(rest[1])) : readWithExcelJs(rest)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  module.exports = {
    title: `A province's form with a ${FIELDS}-field table: install, check, consolidate ${UNITS} units, whole process vs ExcelJS reading the same files`,
    run,
  };
}
