/**
 * The ribbon's "Tạo báo cáo" and the task pane live in one shared runtime (one page), but in
 * separate bundles. The command publishes its outcome on the window; the pane's report card
 * shows it like its own. The last outcome is kept so a pane that mounts later still gets it.
 */
import type { ReportPlan } from "../core/report/planReport";

export const RIBBON_REPORT_EVENT = "cchc:ribbon-report";

export type RibbonReportOutcome = { ok: true; result: ReportPlan["summary"] } | { ok: false; error: unknown };

interface RibbonWindow {
  cchcRibbonReport?: RibbonReportOutcome;
}

export function publishRibbonReport(outcome: RibbonReportOutcome, target: Window = window): void {
  (target as unknown as RibbonWindow).cchcRibbonReport = outcome;
  target.dispatchEvent(new CustomEvent<RibbonReportOutcome>(RIBBON_REPORT_EVENT, { detail: outcome }));
}

/** Calls `listener` with each outcome, first with one published before the pane was there. */
export function subscribeRibbonReport(
  listener: (outcome: RibbonReportOutcome) => void,
  target: Window = window,
): () => void {
  const holder = target as unknown as RibbonWindow;
  const deliver = (outcome: RibbonReportOutcome) => {
    // Consumed once: remounting the pane must not show an old outcome again.
    delete holder.cchcRibbonReport;
    listener(outcome);
  };
  if (holder.cchcRibbonReport) deliver(holder.cchcRibbonReport);
  const onEvent = (event: Event) => deliver((event as CustomEvent<RibbonReportOutcome>).detail);
  target.addEventListener(RIBBON_REPORT_EVENT, onEvent);
  return () => target.removeEventListener(RIBBON_REPORT_EVENT, onEvent);
}
