/**
 * `cchc report -o`: a report written to another file never replaces an existing one by accident
 * (the same refusal as `template`), only with --force; the input stays as it was either way.
 */
import * as fs from "fs";
import * as path from "path";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { makeTempDir, readBack, removeTempDir } from "../support/xlsx";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("cchc-report-o-");
});
afterAll(() => removeTempDir(dir));

describe("cchc report -o", () => {
  it("refuses an existing output (exit 2, nothing written) unless --force", async () => {
    const input = path.join(dir, "mau.xlsx");
    expect(await main(["template", "-o", input, "--sample"], bufferIo())).toBe(0);
    const inputBytes = fs.readFileSync(input);
    const out = path.join(dir, "so2.xlsx");
    fs.writeFileSync(out, "sổ khác");

    const refused = bufferIo();
    expect(await main(["report", input, "-o", out], refused)).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toBe(`Tệp "${out}" đã có: chọn tên khác, hoặc thêm --force để ghi đè.\n`);
    expect(fs.readFileSync(out, "utf8")).toBe("sổ khác");

    const forced = bufferIo();
    expect(await main(["report", input, "-o", out, "--force"], forced)).toBe(0);
    expect(forced.stderr).toBe("");
    expect((await readBack(out)).worksheets.some((ws) => /^Phụ lục I\b/.test(ws.name))).toBe(true);
    expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);
  }, 60_000);

  it("-o naming the input itself says to leave out -o, and writes nothing", async () => {
    const input = path.join(dir, "mau.xlsx");
    const before = fs.readFileSync(input);
    const io = bufferIo();
    expect(await main(["report", input, "-o", input, "--force"], io)).toBe(2);
    expect(io.stderr).toBe(
      `Tệp kết quả "${input}" chính là tệp đầu vào "${input}": tệp đầu vào chỉ được đọc, không bao giờ bị ghi đè, kể cả với --force. ` +
        "Muốn ghi các trang báo cáo vào chính tệp này thì bỏ -o (số liệu đã nhập giữ nguyên); muốn có bản riêng thì chọn tên khác cho tệp kết quả. Không ghi tệp nào.\n",
    );
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it("--force without -o is a usage error", async () => {
    const io = bufferIo();
    expect(await main(["report", path.join(dir, "mau.xlsx"), "--force"], io)).toBe(2);
    expect(io.stderr).toBe(
      "--force chỉ dùng cùng -o (ghi vào chính TỆP thì không cần). Xem: npx cchc report --help\n",
    );
  });
});

describe("cchc report --phu-luc-ii", () => {
  it("leaves out an empty Phụ lục II and says so; writes it when asked", async () => {
    const input = path.join(dir, "khong-van-ban.xlsx");
    // A template's sample has no document list.
    expect(await main(["template", "-o", input, "--sample"], bufferIo())).toBe(0);
    const plain = bufferIo();
    expect(await main(["report", input], plain)).toBe(0);
    expect(plain.stdout).toContain(
      `Đã ghi báo cáo vào "${input}": «Phụ lục I», «Phụ lục I.1», «Phụ lục I.2».`,
    );
    expect(plain.stdout).toContain(
      "Danh mục văn bản trống nên không có Phụ lục II (thêm --phu-luc-ii nếu vẫn cần in).",
    );
    expect((await readBack(input)).worksheets.map((ws) => ws.name)).not.toContain("Phụ lục II");
    const asked = bufferIo();
    expect(await main(["report", input, "--phu-luc-ii"], asked)).toBe(0);
    expect(asked.stdout).toContain(
      `Đã ghi báo cáo vào "${input}": «Phụ lục I», «Phụ lục I.1», «Phụ lục I.2», «Phụ lục II».`,
    );
    expect(asked.stdout).not.toContain("--phu-luc-ii");
    const back = await readBack(input);
    expect(back.getWorksheet("Phụ lục II")?.getCell("A13").value).toBe("Không có văn bản trong danh mục.");
  }, 60_000);
});

describe("cchc report --pdf with a CCHC_SOFFICE that cannot be used", () => {
  const saved = process.env.CCHC_SOFFICE;
  afterEach(() => {
    if (saved === undefined) delete process.env.CCHC_SOFFICE;
    else process.env.CCHC_SOFFICE = saved;
  });

  it("names the variable and the path (missing, a folder, not executable), not 'LibreOffice missing'", async () => {
    const input = path.join(dir, "pdf-mau.xlsx");
    expect(await main(["template", "-o", input, "--sample"], bufferIo())).toBe(0);
    const plain = path.join(dir, "soffice-khong-chay");
    fs.writeFileSync(plain, "#!/bin/sh\n", { mode: 0o644 });
    const where = (p: string) => `Không tạo được PDF: biến môi trường CCHC_SOFFICE chỉ tới "${p}"`;
    const cases: Array<[string, string]> = [
      [
        path.join(dir, "khong-co", "soffice"),
        `${where(path.join(dir, "khong-co", "soffice"))}, nhưng không có tệp đó.\n`,
      ],
      [dir, `${where(dir)}, đó là một thư mục; hãy chỉ tới chính tệp soffice (hoặc bỏ biến CCHC_SOFFICE).\n`],
      [plain, `${where(plain)}, nhưng tệp đó không có quyền chạy (chmod +x).\n`],
    ];
    for (const [setting, message] of cases) {
      process.env.CCHC_SOFFICE = setting;
      const pdf = path.join(dir, "phu-luc.pdf");
      const io = bufferIo();
      expect(await main(["report", input, "--pdf", pdf], io)).toBe(2);
      expect(io.stderr).toBe(message);
      expect(fs.existsSync(pdf)).toBe(false);
    }
  }, 60_000);
});
