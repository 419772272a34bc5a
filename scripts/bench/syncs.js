/**
 * Round trips to Excel per operation, counted on the in-memory fake Excel of the tests (the
 * same adapter code that runs in Excel), for the default catalogue and one with twice the
 * indicators: the counts must not grow with the workbook. Also the time of each operation on
 * the fake (pure JS, so it is the adapter's own cost, not Excel's).
 *
 * The adapter and the fake are TypeScript: they are loaded through the TypeScript compiler's
 * transpileModule, the project's own devDependency, so the bench needs no build of them.
 */
"use strict";

const path = require("path");
const { registerTypeScript } = require("./harness");

const root = path.resolve(__dirname, "..", "..");


async function child() {
  registerTypeScript();
  const { FakeWorkbook } = require(path.join(root, "test/fakes/fakeExcel.ts"));
  const { installSheets } = require(path.join(root, "src/excel/installSheets.ts"));
  const { readWorkbook } = require(path.join(root, "src/excel/readFigures.ts"));
  const { checkWorkbook } = require(path.join(root, "src/excel/checkWorkbook.ts"));
  const { generateReport } = require(path.join(root, "src/excel/generateReport.ts"));
  const { DISTRICT_CATALOGUE } = require(path.join(root, "src/core/catalogue/index.ts"));

  const copies = DISTRICT_CATALOGUE.indicators
    .filter((i) => (i.kind === "count" || i.kind === "money") && i.id !== "nam")
    .map((i) => ({ ...i, id: `${i.id}_b`, parent: undefined }));
  const doubled = { ...DISTRICT_CATALOGUE, indicators: [...DISTRICT_CATALOGUE.indicators, ...copies] };

  const rows = [];
  for (const [label, catalogue] of [
    [`default catalogue (${DISTRICT_CATALOGUE.indicators.length} indicators)`, DISTRICT_CATALOGUE],
    [`doubled (${doubled.indicators.length} indicators)`, doubled],
  ]) {
    const book = new FakeWorkbook();
    const timed = async (name, batch) => {
      const start = performance.now();
      const { syncs } = await book.run(batch);
      rows.push({ label, name, syncs, ms: performance.now() - start });
    };
    await timed("install (fresh, with the sample)", (c) => installSheets(c, { sample: true, catalogue }));
    await timed("install again (upgrade in place)", (c) => installSheets(c, { catalogue }));
    await timed("read the figures", (c) => readWorkbook(c, { catalogue }));
    await timed("check and mark", (c) => checkWorkbook(c, { catalogue }));
    if (catalogue === DISTRICT_CATALOGUE) await timed("generate the report", (c) => generateReport(c));
  }
  let last = "";
  for (const row of rows) {
    if (row.label !== last) console.log(`  ${row.label}`);
    last = row.label;
    console.log(`    ${row.name.padEnd(40)} ${String(row.syncs).padStart(2)} sync(s)  ${row.ms.toFixed(1).padStart(7)} ms on the fake`);
  }
}

if (require.main === module && process.argv.includes("--child")) {
  child().catch((error) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exitCode = 1;
  });
} else {
  module.exports = {
    title: "Office.js round trips (context.sync) per operation",
    run() {
      const { spawnSync } = require("child_process");
      const result = spawnSync(process.execPath, [__filename, "--child"], { cwd: root, stdio: "inherit" });
      if (result.status !== 0) throw new Error(`the sync bench failed (exit ${result.status})`);
    },
  };
}
