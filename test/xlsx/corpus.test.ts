/**
 * The corpus run (issue 10): install and report on every .xlsx/.xlsm under `CCHC_CORPUS_DIR`
 * (in CI: the workbooks of 20 Debian packages' test suites and examples, made by
 * scripts/corpus-from-debian.sh; on a developer's machine also e.g. the Excel-made test files of
 * XlsxWriter, calamine, exceljs and xlsx-populate, fetched outside the repository; sources and
 * licences in test/fixtures/cases/README.md). Counted: silent losses (a part not
 * ours changed, styles or names not kept) must be 0; refusals at most 5% of the valid files;
 * no refusal may call a file "bị hỏng" (corrupt) unless it is not a valid package, and no zip we
 * call not a valid package may be one LibreOffice opens (when it samples); no crash (an
 * error that is not our one-line message); no file slower than the per-file limit.
 * Without the variable the run prints a notice and checks nothing.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { installIntoFile, reportIntoFile } from "../../src/xlsx/node/operations";
import { WorkbookFileError } from "../../src/xlsx/node/files";
import { packageLosses } from "../support/packageLoss";
import { convert, CSV_ALL_SHEETS_AS_SHOWN, findSoffice, makeProfile } from "../support/libreoffice";

const CORPUS = process.env.CCHC_CORPUS_DIR;
/** Seconds one file may take for install + report (a hang shows as a breach). */
const PER_FILE_LIMIT_S = Number(process.env.CCHC_CORPUS_FILE_LIMIT_S ?? 20);
/** Every how many written files LibreOffice opens one (0: none), to prove the output opens. */
const LIBREOFFICE_EVERY = Number(process.env.CCHC_CORPUS_LO_EVERY ?? 20);
/**
 * A file the run appends to: "start FILE" before each workbook and "N.NNs FILE" after, so a run
 * that hangs (a loop that never yields cannot be timed out in-process) names its file.
 */
const PROGRESS = process.env.CCHC_CORPUS_LOG;

