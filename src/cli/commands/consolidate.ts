/**
 * `cchc consolidate -o OUT.xlsx FILE|DIR… [--co-quan "…"]`: many units' workbooks of one period
 * into one of the same form (a province over its communes); with `--ky KỲ --nam NĂM`: one
 * unit's shorter periods into a longer one. Inputs are only read; the output is written
 * atomically, and only when something could be consolidated.
 */
import { promises as fs, statSync, type Stats } from "fs";
import * as path from "path";
import { incompleteRows, type FileStatus } from "../../core/consolidate";
import type { PeriodTarget } from "../../core/consolidate";
import { parseDayMonthYear } from "../../core/dates";
import {
  CUSTOM_PERIOD,
  isCustomPeriod,
  parsePeriod,
  parseTargetYear,
  PERIODS,
  toExcelSerial,
} from "../../core/period";
import { parseArgs, UsageError } from "../args";
import { EXIT, type Command } from "../command";
import { processIo, type Io } from "../io";
import { holdYoungGeneration } from "../youngGeneration";
import { WorkbookFileError } from "../../xlsx/fileErrors";
import {
  refuseExistingTarget,
  refuseMissingFolder,
  refuseOutputOverInput,
  withFileLock,
} from "../../xlsx/node/safeWrite";

/** Runs this long (files) get a progress line on stderr. */
const PROGRESS_FROM = 20;

/**
 * A workbook a folder's listing offers: a spreadsheet file, not Excel's `~$` lock file, not
 * hidden. Besides `.xlsx` (and `.xlsm`, the same format with macros), the other spreadsheet
 * formats a unit may send by mistake (`.xls`, `.xlsb`, `.ods`) are listed too, so that the
 * reader refuses them by name with what to do, instead of a commune missing from the total unseen.
 */
const isWorkbookName = (name: string) =>
  /\.(xlsx|xlsm|xls|xlsb|ods)$/i.test(name) && !name.startsWith("~$") && !name.startsWith(".");

/** How many workbooks a folder holds, its subfolders included. */
async function countWorkbooks(folder: string): Promise<number> {
  const entries = await fs.readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && isWorkbookName(e.name)).length;
}

/** The inputs the arguments name (`expandInputs`). */
export interface ExpandedInputs {
  /** The files to read, each once. */
  files: string[];
  /** The arguments that are neither a file nor a folder (nothing by that name). */
  missing: string[];
  /** The output itself, where a folder's listing held it: left out of `files`. */
  outputListed?: string;
}

/**
 * The input files: each FILE as given, each DIR's spreadsheet files (`isWorkbookName`; not
 * Excel's `~$` lock files), in name order. A folder's file that is `output` itself (the same
 * device and inode, whatever its name: the result of an earlier run, written into the folder
 * it consolidates) is the target, not an input: it is left out and returned as `outputListed`.
 * That the output is none of the files named explicitly (by name or through a link) is
 * `refuseOutputOverInput`'s to check, on the list this returns. Subfolders are not read (a
 * province's folder may hold archives of earlier periods), but each one holding workbooks is
 * named to `notice`, one Vietnamese line, so that none is skipped unseen.
 */
