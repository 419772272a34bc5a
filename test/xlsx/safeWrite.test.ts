/**
 * Replacing a user's file: a read-only file is refused (exit 2), a symbolic link keeps pointing at
 * the replaced file, a long valid name is no problem, two commands on one file never both write,
 * a file open in LibreOffice or Excel is left alone, and a file changed since it was read is not
 * overwritten. Each case leaves the file as it was and no temporary or lock file behind.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { bufferIo } from "../../src/cli/io";
import { WorkbookFileError } from "../../src/xlsx/fileErrors";
import { createTemplateFile } from "../../src/xlsx/node/operations";
import {
  BROKEN_LOCK_GRACE_MS,
  cchcLockName,
  cchcTempName,
  excelOwnerFileNames,
  stampFile,
  withFileLock,
  writeFileAtomic,
} from "../../src/xlsx/node/safeWrite";
import { BIN, ensureCliBuilt } from "../support/cliBuild";
import { makeTempDir, readBack, removeTempDir, strayFiles } from "../support/xlsx";

let dir: string;
let sampleBytes: Buffer;

beforeAll(async () => {
  dir = makeTempDir("cchc-safewrite-");
  const sample = path.join(dir, "mau.xlsx");
  await createTemplateFile(sample, { sample: true });
  sampleBytes = fs.readFileSync(sample);
});
afterAll(() => removeTempDir(dir));

/** A copy of the sample in a folder of its own. */
function sampleCopy(name = "bao-cao.xlsx"): { folder: string; file: string } {
  const folder = fs.mkdtempSync(path.join(dir, "case-"));
  const file = path.join(folder, name);
  fs.writeFileSync(file, sampleBytes);
  return { folder, file };
}

