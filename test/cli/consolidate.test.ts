/**
 * `cchc consolidate` on real files of the built-in commune form: over units (every refusal
 * with its message while the rest consolidate, exit codes, inputs byte-identical, the output
 * written atomically and then passing `check` and `report` like any workbook) and over periods
 * (9 tháng = 6 tháng + Quý III; a gap refused, nothing written).
 */
import { createHash } from "crypto";
import { strToU8, zipSync } from "fflate";
import * as fs from "fs";
import * as path from "path";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { builtinCatalogue, DEFAULT_CATALOGUE, DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import { aggregateOf } from "../../src/core/consolidate";
import { SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { toExcelSerial } from "../../src/core/period";
import { inputName } from "../../src/core/catalogue";
import { cellValue, findWorksheet } from "../support/excelJsWorkbook";
import { writeUnitFile } from "../support/consolidation";
import { makeTempDir, namedCell, readBack, removeTempDir, strayFiles } from "../support/xlsx";

const XA = builtinCatalogue("cchc-xa")!;
const HUYEN = DISTRICT_CATALOGUE;

const A = {
  co_quan: "UBND XÃ AN BÌNH",
  ky_bao_cao: "Quý III",
  nam: 2026,
  hs_moi: 80,
  hs_kytruoc: 20,
  hs_tong: 100,
  hs_dagq: 90,
  hs_dagq_dunghan: 85,
  hs_dagq_quahan: 5,
  hs_danggq: 10,
  hs_danggq_tronghan: 10,
  hs_danggq_quahan: 0,
  bc_xa_giao: 20,
  bc_xa_comat: 19,
  ns_thu: 10.5,
  ns_kehoach: 12,
};
const B = {
  ...A,
  co_quan: "UBND PHƯỜNG BẮC SƠN",
  hs_moi: 40,
  hs_kytruoc: 10,
  hs_tong: 50,
  hs_dagq: 50,
  hs_dagq_dunghan: 40,
  hs_dagq_quahan: 10,
  hs_danggq: 0,
  hs_danggq_tronghan: 0,
  bc_xa_giao: 15,
  bc_xa_comat: 15,
  ns_thu: 7,
  ns_kehoach: 7,
};
/** C has errors: more resolved on time than resolved. */
const C = {
  ...A,
  co_quan: "UBND XÃ CẨM HÀ",
  hs_moi: 30,
  hs_kytruoc: 0,
  hs_tong: 30,
  hs_dagq: 25,
  hs_dagq_dunghan: 26,
  hs_dagq_quahan: 0,
  hs_danggq: 5,
  hs_danggq_tronghan: 5,
  bc_xa_giao: 10,
  bc_xa_comat: 9,
  ns_thu: null,
  ns_kehoach: null,
};

let dir: string;
const run = async (...args: string[]) => {
  const io = bufferIo();
  const status = await main(["consolidate", ...args], io);
  return { status, stdout: io.stdout, stderr: io.stderr };
};
const digest = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const inDir = (...parts: string[]) => path.join(dir, ...parts);
/** Said after a consolidation over units without --co-quan: the result has no issuing body. */
const NO_BODY =
  'Chưa có tên cơ quan tổng hợp: tệp kết quả để trống «Tên cơ quan ban hành». Hãy gõ tên vào ô đó trong trang Thông tin chung, hoặc tổng hợp lại với --co-quan "SỞ NỘI VỤ TỈNH …", trước khi lập báo cáo.';

beforeAll(async () => {
  dir = makeTempDir("cchc-consolidate-");
  fs.mkdirSync(inDir("xa"));
  await writeUnitFile(inDir("xa", "an-binh.xlsx"), A, XA);
  await writeUnitFile(inDir("xa", "bac-son.xlsx"), B, XA);
  await writeUnitFile(inDir("xa", "cam-ha.xlsx"), C, XA);
}, 60_000);
afterAll(() => removeTempDir(dir));

describe("cchc consolidate over units", () => {
  it("report counts the findings check lists on the consolidated workbook (the unit with errors too)", async () => {
    const out = inDir("dem.xlsx");
    await run("-o", out, inDir("xa"), "--force");
    const check = bufferIo();
    expect(await main(["check", out], check)).toBe(1);
    const counted = /Kết quả: (\d+) lỗi, (\d+) cảnh báo/.exec(check.stdout)!;
    // The breakdown's unit with errors, and the consolidation left without its issuing body.
    expect(check.stdout).toMatch(/UBND XÃ CẨM HÀ/);
    // A required row of every form: an error naming its cell (issue 21), no longer a warning.
    expect(check.stdout).toMatch(/^Lỗi +'Thông tin chung'!D\d+: «Tên cơ quan ban hành» là dòng bắt buộc/m);
    const report = bufferIo();
    await main(["report", out, "-o", inDir("dem-bao-cao.xlsx"), "--force"], report);
    expect(report.stdout).toContain(`Số liệu: ${counted[1]} lỗi, ${counted[2]} cảnh báo`);
    for (const file of [out, inDir("dem-bao-cao.xlsx")]) fs.rmSync(file);
  });

  it("sums, recomputes ratios, flags the unit with errors, lists every file; exit 1", async () => {
    const inputs = fs.readdirSync(inDir("xa")).map((n) => inDir("xa", n));
    const before = inputs.map(digest);
    const out = inDir("tinh.xlsx");
    const result = await run("-o", out, inDir("xa"), "--co-quan", "SỞ NỘI VỤ TỈNH THỬ");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    expect(result.stdout.split("\n")).toEqual([
      // The one warning of each unit: the legacy commune form (cchc-xa) is for periods before
      // 1/7/2025, and these units report for 2026 (form:period).
      `✓ ${inDir("xa", "an-binh.xlsx")}: UBND XÃ AN BÌNH, 0 lỗi, 1 cảnh báo`,
      `✓ ${inDir("xa", "bac-son.xlsx")}: UBND PHƯỜNG BẮC SƠN, 0 lỗi, 1 cảnh báo`,
      `⚠ ${inDir("xa", "cam-ha.xlsx")}: UBND XÃ CẨM HÀ, 2 lỗi, 1 cảnh báo`,
      `Đã tổng hợp 3/3 tệp (3 đơn vị) vào "${out}". 1 đơn vị có lỗi số liệu: UBND XÃ CẨM HÀ; các số tổng có thể thiếu hoặc sai — hãy sửa tệp của đơn vị đó rồi tổng hợp lại.`,
      "",
    ]);
    expect(inputs.map(digest)).toEqual(before);
    expect(strayFiles(dir, ["xa", "tinh.xlsx"])).toEqual([]);

    const workbook = await readBack(out);
    const value = (id: string) => cellValue(namedCell(workbook, inputName(id)));
    expect([value("hs_tong"), value("hs_dagq"), value("hs_dagq_dunghan"), value("hs_dagq_quahan")]).toEqual([
      180, 165, 151, 15,
    ]);
    expect([value("bc_xa_giao"), value("bc_xa_comat"), value("ns_thu"), value("ns_kehoach")]).toEqual([
      45, 43, 17.5, 19,
    ]);
    // Cached ratio values are the recomputed ones: 151 / 165, not the mean of the units' rates.
    expect(value("hs_tyle_dunghan")).toBeCloseTo(151 / 165, 12);
    expect(value("ns_tyle")).toBeCloseTo(17.5 / 19, 12);
    expect(value("co_quan")).toBe("SỞ NỘI VỤ TỈNH THỬ");
    expect(value("ky_bao_cao")).toBe("Quý III");
    expect(value("tu_ngay")).toBe(toExcelSerial({ year: 2026, month: 6, day: 15 }));

    const breakdown = findWorksheet(workbook, "Tổng hợp theo đơn vị")!;
    expect([6, 7, 8, 9].map((r) => breakdown.getCell(`B${r}`).value)).toEqual([
      "UBND PHƯỜNG BẮC SƠN",
      "UBND XÃ AN BÌNH",
      "UBND XÃ CẨM HÀ",
      "Tổng cộng (3 đơn vị)",
    ]);
    expect(breakdown.getCell("C8").value).toBe(2);
    const files = findWorksheet(workbook, "Tệp tổng hợp")!;
    expect(files.getCell("E4").value).toBe("Đã tổng hợp");

    // The result is a workbook like any other: check finds the error Cẩm Hà brought into the sums,
    // and warns that a unit with errors is in them (its breakdown row).
    const io = bufferIo();
    expect(await main(["check", out], io)).toBe(1);
    expect(io.stdout).toBe(
      "Lỗi       '2-3. Thể chế, TTHC'!D22, D23, D24: Tổng giải quyết đúng hạn + giải quyết quá hạn là 166, khác số hồ sơ đã giải quyết (165), lệch 1.\n" +
        "Cảnh báo  'Thông tin chung'!D11: Mẫu «Mẫu báo cáo CCHC cấp xã cũ (trước ngày 01/7/2025), phần của mẫu cấp huyện dành cho xã» (cchc-xa) dùng cho các kỳ kết thúc đến ngày 30/06/2025, nhưng số liệu tính đến ngày 14/09/2026: kỳ này cần mẫu khác.\n" +
        "Cảnh báo  'Tổng hợp theo đơn vị'!C8: Số liệu này tổng hợp cả 1 đơn vị có lỗi số liệu (UBND XÃ CẨM HÀ: 2 lỗi): các số tổng có thể thiếu hoặc sai dù tự chúng không lỗi. Hãy sửa tệp của đơn vị đó rồi tổng hợp lại (xem trang «Tổng hợp theo đơn vị»).\n" +
        "Kết quả: 1 lỗi, 2 cảnh báo (cần sửa các lỗi trước khi gửi báo cáo).\n",
    );
  });

  it("refuses a corrupt file, another form, another period and a unit's second file, and consolidates the rest", async () => {
    const more = inDir("more");
    fs.mkdirSync(more);
    for (const name of ["an-binh.xlsx", "bac-son.xlsx"])
      fs.copyFileSync(inDir("xa", name), path.join(more, name));
    fs.writeFileSync(
      path.join(more, "hong.xlsx"),
      fs.readFileSync(inDir("xa", "an-binh.xlsx")).subarray(0, 2000),
    );
    fs.writeFileSync(path.join(more, "ghi-chu.xlsx"), "không phải bảng tính");
    await writeUnitFile(
      path.join(more, "huyen.xlsx"),
      { ...SAMPLE_FIGURES, co_quan: "UBND XÃ D", ky_bao_cao: "Quý III", nam: 2026 },
      HUYEN,
    );
    await writeUnitFile(
      path.join(more, "quy-2.xlsx"),
      { ...A, co_quan: "UBND XÃ E", ky_bao_cao: "Quý II" },
      XA,
    );
    await writeUnitFile(path.join(more, "z-an-binh-lan-2.xlsx"), { ...A, hs_moi: 1 }, XA);
    const before = fs.readdirSync(more).map((n) => digest(path.join(more, n)));

    const out = inDir("tinh-2.xlsx");
    const result = await run("-o", out, more);
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    const line = (name: string) => lines.find((l) => l.includes(path.join(more, name)));
    expect(line("hong.xlsx")).toMatch(/^✗ .*: Tệp bị hỏng, không đọc được/);
    expect(line("ghi-chu.xlsx")).toMatch(/: Tệp không phải bảng tính Excel \.xlsx\.$/);
    expect(line("huyen.xlsx")).toMatch(
      /: Tệp theo mẫu «huyen-2021» phiên bản 2021\.1, khác mẫu «cchc-xa» phiên bản 1\.0\.0 của các tệp đang tổng hợp\.$/,
    );
    expect(line("quy-2.xlsx")).toMatch(
      /: Số liệu kỳ Quý II\/2026, 15\/03\/2026 – 14\/06\/2026, khác kỳ đang tổng hợp \(Quý III\/2026/,
    );
    expect(line("z-an-binh-lan-2.xlsx")).toBe(
      `✗ ${path.join(more, "z-an-binh-lan-2.xlsx")}: Đơn vị «UBND XÃ AN BÌNH» đã được đọc từ tệp «${path.join(more, "an-binh.xlsx")}»: tệp này là báo cáo thứ hai của cùng đơn vị, không cộng hai lần; hai tệp có số liệu khác nhau — hãy kiểm tra và chỉ để lại tệp đúng (khác ở 1 chỉ tiêu, ví dụ «Số mới tiếp nhận»).`,
    );
    expect(lines.slice(-2)).toEqual([
      `Đã tổng hợp 2/7 tệp (2 đơn vị) vào "${out}". 5 tệp bị loại (xem trang «Tệp tổng hợp»).`,
      NO_BODY,
    ]);
    expect(fs.readdirSync(more).map((n) => digest(path.join(more, n)))).toEqual(before);
    const workbook = await readBack(out);
    expect(cellValue(namedCell(workbook, "CCHC_HS_TONG"))).toBe(150);
    expect(findWorksheet(workbook, "Tệp tổng hợp")!.getCell("A2").value).toBe(
      "7 tệp: 2 đã tổng hợp, 5 bị loại.",
    );
  });

  it("lists a folder's spreadsheets of other formats and refuses each with what to do; a copy after its original", async () => {
    const mixed = inDir("mixed");
    fs.mkdirSync(mixed);
    fs.copyFileSync(inDir("xa", "an-binh.xlsx"), path.join(mixed, "an-binh.xlsx"));
    // A copy whose name sorts before the original's as a whole name (`_` before `.`), not as a file manager lists it.
    fs.copyFileSync(inDir("xa", "an-binh.xlsx"), path.join(mixed, "an-binh_ban-sao.xlsx"));
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    fs.writeFileSync(path.join(mixed, "huong-son.xls"), ole);
    fs.writeFileSync(
      path.join(mixed, "ky-anh.ods"),
      zipSync({
        mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
        "content.xml": strToU8("<x/>"),
      }),
    );
    fs.writeFileSync(
      path.join(mixed, "thach-ha.xlsb"),
      zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.bin": new Uint8Array([1, 2, 3]) }),
    );
    fs.writeFileSync(path.join(mixed, "ghi-chu.txt"), "không phải bảng tính");

    const out = inDir("tinh-mixed.xlsx");
    const result = await run("-o", out, mixed);
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    const line = (name: string) => lines.find((l) => l.includes(path.join(mixed, name)));
    expect(line("an-binh.xlsx")).toMatch(/^✓ /);
    expect(line("an-binh_ban-sao.xlsx")).toMatch(/^✗ .*tệp này là bản sao với số liệu giống hệt/);
    expect(line("huong-son.xls")).toMatch(/: Tệp là bảng tính \.xls cũ .*lưu thành \.xlsx/);
    expect(line("ky-anh.ods")).toMatch(/: Tệp là bảng tính OpenDocument \(\.ods\).*lưu thành \.xlsx/);
    expect(line("thach-ha.xlsb")).toMatch(/: Tệp là bảng tính nhị phân \.xlsb.*\(\.xlsx\)/);
    expect(line("ghi-chu.txt")).toBeUndefined();
    expect(lines.slice(-2)).toEqual([
      `Đã tổng hợp 1/5 tệp (1 đơn vị) vào "${out}". 4 tệp bị loại (xem trang «Tệp tổng hợp»).`,
      NO_BODY,
    ]);
  });

  it("refuses an earlier result over units left in the folder: totals not doubled; over periods it is an input", async () => {
    const folder = inDir("xa2d");
    fs.mkdirSync(folder);
    for (const name of ["an-binh.xlsx", "bac-son.xlsx", "cam-ha.xlsx"])
      fs.copyFileSync(inDir("xa", name), path.join(folder, name));
    const earlier = path.join(folder, "tinh.xlsx");
    expect((await run("-o", earlier, folder, "--co-quan", "SỞ NỘI VỤ TỈNH THỬ")).status).toBe(1);

    const out = inDir("tinh2.xlsx");
    const result = await run("-o", out, folder);
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toContain(
      `✗ ${earlier}: Tệp là kết quả tổng hợp của 3 đơn vị (có trang «Tổng hợp theo đơn vị»), không phải báo cáo của một đơn vị: hãy tổng hợp từ chính các tệp của các đơn vị.`,
    );
    expect(lines[lines.length - 2]).toMatch(/^Đã tổng hợp 3\/4 tệp \(3 đơn vị\)/);
    expect(cellValue(namedCell(await readBack(out), "CCHC_HS_TONG"))).toBe(180);

    // A province's 6 tháng and Quý III results make its 9 tháng: over periods they are inputs.
    const half = inDir("xa6");
    fs.mkdirSync(half);
    await writeUnitFile(path.join(half, "an-binh.xlsx"), { ...A, ky_bao_cao: "6 tháng" }, XA);
    const halfResult = inDir("tinh-6thang.xlsx");
    expect((await run("-o", halfResult, half, "--co-quan", "SỞ NỘI VỤ TỈNH THỬ")).status).toBe(0);
    const nine = inDir("tinh-9thang.xlsx");
    const periods = await run("-o", nine, "--ky", "9 tháng", "--nam", "2026", halfResult, earlier);
    expect(periods.stdout).not.toContain("✗");
    expect(periods.stdout).toMatch(/^Đã tổng hợp 2\/2 tệp \(2 kỳ\)/m);
    // 100 (6 tháng) + 180 (Quý III) less Quý III's 30 carried over, already in 6 tháng's figures.
    expect(cellValue(namedCell(await readBack(nine), "CCHC_HS_TONG"))).toBe(250);
  });

  it("chooses the form among the files that can be consolidated: an empty form without period decides nothing", async () => {
    const folder = inDir("tron");
    fs.mkdirSync(folder);
    // «ht.xlsx» sorts first: the district form, empty, so without a period.
    await writeUnitFile(path.join(folder, "ht.xlsx"), {}, HUYEN);
    fs.copyFileSync(inDir("xa", "an-binh.xlsx"), path.join(folder, "xa2.xlsx"));
    const result = await run("-o", inDir("tron.xlsx"), folder);
    expect(result.status).toBe(1);
    expect(result.stdout.split("\n")).toEqual([
      `✗ ${path.join(folder, "ht.xlsx")}: Thông tin chung chưa có kỳ báo cáo và năm (hoặc ngày đầu, cuối kỳ số liệu): không biết số liệu thuộc kỳ nào.`,
      `✓ ${path.join(folder, "xa2.xlsx")}: UBND XÃ AN BÌNH, 0 lỗi, 1 cảnh báo`,
      `Đã tổng hợp 1/2 tệp (1 đơn vị) vào "${inDir("tron.xlsx")}". 1 tệp bị loại (xem trang «Tệp tổng hợp»).`,
      NO_BODY,
      "",
    ]);
  });

  it("names each skipped subfolder holding workbooks on stderr, and still reads only the folder's own files", async () => {
    const folder = inDir("misc");
    fs.mkdirSync(path.join(folder, "con", "cu"), { recursive: true });
    fs.mkdirSync(path.join(folder, "trong"));
    fs.copyFileSync(inDir("xa", "an-binh.xlsx"), path.join(folder, "xa1.xlsx"));
    fs.copyFileSync(inDir("xa", "bac-son.xlsx"), path.join(folder, "con", "xa4.xlsx"));
    fs.copyFileSync(inDir("xa", "cam-ha.xlsx"), path.join(folder, "con", "cu", "xa5.xlsx"));
    fs.writeFileSync(path.join(folder, "trong", "ghi-chu.txt"), "x");
    const result = await run("-o", inDir("misc.xlsx"), folder);
    expect(result.stderr).toBe(
      `Bỏ qua thư mục con "${path.join(folder, "con")}" (2 tệp bảng tính): chỉ đọc các tệp ngay trong thư mục đã chỉ.\n`,
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Đã tổng hợp 1\/1 tệp \(1 đơn vị\)/m);
  });

  it("exit 0 when every file is included and no unit has errors", async () => {
    const result = await run(
      "-o",
      inDir("hai.xlsx"),
      inDir("xa", "an-binh.xlsx"),
      inDir("xa", "bac-son.xlsx"),
    );
    expect(result).toMatchObject({ status: 0, stderr: "" });
  });

  it("prints progress on stderr for a long run (a line when stderr is no terminal)", async () => {
    const many = inDir("nhieu");
    fs.mkdirSync(many);
    for (let i = 0; i < 20; i++) fs.copyFileSync(inDir("xa", "an-binh.xlsx"), path.join(many, `x${i}.xlsx`));
    const result = await run("-o", inDir("nhieu.xlsx"), many);
    expect(result.stderr).toBe("Đã đọc 20/20 tệp…\n");
    // 19 copies of one unit: the first is kept, the others refused as its second file.
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/Đã tổng hợp 1\/20 tệp \(1 đơn vị\)/);
  });

  it("exit 2 and nothing written when no file can be used, or on bad usage", async () => {
    fs.writeFileSync(inDir("rac.xlsx"), "x");
    const none = await run("-o", inDir("khong.xlsx"), inDir("rac.xlsx"));
    expect(none.status).toBe(2);
    expect(none.stderr).toBe("Không có tệp nào tổng hợp được; không ghi tệp kết quả.\n");
    expect(fs.existsSync(inDir("khong.xlsx"))).toBe(false);

    expect((await run(inDir("xa"))).stderr).toMatch(/^Thiếu tệp kết quả: -o KẾT_QUẢ\.xlsx\./);
    expect((await run("-o", inDir("xa", "an-binh.xlsx"), inDir("xa", "an-binh.xlsx"))).stderr).toMatch(
      /chính là tệp đầu vào/,
    );
    expect((await run("-o", inDir("k.xlsx"), "--ky", "9 tháng", inDir("xa"))).stderr).toMatch(
      /cần cả --ky và --nam/,
    );
    expect((await run("-o", inDir("k.xlsx"), "--ky", "Quý V", "--nam", "2026", inDir("xa"))).status).toBe(2);
    // A folder that cannot take the output: the write fails, nothing is left behind.
    const failed = await run("-o", inDir("khong-co", "x.xlsx"), inDir("xa"));
    expect(failed.status).toBe(2);
    expect(fs.existsSync(inDir("khong-co"))).toBe(false);
  });

  it("refuses an output whose folder does not exist before reading any file, naming the folder", async () => {
    for (const extra of [[], ["--force"]]) {
      const out = inDir("khong-co", "th.xlsx");
      expect(await run("-o", out, ...extra, inDir("xa"))).toEqual({
        status: 2,
        // No file listed: none was read.
        stdout: "",
        stderr: `Không ghi được tệp "${out}": không có thư mục "${inDir("khong-co")}". Hãy tạo thư mục đó trước, hoặc chọn nơi ghi khác. Không ghi tệp nào.\n`,
      });
    }
    expect(fs.existsSync(inDir("khong-co"))).toBe(false);
    // A folder in the path that is a file.
    const through = await run("-o", inDir("xa", "an-binh.xlsx", "th.xlsx"), inDir("xa"));
    expect(through.status).toBe(2);
    expect(through.stderr).toBe(
      `Không ghi được tệp "${inDir("xa", "an-binh.xlsx", "th.xlsx")}": "${inDir("xa", "an-binh.xlsx")}" là một tệp, không phải thư mục. Hãy chọn nơi ghi khác. Không ghi tệp nào.\n`,
    );
  });

  it("names an input folder or file that does not exist, before reading any file", async () => {
    const folder = inDir("khong-co-thu-muc");
    expect(await run("-o", inDir("k1.xlsx"), folder)).toEqual({
      status: 2,
      stdout: "",
      stderr: `Không tìm thấy tệp hay thư mục "${folder}": hãy kiểm tra lại tên và đường dẫn. Không đọc tệp nào.\n`,
    });
    // Among good inputs: not a consolidation short of a unit, but the mistyped names.
    const file = inDir("xa", "an-bin.xlsx");
    expect(await run("-o", inDir("k1.xlsx"), inDir("xa", "bac-son.xlsx"), file)).toEqual({
      status: 2,
      stdout: "",
      stderr: `Không tìm thấy tệp "${file}": hãy kiểm tra lại tên và đường dẫn. Không đọc tệp nào.\n`,
    });
    expect((await run("-o", inDir("k1.xlsx"), folder, file, inDir("xa"))).stderr).toBe(
      `Không tìm thấy tệp hay thư mục "${folder}", "${file}": hãy kiểm tra lại tên và đường dẫn. Không đọc tệp nào.\n`,
    );
    expect(fs.existsSync(inDir("k1.xlsx"))).toBe(false);
  });
});

describe("cchc consolidate -o into the folder it consolidates (run again after a unit's fix)", () => {
  const folder = () => inDir("vao");
  const out = () => inDir("vao", "tonghop.xlsx");
  const SKIP = () => `Bỏ qua "${out()}": đó là tệp kết quả sẽ ghi.\n`;
  beforeAll(() => {
    fs.mkdirSync(folder());
    fs.copyFileSync(inDir("xa", "an-binh.xlsx"), path.join(folder(), "an-binh.xlsx"));
    fs.copyFileSync(inDir("xa", "bac-son.xlsx"), path.join(folder(), "bac-son.xlsx"));
  });

  it("the first run says nothing more; the next is refused as «đã có» without --force, the result kept", async () => {
    const first = await run("-o", out(), folder());
    expect(first).toMatchObject({ status: 0, stderr: "" });
    expect(first.stdout).toMatch(/^Đã tổng hợp 2\/2 tệp \(2 đơn vị\)/m);
    const before = digest(out());
    expect(await run("-o", out(), folder())).toEqual({
      status: 2,
      stdout: "",
      stderr: SKIP() + `Tệp "${out()}" đã có: chọn tên khác, hoặc thêm --force để ghi đè.\n`,
    });
    expect(digest(out())).toBe(before);
  });

  it("with --force, leaves the earlier result out of the inputs and replaces it", async () => {
    if (!fs.existsSync(out())) await run("-o", out(), folder());
    const units = ["an-binh.xlsx", "bac-son.xlsx"].map((n) => path.join(folder(), n));
    const before = units.map(digest);
    const again = await run("-o", out(), "--force", folder());
    expect(again.stderr).toBe(SKIP());
    expect(again.status).toBe(0);
    expect(again.stdout.split("\n").slice(0, 3)).toEqual([
      `✓ ${units[0]}: UBND XÃ AN BÌNH, 0 lỗi, 1 cảnh báo`,
      `✓ ${units[1]}: UBND PHƯỜNG BẮC SƠN, 0 lỗi, 1 cảnh báo`,
      `Đã tổng hợp 2/2 tệp (2 đơn vị) vào "${out()}".`,
    ]);
    expect(cellValue(namedCell(await readBack(out()), "CCHC_HS_TONG"))).toBe(150);
    expect(units.map(digest)).toEqual(before);
  });

  it("knows the result under another name in the folder (a hard link) as the output", async () => {
    if (!fs.existsSync(out())) await run("-o", out(), folder());
    const elsewhere = inDir("tong-hop-lien-ket.xlsx");
    fs.linkSync(out(), elsewhere);
    try {
      const result = await run("-o", elsewhere, "--force", folder());
      expect(result.stderr).toBe(SKIP());
      expect(result.status).toBe(0);
    } finally {
      fs.rmSync(elsewhere);
    }
  });

  it("still refuses the result named as an input explicitly, --force or not", async () => {
    if (!fs.existsSync(out())) await run("-o", out(), folder());
    const before = digest(out());
    for (const extra of [[], ["--force"]]) {
      const result = await run("-o", out(), ...extra, out(), path.join(folder(), "an-binh.xlsx"));
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^Tệp kết quả ".*" chính là tệp đầu vào ".*": tệp đầu vào chỉ được đọc/);
    }
    expect(digest(out())).toBe(before);
  });
});

describe("cchc consolidate -o never replaces a file by accident", () => {
  it("refuses an existing output (exit 2, nothing read or written) unless --force", async () => {
    const out = inDir("so-quan-trong.xlsx");
    fs.writeFileSync(out, "bảng tính khác");
    const inputs = [inDir("xa", "an-binh.xlsx"), inDir("xa", "bac-son.xlsx")];
    const before = inputs.map(digest);
    const refused = await run("-o", out, ...inputs);
    expect(refused).toEqual({
      status: 2,
      stdout: "",
      stderr: `Tệp "${out}" đã có: chọn tên khác, hoặc thêm --force để ghi đè.\n`,
    });
    expect(fs.readFileSync(out, "utf8")).toBe("bảng tính khác");

    const forced = await run("-o", out, "--force", ...inputs);
    expect(forced).toMatchObject({ status: 0, stderr: "" });
    expect(cellValue(namedCell(await readBack(out), "CCHC_HS_TONG"))).toBe(150);
    expect(inputs.map(digest)).toEqual(before);
  });

  it("never replaces, even with --force, a result open in LibreOffice (exit 2, the file as it was)", async () => {
    const out = inDir("dang-mo.xlsx");
    fs.writeFileSync(out, "bản đang mở");
    fs.writeFileSync(
      inDir(".~lock.dang-mo.xlsx#"),
      "Nguyễn Văn A,may-tram,nva,30.11.2026 09:00,file:///home/nva/.config/libreoffice/4;",
    );
    const result = await run("-o", out, "--force", inDir("xa", "an-binh.xlsx"));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/đang được mở trong LibreOffice \(bởi Nguyễn Văn A\)/);
    expect(fs.readFileSync(out, "utf8")).toBe("bản đang mở");
    fs.rmSync(inDir(".~lock.dang-mo.xlsx#"));
  });

  it("refuses an output that is a report of an input folder, --force or not", async () => {
    const own = inDir("xa", "bac-son.xlsx");
    const before = digest(own);
    for (const extra of [[], ["--force"]]) {
      const result = await run("-o", own, ...extra, inDir("xa"));
      expect(result).toEqual({
        status: 2,
        stdout: "",
        stderr: `Tệp kết quả "${own}" chính là tệp đầu vào "${own}": tệp đầu vào chỉ được đọc, không bao giờ bị ghi đè, kể cả với --force. Hãy chọn tên khác cho tệp kết quả. Không ghi tệp nào.\n`,
      });
    }
    expect(digest(own)).toBe(before);
  });

  it("refuses an output that is an input through a symbolic link or a hard link, --force or not", async () => {
    const own = inDir("xa", "an-binh.xlsx");
    const before = digest(own);
    const symbolic = inDir("ket-qua-lien-ket.xlsx");
    const hard = inDir("ket-qua-cung.xlsx");
    const folderLink = inDir("thu-muc-lien-ket");
    fs.symlinkSync(own, symbolic);
    fs.linkSync(own, hard);
    // The input named through a link to its folder, the output by its own path.
    fs.symlinkSync(inDir("xa"), folderLink, "dir");
    const cases: Array<[string, string]> = [
      [symbolic, inDir("xa")],
      [hard, inDir("xa")],
      [own, path.join(folderLink, "an-binh.xlsx")],
    ];
    for (const [out, input] of cases) {
      for (const extra of [[], ["--force"]]) {
        const result = await run("-o", out, ...extra, input);
        expect(result.status).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr).toMatch(/^Tệp kết quả ".*" chính là tệp đầu vào ".*an-binh\.xlsx"/);
        expect(result.stderr).toMatch(/kể cả với --force/);
      }
    }
    expect(digest(own)).toBe(before);
    expect(fs.lstatSync(symbolic).isSymbolicLink()).toBe(true);
    expect(strayFiles(inDir("xa"), ["an-binh.xlsx", "bac-son.xlsx", "cam-ha.xlsx"])).toEqual([]);
    for (const made of [symbolic, hard, folderLink]) fs.rmSync(made);
  });
});

