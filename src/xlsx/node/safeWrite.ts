/**
 * Replacing a user's file safely. Every write of the command line goes through here:
 *
 * - atomic: the bytes go to a short temporary file in the target's folder (same file system),
 *   flushed, then renamed over the target; on any error the temporary file is removed and the
 *   target is left as it was;
 * - a symbolic link is followed: the file it points to is replaced, the link stays a link;
 * - a read-only file (no write bit, the "Read-only" attribute on Windows) is refused, because the
 *   rename would replace it regardless of the bit;
 * - the temporary name is short whatever the file's name (`.cchc-<hash>-<pid>-XXXX.tmp`: a hash of
 *   the target's name and the writing process), so a long but valid file name never fails because
 *   of it, and a run killed before its rename leaves a file the next run on that target knows as a
 *   leftover (its process is gone) and removes;
 * - a lock: a command that reads a file and writes it back holds `.cchc-<hash>.lock` beside it, and
 *   refuses a file another program has open (LibreOffice's `.~lock.NAME#`, Excel's `~$NAME`). A
 *   lock whose process is gone (on this machine), or one left empty or unreadable (a full disk, a
 *   run killed while writing it) for longer than a few seconds, is taken over, as LibreOffice does
 *   with its own; a lock that cannot be written is removed at once, never left behind;
 * - a file that changed on disk since it was read (LibreOffice does not know our lock) is refused
 *   instead of being overwritten with stale contents.
 */
import { createHash, randomBytes } from "crypto";
import { promises as fs, realpathSync, statSync, type Stats } from "fs";
import * as os from "os";
import * as path from "path";
import { firstLine, systemCode, systemReason, WorkbookFileError } from "../fileErrors";

