/** `cchc proofread BÁO_CÁO.docx [--figures BÁO_CÁO.xlsx] [--json]`: the wrong percentages of a report's prose. */
import type { ProofFinding } from "../../core/proofread";
import { parseArgs } from "../args";
import { EXIT, type Command } from "../command";
import type { Io } from "../io";

/** The findings paragraph by paragraph: the paragraph, the sentence quoted, what is wrong. */
export function formatProofFindings(findings: readonly ProofFinding[]): string {
  const lines: string[] = [];
  let paragraph = 0;
  for (const finding of findings) {
    if (finding.paragraph !== paragraph) {
      paragraph = finding.paragraph;
      lines.push(`Đoạn ${paragraph}:`);
    }
    lines.push(`  Câu: «${finding.sentence}»`);
    lines.push(`  Lỗi: ${finding.message.replace(/^Đoạn \d+: /, "")}`);
    if (finding.cells.length > 0) lines.push(`  Ô trong bảng tính: ${finding.cells.join(", ")}`);
  }
  const verdict =
    findings.length === 0
      ? "Không thấy tỷ lệ hay số liệu nào sai trong văn bản."
      : `Kết quả: ${findings.length} chỗ sai cần sửa trước khi ban hành.`;
  return [...lines, verdict, ""].join("\n");
}

/**
 * The JSON of `proofread --json`: the shape of `check --json` (errors, warnings, findings with
 * severity, ids, cells, message), each finding with its paragraph, the sentence as written, the
 * percentage (or figure) as written and what it should be.
 */
export function proofFindingsJson(findings: readonly ProofFinding[]): string {
  return JSON.stringify({
    errors: findings.length,
    warnings: 0,
    findings: findings.map((f) => ({
      severity: f.severity,
      ids: f.ids,
      cells: f.cells,
      message: f.message,
      paragraph: f.paragraph,
      sentence: f.sentence,
      written: f.written,
      expected: f.expected,
      exact: f.exact,
    })),
  });
}

/** Reads the document's paragraphs; a file that cannot be read is said in one line (false). */
async function readDocument(file: string, io: Io): Promise<string[] | undefined> {
  const { readFile } = await import("fs/promises");
  const { documentParagraphs, DocumentReadError } = await import("../../docx/readText");
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === "ENOENT"
        ? `Không tìm thấy tệp "${file}".`
        : code === "EISDIR"
          ? `"${file}" là một thư mục, không phải văn bản.`
          : `Không đọc được tệp "${file}"${code === "EACCES" || code === "EPERM" ? ": không có quyền đọc" : ""}.`;
    io.err(`${why}\n`);
    return undefined;
  }
  try {
    return documentParagraphs(bytes, file);
  } catch (error) {
    if (!(error instanceof DocumentReadError)) throw error;
    io.err(`Không đọc được "${file}": ${error.message}\n`);
    return undefined;
  }
}

export const proofreadCommand: Command = {
  help: [
    "Cách dùng: npx cchc proofread BÁO_CÁO.docx [--figures BÁO_CÁO.xlsx] [--json]",
    "",
    "Soát số liệu trong văn bản báo cáo (.docx, .txt, .md): liệt kê theo từng đoạn, kèm câu văn,",
    "mỗi tỷ lệ phần trăm không khớp với các số ghi bên cạnh («76/84 … đạt 90,4%», «giao 84 nhiệm",
    "vụ, hoàn thành 76 (đạt 90,4%)») và tỷ lệ đúng ở độ chính xác đã ghi. Tỷ lệ không có số bên",
    "cạnh thì không đoán.",
    "",
    "  --figures TỆP.xlsx  Đối chiếu thêm với số liệu trong bảng tính CCHC: tỷ lệ ghi sau tử số và",
    "                      mẫu số của một chỉ tiêu tỷ lệ, và số ghi ngay sau tên một chỉ tiêu.",
    '  --json              In JSON như «check --json»: {"errors", "warnings", "findings": [{"severity",',
    '                      "ids", "cells", "message", "paragraph", "sentence", "written", "expected", "exact"}]}.',
    "",
    "Mã thoát: 0 khi không thấy chỗ sai, 1 khi có, 2 khi không đọc được tệp.",
    "",
  ].join("\n"),
  async run(args, io) {
    const parsed = parseArgs(args, {
      flags: { "--json": {}, "--figures": { value: true } },
      positional: { min: 1, max: 1, name: "văn bản cần soát (.docx, .txt hoặc .md)" },
    });
    const file = parsed.positional[0];
    const { documentFormat } = await import("../../docx/readText");
    if (!documentFormat(file)) {
      io.err(`Không soát được "${file}": chỉ đọc văn bản Word .docx, tệp văn bản .txt hoặc .md.\n`);
      return EXIT.usage;
    }
    const paragraphs = await readDocument(file, io);
    if (!paragraphs) return EXIT.usage;
    const figuresFile = parsed.flags.get("--figures");
    const workbook =
      typeof figuresFile === "string"
        ? await (await import("../../xlsx/node/proofreadWorkbook")).readProofWorkbook(figuresFile)
        : undefined;
    const { proofread } = await import("../../core/proofread");
    const findings = proofread(paragraphs, workbook);
    io.out(parsed.flags.has("--json") ? `${proofFindingsJson(findings)}\n` : formatProofFindings(findings));
    return findings.length > 0 ? EXIT.findings : EXIT.ok;
  },
};
