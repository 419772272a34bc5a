/** `cchc report FILE.xlsx [-o OUT.xlsx] [--pdf [OUT.pdf]]`: fills Phụ lục I and II. */
import * as path from "path";
import { TEXT_CUT_CHECK, type ReportPlan } from "../../core/report/planReport";
import { formatFinding } from "../format";
import { parseArgs, UsageError } from "../args";
import { EXIT, type Command } from "../command";
import type { Io } from "../io";
import { pasteable } from "../invocation";
import { refuseExistingTarget, refuseMissingFolder, refuseOutputOverInput } from "../../xlsx/node/safeWrite";
import { takeCompared } from "./draft";

/** What a report run tells the user, in Vietnamese. */
export function describeReport(plan: ReportPlan, written: string, file: string, io: Io): void {
  const { errors, warnings, sheets, keptEdited } = plan.summary;
  io.out(`Đã ghi báo cáo vào "${written}": ${sheets.map((s) => `«${s}»`).join(", ")}.\n`);
  io.out(`Số liệu: ${errors} lỗi, ${warnings} cảnh báo. Chi tiết: ${pasteable(["check", file])}\n`);
  // Texts cut to what a cell holds are not in `check` (they are the report's): named here.
  for (const finding of plan.findings.filter((f) => f.checkId === TEXT_CUT_CHECK))
    io.out(`${formatFinding(finding)}\n`);
  if (errors > 0) {
    // Said here, never on the printed pages.
    io.out(`Lưu ý: còn ${errors} lỗi; cần sửa trước khi ban hành.\n`);
  }
  if (plan.summary.documentsOmitted)
    io.out("Danh mục văn bản trống nên không có Phụ lục II (thêm --phu-luc-ii nếu vẫn cần in).\n");
  for (const kept of keptEdited) io.out(`Báo cáo cũ đã bị sửa tay nên được giữ lại với tên «${kept}».\n`);
}

/** The PDF a bare `--pdf` writes: beside the workbook written, its name with `.pdf`. */
export function besideAsPdf(workbook: string): string {
  const ext = path.extname(workbook);
  return path.join(path.dirname(workbook), `${path.basename(workbook, ext)}.pdf`);
}

export const reportCommand: Command = {
  help: [
    "Cách dùng: npx cchc report TỆP.xlsx [-o KẾT_QUẢ.xlsx [--force]] [--pdf [BÁO_CÁO.pdf]] [--phu-luc-ii]",
    "                         [--compare KỲ_TRƯỚC.xlsx]…",
    "",
    "Điền các trang báo cáo từ số liệu đã nhập. Các trang nhập liệu không bị thay đổi; trang báo cáo",
    "đã bị sửa tay được giữ lại dưới tên khác.",
    "",
    "  -o, --output TỆP  Ghi kết quả vào tệp khác (mặc định: ghi vào chính TỆP, an toàn);",
    "                    tệp đó đã có thì không ghi đè, trừ khi thêm --force.",
    "  --force           Cho phép -o ghi đè tệp đã có.",
    "  --pdf [TỆP.pdf]   In các trang báo cáo ra PDF (cần LibreOffice). Không ghi tên thì PDF",
    "                    nằm cạnh bảng tính kết quả, cùng tên: so-lieu.xlsx → so-lieu.pdf.",
    "  --phu-luc-ii      Vẫn tạo Phụ lục II khi danh mục văn bản trống.",
    "  --compare TỆP     Báo cáo kỳ trước và/hoặc cùng kỳ năm trước của cùng đơn vị, cùng mẫu:",
    "                    Phụ lục I thêm cột «Kỳ trước», «Cùng kỳ năm trước» và mức tăng, giảm.",
    "                    Ghi nhiều lần để so với cả hai kỳ.",
    "",
    "Mã thoát: 0 xong; 1 xong nhưng số liệu còn lỗi; 2 khi không đọc/ghi được tệp, không in được PDF,",
    "hoặc tệp so sánh khác đơn vị, khác mẫu, không phải kỳ trước hay cùng kỳ năm trước.",
    "",
  ].join("\n"),
  async run(args, io) {
    const { compared, rest } = takeCompared(args);
    const parsed = parseArgs(rest, {
      flags: {
        "--output": { value: true, aliases: ["-o"] },
        // `--pdf` alone, or before the input file: the .xlsx is never taken as the PDF's name.
        "--pdf": { value: true, optional: (next) => !/\.xlsx$/i.test(next) },
        "--force": {},
        "--phu-luc-ii": {},
      },
      positional: { min: 1, max: 1, name: "tệp .xlsx có số liệu" },
    });
    const file = parsed.positional[0];
    const output = parsed.flags.get("--output");
    const pdfFlag = parsed.flags.get("--pdf");
    const pdf = pdfFlag === true ? besideAsPdf(typeof output === "string" ? output : file) : pdfFlag;
    if (typeof output === "string" && !/\.xlsx$/i.test(output))
      throw new UsageError(`Tên tệp "${output}" phải có đuôi .xlsx.`);
    if (typeof pdf === "string" && !/\.pdf$/i.test(pdf))
      throw new UsageError(`Tên tệp "${pdf}" phải có đuôi .pdf.`);
    if (parsed.flags.has("--force") && typeof output !== "string")
      throw new UsageError("--force chỉ dùng cùng -o (ghi vào chính TỆP thì không cần).");
    // -o names another file: the input itself (by name or through a link) is refused, as a PDF
    // written over it would be.
    // `report TỆP -o TỆP` means "into the file itself", which is what leaving out -o does.
    if (typeof output === "string")
      await refuseOutputOverInput(
        output,
        [file],
        "Muốn ghi các trang báo cáo vào chính tệp này thì bỏ -o (số liệu đã nhập giữ nguyên); muốn có bản riêng thì chọn tên khác cho tệp kết quả.",
      );
    if (typeof pdf === "string") await refuseOutputOverInput(pdf, [file]);
    // A new output never replaces a file by accident, nor goes to a folder that does not exist;
    // said before anything is read or written.
    if (typeof output === "string") await refuseMissingFolder(output);
    if (typeof output === "string" && !parsed.flags.has("--force")) await refuseExistingTarget(output);
    const { checkPdfTarget, printReportPdf } = await import("./printPdf");
    // A PDF that cannot be written is said before anything is written.
    if (typeof pdf === "string" && !checkPdfTarget(pdf, io)) return EXIT.usage;
    // The file modules load only once the arguments are known to be right (see main.ts).
    const [{ reportIntoFile }, { readDraftSource }, { CompareRefusedError }] = await Promise.all([
      import("../../xlsx/node/operations"),
      import("../../xlsx/node/draftInput"),
      import("../../core/report/comparison"),
    ]);
    const others = [];
    for (const other of compared) others.push(await readDraftSource(other));
    let outcome;
    try {
      outcome = await reportIntoFile(file, {
        output: typeof output === "string" ? output : undefined,
        documentsAppendix: parsed.flags.has("--phu-luc-ii"),
        compared: others,
      });
    } catch (error) {
      // Nothing is written: the refusal is said with its reason.
      if (error instanceof CompareRefusedError) {
        io.err(`${error.message}\n`);
        return EXIT.usage;
      }
      throw error;
    }
    const { plan, written } = outcome;
    describeReport(plan, written, file, io);
    if (typeof pdf === "string") {
      if (!(await printReportPdf(plan, pdf, io))) return EXIT.usage;
      io.out(`Đã in PDF: "${pdf}".\n`);
    }
    return plan.summary.errors > 0 ? EXIT.findings : EXIT.ok;
  },
};
