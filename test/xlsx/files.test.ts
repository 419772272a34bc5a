/**
 * Files that are not what they claim, given to every command: exit 2, one Vietnamese line that
 * names the file, and the file left byte for byte as it was. Saving is atomic: a failed save
 * leaves the previous file and no temporary file behind.
 */
import { passwordProtectedWorkbook, zipCryptoWorkbook } from "../support/encrypted";
import { DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { bufferIo } from "../../src/cli/io";
import {
  openPackageFile,
  savePackageFile,
  WorkbookFileError,
  writeFileAtomic,
} from "../../src/xlsx/node/files";
import { createTemplateFile } from "../../src/xlsx/node/operations";
import {
  editZip,
  makeTempDir,
  namedCell,
  plainZip,
  protectionOf,
  readBack,
  removeTempDir,
  strayFiles,
  zipPart,
} from "../support/xlsx";

let dir: string;
let sample: string;
let sampleBytes: Buffer;

beforeAll(async () => {
  dir = makeTempDir("cchc-files-");
  sample = path.join(dir, "mau.xlsx");
  await createTemplateFile(sample, { sample: true, catalogue: DISTRICT_CATALOGUE });
  sampleBytes = fs.readFileSync(sample);
});
afterAll(() => removeTempDir(dir));

/** A bad input in its own folder, so leftovers are easy to spot. */
interface BadInput {
  what: string;
  make(file: string): Promise<void> | void;
  problem: RegExp;
}

const BAD_INPUTS: BadInput[] = [
  {
    what: "a text file renamed .xlsx",
    make: (f) => fs.writeFileSync(f, "Đây là một tệp văn bản, không phải bảng tính.\n"),
    problem: /không phải bảng tính Excel/,
  },
  { what: "an empty file", make: (f) => fs.writeFileSync(f, ""), problem: /rỗng/ },
  {
    what: "a truncated .xlsx",
    make: (f) => fs.writeFileSync(f, sampleBytes.subarray(0, Math.floor(sampleBytes.length / 2))),
    problem: /bị hỏng.*cụt/,
  },
  {
    what: "a ZIP that is no workbook",
    make: async (f) => fs.writeFileSync(f, await plainZip({ "readme.txt": "xin chào" })),
    problem: /tệp nén nhưng không phải/,
  },
  {
    // A Word document has a main part where a workbook's would be: its content type says it is none.
    what: "a Word document (.docx) renamed .xlsx",
    make: async (f) =>
      fs.writeFileSync(
        f,
        await plainZip({
          "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
            '<Default Extension="xml" ContentType="application/xml"/>' +
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
          "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
          "word/document.xml":
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Báo cáo</w:t></w:r></w:p></w:body></w:document>',
        }),
      ),
    problem: /tệp nén nhưng không phải bảng tính Excel/,
  },
  {
    what: "an old .xls (OLE) file",
    make: (f) =>
      fs.writeFileSync(
        f,
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
      ),
    problem: /là bảng tính \.xls cũ \(Excel 97–2003\)/,
  },
  {
    what: "a workbook given a password in Excel (an encrypted OLE container)",
    make: (f) => fs.writeFileSync(f, passwordProtectedWorkbook()),
    problem:
      /được đặt mật khẩu \(mã hóa\) trong Excel nên cchc không đọc được\. Hãy mở tệp bằng Excel, vào Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu/,
  },
  {
    what: "a workbook whose zip entries are encrypted (ZipCrypto)",
    make: (f) => fs.writeFileSync(f, zipCryptoWorkbook(sampleBytes)),
    problem: /có phần "\[Content_Types\]\.xml" bị mã hóa bằng mật khẩu khi nén nên cchc không đọc được/,
  },
  {
    what: "an .xlsx whose workbook part is broken",
    make: async (f) => {
      fs.writeFileSync(f, sampleBytes);
      await editZip(f, (name, text) =>
        name === "xl/workbook.xml" ? text.slice(0, text.length / 2) : undefined,
      );
    },
    problem: /phần "xl\/workbook.xml" trong tệp không phải XML hợp lệ/,
  },
  { what: "a folder named .xlsx", make: (f) => fs.mkdirSync(f), problem: /thư mục/ },
];

const COMMANDS: Array<(file: string) => string[]> = [
  (file) => ["check", file],
  (file) => ["check", file, "--json"],
  (file) => ["install", file],
  (file) => ["template", "-o", file],
  (file) => ["template", "-o", file, "--sample"],
];

/** The bytes of a path, or a marker for a folder. */
const contents = (file: string) =>
  fs.statSync(file).isDirectory()
    ? `dir:${fs.readdirSync(file).join(",")}`
    : fs.readFileSync(file).toString("base64");

describe.each(BAD_INPUTS)("$what", ({ what, make, problem }) => {
  it.each(COMMANDS.map((args) => [args("F").join(" "), args]))(
    "cchc %s: exit 2, one line, file unchanged",
    async (_label, args) => {
      const folder = fs.mkdtempSync(path.join(dir, "bad-"));
      const file = path.join(folder, `${what.replace(/\W+/g, "-")}.xlsx`);
      await make(file);
      const before = contents(file);
      const argv = args(file);
      const io = bufferIo();
      const code = await main(argv, io);
      expect([code, io.stdout]).toEqual([2, ""]);
      expect(io.stderr.endsWith("\n")).toBe(true);
      expect(io.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(io.stderr).toContain(`"${file}"`);
      expect(io.stderr).not.toMatch(/\n\s+at /);
      // template refuses an existing path before reading it; the other commands say what is wrong.
      expect(io.stderr).toMatch(argv[0] === "template" ? /đã có/ : problem);
      expect(contents(file)).toBe(before);
      expect(strayFiles(folder, [path.basename(file)])).toEqual([]);
    },
  );
});

describe("a missing file", () => {
  it.each([["check"], ["install"]])(
    "cchc %s: exit 2, says it is missing, creates nothing",
    async (command) => {
      const folder = fs.mkdtempSync(path.join(dir, "missing-"));
      const file = path.join(folder, "khong-co.xlsx");
      const io = bufferIo();
      expect(await main([command, file], io)).toBe(2);
      expect(io.stderr).toBe(`Không tìm thấy tệp "${file}".\n`);
      expect(fs.readdirSync(folder)).toEqual([]);
    },
  );
});

describe("bad usage", () => {
  it.each([
    [[], /Cách dùng/],
    [["xoa"], /Không có lệnh "xoa"/],
    [["template"], /Thiếu tệp cần tạo/],
    [["template", "-o", "a.txt"], /phải có đuôi .xlsx/],
    [["check"], /Thiếu tệp .xlsx cần kiểm tra/],
    [["check", "a.xlsx", "b.xlsx"], /Thừa tham số/],
    [["check", "--jsn", "a.xlsx"], /Không có tuỳ chọn "--jsn"/],
    [["install", "-o"], /Không có tuỳ chọn "-o"/],
  ])("cchc %j: exit 2 with a pointer to the help", async (args, message) => {
    const io = bufferIo();
    expect(await main(args as string[], io)).toBe(2);
    expect(io.stdout).toBe("");
    expect(io.stderr).toMatch(message);
  });
});

describe("parts cchc does not own", () => {
  it.each([
    ["a chart", { "xl/charts/chart1.xml": "<c:chartSpace/>" }],
    ["a macro", { "xl/vbaProject.bin": "VBA" }],
    [
      "a drawn shape",
      {
        "xl/drawings/drawing9.xml":
          '<xdr:wsDr xmlns:xdr="x"><xdr:twoCellAnchor><xdr:sp/></xdr:twoCellAnchor></xdr:wsDr>',
      },
    ],
  ])("install and report keep %s byte for byte", async (_what, parts) => {
    const file = path.join(fs.mkdtempSync(path.join(dir, "kept-")), "co-bieu-do.xlsx");
    fs.writeFileSync(file, sampleBytes);
    await editZip(file, () => undefined, parts);
    expect(await main(["install", file], bufferIo())).toBe(0);
    expect(await main(["report", file], bufferIo())).toBe(0);
    for (const [part, text] of Object.entries(parts)) expect(await zipPart(file, part)).toBe(text);
    expect(await main(["check", file], bufferIo())).toBe(0);
  });

  it.each([
    ["a constant", '<definedName name="MucTieu">0.95</definedName>'],
    ["a formula", "<definedName name=\"DongCuoi\">OFFSET('Thông tin chung'!$A$1,0,0,5,1)</definedName>"],
    ["a sheet scope", '<definedName name="Rieng" localSheetId="0">\'Thông tin chung\'!$D$5</definedName>'],
  ])("install keeps a name holding %s as it was", async (_what, xml) => {
    const file = path.join(fs.mkdtempSync(path.join(dir, "names-")), "co-ten.xlsx");
    fs.writeFileSync(file, sampleBytes);
    await editZip(file, (part, text) =>
      part === "xl/workbook.xml" ? text.replace("<definedNames>", `<definedNames>${xml}`) : undefined,
    );
    expect(await main(["install", file], bufferIo())).toBe(0);
    expect(await zipPart(file, "xl/workbook.xml")).toContain(xml);
  });
});

describe("tables made in Excel (no headerRowCount attribute)", () => {
  it("are kept byte for byte through an install", async () => {
    const file = path.join(dir, "excel-table.xlsx");
    fs.writeFileSync(file, sampleBytes);
    await editZip(file, (name, text) =>
      name === "xl/tables/table1.xml" ? text.replace(' headerRowCount="1"', "") : undefined,
    );
    const before = await zipPart(file, "xl/tables/table1.xml");
    expect(await main(["install", file], bufferIo())).toBe(0);
    expect(await zipPart(file, "xl/tables/table1.xml")).toBe(before);
  });
});

describe("booleans written as true/false (as LibreOffice writes them)", () => {
  it("keep sheets protected and input cells open", async () => {
    const file = path.join(dir, "xsd-booleans.xlsx");
    fs.writeFileSync(file, sampleBytes);
    await editZip(file, (name, text) => {
      if (name === "xl/styles.xml")
        return text.replace(/<protection locked="0"\/>/g, '<protection locked="false" hidden="false"/>');
      if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
        return text.replace(/<sheetProtection\b[^>]*\/>/, (tag) =>
          tag.replace(/="1"/g, '="true"').replace(/="0"/g, '="false"'),
        );
      }
      return undefined;
    });
    expect(await zipPart(file, "xl/worksheets/sheet2.xml")).toContain('sheet="true"');
    const workbook = await readBack(file);
    const ws = workbook.getWorksheet("1. Chỉ đạo điều hành")!;
    expect(protectionOf(ws)).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
    expect(namedCell(workbook, "CCHC_KH_TONG").protection).toMatchObject({ locked: false });
    expect(namedCell(workbook, "CCHC_KH_TYLE").protection?.locked ?? true).toBe(true);
  });
});

describe("atomic saving", () => {
  it("leaves the original and no temporary file when the workbook cannot be serialised", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "atomic-"));
    const file = path.join(folder, "bao-cao.xlsx");
    fs.writeFileSync(file, sampleBytes);
    const pkg = await openPackageFile(file);
    pkg.toBytes = () => {
      throw new Error("hết bộ nhớ");
    };
    await expect(savePackageFile(pkg, file)).rejects.toThrow(WorkbookFileError);
    expect(fs.readFileSync(file).equals(sampleBytes)).toBe(true);
    expect(strayFiles(folder, ["bao-cao.xlsx"])).toEqual([]);
  });

  it("leaves the original and removes the temporary file when the final rename fails", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "atomic-"));
    const file = path.join(folder, "bao-cao.xlsx");
    fs.writeFileSync(file, sampleBytes);
    const rename = jest
      .spyOn(fs.promises, "rename")
      .mockRejectedValueOnce(Object.assign(new Error("EXDEV: cross-device link"), { code: "EXDEV" }));
    try {
      const io = bufferIo();
      expect(await main(["install", file], io)).toBe(2);
      expect(io.stderr).toMatch(
        new RegExp(
          `Không ghi được tệp "${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}": EXDEV.*Tệp cũ .*không bị thay đổi`,
        ),
      );
      expect(rename).toHaveBeenCalledTimes(1);
    } finally {
      rename.mockRestore();
    }
    expect(fs.readFileSync(file).equals(sampleBytes)).toBe(true);
    expect(strayFiles(folder, ["bao-cao.xlsx"])).toEqual([]);
  });

  it("cannot rename over a folder, and cleans up", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "atomic-"));
    const target = path.join(folder, "la-thu-muc.xlsx");
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, "giu-lai.txt"), "x");
    await expect(writeFileAtomic(target, Buffer.from("data"))).rejects.toThrow();
    expect(fs.readdirSync(target)).toEqual(["giu-lai.txt"]);
    expect(strayFiles(folder, ["la-thu-muc.xlsx"])).toEqual([]);
  });

  it("replaces the file in one step and keeps its permissions", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "atomic-"));
    const file = path.join(folder, "bao-cao.xlsx");
    fs.writeFileSync(file, "cũ");
    fs.chmodSync(file, 0o640);
    await writeFileAtomic(file, Buffer.from("mới"));
    expect(fs.readFileSync(file, "utf8")).toBe("mới");
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(strayFiles(folder, ["bao-cao.xlsx"])).toEqual([]);
  });

  it("never lets template replace an existing file without --force", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "atomic-"));
    const file = path.join(folder, "da-co.xlsx");
    fs.writeFileSync(file, sampleBytes);
    const refused = bufferIo();
    expect(await main(["template", "-o", file], refused)).toBe(2);
    expect(refused.stderr).toMatch(/đã có.*--force/);
    expect(fs.readFileSync(file).equals(sampleBytes)).toBe(true);
    expect(await main(["template", "-o", file, "--force"], bufferIo())).toBe(0);
    expect(fs.readFileSync(file).equals(sampleBytes)).toBe(false);
  });
});
