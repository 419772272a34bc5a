/**
 * Text as the reader finds it in a part: the part's bytes seen one byte per character for
 * search (`PartText`), the plain text of an element read as found (XML's named entities decoded
 * by the `entities` library), Excel's `_xHHHH_` escapes decoded, and copies that do not keep a
 * whole part alive. Browser-safe: no Node API is required (Node's Buffer is used when present).
 */
// The decoder alone: the package's index loads its encoders and their tables too (start-up time).
import { decodeXML } from "entities/decode";

const decoder = new TextDecoder("utf-8");
/** One character per byte, for search only (the browser's "latin1" is windows-1252: also one per byte). */
const latin1Decoder = new TextDecoder("latin1");

/**
 * A part's bytes seen two ways: `scan`, one character per byte, where markup is found by plain
 * search at byte offsets without decoding any text, and `utf8(from, to)`, the real text of a
 * piece. A Vietnamese part costs some forty times more to decode as UTF-8 than to copy byte for
 * byte, and the reader needs only a few pieces of most parts.
 */
export class PartText {
  private scanned?: string;
  private decoded?: string;

  constructor(readonly bytes: Uint8Array) {}

  /** The bytes as Latin-1 text: index i is byte i. Markup is ASCII, so it reads the same. */
  get scan(): string {
    if (this.scanned === undefined) {
      const bytes = this.bytes;
      this.scanned =
        typeof Buffer === "function"
          ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1")
          : latin1Decoder.decode(bytes);
    }
    return this.scanned;
  }

  /** The text of bytes `from` to `to` (the whole part by default). */
  utf8(from = 0, to = this.bytes.length): string {
    if (from === 0 && to === this.bytes.length) return (this.decoded ??= decoder.decode(this.bytes));
    return decoder.decode(this.bytes.subarray(from, to));
  }

  /** The text of byte ranges, adjacent ones decoded together. */
  pieces(ranges: ReadonlyArray<readonly [number, number]>): string {
    const texts: string[] = [];
    for (let i = 0; i < ranges.length;) {
      const from = ranges[i][0];
      let to = ranges[i][1];
      for (i++; i < ranges.length && ranges[i][0] === to; i++) to = ranges[i][1];
      texts.push(this.utf8(from, to));
    }
    return texts.join("");
  }
}

/** An ampersand that does not start one of XML's five named entities (a numeric reference, or an error). */
const OTHER_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos);)/;
/**
 * Anything but printable ASCII in the one-byte view: such text is decoded as UTF-8 from its bytes.
 * (Any character, not a byte range, whatever the one-byte decoder makes of 0x80–0x9F: a
 * browser's windows-1252 maps them elsewhere.)
 */
const NON_ASCII = /[^\t\n\r\x20-\x7e]/;

/**
 * The text of an element's content found by search (`raw`: no markup inside, real characters),
 * or undefined when it needs the parser: a line break to normalize (`\r`), or a reference other
 * than the five named entities. Most of what the reader needs (numbers, shared-string indexes,
 * identifiers, formulas, sheet references, short texts) is such text, and reading it as found
 * spares saxes the markup around it.
 */
export function plainText(raw: string): string | undefined {
  if (raw.includes("\r")) return undefined;
  if (!raw.includes("&")) return raw;
  if (OTHER_AMPERSAND.test(raw)) return undefined;
  return raw.length < DECODED_FROM ? decodeXML(raw) : answerOf(decodedTexts, raw, decodeXML);
}

/**
 * Long texts already decoded, by their raw text. Every unit of a province carries its form in
 * the meta sheet, some 35 KB of JSON whose every quote is `&quot;`: the same text from one file
 * to the next, which `decodeXML` (a trie walk per entity) took a tenth of a consolidation to
 * decode again and again, where finding it here costs a hash and a comparison.
 */
const decodedTexts = keptTexts();
/** Texts shorter than this are decoded each time (cheaper than keeping them). */
const DECODED_FROM = 1024;
/** At most this many are kept (all are dropped past it): a file of countless long texts costs no memory. */
const DECODED_KEPT = 64;
/**
 * Nor more than this many characters, keys and answers together (some 4 MB at most per kind of
 * text kept): a unit's stored form is a few chunks of at most a cell's 32,767 characters each.
 */
const KEPT_CHARS = 2 * 1024 * 1024;

/** Long texts' answers by their key, and how many characters they hold. */
interface KeptTexts {
  texts: Map<string, string>;
  chars: number;
}

