/**
 * Just enough of the ZIP format to vet a file before ExcelJS sees it. ExcelJS reports a
 * truncated or foreign archive with low-level stream errors (or not at all); reading the
 * central directory ourselves lets the command line say plainly what is wrong, list the parts
 * ExcelJS would silently drop on a rewrite, and read the few XML parts ExcelJS misreads.
 */
import { inflateRawSync } from "zlib";

export interface ZipEntry {
  /** Path inside the archive, e.g. `xl/workbook.xml`. */
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header in the archive. */
  localHeaderOffset: number;
}

/** The archive is not a ZIP file, or a damaged one. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** The end record is 22 bytes plus a comment of at most 65535 bytes. */
const MAX_END_SEARCH = 22 + 0xffff;

/** Whether the bytes start like a ZIP archive (local file header `PK\3\4`). */
export function hasZipSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32LE(0) === LOCAL_HEADER;
}

/** Whether the bytes are an OLE compound file: an old .xls, or an .xlsx encrypted with a password. */
export function hasOleSignature(bytes: Uint8Array): boolean {
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= ole.length && ole.every((b, i) => bytes[i] === b);
}

/** The entries of the central directory; throws ZipFormatError when the archive is damaged. */
export function listZipEntries(bytes: Buffer): ZipEntry[] {
  if (!hasZipSignature(bytes)) throw new ZipFormatError("không phải tệp nén ZIP");
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - MAX_END_SEARCH); i--) {
    if (bytes.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  // A truncated download or copy loses the directory at the end of the archive first.
  if (end < 0) throw new ZipFormatError("tệp nén bị cụt (thiếu mục lục ZIP)");
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff)
    throw new ZipFormatError("tệp ZIP64 không được hỗ trợ");
  if (directoryOffset + directorySize > end) throw new ZipFormatError("mục lục ZIP hỏng");

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL_HEADER)
      throw new ZipFormatError("mục lục ZIP hỏng");
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString("utf8", at + 46, at + 46 + nameLength),
    };
    if (entry.localHeaderOffset + 30 + entry.compressedSize > directoryOffset) {
      throw new ZipFormatError(`phần "${entry.name}" nằm ngoài tệp nén`);
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The uncompressed bytes of one entry. */
export function readZipEntry(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (bytes.readUInt32LE(at) !== LOCAL_HEADER) throw new ZipFormatError(`phần "${entry.name}" hỏng`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method !== 8)
    throw new ZipFormatError(`phần "${entry.name}" nén theo cách không hỗ trợ (${entry.method})`);
  try {
    return inflateRawSync(data);
  } catch (error) {
    throw new ZipFormatError(
      `phần "${entry.name}" hỏng (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
