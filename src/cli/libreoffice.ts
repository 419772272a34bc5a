/**
 * Printing through LibreOffice (headless), for `cchc report --pdf` and `cchc demo`: the
 * command line has no Excel to print with. A private profile per run keeps parallel runs apart
 * and never touches the user's own LibreOffice settings.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** How to install it, said when it is missing. */
export const LIBREOFFICE_HINT =
  "Debian/Ubuntu: apt-get install libreoffice-calc-nogui; Windows/macOS: cài LibreOffice từ trang libreoffice.org";

/**
 * The soffice executable: $CCHC_SOFFICE when set (and only it: an administrator's choice is
 * final), else PATH, then the usual install places; undefined if none.
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CCHC_SOFFICE !== undefined) return fs.existsSync(env.CCHC_SOFFICE) ? env.CCHC_SOFFICE : undefined;
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

/**
 * Converts an .xlsx file to a PDF at `pdf` (every visible sheet, with its page setup).
 * Writes through a temporary folder, so a failed run leaves no half-written PDF.
 */
export async function convertToPdf(
  soffice: string,
  xlsx: string,
  pdf: string,
  timeoutMs = 180_000,
): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-pdf-"));
  try {
    const profile = path.join(work, "profile");
    fs.mkdirSync(profile);
    const outdir = path.join(work, "out");
    const args = [
      `-env:UserInstallation=file://${profile
        .split(path.sep)
        .join("/")
        .replace(/^([A-Za-z]):/, "/$1:")}`,
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
      });
      let text = "";
      child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new LibreOfficeError(`LibreOffice không trả lời sau ${Math.round(timeoutMs / 1000)} giây.`));
      }, timeoutMs);
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(
          new LibreOfficeError(`Không chạy được LibreOffice (${soffice}): ${error.message}`, {
            cause: error,
          }),
        );
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        if (code === 0) resolve(text);
        else
          reject(
            new LibreOfficeError(
              `LibreOffice báo lỗi khi in PDF (mã ${code}): ${text.trim().split("\n")[0] ?? ""}`,
            ),
          );
      });
    });
    const produced = path.join(outdir, `${path.basename(xlsx, path.extname(xlsx))}.pdf`);
    if (!fs.existsSync(produced)) {
      throw new LibreOfficeError(`LibreOffice không tạo ra tệp PDF: ${output.trim().split("\n")[0] ?? ""}`);
    }
    // copy then rename: the target may be on another file system than the temp folder.
    const staging = `${pdf}.${process.pid}.tmp`;
    fs.copyFileSync(produced, staging);
    fs.renameSync(staging, pdf);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
