/**
 * Characters XML cannot hold, in a user's text: a Word line break (U+000B, stored `_x000B_`)
 * typed in a note survives `install`; a control character in a sheet name (stored raw in the
 * defined names, but turned into a space in the sheet's name attribute by every XML reader)
 * does not make the figures unreachable.
 */
import { DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { XlsxPackage } from "../../src/xlsx/package/xlsxPackage";
import { PackageReader } from "../../src/xlsx/package/readPackage";
import { gridView } from "../../src/xlsx/parts/sheet/read";
import { bufferIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { saveWorkbookFile } from "../support/excelJsWorkbook";
import { checkFile, createTemplateFile } from "../../src/xlsx/node/operations";
import { findWorksheet } from "../support/excelJsWorkbook";
import { editZip, makeTempDir, readBack, removeTempDir, zipPart } from "../support/xlsx";

const SHEET = "1. Chỉ đạo điều hành";
let dir: string;
let sample: string;

beforeAll(async () => {
  dir = makeTempDir("cchc-controls-");
  sample = path.join(dir, "mau.xlsx");
  await createTemplateFile(sample, { sample: true, catalogue: DISTRICT_CATALOGUE });
});
afterAll(() => removeTempDir(dir));

it("keeps a Word line break (_x000B_) typed in a note through install", async () => {
  const book = await readBack(sample);
  findWorksheet(book, SHEET)!.getCell("E5").value = "dòng một DÒNGHAI";
  const file = path.join(dir, "xuong-dong.xlsx");
  await saveWorkbookFile(book, file, { overwrite: true });
  // As Excel stores a line break pasted from Word.
  await editZip(file, (name, text) =>
    name === "xl/sharedStrings.xml" ? text.replace("dòng một DÒNGHAI", "dòng một_x000B_DÒNGHAI") : undefined,
  );
  expect(findWorksheet(await readBack(file), SHEET)!.getCell("E5").value).toBe("dòng một\u000bDÒNGHAI");
  expect(await main(["install", file], bufferIo())).toBe(0);
  // Our sheets hold inline strings, which ExcelJS reads without decoding `_xHHHH_`: read the
  // cell as Excel does, through the package reader, and look at the stored text itself.
  const reader = new PackageReader(XlsxPackage.fromBytes(new Uint8Array(fs.readFileSync(file))));
  expect(gridView(reader.grid(reader.findSheet(SHEET)!), "values")[4][4]).toBe("dòng một\u000bDÒNGHAI");
  expect(
    Object.values(unzipSync(new Uint8Array(fs.readFileSync(file))))
      .map((b) => strFromU8(b))
      .join(""),
  ).toContain("dòng một_x000B_DÒNGHAI");
});

it("reads the figures of a sheet whose name holds a control character", async () => {
  const file = path.join(dir, "ten-trang.xlsx");
  await saveWorkbookFile(await readBack(sample), file, { overwrite: true });
  // A tab in the sheet's name: escaped (`_x0009_`) in the name attribute, where a raw one would
  // read as a space, and raw in the defined names' text.
  await editZip(file, (name, text) => {
    if (name !== "xl/workbook.xml") return undefined;
    return text
      .replace(`name="${SHEET}"`, `name="1. Chỉ đạo_x0009_điều hành"`)
      .split(`&apos;${SHEET}&apos;!`)
      .join(`&apos;1. Chỉ đạo\tđiều hành&apos;!`);
  });
  expect(await zipPart(file, "xl/workbook.xml")).toContain("&apos;1. Chỉ đạo\tđiều hành&apos;!$D$5");
  const { figures, findings } = await checkFile(file);
  expect(figures.figures.get("kh_tong")?.value).toEqual({ type: "number", value: 47 });
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(await main(["install", file], bufferIo())).toBe(0);
  expect((await checkFile(file)).figures.figures.get("kh_tong")?.value).toEqual({
    type: "number",
    value: 47,
  });
});
