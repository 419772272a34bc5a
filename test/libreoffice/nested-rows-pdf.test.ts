/**
 * Issue 21, rows: Phụ lục I of a form nested three levels deep, printed by LibreOffice. Where
 * pdftotext finds each label's first letter on the page, every level starts further right than
 * its parent by the same step (Excel's indent, one step a level), and every STT mark is printed.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { inputName } from "../../src/core/catalogue";
import { main } from "../../src/cli/main";
import { bufferIo } from "../../src/cli/io";
import { describeWithPrograms } from "../support/libreoffice";
import { makeTempDir, namedCell, readBack, removeTempDir } from "../support/xlsx";
import { TYPED } from "../support/province";
import { NESTED_TYPED, nestedForm } from "../support/nestedForm";

const describePrinting = describeWithPrograms("test/libreoffice/nested-rows-pdf.test.ts", [
  "libreoffice",
  "poppler",
]);

let dir: string;
beforeAll(() => {
  dir = makeTempDir("cchc-nested-pdf-");
});
afterAll(() => removeTempDir(dir));

/** Each printed line of the PDF as its words, each with its left edge in points. */
function linesOf(pdf: string): Array<Array<{ text: string; x: number }>> {
  const html = spawnSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8" }).stdout;
  return [...html.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)].map((line) =>
    [...line[1].matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((w) => ({
      text: w[2],
      x: Number(w[1]),
    })),
  );
}

describePrinting("Phụ lục I of a nested form, printed", () => {
  it("indents each level one equal step right of its parent, the marks printed", async () => {
    const form = path.join(dir, "long-nhau.json");
    fs.writeFileSync(form, JSON.stringify(nestedForm()));
    const book = path.join(dir, "long-nhau.xlsx");
    expect(await main(["template", "-o", book, "--catalogue", form], bufferIo())).toBe(0);
    const workbook = await readBack(book);
    for (const [id, value] of Object.entries({ ...TYPED, ...NESTED_TYPED }))
      namedCell(workbook, inputName(id)).value = value;
    await workbook.xlsx.writeFile(book);
    const pdf = path.join(dir, "long-nhau.pdf");
    const io = bufferIo();
    // The province's typed figures carry two errors of their own: the report is made all the same (exit 1).
    expect([await main(["report", book, "--pdf", pdf], io), io.stderr]).toEqual([1, ""]);
    expect(fs.existsSync(pdf)).toBe(true);

    const lines = linesOf(pdf);
    // The label's line; pdftotext puts the STT first on it or on a line of its own.
    const left = (stt: string, label: string) => {
      const found = lines
        .map((words) => (words[0]?.text === stt ? words.slice(1) : words))
        .filter((words) => words.map((w) => w.text).join(" ") === label);
      expect([stt, label, found.length]).toEqual([stt, label, 1]);
      return found[0][0].x;
    };
    const levels = [
      left("I.1", "Hồ sơ đã nhận"),
      left("b)", "Mới tiếp nhận"),
      left("-", "Trực tuyến"),
      left("+", "Trong đó toàn trình"),
    ];
    const steps = levels.slice(1).map((x, i) => x - levels[i]);
    // Liberation Serif 12 pt: about 7 points a step.
    for (const step of steps) expect(step).toBeGreaterThan(5);
    // One step a level: equal within a point (the engine rounds to its own units).
    expect(Math.max(...steps) - Math.min(...steps)).toBeLessThan(1);
    // Siblings start together: «Từ kỳ trước» where «Mới tiếp nhận» does, «Trực tiếp» where «Trực tuyến».
    expect(Math.abs(left("a)", "Từ kỳ trước chuyển sang") - levels[1])).toBeLessThan(0.5);
    expect(Math.abs(left("-", "Trực tiếp") - levels[2])).toBeLessThan(0.5);
    const words = lines.flat().map((w) => w.text);
    for (const mark of ["I.1", "a)", "b)", "-", "+"])
      expect([mark, words.includes(mark)]).toEqual([mark, true]);
  }, 240_000);
});
