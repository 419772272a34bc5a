/**
 * The house's shape (docs/developer-guide.md, Layout): the pure core at the bottom, the adapters
 * above it, the front ends on top. No import runs upward and no module imports itself back
 * through others, so the core stays usable by every front end and testable alone.
 */
import fs from "fs";
import path from "path";

const root = path.resolve(__dirname, "..", "..");
const src = path.join(root, "src");
const IMPORT =
  /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*(?:\/\*.*?\*\/\s*)?["']([^"']+)["']\s*\)/g;

/** Layer of each top folder of src/: a module may import only from its own layer or below. */
const LAYER: Record<string, number> = {
  core: 0,
  excel: 1,
  xlsx: 1,
  docx: 1,
  bridge: 1,
  cli: 2,
  taskpane: 2,
  commands: 2,
  functions: 2,
};

/**
 * Inside the core, the same rule by module (a file, or a folder under src/core/): arithmetic, the
 * date conversion and periods at the bottom, the catalogue, the sheet descriptions, figures, evaluation, checks, and
 * the use cases (install, report, consolidate) on top, the narrative draft over them, and the
 * port "a workbook as read" with the use cases both adapters run on it above all. Two modules
 * of one rank do not import each other.
 */
const CORE_RANK: Record<string, number> = {
  arithmetic: 0,
  dates: 0,
  period: 1,
  // The check types (schema fragment, validation, computation over a RuleContext): below the
  // catalogue, which validates and completes checks with them.
  checkTypes: 1,
  catalogue: 2,
  sheetNames: 3,
  // Whether a value meets the form's target and how a target is written (checks and report).
  targets: 3,
  // Which unit and form a report is of (the consolidation's and the comparisons' identity).
  identity: 3,
  layout: 3,
  figures: 4,
  evaluate: 5,
  // Tables of figures (one-stop statistics by field): their figures, sums and findings.
  tables: 5.5,
  checks: 6,
  scoring: 6,
  proofread: 6,
  meta: 6,
  install: 7,
  report: 8,
  consolidate: 8,
  // The narrative draft sits on the report (its appendices) and the consolidation (unit identity).
  narrative: 9,
  // The port "a workbook as read" and the use cases on it (read, check, report, consolidate many,
  // draft), which both adapters call: on top of everything they assemble.
  workbook: 10,
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null; // a package
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, "");
  const found: string[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const target = resolve(file, match[1] ?? match[2]);
    if (target) found.push(target);
  }
  return found;
}

const files = sources(src);
const edges = new Map(files.map((f) => [f, importsOf(f)]));
const top = (file: string) => path.relative(src, file).split(path.sep)[0];
const rel = (file: string) => path.relative(root, file);

it("knows the layer of every folder of src/", () => {
  expect([...new Set(files.map(top))].filter((t) => !(t in LAYER))).toEqual([]);
});

it("has no import running upward", () => {
  const upward = files.flatMap((file) =>
    edges
      .get(file)!
      .filter((target) => LAYER[top(target)] > LAYER[top(file)])
      .map((target) => `${rel(file)} → ${rel(target)}`),
  );
  expect(upward).toEqual([]);
});

const coreUnit = (file: string) =>
  path.relative(path.join(src, "core"), file).split(path.sep)[0].replace(/\.ts$/, "");

it("knows the rank of every module of the core", () => {
  const cores = files.filter((f) => top(f) === "core").map(coreUnit);
  expect([...new Set(cores)].filter((unit) => !(unit in CORE_RANK))).toEqual([]);
});

it("has no import running upward inside the core", () => {
  const upward = files
    .filter((file) => top(file) === "core")
    .flatMap((file) =>
      edges
        .get(file)!
        .filter((target) => top(target) === "core" && coreUnit(target) !== coreUnit(file))
        .filter((target) => CORE_RANK[coreUnit(target)] >= CORE_RANK[coreUnit(file)])
        .map((target) => `${rel(file)} → ${rel(target)}`),
    );
  expect(upward).toEqual([]);
});

it("keeps the core pure: no Node module, no Office, no DOM library", () => {
  const impure = files
    .filter((file) => top(file) === "core")
    .flatMap((file) => {
      const source = fs.readFileSync(file, "utf8");
      return [...source.matchAll(IMPORT)]
        .map((m) => m[1] ?? m[2])
        .filter((spec) => /^(node:|fs$|path$|os$|child_process$|react|@fluentui|exceljs|office)/.test(spec))
        .map((spec) => `${rel(file)} → ${spec}`);
    });
  expect(impure).toEqual([]);
});

it("has no import cycle", () => {
  // Tarjan's strongly connected components: any component of two or more modules is a cycle.
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(rel(w));
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const file of files) if (!indexOf.has(file)) visit(file);
  expect(cycles).toEqual([]);
});
