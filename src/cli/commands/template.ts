/** `cchc template -o FILE.xlsx [--catalogue ID|FILE] [--sample] [--force]`: a new workbook with the CCHC sheets. */
import { sampleOf } from "../../core/catalogue/sample";
import { parseArgs, UsageError } from "../args";
import { catalogueOption } from "../catalogueOption";
import { EXIT, type Command } from "../command";
import { pasteable } from "../invocation";

export const templateCommand: Command = {
  help: [
    "Cách dùng: npx cchc template -o TỆP.xlsx [--catalogue MÃ|TỆP.json] [--sample] [--force]",
    "",
    "Tạo một bảng tính mới có các trang CCHC theo một mẫu (danh mục chỉ tiêu): Thông tin chung, các trang",
    "số liệu, Danh mục văn bản, Chỉ số CCHC. Sổ làm việc mang theo mẫu của nó.",
    "",
    "  -o, --output TỆP       Tệp cần tạo (.xlsx).",
    "  --catalogue MÃ|TỆP     Mẫu dùng: mã mẫu có sẵn (xa-2025, mặc định; huyen-2021) hoặc tệp danh mục",
    "                         .json của tỉnh (xem: npx cchc catalogue list).",
    "  --cap huyen|xa         Cách viết cũ: huyen = huyen-2021, xa = xa-2025.",
    "  --sample               Điền số liệu mẫu của mẫu đó (huyen-2021: UBND huyện Đức Thọ, Quý III/2021;",
    "                         xa-2025: Xã Thử Nghiệm, đơn vị giả định).",
    "  --force                Ghi đè nếu tệp đã có (mặc định: không ghi đè).",
    "",
  ].join("\n"),
  async run(args, io) {
    const parsed = parseArgs(args, {
      flags: {
        "--output": { value: true, aliases: ["-o"] },
        "--catalogue": { value: true },
        "--cap": { value: true },
        "--sample": {},
        "--force": {},
      },
      positional: { min: 0, max: 0, name: "" },
    });
    const file = parsed.flags.get("--output");
    if (typeof file !== "string") throw new UsageError("Thiếu tệp cần tạo: ghi -o TỆP.xlsx.");
    if (!/\.xlsx$/i.test(file)) throw new UsageError(`Tên tệp "${file}" phải có đuôi .xlsx.`);
    const catalogue = catalogueOption(parsed.flags.get("--catalogue"), parsed.flags.get("--cap"));
    const sample = parsed.flags.has("--sample");
    // The file modules load only once the arguments are known to be right (see main.ts).
    const [{ createTemplateFile }, { refuseMissingFolder }] = await Promise.all([
      import("../../xlsx/node/operations"),
      import("../../xlsx/node/safeWrite"),
    ]);
    // Said before the workbook is built: a folder that does not exist is not created.
    await refuseMissingFolder(file);
    const { summary } = await createTemplateFile(file, {
      sample,
      catalogue,
      overwrite: parsed.flags.has("--force"),
    });
    const sampleText = sample ? sampleOf(summary.catalogueId)?.description : undefined;
    io.out(
      `Đã tạo "${file}" (mẫu ${summary.catalogueId} ${summary.toVersion}: ${summary.catalogueTitle}): ${summary.added.length} trang, ${
        sampleText
          ? `có số liệu mẫu (${sampleText})`
          : sample
            ? "mẫu này không có số liệu mẫu"
            : "chưa có số liệu"
      }.\n`,
    );
    io.out(`Kiểm tra số liệu: ${pasteable(["check", file])}\n`);
    return EXIT.ok;
  },
};
