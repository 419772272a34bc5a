/**
 * A user's .xlsx as what it is, an Open Packaging Conventions package: a zip of parts, tied by
 * relationship parts and typed by `[Content_Types].xml`. Parts are held as bytes and handed out
 * as text or DOM only when asked; a part nobody changed is written back exactly as it was read
 * (same bytes, same order in the archive), so what cchc does not own it does not touch. Parts
 * are read through `ZipArchive` (the limits of `partLimits.ts`): a part is inflated only when a
 * command asks for it, and one nobody changed is copied as its compressed bytes with its CRC and
 * sizes, never inflated, so a zip bomb in a part that is not ours costs nothing.
 *
 * Browser-safe: parts are inflated and deflated by fflate unless the caller hands in other
 * codecs (`PackageCodecs`); the command line hands in Node's native zlib (`node/nativeCodecs.ts`).
 */
import { Deflate, deflateSync, strFromU8, strToU8, Zip, ZipPassThrough, type ZipInputFile } from "fflate";
import type { Document, Element } from "@xmldom/xmldom";
import { STRICT_MAIN_NS, elements, parseXml, serializeXml, toStrict } from "../xml/dom";
import { PartRefusedError } from "../zip/partLimits";
import { fflateInflater, ZipArchive, ZipFormatError, type Inflater, type ZipEntry } from "../zip/zipArchive";
import { StreamedPart, type BlockDeflater } from "../zip/streamedPart";
import { otherFormatOf, type OtherFormat } from "./otherFormats";
import {
  contentTypeOf,
  CONTENT_TYPES_PART,
  parseContentTypes,
  type ContentTypes,
} from "../parts/contentTypes/read";
import { addOverride, EMPTY_CONTENT_TYPES, removeOverride } from "../parts/contentTypes/edit";
import {
  parseRelationships,
  relsPartOf,
  resolveTarget,
  type Relationship,
} from "../parts/relationships/read";
import { appendRelationship, deleteRelationship, EMPTY_RELATIONSHIPS } from "../parts/relationships/edit";

export { relsPartOf, resolveTarget, type Relationship };

/** Why a file cannot be read as a package, for the caller's Vietnamese message. */
export type PackageProblem =
  /** An empty file. */
  | "empty"
  /** An OLE compound file: an old .xls, or an .xlsx encrypted with a password. */
  | "ole"
  /** Not a zip at all (text, an image …). */
  | "notZip"
  /** A zip that cannot be read through (truncated, damaged). */
  | "brokenZip"
  /** A zip that holds no workbook (a .docx, a plain archive). */
  | "notWorkbook";

export class PackageError extends Error {
  constructor(
    readonly problem: PackageProblem,
    detail: string,
    /** For "notWorkbook": the spreadsheet format the zip is, when it is one (`otherFormats.ts`). */
    readonly format?: OtherFormat,
  ) {
    super(detail);
    this.name = "PackageError";
  }
}

/** The largest size a zip entry without zip64 records holds. */
const MAX_32 = 0xffffffff;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** zlib's level for the parts written anew (see `fflateCodecs`, `nativeCodecs`). */
export const DEFLATE_LEVEL = 3;

/**
 * How a package inflates the parts it reads (and checks their CRC) and deflates the parts it
 * writes anew: fflate's by default (browser-safe), Node's native zlib on the command line
 * (several times faster; `node/nativeCodecs.ts`).
 */
export interface PackageCodecs {
  inflater: Inflater;
  /** A whole part as one raw deflate stream (no zlib header), as a zip entry holds it. */
  deflateRaw(data: Uint8Array): Uint8Array;
  /**
   * A part written in blocks (`writePart`): a new deflater for one part, each block's output
   * following the previous ones' in one raw deflate stream, the last block's ending it.
   */
  deflateBlocks(): BlockDeflater;
}

/**
 * fflate's codecs, in JavaScript. Level 3 deflates a sheet in about half the time of zlib's
 * default 6 for a file some 4% larger, which the user waiting notices more.
 */
export const fflateCodecs: PackageCodecs = {
  inflater: fflateInflater,
  deflateRaw: (data) => deflateSync(data, { level: DEFLATE_LEVEL }),
  deflateBlocks: () => {
    // One fflate stream over the part's blocks; each block copied, as the stream may keep it.
    const stream = new Deflate({ level: DEFLATE_LEVEL });
    let out: Uint8Array[] = [];
    stream.ondata = (chunk) => out.push(chunk);
    return (data, final) => {
      stream.push(data.slice(), final);
      const chunks = out;
      out = [];
      return concatBytes(chunks);
    };
  },
};

/** Byte arrays one after the other. */
function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

