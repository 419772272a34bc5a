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

  it("--force without -o is a usage error", async () => {
    const io = bufferIo();
    expect(await main(["report", path.join(dir, "mau.xlsx"), "--force"], io)).toBe(2);
    expect(io.stderr).toBe(
      "--force chỉ dùng cùng -o (ghi vào chính TỆP thì không cần). Xem: npx cchc report --help\n",
    );
  });
});
