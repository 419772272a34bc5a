/**
 * Printing through LibreOffice (headless), for `cchc report --pdf` and `cchc demo`: the
 * command line has no Excel to print with. A private profile per run keeps parallel runs apart
 * and never touches the user's own LibreOffice settings.
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";

/** How to install it, said when it is missing. */
export const LIBREOFFICE_HINT =
  "Debian/Ubuntu: apt-get install libreoffice-calc-nogui; Windows/macOS: cài LibreOffice từ trang libreoffice.org";

/**
 * Why $CCHC_SOFFICE cannot be used, in Vietnamese naming the path and the variable (it does not
 * exist, is a folder, or is not executable); undefined when it is unset or usable. Said instead
 * of "LibreOffice is not installed", which would send the user to install what they have.
 */
export function sofficeSettingProblem(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env.CCHC_SOFFICE;
  if (setting === undefined) return undefined;
  const stat = fs.statSync(setting, { throwIfNoEntry: false });
  const where = `biến môi trường CCHC_SOFFICE chỉ tới "${setting}"`;
  if (!stat) return `${where}, nhưng không có tệp đó`;
  if (stat.isDirectory())
    return `${where}, đó là một thư mục; hãy chỉ tới chính tệp soffice (hoặc bỏ biến CCHC_SOFFICE)`;
  if (process.platform !== "win32") {
    try {
      fs.accessSync(setting, fs.constants.X_OK);
    } catch {
      return `${where}, nhưng tệp đó không có quyền chạy (chmod +x)`;
    }
  }
  return undefined;
}

/**
 * The soffice executable: $CCHC_SOFFICE when set (and only it: an administrator's choice is
 * final; unusable, it gives undefined and `sofficeSettingProblem` says why), else PATH, then the
 * usual install places; undefined if none.
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CCHC_SOFFICE !== undefined) return sofficeSettingProblem(env) ? undefined : env.CCHC_SOFFICE;
  const names = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  const dirs = [
    ...(env.PATH ?? "").split(path.delimiter).filter(Boolean),
    "/usr/lib/libreoffice/program",
    "/opt/libreoffice/program",
    "/Applications/LibreOffice.app/Contents/MacOS",
    "C:\\Program Files\\LibreOffice\\program",
  ];
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

export class LibreOfficeError extends Error {
  readonly cause?: unknown;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = "LibreOfficeError";
    this.cause = options?.cause;
  }
}

/** A registry item of the private profile (`registrymodifications.xcu`). */
function registryItem(path: string, props: Record<string, string | boolean | number>): string {
  const body = Object.entries(props)
    .map(([name, value]) => `<prop oor:name="${name}" oor:op="fuse"><value>${String(value)}</value></prop>`)
    .join("");
  return `<item oor:path="${path}">${body}</item>`;
}

/**
 * The private profile's settings, written before LibreOffice first starts in it:
 *  - the locale is Vietnamese (`ooSetupSystemLocale` vi-VN), so the files' locale-following
 *    number formats print the way a Vietnamese authority reads them, `51,06%`, `86.450.000`,
 *    whatever the locale of the machine that prints;
 *  - Calibri, the default font whose digit width sets the unit of every column width, is
 *    measured as Liberation Serif where Calibri itself is missing (Linux): Liberation Serif's
 *    digits are as wide at 11 pt, where the usual fallback (DejaVu Sans) is a third wider, which
 *    widened every column and shrank the printed text to fit the page;
 *  - stored results are shown as they are (no recalculation: CCHC.* is unknown to LibreOffice).
 */
export function profileSettings(): string {
  const items = [
    registryItem("/org.openoffice.Setup/L10N", { ooSetupSystemLocale: "vi-VN" }),
    registryItem("/org.openoffice.Office.Calc/Formula/Load", { OOXMLRecalcMode: 1, ODFRecalcMode: 1 }),
    registryItem("/org.openoffice.Office.Common/Font/Substitution", { Replacement: true }),
    `<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="_0" oor:op="replace">${[
      ["Always", true],
      ["OnScreenOnly", false],
      ["ReplaceFont", "Calibri"],
      ["SubstituteFont", "Liberation Serif"],
    ]
      .map(([name, value]) => `<prop oor:name="${name}" oor:op="fuse"><value>${String(value)}</value></prop>`)
      .join("")}</node></item>`,
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n${items.join("\n")}\n</oor:items>\n`;
}

/**
 * Writes a fresh private profile in `dir` and returns its `-env:UserInstallation` URL. The URL
 * is percent-encoded (pathToFileURL): a folder with a space or `#` in its path ("C:\\Users\\Nguyen
 * Van A") otherwise makes LibreOffice wait for ever.
 */
export function makeProfile(dir: string): string {
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), profileSettings());
  return pathToFileURL(dir).href;
}

