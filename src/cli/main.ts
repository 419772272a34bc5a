/**
 * The `cchc` command line: the same operations as the task pane, on .xlsx files, for staff whose
 * Excel cannot run the add-in. `main` only dispatches on the first word through the command
 * table and turns the problems a user can fix into one Vietnamese line and exit code 2.
 *
 * Adding a command (`report`, `demo` …): write `src/cli/commands/<name>.ts` exporting a
 * `Command` and list it in `commands` below.
 */
import { readFileSync } from "fs";
import * as path from "path";
// fileErrors.ts imports nothing (no file layer), so the entry point stays light.
import { firstLine, WorkbookFileError } from "../xlsx/fileErrors";
import { nearest, UsageError } from "./args";
import { EXIT, type Command } from "./command";
import { setInvocation, pasteable } from "./invocation";
import { processIo, type Io } from "./io";

export type { Command } from "./command";
export { EXIT } from "./command";

/** A sub-command as the entry point knows it: its line of help, and how to load it. */
export interface CommandEntry {
  /** One line of Vietnamese help shown in the command list. */
  summary: string;
  /** Loads the command's module: only the command that runs is loaded (start-up time). */
  load(): Promise<Command>;
}

/**
 * The sub-commands by name, in the order the help lists them. Each module is loaded only when
 * its command runs, and the modules load the file layer only after their arguments are checked, so
 * `--version`, `--help` and a usage error start as fast as Node itself (`npm run bench`).
 */
export const commands: Record<string, CommandEntry> = {
  template: {
    summary: "Tạo tệp .xlsx mới có sẵn các trang CCHC (trống, hoặc có số liệu mẫu).",
    load: async () => (await import("./commands/template")).templateCommand,
  },
  install: {
    summary: "Cài hoặc nâng cấp các trang CCHC trong một tệp .xlsx, giữ nguyên số liệu đã nhập.",
    load: async () => (await import("./commands/install")).installCommand,
  },
  check: {
    summary: "Kiểm tra số liệu trong tệp .xlsx: liệt kê lỗi và cảnh báo kèm ô.",
    load: async () => (await import("./commands/check")).checkCommand,
  },
  report: {
    summary: "Tạo Phụ lục I, Phụ lục II (mẫu Nghị định 30/2020) từ số liệu trong tệp; có thể in PDF.",
    load: async () => (await import("./commands/report")).reportCommand,
  },
  draft: {
    summary: "Soạn dự thảo báo cáo CCHC (Word .docx, thể thức Nghị định 30/2020) với mọi con số tính từ tệp.",
    load: async () => (await import("./commands/draft")).draftCommand,
  },
  consolidate: {
    summary: "Tổng hợp báo cáo của nhiều đơn vị (hoặc nhiều kỳ của một đơn vị) vào một tệp cùng mẫu.",
    load: async () => (await import("./commands/consolidate")).consolidateCommand,
  },
  proofread: {
    summary: "Soát số liệu trong văn bản báo cáo (.docx, .txt, .md): tỷ lệ không khớp với số ghi bên cạnh.",
    load: async () => (await import("./commands/proofread")).proofreadCommand,
  },
  demo: {
    summary:
      "Chạy thử trọn quy trình với số liệu mẫu (xã giả định; hoặc UBND huyện Đức Thọ, Quý III/2021), không cần Excel.",
    load: async () => (await import("./commands/demo")).demoCommand,
  },
  catalogue: {
    summary: "Danh mục chỉ tiêu (mẫu báo cáo): liệt kê mẫu có sẵn, kiểm tra tệp danh mục của tỉnh, in mẫu.",
    load: async () => (await import("./commands/catalogue")).catalogueCommand,
  },
};

