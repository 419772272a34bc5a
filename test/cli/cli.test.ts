/**
 * The real `cchc` bin in a child process, as staff run it: template, install and check with
 * their output and exit codes, on the compiled lib/ (built once by `ensureCliBuilt`).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { BIN, ensureCliBuilt, ROOT } from "../support/cliBuild";
import { makeTempDir, namedCell, readBack, removeTempDir } from "../support/xlsx";
import { saveWorkbookFile } from "../support/excelJsWorkbook";

let dir: string;

function cchc(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, CCHC_DEBUG: "" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  ensureCliBuilt();
  dir = makeTempDir("cchc-cli-");
}, 180_000);
afterAll(() => removeTempDir(dir));

describe("cchc (compiled bin)", () => {
  it("prints its version and help", () => {
    const version = cchc("--version");
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(version).toMatchObject({ status: 0, stderr: "" });
    expect(version.stdout).toMatch(
      new RegExp(`^cchc ${pkg.version.replace(/\./g, "\\.")} \\(mẫu xa-2025 \\d+\\.\\d+\\)\\n$`),
    );
    const help = cchc("--help");
    expect(help.status).toBe(0);
    for (const command of ["template", "install", "check"]) expect(help.stdout).toContain(`  ${command} `);
    expect(cchc("check", "--help").stdout).toMatch(/--json/);
    expect(cchc().status).toBe(2);
  });

  it("template --sample, check, check --json, install, check again", () => {
    const made = cchc("template", "-o", "mau.xlsx", "--catalogue", "huyen-2021", "--sample");
    expect(made).toMatchObject({ status: 0, stderr: "" });
    expect(made.stdout).toMatch(
      /^Đã tạo "mau\.xlsx" \(mẫu huyen-2021 2021\.1: Mẫu báo cáo CCHC cấp huyện .*\): 8 trang, có số liệu mẫu \(Báo cáo CCHC quý III\/2021 của UBND huyện Đức Thọ, tỉnh Hà Tĩnh \(số liệu của báo cáo gốc\)\)\.\n/,
    );

    const check = cchc("check", "mau.xlsx");
    expect(check).toMatchObject({ status: 0, stderr: "" });
    const lines = check.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    expect(lines.slice(0, 4).every((line) => /^Cảnh báo {2}'[^']+'![A-Z]+\d+/.test(line))).toBe(true);
    expect(lines[2]).toBe(
      "Cảnh báo  '4-5. Bộ máy, công vụ'!D10, D9: Số có mặt vượt số được giao: Có mặt (Cán bộ, công chức cấp xã được giao) 386 > 318 (+68).",
    );
    expect(lines[4]).toBe("Kết quả: 0 lỗi, 4 cảnh báo (không có lỗi; xem lại các cảnh báo).");

    const json = cchc("check", "mau.xlsx", "--json");
    expect(json.status).toBe(0);
    const result = JSON.parse(json.stdout) as {
      errors: number;
      warnings: number;
      findings: Array<Record<string, unknown>>;
    };
    expect(Object.keys(result)).toEqual(["errors", "warnings", "findings"]);
    expect(result).toMatchObject({ errors: 0, warnings: 4 });
    for (const finding of result.findings) {
      expect(Object.keys(finding)).toEqual(["severity", "ids", "cells", "message"]);
      expect(finding.severity).toBe("warning");
    }
    expect(result.findings[3]).toEqual({
      severity: "warning",
      ids: ["gd_comat", "gd_giao"],
      cells: ["'4-5. Bộ máy, công vụ'!D16", "'4-5. Bộ máy, công vụ'!D15"],
      message:
        "Số có mặt vượt số được giao: Có mặt (Số người làm việc sự nghiệp giáo dục được giao) 1.433 > 1.409 (+24).",
    });

    const install = cchc("install", "mau.xlsx");
    expect(install).toMatchObject({ status: 0, stderr: "" });
    expect(install.stdout).toMatch(
      /^Đã cài lại mẫu huyen-2021 2021\.1 vào "mau\.xlsx"\.\n {2}Cập nhật 8 trang: .*\n {2}Giữ nguyên \d+ ô đã nhập\.\n$/,
    );
    expect(cchc("check", "mau.xlsx", "--json").stdout).toBe(json.stdout);
    expect(fs.readdirSync(dir).sort()).toEqual(["mau.xlsx"]);
  });

  it("exits 1 when the figures hold an error, naming the cell", async () => {
    cchc("template", "-o", "loi.xlsx", "--sample");
    const workbook = await readBack(path.join(dir, "loi.xlsx"));
    namedCell(workbook, "CCHC_HS_MOI").value = -5;
    await saveWorkbookFile(workbook, path.join(dir, "loi.xlsx"), { overwrite: true });
    const check = cchc("check", "loi.xlsx");
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(
      /^Lỗi {7}'2-3\. Thể chế, TTHC'!D\d+: Mới tiếp nhận trong kỳ \(Số hồ sơ TTHC tiếp nhận\): số âm \(-5\) không hợp lệ\.$/m,
    );
    expect(check.stdout).toMatch(
      /Kết quả: [12] lỗi, \d+ cảnh báo \(cần sửa các lỗi trước khi gửi báo cáo\)\.\n$/,
    );
    const json = JSON.parse(cchc("check", "--json", "loi.xlsx").stdout) as { errors: number };
    expect(json.errors).toBeGreaterThanOrEqual(1);
    expect(cchc("check", "--json", "loi.xlsx").status).toBe(1);
  });

  it("exits 2 with one line and no stack trace on a file that is not a workbook", () => {
    fs.writeFileSync(path.join(dir, "van-ban.xlsx"), "không phải bảng tính");
    for (const args of [
      ["check", "van-ban.xlsx"],
      ["check", "van-ban.xlsx", "--json"],
      ["install", "van-ban.xlsx"],
    ]) {
      const run = cchc(...args);
      expect(run).toEqual({
        status: 2,
        stdout: "",
        stderr: 'Tệp "van-ban.xlsx" không phải bảng tính Excel .xlsx.\n',
      });
    }
    expect(fs.readFileSync(path.join(dir, "van-ban.xlsx"), "utf8")).toBe("không phải bảng tính");
  });

  it("runs as `npx cchc` from the project", () => {
    const run = spawnSync("npx", ["--no-install", "cchc", "--version"], {
      cwd: ROOT,
      encoding: "utf8",
      shell: process.platform === "win32",
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^cchc \d+\.\d+\.\d+/);
  });
});

describe("cchc template --cap xa (the alias of --catalogue xa-2025)", () => {
  it("writes the commune form, which check and report then follow", async () => {
    const made = cchc("template", "-o", "xa.xlsx", "--cap", "xa", "--sample");
    expect(made.status).toBe(0);
    expect(made.stdout).toContain("mẫu xa-2025 2025.4");
    expect(made.stdout).toContain("Xã Thử Nghiệm");
    const workbook = await readBack(path.join(dir, "xa.xlsx"));
    const names = workbook.definedNames.model.map((n) => n.name);
    expect(names).toContain("CCHC_BC_COMAT");
    expect(names).not.toContain("CCHC_BC_HUYEN_GIAO");
    const check = cchc("check", "xa.xlsx", "--json");
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ errors: 0, warnings: 1 });
    expect(cchc("report", "xa.xlsx").status).toBe(0);
    const reported = await readBack(path.join(dir, "xa.xlsx"));
    const reportNames = reported.definedNames.model.map((n) => n.name);
    expect(reportNames).toContain("BC_HS_TYLE_DUNGHAN");
    expect(reportNames).not.toContain("BC_BC_HUYEN_GIAO");
    expect(cchc("template", "-o", "x2.xlsx", "--cap", "tinh")).toMatchObject({ status: 2 });
  });
});
