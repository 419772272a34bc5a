/**
 * The ribbon's function file. In the shared runtime it is loaded by taskpane.html (the manifest's
 * FunctionFile is Taskpane.Url), so actions registered here share state with the pane.
 *
 * The "CCHC" button only shows the task pane (ShowTaskpane needs no code). The report button
 * ("Tạo báo cáo", an ExecuteFunction) registers its action here with Office.actions.associate
 * when the report issue lands.
 */
// A module, not a global script: isolatedModules compiles each file on its own.
export {};

Office.onReady(() => {
  // Nothing to register yet: see the note above.
});
