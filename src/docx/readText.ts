/**
 * The text of a report for the proofreader, as paragraphs: from a Word `.docx` (the runs of each
 * `w:p` of word/document.xml joined, `w:tab` as a tab, `w:br`/`w:cr` as a line break), a `.txt`
 * or a `.md` (one paragraph per non-empty line, Markdown marks removed). Browser-safe: the
 * package layer's zip reader unzips (its limits: sizes, CRC, duplicate names, nesting, DTD),
 * its one streaming parser (saxes) reads; nothing touches the file system, so the pane uses it on a picked file.
 */
import { isType, parseRelationships, relsPartOf } from "../xlsx/parts/relationships/read";
import { parse, PartXmlError, type Handlers } from "../xlsx/xml/sax";
import { PartRefusedError } from "../xlsx/zip/partLimits";
import { ZipArchive } from "../xlsx/zip/zipArchive";

/** A document the reader refuses, with the reason in Vietnamese. */
export class DocumentReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DocumentReadError";
  }
}

const WORD_BODY = "word/document.xml";
const PACKAGE_RELS = relsPartOf("");

/**
 * The main document part named by the package relationships, through the one relationships
 * parser and its target resolver (`/word/document.xml` and `word/document.xml` both name
 * `word/document.xml`). A relationships part that is not well-formed names no main part.
 */
function mainPartName(relsXml: string): string | undefined {
  try {
    return parseRelationships(relsXml, "", PACKAGE_RELS).find(
      (rel) => !rel.external && isType(rel, "officeDocument"),
    )?.part;
  } catch (error) {
    if (error instanceof PartXmlError || error instanceof URIError) return undefined;
    throw error;
  }
}

/** Whether the bytes are a zip archive (a .docx is one). */
function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

/** An OLE compound file: a Word 97–2003 .doc, or a .docx with a password. */
function isOle(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && magic.every((b, i) => bytes[i] === b);
}

/**
 * The paragraphs of a .docx's main body, in order (tables' cell paragraphs included, where they
 * stand), each the concatenation of its runs' text. Text boxes' paragraphs, nested in a run,
 * come as paragraphs of their own. Throws DocumentReadError for a file that is no Word document.
 */
