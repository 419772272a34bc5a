/**
 * The pane's one error message: whatever an operation threw, already described in words
 * (errors.ts). Stays at the top of the pane while scrolling, is announced at once (role alert)
 * and can be dismissed; the next operation clears it.
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { useStrings } from "../context";

const useStyles = makeStyles({
  shown: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground2,
    paddingBottom: tokens.spacingVerticalXS,
  },
  bar: { whiteSpace: "normal" },
});

export interface ErrorBarProps {
  message: string | null;
  onDismiss: () => void;
}

export function ErrorBar({ message, onDismiss }: ErrorBarProps) {
  const styles = useStyles();
  const strings = useStrings();
  // The alert region is always in the page so that assistive technology notices new content;
  // it takes no room (and covers nothing while sticky) when empty.
  return (
    <div className={message ? styles.shown : undefined} role="alert" aria-atomic="true">
      {message && (
        <MessageBar intent="error" layout="multiline" className={styles.bar}>
          <MessageBarBody>
            <MessageBarTitle>{strings.errors.title}</MessageBarTitle> {message}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="transparent"
              size="small"
              aria-label={strings.errors.dismissLabel}
              onClick={onDismiss}
            >
              {strings.errors.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
