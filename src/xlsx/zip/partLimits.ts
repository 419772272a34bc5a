/**
 * The limits every reader of a workbook package obeys, in one place (issue 20, «Bounded cost for
 * any file»), and the one function that decides whether a part's XML may be given to a parser.
 * Browser-safe (bytes in, nothing from Node): the pane's consolidation reader uses it too.
 *
 * A workbook arrives from anyone (a province's server reads what a hundred units mailed in), so
 * what a file may cost is bounded by the file's size, never by what its parts claim:
 *
 * - `MAX_PART_BYTES` (256 MiB): the most one part may inflate to when a command must read it. A
 *   real part is far smaller: the sample's largest is 60 KB, a form with 10,000 listed documents
 *   makes a sheet of some 3 MB, and a user's million-row sheet (Excel's limit) is about 100–200
 *   MB but is never read (it is not ours: copied compressed). It also keeps every part's text
 *   under V8's longest string (2^29 − 24 characters), so a 2 GiB sheet of white space is refused
 *   by name instead of failing inside.
 * - `MAX_READ_BYTES` (1 GiB): the most all parts one command reads may inflate to together
 *   (the workbook, its relationships, styles, shared strings and our sheets: some ten parts).
 * - `MAX_XML_DEPTH` (256): the deepest element nesting a part may have. SpreadsheetML nests some
 *   ten deep (worksheet › sheetData › row › c › is › r › rPr › …); measured over some 200
 *   workbooks and documents on the development machine (the sample, the test cases, files made
 *   by LibreOffice and ExcelJS) the deepest part nests 8 deep (a theme); grouped shapes in a
 *   drawing add a level per group. XML parsers resolve namespaces by walking the open elements
 *   (saxes with namespaces is quadratic: 20,000 deep takes 23 s, 200,000 deep most of an hour),
 *   so 256 leaves ten times any real need and costs a refused file milliseconds.
 * - No DTD: ECMA-376 Part 2 (Open Packaging Conventions) forbids DTD declarations in a
 *   package's XML, and a DTD is how entity expansion (billion laughs) and external entities
 *   (XXE) get in. A part with `<!DOCTYPE` is refused by every command alike.
 *
 * Parts a command does not need are never inflated at all (see `zipArchive.ts`).
 */

/** The most one part may inflate to (bytes), when a command must read it. */
export const MAX_PART_BYTES = 256 * 1024 * 1024;
/** The most all the parts one command reads may inflate to together (bytes). */
export const MAX_READ_BYTES = 1024 * 1024 * 1024;
/** The deepest element nesting a part's XML may have. */
export const MAX_XML_DEPTH = 256;

/** Why a part (or the package around it) is refused. */
export type PartRefusal =
  /** The part inflates past `MAX_PART_BYTES`. */
  | "tooLarge"
  /** The parts read together inflate past `MAX_READ_BYTES`. */
  | "readTooLarge"
  /** The part's data does not match the CRC-32 its entry declares. */
  | "crc"
  /** The part inflates to another size than its entry declares. */
  | "size"
  /** Two entries of the package have this name (OPC names compare without case). */
  | "duplicate"
  /** The part's XML nests deeper than `MAX_XML_DEPTH`. */
  | "tooDeep"
  /** The part's XML carries a DTD (`<!DOCTYPE`). */
  | "doctype";

/**
 * A part refused by the limits above: `part` names it, `reason` says why in Vietnamese (a
 * sentence without the file's name, which the caller adds).
 */
export class PartRefusedError extends Error {
  readonly reason: string;

  constructor(
    readonly refusal: PartRefusal,
    readonly part: string,
  ) {
    const reason = refusalReason(refusal, part);
    super(reason);
    this.name = "PartRefusedError";
    this.reason = reason;
  }
}

const MIB = 1024 * 1024;

