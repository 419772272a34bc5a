/**
 * Checks on the two values issue 21 adds to a figure cell: the «chưa có số liệu» mark (a figure
 * the source did not give: unknown, never 0) and the typed percentage (`kind: "percent"`).
 * docs/reporting-rules.md, «Chưa có số liệu» and «Tỷ lệ phần trăm nhập trực tiếp».
 */
import { difference, formatNumberVi, formatPercentVi, NOT_REPORTED, sumOfParts } from "../arithmetic";
import { indexIndicators, type Catalogue, type Indicator } from "../catalogue";
import { numericOf } from "../evaluate";
import type { CellValue, Figures } from "../figures";
import type { Finding } from "./finding";

/**
 * Whether a figure's cell may hold «chưa có số liệu»: counts, amounts and typed percentages (the
 * year of Thông tin chung excepted: a report always has one).
 */
export function acceptsNotReported(indicator: Indicator): boolean {
  return (
    (indicator.kind === "count" || indicator.kind === "money" || indicator.kind === "percent") &&
    indicator.id !== "nam"
  );
}

/** The largest rate a typed percentage may hold: its `max` (in %) over 100, default 1 (100%). */
export function percentMaxOf(indicator: Indicator): number {
  return (indicator.max ?? 100) / 100;
}

/**
 * What is wrong with a typed percentage's cell (already read by `readPercentCell`: a text
 * «96,8%» is its rate): not a number, negative, or above the form's maximum (100% unless the
 * form's `max` says more). A number above the maximum that would fit as a percentage (96,8 in a
 * cell without the % format) is told how to type it. Undefined when the value is fine.
 */
export function percentProblem(indicator: Indicator, v: CellValue): string | undefined {
  const max = percentMaxOf(indicator);
  const maxText = formatPercentVi(max, 0);
  if (v.type !== "number")
    return (
      `${v.type === "text" ? `«${v.value.slice(0, 40)}»` : v.type === "boolean" ? String(v.value).toUpperCase() : "giá trị"} ` +
      `không phải là tỷ lệ phần trăm: gõ số phần trăm (ví dụ 96,8%), hoặc «${NOT_REPORTED}» nếu chưa có`
    );
  if (v.value < 0) return `tỷ lệ âm (${formatNumberVi(v.value, 6)}) không hợp lệ`;
  if (v.value > max) {
    const asPercent = v.value / 100;
    const typed = formatNumberVi(v.value, 6);
    const hint =
      asPercent <= max
        ? `; nếu là ${typed}% hãy gõ kèm dấu % (${typed}%) hoặc gõ ${formatNumberVi(asPercent, 6)}`
        : "";
    return `${formatNumberVi(v.value, 6)} là ${formatPercentVi(v.value, 2)}, vượt quá ${maxText} mẫu cho phép${hint}`;
  }
  return undefined;
}

/**
 * The sum and balance rules of `catalogue` that cannot be checked because a figure is marked
 * «chưa có số liệu» (a breakdown the source did not split, a total it did not give): a warning
 * naming the unknown figures instead of the «lệch» error a 0 would make; an error still when the
 * figures that are known already exceed the total (no unknown part can make that right). Rules
 * with an invalid figure are left to its own error.
 */
export function notReportedFindings(figures: Figures, catalogue: Catalogue): Finding[] {
  const byId = indexIndicators(catalogue);
  const label = (id: string) => byId.get(id)?.label ?? id;
  const quoted = (ids: readonly string[]) => ids.map((id) => `«${label(id)}»`).join(", ");
  const cellsOf = (ids: readonly string[]) =>
    ids.map((id) => figures.get(id)?.cell).filter((c): c is string => !!c);
  const found: Finding[] = [];
  for (const rule of catalogue.checks) {
    if (rule.type !== "sum" && rule.type !== "balance") continue;
    const parts = rule.type === "balance" ? [...rule.parts, rule.explainedBy] : [...rule.parts];
    const all = [rule.total, ...parts];
    const readings = new Map(all.map((id) => [id, numericOf(figures.get(id))]));
    if ([...readings.values()].includes("invalid")) continue;
    const unknown = all.filter((id) => readings.get(id) === "unreported");
    if (unknown.length === 0) continue;
    const total = readings.get(rule.total);
    const known = parts.filter((id) => typeof readings.get(id) === "number");
    if (known.length === 0 && typeof total !== "number") continue;
    const knownSum = sumOfParts(known.map((id) => readings.get(id)));
    const ids = [...unknown, ...all.filter((id) => !unknown.includes(id))];
    const head = `${label(rule.total)}${typeof total === "number" ? ` (${formatNumberVi(total)})` : ""}`;
    if (typeof total === "number" && difference(total, [knownSum]) < 0) {
      found.push({
        severity: "error",
        checkId: `unreported:${rule.id}`,
        ids,
        cells: cellsOf(ids),
        message:
          `${head}: các thành phần đã có số liệu (${quoted(known)}) cộng được ${formatNumberVi(knownSum)}, ` +
          `đã lớn hơn tổng, lệch ${formatNumberVi(Math.abs(difference(total, [knownSum])))} dù ${quoted(unknown)} chưa có số liệu.`,
      });
      continue;
    }
    const knownText =
      known.length > 0 ? ` (các thành phần đã có số liệu cộng được ${formatNumberVi(knownSum)})` : "";
    found.push({
      severity: "warning",
      checkId: `unreported:${rule.id}`,
      ids,
      cells: cellsOf(ids),
      message:
        `${head}: ${quoted(unknown)} chưa có số liệu, nên chưa kiểm tra được tổng${knownText}. ` +
        `Không coi là 0; khi có số liệu hãy nhập vào.`,
    });
  }
  return found;
}
