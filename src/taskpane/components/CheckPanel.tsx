/**
 * Kiểm tra số liệu: checks the figures and lists the findings, errors first, then warnings, each
 * grouped by section with counts. Every finding is a button that selects its main cell in Excel.
 */
import { useMemo, useState } from "react";
import { Body1, Caption1, Link, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useRunner, useStrings } from "../context";
import { groupFindings, readableCell } from "../findings";
import type { Finding } from "../operations";
import { ActionButton } from "./ActionButton";
import { Busy } from "./Busy";
import { PaneSection } from "./PaneSection";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  groupHeading: { margin: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  sectionHeading: {
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  finding: { display: "block", textAlign: "start", overflowWrap: "anywhere" },
  cell: { display: "block", color: tokens.colorNeutralForeground3 },
});

export interface CheckPanelProps {
  check: () => Promise<Finding[]>;
  selectCell: (ref: string) => Promise<void>;
}

export function CheckPanel({ check, selectCell }: CheckPanelProps) {
  const styles = useStyles();
  const strings = useStrings();
  const { busy, run } = useRunner();
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const groups = useMemo(() => (findings ? groupFindings(findings) : []), [findings]);
  const t = strings.check;

  const onCheck = async () => {
    const result = await run("check", check);
    if (result) setFindings(result);
  };

  const select = (ref: string) => {
    void run("selectCell", () => selectCell(ref));
  };

  const errors = groups.find((g) => g.severity === "error")?.count ?? 0;
  const warnings = groups.find((g) => g.severity === "warning")?.count ?? 0;

  return (
    <PaneSection title={t.heading} description={t.description}>
      <ActionButton onClick={onCheck}>{findings ? t.recheck : t.check}</ActionButton>
      <div role="status">
        {busy === "check" && <Busy label={t.busy} />}
        {findings && busy !== "check" && (
          <Body1 as="p">{findings.length === 0 ? t.clean : t.summary(errors, warnings)}</Body1>
        )}
      </div>
      {groups.length > 0 && <Caption1>{t.hint}</Caption1>}
      {groups.map((group) => (
        <div key={group.severity} className={styles.group}>
          <Subtitle2
            as="h3"
            className={`${styles.groupHeading} ${group.severity === "error" ? styles.error : styles.warning}`}
          >
            {group.severity === "error" ? t.errors(group.count) : t.warnings(group.count)}
          </Subtitle2>
          {group.sections.map((section) => (
            <div key={section.id} className={styles.group}>
              <h4 className={styles.sectionHeading}>
                {t.sectionCount(section.title || t.otherSection, section.findings.length)}
              </h4>
              <ul className={styles.list}>
                {section.findings.map((finding, index) => (
                  <li key={`${finding.checkId}#${index}`}>
                    <FindingItem finding={finding} onSelect={select} disabled={busy !== null} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
    </PaneSection>
  );
}

function FindingItem({
  finding,
  onSelect,
  disabled,
}: {
  finding: Finding;
  onSelect: (ref: string) => void;
  disabled: boolean;
}) {
  const styles = useStyles();
  const strings = useStrings();
  const cell = finding.cells[0];
  if (!cell) return <Body1 className={styles.finding}>{finding.message}</Body1>;
  const where = readableCell(cell);
  return (
    <Link
      as="button"
      className={styles.finding}
      disabledFocusable={disabled}
      aria-label={strings.check.goTo(finding.message, where)}
      onClick={() => onSelect(cell)}
    >
      {finding.message}
      <span className={styles.cell}>{where}</span>
    </Link>
  );
}
