/** What a check finds, the one shape every check returns and every front end prints. */
import type { Severity } from "../catalogue";

export interface Finding {
  severity: Severity;
  /** The rule (`kind:<id>`, a catalogue check id, `doc:<n>` …), stable across runs. */
  checkId: string;
  ids: string[];
  /** Cell references (`'Sheet'!D12`) a user should look at, the first being the main one. */
  cells: string[];
  message: string;
}

/** Counts by severity, for summaries. */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === "error").length;
  return { errors, warnings: findings.length - errors };
}
