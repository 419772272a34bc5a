/**
 * A small, strict argument parser for the `cchc` commands: known flags only, so a typo is a
 * usage error (exit 2) rather than a silently ignored option.
 */

/** Bad usage: reported in one line with a pointer to the help (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface FlagSpec {
  /** Takes a value (`-o FILE`, `--output FILE`, `--output=FILE`). */
  value?: boolean;
  /** Other spellings, e.g. `-o` for `--output`. */
  aliases?: readonly string[];
  /**
   * With `value`: the value may be left out (`--pdf` alone gives `true`). The next argument is
   * taken as the value only when this says it is one, so `--pdf FILE.xlsx` leaves the input
   * file a positional argument.
   */
  optional?: (next: string) => boolean;
}

export interface ArgsSpec {
  /** Flags by their long name, e.g. `--sample`. */
  flags: Readonly<Record<string, FlagSpec>>;
  /** How many positional arguments the command takes, and what to call them in messages. */
  positional: { min: number; max: number; name: string };
}

export interface ParsedArgs {
  /** Given flags by long name: `true` for a switch, the text for a flag with a value. */
  flags: Map<string, string | true>;
  positional: string[];
}

export function parseArgs(args: readonly string[], spec: ArgsSpec): ParsedArgs {
  const byName = new Map<string, string>();
  for (const [name, flag] of Object.entries(spec.flags)) {
    byName.set(name, name);
    for (const alias of flag.aliases ?? []) byName.set(alias, name);
  }
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const given = eq > 0 ? arg.slice(0, eq) : arg;
    const name = byName.get(given);
    if (!name) {
      const near = nearest(given, [...byName.keys()]);
      throw new UsageError(`Không có tuỳ chọn "${given}".${near ? ` Có phải ý bạn là: ${near}?` : ""}`);
    }
    if (flags.has(name)) throw new UsageError(`Tuỳ chọn "${given}" được ghi hai lần.`);
    const optional = spec.flags[name].optional;
    if (spec.flags[name].value && optional && eq < 0) {
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith("-") && optional(next)) {
        flags.set(name, next);
        i++;
      } else flags.set(name, true);
    } else if (spec.flags[name].value) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === "" || (eq < 0 && value.startsWith("-") && value !== "-")) {
        throw new UsageError(`Tuỳ chọn "${given}" cần một giá trị.`);
      }
      flags.set(name, value);
    } else {
      if (eq > 0) throw new UsageError(`Tuỳ chọn "${given}" không nhận giá trị.`);
      flags.set(name, true);
    }
  }
  const { min, max, name } = spec.positional;
  if (positional.length < min) throw new UsageError(`Thiếu ${name}.`);
  if (positional.length > max) throw new UsageError(`Thừa tham số: ${positional.slice(max).join(" ")}.`);
  return { flags, positional };
}

/**
 * Edits (insert, delete, substitute, swap two neighbours) turning `a` into `b`: the optimal
 * string alignment distance, enough for the slips of a typed command (`chek`, `reprot`).
 */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The known word a typed one most likely meant, for «Có phải ý bạn là …?»: the nearest within
 * two edits (one for words of up to four letters), else the only word the typed one begins;
 * undefined when none is near or two are equally near.
 */
export function nearest(typed: string, known: readonly string[]): string | undefined {
  const word = typed.toLowerCase();
  if (word.replace(/^-+/, "").length < 2) return undefined;
  const limit = word.replace(/^-+/, "").length <= 4 ? 1 : 2;
  const scored = known
    .map((k) => ({ k, d: editDistance(word, k.toLowerCase()) }))
    .filter((s) => s.d <= limit)
    .sort((x, y) => x.d - y.d);
  if (scored.length > 0) return scored.length === 1 || scored[0].d < scored[1].d ? scored[0].k : undefined;
  const starting = known.filter((k) => k.toLowerCase().startsWith(word));
  return starting.length === 1 ? starting[0] : undefined;
}
