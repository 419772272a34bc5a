/** Cài đặt / cập nhật mẫu: installs or upgrades the sheets and says what was added and kept. */
import { useState } from "react";
import { Body1, Field, makeStyles, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import type { TemplateLevel } from "../../core/catalogue/levels";
import { useRunner, useStrings } from "../context";
import type { InstallSummary } from "../operations";
import { ActionButton } from "./ActionButton";
import { Busy } from "./Busy";
import { PaneSection } from "./PaneSection";

const useStyles = makeStyles({
  result: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
  sheetNames: { overflowWrap: "anywhere" },
});

export interface InstallCardProps {
  /** Installs with the level chosen here (only offered before the first install). */
  install: (level: TemplateLevel) => Promise<InstallSummary>;
  /** The workbook already has the template: the button says "update". */
  installed: boolean;
  /** Called after a successful install, to read the status again. */
  onInstalled?: (summary: InstallSummary) => void;
}

export function InstallCard({ install, installed, onInstalled }: InstallCardProps) {
  const styles = useStyles();
  const strings = useStrings();
  const { busy, run } = useRunner();
  const [result, setResult] = useState<InstallSummary | null>(null);
  const [level, setLevel] = useState<TemplateLevel>("H");
  const t = strings.install;

  const onClick = async () => {
    setResult(null);
    const summary = await run("install", () => install(level));
    if (summary) {
      setResult(summary);
      onInstalled?.(summary);
    }
  };

  return (
    <PaneSection title={t.heading} description={t.description}>
      {!installed && (
        <Field label={t.level}>
          <RadioGroup value={level} onChange={(_e, data) => setLevel(data.value === "X" ? "X" : "H")}>
            <Radio value="H" label={t.levelH} />
            <Radio value="X" label={t.levelX} />
          </RadioGroup>
        </Field>
      )}
      <ActionButton onClick={onClick}>{installed ? t.update : t.install}</ActionButton>
      <div role="status">
        {busy === "install" && <Busy label={t.busy} />}
        {result && (
          <>
            <Body1 as="p">
              {result.fromVersion
                ? t.updated(result.fromVersion, result.toVersion)
                : t.installed(result.toVersion)}
            </Body1>
            <ul className={styles.result}>
              {result.added.length > 0 && (
                <li className={styles.sheetNames}>
                  <Body1>{t.added(result.added)}</Body1>
                </li>
              )}
              {result.updated.length > 0 && (
                <li className={styles.sheetNames}>
                  <Body1>{t.rewritten(result.updated)}</Body1>
                </li>
              )}
              <li>
                <Body1>{t.kept(result.keptValues)}</Body1>
              </li>
              {result.renamed.map((r) => (
                <li key={r.used} className={styles.sheetNames}>
                  <Body1>{t.renamed(r.wanted, r.used)}</Body1>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </PaneSection>
  );
}
