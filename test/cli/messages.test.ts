/**
 * What the command line says to a new user (issue 17, «Messages»): the help lists every exit
 * code, a mistyped command or option gets the nearest one suggested, `catalogue show` writes
 * numbers the Vietnamese way and says how each row combines in a consolidation, a bad value in a
 * catalogue file is quoted, and `report --pdf` without a name prints beside the workbook.
 */
import { strToU8, zipSync } from "fflate";
import * as fs from "fs";
import * as path from "path";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { nearest } from "../../src/cli/args";
import { DEFAULT_CATALOGUE } from "../../src/core/catalogue";
import { describeWithPrograms } from "../support/libreoffice";
import { makeTempDir, removeTempDir } from "../support/xlsx";
import { WorkbookFileError } from "../../src/xlsx/fileErrors";
import { writeFileAtomic } from "../../src/xlsx/node/safeWrite";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("cchc-messages-");
});
afterAll(() => removeTempDir(dir));

async function run(...args: string[]) {
  const io = bufferIo();
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe("help and mistyped words", () => {
  it("lists exit code 3 (a fault of cchc) beside 0, 1 and 2", async () => {
    const help = await run("--help");
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Mã thoát: 0 thành công; 1 khi .*; 2 khi .*;\n3 khi cchc gặp lỗi nội bộ/);
  });

  it("suggests the nearest command for a mistyped one, and none for a word far from all", async () => {
    expect(await run("chek", "so-lieu.xlsx")).toEqual({
      code: 2,
      out: "",
      err: 'Không có lệnh "chek". Có phải ý bạn là: cchc check? Xem: npx cchc --help\n',
    });
    expect((await run("reprot")).err).toMatch(/Có phải ý bạn là: cchc report\?/);
    expect((await run("catalog", "list")).err).toMatch(/Có phải ý bạn là: cchc catalogue\?/);
    expect((await run("cons")).err).toMatch(/Có phải ý bạn là: cchc consolidate\?/);
    expect((await run("xoa")).err).toBe('Không có lệnh "xoa". Xem: npx cchc --help\n');
    expect((await run("catalogue", "shwo", "xa-2025")).err).toBe(
      'Không có "catalogue shwo" (có phải ý bạn là: cchc catalogue show?): dùng list, check hoặc show. Xem: npx cchc catalogue --help\n',
    );
  });

  it("suggests the nearest option of the command", async () => {
    expect((await run("check", "a.xlsx", "--jsn")).err).toBe(
      'Không có tuỳ chọn "--jsn". Có phải ý bạn là: --json? Xem: npx cchc check --help\n',
    );
    expect((await run("report", "a.xlsx", "--outptu", "b.xlsx")).err).toMatch(
      /^Không có tuỳ chọn "--outptu"\. Có phải ý bạn là: --output\?/,
    );
  });

  it("does not guess between two equally near words", () => {
    expect(nearest("ab", ["abc", "abd"])).toBeUndefined();
    expect(nearest("instal", ["install", "template"])).toBe("install");
  });
});

