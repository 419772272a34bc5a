/**
 * Tests of the production build in dist/ (built once by ./global-setup.js). They catch what
 * webpack reports as a success although the add-in would not work: a functions.js without its
 * CustomFunctions.associate calls, metadata that lost a parameter, a manifest still pointing at
 * localhost.
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import zlib from "zlib";
import { checkManifest, filesUnder } from "../../scripts/manifest-checks";
import { createCustomFunctionsStub } from "../support/custom-functions-stub";
import { describeAnswer, expectAnswer, KNOWN_ANSWERS } from "../support/known-answers";

const dist = path.resolve(__dirname, "..", "..", "dist");
const read = (name: string): string => fs.readFileSync(path.join(dist, name), "utf8");

interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  optional?: boolean;
  repeating?: boolean;
  dimensionality?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: ParameterMetadata[];
}

/** The documented parameters (functions.md): name, and whether optional or repeating. */
const DOCUMENTED: Record<string, string[]> = {
  TYLE: ["tu_so", "mau_so"],
  DUNGHAN: ["dung_han", "qua_han"],
  DIEM: ["ty_le", "diem_toi_da", "nguong?", "cach_tinh?"],
  KIEMTRA: ["tong", "thanh_phan..."],
  TUNGAY: ["ky", "nam", "bat_dau?"],
  DENNGAY: ["ky", "nam", "bat_dau?"],
};

