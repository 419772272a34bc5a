/**
 * A file picker in the pane's own look and language: a Fluent button («Chọn tệp…») that opens the
 * browser's file dialog through a hidden `<input type="file">`, and the chosen names beside it.
 * The browser's own control would say «Choose Files / No file chosen» in the browser's language,
 * in a look of its own, whatever Office's language is.
 */
import { useId, useRef } from "react";
import { Body1, Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useRunner, useStrings } from "../context";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  names: { overflowWrap: "anywhere", minWidth: 0, flexBasis: "12em", flexGrow: 1 },
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

/** A picked file as the operations take it: its name, and its bytes read only when asked. */
export function pickedFile(file: File): { name: string; bytes: () => Promise<ArrayBuffer> } {
  return { name: file.name, bytes: () => readBytes(file) };
}

export interface FilePickerProps {
  /** What the files are for: shown above the button; it names the file input too. */
  label: string;
  /** The input's `accept` (`.xlsx,…`). */
  accept: string;
  multiple?: boolean;
  /** The files chosen so far, whose names are shown. */
  files: ReadonlyArray<{ name: string }>;
  /** Called with the files the user picked (not called when the dialog is cancelled). */
  onChange: (files: File[]) => void;
}

export function FilePicker({ label, accept, multiple = false, files, onChange }: FilePickerProps) {
  const styles = useStyles();
  const strings = useStrings();
  const { busy } = useRunner();
  const input = useRef<HTMLInputElement>(null);
  const labelId = useId();
  const namesId = useId();
  return (
    <div className={styles.root}>
      <Text id={labelId} weight="semibold">
        {label}
      </Text>
      <div className={styles.row}>
        <Button
          appearance="secondary"
          aria-describedby={`${labelId} ${namesId}`}
          disabledFocusable={busy !== null}
          onClick={() => input.current?.click()}
        >
          {strings.files.choose(multiple)}
        </Button>
        <Body1 id={namesId} className={styles.names} aria-live="polite">
          {files.length > 0 ? strings.files.chosen(files.map((f) => f.name)) : strings.files.none}
        </Body1>
      </div>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        aria-labelledby={labelId}
        accept={accept}
        multiple={multiple}
        onChange={(event) => {
          const picked = Array.from(event.target.files ?? []);
          // Emptied, so that picking the same file again (corrected meanwhile) is seen again.
          event.target.value = "";
          if (picked.length > 0) onChange(picked);
        }}
      />
    </div>
  );
}