describe("read-only, links and long names", () => {
  it("refuses a read-only workbook (mode 444) with exit 2 and leaves it as it was", async () => {
    const { folder, file } = sampleCopy();
    fs.chmodSync(file, 0o444);
    for (const argv of [
      ["install", file],
      ["report", file],
    ]) {
      const io = bufferIo();
      expect(await main(argv, io)).toBe(2);
      expect(io.stderr).toMatch(/chỉ cho đọc \(read-only\)/);
      expect(io.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect(fs.readFileSync(file).equals(sampleBytes)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    // Reading it is fine, and a report can still go to another file.
    expect(await main(["check", file], bufferIo())).toBe(0);
    const output = path.join(folder, "ket-qua.xlsx");
    expect(await main(["report", file, "-o", output], bufferIo())).toBe(0);
    expect(strayFiles(folder, ["bao-cao.xlsx", "ket-qua.xlsx"])).toEqual([]);
  });

  it("writes through a symbolic link to its target; the link stays a link", async () => {
    const { folder, file } = sampleCopy("that.xlsx");
    const link = path.join(folder, "lien-ket.xlsx");
    fs.symlinkSync("that.xlsx", link);
    const io = bufferIo();
    expect(await main(["report", link], io)).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(file).equals(sampleBytes)).toBe(false);
    const names = (await readBack(file)).worksheets.map((ws) => ws.name);
    expect(names.some((name) => /^Phụ lục/.test(name))).toBe(true);
    expect(strayFiles(folder, ["that.xlsx", "lien-ket.xlsx"])).toEqual([]);
  });

  it("installs into a file whose name is as long as the file system allows", async () => {
    // 255 bytes is the limit of ext4 and NTFS; the Vietnamese letters take 2–3 bytes each.
    const stem = "bao-cao-cai-cach-hanh-chinh-".repeat(9).slice(0, 255 - ".xlsx".length);
    const { folder, file } = sampleCopy(`${stem}.xlsx`);
    expect(Buffer.byteLength(path.basename(file))).toBe(255);
    const io = bufferIo();
    expect(await main(["install", file], io)).toBe(0);
    expect(io.stderr).toBe("");
    expect(strayFiles(folder, [path.basename(file)])).toEqual([]);
  });
});

describe("two programs on one file", () => {
  it("lets only one of two commands started together write; the other refuses with exit 2", async () => {
    const { folder, file } = sampleCopy();
    const ios = [bufferIo(), bufferIo()];
    const codes = await Promise.all([main(["install", file], ios[0]), main(["report", file], ios[1])]);
    expect([...codes].sort()).toEqual([0, 2]);
    const refused = ios[codes.indexOf(2)];
    expect(refused.stderr).toMatch(/đang được một lệnh cchc khác ghi/);
    expect(strayFiles(folder, ["bao-cao.xlsx"])).toEqual([]);
    // Run one after the other, both work and the report sheets are there.
    expect(await main(["install", file], bufferIo())).toBe(0);
    expect(await main(["report", file], bufferIo())).toBe(0);
    const names = (await readBack(file)).worksheets.map((ws) => ws.name);
    expect(names.some((name) => /^Phụ lục/.test(name))).toBe(true);
  });

  it("takes over the lock a cchc that no longer runs left behind", async () => {
    const { folder, file } = sampleCopy();
    const lock = path.join(folder, cchcLockName("bao-cao.xlsx"));
    // A pid far above any live process on this machine.
    fs.writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 17, host: os.hostname() }));
    expect(await main(["install", file], bufferIo())).toBe(0);
    expect(strayFiles(folder, ["bao-cao.xlsx"])).toEqual([]);
  });

  it("respects the lock file LibreOffice keeps beside an open document", async () => {
    const { folder, file } = sampleCopy();
    const lock = path.join(folder, ".~lock.bao-cao.xlsx#");
    fs.writeFileSync(
      lock,
      "Nguyễn Văn A,may-tram,nva,30.11.2026 09:00,file:///home/nva/.config/libreoffice/4;",
    );
    const io = bufferIo();
    expect(await main(["install", file], io)).toBe(2);
    expect(io.stderr).toMatch(/đang được mở trong LibreOffice \(bởi Nguyễn Văn A\)/);
    expect(fs.readFileSync(file).equals(sampleBytes)).toBe(true);
    expect(strayFiles(folder, ["bao-cao.xlsx", path.basename(lock)])).toEqual([]);
  });

  it("respects the owner file Excel keeps beside an open workbook", async () => {
    const { folder, file } = sampleCopy("bao-cao-quy-3.xlsx");
    // Excel drops the first two characters of a stem of 8 or more.
    expect(excelOwnerFileNames("bao-cao-quy-3.xlsx")).toContain("~$o-cao-quy-3.xlsx");
    fs.writeFileSync(path.join(folder, "~$o-cao-quy-3.xlsx"), "nva");
    const io = bufferIo();
    expect(await main(["report", file], io)).toBe(2);
    expect(io.stderr).toMatch(/đang được mở trong Excel/);
    expect(fs.readFileSync(file).equals(sampleBytes)).toBe(true);
  });

  it("refuses to replace a file that changed on disk since it was read", async () => {
    const { folder, file } = sampleCopy();
    const stamp = await stampFile(file);
    // Another program saves the file meanwhile (one byte more, as any edit changes size or time).
    fs.appendFileSync(file, "x");
    const edited = fs.readFileSync(file);
    const attempt = withFileLock(file, () =>
      writeFileAtomic(file, Buffer.from("cũ"), { unchangedSince: stamp }),
    );
    await expect(attempt).rejects.toThrow(WorkbookFileError);
    await expect(attempt).rejects.toMatchObject({ problem: "changed" });
    expect(fs.readFileSync(file).equals(edited)).toBe(true);
    expect(strayFiles(folder, ["bao-cao.xlsx"])).toEqual([]);
  });

  it("never puts a new file over one that appeared while cchc worked; a name still free is written", async () => {
    // The command checked the name was free; another program created the file since.
    const { folder, file } = sampleCopy("ket-qua.xlsx");
    const attempt = writeFileAtomic(file, Buffer.from("mới"), { expectAbsent: true });
    await expect(attempt).rejects.toMatchObject({ problem: "exists" });
    await expect(attempt).rejects.toThrow(/vừa được tạo/);
    expect(fs.readFileSync(file).equals(sampleBytes)).toBe(true);
    expect(strayFiles(folder, ["ket-qua.xlsx"])).toEqual([]);

    const fresh = path.join(folder, "moi.xlsx");
    await writeFileAtomic(fresh, Buffer.from("mới"), { expectAbsent: true });
    expect(fs.readFileSync(fresh, "utf8")).toBe("mới");
    expect(strayFiles(folder, ["ket-qua.xlsx", "moi.xlsx"])).toEqual([]);
  });
});

