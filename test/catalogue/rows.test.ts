/**
 * Issue 21, rows: nesting at any depth and required rows, through the core, the files and the
 * command line. A province form nests «Hồ sơ đã nhận / Từ kỳ trước / Mới tiếp nhận / Trực tuyến /
 * Trong đó toàn trình / Trực tiếp» three levels deep and requires two rows; every listing numbers
 * and indents them by level, `catalogue check` refuses a nesting that cannot print, and `check`
 * makes a blank required row an error naming its cell (one finding for that cell).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { catalogueFromFile, inputName, rowNumbers, sectionRows } from "../../src/core/catalogue";
import { dataProblems } from "../../src/core/catalogue/validate";
import { checkFigures } from "../../src/core/checks";
import { figuresFromValues } from "../../src/core/figures";
import { main } from "../../src/cli/main";
import { bufferIo } from "../../src/cli/io";
import { checkFile, reportIntoFile } from "../../src/xlsx/node/operations";
import { findWorksheet } from "../support/excelJsWorkbook";
import { makeTempDir, namedCell, readBack, removeTempDir } from "../support/xlsx";
import { FINDINGS, TYPED } from "../support/province";
import { NESTED_TYPED, nestedForm, SECTION_I } from "../support/nestedForm";

let dir: string;
let formPath: string;
beforeAll(() => {
  dir = makeTempDir("cchc-rows-");
  formPath = path.join(dir, "tinh-thu-long-nhau.json");
  fs.writeFileSync(formPath, JSON.stringify(nestedForm(), null, 2));
});
afterAll(() => removeTempDir(dir));

async function run(...args: string[]) {
  const io = bufferIo();
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** Every row of a sheet whose column A holds an id: [id, A's neighbour B, B's indent]. */
function rowsById(sheet: ExcelJS.Worksheet, idColumn: number, labelColumn: number) {
  const rows = new Map<string, { label: unknown; indent: number; row: number }>();
  sheet.eachRow((row, r) => {
    const id = row.getCell(idColumn).value;
    const label = row.getCell(labelColumn);
    if (typeof id === "string")
      rows.set(id, { label: label.value, indent: label.alignment?.indent ?? 0, row: r });
  });
  return rows;
}

const catalogue = catalogueFromFile(nestedForm());

describe("rows nested at any depth", () => {
  it("lists a section in print order, each row under its own parent, with its level", () => {
    expect(sectionRows(catalogue, "I").map((r) => [r.indicator.id, r.level])).toEqual(
      SECTION_I.map(([id, , level]) => [id, level]),
    );
  });

  it("numbers the rows 1.1, then a), -, + by level; the form's one-level components with a) too", () => {
    const numbers = rowNumbers(catalogue);
    expect(SECTION_I.map(([id]) => [id, numbers.get(id)?.stt])).toEqual(
      SECTION_I.map(([id, stt]) => [id, stt]),
    );
    // The marks are the form's: section II's one-level component reads as the first level below.
    expect(numbers.get("ns_comat")).toEqual({ stt: "a)", level: 1 });
  });

  it("keeps «-» for components of a form nested one level, and «-», «+» for two", () => {
    const oneLevel = catalogueFromFile({
      ...nestedForm(),
      indicators: nestedForm().indicators.filter(
        (i) => !["hs_kytruoc", "hs_moi", "hs_tructuyen", "hs_toantrinh", "hs_tructiep"].includes(i.id),
      ),
    });
    expect(["hs_som", "hs_dung", "ns_comat"].map((id) => rowNumbers(oneLevel).get(id)?.stt)).toEqual([
      "-",
      "-",
      "-",
    ]);
    const twoLevels = catalogueFromFile({
      ...nestedForm(),
      indicators: nestedForm().indicators.filter((i) => i.id !== "hs_toantrinh"),
    });
    expect(
      ["hs_kytruoc", "hs_moi", "hs_tructuyen", "hs_tructiep"].map((id) => rowNumbers(twoLevels).get(id)?.stt),
    ).toEqual(["-", "-", "+", "+"]);
  });

  it("lists every row once, at a finite level, even from a stored form with a parent cycle", () => {
    const file = nestedForm();
    for (const [id, parent] of [
      ["hs_moi", "hs_tructiep"],
      ["hs_tructiep", "hs_moi"],
    ])
      file.indicators.find((i) => i.id === id)!.parent = parent;
    // catalogue check refuses this file; a workbook's stored form is read without that check.
    const rows = sectionRows(catalogueFromFile(file), "I").map((r) => r.indicator.id);
    expect([...rows].sort()).toEqual(SECTION_I.map(([id]) => id).sort());
  });

  it("refuses with their JSON paths a child in another section, a parent cycle, a parent that is no indicator", () => {
    const file = nestedForm() as unknown as { indicators: Array<Record<string, unknown>> };
    const index = (id: string) => file.indicators.findIndex((i) => i.id === id);
    file.indicators[index("ns_comat")].parent = "hs_nhan";
    file.indicators[index("hs_kytruoc")].parent = "hs_tructiep";
    file.indicators[index("hs_moi")].parent = "hs_kytruoc";
    file.indicators[index("hs_tructiep")].parent = "hs_moi";
    file.indicators[index("tc_thu")].parent = "co_quan";
    file.indicators[index("ty_kip")].required = true;
    const problems = dataProblems(file).map((p) => `${p.path} (${p.id}): ${p.message}`);
    expect(problems).toEqual(
      [
        `indicators[${index("hs_kytruoc")}].parent (hs_kytruoc): Vòng lặp chỉ tiêu cha: hs_kytruoc → hs_tructiep → hs_moi → hs_kytruoc.`,
        `indicators[${index("ns_comat")}].parent (ns_comat): Chỉ tiêu cha "hs_nhan" thuộc mục "I", còn chỉ tiêu này thuộc mục "II"; chỉ tiêu con phải cùng mục với chỉ tiêu cha.`,
        `indicators[${index("tc_thu")}].parent (tc_thu): Chỉ tiêu cha "co_quan" là một dòng Thông tin chung của chương trình, không phải một chỉ tiêu trong indicators.`,
        `indicators[${index("ty_kip")}].required (ty_kip): Chỉ tiêu tỷ lệ (ratio) do phần mềm tự tính, không đặt bắt buộc được; hãy đặt bắt buộc cho tử số, mẫu số.`,
      ].sort(),
    );
  });
});

