/**
 * Tạo báo cáo: writes the report sheets and says where they are, warns when the figures still
 * have errors, and names the hand-edited report kept under another name. «So sánh với kỳ
 * trước» picks the unit's earlier workbooks, whose figures and changes Phụ lục I prints.
 */
import { useEffect, useState } from "react";
import { Body1, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useRunner, useStrings } from "../context";
import type { ConsolidationFile, ReportResult } from "../operations";
import { subscribeRibbonReport } from "../../bridge/ribbonReport";
import { ActionButton } from "./ActionButton";
import { Busy } from "./Busy";
import { FilePicker, pickedFile } from "./FilePicker";
import { PaneSection } from "./PaneSection";

const useStyles = makeStyles({
  result: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  text: { overflowWrap: "anywhere" },
  bar: { whiteSpace: "normal" },
});

export interface ReportCardProps {
  /** Writes the report, compared with the picked workbooks when there are any. */
  report: (compared: readonly ConsolidationFile[]) => Promise<ReportResult>;
}

export function ReportCard({ report }: ReportCardProps) {
  const styles = useStyles();
  const strings = useStrings();
  const { busy, run, fail } = useRunner();
  const [result, setResult] = useState<ReportResult | null>(null);
  const [compared, setCompared] = useState<File[]>([]);
  const t = strings.report;

  const onClick = async () => {
    setResult(null);
    const summary = await run("report", () => report(compared.map(pickedFile)));
    if (summary) setResult(summary);
  };

  // The ribbon's "Tạo báo cáo" ran in the same runtime: show its outcome (or its error) here,
  // even while the pane is busy with something else.
  useEffect(
    () =>
      subscribeRibbonReport((outcome) => {
        if (outcome.ok) setResult(outcome.result);
        else fail(outcome.error);
      }),
    [fail],
  );

  return (
    <PaneSection title={t.heading} description={t.description}>
      <FilePicker
        label={t.compare}
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        files={compared}
        onChange={(picked) => {
          setResult(null);
          setCompared(picked);
        }}
      />
      <ActionButton onClick={onClick}>{t.generate}</ActionButton>
      <div role="status" className={styles.result}>
        {busy === "report" && <Busy label={t.busy} />}
        {result && <Body1 className={styles.text}>{t.written(result.sheets)}</Body1>}
        {result && result.errors > 0 && (
          <MessageBar intent="warning" layout="multiline" className={styles.bar}>
            <MessageBarBody>{t.errorsRemain(result.errors)}</MessageBarBody>
          </MessageBar>
        )}
        {result && result.warnings > 0 && <Body1>{t.warnings(result.warnings)}</Body1>}
        {result && result.keptEdited.length > 0 && (
          <MessageBar intent="info" layout="multiline" className={styles.bar}>
            <MessageBarBody className={styles.text}>{t.keptEdited(result.keptEdited)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </PaneSection>
  );
}
