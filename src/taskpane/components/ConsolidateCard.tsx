/**
 * Tổng hợp: the user picks workbooks, the pane reads them in the browser and writes the
 * consolidated figures and the two consolidation sheets into the open workbook, then shows the
 * totals, the parts with errors and every file left out with its reason. Two ways, as the
 * command line: over units (many units of one period, the default) or over periods (one unit's
 * shorter periods into a longer one, `--ky`/`--nam`), whose target kỳ and năm start from the
 * open workbook's Thông tin chung (it is the report being made for the longer period).
 */
import { useState } from "react";
import {
  Body1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  RadioGroup,
  Select,
  tokens,
} from "@fluentui/react-components";
import { parseDayMonthYear } from "../../core/dates";
import {
  isCustomPeriod,
  parsePeriod,
  parseTargetYear,
  PERIODS,
  toExcelSerial,
  type Period,
} from "../../core/period";
import { useRunner, useStrings } from "../context";
import type { ConsolidateResult, ConsolidationFile, PeriodTarget } from "../operations";
import { formatNumber } from "../strings";
import { ActionButton } from "./ActionButton";
import { Busy } from "./Busy";
import { Choice } from "./Choice";
import { FilePicker, pickedFile } from "./FilePicker";
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
  target: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  period: { minWidth: "9em", flexGrow: 1 },
  year: { width: "7em" },
  day: { width: "8em" },
  text: { overflowWrap: "anywhere" },
  bar: { whiteSpace: "normal" },
});

type Over = "units" | "periods";

export interface ConsolidateCardProps {
  /** Over units without `target`; over periods into `target`. */
  consolidate: (files: readonly ConsolidationFile[], target?: PeriodTarget) => Promise<ConsolidateResult>;
  /** The open workbook's kỳ and năm (Thông tin chung, as Trạng thái read them): the target's first values. */
  workbookPeriod?: { period: string | null; year: number | null } | null;
  /** Called after a consolidation wrote into the workbook (its period may have changed). */
  onConsolidated?: () => void;
}

