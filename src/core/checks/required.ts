/**
 * Required rows (issue 21): a row the form marks `required` (docs/catalogue-format.md) left
 * blank is an error naming its cell. The program's own Thông tin chung requires the issuing body,
 * the period and the year of every form (src/core/catalogue/infoBlock.ts): without them the
 * report has no heading, no period, no data window and no signature block.
 *
 * One finding for one cell: this error is the only finding a blank required cell gets. The
 * completeness checks (`completenessFindings`) no longer warn of a blank issuing body or period
 * (those rows are required now), and their «nothing typed yet» warning points at a row that is
 * not required, or is left out when every input row is; a ratio whose blank side is only
 * required rows (`blankRequired`) gets no «one side typed» warning beside their errors.
 */
import type { Catalogue, Indicator } from "../catalogue";
import type { Finding } from "./finding";
import type { FigureCell, Figures } from "../figures";

/**
 * Why a blank required row of Thông tin chung matters, said after the finding; a form's own
 * required rows need no reason beyond the form's asking.
 */
const CONSEQUENCES: Readonly<Record<string, string>> = {
  co_quan: "tên cơ quan ở đầu báo cáo và nơi ký sẽ để trống",
  ky_bao_cao: "báo cáo chưa có kỳ, cũng chưa có ngày đầu và cuối kỳ số liệu",
  nam: "báo cáo chưa có năm, cũng chưa có ngày đầu và cuối kỳ số liệu",
};

/** Whether a figure counts as not given: its cell empty (or text of spaces only). */
function isBlank(figure: FigureCell): boolean {
  return figure.value.type === "blank" || (figure.value.type === "text" && figure.value.value.trim() === "");
}

/** `«Có mặt» (của «Biên chế được giao»)`: a component named with its parent, as the sheets nest it. */
function named(indicator: Indicator, byId: ReadonlyMap<string, Indicator>): string {
  const parent = indicator.parent ? byId.get(indicator.parent) : undefined;
  return parent ? `«${indicator.label}» (thuộc «${parent.label}»)` : `«${indicator.label}»`;
}

/**
 * The errors of the required rows left blank, in the form's order.
 * @param figures the workbook's figures as read (a figure the workbook lacks altogether is a
 *   placement problem, told by the placement findings, so it gets none here)
 * @param catalogue the form, whose indicators carry `required`
 * @returns one error `required:<id>` per blank required row, naming its cell; none for a
 *   workbook with no figure at all (not a report: said elsewhere)
 */
export function requiredFindings(figures: Figures, catalogue: Catalogue): Finding[] {
  if (figures.size === 0) return [];
  const byId = new Map(catalogue.indicators.map((i) => [i.id, i]));
  const findings: Finding[] = [];
  for (const indicator of catalogue.indicators) {
    if (!indicator.required || indicator.kind === "ratio") continue;
    const figure = figures.get(indicator.id);
    if (!figure || !isBlank(figure)) continue;
    const consequence = CONSEQUENCES[indicator.id];
    findings.push({
      severity: "error",
      checkId: `required:${indicator.id}`,
      ids: [indicator.id],
      cells: [figure.cell],
      message:
        // The cell is the finding's first, which every front end shows before the message.
        `${named(indicator, byId)} là dòng bắt buộc của mẫu báo cáo nhưng còn trống` +
        (consequence ? `: ${consequence}.` : "."),
    });
  }
  return findings;
}

/**
 * Whether blank rows are all required, so their errors already say they are blank (the ratio
 * gap warning then steps aside: one finding for one cell).
 * @param ids rows found blank
 */
export function blankRequired(ids: readonly string[], catalogue: Catalogue): boolean {
  const required = new Set(
    catalogue.indicators.filter((i) => i.required && i.kind !== "ratio").map((i) => i.id),
  );
  return ids.length > 0 && ids.every((id) => required.has(id));
}