export async function expandInputs(
  args: readonly string[],
  notice: (line: string) => void = () => undefined,
  output?: string,
): Promise<ExpandedInputs> {
  const files: string[] = [];
  const missing: string[] = [];
  let outputListed: string | undefined;
  // Only an output already on disk can be in a listing (the first run has nothing to leave out);
  // a path that cannot be looked at is none of the folder's files.
  const statOf = (file: string) => {
    try {
      return statSync(file, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
  };
  const outStat = output === undefined ? undefined : statOf(output);
  const isOutput = (file: string) => {
    const stat = outStat && statOf(file);
    return stat !== undefined && stat.dev === outStat!.dev && stat.ino === outStat!.ino;
  };
  for (const arg of args) {
    // Synchronous: one quick look-up per argument, where a province's hundreds of files each
    // waited on the thread pool.
    let stat: Stats | undefined;
    try {
      stat = statSync(arg);
    } catch (error) {
      const code = (error as { code?: string }).code;
      // Nothing by that name: said before anything is read. Any other failure (no permission)
      // is the reader's to report, by file.
      if (code === "ENOENT" || code === "ENOTDIR") {
        missing.push(arg);
        continue;
      }
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const entries = await fs.readdir(arg, { withFileTypes: true });
      for (const sub of entries.filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const folder = path.join(arg, sub.name);
        const count = await countWorkbooks(folder);
        if (count > 0)
          notice(
            `Bỏ qua thư mục con "${folder}" (${count} tệp bảng tính): chỉ đọc các tệp ngay trong thư mục đã chỉ.`,
          );
      }
      const names = entries
        .map((e) => e.name)
        .filter(isWorkbookName)
        .sort();
      for (const name of names) {
        const file = path.join(arg, name);
        if (isOutput(file)) outputListed = file;
        else files.push(file);
      }
    } else files.push(arg);
  }
  return { files: [...new Set(files)], missing, outputListed };
}

/**
 * Refuses (WorkbookFileError "missing", before anything is read) the arguments that name
 * nothing: a mistyped folder or file would otherwise shrink the total by a unit, or end in
 * "nothing could be consolidated" with a message about a file. A name ending like a workbook is
 * called a file; any other may have meant either.
 */
function refuseMissingInputs(missing: readonly string[]): void {
  if (missing.length === 0) return;
  const what = missing.every((arg) => isWorkbookName(path.basename(arg))) ? "tệp" : "tệp hay thư mục";
  const names = missing.map((arg) => `"${arg}"`).join(", ");
  throw new WorkbookFileError(
    "missing",
    missing[0],
    `Không tìm thấy ${what} ${names}: hãy kiểm tra lại tên và đường dẫn. Không đọc tệp nào.`,
  );
}

/** A progress reporter on stderr: a bar on a terminal, a line every 100 files otherwise. */
async function progress(io: Io, total: number): Promise<{ tick(done: number): void; stop(): void }> {
  if (total < PROGRESS_FROM) return { tick: () => undefined, stop: () => undefined };
  if (io === processIo && process.stderr.isTTY) {
    // Loaded for a terminal only (some twenty modules a run into a file or a pipe never uses).
    const { SingleBar } = await import("cli-progress");
    const bar = new SingleBar({
      format: "Đang đọc {bar} {value}/{total} tệp",
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    });
    bar.start(total, 0);
    return { tick: (done) => bar.update(done), stop: () => bar.stop() };
  }
  return {
    tick: (done) => {
      if (done % 100 === 0 || done === total) io.err(`Đã đọc ${done}/${total} tệp…\n`);
    },
    stop: () => undefined,
  };
}

function describeFile(file: FileStatus): string {
  // Not included without a reason: read, but the periods did not tile the target (the message follows).
  if (!file.included && !file.reason) return `– ${file.source}: ${file.period ?? ""}, chưa tổng hợp`;
  if (!file.included) return `✗ ${file.source}: ${file.reason}`;
  const counts = `${file.errors ?? 0} lỗi, ${file.warnings ?? 0} cảnh báo`;
  const remark = file.reason ? ` (${file.reason})` : "";
  // Included, but with errors of its own: not the tick of a clean unit (the closing line names it).
  const mark = (file.errors ?? 0) > 0 ? "⚠" : "✓";
  return `${mark} ${file.source}: ${file.unit ?? file.period ?? ""}, ${counts}${remark}`;
}

/**
 * The period to consolidate into from --ky, --nam, --tu, --den; undefined for a consolidation over
 * units. UsageError for a wrong or missing one: a named period needs --nam; «Tùy chọn» needs
 * --tu and --den (day/month/year), its year being that of --den (--nam, when given, must agree).
 */
function periodTarget(flags: ReadonlyMap<string, string | boolean>): PeriodTarget | undefined {
  const text = (flag: string) => {
    const v = flags.get(flag);
    return typeof v === "string" ? v : undefined;
  };
  const [ky, nam, tu, den] = ["--ky", "--nam", "--tu", "--den"].map(text);
  if ([ky, nam, tu, den].every((v) => v === undefined)) return undefined;
  if (ky === undefined) throw new UsageError("Tổng hợp theo kỳ cần --ky.");
  const period = parsePeriod(ky);
  if (!period) throw new UsageError(`Kỳ "${ky}" không hợp lệ (dùng: ${PERIODS.join(", ")}).`);
  const year = nam === undefined ? undefined : parseTargetYear(nam);
  if (nam !== undefined && year === undefined)
    throw new UsageError(`Năm "${nam}" không hợp lệ (gõ 4 chữ số, ví dụ 2026).`);
  if (!isCustomPeriod(period)) {
    if (tu !== undefined || den !== undefined)
      throw new UsageError(
        `--tu và --den chỉ dùng với kỳ «${CUSTOM_PERIOD}»; kỳ ${period} có ngày theo quy định.`,
      );
    if (year === undefined) throw new UsageError("Tổng hợp theo kỳ cần cả --ky và --nam.");
    return { period, year };
  }
  if (tu === undefined || den === undefined)
    throw new UsageError(`Kỳ «${CUSTOM_PERIOD}» cần --tu và --den (ví dụ --tu 01/07/2025 --den 31/12/2025).`);
  const day = (value: string, flag: string) => {
    const date = parseDayMonthYear(value);
    if (!date)
      throw new UsageError(`Ngày ${flag} "${value}" không hợp lệ (gõ ngày/tháng/năm, ví dụ 01/07/2025).`);
    return date;
  };
  const from = day(tu, "--tu");
  const to = day(den, "--den");
  if (toExcelSerial(from) > toExcelSerial(to)) throw new UsageError(`Ngày --tu ${tu} sau ngày --den ${den}.`);
  if (year !== undefined && year !== to.year)
    throw new UsageError(
      `Năm --nam ${year} khác năm của --den (${to.year}): năm của kỳ «${CUSTOM_PERIOD}» là năm kỳ kết thúc.`,
    );
  return { period, year: to.year, from: toExcelSerial(from), to: toExcelSerial(to) };
}

export const consolidateCommand: Command = {
  help: [
    'Cách dùng: npx cchc consolidate -o KẾT_QUẢ.xlsx TỆP|THƯ_MỤC… [--co-quan "TÊN CƠ QUAN"] [--force]',
    '           npx cchc consolidate -o KẾT_QUẢ.xlsx --ky "9 tháng" --nam 2026 6thang.xlsx quy3.xlsx [--force]',
    "",
    "Theo đơn vị (mặc định): cộng số liệu của các đơn vị cùng kỳ, cùng mẫu; tỷ lệ tính lại từ tổng",
    "tử số và tổng mẫu số (không lấy trung bình); thêm trang «Tổng hợp theo đơn vị» và «Tệp tổng hợp».",
    "Tệp hỏng, không phải báo cáo CCHC, khác mẫu, khác kỳ hoặc trùng đơn vị bị loại, có nêu lý do.",
    "",
    "Theo kỳ (--ky, --nam): các kỳ số liệu của một đơn vị phải ghép vừa khít kỳ cần lập (ví dụ",
    "9 tháng = 6 tháng + Quý III, Quý I = Tháng 1 + 2 + 3); số phát sinh được cộng, số hiện có lấy",
    'của kỳ sau cùng. Kỳ «Tùy chọn» cần --tu và --den (ví dụ --ky "Tùy chọn" --tu 01/07/2025',
    "--den 31/12/2025; năm là năm của --den).",
    "",
    "  -o, --output TỆP    Tệp kết quả .xlsx (ghi an toàn; thư mục chứa nó phải có sẵn). Tệp đầu vào",
    "                      chỉ được đọc, không bao giờ bị ghi đè; tệp kết quả lần trước nằm trong",
    "                      thư mục đầu vào thì được bỏ qua khi đọc (không tính là một đơn vị).",
    "  --force             Ghi đè nếu tệp kết quả đã có (mặc định: không ghi đè).",
    "  --co-quan TÊN       Tên cơ quan tổng hợp ghi vào Thông tin chung (theo đơn vị).",
    `  --ky KỲ             Kỳ cần lập khi tổng hợp theo kỳ: ${PERIODS.join(", ")}.`,
    "  --nam NĂM           Năm của kỳ đó.",
    "  --tu NGÀY, --den NGÀY  Ngày đầu và ngày cuối của kỳ «Tùy chọn» (ngày/tháng/năm).",
    "",
    "Mã thoát: 0 mọi tệp được tổng hợp và không đơn vị nào có lỗi; 1 đã ghi nhưng có tệp bị loại",
    "hoặc đơn vị có lỗi; 2 không ghi gì (gõ sai lệnh, không có tệp dùng được, các kỳ không ghép khít).",
    "",
  ].join("\n"),
  async run(args, io) {
    const parsed = parseArgs(args, {
      flags: {
        "--output": { value: true, aliases: ["-o"] },
        "--co-quan": { value: true },
        "--ky": { value: true },
        "--nam": { value: true },
        "--tu": { value: true },
        "--den": { value: true },
        "--force": {},
      },
      positional: { min: 1, max: Infinity, name: "tệp hoặc thư mục báo cáo cần tổng hợp" },
    });
    const output = parsed.flags.get("--output");
    if (typeof output !== "string") throw new UsageError("Thiếu tệp kết quả: -o KẾT_QUẢ.xlsx.");
    if (!/\.xlsx$/i.test(output)) throw new UsageError(`Tên tệp "${output}" phải có đuôi .xlsx.`);
    const coQuan = parsed.flags.get("--co-quan");
    const target = periodTarget(parsed.flags);
    if (target && coQuan !== undefined)
      throw new UsageError(
        "--co-quan chỉ dùng khi tổng hợp theo đơn vị: theo kỳ, cơ quan là của chính đơn vị.",
      );

    // The readers load only once the arguments are known to be right (see main.ts); the
    // package writer only to write the result.
    const { consolidateFiles, readFigureFile } = await import("../../xlsx/node/figureFiles");
    const notice = (line: string) => io.err(`${line}\n`);
    const { files, missing, outputListed } = await expandInputs(parsed.positional, notice, output);
    refuseMissingInputs(missing);
    // A folder that does not exist is not created, and is said before anything is read.
    await refuseMissingFolder(output);
    if (outputListed !== undefined) {
      // The output found in an input folder is the target (an earlier result), not an input,
      // unless it is a unit's own report: that one stays an input, refused below as such, so
      // that no --force ever writes a total over a commune's figures.
      const listed = await readFigureFile(outputListed);
      if (listed.ok && !listed.consolidated) files.push(outputListed);
      else notice(`Bỏ qua "${outputListed}": đó là tệp kết quả sẽ ghi.`);
    }
    if (files.length === 0)
      throw new UsageError("Không có tệp bảng tính (.xlsx) nào trong các thư mục đã cho.");
    // The same file under another name (a symbolic or hard link) is an input too, --force or not.
    await refuseOutputOverInput(output, files);
    // Said before reading anything: a run of many files must not end in "already there".
    if (!parsed.flags.has("--force")) await refuseExistingTarget(output);
    const bar = await progress(io, files.length);
    // From the first file read to the result written (see youngGeneration.ts).
    const young = holdYoungGeneration();
    try {
      let consolidation;
      try {
        consolidation = await consolidateFiles(files, {
          target,
          coQuan: typeof coQuan === "string" ? coQuan : undefined,
          onFile: (done) => {
            bar.tick(done);
            young.check();
          },
        });
      } finally {
        bar.stop();
      }
      const { outcome, plans } = consolidation;
      for (const file of outcome.files) io.out(`${describeFile(file)}\n`);
      if (outcome.problem) {
        io.err(`${outcome.problem} Không ghi tệp kết quả.\n`);
        return EXIT.usage;
      }
      if (!plans || !outcome.result) {
        io.err("Không có tệp nào tổng hợp được; không ghi tệp kết quả.\n");
        return EXIT.usage;
      }
      const { writeConsolidatedWorkbook } = await import("../../xlsx/node/writeConsolidated");
      // Like every write: a result open in LibreOffice or Excel (or read-only) is refused, --force or not.
      await withFileLock(output, async () => {
        // Again under the lock: a link made while the inputs were read must not redirect the write.
        await refuseOutputOverInput(output, files);
        await writeConsolidatedWorkbook(plans, output, { overwrite: parsed.flags.has("--force") });
      });

      const included = outcome.files.filter((f) => f.included);
      const refused = outcome.files.length - included.length;
      const withErrors = included.filter((f) => (f.errors ?? 0) > 0);
      const what = target ? "kỳ" : "đơn vị";
      io.out(
        `Đã tổng hợp ${included.length}/${outcome.files.length} tệp (${outcome.result.parts.length} ${what}) vào "${output}".` +
          (refused > 0 ? ` ${refused} tệp bị loại (xem trang «Tệp tổng hợp»).` : "") +
          (withErrors.length > 0
            ? ` ${withErrors.length} ${what} có lỗi số liệu: ${withErrors
                // Over periods every part is the same unit: each is named by its period and file.
                .map((f) => (target ? `${f.period ?? "?"} («${f.source}»)` : (f.unit ?? f.source)))
                .join(
                  ", ",
                )}; các số tổng có thể thiếu hoặc sai — hãy sửa tệp ${target ? "của kỳ đó" : "của đơn vị đó"} rồi tổng hợp lại.`
            : "") +
          "\n",
      );
      // Over units, the result's issuing body is the consolidating one, which only --co-quan
      // names: without it the result's Thông tin chung leaves it blank, and its report and draft
      // would be headed by no one (`check` of the result says so as an error).
      if (!target && typeof coQuan !== "string")
        io.out(
          'Chưa có tên cơ quan tổng hợp: tệp kết quả để trống «Tên cơ quan ban hành». Hãy gõ tên vào ô đó trong trang Thông tin chung, hoặc tổng hợp lại với --co-quan "SỞ NỘI VỤ TỈNH …", trước khi lập báo cáo.\n',
        );
      const incomplete = incompleteRows(outcome.result);
      if (incomplete.length > 0)
        io.out(
          `Chưa đủ số liệu (có ${what} ghi «chưa có số liệu» hoặc ghi số liệu không hợp lệ), nên chưa có tổng: ${incomplete
            .map((label) => `«${label}»`)
            .join(", ")} — xem Ghi chú của từng dòng.\n`,
        );
      return refused > 0 || withErrors.length > 0 ? EXIT.findings : EXIT.ok;
    } finally {
      young.release();
    }
  },
};