describe("required rows", () => {
  it("makes a blank required row one error naming its cell, and nothing else of that cell", () => {
    const { tc_dutoan: _typed, ...figures } = { ...TYPED, ...NESTED_TYPED };
    const findings = checkFigures(figuresFromValues(figures, catalogue), [], catalogue);
    expect(findings.map((f) => [f.severity, f.checkId])).toEqual([
      ...FINDINGS.map(([severity, id]) => [severity, id]),
      ["error", "required:tc_dutoan"],
    ]);
    expect(findings[findings.length - 1]).toMatchObject({
      cells: ["tc_dutoan"],
      message: "«Dự toán thu năm» là dòng bắt buộc của mẫu báo cáo nhưng còn trống.",
    });
    // The ratio over it would have said «mẫu số còn trống» of the same cell: it steps aside.
    const optional = catalogueFromFile({
      ...nestedForm(),
      indicators: nestedForm().indicators.map(({ required: _r, ...i }) => i),
    });
    const before = checkFigures(figuresFromValues(figures, optional), [], optional).map((f) => f.checkId);
    expect(before.filter((id) => id.startsWith("ratio:") || id.startsWith("required:"))).toEqual([
      "ratio:ty_thu",
    ]);
  });

  it("names a required component with its parent, and takes a typed zero as given", () => {
    const withPart = catalogueFromFile({
      ...nestedForm(),
      indicators: nestedForm().indicators.map((i) =>
        i.id === "hs_toantrinh" ? { ...i, required: true } : i,
      ),
    });
    const blank = checkFigures(
      figuresFromValues({ ...TYPED, ...NESTED_TYPED, hs_toantrinh: null }, withPart),
      [],
      withPart,
    );
    expect(blank.filter((f) => f.checkId.startsWith("required:")).map((f) => f.message)).toEqual([
      "«Trong đó toàn trình» (thuộc «Trực tuyến») là dòng bắt buộc của mẫu báo cáo nhưng còn trống.",
    ]);
    const zero = checkFigures(
      figuresFromValues({ ...TYPED, ...NESTED_TYPED, hs_toantrinh: 0 }, withPart),
      [],
      withPart,
    );
    expect(zero.filter((f) => f.checkId.startsWith("required:"))).toEqual([]);
  });
});

