/** A titled region of the pane (one per card), labelled by its heading for screen readers. */
import { useId, type ReactNode } from "react";
import { Body1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  heading: { margin: 0 },
  description: { color: tokens.colorNeutralForeground2 },
});

export interface PaneSectionProps {
  title: string;
  description?: string;
  children: ReactNode;
}

export function PaneSection({ title, description, children }: PaneSectionProps) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {title}
      </Subtitle2>
      {description && <Body1 className={styles.description}>{description}</Body1>}
      {children}
    </section>
  );
}