describe("cchc catalogue show", () => {
  it("writes a criterion's maximum the Vietnamese way", async () => {
    const shown = await run("catalogue", "show", "xa-2025");
    expect(shown.code).toBe(0);
    expect(DEFAULT_CATALOGUE.criteria.find((c) => c.code === "TC_CDS")?.max).toBe(0.5);
    expect(shown.out).toContain("  TC_CDS: Hoạt động của tổ công nghệ số cộng đồng (tối đa 0,5)\n");
    expect(shown.out).not.toMatch(/tối đa \d+\.\d/);
  });

  it("says how each row combines over units and periods, explained once", async () => {
    const { out } = await run("catalogue", "show", "xa-2025");
    const lines = out.split("\n");
    expect(lines.slice(3, 9)).toEqual([
      "Khi tổng hợp nhiều đơn vị hoặc nhiều kỳ, mỗi chỉ tiêu được tính như ghi trong [ ]:",
      "  [Cộng]         cộng các đơn vị, cộng các kỳ",
      "  [Lấy kỳ cuối]  cộng các đơn vị; tổng hợp các kỳ lấy số của kỳ cuối (số có tại một thời điểm)",
      "  [Lấy kỳ đầu]   cộng các đơn vị; tổng hợp các kỳ lấy số của kỳ đầu (số từ kỳ trước chuyển sang)",
      "  [Tính lại]     tỷ lệ tính lại từ các số đã tổng hợp, không cộng các tỷ lệ",
      "  [Không cộng]   chữ, ngày, lựa chọn: tổng hợp các đơn vị để trống; tổng hợp các kỳ lấy giá trị của kỳ cuối",
    ]);
    // One row of each rule, as xa-2025 aggregates them (flow, stock, opening; a ratio; text).
    expect(lines).toContain(
      "  vb_chidao: Số văn bản chỉ đạo, điều hành CCHC ban hành trong kỳ (văn bản) [Cộng]",
    );
    expect(lines).toContain("  hs_danggq: Số hồ sơ đang giải quyết (hồ sơ) [Lấy kỳ cuối]");
    // xa-2025 nests three levels (2025.4): its components number a), b)… then -, +.
    expect(lines).toContain("    a) hs_kytruoc: Từ kỳ trước chuyển sang (hồ sơ) [Lấy kỳ đầu]");
    expect(lines).toContain("  kh_tyle: Tỷ lệ hoàn thành kế hoạch CCHC (%) [Tính lại]");
    expect(lines).toContain("  ht_motcua: Hệ thống thông tin giải quyết TTHC đang dùng [Không cộng]");
    // A province's form: its weights and targets are shown on their rows (issue 21).
    const province = await run(
      "catalogue",
      "show",
      path.join(__dirname, "..", "fixtures", "catalogues", "tinh-day-du.v1.json"),
    );
    expect(province.out.split("\n")).toEqual(
      expect.arrayContaining([
        "  tt_tructuyen: Tỷ lệ thanh toán trực tuyến (%) [Bình quân gia quyền] (quyền số: hs_moi; chỉ tiêu ≥ 90%)",
        "  ty_tructuyen: Tỷ lệ hồ sơ tiếp nhận trực tuyến (%) [Tính lại] (chỉ tiêu ≥ 60,00%)",
        "      - hs_tructiep: Trực tiếp (hồ sơ) [Cộng] (bắt buộc)",
      ]),
    );
    // Thông tin chung identifies the report: it is not combined, and says nothing of it.
    expect(lines).toContain("  co_quan: Tên cơ quan ban hành (bắt buộc)");
  });
});

describe("cchc catalogue check", () => {
  it("quotes the bad value with its field, not only its path", async () => {
    const file = path.join(dir, "tinh-sai.json");
    const data = JSON.parse(
      fs.readFileSync(path.join(__dirname, "..", "fixtures", "catalogues", "tinh-thu-xa.v1.json"), "utf8"),
    ) as { indicators: Array<Record<string, unknown>>; criteria: Array<Record<string, unknown>> };
    data.indicators[0].kind = "so_nguyen";
    data.criteria[0].max = "1";
    fs.writeFileSync(file, JSON.stringify(data, null, 2));
    const checked = await run("catalogue", "check", file);
    expect(checked.code).toBe(1);
    const id = String(data.indicators[0].id);
    expect(checked.out).toContain(
      `- indicators[0].kind (${id}): "kind": "so_nguyen" không phải một trong: "count", "money", "ratio", "text", "date", "choice", "percent".\n`,
    );
    expect(checked.out).toContain(
      `- criteria[0].max (${String(data.criteria[0].code)}): "max": "1" phải là một số.\n`,
    );
  });

  it("gives each hint of a bad --catalogue its own line: the full check, then the command's help", async () => {
    const file = path.join(dir, "tinh.json");
    fs.writeFileSync(file, JSON.stringify({ id: "tinh" }));
    const written = path.join(dir, "t.xlsx");
    const result = await run("template", "-o", written, "--catalogue", file);
    expect(result.code).toBe(2);
    const lines = result.err.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(new RegExp(`^Danh mục ".*tinh\\.json" không dùng được: .+\\.$`));
    expect(lines[1]).toMatch(/^Xem đủ: npx cchc catalogue check '?.*tinh\.json'?$/);
    expect(lines[2]).toBe("Xem: npx cchc template --help");
    expect(lines[3]).toBe("");
    expect(fs.existsSync(written)).toBe(false);
  });
});

