/**
 * The one zip reader of every command and of the pane: an archive's entries from its central
 * directory, each part inflated only when asked, within the limits of `partLimits.ts`, and
 * checked against the CRC-32 and size its entry declares. An entry nobody asks for is never
 * inflated: its compressed bytes, CRC and sizes are handed on as they are (`raw`), which is how
 * a part that is not ours is written back byte for byte. Browser-safe: fflate's streaming
 * inflate, no Node API.
 *
 * Refused with a PartRefusedError naming the entry: two entries of one name, a part past the
 * size limits, a CRC or size that does not match. A damaged archive (no central directory, an
 * entry pointing outside the file, an encrypted entry, a method other than stored/deflate for a
 * part that must be read) is a ZipFormatError, reported as a damaged file.
 */
import { Inflate, inflateSync } from "fflate";
import { looksLikeXml, MAX_PART_BYTES, MAX_READ_BYTES, PartRefusedError, vetXml } from "./partLimits";

/** An archive that cannot be read through: truncated, damaged, encrypted. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

/** One entry of the central directory. */
export interface ZipEntry {
  /** The name as stored (UTF-8, or CP437-era bytes read one per character). */
  name: string;
  /** 0 stored, 8 deflate (others are copied, never read). */
  method: number;
  /** The CRC-32 of the uncompressed data, as declared. */
  crc: number;
  /** Compressed size in bytes. */
  compressedSize: number;
  /** Uncompressed size in bytes, as declared. */
  size: number;
  /** The entry's MS-DOS date and time, as stored (kept on a raw copy). */
  dosTime: number;
  /** Where the compressed data starts in the archive. */
  dataOffset: number;
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) =>
  (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

const END_SIGNATURE = 0x06054b50;
const END64_LOCATOR = 0x07064b50;
const END64_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const MAX_32 = 0xffffffff;

const utf8 = new TextDecoder("utf-8");

/** A name as stored: UTF-8 when flagged so, else one character per byte (as fflate reads it). */
function entryName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return utf8.decode(bytes);
  let name = "";
  for (const byte of bytes) name += String.fromCharCode(byte);
  return name;
}

let crcTable: Int32Array | undefined;

/** The CRC-32 (ISO 3309, as zip uses) of `data`. */
export function crc32(data: Uint8Array): number {
  const table = (crcTable ??= (() => {
    const t = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c;
    }
    return t;
  })());
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/**
 * How entries are inflated and checked: fflate's (`fflateInflater`, browser-safe, the default)
 * or Node's native zlib (`nativeInflater` in `nativeInflate.ts`, which stops a stream at its declared size).
 */
export interface Inflater {
  /**
   * The raw deflate stream `raw` inflated, when it holds at most `size` bytes; undefined when it
   * holds more (stopped at once, never inflating past `size` + one step). Throws on a damaged stream.
   */
  inflate(raw: Uint8Array, size: number): Uint8Array | undefined;
  /** The CRC-32 (ISO 3309, as zip uses) of `data`. */
  crc32(data: Uint8Array): number;
}

/** Compressed parts up to this size are inflated in one call: a lie about their size costs at most 16 MB of work, nothing kept. */
const ONE_SHOT_INPUT = 16 * 1024;
/** Input fed to the streaming inflater at a time: deflate expands at most 1032:1, so a step overshoots `size` by 8 MB at most. */
const INFLATE_STEP = 8 * 1024;

/** fflate's inflate (browser-safe): one call for a small part, a stream cut off past `size` for a larger one. */
export const fflateInflater: Inflater = {
  inflate(raw, size) {
    if (raw.length <= ONE_SHOT_INPUT) {
      // A buffer one byte longer than declared: filling it means the stream holds more.
      let out: Uint8Array;
      try {
        out = inflateSync(raw, { out: new Uint8Array(size + 1) });
      } catch (error) {
        if (error instanceof RangeError) return undefined; // a stored block past the buffer's end
        throw error;
      }
      return out.length > size ? undefined : out;
    }
    const out = new Uint8Array(size);
    let length = 0;
    let over = false;
    let done = false;
    const inflater = new Inflate((chunk, final) => {
      if (length + chunk.length > size) over = true;
      else out.set(chunk, length);
      length += chunk.length;
      if (final) done = true;
    });
    for (let at = 0; at < raw.length && !done && !over; at += INFLATE_STEP) {
      const to = Math.min(at + INFLATE_STEP, raw.length);
      inflater.push(raw.subarray(at, to), to === raw.length);
    }
    if (over) return undefined;
    return length === size ? out : out.subarray(0, length);
  },
  crc32,
};

