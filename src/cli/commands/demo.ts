/**
 * `cchc demo [-o DIR]`: the Đức Thọ Q3/2021 sample end to end, without Excel: the workbook
 * with its figures and directive documents, the checks, the report sheets, and the PDF when
 * LibreOffice is there. What `npm start` runs on a machine without Excel desktop.
 */
import * as fs from "fs";
import * as path from "path";
import { SAMPLE_DOCUMENTS } from "../../core/catalogue/sample";
import { parseArgs } from "../args";
import { EXIT, type Command } from "../command";
import { formatFinding } from "../format";
import { describeReport } from "./report";

export const DEMO_WORKBOOK = "cchc-mau-duc-tho-quy-III-2021.xlsx";
export const DEMO_PDF = "cchc-mau-duc-tho-quy-III-2021-phu-luc.pdf";

export const demoCommand: Command = {
  help: [
    "Cách dùng: npx cchc demo [-o THƯ_MỤC]",
    "",
    "Tạo bảng tính mẫu có số liệu và danh mục văn bản, kiểm tra số liệu, tạo Phụ lục I, II",
    "và in PDF (khi máy có LibreOffice).",
    "",
    "  -o, --output THƯ_MỤC  Nơi ghi kết quả (mặc định: ./cchc-demo).",
    "",
  ].join("\n"),
  async run(args, io) {
    const parsed = parseArgs(args, {
      flags: { "--output": { value: true, aliases: ["-o"] } },
      positional: { min: 0, max: 0, name: "" },
    });
    const output = parsed.flags.get("--output");
    const dir = typeof output === "string" ? output : "cchc-demo";
    // ExcelJS loads only once the arguments are known to be right (see main.ts).
    const { applyReport, buildTemplate } = await import("../../xlsx/operations");
    const { saveWorkbookFile } = await import("../../xlsx/files");
    const { printReportPdf } = await import("./printPdf");
    fs.mkdirSync(dir, { recursive: true });
    const xlsx = path.join(dir, DEMO_WORKBOOK);
    const pdf = path.join(dir, DEMO_PDF);

    io.out("1. Tạo bảng tính mẫu CCHC với số liệu UBND huyện Đức Thọ, Quý III/2021…\n");
    const { workbook } = await buildTemplate({ sample: true, sampleDocuments: SAMPLE_DOCUMENTS });
    io.out("2. Kiểm tra số liệu và tạo Phụ lục I, Phụ lục II…\n");
    const plan = await applyReport(workbook, new Date());
    for (const finding of plan.findings) io.out(`   ${formatFinding(finding)}\n`);
    // The demo is regenerated on every run: its own files may be replaced.
    await saveWorkbookFile(workbook, xlsx, { overwrite: true });
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
