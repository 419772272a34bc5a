/** The progress indicator of one card: a small spinner with its label, read by screen readers. */
import { Spinner } from "@fluentui/react-components";

export function Busy({ label }: { label: string }) {
  return <Spinner size="tiny" labelPosition="after" label={label} />;
}
