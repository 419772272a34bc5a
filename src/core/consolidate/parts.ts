/**
 * What the consolidations need to know of each readable input: its unit, its data period, its
 * check counts; and the two ways figures combine (a sum, the latest value).
 */
import { sumOfParts } from "../arithmetic";
import { checkFigures, countFindings } from "../checks";
import { evaluateIndicators, numericOf, type Evaluated } from "../evaluate";
import type { FigureCell } from "../figures";
import { formatDateVi, fromExcelSerial, parsePeriod } from "../period";
import { unitSortName } from "../identity";
import type { FileStatus, PartCheck, PartSummary, ReadWorkbook } from "./model";

/**
 * White space `unitNameOf` changes: any but a lone space between words (a tab, a line break, a
 * no-break space, a run, at either end).
 */
const UNTIDY_SPACE = /[^\S ]| {2}|^ | $/;

/**
 * The unit's name as its Thông tin chung gives it (`co_quan`), its white space runs made one
 * space and trimmed; "" when not given. A name already so is the text itself, not a copy: the
 * names are kept to the end of a consolidation, a copy of each costing some 0.5 MB over the
 * country's 3,300 units (issue 19).
 */
export function unitNameOf(input: ReadWorkbook): string {
  const v = input.figures.get("co_quan")?.value;
  if (v?.type !== "text") return "";
  return UNTIDY_SPACE.test(v.value) ? v.value.replace(/\s+/g, " ").trim() : v.value;
}

// The unit identity is the core's own (core/identity): comparisons use it below the report.
export { unitKey } from "../identity";

/** The data period of an input, as Excel serials, from its evaluated tu_ngay / den_ngay. */
export interface DataSpan {
  from: number;
  to: number;
}

/** The input's data period; undefined when its Thông tin chung does not give one. */
export function dataSpanOf(evaluated: ReadonlyMap<string, Evaluated>): DataSpan | undefined {
  const from = evaluated.get("tu_ngay")?.value;
  const to = evaluated.get("den_ngay")?.value;
  if (typeof from !== "number" || typeof to !== "number" || from > to) return undefined;
  return { from: Math.floor(from), to: Math.floor(to) };
}

/** `15/06/2026 – 14/09/2026` */
export function formatSpan(span: DataSpan): string {
  return `${formatDateVi(fromExcelSerial(span.from))} – ${formatDateVi(fromExcelSerial(span.to))}`;
}

/** `Quý III/2026` from the input's kỳ and năm, "" when either is missing. */
export function periodLabelOf(input: ReadWorkbook): string {
  const period = parsePeriod(textOrNumber(input.figures.get("ky_bao_cao")));
  const year = numericOf(input.figures.get("nam"));
  return period && typeof year === "number" ? `${period}/${year}` : "";
}

function textOrNumber(figure: FigureCell | undefined): unknown {
  const v = figure?.value;
  return v?.type === "text" || v?.type === "number" ? v.value : undefined;
}

/** An input's checks (by the core's `checkFigures`, as `check` makes them) and evaluation. */
export function checkPart(input: ReadWorkbook): PartCheck {
  // One plain copy of the figures: a compact figure set builds a cell per look-up.
  const figures = input.figures instanceof Map ? input.figures : new Map(input.figures);
  const evaluated = evaluateIndicators(figures, input.catalogue);
  const counts = countFindings(
    checkFigures(figures, input.documents, input.catalogue, input.problems, evaluated),
  );
  return { evaluated, errors: counts.errors, warnings: counts.warnings };
}

/** An input as a part of the total: its own ratios and its check counts. */
export function summarize(input: ReadWorkbook, name: string): PartSummary {
  return { source: input.source, name, ...(input.checked ?? checkPart(input)) };
}

/**
 * Includes the inputs as parts of the total: each one's file is marked included with its
 * error and warning counts. Returns the parts in the order of the inputs.
 */
export function includeParts<T extends { input: ReadWorkbook; status: FileStatus }>(
  included: readonly T[],
  nameOf: (candidate: T) => string,
): PartSummary[] {
  return included.map((c) => {
    const summary = summarize(c.input, nameOf(c));
    c.status.included = true;
    c.status.errors = summary.errors;
    c.status.warnings = summary.warnings;
    return summary;
  });
}

/**
 * The sum of a figure over inputs: blanks and invalid cells (already an error of their unit)
 * add nothing; blank when no input gives a number. The core's `sumOfParts` does the adding.
 */
export function sumOf(figures: ReadonlyArray<FigureCell | undefined>): number | null {
  return sumOver(figures, (figure) => figure);
}

/**
 * `sumOf` the figure `figureOf` gives of each part, each taken and dropped in turn: over the
 * country's 3,300 units a figure is not held 3,300 times at once (a compact unit makes one
 * on each look-up).
 */
export function sumOver<T>(
  parts: readonly T[],
  figureOf: (part: T) => FigureCell | undefined,
): number | null {
  const numbers: number[] = [];
  for (const part of parts) {
    const n = numericOf(figureOf(part));
    if (typeof n === "number") numbers.push(n);
  }
  if (numbers.length === 0) return null;
  // A sum of one is that figure as typed: the rounding that clears float noise must not touch it.
  return numbers.length === 1 ? numbers[0] : sumOfParts(numbers);
}

/** A figure's content as a plain value for an input cell: the number or text, null when blank or unusable. */
export function plainOf(figure: FigureCell | undefined): string | number | null {
  const v = figure?.value;
  if (!v) return null;
  if (v.type === "number" || v.type === "text") return v.value;
  return null;
}

/**
 * Vietnamese order, one collator for every comparison: `localeCompare(b, "vi")` builds a new one
 * each call, and sorting a country's 3,300 unit names compares some 40,000 times. Made at the
 * first comparison, not at start-up.
 */
let vietnamese: Intl.Collator | undefined;

/** Text comparison for sorting Vietnamese names the same way everywhere. */
export function compareVi(a: string, b: string): number {
  return (vietnamese ??= new Intl.Collator("vi")).compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * `items` in the order the consolidation lists units: by `unitSortName` of their names (what
 * follows «UBND» or «Ủy ban nhân dân»), then the name as written, then `tieBreak` (the file), in
 * Vietnamese order. Each name's key is made once, not at every comparison (sorting 3,300 units
 * compares some 40,000 times).
 */
export function inUnitOrder<T>(
  items: readonly T[],
  nameOf: (item: T) => string,
  tieBreak: (item: T) => string = () => "",
): T[] {
  const keyed = items.map((item) => {
    const name = nameOf(item);
    return { item, name, key: unitSortName(name) };
  });
  keyed.sort(
    (a, b) =>
      compareVi(a.key, b.key) || compareVi(a.name, b.name) || compareVi(tieBreak(a.item), tieBreak(b.item)),
  );
  return keyed.map(({ item }) => item);
}
