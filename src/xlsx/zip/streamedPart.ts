/**
 * A part compressed as it is written: its text comes in pieces (a sheet's rows, one by one),
 * gathered into blocks of some 256 K characters, each encoded and deflated at once, so that
 * only the compressed bytes are kept (a consolidation's breakdown of the country's 3,300 units
 * is some 11 MB of XML, 1.4 MB deflated). Each block is deflated on its own and ends on a sync
 * flush (byte-aligned, not final), the last with the final block: their concatenation is one
 * valid raw DEFLATE stream (RFC 1951 §3.2.3: blocks are independent but for back-references,
 * and a fresh compressor makes none across the start of its block). The CRC and size are
 * fflate's, as for any entry (`ZipPassThrough.push`).
 */
import { inflateSync, ZipPassThrough } from "fflate";

/** Deflates one block: a sync flush when `final` is false, the stream's end when true. */
export type BlockDeflater = (data: Uint8Array, final: boolean) => Uint8Array;

/** Characters gathered before a block is deflated: large enough that the blocks cost no ratio. */
const BLOCK_CHARACTERS = 1 << 18;

const encoder = new TextEncoder();

export class StreamedPart extends ZipPassThrough {
  private readonly compressed: Uint8Array[] = [];
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(
    filename: string,
    private readonly deflate: BlockDeflater,
  ) {
    super(filename);
    this.compression = 8;
    this.ondata = (error, chunk) => {
      if (error) throw error;
      this.compressed.push(chunk);
    };
  }

  protected process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, this.deflate(chunk, final) as Uint8Array<ArrayBuffer>, final);
  }

  /** Adds a piece of the part's text. */
  write(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= BLOCK_CHARACTERS) this.flush(false);
  }

  /** Ends the part: its last block deflated, its CRC and size known. */
  end(): void {
    this.flush(true);
  }

  private flush(final: boolean): void {
    const block = encoder.encode(this.pending.join(""));
    this.pending = [];
    this.pendingLength = 0;
    this.push(block, final);
  }

  /** Hands the compressed bytes to the archive being written (after `Zip.add`, which sets `ondata`). */
  send(): void {
    const last = this.compressed.length - 1;
    this.compressed.forEach((chunk, i) => this.ondata(null, chunk as Uint8Array<ArrayBuffer>, i === last));
  }

  /** The part's bytes, inflated again (for a reader asking for a part written this way). */
  bytes(): Uint8Array {
    const total = this.compressed.reduce((n, c) => n + c.length, 0);
    const all = new Uint8Array(total);
    let at = 0;
    for (const chunk of this.compressed) {
      all.set(chunk, at);
      at += chunk.length;
    }
    return inflateSync(all, { out: new Uint8Array(this.size) });
  }
}
