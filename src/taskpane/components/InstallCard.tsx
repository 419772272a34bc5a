/**
 * Cài đặt / cập nhật mẫu: installs or upgrades the sheets and says what was added and kept.
 * Before the first install it offers the built-in forms (the default first, the district one
 * marked for periods before 1/7/2025) and a province's catalogue file, checked with the same
 * messages as `cchc catalogue check`. The forms and the validator (ajv) are loaded only when
 * this choice is shown, so they stay out of the pane's first download.
 */
import { useEffect, useState } from "react";
import { Body1, Field, makeStyles, RadioGroup, tokens } from "@fluentui/react-components";
import type { Catalogue, CatalogueFile, CatalogueProblem } from "../../core/catalogue";
import { typedText } from "../../core/arithmetic";
import { useRunner, useStrings } from "../context";
import type { InstallSummary } from "../operations";
import { ActionButton } from "./ActionButton";
import { Busy } from "./Busy";
import { Choice } from "./Choice";
import { FilePicker } from "./FilePicker";
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
  /** Installs with the form chosen here (only offered before the first install). */
  install: (catalogue?: Catalogue) => Promise<InstallSummary>;
  /** The workbook already has the template: the button says "update". */
  installed: boolean;
  /** Called after a successful install, to read the status again. */
  onInstalled?: (summary: InstallSummary) => void;
}

const PROVINCE = "province-file";

/** A chosen file's text (UTF-8), through FileReader: every browser the pane runs in has it. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsText(file, "utf-8");
  });
}

/** The built-in forms, loaded on demand (their data is not in the first download). */
function useBuiltinForms(wanted: boolean): readonly CatalogueFile[] {
  const [forms, setForms] = useState<readonly CatalogueFile[]>([]);
  useEffect(() => {
    if (!wanted || forms.length) return;
    let live = true;
    void import(/* webpackChunkName: "catalogues" */ "../../core/catalogue/builtins").then((m) => {
      if (live) setForms(m.builtinFiles());
    });
    return () => {
      live = false;
    };
  }, [wanted, forms.length]);
  return forms;
}

export function InstallCard({ install, installed, onInstalled }: InstallCardProps) {
  const styles = useStyles();
  const strings = useStrings();
  const { busy, run } = useRunner();
  const [result, setResult] = useState<InstallSummary | null>(null);
  const forms = useBuiltinForms(!installed);
  const [choice, setChoice] = useState<string>("");
  const [file, setFile] = useState<{
    name: string;
    catalogue?: Catalogue;
    problems?: CatalogueProblem[];
  } | null>(null);
  const t = strings.install;
  const chosen = choice || forms[0]?.id || "";

  const onFile = async (picked: File) => {
    const text = await readText(picked);
    const { catalogueProblems, parseCatalogue } = await import(
      /* webpackChunkName: "validate" */ "../../core/catalogue/validate"
    );
    const problems = catalogueProblems(text);
    setFile(
      problems.length
        ? { name: picked.name, problems }
        : { name: picked.name, catalogue: parseCatalogue(text, picked.name) },
    );
  };

  const onClick = async () => {
    setResult(null);
    let catalogue: Catalogue | undefined;
    if (installed) {
      // An update keeps the workbook's form; a newer version of it may come from a file.
      if (file?.problems) return;
      catalogue = file?.catalogue;
    } else if (chosen === PROVINCE) {
      if (!file?.catalogue) return;
      catalogue = file.catalogue;
    } else if (chosen) {
      const { builtinCatalogue } = await import(
        /* webpackChunkName: "catalogues" */ "../../core/catalogue/builtins"
      );
      catalogue = builtinCatalogue(chosen);
    }
    const summary = await run("install", () => install(catalogue));
    if (summary) {
      setResult(summary);
      onInstalled?.(summary);
    }
  };

  return (
    <PaneSection title={t.heading} description={t.description}>
      {!installed && forms.length > 0 && (
        <Field label={t.form}>
          <RadioGroup value={chosen} onChange={(_e, data) => setChoice(data.value)}>
            {forms.map((f, i) => (
              <Choice key={f.id} value={f.id} label={t.builtin(f.title, f.version, f.validTo, i === 0)} />
            ))}
            <Choice value={PROVINCE} label={t.provinceFile} />
          </RadioGroup>
        </Field>
      )}
      {(installed || chosen === PROVINCE) && (
        <FilePicker
          label={installed ? t.newerFile : t.chooseFile}
          accept=".json,application/json"
          files={file ? [file] : []}
          onChange={(picked) => void onFile(picked[0])}
        />
      )}
      {(installed || chosen === PROVINCE) && file && (
        <div role="alert">
          {file.catalogue && (
            <Body1>{t.fileChosen(file.name, file.catalogue.title, file.catalogue.version)}</Body1>
          )}
          {file.problems && (
            <>
              <Body1 as="p">{t.fileProblems(file.name, file.problems.length)}</Body1>
              <ul className={styles.result}>
                {file.problems.map((p, i) => (
                  <li key={i} className={styles.sheetNames}>
                    <Body1>{`${p.path || "(cả tệp)"}${p.id ? ` (${p.id})` : ""}: ${p.message}`}</Body1>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
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
              {result.dropped?.length > 0 && (
                <li className={styles.sheetNames}>
                  <Body1>{t.dropped(result.dropped.map((d) => d.id))}</Body1>
                </li>
              )}
              {result.restored?.map((r) => (
                <li key={r.cell} className={styles.sheetNames}>
                  <Body1>{t.restored(r.cell, r.label, typedText(r.typed))}</Body1>
                </li>
              ))}
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
