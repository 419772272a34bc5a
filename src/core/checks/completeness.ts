/** What a report cannot do without: its period, its issuing body, a figure; and a form for its period. */
import { isInfo } from "../catalogue/infoBlock";
import { periodOutsideForm } from "../catalogue/validity";
import type { FigureCell } from "../figures";
import { cellsOf, dateOf, label, type CheckContext } from "./context";
import type { Finding } from "./finding";

const isBlank = (figure: FigureCell | undefined) => !figure || figure.value.type === "blank";

/**
 * What a report cannot do without: its period (kỳ báo cáo and năm, from which the data period
 * follows) and at least one figure on the input sheets. A fresh template is not "valid"; it
 * gets warnings, not errors, since a draft may be checked before it is filled.
 */
export function completenessFindings(ctx: CheckContext): Finding[] {
  // A workbook without the form's cells is not a report at all: that is said elsewhere.
  if (ctx.figures.size === 0) return [];
  const findings: Finding[] = [];
  const missing = ["ky_bao_cao", "nam"].filter((id) => ctx.byId.has(id) && isBlank(ctx.figures.get(id)));
  if (missing.length > 0) {
    const what = missing.map((id) => label(ctx, id).toLowerCase()).join(" và ");
    findings.push({
      severity: "warning",
      checkId: "info:period",
      ids: missing,
      cells: cellsOf(ctx, missing),
      message: `Thông tin chung chưa có ${what}: báo cáo chưa có kỳ, cũng chưa có ngày đầu và cuối kỳ số liệu.`,
    });
  }
  // A report without its issuing body: the heading and the signature block would be blank (a
  // consolidation's result gets it from --co-quan or from the user).
  if (ctx.byId.has("co_quan") && isBlank(ctx.figures.get("co_quan"))) {
    findings.push({
      severity: "warning",
      checkId: "info:co_quan",
      ids: ["co_quan"],
      cells: cellsOf(ctx, ["co_quan"]),
      message: `Thông tin chung chưa có ${label(ctx, "co_quan").toLowerCase()}: tên cơ quan ở đầu báo cáo và nơi ký sẽ để trống.`,
    });
  }
  const catalogue = ctx.catalogue;
  const inputs = catalogue.indicators.filter(
    (i) => (i.kind === "count" || i.kind === "money") && !i.derived && !isInfo(i, catalogue),
  );
  if (inputs.length > 0 && inputs.every((i) => isBlank(ctx.figures.get(i.id)))) {
    findings.push({
      severity: "warning",
      checkId: "form:empty",
      ids: [],
      cells: cellsOf(ctx, [inputs[0].id]),
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