/** Ends `child` and every process it started (soffice is a wrapper; soffice.bin survives it). */
function endProcessTree(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    if (process.platform === "win32") {
      spawnSync("taskkill", ["/pid", String(child.pid), "/T", "/F"], { stdio: "ignore" });
    } else {
      // The child leads its own process group (spawned detached): signal the whole group.
      process.kill(-child.pid, "SIGKILL");
    }
  } catch {
    // Already gone.
  }
}

/** The Vietnamese reason a PDF cannot be written at `pdf`, from the file system's error code. */
function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "EISDIR":
      return "đó là một thư mục, không phải tệp";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "không có quyền ghi vào thư mục này";
    case "ENOENT":
    case "ENOTDIR":
      return "thư mục chứa tệp không tồn tại";
    case "ENOSPC":
      return "ổ đĩa đã đầy";
    default:
      return `lỗi hệ thống ${code ?? String(error)}`;
  }
}

/**
 * Whether a PDF can be written at `pdf`: undefined when it can, else the reason in Vietnamese
 * (a folder, a read-only or missing folder). Checked before printing, and again on writing.
 */
export function pdfTargetProblem(pdf: string): string | undefined {
  try {
    if (fs.statSync(pdf).isDirectory()) return writeProblem({ code: "EISDIR" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") return writeProblem(error);
  }
  // A probe file, not access(): root passes access() on a read-only mount, and ACLs mislead it.
  const probe = path.join(path.dirname(path.resolve(pdf)), `.cchc-${process.pid}.tmp`);
  try {
    fs.writeFileSync(probe, "");
    fs.rmSync(probe, { force: true });
    return undefined;
  } catch (error) {
    return writeProblem(error);
  }
}

/**
 * Converts an .xlsx file to a PDF at `pdf` (every visible sheet, with its page setup), printed in
 * Vietnamese conventions (see profileSettings). Writes through a temporary folder and a staging
 * file next to `pdf`, so a failed run leaves neither a half-written PDF nor a staging file.
 * Throws LibreOfficeError (a Vietnamese message) when LibreOffice fails, does not answer within
 * `timeoutMs` (its whole process tree is then ended), or the PDF cannot be written.
 */
export async function convertToPdf(
  soffice: string,
  xlsx: string,
  pdf: string,
  timeoutMs = 180_000,
): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-pdf-"));
  try {
    const profileUrl = makeProfile(path.join(work, "profile"));
    const outdir = path.join(work, "out");
    const args = [
      `-env:UserInstallation=${profileUrl}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      outdir,
      xlsx,
    ];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(soffice, args, {
        env: { ...process.env, HOME: work },
        stdio: ["ignore", "pipe", "pipe"],
        // Its own process group, so a time-out can end soffice.bin too.
        detached: process.platform !== "win32",
      });
      // If cchc itself is ended meanwhile, LibreOffice must not stay behind.
      const onExit = () => endProcessTree(child);
      process.once("exit", onExit);
      let text = "";
      child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString()));
      child.stderr?.on("data", (chunk: Buffer) => (text += chunk.toString()));
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        process.removeListener("exit", onExit);
        outcome();
      };
      const timer = setTimeout(() => {
        endProcessTree(child);
        settle(() =>
          reject(new LibreOfficeError(`LibreOffice không trả lời sau ${Math.round(timeoutMs / 1000)} giây.`)),
        );
      }, timeoutMs);
      child.on("error", (error) => {
        settle(() =>
          reject(
            new LibreOfficeError(`Không chạy được LibreOffice (${soffice}): ${error.message}`, {
              cause: error,
            }),
          ),
        );
      });
      // "exit", not "close": a leftover soffice.bin holding the pipes must not keep us waiting.
      child.on("exit", (code) => {
        endProcessTree(child);
        settle(() => {
          if (code === 0) resolve(text);
          else
            reject(
              new LibreOfficeError(
                `LibreOffice báo lỗi khi in PDF (mã ${code}): ${text.trim().split("\n")[0] ?? ""}`,
              ),
            );
        });
      });
    });
    const produced = path.join(outdir, `${path.basename(xlsx, path.extname(xlsx))}.pdf`);
    if (!fs.existsSync(produced)) {
      throw new LibreOfficeError(`LibreOffice không tạo ra tệp PDF: ${output.trim().split("\n")[0] ?? ""}`);
    }
    // copy then rename: the target may be on another file system than the temp folder.
    const staging = path.join(path.dirname(path.resolve(pdf)), `.cchc-${process.pid}.pdf.tmp`);
    try {
      fs.copyFileSync(produced, staging);
      fs.renameSync(staging, pdf);
    } catch (error) {
      fs.rmSync(staging, { force: true });
      throw new LibreOfficeError(`Không ghi được tệp PDF: ${writeProblem(error)}.`, { cause: error });
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