export function docxParagraphs(bytes: Uint8Array): string[] {
  if (bytes.length === 0) throw new DocumentReadError("Tệp rỗng (0 byte), không phải văn bản Word .docx.");
  if (isOle(bytes))
    throw new DocumentReadError(
      "Tệp là văn bản Word .doc cũ hoặc .docx có đặt mật khẩu: hãy mở bằng Word và lưu thành .docx (không mật khẩu).",
    );
  if (!isZip(bytes)) throw new DocumentReadError("Tệp không phải văn bản Word .docx.");
  let archive: ZipArchive | undefined;
  const unzip = (names: ReadonlySet<string>) => {
    try {
      archive ??= ZipArchive.open(bytes);
      const parts: Record<string, Uint8Array> = {};
      for (const name of names) {
        const data = archive.read(name);
        if (data) parts[name] = data;
      }
      return parts;
    } catch (error) {
      if (error instanceof PartRefusedError) throw new DocumentReadError(`Không đọc tệp: ${error.reason}`);
      throw new DocumentReadError(
        `Tệp bị hỏng, không đọc được (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  };
  // The main part is the package's officeDocument relationship (word/document.xml as Word names it).
  const head = unzip(new Set([PACKAGE_RELS, WORD_BODY]));
  const rels = head[PACKAGE_RELS] && mainPartName(new TextDecoder("utf-8").decode(head[PACKAGE_RELS]));
  const body = rels && rels !== WORD_BODY ? unzip(new Set([rels]))[rels] : head[WORD_BODY];
  if (!body) throw new DocumentReadError("Tệp không phải văn bản Word .docx (không có word/document.xml).");
  return paragraphsOfDocumentXml(new TextDecoder("utf-8").decode(body));
}

/** The paragraphs of a WordprocessingML body part (see `docxParagraphs`). */
export function paragraphsOfDocumentXml(xml: string): string[] {
  const paragraphs: string[] = [];
  // Paragraphs nest (a text box inside a run of a paragraph): one buffer per open paragraph.
  const open: string[] = [];
  let inText = false;
  // Tabs and breaks count only inside a run (w:r): a w:tab of w:pPr/w:tabs is a tab stop.
  let runDepth = 0;
  // A text box is written twice (mc:Choice for Word 2010+, mc:Fallback for older readers):
  // the fallback's copy is skipped so its paragraphs are not read twice.
  let fallbackDepth = 0;
  const handlers: Handlers = {
    open(name) {
      if (name === "mc:Fallback") fallbackDepth++;
      if (fallbackDepth > 0) return;
      switch (name) {
        case "w:p":
          open.push("");
          break;
        case "w:r":
          // saxes reports a closetag for a self-closing tag too: the depth stays balanced.
          runDepth++;
          break;
        case "w:t":
          inText = true;
          break;
        case "w:tab":
          if (runDepth > 0 && open.length > 0) open[open.length - 1] += "\t";
          break;
        case "w:br":
        case "w:cr":
          if (runDepth > 0 && open.length > 0) open[open.length - 1] += "\n";
          break;
        case "w:noBreakHyphen":
          if (runDepth > 0 && open.length > 0) open[open.length - 1] += "-";
          break;
      }
    },
    text(text) {
      if (inText && fallbackDepth === 0 && open.length > 0) open[open.length - 1] += text;
    },
    close(name) {
      if (name === "mc:Fallback") {
        fallbackDepth--;
        return;
      }
      if (fallbackDepth > 0) return;
      if (name === "w:t") inText = false;
      else if (name === "w:r") runDepth--;
      else if (name === "w:p") paragraphs.push(open.pop() ?? "");
    },
  };
  try {
    // The one streaming parser of the file layer, names as written (w:t, not math's m:t).
    parse(xml, handlers, WORD_BODY, true);
  } catch (error) {
    if (!(error instanceof PartXmlError)) throw error;
    throw new DocumentReadError(
      `Tệp bị hỏng, không đọc được nội dung văn bản (${error.message.slice(error.part.length + 2)}).`,
    );
  }
  return paragraphs;
}

/** A line of Markdown as plain text: headings, emphasis, escapes, HTML tags and link targets removed. */
export function markdownLineText(line: string): string {
  // Escaped characters («\\*») are set aside first so that removing emphasis leaves them.
  const kept: string[] = [];
  return line
    .replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, (_, ch: string) => `\uE000${kept.push(ch) - 1}\uE000`)
    .replace(/^\s{0,3}#{1,6}\s+/, "")
    .replace(/<[^>]+>/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\*{1,3}|_{2,3}/g, "")
    .replace(/\uE000(\d+)\uE000/g, (_, i: string) => kept[Number(i)])
    .replace(/\s+$/, "");
}

/** The paragraphs of a plain text or Markdown file: one per line, Markdown marks removed for `.md`. */
export function textParagraphs(text: string, format: "txt" | "md"): string[] {
  const lines = text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
  return format === "md" ? lines.map(markdownLineText) : lines;
}

/** The document formats the proofreader reads, by file name extension. */
export function documentFormat(name: string): "docx" | "txt" | "md" | undefined {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext === "docx" || ext === "txt" || ext === "md" ? ext : undefined;
}

/**
 * The paragraphs of a document's bytes, by its name's extension (.docx, .txt, .md). Throws
 * DocumentReadError for another format or a file that cannot be read.
 */
export function documentParagraphs(bytes: Uint8Array, name: string): string[] {
  const format = documentFormat(name);
  if (!format) throw new DocumentReadError("Chỉ soát được văn bản Word .docx, tệp văn bản .txt hoặc .md.");
  if (format === "docx") return docxParagraphs(bytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentReadError("Tệp văn bản không phải mã UTF-8: hãy lưu lại với bảng mã UTF-8.");
  }
  return textParagraphs(text, format);
}
