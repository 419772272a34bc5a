/**
 * Hostile zip archives built by the tests themselves (issue 20): entries written byte by byte, so
 * a test can lie about a CRC or a size, repeat a name, or add a part of gigabytes of zeros that
 * costs a few hundred KB on disk. Nothing here is the code under test: node's zlib deflates, and
 * the zip records are written from the format's description (PKWARE APPNOTE 4.3).
 */
import * as zlib from "zlib";

/** One entry: its name, its compressed bytes, and what its headers declare. */
export interface RawZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  data: Uint8Array;
  crc: number;
  size: number;
}

/** An entry deflated from `content`, with its true CRC and size unless told otherwise. */
export function deflatedEntry(
  name: string,
  content: string | Uint8Array,
  lie: { crc?: number; size?: number } = {},
): RawZipEntry {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return {
    name,
    method: 8,
    data: zlib.deflateRawSync(bytes),
    crc: lie.crc ?? zlib.crc32(bytes),
    size: lie.size ?? bytes.length,
  };
}

/**
 * An entry of `mib` MiB of one byte value (zeros, or spaces for a «whitespace sheet»), built
 * without ever holding it: one MiB is deflated with a sync flush (a block that refers only to
 * what came before, which is the same byte) and that block repeated, then a final empty block.
 */
export function bombEntry(name: string, mib: number, byte = 0): RawZipEntry {
  const block = Buffer.alloc(1024 * 1024, byte);
  const flushed = zlib.deflateRawSync(block, { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 });
  const data = Buffer.concat([...Array.from({ length: mib }, () => flushed), Buffer.from([0x03, 0x00])]);
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = zlib.crc32(block, crc);
  return { name, method: 8, data, crc, size: mib * 1024 * 1024 };
}

/** The entries of a zip file (read with fflate's directory parsing), compressed bytes untouched. */
export function rawEntries(zip: Uint8Array): RawZipEntry[] {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = view.length - 22;
  while (view.readUInt32LE(end) !== 0x06054b50) end--;
  const count = view.readUInt16LE(end + 10);
  let at = view.readUInt32LE(end + 16);
  const entries: RawZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = view.readUInt16LE(at + 10);
    const crc = view.readUInt32LE(at + 16);
    const compressed = view.readUInt32LE(at + 20);
    const size = view.readUInt32LE(at + 24);
    const nameLength = view.readUInt16LE(at + 28);
    const extra = view.readUInt16LE(at + 30);
    const comment = view.readUInt16LE(at + 32);
    const local = view.readUInt32LE(at + 42);
    const name = view.toString("utf8", at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28);
    entries.push({ name, method, data: view.subarray(dataAt, dataAt + compressed), crc, size });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** A zip file of these entries, in this order (names in UTF-8, no data descriptors, zip64 sizes where needed). */
export function buildZip(entries: readonly RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    // Sizes of 4 GiB or more go in a zip64 extra field (APPNOTE 4.5.3), the header's fields at their maximum.
    const zip64 = entry.size > 0xffffffff;
    const extra = Buffer.alloc(zip64 ? 20 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(entry.size), 4);
      extra.writeBigUInt64LE(BigInt(entry.data.length), 12);
    }
    const size = zip64 ? 0xffffffff : entry.size;
    const compressed = zip64 ? 0xffffffff : entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(0x00210000, 10); // 1 January 1980
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(compressed, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, extra, Buffer.from(entry.data));
    centrals.push(central, name, extra);
    offset += 30 + name.length + extra.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
