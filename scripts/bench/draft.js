/**
 * The Word draft (`cchc draft`): the time to draft (the narrative core, then the .docx through the
 * `docx` library) against the time to read the workbook it comes from (the package reader `check`
 * uses), for the Đức Thọ sample and for a generated 500-indicator form with every figure typed.
 * The ratio says what drafting adds to reading; printed, not asserted.
 *
 * Runs in a child process (the docx writer is asynchronous); the TypeScript sources are loaded
 * through the compiler's transpileModule, like the catalogue section.
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
  const { parseCatalogue } = src("src/core/catalogue/validate.ts");
  const { DISTRICT_CATALOGUE, inputName } = src("src/core/catalogue/index.ts");
  const { generatedCatalogue } = src("test/support/generatedCatalogue.ts");
  const { createTemplateFile } = src("src/xlsx/node/operations.ts");
  const { readDraftSource } = src("src/xlsx/node/draftInput.ts");
  const { draftWorkbook } = src("src/core/workbook/draft.ts");
  const { draftDocxBytes } = src("src/docx/draftDocx.ts");
  const { readBack, namedCell } = src("test/support/xlsx.ts");
  const { saveWorkbookFile } = src("test/support/excelJsWorkbook.ts");

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-draft-"));
  try {
    const sample = path.join(dir, "sample.xlsx");
    await createTemplateFile(sample, { sample: true, catalogue: DISTRICT_CATALOGUE });
    const big = path.join(dir, "generated-500.xlsx");
    const generated = parseCatalogue(JSON.stringify(generatedCatalogue(500)));
    await createTemplateFile(big, { catalogue: generated });
    const workbook = await readBack(big);
    generated.indicators
      .filter((i) => i.kind === "count")
      .forEach((i, k) => {
        if (i.section !== "0") namedCell(workbook, inputName(i.id)).value = 100 + (k % 37);
      });
    await saveWorkbookFile(workbook, big, { overwrite: true });

    const rows = [];
    for (const [label, file] of [
      ["huyen-2021 sample", sample],
      ["generated, 500 indicators", big],
    ]) {
      let source;
      const read = await best(5, async () => {
        source = await readDraftSource(file);
      });
      let bytes = 0;
      let sentences = 0;
      const draft = await best(5, async () => {
        const { draft: made } = draftWorkbook(source.reading, source.catalogue);
        sentences = made.body.length;
        bytes = (await draftDocxBytes(made)).length;
      });
      const core = await best(5, async () => draftWorkbook(source.reading, source.catalogue));
      rows.push({ label, read, draft, core, bytes, sentences, size: source.catalogue.indicators.length });
    }
    for (const r of rows) {
      console.log(
        `  ${r.label.padEnd(27)} ${String(r.size).padStart(4)} rows  read ${r.read.toFixed(0).padStart(5)} ms` +
          `  draft ${r.draft.toFixed(0).padStart(5)} ms (core ${r.core.toFixed(1)} ms, ${r.sentences} paragraphs, ${(r.bytes / 1024).toFixed(0)} KB)` +
          `  draft / read ×${(r.draft / r.read).toFixed(2)}`,
      );
    }
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
    title: "Word draft: draft (core + .docx) vs reading the workbook, the sample and a 500-indicator form",
    run() {
      const { spawnSync } = require("child_process");
      const result = spawnSync(process.execPath, [__filename, "--child"], { cwd: root, stdio: "inherit" });
      if (result.status !== 0) throw new Error(`the draft bench failed (exit ${result.status})`);
    },
  };
}
