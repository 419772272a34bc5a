/**
 * The corpus run (issue 10): install and report on every .xlsx/.xlsm under `CCHC_CORPUS_DIR`
 * (e.g. the Excel-made test files of XlsxWriter, calamine, exceljs and xlsx-populate, fetched
 * outside the repository; see test/fixtures/cases/README.md). Counted: silent losses (a part not
 * ours changed, styles or names not kept) must be 0; refusals at most 5% of the valid files;
 * no refusal may call a file "bị hỏng" (corrupt) unless it is not a readable zip; no crash (an
 * error that is not our one-line message); no file slower than the per-file limit.
 * Without the variable the run prints a notice and checks nothing.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { installIntoFile, reportIntoFile } from "../../src/xlsx/operations";
import { WorkbookFileError } from "../../src/xlsx/files";
import { packageLosses } from "../support/packageLoss";

const CORPUS = process.env.CCHC_CORPUS_DIR;
/** Seconds one file may take for install + report (a hang shows as a breach). */
const PER_FILE_LIMIT_S = Number(process.env.CCHC_CORPUS_FILE_LIMIT_S ?? 20);

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
  invalid: number;
  installed: number;
  refused: Array<{ file: string; message: string }>;
  losses: Array<{ file: string; losses: string[] }>;
  crashes: Array<{ file: string; error: string }>;
  slow: Array<{ file: string; seconds: number }>;
  corruptCalls: string[];
  seconds: number;
}

if (!CORPUS) {
  describe("the corpus of real workbooks", () => {
    it("is skipped: set CCHC_CORPUS_DIR to a folder of .xlsx files to run it", () => {
      console.warn(
        "NOTICE: corpus test skipped (CCHC_CORPUS_DIR is not set). Fetch public test workbooks into a folder outside the repository and run: CCHC_CORPUS_DIR=/path npx jest test/xlsx/corpus.test.ts",
      );
      expect(CORPUS).toBeUndefined();
    });
  });
} else {
  describe("the corpus of real workbooks", () => {
    it("loses nothing silently, refuses at most 5%, never crashes", async () => {
      const files = listFiles(CORPUS);
      const work = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-corpus-"));
      const tally: Tally = {
        files: files.length,
        invalid: 0,
        installed: 0,
        refused: [],
        losses: [],
        crashes: [],
        slow: [],
        corruptCalls: [],
        seconds: 0,
      };
      const started = Date.now();
      for (const source of files) {
        const file = path.join(work, `f${path.extname(source)}`);
        fs.copyFileSync(source, file);
        const before = fs.readFileSync(file);
        const t0 = Date.now();
        try {
          await installIntoFile(file);
          await reportIntoFile(file, { generatedAt: new Date(2021, 8, 15) });
          tally.installed++;
          const losses = packageLosses(before, fs.readFileSync(file));
          if (losses.length > 0) tally.losses.push({ file: source, losses });
        } catch (error) {
          if (error instanceof WorkbookFileError) {
            if (error.problem === "notWorkbook" || error.problem === "corrupt") tally.invalid++;
            else tally.refused.push({ file: source, message: error.message });
            if (/bị hỏng/.test(error.message) && error.problem !== "corrupt") tally.corruptCalls.push(source);
            if (!fs.readFileSync(file).equals(before))
              tally.losses.push({ file: source, losses: ["refused but changed"] });
          } else {
            tally.crashes.push({ file: source, error: String(error).slice(0, 200) });
          }
        }
        const seconds = (Date.now() - t0) / 1000;
        if (seconds > PER_FILE_LIMIT_S) tally.slow.push({ file: source, seconds });
      }
      tally.seconds = (Date.now() - started) / 1000;
      fs.rmSync(work, { recursive: true, force: true });
      const valid = tally.files - tally.invalid;
      console.log(
        `CORPUS: ${tally.files} files, ${tally.invalid} not valid packages, ${tally.installed} installed+reported, ` +
          `${tally.refused.length} refused (${((100 * tally.refused.length) / Math.max(1, valid)).toFixed(1)}% of valid), ` +
          `${tally.losses.length} with losses, ${tally.crashes.length} crashes, ${tally.slow.length} over ${PER_FILE_LIMIT_S}s, ` +
          `${tally.seconds.toFixed(0)}s in all\n` +
          JSON.stringify(
            { refused: tally.refused, losses: tally.losses, crashes: tally.crashes, slow: tally.slow },
            null,
            1,
          ).slice(0, 20_000),
      );
      expect(tally.losses).toEqual([]);
      expect(tally.crashes).toEqual([]);
      expect(tally.slow).toEqual([]);
      expect(tally.corruptCalls).toEqual([]);
      expect(tally.refused.length).toBeLessThanOrEqual(0.05 * valid);
    }, 3_600_000);
  });
}