describe("report and catalogue show never write over their input", () => {
  const report = async (...args: string[]) => {
    const io = bufferIo();
    const status = await main(args, io);
    return { status, stdout: io.stdout, stderr: io.stderr };
  };

  it("report -o and --pdf through a link to the input: exit 2, the input unchanged", async () => {
    const input = inDir("bao-cao-nguon.xlsx");
    fs.copyFileSync(inDir("xa", "bac-son.xlsx"), input);
    const before = digest(input);
    const xlsxLink = inDir("bao-cao-ra.xlsx");
    const pdfLink = inDir("bao-cao-ra.pdf");
    fs.symlinkSync(input, xlsxLink);
    fs.symlinkSync(input, pdfLink);
    for (const args of [
      ["-o", xlsxLink, "--force"],
      ["-o", input, "--force"],
      ["--pdf", pdfLink],
    ]) {
      const result = await report("report", input, ...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/chính là tệp đầu vào/);
    }
    expect(digest(input)).toBe(before);
    for (const made of [input, xlsxLink, pdfLink]) fs.rmSync(made);
  });

  it("catalogue show -o through a link to the catalogue file: exit 2, the catalogue unchanged", async () => {
    const catalogue = inDir("danh-muc.json");
    fs.copyFileSync(path.join(__dirname, "..", "fixtures", "catalogues", "tinh-thu-xa.v1.json"), catalogue);
    const before = digest(catalogue);
    const link = inDir("danh-muc.xlsx");
    fs.symlinkSync(catalogue, link);
    const result = await report("catalogue", "show", catalogue, "-o", link, "--force");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/chính là tệp đầu vào/);
    expect(digest(catalogue)).toBe(before);
    for (const made of [catalogue, link]) fs.rmSync(made);
  });
});