describe("cchc report --pdf without a name", () => {
  const sample = () => path.join(dir, "so-lieu.xlsx");
  beforeAll(async () => {
    expect((await run("template", "-o", sample(), "--sample")).code).toBe(0);
  }, 60_000);

  it("aims beside the workbook, or beside -o's file, with the same name (checked before writing)", async () => {
    // A folder where the PDF would go: refused, naming the path the PDF was meant for.
    fs.mkdirSync(path.join(dir, "so-lieu.pdf"));
    const before = fs.readFileSync(sample());
    expect(await run("report", sample(), "--pdf")).toEqual({
      code: 2,
      out: "",
      err: `Không tạo được PDF "${path.join(dir, "so-lieu.pdf")}": đó là một thư mục, không phải tệp.\n`,
    });
    // Before the input file too: the .xlsx stays the input, not the PDF's name.
    expect((await run("report", "--pdf", sample())).err).toContain(`"${path.join(dir, "so-lieu.pdf")}"`);
    expect(fs.readFileSync(sample()).equals(before)).toBe(true);

    fs.mkdirSync(path.join(dir, "ra"));
    fs.mkdirSync(path.join(dir, "ra", "bao-cao.pdf"));
    const other = await run("report", sample(), "--pdf", "-o", path.join(dir, "ra", "bao-cao.xlsx"));
    expect(other.code).toBe(2);
    expect(other.err).toBe(
      `Không tạo được PDF "${path.join(dir, "ra", "bao-cao.pdf")}": đó là một thư mục, không phải tệp.\n`,
    );
    expect(fs.existsSync(path.join(dir, "ra", "bao-cao.xlsx"))).toBe(false);
    // A name that is not a PDF is still refused.
    expect((await run("report", sample(), "--pdf", "bao-cao")).err).toMatch(
      /^Tên tệp "bao-cao" phải có đuôi \.pdf\./,
    );
    fs.rmdirSync(path.join(dir, "so-lieu.pdf"));
  });

  describeWithPrograms("test/cli/messages.test.ts (report --pdf)", ["libreoffice"])("printing", () => {
    it("prints so-lieu.pdf beside so-lieu.xlsx", async () => {
      const printed = await run("report", sample(), "--pdf");
      expect(printed.err).toBe("");
      expect(printed.code).toBe(0);
      const pdf = path.join(dir, "so-lieu.pdf");
      expect(printed.out).toContain(`Đã in PDF: "${pdf}".\n`);
      expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    }, 240_000);
  });
});

describe("a spreadsheet of another format, given to any command", () => {
  // Check, install and report say what the consolidation says of the same file (one wording).
  it("names OpenDocument and binary Excel with what to do", async () => {
    const dir = makeTempDir("cchc-other-formats-");
    try {
      const ods = path.join(dir, "ky-anh.ods");
      fs.writeFileSync(
        ods,
        zipSync({
          mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
          "content.xml": strToU8("<x/>"),
        }),
      );
      const xlsb = path.join(dir, "thach-ha.xlsb");
      fs.writeFileSync(
        xlsb,
        zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.bin": new Uint8Array([1, 2, 3]) }),
      );
      for (const command of ["check", "install", "report"]) {
        const onOds = await run(command, ods);
        expect([command, onOds.code, onOds.err]).toEqual([
          command,
          2,
          `Tệp "${ods}" là bảng tính OpenDocument (.ods), không phải .xlsx: hãy mở bằng LibreOffice và lưu thành .xlsx (Excel 2007-365).\n`,
        ]);
        const onXlsb = await run(command, xlsb);
        expect([command, onXlsb.code, onXlsb.err]).toEqual([
          command,
          2,
          `Tệp "${xlsb}" là bảng tính nhị phân .xlsb, không phải .xlsx: hãy mở bằng Excel và lưu thành Sổ làm việc Excel (.xlsx).\n`,
        ]);
      }
    } finally {
      removeTempDir(dir);
    }
  });
});

describe("an output into a folder that does not exist", () => {
  const said = (file: string, folder: string) =>
    `Không ghi được tệp "${file}": không có thư mục "${folder}". Hãy tạo thư mục đó trước, hoặc chọn nơi ghi khác. Không ghi tệp nào.\n`;

  it("is refused by template, report -o, draft and catalogue show -o before anything is read or built", async () => {
    const workbook = path.join(dir, "don-vi.xlsx");
    expect((await run("template", "-o", workbook, "--sample")).code).toBe(0);
    const before = fs.readFileSync(workbook);
    const folder = path.join(dir, "khong-co");
    const cases: Array<[string, string[]]> = [
      ["t.xlsx", ["template", "-o"]],
      ["r.xlsx", ["report", workbook, "-o"]],
      ["d.docx", ["draft", workbook, "-o"]],
      ["c.xlsx", ["catalogue", "show", "xa-2025", "-o"]],
    ];
    for (const [name, command] of cases) {
      const file = path.join(folder, name);
      for (const extra of [[], ["--force"]])
        expect(await run(...command, file, ...extra)).toEqual({ code: 2, out: "", err: said(file, folder) });
    }
    expect(fs.existsSync(folder)).toBe(false);
    expect(fs.readFileSync(workbook).equals(before)).toBe(true);
  });

  it("is said as such by the atomic write itself (a folder removed while cchc worked), not as ENOENT", async () => {
    const folder = path.join(dir, "vua-xoa");
    const file = path.join(folder, "d.docx");
    const error = await writeFileAtomic(file, new Uint8Array([1])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as WorkbookFileError).message).toBe(said(file, folder).trimEnd());
  });
});