/** Parts larger than this (inflated) are not kept for the next archive. */
const KEPT_PART_BYTES = 256 * 1024;
/** At most this many part names, and this many bytes, are kept (all are dropped past either). */
const KEPT_PARTS = 64;
const KEPT_BYTES = 2 * 1024 * 1024;

/**
 * The parts last read under each name, for archives read one after another: the units of one
 * form carry byte for byte the same workbook part, relationships and meta sheet (its stored
 * form), and a part whose compressed bytes, CRC and sizes are those of a part already inflated,
 * checked and vetted is that part; it is handed back as it was (`read` callers never change
 * part bytes), without inflating it again. Only modest parts are kept, and a bounded number.
 */
export class PartsMetAgain {
  private readonly parts = new Map<
    string,
    { crc: number; size: number; method: number; compressed: Uint8Array; data: Uint8Array }
  >();
  /** Bytes kept, compressed and inflated. */
  private bytes = 0;

  /** The data of `entry` (its compressed bytes `raw`) when the same part was kept under its name. */
  find(entry: ZipEntry, raw: Uint8Array): Uint8Array | undefined {
    const kept = this.parts.get(entry.name);
    if (!kept || kept.crc !== entry.crc || kept.size !== entry.size || kept.method !== entry.method)
      return undefined;
    return sameBytes(kept.compressed, raw) ? kept.data : undefined;
  }

  /** Keeps `data`, read and checked from `raw`, for the next archive's part of that name. */
  keep(entry: ZipEntry, raw: Uint8Array, data: Uint8Array): void {
    if (data.length > KEPT_PART_BYTES) return;
    const before = this.parts.get(entry.name);
    if (before) this.bytes -= before.compressed.length + before.data.length;
    const adding = raw.length + data.length;
    if ((this.parts.size >= KEPT_PARTS && !before) || this.bytes + adding > KEPT_BYTES) {
      this.parts.clear();
      this.bytes = 0;
    }
    this.bytes += adding;
    this.parts.set(entry.name, {
      crc: entry.crc,
      size: entry.size,
      method: entry.method,
      compressed: raw.slice(),
      data,
    });
  }
}