/** Whether LibreOffice opens `file` and shows our report sheet in it. */
function opensWithReport(soffice: string, work: string, file: string): boolean {
  const out = fs.mkdtempSync(path.join(work, "lo-"));
  try {
    convert(soffice, makeProfile(out), CSV_ALL_SHEETS_AS_SHOWN, out, [file]);
    return fs.readdirSync(out).some((n) => /Phụ lục I\.csv$/.test(n.normalize("NFC")));
  } catch {
    return false;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** Whether LibreOffice opens `file` at all (for files we refused as damaged). */
function opens(soffice: string, work: string, file: string): boolean {
  const out = fs.mkdtempSync(path.join(work, "lo-"));
  try {
    convert(soffice, makeProfile(out), "csv", out, [file]);
    return fs.readdirSync(out).some((n) => n.endsWith(".csv"));
  } catch {
    return false;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

function listFiles(root: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(full));
    else if (/\.(xlsx|xlsm)$/i.test(entry.name)) found.push(full);
  }
  return found.sort();
}

interface Tally {
  files: number;
  invalid: Array<{ file: string; message: string }>;
  installed: number;
  refused: Array<{ file: string; message: string }>;
  losses: Array<{ file: string; losses: string[] }>;
  crashes: Array<{ file: string; error: string }>;
  slow: Array<{ file: string; seconds: number }>;
  corruptCalls: string[];
  openedInLibreOffice: number;
  notOpened: string[];
  /** Sampled files whose output LibreOffice did not open, nor the original: LibreOffice's own. */
  originalNotOpened: string[];
  seconds: number;
}

if (!CORPUS) {
  describe("the corpus of real workbooks", () => {
    it("is skipped: set CCHC_CORPUS_DIR to a folder of .xlsx files to run it", () => {
      console.warn(
        "NOTICE: corpus test skipped (CCHC_CORPUS_DIR is not set). Get the corpus CI uses with scripts/corpus-from-debian.sh (Debian or Ubuntu), then run: CCHC_CORPUS_DIR=.cache/corpus/files npx jest test/xlsx/corpus.test.ts",
      );
      expect(CORPUS).toBeUndefined();
    });
  });
} else {
  describe("the corpus of real workbooks", () => {
    // Bounded by the per-file limit (plus LibreOffice's samples), so a stuck run fails in CI's time.
    const budgetMs = (listFiles(CORPUS).length * PER_FILE_LIMIT_S + 600) * 1000;
    it(
      "loses nothing silently, refuses at most 5%, never crashes",
      async () => {
        const files = listFiles(CORPUS);
        const work = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-corpus-"));
        const tally: Tally = {
          files: files.length,
          invalid: [],
          installed: 0,
          refused: [],
          losses: [],
          crashes: [],
          slow: [],
          corruptCalls: [],
          openedInLibreOffice: 0,
          notOpened: [],
          originalNotOpened: [],
          seconds: 0,
        };
        const soffice = LIBREOFFICE_EVERY > 0 ? findSoffice() : null;
        const started = Date.now();
        for (const source of files) {
          const file = path.join(work, `f${path.extname(source)}`);
          fs.copyFileSync(source, file);
          const before = fs.readFileSync(file);
          if (PROGRESS) fs.appendFileSync(PROGRESS, `start ${source}\n`);
          const t0 = Date.now();
          let seconds = 0;
          try {
            await installIntoFile(file);
            await reportIntoFile(file, { generatedAt: new Date(2021, 8, 15) });
            tally.installed++;
            const losses = packageLosses(before, fs.readFileSync(file));
            if (losses.length > 0) tally.losses.push({ file: source, losses });
            // LibreOffice's own time is not ours (it takes minutes on some originals, e.g. a note at XFD1048576).
            seconds = (Date.now() - t0) / 1000;
            if (soffice && tally.installed % LIBREOFFICE_EVERY === 1) {
              if (opensWithReport(soffice, work, file)) tally.openedInLibreOffice++;
              else {
                // Ours only if LibreOffice opens the user's original (it never finishes loading
                // some, e.g. XlsxWriter comment03.xlsx with a note at XFD1048576).
                const original = path.join(work, `original${path.extname(source)}`);
                fs.writeFileSync(original, before);
                if (opens(soffice, work, original)) tally.notOpened.push(source);
                else tally.originalNotOpened.push(source);
              }
            }
          } catch (error) {
            if (error instanceof WorkbookFileError) {
              const invalid = error.problem === "notWorkbook" || error.problem === "corrupt";
              if (invalid) tally.invalid.push({ file: source, message: error.message });
              else tally.refused.push({ file: source, message: error.message });
              // "Damaged" is said only of a file that is not a valid package; and a zip we call
              // not a valid package must be one LibreOffice cannot open either (an encrypted
              // workbook is not a zip: refusing it is allowed).
              const zip = before.subarray(0, 2).toString("latin1") === "PK";
              if (/bị hỏng/.test(error.message) && !invalid) tally.corruptCalls.push(source);
              else if (invalid && zip && soffice && opens(soffice, work, file))
                tally.corruptCalls.push(source);
              if (!fs.readFileSync(file).equals(before))
                tally.losses.push({ file: source, losses: ["refused but changed"] });
            } else {
              tally.crashes.push({ file: source, error: String(error).slice(0, 200) });
            }
          }
          seconds ||= (Date.now() - t0) / 1000;
          if (seconds > PER_FILE_LIMIT_S) tally.slow.push({ file: source, seconds });
          if (PROGRESS) fs.appendFileSync(PROGRESS, `${seconds.toFixed(2)}s ${source}\n`);
        }
        tally.seconds = (Date.now() - started) / 1000;
        fs.rmSync(work, { recursive: true, force: true });
        const valid = tally.files - tally.invalid.length;
        console.log(
          `CORPUS: ${tally.files} files, ${tally.invalid.length} not valid packages, ${tally.installed} installed+reported, ` +
            `${tally.refused.length} refused (${((100 * tally.refused.length) / Math.max(1, valid)).toFixed(1)}% of valid), ` +
            `${tally.losses.length} with losses, ${tally.crashes.length} crashes, ${tally.slow.length} over ${PER_FILE_LIMIT_S}s, ` +
            `${tally.openedInLibreOffice} of ${tally.openedInLibreOffice + tally.notOpened.length} sampled outputs opened in LibreOffice with our report ` +
            `(${tally.originalNotOpened.length} more whose original LibreOffice cannot open either), ` +
            `${tally.seconds.toFixed(0)}s in all\n` +
            JSON.stringify(
              {
                invalid: tally.invalid,
                refused: tally.refused,
                losses: tally.losses,
                crashes: tally.crashes,
                slow: tally.slow,
                notOpened: tally.notOpened,
                originalNotOpened: tally.originalNotOpened,
                corruptCalls: tally.corruptCalls,
              },
              null,
              1,
            ).slice(0, 20_000),
        );
        expect(tally.losses).toEqual([]);
        expect(tally.crashes).toEqual([]);
        expect(tally.slow).toEqual([]);
        expect(tally.corruptCalls).toEqual([]);
        expect(tally.notOpened).toEqual([]);
        expect(tally.refused.length).toBeLessThanOrEqual(0.05 * valid);
      },
      budgetMs,
    );
  });
}
