/**
 * The commands cchc suggests for pasting («Kiểm tra số liệu: npx cchc check 'a.xlsx'»): started the
 * way this cchc was started, and quoted for the user's shell, so that pasting one runs this
 * cchc on that file and nothing else.
 *
 * - A name is data, never code: `a $(id).xlsx` inside double quotes would run `id` in a POSIX
 *   shell. POSIX shells get single quotes (a `'` written `'\''`); Windows gets PowerShell's
 *   single quotes (a `'`, or a typographic one PowerShell treats alike, doubled).
 * - `npx cchc` outside the project that holds cchc asks the public npm registry for a package
 *   named «cchc», which is not this one: the hint names the folder (`npx --prefix DIR cchc`), the
 *   command on PATH (`cchc`, after `npm link` or a global install), or the script itself
 *   (`node /x/bin/cchc.js`).
 */
import * as fs from "fs";
import * as path from "path";

/** The shell a pasted command is written for. */
export type Shell = "posix" | "powershell";

/** How this cchc was started: the words before the sub-command, and the shell to quote for. */
export interface Invocation {
  prefix: readonly string[];
  shell: Shell;
}

/** Words any shell reads as they are: letters (any script), digits and a few signs. */
const PLAIN_POSIX = /^[\p{L}\p{N}_@%+=:,./-]+$/u;
/** PowerShell: no `@` (splatting), `,` (arrays), `%` or `=`; a leading `-` would be a parameter. */
const PLAIN_POWERSHELL = /^(?!-)[\p{L}\p{N}_+:./\\-]+$/u;

/** One argument written so that `shell` passes it to the program unchanged. */
export function quoteArg(arg: string, shell: Shell): string {
  if (shell === "powershell") {
    if (PLAIN_POWERSHELL.test(arg)) return arg;
    // PowerShell takes ‘ ’ ‚ ‛ as single quotes too: each is doubled like '.
    return `'${arg.replace(/['\u2018\u2019\u201a\u201b]/g, "$&$&")}'`;
  }
  if (PLAIN_POSIX.test(arg)) return arg;
  return `'${arg.replace(/'/g, "'\\''")}'`;
}

/** The folder holding this package (lib/cli and src/cli both sit two levels under it). */
const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");

/** Whether `inner` is `outer` or inside it. */
function within(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** What `detectInvocation` looks at, passed in so that each way of starting can be tested. */
export interface StartedFrom {
  /** `process.argv[1]`: the script Node runs (bin/cchc.js, or a link to it named `cchc`). */
  script: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  platform: NodeJS.Platform;
  /** The folder of this package. */
  packageRoot?: string;
}

function realpath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

/** Whether `cchc` on PATH is this one (after `npm link` or `npm install -g`). */
function onPath(from: StartedFrom, root: string): boolean {
  const dirs = (from.env.PATH ?? from.env.Path ?? "").split(path.delimiter).filter(Boolean);
  const script = realpath(from.script);
  for (const dir of dirs) {
    if (from.platform === "win32") {
      // npm's shim `cchc.cmd` runs `node <prefix>\node_modules\<package>\bin\cchc.js`.
      const rootReal = realpath(root);
      const dirReal = realpath(dir);
      if (fs.existsSync(path.join(dir, "cchc.cmd")) && rootReal && dirReal && within(dirReal, rootReal))
        return true;
    } else {
      const found = realpath(path.join(dir, "cchc"));
      if (found !== undefined) return script !== undefined && found === script;
    }
  }
  return false;
}

/**
 * How a user should start this cchc again from where they are, and which shell they have:
 * - through npm (`npx`, `npm exec`, a script of package.json): `npx cchc` when the current folder is inside the project
 *   that holds cchc (npx finds it there), else `npx --prefix DIR cchc`;
 * - as `cchc` when the `cchc` on PATH is this one (npm link, a global install);
 * - else the script itself: `node /x/bin/cchc.js`.
 */
export function detectInvocation(from: StartedFrom): Invocation {
  const shell: Shell = from.platform === "win32" ? "powershell" : "posix";
  const root = from.packageRoot ?? PACKAGE_ROOT;
  // The project whose node_modules holds this package, or the package's own folder (the repo).
  const project =
    path.basename(path.dirname(root)) === "node_modules" ? path.dirname(path.dirname(root)) : root;
  // Through npm (npx, npm exec, an npm script): the user's own shell may not find `cchc`.
  if (from.env.npm_command !== undefined) {
    return {
      prefix: within(project, path.resolve(from.cwd))
        ? ["npx", "cchc"]
        : ["npx", "--prefix", project, "cchc"],
      shell,
    };
  }
  if (onPath(from, root)) return { prefix: ["cchc"], shell };
  return { prefix: ["node", path.resolve(from.cwd, from.script)], shell };
}

const DEFAULT: Invocation = {
  prefix: ["npx", "cchc"],
  shell: process.platform === "win32" ? "powershell" : "posix",
};

/**
 * The invocation hints use: `npx cchc` (what the guide teaches) until the entry point says cchc
 * runs as a process of its own; then read from the process, once, when a hint first needs it.
 */
let current: Invocation | (() => Invocation) = DEFAULT;

/** Sets how cchc was started; without an argument, from this process when first needed. */
export function setInvocation(invocation?: Invocation): void {
  if (invocation) {
    current = invocation;
    return;
  }
  let found: Invocation | undefined;
  current = () =>
    (found ??= detectInvocation({
      script: process.argv[1] ?? "cchc",
      env: process.env,
      cwd: process.cwd(),
      platform: process.platform,
    }));
}

/**
 * A command to paste: this cchc with `args` (a sub-command and its arguments, e.g. a file name
 * exactly as the user gave it), every word quoted for the shell.
 */
export function pasteable(
  args: readonly string[],
  invocation: Invocation = typeof current === "function" ? current() : current,
): string {
  return [...invocation.prefix, ...args].map((word) => quoteArg(word, invocation.shell)).join(" ");
}