function refusalReason(refusal: PartRefusal, part: string): string {
  switch (refusal) {
    case "tooLarge":
      return `phần "${part}" giải nén ra hơn ${MAX_PART_BYTES / MIB} MB, lớn hơn mọi bảng tính hay văn bản thật (có thể là tệp «bom nén») nên cchc không đọc.`;
    case "readTooLarge":
      return `các phần cchc cần đọc giải nén ra hơn ${MAX_READ_BYTES / MIB} MB tính đến phần "${part}", lớn hơn mọi bảng tính hay văn bản thật (có thể là tệp «bom nén») nên cchc không đọc.`;
    case "crc":
      return `phần "${part}" bị hỏng: dữ liệu không khớp mã kiểm tra (CRC) ghi trong tệp nén; hãy lấy lại bản đầy đủ của tệp.`;
    case "size":
      return `phần "${part}" bị hỏng: kích thước sau khi giải nén khác với kích thước ghi trong tệp nén; hãy lấy lại bản đầy đủ của tệp.`;
    case "duplicate":
      return `tệp nén có hai mục cùng tên "${part}" (Excel cũng từ chối tệp như vậy): không biết mục nào là thật nên cchc không đọc.`;
    case "tooDeep":
      return `phần "${part}" có các thẻ XML lồng nhau sâu hơn ${MAX_XML_DEPTH} tầng, điều không bảng tính hay văn bản thật nào có, nên cchc không đọc.`;
    case "doctype":
      return `phần "${part}" có khai báo DOCTYPE, điều chuẩn Open XML không cho phép (có thể dùng để đọc trộm tệp hoặc làm treo máy), nên cchc không đọc.`;
  }
}

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f; // /
const BANG = 0x21; // !
const QUESTION = 0x3f; // ?
const QUOTE = 0x22; // "
const APOSTROPHE = 0x27; // '
/** Text runs up to this long (bytes) are walked byte by byte; past it, the next `<` is searched for. */
const SHORT_TEXT = 32;

/** Whether `bytes` holds the ASCII text `text` at `at`. */
function startsWith(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** The index just past the first `text` at or after `from`, or the end. */
function skipPast(bytes: Uint8Array, from: number, text: string): number {
  const first = text.charCodeAt(0);
  for (let at = bytes.indexOf(first, from); at >= 0; at = bytes.indexOf(first, at + 1)) {
    if (startsWith(bytes, at, text)) return at + text.length;
  }
  return bytes.length;
}

/**
 * Refuses a part's XML that no parser may be given: a DTD (`<!DOCTYPE`), or elements nested
 * deeper than `MAX_XML_DEPTH`. One pass over the bytes, from `<` to `<` (markup is ASCII
 * and UTF-8 never puts an ASCII byte inside a character, so the bytes are read as they are; a
 * `<` in text or in an attribute value is always escaped), and walking only the inside of start
 * tags, where a quoted value may hold `>` or `/`. Comments, CDATA sections and processing
 * instructions are skipped whole. Linear in the part's size; the sample's parts take well under
 * a millisecond. Throws PartRefusedError naming `part`.
 */
export function vetXml(part: string, bytes: Uint8Array): void {
  let depth = 0;
  const end = bytes.length;
  // Plain loops: V8 runs them at about a byte a nanosecond, faster than jumping with indexOf
  // over markup's short texts; a long text (the stored form's 35 KB) is jumped over by indexOf.
  let at = 0;
  while (at < end) {
    if (bytes[at] !== LT) {
      const near = Math.min(at + SHORT_TEXT, end);
      while (++at < near && bytes[at] !== LT);
      if (at === near && at < end && bytes[at] !== LT) {
        at = bytes.indexOf(LT, at);
        if (at < 0) break;
      }
      continue;
    }
    const next = bytes[at + 1];
    if (next === SLASH) {
      depth--;
      at += 2;
    } else if (next === BANG) {
      if (startsWith(bytes, at, "<!--")) at = skipPast(bytes, at + 4, "-->");
      else if (startsWith(bytes, at, "<![CDATA[")) at = skipPast(bytes, at + 9, "]]>");
      else throw new PartRefusedError("doctype", part); // `<!DOCTYPE`, or any other declaration
    } else if (next === QUESTION) {
      at = skipPast(bytes, at + 2, "?>");
    } else {
      // A start tag: to its `>` outside quotes; `/>` closes it at once.
      let i = at + 1;
      let quote = 0;
      for (; i < end; i++) {
        const byte = bytes[i];
        if (quote !== 0) {
          if (byte === quote) quote = 0;
        } else if (byte === QUOTE || byte === APOSTROPHE) quote = byte;
        else if (byte === GT) break;
      }
      if (bytes[i - 1] !== SLASH && ++depth > MAX_XML_DEPTH) throw new PartRefusedError("tooDeep", part);
      at = i + 1;
    }
  }
}

/**
 * Whether a part's data is XML a reader would parse: its first character, after a byte-order
 * mark and white space, is `<`. By content, not by name: a part's type comes from the content
 * types, and a hostile file may give its sheet any name.
 */
export function looksLikeXml(bytes: Uint8Array): boolean {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0a || bytes[at] === 0x0d) at++;
  return bytes[at] === LT;
}
