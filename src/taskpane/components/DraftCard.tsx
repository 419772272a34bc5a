/**
 * Dự thảo báo cáo (Word): drafts the narrative report from the open workbook and hands the .docx
 * to the user as a download; where the host cannot download (Excel on Mac) it says so and names
 * the command that does the same from the saved file.
 */
import { useState } from "react";
import { Body1, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useRunner, useStrings } from "../context";
import { downloadFile } from "../download";
import type { DraftResult } from "../operations";
import { ActionButton } from "./ActionButton";
import { Busy } from "./Busy";
import { PaneSection } from "./PaneSection";

const useStyles = makeStyles({
  result: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  text: { overflowWrap: "anywhere" },
  bar: { whiteSpace: "normal" },
});

export interface DraftCardProps {
  draft: () => Promise<DraftResult>;
  /** False in Excel on Mac: no download there. */
  canDownload: boolean;
  /** Hands the file over; a browser download by default. */
  save?: (bytes: Uint8Array, fileName: string) => void;
}

export function DraftCard({ draft, canDownload, save = downloadFile }: DraftCardProps) {
  const styles = useStyles();
  const strings = useStrings();
  const { busy, run } = useRunner();
  const [result, setResult] = useState<{ fileName: string; errors: number } | null>(null);
  const t = strings.draft;

  const onClick = async () => {
    setResult(null);
    const made = await run("draft", draft);
    if (!made) return;
    save(made.bytes, made.fileName);
    setResult({ fileName: made.fileName, errors: made.errors });
  };

  return (
    <PaneSection title={t.heading} description={t.description}>
      {canDownload ? (
        <ActionButton onClick={onClick}>{t.generate}</ActionButton>
      ) : (
        <MessageBar intent="info" layout="multiline" className={styles.bar}>
          <MessageBarBody className={styles.text}>
            {t.cannotDownload} <code>{t.command}</code>
          </MessageBarBody>
        </MessageBar>
      )}
      <div role="status" className={styles.result}>
        {busy === "draft" && <Busy label={t.busy} />}
        {result && <Body1 className={styles.text}>{t.downloaded(result.fileName)}</Body1>}
        {result && result.errors > 0 && (
          <MessageBar intent="warning" layout="multiline" className={styles.bar}>
            <MessageBarBody>{t.errorsRemain(result.errors)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </PaneSection>
  );
}
