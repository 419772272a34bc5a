/**
 * `cchc demo [-o DIR] [--catalogue ID]`: a built-in form's sample end to end, without Excel
 * (the default form's fictional Xã Thử Nghiệm; `--catalogue huyen-2021`: the Đức Thọ Q3/2021
 * report): the workbook with its figures and directive documents, the checks, the report
 * sheets, and the PDF when LibreOffice is there. What `npm start` runs without Excel desktop.
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_CATALOGUE } from "../../core/catalogue";
import { sampleOf } from "../../core/catalogue/sample";
import { parseArgs, UsageError } from "../args";
import { catalogueOption } from "../catalogueOption";
import { EXIT, type Command } from "../command";
import { formatFinding } from "../format";
import { describeReport } from "./report";

/** The demo's files for a catalogue id: `cchc-mau-xa-2025.xlsx`, `cchc-mau-xa-2025-phu-luc.pdf`. */
export function demoFiles(catalogueId: string): { workbook: string; pdf: string } {
  return { workbook: `cchc-mau-${catalogueId}.xlsx`, pdf: `cchc-mau-${catalogueId}-phu-luc.pdf` };
}

export const demoCommand: Command = {
  help: [
    "Cách dùng: npx cchc demo [-o THƯ_MỤC] [--catalogue MÃ]",
    "",
    "Tạo bảng tính mẫu có số liệu và danh mục văn bản, kiểm tra số liệu, tạo Phụ lục I, II",
    "và in PDF (khi máy có LibreOffice).",
    "",
    "  -o, --output THƯ_MỤC  Nơi ghi kết quả (mặc định: ./cchc-demo).",
    "  --catalogue MÃ        Mẫu có sẵn dùng để chạy thử: xa-2025 (mặc định, Xã Thử Nghiệm, đơn vị giả",
    "                        định) hoặc huyen-2021 (UBND huyện Đức Thọ, Quý III/2021).",
    "",
  ].join("\n"),
  async run(args, io) {
    const parsed = parseArgs(args, {
      flags: { "--output": { value: true, aliases: ["-o"] }, "--catalogue": { value: true } },
      positional: { min: 0, max: 0, name: "" },
    });
    const catalogue = catalogueOption(parsed.flags.get("--catalogue"), undefined) ?? DEFAULT_CATALOGUE;
    const sample = sampleOf(catalogue.id);
    if (!sample) throw new UsageError(`Mẫu "${catalogue.id}" không có số liệu mẫu để chạy thử.`);
    const output = parsed.flags.get("--output");
    const dir = typeof output === "string" ? output : "cchc-demo";
    // The file modules load only once the arguments are known to be right (see main.ts).
    const { reportIntoPackage, buildTemplate } = await import("../../xlsx/node/operations");
    const { saveNewPackageFile } = await import("../../xlsx/node/files");
    const { printReportPdf } = await import("./printPdf");
    fs.mkdirSync(dir, { recursive: true });
    const xlsx = path.join(dir, demoFiles(catalogue.id).workbook);
    const pdf = path.join(dir, demoFiles(catalogue.id).pdf);

    io.out(`1. Tạo bảng tính mẫu ${catalogue.id} với số liệu mẫu: ${sample.description}…\n`);
    const { pkg } = buildTemplate({ sample: true, sampleDocuments: sample.documents, catalogue });
    io.out("2. Kiểm tra số liệu và tạo Phụ lục I, Phụ lục II…\n");
    const plan = reportIntoPackage(pkg, { generatedAt: new Date() });
    for (const finding of plan.findings) io.out(`   ${formatFinding(finding)}\n`);
    // The demo is regenerated on every run: its own files may be replaced.
    await saveNewPackageFile(pkg, xlsx, { overwrite: true });
    describeReport(plan, xlsx, xlsx, io);
    io.out("3. In các phụ lục ra PDF…\n");
    if (await printReportPdf(plan, pdf, io)) io.out(`Đã in PDF: "${pdf}".\n`);
    else io.out("Bỏ qua PDF; bảng tính báo cáo vẫn đầy đủ.\n");
    io.out(
      `Mở "${xlsx}" bằng Excel hoặc LibreOffice để xem; trong Excel, cài add-in để dùng các hàm CCHC.*.\n`,
    );
    return EXIT.ok;
  },
};
