/**
 * The task pane: Fluent UI in Office's theme, the strings of Office's language, and the five
 * cards, each given the operations it needs as props. App owns the one-operation-at-a-time
 * runner (context.tsx) and the ErrorBar every failure ends in.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  tokens,
} from "@fluentui/react-components";
import { CheckPanel } from "./components/CheckPanel";
import { ConsolidateCard } from "./components/ConsolidateCard";
import { DraftCard } from "./components/DraftCard";
import { ErrorBar } from "./components/ErrorBar";
import { InstallCard } from "./components/InstallCard";
import { ProofreadCard } from "./components/ProofreadCard";
import { ReportCard } from "./components/ReportCard";
import { ScoreCard } from "./components/ScoreCard";
import { StatusCard } from "./components/StatusCard";
import { RunnerContext, StringsContext, type Runner } from "./context";
import { describeError } from "./errors";
import { PaneError, type OperationName, type PaneOperations, type PaneStatus } from "./operations";
import { VI, type PaneStrings } from "./strings";
import { fluentTheme, type ThemeName } from "./theme";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "640px",
    minWidth: 0,
    boxSizing: "border-box",
  },
  title: { margin: 0 },
  notice: { whiteSpace: "normal" },
});

/** Office is not there (a browser tab): nothing is wrong, the pane only has no Excel to work in. */
function outsideExcel(e: unknown): boolean {
  // By name too, as describeError: the Excel chunk's PaneError may come from another module copy.
  const named = typeof e === "object" && e !== null && (e as { name?: unknown }).name === "PaneError";
  return (e instanceof PaneError || named) && (e as PaneError).code === "notInExcel";
}

export interface AppProps {
  operations: PaneOperations;
  strings?: PaneStrings;
  theme?: ThemeName;
  /** False where the host cannot download a file (Excel on Mac, `hostCanDownload`). */
  canDownload?: boolean;
}

export function App({ operations, strings = VI, theme = "light", canDownload = true }: AppProps) {
  const styles = useStyles();
  // The status is read on mount: the pane starts busy with it, so the first paint already says so.
  const [busy, setBusy] = useState<OperationName | null>("status");
  const busyRef = useRef<OperationName | null>("status");
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<PaneStatus | null>(null);
  const [outside, setOutside] = useState(false);

  const fail = useCallback(
    (e: unknown) => {
      // Outside Excel every card would fail alike: the pane says so calmly, once, instead.
      if (outsideExcel(e)) {
        setOutside(true);
        return;
      }
      // The console keeps the original for support; the pane shows it in words.
      console.error(e);
      setError(describeError(e, strings));
    },
    [strings],
  );
  const idle = useCallback(() => {
    busyRef.current = null;
    setBusy(null);
  }, []);

  const run = useCallback(
    async <T,>(name: OperationName, action: () => Promise<T>): Promise<T | undefined> => {
      if (busyRef.current !== null) return undefined;
      busyRef.current = name;
      setBusy(name);
      setError(null);
      try {
        return await action();
      } catch (e) {
        fail(e);
        return undefined;
      } finally {
        idle();
      }
    },
    [fail, idle],
  );
  const runner = useMemo<Runner>(() => ({ busy, run, fail }), [busy, run, fail]);

  const refreshStatus = useCallback(() => {
    void run("status", async () => setStatus(await operations.status()));
  }, [run, operations]);

  // The first reading, already marked busy by the initial state.
  useEffect(() => {
    operations.status().then(setStatus, fail).finally(idle);
  }, [operations, fail, idle]);

  if (outside)
    return (
      <FluentProvider theme={fluentTheme(theme)} className={styles.provider} lang={strings.lang}>
        <main className={styles.main} data-busy="">
          <Subtitle1 as="h1" className={styles.title}>
            {strings.appTitle}
          </Subtitle1>
          <MessageBar intent="info" layout="multiline" className={styles.notice}>
            <MessageBarBody>
              <MessageBarTitle>{strings.outside.title}</MessageBarTitle> {strings.outside.body}
            </MessageBarBody>
          </MessageBar>
        </main>
      </FluentProvider>
    );

  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.provider} lang={strings.lang}>
      <StringsContext.Provider value={strings}>
        <RunnerContext.Provider value={runner}>
          {/* data-busy, not aria-busy: aria-busy would hold back the live regions' progress
              announcements; tests and the end-to-end run wait on it. */}
          <main className={styles.main} data-busy={busy ?? ""}>
            <Subtitle1 as="h1" className={styles.title}>
              {strings.appTitle}
            </Subtitle1>
            <ErrorBar message={error} onDismiss={() => setError(null)} />
            <StatusCard
              status={status}
              onRefresh={refreshStatus}
              repairFunctions={() => operations.repairFunctions()}
              onRepaired={refreshStatus}
            />
            <InstallCard
              install={(catalogue) => operations.install(catalogue)}
              installed={status?.installed ?? false}
              onInstalled={refreshStatus}
            />
            <CheckPanel check={() => operations.check()} selectCell={(ref) => operations.selectCell(ref)} />
            <ReportCard report={(compared) => operations.report(compared)} />
            {operations.draft && <DraftCard draft={() => operations.draft!()} canDownload={canDownload} />}
            <ScoreCard scores={() => operations.scores()} />
            {operations.proofread && (
              <ProofreadCard
                proofread={(document, withWorkbook) => operations.proofread!(document, withWorkbook)}
              />
            )}
            {operations.consolidate && (
              <ConsolidateCard
                consolidate={(files, target) => operations.consolidate!(files, target)}
                workbookPeriod={status}
                onConsolidated={refreshStatus}
              />
            )}
          </main>
        </RunnerContext.Provider>
      </StringsContext.Provider>
    </FluentProvider>
  );
}