/** What identifies one version of a file on disk: if any of it differs, the file was replaced or edited. */
export interface FileStamp {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

function stampOf(stat: Stats): FileStamp {
  return { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs };
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * Refuses a target that already exists (WorkbookFileError "exists"): the one check behind every
 * command that writes a new file without --force (template, catalogue show -o, consolidate -o,
 * report -o), so a new file never replaces a user's workbook by accident. A stat failure other
 * than "not found" is a "writeFailed".
 */
export async function refuseExistingTarget(file: string): Promise<void> {
  const exists = await fs.stat(file).then(
    () => true,
    (error: unknown) => {
      if (systemCode(error) === "ENOENT") return false;
      throw new WorkbookFileError("writeFailed", file, `Không ghi được tệp "${file}": ${firstLine(error)}.`, {
        cause: error,
      });
    },
  );
  if (exists)
    throw new WorkbookFileError(
      "exists",
      file,
      `Tệp "${file}" đã có: chọn tên khác, hoặc thêm --force để ghi đè.`,
    );
}

/**
 * Refuses (WorkbookFileError "writeFailed", before anything is read or built) a target whose
 * folder does not exist or is not a folder, naming that folder as the user wrote it: otherwise a
 * command would read every input first and fail only as it writes (a lock or temporary file
 * that cannot be created: ENOENT). cchc never creates the folder itself: a mistyped folder name
 * would silently put the result where no one looks. A folder that cannot be looked at (no
 * permission) is left to the write to report.
 */
export async function refuseMissingFolder(file: string): Promise<void> {
  const folder = path.dirname(file);
  const stat = await fs.stat(path.dirname(path.resolve(file))).catch((error: unknown) => {
    const code = systemCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    return undefined;
  });
  if (stat === null)
    throw new WorkbookFileError(
      "writeFailed",
      file,
      `Không ghi được tệp "${file}": không có thư mục "${folder}". Hãy tạo thư mục đó trước, hoặc chọn nơi ghi khác. Không ghi tệp nào.`,
    );
  if (stat !== undefined && !stat.isDirectory())
    throw new WorkbookFileError(
      "writeFailed",
      file,
      `Không ghi được tệp "${file}": "${folder}" là một tệp, không phải thư mục. Hãy chọn nơi ghi khác. Không ghi tệp nào.`,
    );
}

/** The stamp of `file` (following links), or undefined when it does not exist. */
export async function stampFile(file: string): Promise<FileStamp | undefined> {
  try {
    return stampOf(await fs.stat(file));
  } catch (error) {
    if (systemCode(error) === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * The path a write to `file` must replace: the end of its chain of symbolic links (also a
 * dangling one, whose target is then created), else the absolute path itself.
 */
export async function resolveWriteTarget(file: string): Promise<string> {
  let current = path.resolve(file);
  // The same bound as the kernel's ELOOP: a cycle of links ends as an error, not a hang.
  for (let hops = 0; hops < 40; hops++) {
    let stat: Stats;
    try {
      stat = await fs.lstat(current);
    } catch (error) {
      if (systemCode(error) === "ENOENT") return current;
      throw error;
    }
    if (!stat.isSymbolicLink()) return fs.realpath(current).catch(() => current);
    current = path.resolve(path.dirname(current), await fs.readlink(current));
  }
  throw new WorkbookFileError(
    "writeFailed",
    file,
    `Không ghi được tệp "${file}": liên kết tượng trưng lặp vòng.`,
  );
}

/** `check()`, false when it throws (an input that cannot be looked at is the reader's to report). */
function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

/**
 * Refuses (WorkbookFileError "isInput", before anything is read or written) an output that is
 * one of the command's inputs on disk, whatever name it is given: the same path, a symbolic link
 * to an input (or from one: both sides are followed to their real paths, a dangling link to where
 * it would create its file), or a hard link (the same device and inode). An input is only read,
 * so it is never replaced, --force or not (a consolidation written over a commune's workbook
 * would lose that commune's figures and count the others twice on the next run). `inputs` are
 * files; one that cannot be read is left to the reader to report. `instead` says what the user
 * may do instead (the message's last advice).
 */
export async function refuseOutputOverInput(
  output: string,
  inputs: readonly string[],
  /** What to do instead, in Vietnamese (default: choose another name for the output). */
  instead = "Hãy chọn tên khác cho tệp kết quả.",
): Promise<void> {
  const target = await resolveWriteTarget(output);
  const outStat = await fs.stat(target).catch(() => undefined);
  // Each input's look-ups synchronous: a province's hundreds of files, each a quick call, took
  // a wait on the thread pool apiece (part of what `cchc consolidate` made the user wait for).
  const realOf = (input: string) => {
    try {
      return realpathSync.native(input);
    } catch {
      return path.resolve(input);
    }
  };
  const sameInode = (input: string) => {
    const inStat = statSync(input, { throwIfNoEntry: false });
    return inStat !== undefined && inStat.dev === outStat!.dev && inStat.ino === outStat!.ino;
  };
  for (const input of inputs) {
    const sameFile = realOf(input) === target || (outStat !== undefined && safely(() => sameInode(input)));
    if (sameFile) {
      const how =
        path.resolve(input) === path.resolve(output) ? "" : ` (cùng một tệp trên đĩa, qua liên kết)`;
      throw new WorkbookFileError(
        "isInput",
        output,
        `Tệp kết quả "${output}" chính là tệp đầu vào "${input}"${how}: tệp đầu vào chỉ được đọc, không bao giờ bị ghi đè, kể cả với --force. ${instead} Không ghi tệp nào.`,
      );
    }
  }
}

/**
 * Refuses a target that exists and is read-only. The mode bits are read rather than asking
 * `access(W_OK)`, which says yes to an administrator (root) whatever the bits. A file that can
 * be neither written nor read (mode 000) is said to be unreadable, which the user meets first.
 */
export async function refuseReadOnly(file: string, target: string): Promise<void> {
  let stat: Stats;
  try {
    stat = await fs.stat(target);
  } catch (error) {
    if (systemCode(error) === "ENOENT") return;
    throw error;
  }
  if (!stat.isFile()) return;
  const readOnly =
    (stat.mode & 0o222) === 0 ||
    (await fs.access(target, fs.constants.W_OK).then(
      () => false,
      (error: unknown) => systemCode(error) === "EACCES" || systemCode(error) === "EPERM",
    ));
  // No read bit either (mode 000): what stops the user first is that the file cannot be read.
  if (
    readOnly &&
    (await fs.access(target, fs.constants.R_OK).then(
      () => false,
      (error: unknown) => systemCode(error) === "EACCES" || systemCode(error) === "EPERM",
    ))
  ) {
    throw new WorkbookFileError(
      "notWorkbook",
      file,
      `Không đọc được tệp "${file}": không có quyền đọc (cũng không có quyền ghi). Hãy cấp quyền đọc và ghi cho tệp rồi chạy lại.`,
    );
  }
  if (readOnly) {
    throw new WorkbookFileError(
      "readOnly",
      file,
      `Tệp "${file}" chỉ cho đọc (read-only): cchc không ghi đè. Hãy bỏ thuộc tính chỉ đọc của tệp rồi chạy lại.`,
    );
  }
}

/**
 * The owner files Excel leaves beside an open workbook. Excel names it `~$` + the file name,
 * dropping the first character of a 7-character stem and the first two of a longer one; both the
 * full and the shortened forms are looked for.
 */
export function excelOwnerFileNames(name: string): string[] {
  const stem = path.parse(name).name;
  const drop = stem.length >= 8 ? 2 : stem.length === 7 ? 1 : 0;
  return [...new Set([`~$${name}`, `~$${name.slice(drop)}`])];
}

/** The lock file LibreOffice keeps beside a document it has open. */
export function libreOfficeLockName(name: string): string {
  return `.~lock.${name}#`;
}

/** A short hash of a file's name: our lock's and temporary files' names stay short whatever it is. */
function nameHash(name: string): string {
  return createHash("sha1").update(name).digest("hex").slice(0, 12);
}

/** Our own lock's name: short whatever the file's name (a hash of it), so it never hits the name limit. */
export function cchcLockName(name: string): string {
  return `.cchc-${nameHash(name)}.lock`;
}

/** The name of a temporary file this process writes before renaming it over `name`. */
export function cchcTempName(name: string, pid = process.pid): string {
  return `.cchc-${nameHash(name)}-${pid}-${randomBytes(2).toString("hex")}.tmp`;
}

/**
 * How long an empty or unreadable lock is respected: writing one takes microseconds, so after
 * this it was left by a run that failed or was killed while writing it.
 */
export const BROKEN_LOCK_GRACE_MS = 5_000;

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, "utf8");
  } catch (error) {
    // A name too long for the folder cannot exist either.
    if (["ENOENT", "ENAMETOOLONG", "ENOTDIR"].includes(systemCode(error) ?? "")) return undefined;
    throw error;
  }
}

/** Refuses a file LibreOffice or Excel holds open (their lock files are beside it). */
async function refuseForeignLocks(file: string, folders: readonly string[], name: string): Promise<void> {
  for (const folder of folders) {
    const office = path.join(folder, libreOfficeLockName(name));
    const text = await readIfPresent(office);
    if (text !== undefined) {
      // `user,host,userid,date,url;` — the first field names who has it open.
      const who = text.split(",")[0]?.trim();
      throw new WorkbookFileError(
        "locked",
        file,
        `Tệp "${file}" đang được mở trong LibreOffice${who ? ` (bởi ${who})` : ""}: hãy đóng tệp rồi chạy lại. ` +
          `Nếu không còn ai mở, hãy xoá tệp khoá "${office}".`,
      );
    }
    for (const owner of excelOwnerFileNames(name)) {
      const ownerPath = path.join(folder, owner);
      if ((await readIfPresent(ownerPath)) !== undefined) {
        throw new WorkbookFileError(
          "locked",
          file,
          `Tệp "${file}" đang được mở trong Excel: hãy đóng tệp rồi chạy lại. ` +
            `Nếu không còn ai mở, hãy xoá tệp khoá "${ownerPath}".`,
        );
      }
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return systemCode(error) === "EPERM";
  }
}

/** Writes our lock; a lock that could not be written whole (a full disk) is removed, never left. */
async function writeLock(file: string, lockPath: string, contents: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof fs.open>>;
  try {
    handle = await fs.open(lockPath, "wx");
  } catch (error) {
    if (systemCode(error) === "EEXIST") return false;
    throw lockWriteFailed(file, error);
  }
  try {
    await handle.writeFile(contents);
    await handle.close();
    return true;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(lockPath, { force: true });
    throw lockWriteFailed(file, error);
  }
}

function lockWriteFailed(file: string, error: unknown): WorkbookFileError {
  const why = systemReason(error) ?? systemCode(error) ?? "lỗi";
  return new WorkbookFileError(
    "writeFailed",
    file,
    `Không ghi được vào thư mục của tệp "${file}" (${why}). Tệp không bị thay đổi.`,
    { cause: error },
  );
}

/**
 * Whether a lock found beside the file is left over: its process is gone (same machine), or it
 * is empty or unreadable and older than BROKEN_LOCK_GRACE_MS. A live process's lock, one from
 * another machine (a shared folder) and a fresh broken one (being written now) are respected.
 */
async function staleLock(lockPath: string): Promise<{ stale: boolean; pid?: number; text?: string }> {
  const text = await readIfPresent(lockPath);
  if (text === undefined) return { stale: true };
  let holder: { pid?: unknown; host?: unknown } | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null) holder = parsed as typeof holder;
  } catch {
    // Empty or cut short: judged by its age below.
  }
  if (!holder || typeof holder.pid !== "number") {
    const age = await fs.stat(lockPath).then(
      (stat) => Date.now() - stat.mtimeMs,
      () => Infinity,
    );
    return { stale: age > BROKEN_LOCK_GRACE_MS, text };
  }
  const pid = holder.pid;
  return { stale: holder.host === os.hostname() && !processAlive(pid), pid, text };
}

/** Takes our lock beside `target`; a lock left over (see `staleLock`) is taken over. */
async function takeLock(file: string, lockPath: string): Promise<void> {
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await writeLock(file, lockPath, mine)) return;
    const { stale, pid, text } = await staleLock(lockPath);
    if (!stale) {
      throw new WorkbookFileError(
        "locked",
        file,
        `Tệp "${file}" đang được một lệnh cchc khác ghi${pid !== undefined ? ` (tiến trình ${pid})` : ""}: ` +
          `hãy chờ lệnh đó xong rồi chạy lại. Nếu không còn lệnh nào chạy, hãy xoá tệp khoá "${lockPath}".`,
      );
    }
    // Only the lock judged stale: not one another cchc took over meanwhile.
    if ((await readIfPresent(lockPath)) === text) await fs.rm(lockPath, { force: true });
  }
  throw new WorkbookFileError(
    "locked",
    file,
    `Tệp "${file}" đang bị khoá bởi một lệnh cchc khác: hãy chạy lại sau.`,
  );
}

