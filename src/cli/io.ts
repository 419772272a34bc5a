/** Where a command writes: the process's streams, or a buffer in tests and the bench. */
export interface Io {
  /** Normal output (results, findings, JSON). */
  out(text: string): void;
  /** Problems and usage errors. */
  err(text: string): void;
}

/**
 * Whether standard output can no longer be written. A reader that has gone (`cchc check f.xlsx |
 * head -1`, EPIPE): output after that is dropped quietly, as `cat` or `grep` do, and the command
 * still ends with its own exit code. Any other failure (`>/dev/full` or a full disk: ENOSPC; a
 * file too large: EFBIG; an I/O error) means the user's results are lost: one Vietnamese line on
 * stderr, the rest of the output dropped, and exit code 2 (EXIT.usage) whatever the command
 * returns, instead of Node's stack trace.
 */
let stdoutClosed = false;
let guarded = false;

/** Why standard output failed, in Vietnamese, from the system's error code. */
export function stdoutFailureLine(code: string | undefined): string {
  const why =
    code === "ENOSPC"
      ? "đĩa đầy"
      : code === "EFBIG"
        ? "tệp đã quá cỡ cho phép"
        : code === "EIO"
          ? "lỗi vào/ra của thiết bị"
          : `lỗi hệ thống${code ? ` ${code}` : ""}`;
  return `cchc không ghi được kết quả ra đầu ra chuẩn (${why}): kết quả bị mất; hãy giải phóng chỗ trống hoặc ghi ra nơi khác rồi chạy lại.\n`;
}

function guardClosedPipe(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (stdoutClosed) return;
    stdoutClosed = true;
    if (error.code === "EPIPE") return;
    process.stderr.write(stdoutFailureLine(error.code));
    // The command may already have returned its code (the error arrives on a later tick): the
    // exit code is settled as the process ends.
    process.exitCode = 2;
    process.once("exit", () => {
      process.exitCode = 2;
    });
  });
}

export const processIo: Io = {
  out: (text) => {
    guardClosedPipe();
    if (!stdoutClosed) process.stdout.write(text);
  },
  err: (text) => void process.stderr.write(text),
};

/** An Io that keeps what was written, for tests and for timing without console noise. */
export function bufferIo(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
  };
  return io;
}
