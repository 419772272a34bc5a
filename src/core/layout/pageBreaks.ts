/**
 * The printed pages of a report sheet, planned rather than left to the engine: a manual break
 * before every page, so Excel and LibreOffice (which measure rows and widths a little apart)
 * print the same pages, and a table's tail (the signature block under it) never starts a page
 * alone, under a repeated table header with no row beneath it. Each page is filled to what the
 * narrower of the two engines' layouts holds, from the plan's own row heights (every row of a
 * report sheet has one: `fitRowHeights(…, { everyRow: true })`).
 *
 * Units: points of the sheet at 100 %; the page is A4 (210 × 297 mm, turned when landscape) less the plan's margins,
 * scaled as "fit to one page wide" scales it.
 */
import { columnPoints, oneLineHeight } from "./rowHeights";
import { parseAddress, type SheetPlan } from "./model";

const MM = 72 / 25.4;
const A4 = { width: 210, height: 297 };
/** Table rows carried over with the tail, so the next page's header stands over rows. */
const CARRIED_ROWS = 2;
/** Slack for what neither engine says exactly (the room of the page-number header). */
const SLACK = 12;
/** LibreOffice prints a column `w` wide about 5.49 w points wide (measured on the demo's PDF). */
const LIBREOFFICE_POINTS_PER_WIDTH = 5.49;

/**
 * The points of a page's body in the sheet's units, in the engine that scales the sheet the
 * most when fitting it to the page width.
 */
export function pageBodyPoints(plan: SheetPlan): number {
  const page = plan.page!;
  // A landscape page (a wide table's appendix) turns A4 on its side.
  const landscape = page.orientation === "landscape";
  const paper = landscape ? { width: A4.height, height: A4.width } : A4;
  const excel = plan.columns.reduce((sum, w) => sum + columnPoints(w), 0);
  const libreOffice = plan.columns.reduce((sum, w) => sum + w * LIBREOFFICE_POINTS_PER_WIDTH, 0);
  const printableWidth = (paper.width - page.marginsMm.left - page.marginsMm.right) * MM;
  const scale = page.fitToWidth ? Math.min(1, printableWidth / Math.max(excel, libreOffice)) : 1;
  return ((paper.height - page.marginsMm.top - page.marginsMm.bottom) * MM) / scale - SLACK;
}

/**
 * The plan with `page.rowBreaks`: a break before each page's first row, pages filled from the
 * plan's row heights (`headerRow`, the table's header, repeats at the top of each page after
 * the first), and, when the rows after `lastTableRow` (the tail) do not fit under the table's
 * last rows, a break before the last two table rows so that they go over with the tail. A
 * plan without a page setup is returned as it is.
 */
export function planPageBreaks(plan: SheetPlan, headerRow: number, lastTableRow: number): SheetPlan {
  const page = plan.page;
  if (!page) return plan;
  const lastRow = parseAddress(page.printArea.split(":")[1]).row;
  const usable = pageBodyPoints(plan);
  const heightOf = (row: number) => plan.rowHeights?.[row] ?? oneLineHeight(plan.font.size);
  const header = heightOf(headerRow);
  const breaks: number[] = [];
  let used = 0;
  for (let row = 1; row <= lastTableRow; row++) {
    const h = heightOf(row);
    if (used + h > usable && row > headerRow + 1) {
      breaks.push(row);
      used = header;
    }
    used += h;
  }
  let tail = 0;
  for (let row = lastTableRow + 1; row <= lastRow; row++) tail += heightOf(row);
  const firstCarried = lastTableRow - CARRIED_ROWS + 1;
  const pageStart = breaks[breaks.length - 1] ?? 1;
  if (used + tail > usable && firstCarried > Math.max(pageStart, headerRow + 1)) breaks.push(firstCarried);
  return { ...plan, page: { ...page, rowBreaks: breaks } };
}
