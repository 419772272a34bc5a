/**
 * Soát số liệu trong văn bản (issue 18): the user picks the report's Word document (the pane's
 * FilePicker: a Fluent button opening a hidden file input), optionally has it compared with the open workbook's
 * figures, and sees every wrong percentage by paragraph, the sentence quoted and what it should
 * be. The document is only read; the reader and the proofreader load on the first use.
 */
import { useState } from "react";
import { Body1, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useRunner, useStrings } from "../context";
import type { PickedDocument, ProofFinding } from "../operations";
import { ActionButton } from "./ActionButton";
import { Busy } from "./Busy";
import { FilePicker, pickedFile } from "./FilePicker";
import { PaneSection } from "./PaneSection";

const useStyles = makeStyles({
  result: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  sentence: { fontStyle: "italic", overflowWrap: "anywhere" },
  text: { overflowWrap: "anywhere" },
  bar: { whiteSpace: "normal" },
  check: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    cursor: "pointer",
    accentColor: tokens.colorBrandBackground,
  },
});

export interface ProofreadCardProps {
  proofread: (document: PickedDocument, withWorkbook: boolean) => Promise<ProofFinding[]>;
}

export function ProofreadCard({ proofread }: ProofreadCardProps) {
  const styles = useStyles();
  const strings = useStrings();
  const { busy, run } = useRunner();
  const [file, setFile] = useState<File | null>(null);
  const [withWorkbook, setWithWorkbook] = useState(false);
  const [findings, setFindings] = useState<ProofFinding[] | null>(null);
  const [pickFirst, setPickFirst] = useState(false);
  const t = strings.proofread;

  const onRun = async () => {
    setFindings(null);
    setPickFirst(file === null);
    if (!file) return;
    const picked = pickedFile(file);
    const result = await run("proofread", () => proofread(picked, withWorkbook));
    if (result) setFindings(result);
  };

  return (
    <PaneSection title={t.heading} description={t.description}>
      <FilePicker
        label={t.choose}
        accept=".docx,.txt,.md,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown"
        files={file ? [file] : []}
        onChange={(picked) => {
          setFindings(null);
          setPickFirst(false);
          setFile(picked[0]);
        }}
      />
      {/* A native checkbox: Fluent's Checkbox would add its code to the first download (≤ 150 KB). */}
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={withWorkbook}
          onChange={(event) => setWithWorkbook(event.target.checked)}
        />
        <Body1>{t.withWorkbook}</Body1>
      </label>
      <ActionButton onClick={onRun}>{t.run}</ActionButton>
      <div role="status" className={styles.result}>
        {busy === "proofread" && <Busy label={t.busy} />}
        {pickFirst && <Body1>{t.pickFirst}</Body1>}
        {findings && findings.length === 0 && (
          <MessageBar intent="success" layout="multiline" className={styles.bar}>
            <MessageBarBody>{t.none}</MessageBarBody>
          </MessageBar>
        )}
        {findings && findings.length > 0 && (
          <section aria-label={t.heading}>
            <Body1 as="p">
              <strong>{t.found(findings.length)}</strong>
            </Body1>
            <ol className={styles.list} data-testid="proofread-findings">
              {findings.map((finding) => (
                <li key={`${finding.paragraph}:${finding.offset}:${finding.checkId}`} className={styles.item}>
                  <Body1>
                    <strong>{t.paragraph(finding.paragraph)}</strong>:{" "}
                    {finding.message.replace(/^Đoạn \d+: /, "")}
                  </Body1>
                  <Body1 className={styles.sentence}>«{finding.sentence}»</Body1>
                  {finding.cells.length > 0 && (
                    <Body1 className={styles.text}>{t.cells(finding.cells)}</Body1>
                  )}
                </li>
              ))}
            </ol>
          </section>
        )}
      </div>
    </PaneSection>
  );
}
