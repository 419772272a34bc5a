/**
 * The command line as a process among others: `cchc check f.xlsx | head -1` ends quietly when the
 * reader goes away (no stack trace, the command's own exit code).
 */
import { spawn } from "child_process";
import * as path from "path";
import { createTemplateFile } from "../../src/xlsx/operations";
import { makeTempDir, removeTempDir } from "../support/xlsx";
import { BIN, ensureCliBuilt, ROOT } from "../support/cliBuild";

let dir: string;
let sample: string;

beforeAll(async () => {
  ensureCliBuilt();
  dir = makeTempDir("cchc-process-");
  sample = path.join(dir, "mau.xlsx");
  await createTemplateFile(sample, { sample: true });
}, 180_000);
afterAll(() => removeTempDir(dir));

/** Runs the CLI with its standard output closed by the reader before anything is written. */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    // The reader leaves at once, as `head -1` does after its line: every write meets a closed pipe.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("a closed pipe on standard output", () => {
  it("ends `check` quietly with its own exit code (the sample has warnings only: 0)", async () => {
    const run = await runWithClosedStdout(["check", sample]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("ends `check --json` quietly too", async () => {
    const run = await runWithClosedStdout(["check", sample, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});