function signature(fn: FunctionMetadata): string[] {
  return fn.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}${p.repeating ? "..." : ""}`);
}

describe("dist/functions.json", () => {
  const metadata = JSON.parse(read("functions.json")) as { functions: FunctionMetadata[] };

  it("lists exactly the six functions, ids = names, with the documented parameters", () => {
    expect(metadata.functions.map((fn) => fn.id).sort()).toEqual(Object.keys(DOCUMENTED).sort());
    for (const fn of metadata.functions) {
      expect(fn.name).toBe(fn.id);
      expect(signature(fn)).toEqual(DOCUMENTED[fn.id]);
    }
  });

  it("lets blanks and text reach the code (type any), and takes KIEMTRA's parts as ranges", () => {
    for (const fn of metadata.functions) {
      for (const parameter of fn.parameters) expect(parameter.type).toBe("any");
    }
    const parts = metadata.functions.find((fn) => fn.id === "KIEMTRA")!.parameters[1];
    expect(parts.dimensionality).toBe("matrix");
  });

  it("describes every function and parameter in Vietnamese", () => {
    const vietnamese = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;
    for (const fn of metadata.functions) {
      expect(fn.description).toMatch(vietnamese);
      for (const parameter of fn.parameters) expect(parameter.description).toMatch(vietnamese);
    }
  });
});

describe("dist/functions.en-US.json", () => {
  const vi = JSON.parse(read("functions.json")) as { functions: FunctionMetadata[] };
  const en = JSON.parse(read("functions.en-US.json")) as { functions: FunctionMetadata[] };

  it("has the same ids, names and parameters, only the texts in English", () => {
    expect(en.functions.map((fn) => [fn.id, fn.name, signature(fn)])).toEqual(
      vi.functions.map((fn) => [fn.id, fn.name, signature(fn)]),
    );
    en.functions.forEach((fn, i) => {
      expect(fn.description).not.toBe(vi.functions[i].description);
      expect(fn.description).toMatch(/^[A-Z]/);
      fn.parameters.forEach((parameter, j) => {
        expect(parameter.description).toBeTruthy();
        expect(parameter.description).not.toBe(vi.functions[i].parameters[j].description);
        expect({ ...parameter, description: undefined }).toEqual({
          ...vi.functions[i].parameters[j],
          description: undefined,
        });
      });
    });
    expect(en.functions.find((fn) => fn.id === "TYLE")!.description).toMatch(/ratio/i);
  });
});

describe("dist/functions.js", () => {
  const source = read("functions.js");

  function load() {
    const CustomFunctions = createCustomFunctionsStub();
    // The globals the bundle may touch in the shared runtime; anything else it needs would
    // throw here as it would in Excel.
    const sandbox = vm.createContext({ CustomFunctions, console });
    vm.runInContext(source, sandbox, { filename: "functions.js" });
    return CustomFunctions;
  }

  it("registers all six functions, each once", () => {
    const { registered } = load();
    expect([...registered.keys()].sort()).toEqual(Object.keys(DOCUMENTED).sort());
  });

  const { registered, Error: ErrorClass } = load();
  it.each(KNOWN_ANSWERS.map((answer) => [describeAnswer(answer), answer] as const))(
    "returns the known answer %s",
    (_label, answer) => {
      const fn = registered.get(answer.id);
      expect(fn).toBeDefined();
      expectAnswer(() => fn!(...answer.args), answer.expect, ErrorClass);
    },
  );

  it("stays within the budget (30 KB gzip) and carries no React", () => {
    expect(zlib.gzipSync(source).length).toBeLessThanOrEqual(30 * 1024);
    expect(source).not.toMatch(/react|__SECRET_INTERNALS|fluentui/i);
  });
});

describe("dist/ for deployment", () => {
  const manifest = read("manifest.xml");
  const info = JSON.parse(read("build-info.json")) as { url: string };

  it("has no development URL left in the manifest", () => {
    expect(manifest).not.toMatch(/localhost/i);
    expect(manifest).toContain(`${info.url}functions.js`);
    expect(manifest).toContain(`${info.url}taskpane.html`);
  });

  it("passes the offline manifest checks, every file it names present in dist/", () => {
    const { problems } = checkManifest(manifest, { resolveFile: filesUnder(info.url, dist) });
    expect(problems).toEqual([]);
  });

  it("loads the custom functions before the pane on the shared runtime page", () => {
    const page = read("taskpane.html");
    const scripts = [...page.matchAll(/<script[^>]*src="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toMatch(/office\.js$/);
    expect(scripts[1]).toBe("functions.js");
    expect(scripts.some((src) => /^taskpane\.[0-9a-f]+\.js$/.test(src))).toBe(true);
    expect(scripts.some((src) => /^commands\.[0-9a-f]+\.js$/.test(src))).toBe(true);
    for (const src of scripts.slice(1)) expect(fs.existsSync(path.join(dist, src))).toBe(true);
  });
});

describe("the task pane's first download", () => {
  it("loads at most 150 KB gzip of scripts before first paint, and no spreadsheet library", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=("[^"]+"|'[^']+'|[^\s>]+)/g)]
      .map((m) => m[1].replace(/^["']|["']$/g, ""))
      .filter((src) => !/^https?:/.test(src));
    expect(scripts).toEqual(expect.arrayContaining(["functions.js"]));
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    const bytes = scripts.map((src) => fs.readFileSync(path.join(dist, src)));
    const total = bytes.reduce((sum, b) => sum + zlib.gzipSync(b).length, 0);
    expect(total).toBeLessThanOrEqual(150 * 1024);
    for (const b of bytes) expect(b.toString("utf8")).not.toMatch(/exceljs|JSZip/i);
  });
});

describe("the consolidation's reader", () => {
  it("is a chunk of its own, downloaded on the first consolidation: not in the first paint nor the Excel chunk", () => {
    const js = fs.readdirSync(dist).filter((name) => name.endsWith(".js"));
    const reader = js.filter((name) => /^consolidate\.[0-9a-f]+\.js$/.test(name));
    expect(reader).toHaveLength(1);
    // saxes and fflate, known by their own error messages.
    const markers = /text data outside of root node|invalid zip data/g;
    expect(new Set(read(reader[0]).match(markers))).toEqual(
      new Set(["text data outside of root node", "invalid zip data"]),
    );
    const html = read("taskpane.html");
    const firstPaint = [...html.matchAll(/<script[^>]*\ssrc=("[^"]+"|'[^']+'|[^\s>]+)/g)].map((m) =>
      m[1].replace(/^["']|["']$/g, ""),
    );
    const excel = js.filter((name) => /^excel\.[0-9a-f]+\.js$/.test(name));
    for (const name of [...firstPaint.filter((src) => !/^https?:/.test(src)), ...excel]) {
      expect([name, new RegExp(markers.source).test(read(name))]).toEqual([name, false]);
    }
  });
});

// ── proofread (issue 18) ──
describe("the proofreader's chunk", () => {
  it("is a chunk of its own (document reader and proofreader), outside the first paint and the Excel chunk", () => {
    const js = fs.readdirSync(dist).filter((name) => name.endsWith(".js"));
    const chunk = js.filter((name) => /^proofread\.[0-9a-f]+\.js$/.test(name));
    expect(chunk).toHaveLength(1);
    // The proofreader's own words, and saxes's (the .docx reader).
    const marker = /nên là|text data outside of root node/g;
    expect(new Set(read(chunk[0]).match(marker))).toEqual(
      new Set(["nên là", "text data outside of root node"]),
    );
    const html = read("taskpane.html");
    const firstPaint = [...html.matchAll(/<script[^>]*\ssrc=("[^"]+"|'[^']+'|[^\s>]+)/g)]
      .map((m) => m[1].replace(/^["']|["']$/g, ""))
      .filter((src) => !/^https?:/.test(src));
    const excel = js.filter((name) => /^excel\.[0-9a-f]+\.js$/.test(name));
    for (const name of [...firstPaint, ...excel])
      expect([name, read(name).includes("nên là")]).toEqual([name, false]);
  });
});

describe("the Word draft's writer", () => {
  it("is a chunk of its own, downloaded on the first draft: not in the first paint nor the Excel chunk", () => {
    const js = fs.readdirSync(dist).filter((name) => name.endsWith(".js"));
    const writer = js.filter((name) => /^docx\.[0-9a-f]+\.js$/.test(name));
    expect(writer).toHaveLength(1);
    // The docx library writes WordprocessingML; nothing else in the add-in names its namespace.
    const marker = "schemas.openxmlformats.org/wordprocessingml/2006/main";
    expect(read(writer[0])).toContain(marker);
    const html = read("taskpane.html");
    const firstPaint = [...html.matchAll(/<script[^>]*\ssrc=("[^"]+"|'[^']+'|[^\s>]+)/g)]
      .map((m) => m[1].replace(/^["']|["']$/g, ""))
      .filter((src) => !/^https?:/.test(src));
    const excel = js.filter((name) => /^excel\.[0-9a-f]+\.js$/.test(name));
    for (const name of [...firstPaint, ...excel])
      expect([name, read(name).includes(marker)]).toEqual([name, false]);
  });
});