export class XlsxPackage {
  /** Parts in archive order (zip entry names; folders left out). */
  private readonly order: string[];
  /** Parts read (inflated) or set; a part of the archive not yet read is not here. */
  private readonly bytes = new Map<string, Uint8Array>();
  /** Parts whose content is still the archive's entry: copied compressed on save. */
  private readonly original = new Set<string>();
  /** Parts parsed to DOM and possibly edited: serialized again on save. */
  private readonly doms = new Map<string, Document>();
  private readonly changed = new Set<string>();
  /** Parts written in pieces, held compressed (`writePart`). */
  private readonly streamed = new Map<string, StreamedPart>();
  /**
   * Relationships and content types as last parsed, by part, until that part changes: applying
   * a consolidation's eleven sheets asked for them some two hundred times, each time serializing
   * the edited part and parsing it again (a tenth of writing the result).
   */
  private readonly parsed = new Map<string, readonly Relationship[] | ContentTypes>();

  private constructor(
    private readonly codecs: PackageCodecs,
    private readonly archive?: ZipArchive,
  ) {
    this.order = archive ? archive.entries.map((e) => e.name) : [];
    for (const name of this.order) this.original.add(name);
  }

  /**
   * Reads a package from bytes (its directory only: parts are inflated when asked for); a
   * PackageError says why it is not one, a PartRefusedError (`partLimits.ts`) names a part
   * refused by the limits. `codecs`: fflate's unless given.
   */
  static fromBytes(data: Uint8Array, codecs: PackageCodecs = fflateCodecs): XlsxPackage {
    if (data.length === 0) throw new PackageError("empty", "empty file");
    if (OLE_SIGNATURE.every((b, i) => data[i] === b)) throw new PackageError("ole", "OLE compound file");
    if (!(data[0] === 0x50 && data[1] === 0x4b)) throw new PackageError("notZip", "no zip signature");
    const pkg = new XlsxPackage(
      codecs,
      brokenAsPackageError(() => ZipArchive.open(data, codecs.inflater)),
    );
    const workbook = pkg.has("[Content_Types].xml") ? pkg.workbookPart() : undefined;
    // A Word or PowerPoint file is a package too, with its main part where a workbook's would
    // be: only a spreadsheet's main content type makes it a workbook (transitional, Strict,
    // macro-enabled and template workbooks all name "sheet" in it).
    if (!workbook || !/(spreadsheetml|ms-excel)\.(sheet|template)/.test(pkg.contentType(workbook) ?? "")) {
      const parts = { has: (part: string) => pkg.has(part), read: (part: string) => pkg.data(part) };
      throw new PackageError("notWorkbook", "no workbook part", otherFormatOf(parts));
    }
    return pkg;
  }

  /** An empty package to build a new workbook in; `codecs`: fflate's unless given. */
  static empty(codecs: PackageCodecs = fflateCodecs): XlsxPackage {
    return new XlsxPackage(codecs);
  }

  has(part: string): boolean {
    return this.bytes.has(part) || this.doms.has(part) || this.original.has(part) || this.streamed.has(part);
  }

  /** Every part's name, in archive order. */
  parts(): string[] {
    return [...this.order];
  }

  /** A part's bytes as they are now (serializing an edited DOM). */
  data(part: string): Uint8Array | undefined {
    const dom = this.doms.get(part);
    if (dom && this.changed.has(part)) return strToU8(serializeXml(dom));
    const streamed = this.streamed.get(part);
    if (streamed) return streamed.bytes();
    const known = this.bytes.get(part);
    if (known || !this.original.has(part) || !this.archive) return known;
    const data = brokenAsPackageError(() => this.archive!.read(part));
    if (data) this.bytes.set(part, data);
    return data;
  }

  text(part: string): string | undefined {
    const data = this.data(part);
    return data && strFromU8(data);
  }

  /** The part as a DOM, parsed once; edits to it are saved when `touch` is called. */
  dom(part: string): Document | undefined {
    const cached = this.doms.get(part);
    if (cached) return cached;
    const text = this.text(part);
    if (text === undefined) return undefined;
    const doc = parseXml(part, text);
    this.doms.set(part, doc);
    return doc;
  }

  /** Marks a part's DOM as edited. */
  touch(part: string): void {
    if (!this.doms.has(part)) throw new Error(`touch of a part never read: ${part}`);
    this.changed.add(part);
    this.parsed.delete(part);
  }

  /** Drops every content of a part and what was parsed of it (its place in the archive stays). */
  private forget(part: string): void {
    this.parsed.delete(part);
    this.doms.delete(part);
    this.changed.delete(part);
    this.original.delete(part);
    this.streamed.delete(part);
    this.bytes.delete(part);
  }

