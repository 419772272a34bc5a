/**
 * Telling an encrypted workbook from a damaged one, from its bytes alone (no Node API: the task
 * pane's reader uses it too). Two kinds reach cchc:
 *
 * - a workbook given a password in Excel (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng
 *   mật khẩu) is no longer a zip: it is an OLE compound file (starts D0 CF 11 E0 A1 B1 1A E1)
 *   holding the streams `EncryptionInfo` and `EncryptedPackage` ([MS-OFFCRYPTO] §2.3.4);
 * - a zip whose entries were encrypted by an archiver (ZipCrypto or AES, "general purpose bit
 *   0" set in the entry's header, APPNOTE.TXT §4.4.4).
 *
 * Either way cchc cannot read it and says so, instead of calling it damaged.
 */

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** `EncryptedPackage` as an OLE directory entry writes its name: UTF-16LE. */
const ENCRYPTED_PACKAGE = Uint8Array.from([..."EncryptedPackage"].flatMap((ch) => [ch.charCodeAt(0), 0]));

/** What is encrypted in a file: the whole workbook (Excel's password) or a zip entry. */
export type Encryption = { kind: "password" } | { kind: "zipEntry"; entry: string };

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  outer: for (
    let i = bytes.indexOf(first);
    i >= 0 && i <= bytes.length - needle.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) =>
  (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/** The first encrypted entry of a zip (its central directory, else its first local header). */
function encryptedZipEntry(bytes: Uint8Array): string | undefined {
  const name = (at: number, length: number) => new TextDecoder().decode(bytes.subarray(at, at + length));
  // End of central directory: 22 bytes plus a comment of at most 65,535.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) !== 0x06054b50) continue;
    const count = u16(bytes, at + 10);
    let entry = u32(bytes, at + 16);
    for (let i = 0; i < count && entry + 46 <= bytes.length && u32(bytes, entry) === 0x02014b50; i++) {
      const nameLength = u16(bytes, entry + 28);
      if (u16(bytes, entry + 8) & 1) return name(entry + 46, nameLength);
      entry += 46 + nameLength + u16(bytes, entry + 30) + u16(bytes, entry + 32);
    }
    return undefined;
  }
  // No directory (a cut archive): the first entry's own header.
  if (bytes.length >= 30 && u32(bytes, 0) === 0x04034b50 && u16(bytes, 6) & 1)
    return name(30, u16(bytes, 26));
  return undefined;
}

/** What of the file is encrypted, or undefined for a file that is not (or not recognisably). */
export function encryptionOf(bytes: Uint8Array): Encryption | undefined {
  if (startsWith(bytes, OLE_SIGNATURE))
    return contains(bytes, ENCRYPTED_PACKAGE) ? { kind: "password" } : undefined;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const entry = encryptedZipEntry(bytes);
    return entry === undefined ? undefined : { kind: "zipEntry", entry };
  }
  return undefined;
}

/** What the user reads: the file (named by `what`, e.g. `Tệp "a.xlsx"` or `Tệp`) is encrypted, and what to do. */
export function encryptionMessage(what: string, encryption: Encryption): string {
  if (encryption.kind === "password")
    return (
      `${what} được đặt mật khẩu (mã hóa) trong Excel nên cchc không đọc được. Hãy mở tệp bằng Excel, vào ` +
      "Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu, lưu lại rồi chạy lại."
    );
  return (
    `${what} có phần "${encryption.entry}" bị mã hóa bằng mật khẩu khi nén nên cchc không đọc được. ` +
    "Hãy lấy bản gốc không đặt mật khẩu, hoặc giải nén bằng mật khẩu rồi mở bằng Excel và lưu lại thành .xlsx."
  );
}
