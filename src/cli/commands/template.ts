/** `cchc template -o FILE.xlsx [--sample] [--force]`: a new workbook with the CCHC sheets. */
import { parseArgs, UsageError } from "../args";
import { EXIT, type Command } from "../command";

export const templateCommand: Command = {
  help: [
    "Cách dùng: npx cchc template -o TỆP.xlsx [--cap huyen|xa] [--sample] [--force]",
    "",
    "Tạo một bảng tính mới có các trang CCHC: Thông tin chung, các trang số liệu, Danh mục văn bản, Chỉ số CCHC.",
    "",
    "  -o, --output TỆP  Tệp cần tạo (.xlsx).",
    "  --cap huyen|xa    Mẫu của UBND cấp huyện (mặc định) hay cấp xã.",
    "  --sample          Điền số liệu mẫu của UBND huyện Đức Thọ, Quý III/2021.",
    "  --force           Ghi đè nếu tệp đã có (mặc định: không ghi đè).",
    "",
  ].join("\n"),
  async run(args, io) {
    const parsed = parseArgs(args, {
      flags: {
        "--output": { value: true, aliases: ["-o"] },
        "--cap": { value: true },
        "--sample": {},
        "--force": {},
      },
      positional: { min: 0, max: 0, name: "" },
    });
    const file = parsed.flags.get("--output");
    if (typeof file !== "string") throw new UsageError("Thiếu tệp cần tạo: ghi -o TỆP.xlsx.");
    if (!/\.xlsx$/i.test(file)) throw new UsageError(`Tên tệp "${file}" phải có đuôi .xlsx.`);
    const sample = parsed.flags.has("--sample");
    const cap = parsed.flags.get("--cap") ?? "huyen";
    if (cap !== "huyen" && cap !== "xa")
      throw new UsageError(`Cấp "${String(cap)}" không hợp lệ: dùng --cap huyen hoặc --cap xa.`);
    const level = cap === "xa" ? "X" : "H";
    // ExcelJS loads only once the arguments are known to be right (see main.ts).
    const { createTemplateFile } = await import("../../xlsx/operations");
    const { summary } = await createTemplateFile(file, {
      sample,
      level,
      overwrite: parsed.flags.has("--force"),
    });
    io.out(
      `Đã tạo "${file}" (mẫu CCHC cấp ${level === "X" ? "xã" : "huyện"} ${summary.toVersion}): ${summary.added.length} trang, ${
        sample ? "có số liệu mẫu UBND huyện Đức Thọ, Quý III/2021" : "chưa có số liệu"
      }.\n`,
    );
    io.out(`Kiểm tra số liệu: npx cchc check "${file}"\n`);
    return EXIT.ok;
  },
};
