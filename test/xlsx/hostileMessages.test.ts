/**
 * Messages for files that are not what they seem, in Vietnamese and saying what is wrong: an
 * encrypted workbook is encrypted (not «damaged») in the consolidation reader too, an unreadable
 * file given to `install` cannot be read (not «read-only»), and a symbolic-link loop in a
 * consolidation folder is said in Vietnamese (not Node's English ELOOP text).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { readFigureWorkbook } from "../../src/xlsx/figureReader/read";
import { createTemplateFile } from "../../src/xlsx/node/operations";
import { BIN, ensureCliBuilt } from "../support/cliBuild";
import { passwordProtectedWorkbook, zipCryptoWorkbook } from "../support/encrypted";
import { makeTempDir, removeTempDir } from "../support/xlsx";

let dir: string;
let sample: string;
beforeAll(async () => {
  ensureCliBuilt();
  dir = makeTempDir("cchc-hostile-");
  sample = path.join(dir, "mau.xlsx");
  await createTemplateFile(sample, { sample: true });
}, 180_000);
afterAll(() => removeTempDir(dir));

describe("an encrypted workbook read for a consolidation", () => {
  it("Excel's password: encrypted, with where to remove it", () => {
    const entry = readFigureWorkbook(passwordProtectedWorkbook(), "mat-khau.xlsx");
    expect(entry).toEqual({
      ok: false,
      source: "mat-khau.xlsx",
      reason:
        "Tệp được đặt mật khẩu (mã hóa) trong Excel nên cchc không đọc được. Hãy mở tệp bằng Excel, vào Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu, lưu lại rồi chạy lại.",
    });
  });

  it("zip entries encrypted by an archiver (ZipCrypto): encrypted, naming the part", () => {
    const entry = readFigureWorkbook(zipCryptoWorkbook(fs.readFileSync(sample)), "nen-mat-khau.xlsx");
    expect(entry.ok).toBe(false);
    expect(!entry.ok && entry.reason).toMatch(
      /^Tệp có phần "\[Content_Types\]\.xml" bị mã hóa bằng mật khẩu khi nén/,
    );
  });
});

describe("a file that cannot be read, given to install", () => {
  it("says it cannot be read (mode 000), not that it is read-only", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "khong-doc-"));
    const file = path.join(folder, "bao-cao.xlsx");
    fs.copyFileSync(sample, file);
    fs.chmodSync(file, 0o000);
    const expected = `Không đọc được tệp "${file}": không có quyền đọc (cũng không có quyền ghi). Hãy cấp quyền đọc và ghi cho tệp rồi chạy lại.\n`;
    const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
    if (!isRoot) {
      const io = bufferIo();
      expect(await main(["install", file], io)).toBe(2);
      expect(io.stderr).toBe(expected);
      return;
    }
    // An administrator reads any file whatever its mode: the command runs as an ordinary user
    // (nobody, uid 65534) for whom the mode holds, the file and its folder being theirs.
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(folder, 0o755);
    fs.chownSync(file, 65534, 65534);
    const run = spawnSync(
      "setpriv",
      ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, BIN, "install", file],
      { encoding: "utf8" },
    );
    expect(run.error).toBeUndefined();
    expect(run.stderr).toBe(expected);
    expect(run.status).toBe(2);
  }, 60_000);
});

describe("a symbolic-link loop in a consolidation folder", () => {
  it("is refused in Vietnamese, and the other files consolidate", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "vong-"));
    fs.copyFileSync(sample, path.join(folder, "an-binh.xlsx"));
    fs.symlinkSync("vong-b.xlsx", path.join(folder, "vong-a.xlsx"));
    fs.symlinkSync("vong-a.xlsx", path.join(folder, "vong-b.xlsx"));
    const io = bufferIo();
    await main(["consolidate", "-o", path.join(dir, "tong-hop-vong.xlsx"), folder], io);
    const loop = io.stdout.split("\n").filter((line) => line.includes("vong-a.xlsx"));
    expect(loop).toEqual([
      `✗ ${path.join(folder, "vong-a.xlsx")}: Không đọc được tệp: đây là liên kết tượng trưng (symbolic link) lặp vòng, trỏ qua lại mà không tới tệp nào. Hãy xoá liên kết hoặc cho nó trỏ tới tệp thật.`,
    ]);
    expect(io.stdout).not.toMatch(/ELOOP/);
    expect(io.stdout).toMatch(/^✓ .*an-binh\.xlsx/m);
  });
});
