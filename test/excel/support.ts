/** Shared steps of the Office.js adapter's tests, over the in-memory fake Excel. */
import { DISTRICT_CATALOGUE, inputName, type Catalogue } from "../../src/core/catalogue";
import { SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { installSheets, type InstallSheetsOptions } from "../../src/excel/installSheets";
import { detectCapabilities } from "../../src/excel/capabilities";
import { FakeWorkbook, type FakeWorkbookOptions } from "../fakes/fakeExcel";

/** A workbook with the CCHC sheets installed through the adapter. */
export async function installedWorkbook(
  options: InstallSheetsOptions = {},
  workbook: FakeWorkbookOptions = {},
): Promise<FakeWorkbook> {
  const book = new FakeWorkbook(workbook);
  // What this Excel supports, as the pane detects it (an older Excel is not asked its date system).
  const capabilities = detectCapabilities((name, version) => book.isSetSupported(name, version));
  await book.run((context) =>
    installSheets(context, { catalogue: DISTRICT_CATALOGUE, capabilities, ...options }),
  );
  return book;
}

/** Types the sample's figures into their named cells, as a user would (validation applies). */
export function typeSampleFigures(book: FakeWorkbook): void {
  for (const [id, value] of Object.entries(SAMPLE_FIGURES)) book.type(inputName(id), value);
}

/** Every `CCHC_*` named cell: what it shows and holds, by name. */
export function namedSnapshot(book: FakeWorkbook): Record<string, { value: unknown; formula: unknown }> {
  return Object.fromEntries(
    [...book.namedCells("CCHC_")].map(([name, { value, formula }]) => [name, { value, formula }]),
  );
}

/** The `'Sheet'!E12` of the note beside an indicator's figure. */
export function noteRef(book: FakeWorkbook, id: string): string {
  return book.refOf(inputName(id)).replace(/!D(\d+)$/, "!E$1");
}

/** The default catalogue with a copy of every count and money indicator: far more cells and names. */
export function doubledCatalogue(): Catalogue {
  const copies = DISTRICT_CATALOGUE.indicators
    .filter((i) => (i.kind === "count" || i.kind === "money") && i.id !== "nam")
    .map((i) => ({ ...i, id: `${i.id}_b`, label: `${i.label} (bản sao)`, parent: undefined }));
  return {
    ...DISTRICT_CATALOGUE,
    version: "9.0.0",
    indicators: [...DISTRICT_CATALOGUE.indicators, ...copies],
  };
}
