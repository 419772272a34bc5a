/**
 * A part compressed as it is written: its text comes in pieces (a sheet's rows, one by one),
 * encoded into blocks of 512 KB, each deflated once full, so that
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

/** Bytes gathered before a block is deflated: large enough that the blocks cost little ratio. */
const BLOCK_BYTES = 1 << 19;

const encoder = new TextEncoder();

/**
 * A block no part is filling, for the next part to fill: parts are written one after another,
 * so one block serves them all, where a new 512 KB block per part (zeroed on allocation) cost
 * more than writing most of the small sheets themselves.
 */
let spareBlock: Uint8Array | undefined;

export class StreamedPart extends ZipPassThrough {
  private readonly compressed: Uint8Array[] = [];
  /** The block being filled (released once the part is ended), and how much of it is. */
  private block?: Uint8Array = takeBlock();
  private filled = 0;

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

  /** Adds a piece of the part's text, encoded (UTF-8) straight into the block. */
  write(text: string): void {
    const block = this.block;
    if (!block) throw new Error(`${this.filename} is ended: nothing more can be written`);
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    if (this.filled + 3 * text.length > block.length) this.flush(false);
    if (3 * text.length > block.length) this.push(encoder.encode(text), false);
    else this.filled += encoder.encodeInto(text, block.subarray(this.filled)).written;
  }

  /** Ends the part: its last block deflated, its CRC and size known. */
  end(): void {
    this.flush(true);
    spareBlock = this.block;
    this.block = undefined;
  }

  private flush(final: boolean): void {
    // Deflated (and its CRC taken) before `push` returns: the block can be filled again.
    this.push(this.block!.subarray(0, this.filled), final);
    this.filled = 0;
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

/** The spare block, or a new one when a part is filling it (two parts written at once). */
function takeBlock(): Uint8Array {
  const block = spareBlock ?? new Uint8Array(BLOCK_BYTES);
  spareBlock = undefined;
  return block;
}