/** Whether two byte arrays hold the same bytes. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  /** Bytes inflated so far by `read`, against `MAX_READ_BYTES`. */
  private inflated = 0;

  private constructor(
    private readonly data: Uint8Array,
    /** Entries in archive order. */
    readonly entries: readonly ZipEntry[],
    private readonly inflater: Inflater,
    private readonly metAgain?: PartsMetAgain,
  ) {
    for (const entry of entries) this.byName.set(entry.name, entry);
  }

  /**
   * Reads the central directory of `data` (nothing is inflated). Throws ZipFormatError for an
   * archive that cannot be read through, PartRefusedError("duplicate") for two entries whose
   * names are the same but for case (OPC compares part names without case; Excel refuses such
   * a file). With `metAgain`, a part the same as one an earlier archive read is not inflated
   * again (a consolidation's units).
   */
  static open(data: Uint8Array, inflater: Inflater = fflateInflater, metAgain?: PartsMetAgain): ZipArchive {
    let end = data.length - 22;
    while (end >= 0 && u32(data, end) !== END_SIGNATURE) {
      if (data.length - end > 65_557) end = -1;
      else end--;
    }
    if (end < 0) throw new ZipFormatError("no end of central directory");
    let count = u16(data, end + 10);
    let offset = u32(data, end + 16);
    if (end >= 20 && u32(data, end - 20) === END64_LOCATOR) {
      const end64 = u64(data, end - 12);
      if (end64 + 56 > data.length || u32(data, end64) !== END64_SIGNATURE)
        throw new ZipFormatError("bad zip64 end record");
      count = u64(data, end64 + 32);
      offset = u64(data, end64 + 48);
    }
    const entries: ZipEntry[] = [];
    const seen = new Set<string>();
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > data.length || u32(data, at) !== CENTRAL_SIGNATURE)
        throw new ZipFormatError("bad central directory entry");
      const flags = u16(data, at + 8);
      const method = u16(data, at + 10);
      const dosTime = u32(data, at + 12);
      const crc = u32(data, at + 16);
      let compressedSize = u32(data, at + 20);
      let size = u32(data, at + 24);
      const nameLength = u16(data, at + 28);
      const extraLength = u16(data, at + 30);
      const commentLength = u16(data, at + 32);
      let localOffset = u32(data, at + 42);
      const name = entryName(data.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0);
      // Zip64: the 32-bit fields at their maximum are in the extra field, in this order.
      const extraFrom = at + 46 + nameLength;
      for (let x = extraFrom; x + 4 <= extraFrom + extraLength; x += 4 + u16(data, x + 2)) {
        if (u16(data, x) !== ZIP64_EXTRA) continue;
        let field = x + 4;
        if (size === MAX_32) {
          size = u64(data, field);
          field += 8;
        }
        if (compressedSize === MAX_32) {
          compressedSize = u64(data, field);
          field += 8;
        }
        if (localOffset === MAX_32) localOffset = u64(data, field);
        break;
      }
      at = extraFrom + extraLength + commentLength;
      if (name.endsWith("/")) continue; // a folder
      if (flags & 1) throw new ZipFormatError(`encrypted entry ${name}`);
      if (localOffset + 30 > data.length || u32(data, localOffset) !== LOCAL_SIGNATURE)
        throw new ZipFormatError(`bad local header of ${name}`);
      const dataOffset = localOffset + 30 + u16(data, localOffset + 26) + u16(data, localOffset + 28);
      if (dataOffset + compressedSize > data.length) throw new ZipFormatError(`entry ${name} past the end`);
      const key = name.toLowerCase();
      if (seen.has(key)) throw new PartRefusedError("duplicate", name);
      seen.add(key);
      entries.push({ name, method, crc, compressedSize, size, dosTime, dataOffset });
    }
    return new ZipArchive(data, entries, inflater, metAgain);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** An entry's compressed bytes as stored (a view of the archive, not a copy). */
  raw(entry: ZipEntry): Uint8Array {
    return this.data.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  }

  /**
   * A part's data, inflated within `MAX_PART_BYTES` and what is left of `MAX_READ_BYTES`, and
   * checked against its declared size and CRC-32; an XML part (by its content) is vetted
   * (`vetXml`) here, so no parser of any reader ever sees a DTD or a nesting past the limit. Undefined when the archive has no such entry. Throws PartRefusedError naming
   * the part, or ZipFormatError for a stream that cannot be inflated.
   */
  read(name: string): Uint8Array | undefined {
    const entry = this.byName.get(name);
    if (!entry) return undefined;
    if (entry.size > MAX_PART_BYTES) throw new PartRefusedError("tooLarge", name);
    if (this.inflated + entry.size > MAX_READ_BYTES) throw new PartRefusedError("readTooLarge", name);
    const known = this.metAgain?.find(entry, this.raw(entry));
    if (known) {
      this.inflated += known.length;
      return known;
    }
    const data = this.inflate(entry);
    if (this.inflater.crc32(data) !== entry.crc) throw new PartRefusedError("crc", name);
    this.inflated += data.length;
    if (looksLikeXml(data)) vetXml(name, data);
    this.metAgain?.keep(entry, this.raw(entry), data);
    return data;
  }

  /** The entry's data, never more than its declared size (a longer stream is a size lie). */
  private inflate(entry: ZipEntry): Uint8Array {
    const raw = this.raw(entry);
    if (entry.method === 0) {
      if (raw.length !== entry.size) throw new PartRefusedError("size", entry.name);
      return raw.slice();
    }
    if (entry.size === 0 && raw.length === 0) return new Uint8Array(0);
    if (entry.method !== 8)
      throw new ZipFormatError(`entry ${entry.name}: compression method ${entry.method}`);
    let data: Uint8Array | undefined;
    try {
      data = this.inflater.inflate(raw, entry.size);
    } catch (error) {
      throw new ZipFormatError(
        `entry ${entry.name}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!data || data.length !== entry.size) throw new PartRefusedError("size", entry.name);
    return data;
  }
}
