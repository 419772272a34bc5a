/**
 * The pane's action button: disabled while any operation runs, but still focusable
 * (`disabledFocusable`), so keyboard focus stays where it was and comes back to life after.
 */
import type { ReactNode } from "react";
import { Button, makeStyles } from "@fluentui/react-components";
import { useRunner } from "../context";

const useStyles = makeStyles({
  root: { alignSelf: "flex-start", maxWidth: "100%" },
});

export interface ActionButtonProps {
  onClick: () => void;
  children: ReactNode;
  appearance?: "primary" | "secondary";
}

export function ActionButton({ onClick, children, appearance = "primary" }: ActionButtonProps) {
  const styles = useStyles();
  const { busy } = useRunner();
  return (
    <Button
      className={styles.root}
      appearance={appearance}
      disabledFocusable={busy !== null}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}
