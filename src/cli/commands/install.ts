/** `cchc install FILE.xlsx`: install or upgrade the CCHC sheets in place. */
import { typedText } from "../../core/arithmetic";
import { DOCUMENTS_TABLE } from "../../core/layout/documentsSheet";
import { parseArgs } from "../args";
import { catalogueOption } from "../catalogueOption";
import { EXIT, type Command } from "../command";

export const installCommand: Command = {
  help: [
    "Cách dùng: npx cchc install TỆP.xlsx [--catalogue MÃ|TỆP.json]",
    "",
    "Cài các trang CCHC vào tệp, hoặc nâng cấp lên phiên bản mới của mẫu tệp đã cài. Số liệu, ghi chú",
    "và điểm đã nhập được giữ nguyên; số liệu của chỉ tiêu mà phiên bản mới bỏ đi được giữ ở trang",
    '"Chỉ tiêu đã bỏ"; các trang khác của tệp không bị động đến; trang của bạn trùng tên được giữ nguyên',
    "và trang CCHC mang tên khác. Tệp chỉ được thay khi đã ghi xong. Không cài một mẫu khác lên tệp đã cài.",
    "",
    "  --catalogue MÃ|TỆP   Mẫu cần cài (mã có sẵn hoặc tệp danh mục .json). Bỏ trống: tệp đã cài giữ",
    "                       mẫu của nó (bản mới nhất nếu là mẫu có sẵn), tệp chưa cài nhận mẫu xa-2025.",
    "  --cap huyen|xa       Cách viết cũ: huyen = huyen-2021, xa = xa-2025.",
    "",
  ].join("\n"),
  async run(args, io) {
    const parsed = parseArgs(args, {
      flags: { "--catalogue": { value: true }, "--cap": { value: true } },
      positional: { min: 1, max: 1, name: "tệp .xlsx cần cài" },
    });
    const [file] = parsed.positional;
    const catalogue = catalogueOption(parsed.flags.get("--catalogue"), parsed.flags.get("--cap"));
    // The file modules load only once the arguments are known to be right (see main.ts).
    const { installIntoFile } = await import("../../xlsx/node/operations");
    const { summary, applied } = await installIntoFile(file, { catalogue });
    const form = `mẫu ${summary.catalogueId}`;
    const verb =
      summary.fromVersion === null
        ? `Đã cài ${form} ${summary.toVersion}`
        : summary.fromVersion === summary.toVersion
          ? `Đã cài lại ${form} ${summary.toVersion}`
          : `Đã nâng cấp ${form} ${summary.fromVersion} → ${summary.toVersion}`;
    const lines = [`${verb} vào "${file}".`];
    if (summary.added.length > 0)
      lines.push(`  Thêm ${summary.added.length} trang: ${summary.added.join("; ")}.`);
    if (summary.updated.length > 0)
      lines.push(`  Cập nhật ${summary.updated.length} trang: ${summary.updated.join("; ")}.`);
    lines.push(`  Giữ nguyên ${summary.keptValues} ô đã nhập.`);
    if (summary.dropped.length > 0) {
      lines.push(
        `  ${summary.dropped.length} chỉ tiêu không còn trong phiên bản mới; số liệu đã nhập được giữ ở trang "Chỉ tiêu đã bỏ": ${summary.dropped
          .map((d) => d.id)
          .join(", ")}.`,
      );
    }
    for (const { cell, label, typed } of summary.restored) {
      lines.push(
        `  Ô tự tính ${cell} (${label}) đang bị gõ đè bằng ${typedText(typed)}: đã khôi phục công thức.`,
      );
    }
    for (const { wanted, used } of summary.renamed) {
      lines.push(`  Trang "${wanted}" của bạn được giữ nguyên; trang CCHC mang tên "${used}".`);
    }
    // Our own list table is kept silently; a user's table where ours would go deserves a word.
    for (const table of applied.keptTables.filter((name) => name !== DOCUMENTS_TABLE)) {
      lines.push(`  Bảng "${table}" của bạn đã nằm ở chỗ danh mục văn bản: giữ nguyên, không tạo bảng mới.`);
    }
    io.out(`${lines.join("\n")}\n`);
    return EXIT.ok;
  },
};
