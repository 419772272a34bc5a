/**
 * Replacing a user's file: a read-only file is refused (exit 2), a symbolic link keeps pointing at
 * the replaced file, a long valid name is no problem, two commands on one file never both write,
 * a file open in LibreOffice or Excel is left alone, and a file changed since it was read is not
 * overwritten. Each case leaves the file as it was and no temporary or lock file behind.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { bufferIo } from "../../src/cli/io";
import { WorkbookFileError } from "../../src/xlsx/fileErrors";
import { createTemplateFile } from "../../src/xlsx/operations";
import {
  cchcLockName,
  excelOwnerFileNames,
  stampFile,
  withFileLock,
  writeFileAtomic,
} from "../../src/xlsx/safeWrite";
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
