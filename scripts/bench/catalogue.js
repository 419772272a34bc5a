/**
 * Catalogue files: the time to validate (JSON Schema through ajv plus the cross-reference
 * rules) and to install a catalogue, through files (ExcelJS) and through the Office.js adapter
 * on the fake Excel, for a generated 500-indicator catalogue against the built-in district form
 * (about 150 indicators) measured in the same run: the ratios show how the cost grows.
 *
 * Runs in a child process (installing is asynchronous); the TypeScript sources are loaded
 * through the compiler's transpileModule, like the sync-count section.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { registerTypeScript } = require("./harness");

const root = path.resolve(__dirname, "..", "..");


async function best(times, body) {
  let fastest = Infinity;
  await body(); // warm-up
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    await body();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

async function child() {
  registerTypeScript();
  const src = (p) => require(path.join(root, p));
  const { catalogueProblems, parseCatalogue } = src("src/core/catalogue/validate.ts");
  const { catalogueToFile, DISTRICT_CATALOGUE } = src("src/core/catalogue/index.ts");
  const { generatedCatalogue } = src("test/support/generatedCatalogue.ts");
  const { FakeWorkbook } = src("test/fakes/fakeExcel.ts");
  const { installSheets } = src("src/excel/installSheets.ts");
  const { createTemplateFile } = src("src/xlsx/node/operations.ts");

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-catalogue-"));
  try {
    const cases = [
      ["huyen-2021 (baseline)", JSON.stringify(catalogueToFile(DISTRICT_CATALOGUE))],
      ["generated, 500 indicators", JSON.stringify(generatedCatalogue(500))],
    ];
    const rows = [];
    for (const [label, text] of cases) {
      const catalogue = parseCatalogue(text);
      const validate = await best(20, async () => {
        if (catalogueProblems(text).length) throw new Error("the bench catalogue is invalid");
      });
      let n = 0;
      const file = await best(3, () => createTemplateFile(path.join(dir, `t${rows.length}-${n++}.xlsx`), { catalogue }));
      let syncs = 0;
      const fake = await best(3, async () => {
        const book = new FakeWorkbook();
        ({ syncs } = await book.run((context) => installSheets(context, { catalogue })));
      });
      rows.push({ label, size: catalogue.indicators.length, validate, file, fake, syncs });
    }
    const [base, big] = rows;
    for (const r of rows) {
      console.log(
        `  ${r.label.padEnd(28)} ${String(r.size).padStart(4)} rows  validate ${r.validate.toFixed(1).padStart(6)} ms` +
          `  install file ${r.file.toFixed(0).padStart(5)} ms  install fake ${r.fake.toFixed(0).padStart(5)} ms (${r.syncs} syncs)`,
      );
    }
    const ratio = (k) => (big[k] / base[k]).toFixed(2);
    console.log(
      `  ratio 500 / baseline (rows ×${(big.size / base.size).toFixed(2)}): validate ×${ratio("validate")}, ` +
        `install file ×${ratio("file")}, install fake ×${ratio("fake")}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv.includes("--child")) {
  child().catch((error) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exitCode = 1;
  });
} else {
  module.exports = {
    title: "Catalogue files: validate and install a 500-indicator catalogue (files and the fake Excel)",
    run() {
      const { spawnSync } = require("child_process");
      const result = spawnSync(process.execPath, [__filename, "--child"], { cwd: root, stdio: "inherit" });
      if (result.status !== 0) throw new Error(`the catalogue bench failed (exit ${result.status})`);
    },
  };
}
