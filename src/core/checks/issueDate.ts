/** The report's own date (Ngày ban hành) against its data period. */
import { formatSerialVi } from "../dates";
import { cellsOf, dateOf, label, type CheckContext } from "./context";
import type { Finding } from "./finding";

/** How long after its data period a report may still be dated without a warning (days). */
const ISSUE_GRACE_DAYS = 92;

/**
 * The report's own date (Ngày ban hành) against its data period, as the documents' dates are:
 * a report is issued once its data period has begun, and at latest some three months after it
 * ends (a late annual report); a date outside that is most likely a slip (05/01/2024 on a Quý
 * III/2025 report, a year typed wrong). A warning: the date is the user's to decide.
 */
export function issueDateFindings(ctx: CheckContext): Finding[] {
  const issued = dateOf(ctx, "ngay_ban_hanh");
  const from = dateOf(ctx, "tu_ngay");
  const to = dateOf(ctx, "den_ngay");
  if (issued === undefined || from === undefined || to === undefined || !ctx.byId.has("ngay_ban_hanh"))
    return [];
  const period = `${formatSerialVi(from)} – ${formatSerialVi(to)}`;
  const what = `${label(ctx, "ngay_ban_hanh")} ${formatSerialVi(issued)}`;
  let message: string | undefined;
  if (issued < from)
    message = `${what} ở trước kỳ số liệu (${period}) của báo cáo: hãy xem lại ngày, tháng, năm.`;
  else if (issued > to + ISSUE_GRACE_DAYS)
    message = `${what} muộn hơn ba tháng sau kỳ số liệu (${period}) của báo cáo: hãy xem lại ngày, tháng, năm.`;
  return message
    ? [
        {
          severity: "warning",
          checkId: "info:ngay_ban_hanh",
          ids: ["ngay_ban_hanh"],
          cells: cellsOf(ctx, ["ngay_ban_hanh"]),
          message,
        },
      ]
    : [];
}
