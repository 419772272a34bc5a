/**
 * Install, check and report (the package reader, whole grids) and consolidation and the pane
 * (the figure reader, wanted cells) read a workbook through the one reader (`src/xlsx/package/workbookReader.ts` over `src/xlsx/parts`):
 * on the same file, edited as a user or another program may leave it, they find the same figures
 * and the same problems.
 */
import { DISTRICT_CATALOGUE } from "../../src/core/catalogue";
import { SAMPLE_DOCUMENTS } from "../../src/core/catalogue/sample";
import { readFigureWorkbook } from "../../src/xlsx/figureReader/read";
import { readWorkbook } from "../../src/core/workbook/read";
import { buildTemplate } from "../../src/xlsx/node/operations";
import { PackageReader } from "../../src/xlsx/package/readPackage";
import { WorkbookPart } from "../../src/xlsx/parts/workbook/edit";
import { XlsxPackage } from "../../src/xlsx/package/xlsxPackage";

/** The sample's bytes after `edit` (on the package as built). */
function sample(edit: (pkg: XlsxPackage) => void): Uint8Array {
  const { pkg } = buildTemplate({
    sample: true,
    sampleDocuments: SAMPLE_DOCUMENTS,
    catalogue: DISTRICT_CATALOGUE,
  });
  edit(pkg);
  return pkg.toBytes();
}

/** What both paths read of `bytes`: figures (values only, formulas as a flag), documents and problems. */
function bothReads(bytes: Uint8Array) {
  const packageRead = readWorkbook(new PackageReader(XlsxPackage.fromBytes(bytes)), DISTRICT_CATALOGUE);
  const entry = readFigureWorkbook(bytes, "x.xlsx");
  if (!entry.ok) throw new Error(entry.reason);
  const plain = (figures: typeof packageRead.figures) =>
    [...figures.values()].map((f) => ({ ...f, formula: f.formula ? "formula" : undefined }));
  return {
    package: {
      figures: plain(packageRead.figures),
      documents: packageRead.documents,
      problems: packageRead.problems,
    },
    figureReader: { figures: plain(entry.figures), documents: entry.documents, problems: entry.problems },
  };
}

it("the sample as cchc writes it: the same figures, documents and no problem", () => {
  const read = bothReads(sample(() => undefined));
  expect(read.package.figures.length).toBeGreaterThan(50);
  expect(read.package.documents.length).toBe(SAMPLE_DOCUMENTS.length);
  expect(read.figureReader).toEqual(read.package);
  expect(read.package.problems).toEqual([]);
});

it("a figure's name pointing at a tab the workbook lacks is a broken name to both, with its reference", () => {
  let name = "";
  const read = bothReads(
    sample((pkg) => {
      const workbook = new WorkbookPart(pkg, pkg.workbookPart()!);
      name = workbook.definedNames().find((d) => d.name.startsWith("CCHC_"))!.name;
      workbook.setDefinedName(name, "'Trang đã xoá'!$D$5");
    }),
  );
  expect(read.figureReader).toEqual(read.package);
  expect(read.package.problems).toContainEqual(
    expect.objectContaining({ kind: "brokenName", name, reference: "'Trang đã xoá'!$D$5" }),
  );
});
