/** The shape of a `cchc` sub-command and the exit codes every command shares. */
import type { Io } from "./io";

/** Exit codes of `cchc`. */
export const EXIT = {
  /** Done; for `check`: no error (warnings allowed). */
  ok: 0,
  /** `check` found at least one error (Lỗi) in the figures. */
  findings: 1,
  /** The file cannot be read or written, or the command line is wrong. */
  usage: 2,
  /** A fault of cchc itself (a bug): reported in one line, with the stack under CCHC_DEBUG=1. */
  internal: 3,
} as const;

/** One sub-command of `cchc`. */
export interface Command {
  /** The command's own help (`cchc <lệnh> --help`): usage line(s) and options, in Vietnamese. */
  help: string;
  /**
   * Runs the command with the arguments after its name; resolves to the exit code. Problems a
   * user can fix are thrown as UsageError or WorkbookFileError and reported by `main`.
   */
  run(args: string[], io: Io): Promise<number>;
}
