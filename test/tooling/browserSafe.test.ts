/**
 * The add-in's code runs in Excel's browser: no module it can load may import a Node built-in
 * (`fs`, `path`, `zlib` …), which webpack 5 no longer polyfills (the build would fail, or worse,
 * a chunk loaded on first use would). The Node-only I/O of the file adapter (reading and
 * writing files, the safe write, the lock, Node's native inflate) lives apart, in src/xlsx/node,
 * so that the pane's chunks cannot pull it in by accident.
 */
import { builtinModules } from "module";
import fs from "fs";
import path from "path";

const root = path.resolve(__dirname, "..", "..");
const src = path.join(root, "src");
const IMPORT =
  /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*(?:\/\*.*?\*\/\s*)?["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;

/** The add-in's entries (webpack.config.js): the pane, the custom functions, the ribbon command. */
const ENTRIES = ["src/taskpane/index.tsx", "src/functions/functions.ts", "src/commands/commands.ts"];

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split("/")[0]]));
const isNodeBuiltin = (spec: string) => spec.startsWith("node:") || NODE_BUILTINS.has(spec);

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** What a module imports, statically or dynamically (`import()`, `require`), comments left out. */
function specifiers(file: string): string[] {
  const source = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, "");
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Every module of src/ reachable from `entries`, through static and dynamic imports. */
function reachable(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = entries.map((e) => path.join(root, e));
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of specifiers(file)) {
      if (!spec.startsWith(".")) continue; // a package: webpack resolves it for the browser
      const target = resolve(file, spec);
      if (target) todo.push(target);
    }
  }
  return seen;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");
const nodeImports = (file: string) =>
  specifiers(file)
    .filter(isNodeBuiltin)
    .map((spec) => `${rel(file)} → ${spec}`);

it("loads no Node built-in in the add-in: nothing the pane, the functions or the command reach imports one", () => {
  const modules = [...reachable(ENTRIES)];
  // The walk does reach the pane's lazily loaded chunks (the adapter, the figure reader).
  expect(modules.map(rel)).toEqual(
    expect.arrayContaining(["src/taskpane/officeOperations.ts", "src/xlsx/figureReader/read.ts"]),
  );
  expect(modules.flatMap(nodeImports)).toEqual([]);
  expect(modules.map(rel).filter((f) => f.startsWith("src/xlsx/node/") || f.startsWith("src/cli/"))).toEqual(
    [],
  );
});

it("keeps the Node-only I/O apart: outside the command line, only src/xlsx/node imports Node built-ins (no exception)", () => {
  const elsewhere = sources(src)
    .filter((file) => !/^src\/(cli|xlsx\/node)\//.test(rel(file)))
    .flatMap(nodeImports);
  expect(elsewhere).toEqual([]);
});

it("keeps browser-safe code off the Node-only modules: outside the command line, nothing imports src/xlsx/node", () => {
  const nodeOnly = path.join(src, "xlsx", "node") + path.sep;
  const intoNode = sources(src)
    .filter((file) => !/^src\/(cli|xlsx\/node)\//.test(rel(file)))
    .flatMap((file) =>
      specifiers(file)
        .filter((spec) => spec.startsWith(".") && resolve(file, spec)?.startsWith(nodeOnly))
        .map((spec) => `${rel(file)} → ${spec}`),
    );
  expect(intoNode).toEqual([]);
});

it("tells a Node built-in however it is written", () => {
  expect(
    ["fs", "fs/promises", "node:fs", "path", "os", "zlib", "child_process", "crypto"].every(isNodeBuiltin),
  ).toBe(true);
  expect(["fflate", "saxes", "entities", "react", "./fs"].some(isNodeBuiltin)).toBe(false);
});