describe("nothing left behind, nothing stuck", () => {
  /** Sets a file's times `seconds` into the past. */
  const age = (file: string, seconds: number) => {
    const then = new Date(Date.now() - seconds * 1000);
    fs.utimesSync(file, then, then);
  };
  /** A pid no process has: one that has just ended. */
  const deadPid = () => {
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    return Number(child.stdout);
  };

  it("takes over an empty lock (a run that could not write it) once it is older than a few seconds", async () => {
    const { folder, file } = sampleCopy();
    const lock = path.join(folder, cchcLockName("bao-cao.xlsx"));
    fs.writeFileSync(lock, "");
    // Fresh, it may be a lock being written right now: respected.
    const io = bufferIo();
    expect(await main(["install", file], io)).toBe(2);
    expect(io.stderr).toMatch(/đang được một lệnh cchc khác ghi/);
    age(lock, (BROKEN_LOCK_GRACE_MS / 1000) * 4);
    expect(await main(["install", file], bufferIo())).toBe(0);
    expect(strayFiles(folder, ["bao-cao.xlsx"])).toEqual([]);
    // Cut short (not JSON) is the same.
    fs.writeFileSync(lock, '{"pid": 12');
    age(lock, 60);
    expect(await main(["report", file], bufferIo())).toBe(0);
    expect(strayFiles(folder, ["bao-cao.xlsx"])).toEqual([]);
  });

  it("removes the temporary files of killed runs on that file (their process is gone), and no other", async () => {
    const { folder, file } = sampleCopy();
    const leftover = cchcTempName("bao-cao.xlsx", deadPid());
    fs.writeFileSync(path.join(folder, leftover), Buffer.alloc(1 << 20));
    // A live process's (pid 1 always runs), another file's, and a name not ours: kept.
    const live = cchcTempName("bao-cao.xlsx", 1);
    const other = cchcTempName("khac.xlsx", deadPid());
    for (const name of [live, other, ".cchc-ghi-chu.tmp"]) fs.writeFileSync(path.join(folder, name), "x");
    expect(await main(["install", file], bufferIo())).toBe(0);
    expect(strayFiles(folder, ["bao-cao.xlsx"]).sort()).toEqual([live, other, ".cchc-ghi-chu.tmp"].sort());
  });
});

// Linux's per-process file size limit stands for a full disk: every write past it fails.
const onLinux = process.platform === "linux";

describe("a full disk and a killed run, as processes (Linux)", () => {
  beforeAll(() => ensureCliBuilt(), 180_000);

  /** Runs the CLI under `ulimit -f blocks` (512-byte blocks): a write past it fails with EFBIG (Node ignores SIGXFSZ). */
  const runLimited = (args: string[], blocks: number) =>
    spawnSync("/bin/sh", ["-c", `ulimit -f ${blocks}; exec "$0" "$@"`, process.execPath, BIN, ...args], {
      encoding: "utf8",
    });

  it("a lock that cannot be written is not left behind: the next run works", () => {
    if (!onLinux) return;
    const { folder, file } = sampleCopy();
    const run = runLimited(["install", file], 0);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `Không ghi được vào thư mục của tệp "${file}" (tệp vượt cỡ tệp lớn nhất được phép). Tệp không bị thay đổi.\n`,
    );
    expect(fs.readFileSync(file)).toEqual(sampleBytes);
    expect(strayFiles(folder, ["bao-cao.xlsx"])).toEqual([]);
    // Room for the lock, not for the workbook: the write fails, nothing is left either.
    const cut = runLimited(["install", file], 16);
    expect(cut.status).toBe(2);
    expect(cut.stderr).toBe(
      `Không ghi được tệp "${file}": tệp vượt cỡ tệp lớn nhất được phép. Tệp cũ (nếu có) không bị thay đổi.\n`,
    );
    expect(fs.readFileSync(file)).toEqual(sampleBytes);
    expect(strayFiles(folder, ["bao-cao.xlsx"])).toEqual([]);
    expect(spawnSync(process.execPath, [BIN, "install", file]).status).toBe(0);
  }, 60_000);

  it("a run killed at its final fsync leaves its lock and a full temporary file; the next run takes both over", () => {
    if (!onLinux) return;
    const { folder, file } = sampleCopy();
    // Loaded before cchc in the child: the process is killed (SIGKILL) when it flushes its
    // temporary file, as `kill -9` or a power cut would end it there.
    const killer = path.join(folder, "..", `kill-at-fsync-${path.basename(folder)}.js`);
    fs.writeFileSync(
      killer,
      `const fs = require("fs");
const open = fs.promises.open;
fs.promises.open = async (...args) => {
  const handle = await open(...args);
  if (String(args[0]).endsWith(".tmp")) handle.sync = async () => process.kill(process.pid, "SIGKILL");
  return handle;
};
`,
    );
    const killed = spawnSync(process.execPath, ["--require", killer, BIN, "install", file], {
      encoding: "utf8",
    });
    expect(killed.signal).toBe("SIGKILL");
    expect(fs.readFileSync(file)).toEqual(sampleBytes);
    const left = strayFiles(folder, ["bao-cao.xlsx"]);
    expect(left).toContain(cchcLockName("bao-cao.xlsx"));
    const temp = left.find((name) => name.endsWith(".tmp"));
    expect(fs.statSync(path.join(folder, temp!)).size).toBeGreaterThan(10_000);
    const next = spawnSync(process.execPath, [BIN, "install", file], { encoding: "utf8" });
    expect(next.stderr).toBe("");
    expect(next.status).toBe(0);
    expect(strayFiles(folder, ["bao-cao.xlsx"])).toEqual([]);
  }, 60_000);
});
