/**
 * The command line as a process among others: `cchc check f.xlsx | head -1` ends quietly when the
 * reader goes away (no stack trace, the command's own exit code); two commands started together
 * on one file never both write it.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { createTemplateFile } from "../../src/xlsx/node/operations";
import { makeTempDir, readBack, removeTempDir, strayFiles } from "../support/xlsx";
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

/** Runs the CLI with its standard output on a device that refuses every write (Linux's /dev/full: ENOSPC). */
function runWithFullStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const full = fs.openSync("/dev/full", "w");
  return new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["ignore", full, "pipe"] });
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  }).finally(() => fs.closeSync(full));
}

// /dev/full is Linux's (the platform CI runs on); elsewhere there is no device to stand for a full disk.
const onLinux = process.platform === "linux";

describe("standard output on a full disk", () => {
  it.each([[["check", "SAMPLE"]], [["check", "SAMPLE", "--json"]], [["--help"]]])(
    "%j: one Vietnamese line and exit 2, no stack trace",
    async (args) => {
      if (!onLinux) return;
      const run = await runWithFullStdout(args.map((a) => (a === "SAMPLE" ? sample : a)));
      expect(run.stderr).toBe(
        "cchc không ghi được kết quả ra đầu ra chuẩn (đĩa đầy): kết quả bị mất; hãy giải phóng chỗ trống hoặc ghi ra nơi khác rồi chạy lại.\n",
      );
      expect(run.code).toBe(2);
    },
    60_000,
  );
});

/** Runs the CLI to the end, with its output. */
function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("two processes on one file", () => {
  it("install and report started together: the report is never lost; a refusal says the file is busy", async () => {
    const file = path.join(dir, "cung-luc.xlsx");
    fs.copyFileSync(sample, file);
    const [install, report] = await Promise.all([runCli(["install", file]), runCli(["report", file])]);
    for (const run of [install, report]) {
      expect([0, 2]).toContain(run.code);
      if (run.code === 2) expect(run.stderr).toMatch(/đang được một lệnh cchc khác ghi/);
    }
    const names = (await readBack(file)).worksheets.map((ws) => ws.name);
    // Whatever the order, a report that said done is in the file.
    if (report.code === 0) expect(names.some((name) => /^Phụ lục/.test(name))).toBe(true);
    expect(strayFiles(dir, ["mau.xlsx", "cung-luc.xlsx"])).toEqual([]);
  }, 60_000);
});