export function ConsolidateCard({ consolidate, workbookPeriod, onConsolidated }: ConsolidateCardProps) {
  const styles = useStyles();
  const strings = useStrings();
  const { busy, run } = useRunner();
  const [over, setOver] = useState<Over>("units");
  // What the user chose or typed; until then the target follows the open workbook's.
  const [chosenPeriod, setChosenPeriod] = useState<Period | null>(null);
  const [typedYear, setTypedYear] = useState<string | null>(null);
  const [yearWrong, setYearWrong] = useState(false);
  // A «Tùy chọn» target's first and last day, typed as day/month/year.
  const [fromText, setFromText] = useState("");
  const [toText, setToText] = useState("");
  const [daysWrong, setDaysWrong] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [result, setResult] = useState<ConsolidateResult | null>(null);
  const [pickFirst, setPickFirst] = useState(false);
  const t = strings.consolidate;

  const ownPeriod = parsePeriod(workbookPeriod?.period ?? undefined);
  const ownYear = workbookPeriod?.year ?? null;
  const period: Period = chosenPeriod ?? ownPeriod ?? "Năm";
  const year = typedYear ?? (ownYear !== null ? String(ownYear) : "");
  const prefilled =
    (chosenPeriod === null && ownPeriod !== undefined) || (typedYear === null && ownYear !== null);

  const onClick = async () => {
    setResult(null);
    setPickFirst(files.length === 0);
    let target: PeriodTarget | undefined;
    if (over === "periods" && isCustomPeriod(period)) {
      const from = parseDayMonthYear(fromText);
      const to = parseDayMonthYear(toText);
      const wrong = !from || !to || toExcelSerial(from) > toExcelSerial(to);
      setDaysWrong(wrong);
      if (wrong) return;
      // The year of a «Tùy chọn» period is the year it ends (as the checks want it).
      target = { period, year: to.year, from: toExcelSerial(from), to: toExcelSerial(to) };
    } else if (over === "periods") {
      const targetYear = parseTargetYear(year);
      setYearWrong(targetYear === undefined);
      if (targetYear === undefined) return;
      target = { period, year: targetYear };
    }
    if (files.length === 0) return;
    const picked = files.map(pickedFile);
    const outcome = await run("consolidate", () => consolidate(picked, target));
    if (!outcome) return;
    setResult(outcome);
    if (outcome.parts > 0) onConsolidated?.();
  };
  // Refused files carry the core's reason; over periods with a gap, the others were only not
  // written (the whole was refused): they are listed with their periods, not as refused.
  const refused = result?.files.filter((f) => !f.included && f.reason) ?? [];
  const periodsRead =
    result?.over === "periods" ? result.files.filter((f) => f.included || (!f.reason && f.period)) : [];
  const periodsHeading = result?.problem ? t.periodsReadHeading : t.periodsHeading;

  return (
    <PaneSection title={t.heading} description={over === "units" ? t.description : t.descriptionPeriods}>
      <Field label={t.over}>
        <RadioGroup
          value={over}
          onChange={(_e, data) => {
            setOver(data.value as Over);
            setResult(null);
          }}
        >
          <Choice value="units" label={t.overUnits} />
          <Choice value="periods" label={t.overPeriods} />
        </RadioGroup>
      </Field>
      {over === "periods" && (
        <div className={styles.target}>
          <Field label={t.targetPeriod} className={styles.period} hint={prefilled ? t.prefilled : undefined}>
            <Select
              value={period}
              onChange={(_e, data) => {
                setChosenPeriod(data.value as Period);
              }}
            >
              {PERIODS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </Select>
          </Field>
          {isCustomPeriod(period) ? (
            [
              { label: t.targetFrom, value: fromText, set: setFromText },
              { label: t.targetTo, value: toText, set: setToText },
            ].map((day, i) => (
              <Field
                key={day.label}
                label={day.label}
                className={styles.day}
                validationState={daysWrong ? "error" : "none"}
                validationMessage={daysWrong && i === 1 ? t.badDays : undefined}
              >
                <Input
                  value={day.value}
                  placeholder="01/07/2025"
                  onChange={(_e, data) => {
                    setDaysWrong(false);
                    day.set(data.value);
                  }}
                />
              </Field>
            ))
          ) : (
            <Field
              label={t.targetYear}
              className={styles.year}
              validationState={yearWrong ? "error" : "none"}
              validationMessage={yearWrong ? t.badYear : undefined}
            >
              <Input
                value={year}
                inputMode="numeric"
                maxLength={4}
                onChange={(_e, data) => {
                  setYearWrong(false);
                  setTypedYear(data.value);
                }}
              />
            </Field>
          )}
        </div>
      )}
      <FilePicker
        label={t.choose}
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        files={files}
        onChange={(picked) => {
          setResult(null);
          setPickFirst(false);
          setFiles(picked);
        }}
      />
      <ActionButton onClick={onClick}>{t.run}</ActionButton>
      <div role="status" className={styles.result}>
        {busy === "consolidate" && <Busy label={t.busy} />}
        {pickFirst && <Body1>{t.pickFirst}</Body1>}
        {result?.problem && (
          <MessageBar intent="error" layout="multiline" className={styles.bar}>
            <MessageBarBody>
              <MessageBarTitle>{t.problemTitle}</MessageBarTitle> {t.problem(result.problem)}
            </MessageBarBody>
          </MessageBar>
        )}
        {result && result.parts === 0 && !result.problem && (
          <MessageBar intent="warning" layout="multiline" className={styles.bar}>
            <MessageBarBody>{t.nothing}</MessageBarBody>
          </MessageBar>
        )}
        {result && result.parts > 0 && (
          <>
            <Body1 className={styles.text}>
              {result.over === "units"
                ? t.done(result.parts, result.files.length)
                : t.donePeriods(result.parts, result.files.length, result.period ?? "")}
            </Body1>
            <Body1 className={styles.text}>{t.sheets(result.sheets, result.over)}</Body1>
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
        {periodsRead.length > 0 && (
          <section aria-label={periodsHeading}>
            <Body1 as="p">
              <strong>{periodsHeading}</strong>
            </Body1>
            <ul className={styles.list}>
              {periodsRead.map((file) => (
                <li key={file.source} className={styles.text}>
                  <Body1>{t.periodOf(file.source, file.period ?? "")}</Body1>
                </li>
              ))}
            </ul>
          </section>
        )}
        {result && result.parts > 0 && (result.incomplete?.length ?? 0) > 0 && (
          <MessageBar intent="warning" layout="multiline" className={styles.bar}>
            <MessageBarBody>{t.incomplete(result.incomplete ?? [], result.over)}</MessageBarBody>
          </MessageBar>
        )}
        {result && result.partsWithErrors > 0 && (
          <MessageBar intent="warning" layout="multiline" className={styles.bar}>
            <MessageBarBody>{t.withErrors(result.partsWithErrors, result.over)}</MessageBarBody>
          </MessageBar>
        )}
        {result && result.parts > 0 && (result.keptDocuments ?? 0) > 0 && (
          <MessageBar intent="warning" layout="multiline" className={styles.bar}>
            <MessageBarBody>{t.keptDocuments(result.keptDocuments ?? 0, result.over)}</MessageBarBody>
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
