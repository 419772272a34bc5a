/**
 * Printing's failure paths, which need no LibreOffice: a PDF target that is a folder or sits in a
 * read-only folder (exit 2, one Vietnamese line, nothing written, no staging file left), a
 * LibreOffice that never answers (its whole process tree ended at the time-out), and the private
 * profile (a percent-encoded URL; the Vietnamese locale). Printing itself is in
 * test/libreoffice/report-pdf.test.ts.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { convertToPdf, LibreOfficeError, makeProfile, profileSettings } from "../../src/cli/libreoffice";
import { BIN, ensureCliBuilt } from "../support/cliBuild";
import { makeTempDir, removeTempDir } from "../support/xlsx";

let dir: string;

function cchc(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, CCHC_DEBUG: "" },
    timeout: 120_000,
  });
}

beforeAll(() => {
  ensureCliBuilt();
  dir = makeTempDir("cchc-pdf-target-");
  expect(cchc(["template", "-o", "mau.xlsx", "--sample"]).status).toBe(0);
}, 180_000);
afterAll(() => removeTempDir(dir));

describe("report --pdf where no PDF can be written", () => {
  it("refuses a folder as the PDF, before writing anything", () => {
    fs.mkdirSync(path.join(dir, "phu-luc.pdf"));
    const before = fs.readFileSync(path.join(dir, "mau.xlsx"));
    const run = cchc(["report", "mau.xlsx", "--pdf", "phu-luc.pdf"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('Không tạo được PDF "phu-luc.pdf": đó là một thư mục, không phải tệp.\n');
    expect(fs.readFileSync(path.join(dir, "mau.xlsx")).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["mau.xlsx", "phu-luc.pdf"]);
    expect(fs.readdirSync(path.join(dir, "phu-luc.pdf"))).toEqual([]);
  });

  it("refuses a read-only folder, leaving nothing behind", () => {
    // root writes through a folder's mode bits; /sys refuses even root.
    const asRoot = process.getuid?.() === 0;
    const readOnly = asRoot ? "/sys" : path.join(dir, "chi-doc");
    if (!asRoot) {
      fs.mkdirSync(readOnly);
      fs.chmodSync(readOnly, 0o555);
    }
    const target = path.join(readOnly, "phu-luc.pdf");
    const run = cchc(["report", "mau.xlsx", "--pdf", target]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`Không tạo được PDF "${target}": không có quyền ghi vào thư mục này.\n`);
    expect(fs.readdirSync(readOnly).filter((name) => /cchc|phu-luc/.test(name))).toEqual([]);
    if (!asRoot) fs.chmodSync(readOnly, 0o755);
  });
});

/** Whether the process ends (gone, or a zombie left for its reaper) within `ms`. */
async function endsWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    let state: string | undefined;
    try {
      state = /\) (\w)/.exec(fs.readFileSync(`/proc/${pid}/stat`, "utf8"))?.[1];
    } catch {
      return true;
    }
    if (state === "Z" || state === "X") return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("LibreOffice that never answers", () => {
  it("is ended with every process it started, and the time-out is said in Vietnamese", async () => {
    // A stand-in for soffice that starts a child holding its output pipes (as soffice.bin does)
    // and then hangs.
    const fake = path.join(dir, "soffice-treo.sh");
    const pidFile = path.join(dir, "con.pid");
    fs.writeFileSync(fake, `#!/bin/sh\nsleep 300 &\necho $! > "${pidFile}"\nsleep 300\n`, { mode: 0o755 });
    const started = Date.now();
    const error = await convertToPdf(
      fake,
      path.join(dir, "mau.xlsx"),
      path.join(dir, "treo.pdf"),
      1500,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibreOfficeError);
    expect((error as Error).message).toBe("LibreOffice không trả lời sau 2 giây.");
    expect(Date.now() - started).toBeLessThan(10_000);
    const child = Number(fs.readFileSync(pidFile, "utf8"));
    expect(await endsWithin(child, 3000)).toBe(true);
    expect(fs.readdirSync(dir).filter((name) => /treo\.pdf|\.tmp$/.test(name))).toEqual([]);
  }, 30_000);
});

describe("the private LibreOffice profile", () => {
  it("is named by a percent-encoded URL, whatever the folder's name holds", () => {
    const folder = path.join(dir, "Nguyen Van A #1", "profile");
    const url = makeProfile(folder);
    expect(url).toBe(`file://${path.resolve(dir).split(path.sep).join("/")}/Nguyen%20Van%20A%20%231/profile`);
    expect(fs.readFileSync(path.join(folder, "user", "registrymodifications.xcu"), "utf8")).toBe(
      profileSettings(),
    );
  });

  it("prints in the Vietnamese locale and measures columns as Excel does", () => {
    const xcu = profileSettings();
    expect(xcu).toContain(
      '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>vi-VN</value></prop></item>',
    );
    expect(xcu).toMatch(
      /ReplaceFont.*<value>Calibri<\/value>.*SubstituteFont.*<value>Liberation Serif<\/value>/,
    );
  });
});
