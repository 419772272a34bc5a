/**
 * `cchc draft TỆP.xlsx -o BÁO_CÁO.docx [--compare KỲ_TRƯỚC.xlsx]… [--with-appendices] [--force]`:
 * the narrative report drafted from a workbook as a Word file (src/core/narrative, src/docx).
 */
import { parseArgs, UsageError } from "../args";
import { EXIT, type Command } from "../command";
import { pasteable } from "../invocation";

/**
 * `--compare X` / `--compare=X`, which may be given several times, taken out of the arguments
 * (`cchc draft` and `cchc report`).
 */
export function takeCompared(args: readonly string[]): { compared: string[]; rest: string[] } {
  const compared: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      rest.push(...args.slice(i));
      break;
    }
    if (arg === "--compare") {
      const value = args[i + 1];
      if (value === undefined || value === "" || value.startsWith("-"))
        throw new UsageError('Tuỳ chọn "--compare" cần một tệp .xlsx.');
      compared.push(value);
      i++;
    } else if (arg.startsWith("--compare=")) {
      const value = arg.slice("--compare=".length);
      if (!value) throw new UsageError('Tuỳ chọn "--compare" cần một tệp .xlsx.');
      compared.push(value);
    } else rest.push(arg);
  }
  return { compared, rest };
}

export const draftCommand: Command = {
  help: [
    "Cách dùng: npx cchc draft TỆP.xlsx -o BÁO_CÁO.docx [--compare KỲ_TRƯỚC.xlsx]… [--with-appendices] [--force]",
    "",
    "Soạn dự thảo báo cáo kết quả thực hiện công tác CCHC (tệp Word .docx, thể thức Nghị định 30/2020)",
    "từ số liệu trong tệp: mọi con số do chương trình tính từ sổ; phần đánh giá, nguyên nhân, phương",
    "hướng, kiến nghị để trống, tô vàng, cho người soạn viết.",
    "",
    "  -o, --output TỆP         Tệp .docx cần tạo (không ghi đè tệp đã có, trừ khi thêm --force).",
    "  --compare TỆP.xlsx       Báo cáo kỳ trước (hoặc cùng kỳ năm trước) của cùng đơn vị, cùng mẫu:",
    "                           thêm câu so sánh «tăng 12 hồ sơ (+2,71%) so với cùng kỳ năm 2025».",
    "                           Có thể ghi nhiều lần.",
    "  --with-appendices        Thêm Phụ lục I, Phụ lục II (bảng số liệu, danh mục văn bản) vào cuối.",
    "  --force                  Cho phép ghi đè tệp .docx đã có.",
    "",
    "Mã thoát: 0 khi xong; 1 khi đã tạo dự thảo nhưng số liệu còn lỗi (dự thảo ghi rõ ở trang đầu);",
    "2 khi không đọc/ghi được tệp, tệp so sánh khác đơn vị/khác mẫu, hoặc gõ sai lệnh.",
    "",
  ].join("\n"),
  async run(args, io) {
    const { compared, rest } = takeCompared(args);
    const parsed = parseArgs(rest, {
      flags: { "--output": { value: true, aliases: ["-o"] }, "--with-appendices": {}, "--force": {} },
      positional: { min: 1, max: 1, name: "tệp .xlsx cần soạn báo cáo" },
    });
    const input = parsed.positional[0];
    const output = parsed.flags.get("--output");
    if (typeof output !== "string") throw new UsageError("Thiếu tệp cần tạo: ghi -o BÁO_CÁO.docx.");
    if (!/\.docx$/i.test(output)) throw new UsageError(`Tên tệp "${output}" phải có đuôi .docx.`);
    const { refuseExistingTarget, refuseMissingFolder, writeFileAtomic } =
      await import("../../xlsx/node/safeWrite");
    const force = parsed.flags.has("--force");
    // Said before the workbooks are read: a folder that does not exist is not created.
    await refuseMissingFolder(output);
    if (!force) await refuseExistingTarget(output);

    const { readDraftSource } = await import("../../xlsx/node/draftInput");
    const [{ draftWorkbook }, { CompareRefusedError }, { draftDocxBytes }] = await Promise.all([
      import("../../core/workbook/draft"),
      import("../../core/narrative"),
      import("../../docx/draftDocx"),
    ]);
    const source = await readDraftSource(input);
    const others = [];
    for (const file of compared) others.push(await readDraftSource(file));
    let drafted;
    try {
      drafted = draftWorkbook(source.reading, source.catalogue, {
        compared: others,
        withAppendices: parsed.flags.has("--with-appendices"),
      });
    } catch (error) {
      if (error instanceof CompareRefusedError) {
        io.err(`${error.message}\n`);
        return EXIT.usage;
      }
      throw error;
    }
    const { draft, errors } = drafted;
    const bytes = await draftDocxBytes(draft);
    await writeFileAtomic(output, bytes, { expectAbsent: !force });
    io.out(
      `Đã tạo dự thảo "${output}" từ "${input}" (mẫu ${source.catalogue.id} ${source.catalogue.version}).\n`,
    );
    if (errors > 0) {
      io.out(
        `Số liệu còn ${errors} lỗi: dự thảo ghi rõ ở trang đầu (tô vàng). Xem: ${pasteable(["check", input])}\n`,
      );
      return EXIT.findings;
    }
    io.out("Các chỗ tô vàng là phần cần viết hoặc cần xem lại trước khi ban hành.\n");
    return EXIT.ok;
  },
};