/** An empty store of long texts. */
function keptTexts(): KeptTexts {
  return { texts: new Map(), chars: 0 };
}

/** The answer kept for the long text `key`, or `decode(key)` kept now. */
function answerOf(kept: KeptTexts, key: string, decode: (text: string) => string): string {
  let answer = kept.texts.get(key);
  if (answer === undefined) {
    answer = decode(key);
    keep(kept, key, answer);
  }
  return answer;
}

/**
 * Remembers a long text's answer, as copies (the key is a slice of the part, which a kept slice
 * would keep alive); all are dropped when DECODED_KEPT texts or KEPT_CHARS characters are kept,
 * and a text too long to fit is not kept (a hostile file's huge text costs its decoding only).
 */
function keep(kept: KeptTexts, key: string, value: string): void {
  const chars = key.length + value.length;
  if (chars > KEPT_CHARS) return;
  if (kept.texts.size >= DECODED_KEPT || kept.chars + chars > KEPT_CHARS) {
    for (const answer of kept.texts.values()) ownedTexts.delete(answer);
    kept.texts.clear();
    kept.chars = 0;
  }
  const answer = own(value);
  kept.texts.set(own(key), answer);
  ownedTexts.set(answer, answer);
  kept.chars += chars;
}

/**
 * The answers kept (`keep`), by their text: copies already, sharing no memory with any part, so
 * `own` hands back the kept copy of a text equal to one (never the text it was given, which may
 * be a slice of a part). The stored form, found again in every unit, was copied twice per unit
 * (its cell, then its value): 70 KB allocated per file, alive through the file's reading, which
 * over a country's 3,300 files made V8 double its young generation (issue 19, peak memory).
 */
const ownedTexts = new Map<string, string>();

/** The real text of bytes `from` on of `part`, whose one-byte view there is `scanned`. */
export function textAt(part: PartText, scanned: string, from: number): string {
  return !NON_ASCII.test(scanned) ? scanned : part.utf8(from, from + scanned.length);
}

/**
 * `plainText(textAt(part, scanned, from))`: the plain text of an element's content found by
 * search at bytes `from` on, whose one-byte view is `scanned`; undefined when it needs the
 * parser. A long text is found again by its bytes (their one-byte view, which maps byte for
 * byte): the stored form every unit of a province carries in its meta sheet, 35 KB of
 * Vietnamese, cost a UTF-8 decoding each time, some 4 % of a consolidation of files saved by
 * cchc, where finding it here costs a hash and a comparison.
 */
export function plainTextAt(part: PartText, scanned: string, from: number): string | undefined {
  if (scanned.length < DECODED_FROM) return plainText(textAt(part, scanned, from));
  const known = textsFound.texts.get(scanned);
  if (known !== undefined) return known;
  const text = plainText(textAt(part, scanned, from));
  if (text !== undefined) keep(textsFound, scanned, text);
  return text;
}

/** Long texts found by search, by their bytes' one-byte view (`plainTextAt`). */
const textsFound = keptTexts();

/**
 * Text as stored, unescaped: SpreadsheetML writes a character XML cannot hold as `_xHHHH_`
 * (ECMA-376 Part 1, §22.9.2.19), and a literal `_x…_` sequence as `_x005F_x…_` (the package
 * writer writes the key `bc_xa_giao` so). One left-to-right pass, so `_x005F_x0041_` stays
 * `_x0041_`. The one decoder of every reading path.
 */
export function decodeExcelEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  // The stored form has ids such as `bc_xa_giao`: the same 35 KB met in every unit, decoded once.
  return text.length < DECODED_FROM ? replaceEscapes(text) : answerOf(escapesDecoded, text, replaceEscapes);
}

const replaceEscapes = (text: string): string =>
  text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Long texts with their `_xHHHH_` escapes decoded, by the text as stored (`decodeExcelEscapes`). */
const escapesDecoded = keptTexts();

/**
 * A copy of a string that shares no memory with the XML it came from. A parser's strings are
 * slices of the whole part's text, and a kept slice keeps the whole part alive: over hundreds of
 * files, the figures would hold every sheet read. V8 copies a short string when slicing it
 * (under 13 characters); a longer one is copied by flattening a concatenation, five times
 * cheaper than a JSON round trip.
 */
export function own(value: string): string {
  if (value.length < 13) return value;
  const kept = value.length >= DECODED_FROM ? ownedTexts.get(value) : undefined;
  if (kept !== undefined) return kept;
  return (" " + value).slice(1);
}
