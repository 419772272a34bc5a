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
    if (!name) throw new UsageError(`Không có tuỳ chọn "${given}".`);
    if (flags.has(name)) throw new UsageError(`Tuỳ chọn "${given}" được ghi hai lần.`);
    if (spec.flags[name].value) {
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
