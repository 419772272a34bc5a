/**
 * The `cchc` command line: the same operations as the task pane, on .xlsx files, for staff whose
 * Excel cannot run the add-in. Commands register themselves in `commands`; `main` only parses the
 * first word and dispatches, so every command stays testable on its own.
 */

/** One sub-command of `cchc`. */
export interface Command {
  /** One line of Vietnamese help shown in the usage text. */
  summary: string;
  /** Runs the command with the arguments after its name; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

/** The sub-commands by name. Empty until the commands land (install, check, report, demo…). */
export const commands: Record<string, Command> = {};

/** The usage text, in Vietnamese: the people who run this read Vietnamese. */
export function usage(): string {
  const names = Object.keys(commands).sort();
  const width = Math.max(8, ...names.map((name) => name.length));
  const list =
    names.length > 0
      ? names.map((name) => `  ${name.padEnd(width)}  ${commands[name].summary}`).join("\n")
      : "  (chưa có lệnh nào trong phiên bản này)";
  return [
    "cchc: báo cáo cải cách hành chính (CCHC) trên tệp Excel .xlsx, không cần Excel.",
    "",
    "Cách dùng:",
    "  npx cchc <lệnh> [tham số…]",
    "  npx cchc --help",
    "",
    "Các lệnh:",
    list,
    "",
    "Tuỳ chọn:",
    `  ${"--help".padEnd(width)}  In hướng dẫn này.`,
    "",
  ].join("\n");
}

/** Entry point of the `cchc` bin; resolves to the process exit code instead of exiting. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return 0;
  }
  const command = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`Không có lệnh "${name}".\n\n${usage()}`);
    return 2;
  }
  return command.run(rest);
}