  /** Makes way for a part's new content: a new part at the end of the archive, an old one forgotten. */
  private replace(part: string): void {
    if (!this.has(part)) this.order.push(part);
    this.forget(part);
  }

  /** Sets a part's content (text or bytes), adding it at the end of the archive if new. */
  setPart(part: string, content: string | Uint8Array): void {
    this.replace(part);
    this.bytes.set(part, typeof content === "string" ? strToU8(content) : content);
  }

  /**
   * Sets a part's content from text `write` pushes in pieces, deflated as it comes: the whole
   * text is never held (a sheet of 300,000 cells), only its compressed bytes until saved.
   */
  writePart(part: string, write: (push: (text: string) => void) => void): void {
    this.replace(part);
    const streamed = new StreamedPart(part, this.codecs.deflateBlocks());
    write((text) => streamed.write(text));
    streamed.end();
    this.streamed.set(part, streamed);
  }

  /** Removes a part and its content-type override (its relationships part too). */
  removePart(part: string): void {
    for (const name of [part, relsPartOf(part)]) {
      this.forget(name);
      const at = this.order.indexOf(name);
      if (at >= 0) this.order.splice(at, 1);
    }
    const types = this.dom(CONTENT_TYPES_PART);
    if (types && removeOverride(types, part)) this.touch(CONTENT_TYPES_PART);
  }

  /** Removes the relationship `id` from `part`'s relationships. */
  removeRelationship(part: string, id: string): void {
    const relsPart = relsPartOf(part);
    const doc = this.dom(relsPart);
    if (doc && deleteRelationship(doc, id)) this.touch(relsPart);
  }

  /** Sets a part to a DOM (new or replaced), serialized on save. */
  setDom(part: string, doc: Document): void {
    this.replace(part);
    this.doms.set(part, doc);
    this.changed.add(part);
  }

  /** The workbook part's path, through the package relationships (`xl/workbook.xml` usually). */
  workbookPart(): string | undefined {
    const rel = this.relationships("").find((r) => /\/officeDocument$/.test(r.type));
    const part = rel?.part ?? "xl/workbook.xml";
    return this.has(part) ? part : undefined;
  }

  /** The relationships of `part` ("" for the package's own), read by the one relationships parser. */
  relationships(part: string): readonly Relationship[] {
    const relsPart = relsPartOf(part);
    const known = this.parsed.get(relsPart) as readonly Relationship[] | undefined;
    if (known) return known;
    const text = this.text(relsPart);
    const relationships = Object.freeze(text === undefined ? [] : parseRelationships(text, part, relsPart));
    this.parsed.set(relsPart, relationships);
    return relationships;
  }

  /**
   * Whether the workbook is Strict Open XML (its workbook part in Strict's namespace): then
   * every part and relationship type added is written in Strict's namespaces too.
   */
  get strict(): boolean {
    const part = this.workbookPart();
    return !!part && this.dom(part)?.documentElement?.namespaceURI === STRICT_MAIN_NS;
  }

  /** Transitional text (a skeleton, a type) in the package's own conformance. */
  conform(text: string): string {
    return this.strict ? toStrict(text) : text;
  }

  /**
   * Adds a relationship from `part` to `target` part; returns its new id. `type` is given as
   * transitional and written in the package's conformance.
   */
  addRelationship(part: string, type: string, targetPart: string): string {
    type = this.conform(type);
    const relsPart = relsPartOf(part);
    let doc = this.dom(relsPart);
    if (!doc) {
      doc = parseXml(relsPart, EMPTY_RELATIONSHIPS);
      this.setDom(relsPart, doc);
    }
    const id = appendRelationship(doc, part, type, targetPart);
    this.touch(relsPart);
    return id;
  }

  /** The content type of a part, from its override or its extension's default. */
  contentType(part: string): string | undefined {
    let types = this.parsed.get(CONTENT_TYPES_PART) as ContentTypes | undefined;
    if (!types) {
      const text = this.text(CONTENT_TYPES_PART);
      if (text === undefined) return undefined;
      types = parseContentTypes(text);
      this.parsed.set(CONTENT_TYPES_PART, types);
    }
    return contentTypeOf(types, part);
  }

  /** Declares a new part's content type with an override. */
  addContentType(part: string, contentType: string): void {
    if (this.contentType(part) === contentType) return;
    let doc = this.dom(CONTENT_TYPES_PART);
    if (!doc) {
      doc = parseXml(CONTENT_TYPES_PART, EMPTY_CONTENT_TYPES);
      this.setDom(CONTENT_TYPES_PART, doc);
    }
    addOverride(doc, part, contentType);
    this.touch(CONTENT_TYPES_PART);
  }

