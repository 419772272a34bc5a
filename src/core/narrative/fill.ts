/**
 * Filling sentence templates with the workbook's figures. Every figure goes through the core's
 * one arithmetic (`evaluateIndicators`, `ratio`, `onTimeRate`) and its Vietnamese formats
 * (`formatNumberVi`, `formatPercentVi`), as the appendix prints them. A figure that is not
 * there is never invented: the sentence keeps a highlighted «[chưa có số liệu: <nhãn>]».
 */
import {
  FigureError,
  formatNumberVi,
  formatPercentVi,
  percentDecimalsOf,
  ratio,
  sumOfParts,
} from "../arithmetic";
import { argIds, indexIndicators, type Catalogue, type Indicator } from "../catalogue";
import { parseTemplate, type Placeholder } from "../catalogue/outline";
import { numericOf, numericOfArg, type Evaluated, type Numeric } from "../evaluate";
import type { Figures } from "../figures";
import { shortDate } from "../report/documentForm";
import { administrativeLevel, unitsTogether } from "../report/issuingBody";
import { tableView } from "../tables/figures";
import { changeText, isRate, type ComparedPeriod } from "../report/comparison";
import type { DraftRun } from "./document";

/** What filling needs: the form, the figures as read and evaluated, the compared periods. */
export interface FillContext {
  catalogue: Catalogue;
  figures: Figures;
  evaluated: ReadonlyMap<string, Evaluated>;
  compared: readonly ComparedPeriod[];
  /**
   * The figures are a consolidation's over units (a Sở's of its communes): the level word of
   * `{cap:…}` names the units together, whose figures these are, not the consolidating body.
   */
  overUnits?: boolean;
}

const marker = (text: string): DraftRun => ({ text: `[${text}]`, highlight: true });

/** An indicator's name in a marker: a component is named with its parent («Biên chế…: Có mặt»). */
export function labelOf(context: FillContext, id: string): string {
  const index = indexIndicators(context.catalogue);
  const indicator = index.get(id);
  if (!indicator) return id;
  const parent = indicator.parent ? index.get(indicator.parent) : undefined;
  return parent ? `${parent.label}: ${indicator.label}` : indicator.label;
}

/** A count or money figure, or the year as written (no thousands separator). */
function formatFigure(indicator: Indicator, value: number): string {
  return indicator.id === "nam" ? String(value) : formatNumberVi(value);
}

/** The marker for a numeric reading that is not a number. */
function missing(context: FillContext, ids: readonly string[], reading: Numeric): DraftRun {
  const labels = ids.map((id) => labelOf(context, id)).join(" + ");
  return marker(reading === "invalid" ? `số liệu không hợp lệ: ${labels}` : `chưa có số liệu: ${labels}`);
}

/** The reading a failing argument's own figures are picked by (a blank list item is not the culprit). */
function sameFailure(own: Numeric, reading: Numeric): boolean {
  return reading === "invalid"
    ? own === "invalid"
    : reading === "unreported"
      ? own === "unreported"
      : own === "blank";
}

/** The ids of a ratio's argument whose figures are blank, or invalid, for its marker. */
function failingIds(context: FillContext, ids: readonly string[], reading: Numeric): string[] {
  const bad = ids.filter((id) => {
    return sameFailure(numericOf(context.figures.get(id)), reading);
  });
  return bad.length ? bad : [...ids];
}

