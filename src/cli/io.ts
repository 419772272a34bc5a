/** Where a command writes: the process's streams, or a buffer in tests and the bench. */
export interface Io {
  /** Normal output (results, findings, JSON). */
  out(text: string): void;
  /** Problems and usage errors. */
  err(text: string): void;
}

/**
 * Whether the reader of standard output has gone (`cchc check f.xlsx | head -1`). Output after
 * that is dropped quietly, as `cat` or `grep` do, and the command still ends with its own exit
 * code; any other stream error is still raised.
 */
let stdoutClosed = false;
let guarded = false;

function guardClosedPipe(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") {
      stdoutClosed = true;
      return;
    }
    throw error;
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
