/**
 * The task pane's entry, loaded by taskpane.html in the shared runtime (after functions.js and
 * commands.js). The only place that waits for Office: it reads the display language and the
 * theme, picks the strings table and renders the pane.
 *
 * The Excel adapter is not in this chunk: it is loaded on the pane's first operation
 * (lazyOperations), so the first paint needs React and Fluent UI only.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { hostCanDownload } from "./download";
import { lazyOperations } from "./operations";
import { pickStrings } from "./strings";
import { themeNameOf } from "./theme";

const operations = lazyOperations(() =>
  import(/* webpackChunkName: "excel" */ "./officeOperations").then((m) => m.createOfficeOperations()),
);

function start(context: Office.Context | undefined): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  // Outside Office (a browser tab, a test page) the context may lack these: Vietnamese, light.
  const strings = pickStrings(context?.displayLanguage);
  document.documentElement.lang = strings.lang;
  document.title = strings.appTitle;
  createRoot(container).render(
    <App
      operations={operations}
      strings={strings}
      theme={themeNameOf(context?.officeTheme)}
      canDownload={hostCanDownload(context?.platform as string | undefined)}
    />,
  );
}

if (typeof Office === "undefined") {
  // office.js did not load (offline, or the page opened outside Office): still show the pane,
  // whose first operation then says that it needs Excel, rather than a blank page.
  start(undefined);
} else {
  void Office.onReady(() => start(Office.context));
}
