/**
 * The system programs some tests need (LibreOffice, poppler, Chromium), and the one skip policy
 * that jest suites and `npm run test:e2e` share:
 *  - present: the tests run;
 *  - missing under CI (`CI` set to anything but "" / "0" / "false"): the suite fails, saying what
 *    to install, so CI keeps proving the real engine;
 *  - missing elsewhere (a fresh clone with only Node and npm): the suite is skipped and the reason
 *    is recorded; the run ends with one notice listing every skip and the apt-get command.
 *
 * Within jest, `CCHC_SKIP_LOG` (set by test/support/skip-notice.js, the global setup) names the
 * file the reasons are appended to, one JSON line each, from whichever worker runs the suite.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

/** What is installed where: only the programs' own folders, so hiding one folder hides it. */
const PROGRAMS = {
  libreoffice: {
    label: "LibreOffice (soffice)",
    // Liberation Serif 2 prints every Vietnamese letter in Times New Roman's place (1.07 lacks some).
    packages: ["libreoffice-calc-nogui", "fonts-liberation2"],
    found: () => {
      // Same search as the command line's (src/cli/libreoffice.ts), compiled or not.
      const { findSoffice } = loadFindSoffice();
      return findSoffice() !== undefined;
    },
  },
  writer: {
    label: "LibreOffice Writer",
    packages: ["libreoffice-writer-nogui", "fonts-liberation2"],
    // Writer is a module of its own beside Calc: its library sits in soffice's program folder.
    found: () => {
      const { findSoffice } = loadFindSoffice();
      const soffice = findSoffice();
      if (soffice === undefined) return false;
      const program = path.dirname(fs.realpathSync(soffice));
      return ["libswlo.so", "libswlo.dylib", "swlo.dll"].some((name) =>
        fs.existsSync(path.join(program, name)),
      );
    },
  },
  poppler: {
    label: "poppler (pdftotext, pdfinfo, pdftoppm)",
    packages: ["poppler-utils"],
    found: () => ["pdftotext", "pdfinfo", "pdftoppm"].every((name) => runs(name, ["-v"])),
  },
  chromium: {
    label: "Chromium",
    packages: ["chromium"],
    // Debian's /usr/bin/chromium is a shell wrapper: it exists even when the browser is gone.
    found: () => runs(process.env.CHROMIUM_PATH || "/usr/bin/chromium", ["--version"]),
  },
};

function loadFindSoffice() {
  const compiled = path.join(__dirname, "..", "..", "lib", "cli", "libreoffice.js");
  // Under jest (ts-jest) the source is importable; a plain node script uses the compiled lib/.
  try {
    return require("../../src/cli/libreoffice");
  } catch {
    return require(compiled);
  }
}

function runs(command, args) {
  const run = spawnSync(command, args, { stdio: "ignore", timeout: 20_000 });
  return !run.error && run.status === 0;
}

const cache = new Map();

/** Whether the program is usable here (probed once per process). */
function isAvailable(name) {
  if (!PROGRAMS[name]) throw new Error(`unknown system program "${name}"`);
  if (!cache.has(name)) cache.set(name, PROGRAMS[name].found());
  return cache.get(name);
}

/** True when CI says so (CI=true, CI=1 …); CI=false or CI=0 is a developer's machine. */
function underCi(env = process.env) {
  const value = (env.CI || "").trim().toLowerCase();
  return value !== "" && value !== "0" && value !== "false";
}

/** `apt-get update && apt-get install -y --no-install-recommends <packages>` for these programs. */
function installCommand(names) {
  const packages = [...new Set(names.flatMap((name) => PROGRAMS[name].packages))];
  return `apt-get update && apt-get install -y --no-install-recommends ${packages.join(" ")}`;
}

/**
 * Whether `suite` can run: true when every program is there. Missing under CI: throws (the suite
 * fails). Missing elsewhere: records the skip (see the file comment) and returns false.
 */
function requirePrograms(suite, names) {
  const missing = names.filter((name) => !isAvailable(name));
  if (missing.length === 0) return true;
  const what = missing.map((name) => PROGRAMS[name].label).join(", ");
  if (underCi()) {
    throw new Error(
      `${suite} needs ${what}, which is not installed. Install it with:\n  ${installCommand(missing)}`,
    );
  }
  const record = { suite, missing };
  if (process.env.CCHC_SKIP_LOG) fs.appendFileSync(process.env.CCHC_SKIP_LOG, `${JSON.stringify(record)}\n`);
  else process.stderr.write(`${skipNotice([record])}\n`);
  return false;
}

/** The notice for a list of skips: what was skipped, why, and the command that installs it. */
function skipNotice(records) {
  if (records.length === 0) return "";
  const missing = [...new Set(records.flatMap((r) => r.missing))];
  const lines = [
    `NOTICE: ${records.length} test suite(s) skipped: ${missing.map((n) => PROGRAMS[n].label).join(", ")} not installed.`,
    ...records.map((r) => `  - ${r.suite} (needs ${r.missing.map((n) => PROGRAMS[n].label).join(", ")})`),
    "  Install with (Debian/Ubuntu, as root):",
    `    ${installCommand(missing)}`,
    "  Under CI (CI=true) a missing program fails the run instead.",
  ];
  return lines.join("\n");
}

module.exports = { PROGRAMS, isAvailable, underCi, installCommand, requirePrograms, skipNotice };