describe("a nested form with required rows through files and the command line", () => {
  const file = () => path.join(dir, "phuong-long-nhau.xlsx");

  it("passes catalogue check and shows its rows indented and marked, the required ones said", async () => {
    expect(await run("catalogue", "check", formPath)).toMatchObject({ code: 0 });
    const shown = await run("catalogue", "show", formPath);
    expect(shown.code).toBe(0);
    const lines = shown.out.split("\n");
    const first = lines.indexOf("I. Giải quyết hồ sơ");
    expect(lines.slice(first + 1, first + 7)).toEqual([
      "  hs_nhan: Hồ sơ đã nhận (hồ sơ) [Cộng] (bắt buộc)",
      "    a) hs_kytruoc: Từ kỳ trước chuyển sang (hồ sơ) [Cộng]",
      "    b) hs_moi: Mới tiếp nhận (hồ sơ) [Cộng]",
      "      - hs_tructuyen: Trực tuyến (hồ sơ) [Cộng]",
      "        + hs_toantrinh: Trong đó toàn trình (hồ sơ) [Cộng]",
      "      - hs_tructiep: Trực tiếp (hồ sơ) [Cộng]",
    ]);
    // The program's own required rows of Thông tin chung, for every form.
    expect(lines).toContain("  co_quan: Tên cơ quan ban hành (bắt buộc)");
    expect(lines).toContain("  ky_bao_cao: Kỳ báo cáo (bắt buộc)");
    expect(lines).toContain("  nam: Năm báo cáo (bắt buộc)");
    const listing = path.join(dir, "danh-muc-long-nhau.xlsx");
    expect((await run("catalogue", "show", formPath, "-o", listing)).code).toBe(0);
    const rows = rowsById(findWorksheet(await readBack(listing), "Chỉ tiêu")!, 3, 4);
    expect(SECTION_I.slice(0, 6).map(([id]) => [id, rows.get(id)?.label, rows.get(id)?.indent])).toEqual([
      ["hs_nhan", "Hồ sơ đã nhận", 0],
      ["hs_kytruoc", "a) Từ kỳ trước chuyển sang", 1],
      ["hs_moi", "b) Mới tiếp nhận", 1],
      ["hs_tructuyen", "- Trực tuyến", 2],
      ["hs_toantrinh", "+ Trong đó toàn trình", 3],
      ["hs_tructiep", "- Trực tiếp", 2],
    ]);
    // Rows in print order on the listing too: «Trong đó toàn trình» right under «Trực tuyến».
    expect(rows.get("hs_toantrinh")!.row).toBe(rows.get("hs_tructuyen")!.row + 1);
  });

  it("lays the input sheet out by level, and checks a blank required row as an error naming its cell", async () => {
    expect((await run("template", "-o", file(), "--catalogue", formPath)).code).toBe(0);
    const book = await readBack(file());
    const rows = rowsById(findWorksheet(book, "A. Hồ sơ một cửa")!, 1, 2);
    expect(SECTION_I.map(([id]) => [id, rows.get(id)?.label, rows.get(id)?.indent])).toEqual(
      SECTION_I.map(([id, stt, level]) => {
        const label = catalogue.indicators.find((i) => i.id === id)!.label;
        return [id, level === 0 ? label : `${stt} ${label}`, level];
      }),
    );
    for (const [id, value] of Object.entries({ ...TYPED, ...NESTED_TYPED }))
      if (id !== "tc_dutoan") namedCell(book, inputName(id)).value = value;
    await book.xlsx.writeFile(file());
    const cell = `'B. Nhân sự, tài chính'!${namedCell(book, inputName("tc_dutoan")).address}`;
    const { findings } = await checkFile(file());
    expect(findings.map((f) => [f.severity, f.checkId])).toEqual([
      ...FINDINGS.map(([severity, id]) => [severity, id]),
      ["error", "required:tc_dutoan"],
    ]);
    expect(findings[findings.length - 1].cells).toEqual([cell]);
    const checked = await run("check", file());
    expect(checked.code).toBe(1);
    // The cell once, at the head of the line, as every finding prints it.
    expect(checked.out.split("\n")).toContain(
      `Lỗi       ${cell}: «Dự toán thu năm» là dòng bắt buộc của mẫu báo cáo nhưng còn trống.`,
    );
    expect(checked.out.trimEnd().split("\n").pop()).toBe(
      "Kết quả: 3 lỗi, 2 cảnh báo (cần sửa các lỗi trước khi gửi báo cáo).",
    );
  });

  it("prints Phụ lục I numbered and indented by level, each row under its own parent", async () => {
    await reportIntoFile(file(), { generatedAt: new Date(2026, 2, 20, 9, 0) });
    const sheet = findWorksheet(await readBack(file()), "Phụ lục I")!;
    const printed: Array<[unknown, unknown, number, boolean]> = [];
    sheet.eachRow((row) => {
      const label = row.getCell(2);
      if (
        typeof label.value === "string" &&
        SECTION_I.some(([id]) => catalogue.indicators.find((i) => i.id === id)!.label === label.value)
      )
        printed.push([row.getCell(1).value, label.value, label.alignment?.indent ?? 0, !!label.font?.italic]);
    });
    expect(printed.slice(0, 6)).toEqual([
      ["I.1", "Hồ sơ đã nhận", 0, false],
      ["a)", "Từ kỳ trước chuyển sang", 1, true],
      ["b)", "Mới tiếp nhận", 1, true],
      ["-", "Trực tuyến", 2, true],
      ["+", "Trong đó toàn trình", 3, true],
      ["-", "Trực tiếp", 2, true],
    ]);
  });
});
