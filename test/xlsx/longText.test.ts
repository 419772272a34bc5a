/**
 * A text longer than a cell holds (a unit's name of 100,000 characters, as a workbook made by a
 * program may carry): `report` cuts each report cell to Excel's 32,767 characters, names the cell
 * in a warning, and costs linear time whatever the text (a word of 100,000 letters once took
 * `report` past ten minutes in the row-height wrapping).
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { CELL_TEXT_LIMIT, cutToCellLimit } from "../../src/core/layout/cellText";
import { wrapText } from "../../src/core/layout/rowHeights";
import { createTemplateFile } from "../../src/xlsx/node/operations";
import { BIN, ensureCliBuilt, ROOT } from "../support/cliBuild";
import { makeTempDir, namedCell, readBack, removeTempDir } from "../support/xlsx";

let dir: string;
beforeAll(() => {
  ensureCliBuilt();
  dir = makeTempDir("cchc-long-text-");
}, 180_000);

/**
 * The guard against a run that would not end: the work runs in a child process, ended after
 * `seconds` (a loop of quadratic cost or worse blocks the test's own thread, where no time-out
 * can fire). Linear work ends in a few seconds.
 */
function runGuarded(args: string[], seconds: number) {
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", timeout: seconds * 1000 });
  expect(run.signal).toBeNull();
  return run;
}
afterAll(() => removeTempDir(dir));

/** A copy of the sample whose issuing body's name is `name`, written by ExcelJS. */
async function sampleNamed(file: string, name: string): Promise<string> {
  const target = path.join(dir, file);
  await createTemplateFile(target, { sample: true });
  const workbook = await readBack(target);
  namedCell(workbook, "CCHC_CO_QUAN").value = name;
  await workbook.xlsx.writeFile(target);
  return target;
}

/** Every text cell of the report sheets: where, and how long. */
async function reportTexts(file: string): Promise<Array<{ cell: string; length: number }>> {
  const workbook = await readBack(file);
  const texts: Array<{ cell: string; length: number }> = [];
  for (const sheet of workbook.worksheets.filter((ws) => /^Phụ lục/.test(ws.name))) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        // A merge's other cells read as its first: counted once.
        if (typeof cell.value === "string" && cell.master.address === cell.address)
          texts.push({ cell: `'${sheet.name}'!${cell.address}`, length: cell.value.length });
      }),
    );
  }
  return texts;
}

describe("a text longer than a cell holds", () => {
  it.each([
    ["in words", "tu-ngu.xlsx", "UBND XÃ AN BÌNH ".repeat(6250).trim()],
    ["one word of 100,000 letters", "mot-tu.xlsx", "A".repeat(100_000)],
  ])(
    "%s: report cuts each cell to 32,767 characters, names it in a warning, and ends",
    async (_what, file, name) => {
      const target = await sampleNamed(file, name);
      const io = runGuarded([BIN, "report", target], 90);
      expect(io.stderr).toBe("");
      expect([0, 1]).toContain(io.status);
      const texts = await reportTexts(target);
      const cut = texts.filter((t) => t.length === CELL_TEXT_LIMIT);
      expect(cut.length).toBeGreaterThan(0);
      expect(Math.max(...texts.map((t) => t.length))).toBe(CELL_TEXT_LIMIT);
      // Each cut cell is named once, in a warning line with what to do.
      const warnings = io.stdout.split("\n").filter((line) => line.includes("quá 32.767 ký tự một ô Excel"));
      expect(warnings).toHaveLength(cut.length);
      for (const { cell } of cut) expect(warnings.some((line) => line.includes(`${cell}:`))).toBe(true);
      expect(warnings[0]).toMatch(
        /^Cảnh báo .*: Chữ dài \d{2,3}\.\d{3} ký tự, .*đã cắt bớt phần cuối\. Hãy rút ngắn/,
      );
    },
    120_000,
  );

  it("wrapping a word far wider than the cell takes linear time: 400,000 letters, one line per cell width", () => {
    // The former wrapping re-measured the line for every cut point: cubic, hours at this size.
    const script = `const { wrapText } = require(${JSON.stringify(path.join(ROOT, "lib", "core", "layout", "rowHeights.js"))});
process.stdout.write(JSON.stringify(wrapText("A".repeat(400000), 200, 11)));`;
    const lines = JSON.parse(runGuarded(["-e", script], 30).stdout) as string[];
    // The same answer as the function under test here (the compiled copy is of the same source).
    expect(wrapText("A".repeat(400_000), 200, 11)).toEqual(lines);
    expect(lines.join("")).toBe("A".repeat(400_000));
    const perLine = lines[0].length;
    expect(perLine).toBeGreaterThan(10);
    expect(lines.slice(0, -1).every((line) => line.length === perLine)).toBe(true);
    expect(lines).toHaveLength(Math.ceil(400_000 / perLine));
  }, 60_000);

  it("cuts never split a character written as a surrogate pair", () => {
    const text = `${"a".repeat(CELL_TEXT_LIMIT - 2)}😀😀`;
    const cut = cutToCellLimit(text);
    expect(cut.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    expect(cut.endsWith("…")).toBe(true);
    expect(/[\ud800-\udbff]…$/.test(cut)).toBe(false);
  });
});
