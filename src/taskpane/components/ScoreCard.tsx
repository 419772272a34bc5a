/** Chỉ số CCHC: the self-score against the maximum and last year, and the criteria that lost most. */
import { useMemo, useState } from "react";
import { Body1, Body1Strong, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useRunner, useStrings } from "../context";
import type { CriterionScore } from "../operations";
import { summarizeScores } from "../scores";
import { formatDelta, formatNumber } from "../strings";
import { ActionButton } from "./ActionButton";
import { Busy } from "./Busy";
import { PaneSection } from "./PaneSection";

const useStyles = makeStyles({
  result: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  total: { fontSize: tokens.fontSizeBase400 },
  lostHeading: {
    margin: 0,
    marginTop: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  detail: { display: "block", color: tokens.colorNeutralForeground3 },
});

export interface ScoreCardProps {
  scores: () => Promise<CriterionScore[]>;
}

export function ScoreCard({ scores }: ScoreCardProps) {
  const styles = useStyles();
  const strings = useStrings();
  const { busy, run } = useRunner();
  const [data, setData] = useState<CriterionScore[] | null>(null);
  const summary = useMemo(() => (data ? summarizeScores(data) : null), [data]);
  const t = strings.score;
  const num = (value: number) => formatNumber(strings, value);

  const onClick = async () => {
    const result = await run("scores", scores);
    if (result) setData(result);
  };

  return (
    <PaneSection title={t.heading} description={t.description}>
      <ActionButton onClick={onClick}>{data ? t.recompute : t.compute}</ActionButton>
      <div role="status" className={styles.result}>
        {busy === "scores" && <Busy label={t.busy} />}
        {summary && (
          <>
            <Body1Strong className={styles.total}>
              {t.total(num(summary.score), num(summary.max))}
            </Body1Strong>
            {summary.lastYear !== null && <Body1>{t.lastYear(num(summary.lastYear))}</Body1>}
            {summary.delta !== null && (
              <Body1>
                {t.change(formatDelta(strings, summary.delta), summary.compared, summary.criteria)}
              </Body1>
            )}
            {summary.unscored > 0 && <Caption1>{t.unscored(summary.unscored)}</Caption1>}
          </>
        )}
      </div>
      {summary && (
        <>
          <h3 className={styles.lostHeading}>{t.lostHeading}</h3>
          {summary.lost.length === 0 ? (
            <Body1>{t.noneLost}</Body1>
          ) : (
            <ul className={styles.list}>
              {summary.lost.map((s) => (
                <li key={s.criterion.code}>
                  <Body1>{s.criterion.label}</Body1>
                  <Caption1 className={styles.detail}>
                    {t.lost(
                      num(s.score as number),
                      num(s.lastYear as number),
                      formatDelta(strings, s.delta as number),
                    )}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </PaneSection>
  );
}
