/**
 * Helpers for the tests of .xlsx files: temporary folders, reading a written file back, the
 * values behind every CCHC_* name, and editing a file's ZIP parts the way another program would.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type * as ExcelJS from "exceljs";
// JSZip comes with ExcelJS (its own dependency); the tests use it to edit parts of a written file.
import JSZip from "jszip";
import { DISTRICT_CATALOGUE, inputName, type Catalogue } from "../../src/core/catalogue";
import { openWorkbookFile } from "./excelJsWorkbook";
import { cellFormula, cellValue, findWorksheet, parseNameReference } from "./excelJsWorkbook";

/** A fresh folder under the system temp dir; removed by `removeTempDir`. */
export function makeTempDir(prefix = "cchc-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Files in a folder other than the expected ones (a leftover temporary file, say). */
export function strayFiles(dir: string, expected: readonly string[]): string[] {
  return fs.readdirSync(dir).filter((name) => !expected.includes(name));
}

export async function readBack(file: string): Promise<ExcelJS.Workbook> {
  return (await openWorkbookFile(file)).workbook;
}

export interface NamedSnapshot {
  /** `'Sheet'!D5` */
  ref: string;
  value: unknown;
  formula?: string;
}

/** Every CCHC_* name of the catalogue → its cell reference, value and formula. */
export function namedSnapshot(
  workbook: ExcelJS.Workbook,
  catalogue: Catalogue = DISTRICT_CATALOGUE,
): Map<string, NamedSnapshot> {
  const byName = new Map(workbook.definedNames.model.map((n) => [n.name.toUpperCase(), n.ranges]));
  const snapshot = new Map<string, NamedSnapshot>();
  for (const indicator of catalogue.indicators) {
    const name = inputName(indicator.id);
    const ranges = byName.get(name);
    if (!ranges || ranges.length !== 1) continue;
    const target = parseNameReference(ranges[0])!;
    const cell = findWorksheet(workbook, target.sheet)!.getCell(target.address);
    snapshot.set(name, {
      ref: `${target.sheet}!${target.address}`,
      value: cellValue(cell),
      formula: cellFormula(cell),
    });
  }
  return snapshot;
}

/** The cell a CCHC_* name points at. */
export function namedCell(workbook: ExcelJS.Workbook, name: string): ExcelJS.Cell {
  const defined = workbook.definedNames.model.find((n) => n.name.toUpperCase() === name.toUpperCase());
  if (!defined) throw new Error(`No defined name ${name}`);
  const target = parseNameReference(defined.ranges[0])!;
  return findWorksheet(workbook, target.sheet)!.getCell(target.address);
}

/** Rewrites parts of an .xlsx file: `edit` gets each part's text and returns the new text (or null to delete). */
export async function editZip(
  file: string,
  edit: (name: string, text: string) => string | null | undefined,
  add: Record<string, string> = {},
): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (entry.dir || !/\.(xml|rels)$/.test(name)) continue;
    const text = await entry.async("string");
    const changed = edit(name, text);
    if (changed === null) zip.remove(name);
    else if (changed !== undefined && changed !== text) zip.file(name, changed);
  }
  for (const [name, text] of Object.entries(add)) zip.file(name, text);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** The text of one part of an .xlsx file. */
export async function zipPart(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const entry = zip.file(name);
  if (!entry) throw new Error(`${file} has no part ${name}`);
  return entry.async("string");
}

/** The names of an .xlsx file's parts. */
export async function zipPartNames(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return Object.keys(zip.files).filter((name) => !zip.files[name].dir);
}

/** A ZIP archive that is not a workbook. */
export async function plainZip(entries: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(entries)) zip.file(name, text);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** What ExcelJS read of a sheet's protection (a run-time field, absent from its typings). */
export function protectionOf(
  worksheet: ExcelJS.Worksheet,
): { sheet?: boolean; formatColumns?: boolean; formatRows?: boolean } | null {
  return (worksheet as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection ?? null;
}

/** The data validations ExcelJS read, by cell (ranges come back one key per cell). */
export function validationsOf(
  worksheet: ExcelJS.Worksheet,
): Record<string, ExcelJS.DataValidation | undefined> {
  return (
    worksheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }
  ).dataValidations.model;
}