describe("cchc consolidate: a unit that left a ratio's denominator blank", () => {
  it("warns that unit (check, and its count in the summary) and notes the consolidated ratio in its Ghi chú", async () => {
    fs.mkdirSync(inDir("thu"));
    const period = { tinh: "Tỉnh Thử", nam: 2026, ky_bao_cao: "Quý III" };
    const full = inDir("thu", "an-binh.xlsx");
    const gap = inDir("thu", "bac-son.xlsx");
    await writeUnitFile(
      full,
      { ...period, co_quan: "UBND XÃ AN BÌNH", ns_thu: 24690, ns_kehoach: 21000 },
      DEFAULT_CATALOGUE,
    );
    await writeUnitFile(gap, { ...period, co_quan: "UBND PHƯỜNG BẮC SƠN", ns_thu: 21000 }, DEFAULT_CATALOGUE);

    // check on the unit names the ratio, the missing part and its cell.
    const io = bufferIo();
    await main(["check", gap], io);
    expect(io.stdout).toMatch(
      /Tỷ lệ thu so dự toán: đã nhập tử số \(«Thu ngân sách trên địa bàn xã»\) nhưng mẫu số \(«Dự toán thu năm»\) còn trống \(ô '[^']+'!D\d+\)/,
    );
    const own = bufferIo();
    await main(["check", full], own);
    expect(own.stdout).not.toMatch(/Tỷ lệ thu so dự toán/);

    const out = inDir("thu.xlsx");
    const result = await run("-o", out, full, gap);
    expect(result.stderr).toBe("");
    const warnings = (name: string) =>
      Number(
        result.stdout
          .split("\n")
          .find((l) => l.includes(name))!
          .match(/(\d+) cảnh báo/)![1],
      );
    expect(warnings("UBND PHƯỜNG BẮC SƠN")).toBe(warnings("UBND XÃ AN BÌNH") + 1);

    const workbook = await readBack(out);
    const rate = namedCell(workbook, inputName("ns_tyle"));
    // 45690 / 21000: the sum of both numerators over one denominator, so it is noted.
    expect(cellValue(rate)).toBeCloseTo(45690 / 21000, 12);
    expect(rate.worksheet.getCell(`E${rate.row}`).value).toBe(
      "Tính trên số liệu chưa đủ: UBND PHƯỜNG BẮC SƠN bỏ trống mẫu số (Dự toán thu năm).",
    );
  });
});

