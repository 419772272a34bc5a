/** Trạng thái: is the template installed, which version, which period; #NAME? cells to repair. */
import { useState } from "react";
import { Body1, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useRunner, useStrings } from "../context";
import type { PaneStatus } from "../operations";
import { ActionButton } from "./ActionButton";
import { Busy } from "./Busy";
import { PaneSection } from "./PaneSection";

const useStyles = makeStyles({
  facts: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  bar: { whiteSpace: "normal" },
});

export interface StatusCardProps {
  /** null until the first reading (or when it failed). */
  status: PaneStatus | null;
  onRefresh: () => void;
  repairFunctions: () => Promise<number>;
  /** Called after a repair, to read the status again. */
  onRepaired?: () => void;
}

/** Versions compared by their numeric parts (`1.10.0` > `1.9.2`). */
export function isOlderVersion(version: string, latest: string): boolean {
  const a = version.split(".").map((p) => parseInt(p, 10) || 0);
  const b = latest.split(".").map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return false;
}

export function StatusCard({ status, onRefresh, repairFunctions, onRepaired }: StatusCardProps) {
  const styles = useStyles();
  const strings = useStrings();
  const { busy, run } = useRunner();
  const [repaired, setRepaired] = useState<number | null>(null);
  const t = strings.status;

  const repair = async () => {
    setRepaired(null);
    const count = await run("repairFunctions", repairFunctions);
    if (count !== undefined) {
      setRepaired(count);
      onRepaired?.();
    }
  };

  return (
    <PaneSection title={t.heading}>
      <div role="status">
        {busy === "status" && <Busy label={t.loading} />}
        {busy === "repairFunctions" && <Busy label={t.repairing} />}
        {repaired !== null && busy !== "repairFunctions" && <Body1>{t.repaired(repaired)}</Body1>}
      </div>
      {status && (
        <ul className={styles.facts}>
          <li>
            <Body1>{status.installed ? t.installed : t.notInstalled}</Body1>
          </li>
          {status.installed && status.version && (
            <li>
              <Body1>
                {status.form
                  ? t.form(status.form.title, status.form.id, status.form.version)
                  : t.version(status.version)}
              </Body1>
            </li>
          )}
          {status.installed && (
            <li>
              <Body1>{status.period ? t.period(status.period, status.year) : t.periodMissing}</Body1>
            </li>
          )}
        </ul>
      )}
      {status?.installed && status.version && isOlderVersion(status.version, status.latestVersion) && (
        <MessageBar intent="info" layout="multiline" className={styles.bar}>
          <MessageBarBody>{t.upgradeAvailable(status.latestVersion)}</MessageBarBody>
        </MessageBar>
      )}
      {status && status.missingRequirements.length > 0 && (
        <MessageBar intent="warning" layout="multiline" className={styles.bar}>
          <MessageBarBody>{t.missingRequirements(status.missingRequirements)}</MessageBarBody>
        </MessageBar>
      )}
      {status && status.brokenFunctionCells > 0 && (
        <MessageBar intent="warning" layout="multiline" className={styles.bar}>
          <MessageBarBody>{t.broken(status.brokenFunctionCells)}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        {status && status.brokenFunctionCells > 0 && <ActionButton onClick={repair}>{t.repair}</ActionButton>}
        <ActionButton appearance="secondary" onClick={onRefresh}>
          {t.refresh}
        </ActionButton>
      </div>
    </PaneSection>
  );
}
