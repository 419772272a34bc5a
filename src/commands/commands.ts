/**
 * The ribbon's function file. In the shared runtime it is loaded by taskpane.html (the manifest's
 * FunctionFile is Taskpane.Url), so the actions registered here share the page with the pane.
 *
 * "CCHC" only shows the task pane (ShowTaskpane needs no code). "Tạo báo cáo" generates the
 * report sheets in one click; its outcome goes to the pane's report card, and the pane opens
 * when the user must be told something (errors in the figures, or a failure).
 */
import { publishRibbonReport } from "../bridge/ribbonReport";

export async function generateReportFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // Loaded on first use: the adapter is not needed before the first click.
    const { generateReport } = await import(/* webpackChunkName: "excel" */ "../excel/generateReport");
    const outcome = await Excel.run((context) => generateReport(context));
    publishRibbonReport({
      ok: true,
      result: {
        errors: outcome.errors,
        warnings: outcome.warnings,
        sheets: outcome.sheets,
        keptEdited: outcome.keptEdited,
      },
    });
    if (outcome.errors > 0 || outcome.keptEdited.length > 0) await Office.addin.showAsTaskpane();
  } catch (error) {
    publishRibbonReport({ ok: false, error });
    // The pane turns the error into a Vietnamese message; opening it is how the user sees it.
    await Office.addin
      .showAsTaskpane()
      .catch((shown: unknown) => console.error("CCHC: cannot open the task pane", shown, error));
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("generateReport", generateReportFromRibbon);
});
