/** `cchc install FILE.xlsx`: install or upgrade the CCHC sheets in place. */
import { DOCUMENTS_TABLE } from "../../core/layout/documentsSheet";
import { parseArgs } from "../args";
import { EXIT, type Command } from "../command";

export const installCommand: Command = {
  help: [
    "Cách dùng: npx cchc install TỆP.xlsx",
    "",
    "Cài các trang CCHC vào tệp, hoặc nâng cấp lên mẫu mới. Số liệu, ghi chú và điểm đã nhập được giữ",
    "nguyên; các trang khác của tệp không bị động đến; trang của bạn trùng tên được giữ nguyên và",
    "trang CCHC mang tên khác. Tệp chỉ được thay khi đã ghi xong.",
    "",
  ].join("\n"),
  async run(args, io) {
    const [file] = parseArgs(args, {
      flags: {},
      positional: { min: 1, max: 1, name: "tệp .xlsx cần cài" },
    }).positional;
    // ExcelJS loads only once the arguments are known to be right (see main.ts).
    const { installIntoFile } = await import("../../xlsx/operations");
    const { summary, applied } = await installIntoFile(file);
    const verb =
      summary.fromVersion === null
        ? `Đã cài mẫu CCHC ${summary.toVersion}`
        : summary.fromVersion === summary.toVersion
          ? `Đã cài lại mẫu CCHC ${summary.toVersion}`
          : `Đã nâng cấp mẫu CCHC ${summary.fromVersion} → ${summary.toVersion}`;
    const lines = [`${verb} vào "${file}".`];
    if (summary.added.length > 0)
      lines.push(`  Thêm ${summary.added.length} trang: ${summary.added.join("; ")}.`);
    if (summary.updated.length > 0)
      lines.push(`  Cập nhật ${summary.updated.length} trang: ${summary.updated.join("; ")}.`);
    lines.push(`  Giữ nguyên ${summary.keptValues} ô đã nhập.`);
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
