/**
 * `--catalogue ID|FILE` (and its alias `--cap huyen|xa`): a built-in form by id, or a
 * province's catalogue file, checked with every problem found. A bad or unknown catalogue is
 * a usage problem: exit 2 with one line (`catalogue check FILE` lists every problem).
 */
import { readFileSync } from "fs";
import {
  builtinCatalogue,
  builtinFiles,
  CatalogueError,
  formatProblem,
  type Catalogue,
} from "../core/catalogue";
import { parseCatalogue } from "../core/catalogue/validate";
import { UsageError } from "./args";
import { pasteable } from "./invocation";

/** `--cap` values (a level: huyen, xa) and the built-in form each stands for: its level's first. */
const CAP_ALIASES: Readonly<Record<string, string>> = Object.fromEntries(
  [...builtinFiles()].reverse().map((file) => [file.level, file.id]),
);

/** Whether the argument names a file rather than a built-in id. */
function looksLikeFile(value: string): boolean {
  return /[\\/]|\.json$/i.test(value);
}

/** The text of a catalogue file, or a UsageError naming it. */
export function readCatalogueText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT"
        ? `Không thấy tệp danh mục "${file}".`
        : `Không đọc được tệp danh mục "${file}" (${code ?? "lỗi"}).`,
    );
  }
}

/**
 * The message for a catalogue that cannot be used: its first problem on one line, then (for a
 * file) the command that lists every problem on the next.
 */
export function catalogueErrorLine(error: CatalogueError, file?: string): string {
  const first = error.problems[0];
  const more = error.problems.length > 1 ? ` (và ${error.problems.length - 1} lỗi khác)` : "";
  // On its own line: the caller may add its own «Xem: …» hint after it (src/cli/main.ts).
  const hint = file ? `\nXem đủ: ${pasteable(["catalogue", "check", file])}` : "";
  return `Danh mục ${file ? `"${file}" ` : ""}không dùng được: ${first ? formatProblem(first) : "lỗi"}${more}.${hint}`;
}

/**
 * The catalogue of `--catalogue` (or `--cap`), or undefined when neither is given.
 */
export function catalogueOption(value: unknown, cap: unknown): Catalogue | undefined {
  if (value !== undefined && cap !== undefined)
    throw new UsageError("Dùng --catalogue hoặc --cap, không dùng cả hai.");
  if (cap !== undefined) {
    const id = CAP_ALIASES[String(cap)];
    if (!id) throw new UsageError(`Cấp "${String(cap)}" không hợp lệ: dùng --cap huyen hoặc --cap xa.`);
    return builtinCatalogue(id)!;
  }
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !value) throw new UsageError("Thiếu mã hoặc tệp sau --catalogue.");
  if (!looksLikeFile(value)) {
    const builtin = builtinCatalogue(value);
    if (builtin) return builtin;
    const ids = builtinFiles()
      .map((f) => f.id)
      .join(", ");
    throw new UsageError(`Không có danh mục "${value}": dùng một trong ${ids}, hoặc đường dẫn tệp .json.`);
  }
  return loadCatalogueFile(value);
}

/** A province's catalogue file, validated; UsageError in one line when it cannot be used. */
export function loadCatalogueFile(file: string): Catalogue {
  const text = readCatalogueText(file);
  try {
    return parseCatalogue(text, `"${file}"`);
  } catch (error) {
    if (error instanceof CatalogueError) throw new UsageError(catalogueErrorLine(error, file));
    throw error;
  }
}
