/**
 * Headless LibreOffice for the tests that open our files in a real spreadsheet engine.
 *
 * Policy (test/support/system-programs.js): a missing `soffice` fails the suite under CI, which
 * installs it, because a silently skipped engine test proves nothing; on a developer's machine
 * without it the suite is skipped and the run ends with a notice saying how to install it.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findSoffice } from "../../src/cli/libreoffice";
import { requirePrograms, type SystemProgram } from "./system-programs";

export { findSoffice };

/**
 * `describe` when the programs are there, else jest's skipping `describe` (the skip is recorded
 * for the closing notice); under CI a missing program throws, failing the suite.
 */
export function describeWithPrograms(suite: string, programs: SystemProgram[]): jest.Describe {
  return requirePrograms(suite, programs) ? describe : describe.skip;
}

/** soffice, when present (call after `describeWithPrograms` decided the suite runs). */
export function soffice(): string {
  const found = findSoffice();
  if (!found) throw new Error("LibreOffice (soffice) is not installed");
  return found;
}

/**
 * A fresh LibreOffice profile (one per run: parallel runs must not share one) that never
 * recalculates on load, so what it shows is what the file caches. That is LibreOffice's default
 * for .xlsx; written out here so a changed default cannot hide the point of the test.
 */
export function makeProfile(root: string): string {
  const profile = path.join(root, "lo-profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  const item = (prop: string, value: number) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${prop}" oor:op="fuse"><value>${value}</value></prop></item>`;
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${item(
      "OOXMLRecalcMode",
      1,
    )}${item("ODFRecalcMode", 1)}</oor:items>\n`,
  );
  return profile;
}

/** CSV of every sheet "as displayed" (UTF-8, comma, quotes); one file per sheet: `<base>-<sheet>.csv` (LibreOffice ≥ 7.2). */
export const CSV_ALL_SHEETS_AS_SHOWN =
  "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

/** Runs one soffice conversion of the given files into `outdir`; throws with its output on failure. */
export function convert(
  soffice: string,
  profile: string,
  format: string,
  outdir: string,
  files: readonly string[],
): void {
  fs.mkdirSync(outdir, { recursive: true });
  const run = spawnSync(
    soffice,
    [
      `-env:UserInstallation=file://${profile.split(path.sep).join("/")}`,
      "--headless",
      "--norestore",
      "--convert-to",
      format,
      "--outdir",
      outdir,
      ...files,
    ],
    {
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, HOME: path.dirname(profile) },
    },
  );
  if (run.status !== 0 || run.error) {
    throw new Error(
      `soffice --convert-to ${format} failed (exit ${run.status}): ${run.error?.message ?? ""}\n${run.stdout}\n${run.stderr}`,
    );
  }
}

/** A temp folder for one run. */
export function makeRunDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "cchc-lo-"));
}

/** Parses CSV as LibreOffice writes it (commas, double quotes, "" for a quote). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