/**
 * Removes the temporary files earlier runs on `target` left beside it (killed before their
 * rename): ours by name (`cchcTempName` of this target), whose process no longer runs. Called
 * with the target's lock held, so no other cchc is writing that target. A file that cannot be
 * removed is left (the write itself does not need it gone).
 */
async function removeLeftoverTemps(target: string): Promise<void> {
  const folder = path.dirname(target);
  const ours = new RegExp(`^\\.cchc-${nameHash(path.basename(target))}-(\\d+)-[0-9a-f]{4}\\.tmp$`);
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const pid = ours.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || processAlive(Number(pid))) continue;
    await fs.rm(path.join(folder, name), { force: true }).catch(() => undefined);
  }
}

/**
 * Runs `work` while holding the write lock of `file`: refuses first (WorkbookFileError, nothing
 * touched) a read-only file and a file open in LibreOffice or Excel, then keeps other cchc
 * commands off the file until `work` ends. Holding the lock, it first removes the temporary files
 * killed runs on this file left beside it. For commands that read a file and write it back, or
 * write a new one.
 */
export async function withFileLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const target = await resolveWriteTarget(file);
  await refuseReadOnly(file, target);
  const folders = [...new Set([path.dirname(path.resolve(file)), path.dirname(target)])];
  await refuseForeignLocks(file, folders, path.basename(target));
  if (path.basename(path.resolve(file)) !== path.basename(target)) {
    await refuseForeignLocks(file, folders, path.basename(path.resolve(file)));
  }
  const lockPath = path.join(path.dirname(target), cchcLockName(path.basename(target)));
  await takeLock(file, lockPath);
  try {
    await removeLeftoverTemps(target);
    return await work();
  } finally {
    await fs.rm(lockPath, { force: true });
  }
}

