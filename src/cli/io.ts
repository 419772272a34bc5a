/** Where a command writes: the process's streams, or a buffer in tests and the bench. */
export interface Io {
  /** Normal output (results, findings, JSON). */
  out(text: string): void;
  /** Problems and usage errors. */
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
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
