/**
 * A radio choice whose options all read as plainly as the chosen one. Fluent's Radio greys the
 * label of an unselected option (colorNeutralForeground3), which in the pane read as «disabled»:
 * users did not try the other forms or the «Theo kỳ» consolidation. Only the label's colour
 * changes; the circle still marks the choice, and a disabled option keeps Fluent's disabled look.
 */
import {
  makeStyles,
  mergeClasses,
  Radio,
  radioClassNames,
  tokens,
  type RadioProps,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    [`& .${radioClassNames.input}:enabled:not(:checked) ~ .${radioClassNames.label}`]: {
      color: tokens.colorNeutralForeground1,
    },
  },
});

export function Choice({ className, ...props }: RadioProps) {
  const styles = useStyles();
  return <Radio {...props} className={mergeClasses(styles.root, className)} />;
}