/**
 * Writes bytes to `file` atomically (see the module comment). The permissions of the file being
 * replaced are kept. Raises WorkbookFileError `readOnly` for a read-only target, `changed`
 * when `unchangedSince` no longer matches the file on disk, and `exists` when `expectAbsent`
 * (a new file, written without --force) and a file of that name appeared meanwhile; other
 * failures are the system's error, with the target untouched and no temporary file left.
 */
export async function writeFileAtomic(
  file: string,
  data: Uint8Array,
  options: { unchangedSince?: FileStamp; expectAbsent?: boolean } = {},
): Promise<void> {
  const target = await resolveWriteTarget(file);
  await refuseReadOnly(file, target);
  const temp = path.join(path.dirname(target), cchcTempName(path.basename(target)));
  const before = await fs.stat(target).then(
    (stat) => stat,
    (error: unknown) => {
      if (systemCode(error) === "ENOENT") return undefined;
      throw error;
    },
  );
  // Keep the permissions of the file being replaced; a new file gets the usual default.
  const mode = before?.isFile() ? before.mode & 0o777 : undefined;
  let created = false;
  try {
    const handle = await fs.open(temp, "wx", mode ?? 0o666);
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await fs.chmod(temp, mode);
    if (options.unchangedSince) {
      const now = await stampFile(target);
      if (!now || !sameStamp(now, options.unchangedSince)) {
        throw new WorkbookFileError(
          "changed",
          file,
          `Tệp "${file}" vừa bị thay đổi bởi chương trình khác trong lúc cchc làm việc: cchc không ghi đè. Hãy chạy lại lệnh.`,
        );
      }
    }
    if (options.expectAbsent) await linkAsNewFile(file, temp, target);
    else await fs.rename(temp, target);
  } catch (error) {
    if (created) await fs.rm(temp, { force: true });
    // The folder went away (or never was): said as such, not as the system's ENOENT.
    else if (systemCode(error) === "ENOENT") await refuseMissingFolder(file);
    throw error;
  }
}

/**
 * Puts the finished temporary file in place as a new file, never over one that appeared while
 * cchc worked (another program, another cchc): a hard link fails when the name exists, at
 * once and atomically. A file system without hard links (FAT on a USB stick, some network
 * shares) gets the check just before the rename instead. The temporary file is left for the
 * caller to remove.
 */
async function linkAsNewFile(file: string, temp: string, target: string): Promise<void> {
  const appeared = () =>
    new WorkbookFileError(
      "exists",
      file,
      `Tệp "${file}" vừa được tạo (bởi chương trình khác) trong lúc cchc làm việc: cchc không ghi đè. Hãy chọn tên khác, hoặc thêm --force để ghi đè.`,
    );
  try {
    await fs.link(temp, target);
    await fs.rm(temp, { force: true });
    return;
  } catch (error) {
    if (systemCode(error) === "EEXIST") throw appeared();
  }
  if (
    await fs.lstat(target).then(
      () => true,
      () => false,
    )
  )
    throw appeared();
  await fs.rename(temp, target);
}
