/**
 * `node make-documents.js N OUT.xlsx`: the sample workbook with N listed documents (Danh mục văn
 * bản), for the bench's long-list series. Uses the compiled lib/ (the template's own builder).
 */
"use strict";

const path = require("path");

const root = path.resolve(__dirname, "..", "..");

async function make(count, file) {
  const { buildTemplate } = require(path.join(root, "lib", "xlsx", "node", "operations.js"));
  const { saveNewPackageFile } = require(path.join(root, "lib", "xlsx", "node", "files.js"));
  const documents = Array.from({ length: count }, (_, i) => ({
    number: `${1000 + i}/UBND-VP`,
    // Inside Q3/2021's data period (15/06–14/09), spread over its days.
    date: new Date(Date.UTC(2021, 5, 15 + (i % 90))).toISOString().slice(0, 10),
    summary: `Văn bản chỉ đạo, điều hành cải cách hành chính số ${i + 1} về triển khai nhiệm vụ trong kỳ`,
  }));
  const { pkg } = buildTemplate({ sample: true, sampleDocuments: documents });
  await saveNewPackageFile(pkg, file, { overwrite: true });
}

make(Number(process.argv[2]), process.argv[3]).catch((error) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