describe("cchc consolidate over periods", () => {
  beforeAll(async () => {
    fs.mkdirSync(inDir("ky"));
    await writeUnitFile(
      inDir("ky", "6thang.xlsx"),
      { ...A, ky_bao_cao: "6 tháng", so_ky_hieu: "12/BC-UBND" },
      XA,
    );
    await writeUnitFile(inDir("ky", "quy3.xlsx"), { ...B, co_quan: A.co_quan, ky_bao_cao: "Quý III" }, XA);
    await writeUnitFile(inDir("ky", "quy1.xlsx"), { ...A, ky_bao_cao: "Quý I" }, XA);
  }, 60_000);

  it("a period with errors is named by its period and file, with what to do; exit 1", async () => {
    const wrong = inDir("ky-loi");
    fs.mkdirSync(wrong);
    fs.copyFileSync(inDir("ky", "6thang.xlsx"), path.join(wrong, "6thang.xlsx"));
    // Quý III's dossiers on time outnumber those resolved: a rule error in that period.
    await writeUnitFile(
      path.join(wrong, "quy3.xlsx"),
      { ...B, co_quan: A.co_quan, ky_bao_cao: "Quý III", hs_dagq_dunghan: 60 },
      XA,
    );
    const out = inDir("9thang-loi.xlsx");
    const result = await run("-o", out, "--ky", "9 tháng", "--nam", "2026", wrong);
    expect(result.status).toBe(1);
    expect(result.stdout.trimEnd().split("\n").pop()).toBe(
      `Đã tổng hợp 2/2 tệp (2 kỳ) vào "${out}". 1 kỳ có lỗi số liệu: Quý III/2026, 15/06/2026 – 14/09/2026 («${path.join(wrong, "quy3.xlsx")}»); các số tổng có thể thiếu hoặc sai — hãy sửa tệp của kỳ đó rồi tổng hợp lại.`,
    );
  });

  it("9 tháng = 6 tháng + Quý III: flows summed, stocks from Quý III, titled for 9 tháng", async () => {
    const out = inDir("9thang.xlsx");
    const result = await run(
      "-o",
      out,
      "--ky",
      "9 tháng",
      "--nam",
      "2026",
      inDir("ky", "quy3.xlsx"),
      inDir("ky", "6thang.xlsx"),
    );
    expect(result).toMatchObject({ status: 0, stderr: "" });
    const workbook = await readBack(out);
    const value = (id: string) => cellValue(namedCell(workbook, inputName(id)));
    // Staff are a stock (Quý III's) once the form says so; until then counts default to flows.
    const stock = aggregateOf(XA.indicators.find((i) => i.id === "bc_xa_giao")!) === "stock";
    // Received = carried over + new: 100 + 50 less Quý III's 10 carried over from 6 tháng (already
    // in 6 tháng's 100), so 140 = 20 carried over at the start + 120 new.
    expect([value("hs_kytruoc"), value("hs_moi"), value("hs_tong")]).toEqual([20, 120, 140]);
    expect([value("hs_tong"), value("hs_dagq_dunghan"), value("bc_xa_giao"), value("bc_xa_comat")]).toEqual([
      140,
      125,
      ...(stock ? [15, 15] : [35, 34]),
    ]);
    expect([value("ky_bao_cao"), value("nam"), value("co_quan"), value("so_ky_hieu")]).toEqual([
      "9 tháng",
      2026,
      A.co_quan,
      null,
    ]);
    expect(value("tu_ngay")).toBe(toExcelSerial({ year: 2025, month: 12, day: 15 }));
    expect(value("den_ngay")).toBe(toExcelSerial({ year: 2026, month: 9, day: 14 }));
    expect(findWorksheet(workbook, "Tổng hợp theo kỳ")!.getCell("B8").value).toBe("Tổng cộng (2 kỳ)");

    // Its report is titled for the longer period, with its data period.
    const reported = inDir("9thang-bao-cao.xlsx");
    expect(await main(["report", out, "-o", reported], bufferIo())).toBe(0);
    const texts: string[] = [];
    findWorksheet(await readBack(reported), "Phụ lục I")!.eachRow((row) =>
      row.eachCell((cell) => void (typeof cell.value === "string" && texts.push(cell.value))),
    );
    expect(texts.some((t) => t.includes("9 THÁNG ĐẦU NĂM\u00a02026"))).toBe(true);
    expect(texts.some((t) => t.includes("15/12/2025") && t.includes("14/9/2026"))).toBe(true);
  });

  it("the user trial's 9 tháng on xa-2025: carried over is 6 tháng's, and the result passes check", async () => {
    const unit = { co_quan: "UBND XÃ AN BÌNH", tinh: "Tỉnh Thử", nam: 2026, kh_tong: 20 };
    const half = inDir("ky", "xa2025-6thang.xlsx");
    const q3 = inDir("ky", "xa2025-quy3.xlsx");
    const hs = (kytruoc: number, moi: number, dagq: number, danggq: number, rut: number) => ({
      hs_kytruoc: kytruoc,
      hs_moi: moi,
      hs_tiepnhan: kytruoc + moi,
      hs_dagq: dagq,
      hs_danggq: danggq,
      hs_rut_tralai: rut,
    });
    await writeUnitFile(
      half,
      { ...unit, ky_bao_cao: "6 tháng", ...hs(100, 1000, 900, 180, 20) },
      DEFAULT_CATALOGUE,
    );
    await writeUnitFile(
      q3,
      { ...unit, ky_bao_cao: "Quý III", ...hs(180, 600, 650, 120, 10) },
      DEFAULT_CATALOGUE,
    );
    const out = inDir("xa2025-9thang.xlsx");
    const result = await run("-o", out, "--ky", "9 tháng", "--nam", "2026", half, q3);
    expect(result.status).toBe(0);
    const workbook = await readBack(out);
    const value = (id: string) => cellValue(namedCell(workbook, inputName(id)));
    expect(
      ["hs_kytruoc", "hs_moi", "hs_tiepnhan", "hs_dagq", "hs_danggq", "hs_rut_tralai"].map(value),
    ).toEqual([100, 1600, 1700, 1550, 120, 30]);
    const io = bufferIo();
    const status = await main(["check", out], io);
    expect(io.stdout + io.stderr).not.toMatch(/lệch|chưa rõ tình trạng/);
    expect(status).toBe(0);
  });

  it("warns when a part's carried-over dossiers differ from the previous part's pending ones, naming both files", async () => {
    const unit = { co_quan: "UBND XÃ AN BÌNH", tinh: "Tỉnh Thử", nam: 2026 };
    const half = inDir("ky", "xa2025-6thang-b.xlsx");
    const q3 = inDir("ky", "xa2025-quy3-b.xlsx");
    const hs = (kytruoc: number, moi: number, dagq: number, danggq: number) => ({
      hs_kytruoc: kytruoc,
      hs_moi: moi,
      hs_tiepnhan: kytruoc + moi,
      hs_dagq: dagq,
      hs_danggq: danggq,
    });
    // 6 tháng ends with 180 pending; Quý III says 195 were carried over: 15 more.
    await writeUnitFile(
      half,
      { ...unit, ky_bao_cao: "6 tháng", ...hs(100, 1000, 920, 180) },
      DEFAULT_CATALOGUE,
    );
    await writeUnitFile(q3, { ...unit, ky_bao_cao: "Quý III", ...hs(195, 600, 675, 120) }, DEFAULT_CATALOGUE);
    const result = await run(
      "-o",
      inDir("xa2025-9thang-b.xlsx"),
      "--ky",
      "9 tháng",
      "--nam",
      "2026",
      half,
      q3,
    );
    const line = result.stdout.split("\n").find((l) => l.includes("xa2025-quy3-b.xlsx"))!;
    expect(line).toContain(
      `«Từ kỳ trước chuyển sang» của tệp này là 195, khác «Số hồ sơ đang giải quyết» cuối kỳ trước của tệp «${half}» là 180 (lệch 15): hãy xem lại một trong hai tệp.`,
    );
    // The earlier part has nothing to continue.
    expect(result.stdout.split("\n").find((l) => l.includes("xa2025-6thang-b.xlsx"))).not.toContain("lệch");
  });

  it("a gap is refused with the dates left out; exit 2, nothing written", async () => {
    const out = inDir("9thang-thieu.xlsx");
    const result = await run(
      "-o",
      out,
      "--ky",
      "9 tháng",
      "--nam",
      "2026",
      inDir("ky", "quy1.xlsx"),
      inDir("ky", "quy3.xlsx"),
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "Các kỳ số liệu không ghép đúng kỳ 9 tháng/2026 (15/12/2025 – 14/09/2026): thiếu số liệu 15/03/2026 – 14/06/2026. Không ghi tệp kết quả.\n",
    );
    expect(result.stdout).toMatch(
      /^– \S*quy1\.xlsx: Quý I\/2026, 15\/12\/2025 – 14\/03\/2026, chưa tổng hợp$/m,
    );
    expect(result.stdout).not.toContain("undefined");
    expect(fs.existsSync(out)).toBe(false);
  });
});
