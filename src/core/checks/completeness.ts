/** What a report cannot do without: a figure typed; and a form for its period. */
import { isInfo } from "../catalogue/infoBlock";
import { periodOutsideForm } from "../catalogue/validity";
import type { FigureCell } from "../figures";
import { cellsOf, dateOf, type CheckContext } from "./context";
import type { Finding } from "./finding";

const isBlank = (figure: FigureCell | undefined) => !figure || figure.value.type === "blank";

/**
 * A form with nothing typed on its input sheets: a warning, not an error, since a draft may be
 * checked before it is filled. The rows a report cannot go without (issuing body, period, year,
 * the form's own) are required rows, each an error of its own (`requiredFindings`); this warning
 * names a row that is not required, so no cell gets two findings.
 */
export function completenessFindings(ctx: CheckContext): Finding[] {
  // A workbook without the form's cells is not a report at all: that is said elsewhere.
  if (ctx.figures.size === 0) return [];
  const findings: Finding[] = [];
  const catalogue = ctx.catalogue;
  const inputs = catalogue.indicators.filter(
    (i) => (i.kind === "count" || i.kind === "money") && !i.derived && !isInfo(i, catalogue),
  );
  const pointed = inputs.find((i) => !i.required);
  if (pointed && inputs.every((i) => isBlank(ctx.figures.get(i.id)))) {
    findings.push({
      severity: "warning",
      checkId: "form:empty",
      ids: [],
      cells: cellsOf(ctx, [pointed.id]),
      message: "Chưa nhập số liệu nào vào các trang nhập liệu: chưa có gì để kiểm tra hay đưa vào báo cáo.",
    });
  }
  return findings;
}

/** A data period the form is not for (validFrom/validTo: a district form after 1 July 2025 …). */
export function formPeriodFindings(ctx: CheckContext): Finding[] {
  const end = dateOf(ctx, "den_ngay");
  const outside = end !== undefined ? periodOutsideForm(ctx.catalogue, end) : undefined;
  return outside
    ? [
        {
          severity: "warning",
          checkId: "form:period",
          ids: ["den_ngay"],
          cells: cellsOf(ctx, ["den_ngay"]),
          message: outside,
        },
      ]
    : [];
}