/** An indicator's value as the report prints it. */
export function valueRuns(context: FillContext, id: string): DraftRun[] {
  const indicator = indexIndicators(context.catalogue).get(id);
  if (!indicator) return [marker(`không có chỉ tiêu ${id}`)];
  const evaluated = context.evaluated.get(id);
  const value = evaluated?.value;
  if (indicator.kind === "ratio") {
    if (typeof value === "number") return [{ text: formatPercentVi(value) }];
    const [num, den] = indicator.formula!.args;
    for (const arg of indicator.formula!.fn === "DUNGHAN" ? [num] : [num, den]) {
      const reading = numericOfArg(arg, context.figures);
      if (typeof reading !== "number")
        return [missing(context, failingIds(context, argIds(arg), reading), reading)];
    }
    return [
      marker(`không tính được ${indicator.label.toLocaleLowerCase("vi")}: ${evaluated?.note ?? ""}`.trim()),
    ];
  }
  if (typeof value === "number") {
    if (indicator.kind === "date") return [{ text: shortDate(value) }];
    if (indicator.kind === "percent") return [{ text: formatPercentVi(value, percentDecimalsOf(value)) }];
    return [{ text: formatFigure(indicator, value) }];
  }
  const reading = numericOf(context.figures.get(id));
  // A figure not reported (typed «chưa có số liệu», or a consolidation's total some unit did not
  // give) is marked as a blank one is: the words alone in a number's place read «có chưa có số
  // liệu nhiệm vụ».
  if (indicator.kind !== "text" && indicator.kind !== "choice" && reading === "unreported")
    return [missing(context, [id], reading)];
  if (typeof value === "string" && value !== "") return [{ text: value }];
  return [missing(context, [id], reading === "invalid" ? "invalid" : "blank")];
}

/** The ratio of two figures (`{tyle:a:b}`), by the core's `ratio`. */
export function ratioRuns(context: FillContext, numerator: string, denominator: string): DraftRun[] {
  const top = numericOf(context.figures.get(numerator));
  const bottom = numericOf(context.figures.get(denominator));
  for (const [id, reading] of [
    [numerator, top],
    [denominator, bottom],
  ] as const)
    if (reading === "blank" || reading === "invalid") return [missing(context, [id], reading)];
  try {
    const value = ratio(top, bottom);
    if (value === "") return [marker(`không tính được tỷ lệ: ${labelOf(context, denominator)} bằng 0`)];
    return [{ text: formatPercentVi(value) }];
  } catch (error) {
    if (error instanceof FigureError)
      return [marker(`không tính được tỷ lệ: ${error.message} (${labelOf(context, denominator)})`)];
    throw error;
  }
}

/**
 * A ratio indicator's two parts as «a/b», the way its rate is computed: the summed argument
 * lists, and for an on-time rate (DUNGHAN) on time over on time plus late.
 */
export function partsOf(
  context: FillContext,
  indicator: Indicator,
): { top: number; bottom: number } | DraftRun {
  const [numArg, denArg] = indicator.formula!.args;
  const top = numericOfArg(numArg, context.figures);
  if (typeof top !== "number") return missing(context, failingIds(context, argIds(numArg), top), top);
  const den = numericOfArg(denArg, context.figures);
  if (indicator.formula!.fn === "DUNGHAN") {
    if (den === "invalid" || den === "unreported")
      return missing(context, failingIds(context, argIds(denArg), den), den);
    return { top, bottom: sumOfParts([top, den === "blank" ? 0 : den]) };
  }
  if (typeof den !== "number") return missing(context, failingIds(context, argIds(denArg), den), den);
  return { top, bottom: den };
}

/** A ratio indicator's parts as «24/47» (`{phanso:id}`), or the marker of the missing one. */
export function fractionRuns(context: FillContext, id: string): DraftRun[] {
  const indicator = indexIndicators(context.catalogue).get(id);
  if (!indicator?.formula) return [marker(`không có chỉ tiêu tỷ lệ ${id}`)];
  const parts = partsOf(context, indicator);
  return "top" in parts
    ? [{ text: `${formatNumberVi(parts.top)}/${formatNumberVi(parts.bottom)}` }]
    : [parts];
}

/** The comparison clause of a figure against every compared period; nothing without one. */
export function compareRuns(context: FillContext, id: string): DraftRun[] {
  if (context.compared.length === 0) return [];
  const indicator = indexIndicators(context.catalogue).get(id);
  if (!indicator) return [];
  const now = context.evaluated.get(id)?.value;
  const runs: DraftRun[] = [];
  context.compared.forEach((period, i) => {
    runs.push({ text: i === 0 ? ", " : "; " });
    const before = period.evaluated.get(id)?.value;
    if (typeof now !== "number" || typeof before !== "number") {
      runs.push(marker(`chưa có số liệu để so sánh với ${period.phrase}: ${labelOf(context, id)}`));
      return;
    }
    // A typed percentage changes in percentage points, as a computed ratio does (the appendix too).
    const kind = isRate(indicator) ? "rate" : "figure";
    runs.push({ text: `${changeText(kind, now, before, indicator.unit)} so với ${period.phrase}` });
  });
  return runs;
}