/** The package version, read at run time (lib/cli and src/cli both sit two levels under the root). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
    version?: unknown;
  };
  return typeof pkg.version === "string" ? pkg.version : "0.0.0";
}

/** The usage text, in Vietnamese: the people who run this read Vietnamese. */
export function usage(): string {
  const names = Object.keys(commands);
  const width = Math.max(9, ...names.map((name) => name.length));
  return [
    "cchc: báo cáo cải cách hành chính (CCHC) trên tệp Excel .xlsx, không cần Excel.",
    "",
    "Cách dùng:",
    "  npx cchc <lệnh> [tham số…]",
    "  npx cchc <lệnh> --help",
    "",
    "Các lệnh:",
    ...names.map((name) => `  ${name.padEnd(width)}  ${commands[name].summary}`),
    "",
    "Tuỳ chọn:",
    `  ${"--help".padEnd(width)}  In hướng dẫn này.`,
    `  ${"--version".padEnd(width)}  In phiên bản.`,
    "",
    "Mã thoát: 0 thành công; 1 khi «check» thấy lỗi trong số liệu (hoặc «consolidate» loại tệp, có đơn vị lỗi); 2 khi không đọc/ghi được tệp hoặc gõ sai lệnh;",
    "3 khi cchc gặp lỗi nội bộ (lỗi của chương trình: chạy lại với CCHC_DEBUG=1 để xem chi tiết và báo cho người hỗ trợ).",
    "",
  ].join("\n");
}

const HELP = new Set(["--help", "-h", "help"]);

/** Entry point of the `cchc` bin; resolves to the process exit code instead of exiting. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  // Run as a process (the bin): the hints to paste start cchc the way this one was started.
  if (io === processIo) setInvocation();
  try {
    if (name === undefined) {
      // No command is a usage error: say how to use it, on stderr, so a script sees the failure.
      io.err(usage());
      return EXIT.usage;
    }
    if (HELP.has(name)) {
      io.out(usage());
      return EXIT.ok;
    }
    if (name === "--version" || name === "-v") {
      // The default form's file alone: the built-in forms load only for a command that uses them.
      const { defaultFormVersion } = await import("../core/catalogue/defaultForm");
      const form = defaultFormVersion();
      io.out(`cchc ${version()} (mẫu ${form.id} ${form.version})\n`);
      return EXIT.ok;
    }
    const entry = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
    if (!entry) {
      const near = nearest(name, Object.keys(commands));
      throw new UsageError(`Không có lệnh "${name}".${near ? ` Có phải ý bạn là: cchc ${near}?` : ""}`);
    }
    const command = await entry.load();
    if (rest.some((arg) => arg === "--help" || arg === "-h")) {
      io.out(command.help);
      return EXIT.ok;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const hint = pasteable(
        name && Object.prototype.hasOwnProperty.call(commands, name) ? [name, "--help"] : ["--help"],
      );
      // A message of several lines already ends with a hint of its own: this one on its own line.
      io.err(`${error.message}${error.message.includes("\n") ? "\n" : " "}Xem: ${hint}\n`);
      return EXIT.usage;
    }
    // A catalogue that cannot be used, or another form over an installed workbook: one line.
    const { OtherCatalogueError } = await import("../core/install");
    const { CatalogueError } = await import("../core/catalogue/errors");
    if (error instanceof OtherCatalogueError) {
      io.err(`${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof CatalogueError) {
      const { catalogueErrorLine } = await import("./catalogueOption");
      io.err(`${catalogueErrorLine(error)}\n`);
      return EXIT.usage;
    }
    if (error instanceof WorkbookFileError) {
      const { suggestion } = error;
      io.err(`${suggestion ? suggestion.say(pasteable(suggestion.args)) : error.message}\n`);
      return EXIT.usage;
    }
    // A bug of ours: still one line for the user; the stack on request.
    io.err(`cchc gặp lỗi nội bộ: ${firstLine(error)} (chạy lại với CCHC_DEBUG=1 để xem chi tiết)\n`);
    if (process.env.CCHC_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    return EXIT.internal;
  }
}
