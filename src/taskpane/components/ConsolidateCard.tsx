/**
 * Tổng hợp: the user picks the units' workbooks, the pane reads them in the browser and writes
 * the consolidated figures and the two consolidation sheets into the open workbook, then shows
 * the totals, the units with errors and every file left out with its reason.
 */
import { useId, useState } from "react";
import { Body1, Field, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useRunner, useStrings } from "../context";
import type { ConsolidateResult, ConsolidationFile } from "../operations";
import { formatNumber } from "../strings";
import { ActionButton } from "./ActionButton";
import { Busy } from "./Busy";
import { PaneSection } from "./PaneSection";

const useStyles = makeStyles({
  result: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
  text: { overflowWrap: "anywhere" },
  bar: { whiteSpace: "normal" },
});

/** A picked file's bytes; FileReader where Blob.arrayBuffer is missing (older webviews such as Edge Legacy). */
function readBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(file);
  });
}

export interface ConsolidateCardProps {
  consolidate: (files: readonly ConsolidationFile[]) => Promise<ConsolidateResult>;
}

export function ConsolidateCard({ consolidate }: ConsolidateCardProps) {
  const styles = useStyles();
  const strings = useStrings();
  const { busy, run } = useRunner();
  const [files, setFiles] = useState<File[]>([]);
  const [result, setResult] = useState<ConsolidateResult | null>(null);
  const [pickFirst, setPickFirst] = useState(false);
  const inputId = useId();
  const t = strings.consolidate;

  const onClick = async () => {
    setResult(null);
    setPickFirst(files.length === 0);
    if (files.length === 0) return;
    const picked = files.map((file) => ({ name: file.name, bytes: () => readBytes(file) }));
    const outcome = await run("consolidate", () => consolidate(picked));
    if (outcome) setResult(outcome);
  };
  const refused = result?.files.filter((f) => !f.included) ?? [];

  return (
    <PaneSection title={t.heading} description={t.description}>
      <Field
        label={{ children: t.choose, htmlFor: inputId }}
        hint={files.length > 0 ? t.chosen(files.length) : undefined}
      >
        <input
          id={inputId}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            setResult(null);
            setPickFirst(false);
            setFiles(Array.from(event.target.files ?? []));
          }}
        />
      </Field>
      <ActionButton onClick={onClick}>{t.run}</ActionButton>
      <div role="status" className={styles.result}>
        {busy === "consolidate" && <Busy label={t.busy} />}
        {pickFirst && <Body1>{t.pickFirst}</Body1>}
        {result && result.units === 0 && (
          <MessageBar intent="warning" layout="multiline" className={styles.bar}>
            <MessageBarBody>{t.nothing}</MessageBarBody>
          </MessageBar>
        )}
        {result && result.units > 0 && (
          <>
            <Body1 className={styles.text}>{t.done(result.units, result.files.length)}</Body1>
            <Body1 className={styles.text}>{t.sheets(result.sheets)}</Body1>
            {result.totals.length > 0 && (
              <section aria-label={t.totalHeading}>
                <Body1 as="p">
                  <strong>{t.totalHeading}</strong>
                </Body1>
                <ul className={styles.list} data-testid="consolidation-totals">
                  {result.totals.map((total) => (
                    <li key={total.id} className={styles.text}>
                      <Body1>
                        {total.label}: {formatNumber(strings, total.value)}
                        {total.unit ? ` ${total.unit}` : ""}
                      </Body1>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
        {result && result.unitsWithErrors > 0 && (
          <MessageBar intent="warning" layout="multiline" className={styles.bar}>
            <MessageBarBody>{t.unitsWithErrors(result.unitsWithErrors)}</MessageBarBody>
          </MessageBar>
        )}
        {refused.length > 0 && (
          <section aria-label={t.refusedHeading}>
            <Body1 as="p">
              <strong>{t.refusedHeading}</strong>
            </Body1>
            <ul className={styles.list}>
              {refused.map((file) => (
                <li key={file.source} className={styles.text}>
                  <Body1>{t.refused(file.source, file.reason ?? "")}</Body1>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </PaneSection>
  );
}
