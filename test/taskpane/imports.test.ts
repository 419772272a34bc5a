/**
 * The pane's import graph, from its entry: it must never reach ExcelJS, the .xlsx adapter or the
 * command line (they would land in the browser bundle), and the Excel adapter must stay behind
 * the one dynamic import of officeOperations (so it is not in the first download).
 */
import fs from "fs";
import path from "path";

const root = path.resolve(__dirname, "..", "..");
const IMPORT =
  /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*(?:\/\*.*?\*\/\s*)?["']([^"']+)["']\s*\)/g;

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return spec; // a package
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every module reachable from `entry`: statically only, or through dynamic imports too. */
function graph(entry: string, followDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.startsWith("/")) continue; // a package: not followed
    const source = fs
      .readFileSync(file, "utf8")
      .replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, (c) => (c.includes("webpackChunkName") ? c : ""));
    for (const match of source.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2];
      if (match[2] && !followDynamic) continue;
      const target = resolve(file, spec);
      if (target) todo.push(target);
    }
  }
  return seen;
}

const entry = path.join(root, "src/taskpane/index.tsx");
const rel = (files: Set<string>) => [...files].map((f) => (f.startsWith("/") ? path.relative(root, f) : f));

/**
 * The .xlsx figure reader written for the browser too (fflate, saxes, entities, the core: no Node,
 * no ExcelJS): the parts' readers, the streaming parser, the workbook reader tying them, the zip
 * reader and limits it opens files through, the encryption test it says an encrypted file
 * with, and the wording of a zip of another spreadsheet format. Not the package layer's editing (the DOM, the writers).
 */
const BROWSER_READER =
  /^src\/xlsx\/figureReader\/(read|catalogue)\.ts$|^src\/xlsx\/parts\/\w+\/read\.ts$|^src\/xlsx\/xml\/(sax|text)\.ts$|^src\/xlsx\/package\/(workbookReader|otherFormats)\.ts$|^src\/xlsx\/zip\/(zipArchive|partLimits)\.ts$|^src\/xlsx\/encryption\.ts$/;

it("never reaches ExcelJS, src/xlsx (but its browser figure reader) or src/cli", () => {
  const all = rel(graph(entry, true));
  expect(all).toContain("src/taskpane/officeOperations.ts");
  expect(all.filter((f) => /^exceljs|^src\/(xlsx|cli)\//.test(f) && !BROWSER_READER.test(f))).toEqual([]);
  // The browser reader itself reaches only the core and its three browser libraries.
  const reader = rel(graph(path.join(root, "src/xlsx/figureReader/read.ts"), true));
  expect(reader.filter((f) => !f.startsWith("src/core/") && !BROWSER_READER.test(f)).sort()).toEqual([
    "entities/decode",
    "fflate",
    "saxes",
  ]);
  // And it comes only through the dynamic import of the consolidation, never with the adapter.
  const adapter = rel(graph(path.join(root, "src/taskpane/officeOperations.ts"), false));
  expect(adapter.filter((f) => BROWSER_READER.test(f))).toEqual([]);
});

it("keeps the Excel adapter out of the first download", () => {
  const first = rel(graph(entry, false));
  expect(first.filter((f) => f.startsWith("src/excel/") || f === "src/taskpane/officeOperations.ts")).toEqual(
    [],
  );
  expect(first.filter((f) => !f.startsWith("src/")).sort()).toEqual([
    "@fluentui/react-components",
    "react",
    "react-dom/client",
  ]);
});