  /** A part name not yet used: `xl/worksheets/sheet` + n + `.xml`. */
  freePartName(prefix: string, suffix: string): string {
    const lower = new Set([...this.order, ...this.doms.keys()].map((p) => p.toLowerCase()));
    let n = 1;
    while (lower.has(`${prefix}${n}${suffix}`.toLowerCase())) n++;
    return `${prefix}${n}${suffix}`;
  }

  /** Whether a part was edited or added (tests and the lost-parts check use it). */
  isChanged(part: string): boolean {
    return this.changed.has(part);
  }

  /**
   * The package as zip bytes: parts in their original order, `[Content_Types].xml` first. A part
   * as it was in the archive (not changed, whether read or not) is copied as its compressed bytes
   * with its CRC, sizes and date; the others are deflated anew.
   */
  toBytes(): Uint8Array {
    const chunks: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((error, chunk) => {
      if (error) failure = error;
      else chunks.push(chunk);
    });
    const names = ["[Content_Types].xml", ...this.order.filter((p) => p !== "[Content_Types].xml")];
    for (const name of names) {
      const entry =
        this.original.has(name) && !this.changed.has(name) ? this.archive?.entry(name) : undefined;
      if (entry) {
        // fflate writes no zip64 records: an entry of 4 GiB or more (only a bomb is) cannot be copied.
        if (entry.size > MAX_32 || entry.compressedSize > MAX_32)
          throw new PartRefusedError("tooLarge", name);
        const copy = new RawEntry(entry);
        zip.add(copy);
        copy.send(this.archive!.raw(entry));
        continue;
      }
      const streamed = this.streamed.get(name);
      if (streamed) {
        zip.add(streamed);
        streamed.send();
        continue;
      }
      const data = this.data(name);
      if (!data) continue;
      // Pictures and binaries are compressed already: stored as they are.
      const file = /\.(png|jpe?g|gif|bin)$/i.test(name)
        ? new ZipPassThrough(name)
        : new DeflatedEntry(name, this.codecs.deflateRaw);
      zip.add(file);
      file.push(data, true);
    }
    zip.end();
    if (failure) throw failure;
    const total = chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/**
 * A zip entry deflated by the package's codec (Node's native zlib on the command line, several
 * times faster than a JavaScript deflate), through fflate's documented extension point for
 * custom compression.
 */
class DeflatedEntry extends ZipPassThrough {
  constructor(
    filename: string,
    private readonly deflateRaw: PackageCodecs["deflateRaw"],
  ) {
    super(filename);
    this.compression = 8;
  }

  protected process(chunk: Uint8Array, final: boolean): void {
    // Parts are pushed whole (one final chunk), so one raw deflate is the entry's data.
    this.ondata(null, this.deflateRaw(chunk) as Uint8Array<ArrayBuffer>, final);
  }
}

/**
 * An archive entry copied as stored: its compressed bytes, CRC, sizes, method and date as they
 * were, through fflate's documented `ZipInputFile` interface (a part not ours stays byte for
 * byte, and is never inflated).
 */
class RawEntry implements ZipInputFile {
  readonly filename: string;
  readonly size: number;
  readonly crc: number;
  readonly compression: number;
  readonly mtime: Date;
  ondata?: ZipInputFile["ondata"];

  constructor(entry: ZipEntry) {
    this.filename = entry.name;
    this.size = entry.size;
    this.crc = entry.crc;
    this.compression = entry.method;
    this.mtime = dosDate(entry.dosTime);
  }

  /** Hands the compressed bytes to the archive being written (after `Zip.add`). */
  send(raw: Uint8Array): void {
    // fflate types chunks as Uint8Array<ArrayBuffer>; a view of the read archive is one.
    this.ondata!(null, raw as Uint8Array<ArrayBuffer>, true);
  }
}

/** An MS-DOS date and time (local, two-second steps) as a Date, so that it is written back the same. */
function dosDate(dos: number): Date {
  const date = new Date(
    ((dos >>> 25) & 0x7f) + 1980,
    ((dos >>> 21) & 0x0f) - 1,
    (dos >>> 16) & 0x1f,
    (dos >>> 11) & 0x1f,
    (dos >>> 5) & 0x3f,
    (dos & 0x1f) * 2,
  );
  // A date fflate cannot write (outside 1980–2099, or no date at all): today's, as before.
  return Number.isNaN(date.getTime()) || date.getFullYear() < 1980 || date.getFullYear() > 2099
    ? new Date()
    : date;
}

/** Runs a read of the archive, a damaged one (ZipFormatError) becoming PackageError("brokenZip"). */
function brokenAsPackageError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ZipFormatError) throw new PackageError("brokenZip", error.message);
    throw error;
  }
}

/** Element helper re-exported for parts code. */
export type { Document, Element };
export { elements };
