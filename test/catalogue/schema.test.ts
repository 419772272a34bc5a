/**
 * The shipped JSON Schema (src/core/catalogue/data/catalogue.schema.json, published for a
 * province's IT staff: docs/catalogue-format.md) is what the program validates with: its checks'
 * part is assembled from the check types (core/checkTypes), and the file must say the same.
 * After adding or changing a check type, write the file again with
 * `CCHC_WRITE_SCHEMA=1 npx jest test/catalogue/schema.test.ts`.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { CHECK_TYPE_NAMES, CHECK_TYPES } from "../../src/core/checkTypes";
import { catalogueProblems, catalogueSchema, parseCatalogue } from "../../src/core/catalogue/validate";

const file = path.resolve(__dirname, "../../src/core/catalogue/data/catalogue.schema.json");
const generated = `${JSON.stringify(catalogueSchema(), null, 2)}\n`;

if (process.env.CCHC_WRITE_SCHEMA === "1") fs.writeFileSync(file, generated);

it("ships the schema the program validates with, checks assembled from the check types", () => {
  expect(fs.readFileSync(file, "utf8")).toBe(generated);
});

it("has one alternative of checks per check type, in the registry's order", () => {
  const checks = (catalogueSchema().properties as Record<string, { items: { oneOf: unknown[] } }>).checks;
  expect(
    checks.items.oneOf.map((o) => (o as { properties: { type: { const: string } } }).properties.type.const),
  ).toEqual([...CHECK_TYPE_NAMES]);
  expect(CHECK_TYPE_NAMES).toEqual(["partOfWhole", "sum", "balance", "notAbove", "dateOrder"]);
});

it("documents every check type with its own required fields (docs/catalogue-format.md)", () => {
  const doc = fs.readFileSync(path.resolve(__dirname, "../../docs/catalogue-format.md"), "utf8");
  for (const definition of Object.values(CHECK_TYPES)) {
    const entry = new RegExp(`\`${definition.type}\` \\{([^}]*)\\}`).exec(doc);
    expect({ type: definition.type, documented: entry !== null }).toEqual({
      type: definition.type,
      documented: true,
    });
    const fields = entry![1].split(",").map((field) => field.trim().replace(/\[\]|\?$/g, ""));
    expect(fields).toEqual(expect.arrayContaining([...definition.required]));
  }
});

describe("the worked example of docs/catalogue-format.md", () => {
  const doc = fs.readFileSync(path.resolve(__dirname, "../../docs/catalogue-format.md"), "utf8");
  // The first code block of the «Format» section: the one the doc calls a complete file.
  const format = doc.slice(doc.indexOf("## Format: one JSON file"));
  const block = /```(\w*)\n([\s\S]*?)```/.exec(format);

  it("is a complete catalogue file as printed: plain JSON (no comments) the validation accepts", () => {
    expect(block?.[1]).toBe("json");
    const text = block![2];
    expect(catalogueProblems(text)).toEqual([]);
    expect(parseCatalogue(text, "tinh-mau-xa.json").id).toBe("tinh-mau-xa");
  });

  it("passes `cchc catalogue check` when saved as a file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-doc-"));
    try {
      const file = path.join(dir, "tinh-mau-xa.json");
      fs.writeFileSync(file, block![2]);
      const io = bufferIo();
      expect(await main(["catalogue", "check", file], io)).toBe(0);
      expect(io.stderr).toBe("");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