/** The runs of one placeholder. */
export function placeholderRuns(context: FillContext, placeholder: Placeholder): DraftRun[] {
  switch (placeholder.kind) {
    case "value":
      return valueRuns(context, placeholder.id);
    case "ratio":
      return ratioRuns(context, placeholder.numerator, placeholder.denominator);
    case "compare":
      return compareRuns(context, placeholder.id);
    case "fraction":
      return fractionRuns(context, placeholder.id);
    case "table":
      return tableRuns(context, placeholder.table, placeholder.column);
    case "level":
      return levelRuns(context, placeholder.id);
  }
}

/**
 * `{cap:co_quan}`: the administrative level the typed name gives («phường» for «ỦY BAN NHÂN DÂN
 * PHƯỜNG HOA SEN»); a marker when the name is blank or names no level (never a guessed «xã»).
 * Over a consolidation over units the figures are the units' together, whatever body consolidated
 * them (a Sở Nội vụ «… TỈNH …» is not «tỉnh»): the form's units named together, «các xã, phường,
 * đặc khu» (`unitsTogether`), so «Ủy ban nhân dân {cap:co_quan} có 12 đơn vị sự nghiệp» speaks of
 * the communes' committees and never credits the province with their sum.
 */
function levelRuns(context: FillContext, id: string): DraftRun[] {
  if (context.overUnits) return [{ text: unitsTogether(context.catalogue.level) }];
  const value = context.figures.get(id)?.value;
  const name = value?.type === "text" ? value.value.trim() : "";
  if (!name) return [missing(context, [id], "blank")];
  const level = administrativeLevel(name);
  return level ? [{ text: level }] : [marker(`tên «${name}» không ghi cấp xã, phường hay đặc khu`)];
}

/** How many rows `{bang:…}` names: the first three by the column's figure. */
const TABLE_LEADERS = 3;

/**
 * `{bang:table:column}`: the rows of a table (an extra row by its typed label) with the most in
 * the column, largest first, at most three, each with its figure and the table's unit: «Hộ tịch
 * (60 hồ sơ), Đất đai (40 hồ sơ)». Rows of 0 or blank are left out; none left: a marker.
 */
function tableRuns(context: FillContext, tableId: string, columnId: string): DraftRun[] {
  const table = context.catalogue.tables?.find((t) => t.id === tableId);
  const index = table?.columns.findIndex((c) => c.id === columnId) ?? -1;
  if (!table || index < 0) return [marker(`không có bảng, cột: ${tableId}:${columnId}`)];
  const leaders = tableView(table, context.figures)
    .rows.map((row) => ({ label: row.label, value: row.values[index] }))
    .filter((row): row is { label: string; value: number } => typeof row.value === "number" && row.value > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, TABLE_LEADERS);
  if (leaders.length === 0)
    return [marker(`chưa có số liệu: ${table.title}, cột ${table.columns[index].label}`)];
  return [
    { text: leaders.map((row) => `${row.label} (${formatNumberVi(row.value)} ${table.unit})`).join(", ") },
  ];
}

/** A sentence template filled: literal text, figures, markers. Adjacent plain runs are merged. */
export function fillTemplate(context: FillContext, template: string): DraftRun[] {
  const runs: DraftRun[] = [];
  for (const piece of parseTemplate(template)) {
    if (piece.kind === "text") runs.push({ text: piece.text });
    else if (piece.placeholder) runs.push(...placeholderRuns(context, piece.placeholder));
    else runs.push(marker(`chỗ điền không rõ: {${piece.source}}`));
  }
  return mergeRuns(runs);
}

/** Runs with the same look joined, so a sentence is one run between its markers. */
export function mergeRuns(runs: readonly DraftRun[]): DraftRun[] {
  const merged: DraftRun[] = [];
  for (const run of runs) {
    if (!run.text) continue;
    const last = merged[merged.length - 1];
    if (
      last &&
      !!last.bold === !!run.bold &&
      !!last.italic === !!run.italic &&
      !!last.highlight === !!run.highlight
    )
      merged[merged.length - 1] = { ...last, text: last.text + run.text };
    else merged.push({ ...run });
  }
  return merged;
}
