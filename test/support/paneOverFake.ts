/**
 * The pane's real operations (`createOfficeOperations`) over the in-memory fake Excel: `Excel.run`
 * runs each batch on the fake workbook and records how many syncs it took, so a test asserts
 * both what the pane did and that it stayed within its round trips. Also a picked file as the
 * pane's file picker hands it over.
 */
import * as fs from "fs";
import * as path from "path";
import { detectCapabilities } from "../../src/excel/capabilities";
import { createOfficeOperations } from "../../src/taskpane/officeOperations";
import type { ConsolidationFile, PaneOperations } from "../../src/taskpane/operations";
import type { FakeWorkbook } from "../fakes/fakeExcel";

type ExcelGlobal = { Excel?: { run: (batch: (context: unknown) => Promise<unknown>) => Promise<unknown> } };
const global = globalThis as unknown as ExcelGlobal;

/**
 * Opens the pane over `book`: its operations, and `syncs`, the number of syncs of each
 * `Excel.run` in order (filled as the operations run). `closePane` removes the global again.
 */
export function openPane(book: FakeWorkbook): { operations: PaneOperations; syncs: number[] } {
  const syncs: number[] = [];
  global.Excel = {
    run: async (batch) => {
      const run = await book.run(batch as never);
      syncs.push(run.syncs);
      return run.result;
    },
  };
  const operations = createOfficeOperations({
    capabilities: () => detectCapabilities((name, version) => book.isSetSupported(name, version)),
  });
  return { operations, syncs };
}

/** Removes the fake `Excel` global `openPane` set. */
export function closePane(): void {
  delete global.Excel;
}

/** A file on disk as the pane's picker gives it: its name and, on demand, its bytes. */
export function pickedFile(file: string): ConsolidationFile {
  const bytes = fs.readFileSync(file);
  return {
    name: path.basename(file),
    bytes: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
  };
}
