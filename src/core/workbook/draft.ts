/**
 * Drafting a workbook's narrative report, once for the command line and the pane: the figures
 * as read, checked as `check` checks them, into the narrative core's draft.
 */
import type { Catalogue } from "../catalogue";
import { countFindings, type Finding } from "../checks";
import { buildDraft, type ComparedWorkbook, type DraftDocument } from "../narrative";
import { checkReading } from "./check";
import type { WorkbookReading } from "./read";

export interface WorkbookDraftOptions {
  /** Workbooks of earlier periods of the same form and unit (`--compare`), read and checked. */
  compared?: readonly ComparedWorkbook[];
  /** Phụ lục I (and II when documents are listed) appended as tables. */
  withAppendices?: boolean;
  /** Local time of generation; now by default. */
  generatedAt?: Date;
}

/** A draft and the findings it was drafted over (its first page says how many errors remain). */
export interface WorkbookDraft {
  draft: DraftDocument;
  findings: Finding[];
  errors: number;
}

/**
 * The narrative draft of a workbook read with `catalogue` (its own form), over the same
 * findings `check` lists. Throws CompareRefusedError when a compared workbook is of another
 * form or unit.
 */
export function draftWorkbook(
  reading: WorkbookReading,
  catalogue: Catalogue,
  options: WorkbookDraftOptions = {},
): WorkbookDraft {
  const findings = checkReading(reading, catalogue);
  const draft = buildDraft({
    catalogue,
    figures: reading.figures,
    findings,
    documents: reading.documents,
    compared: options.compared,
    withAppendices: options.withAppendices,
    generatedAt: options.generatedAt ?? new Date(),
    consolidatedOver: reading.consolidatedOver,
  });
  return { draft, findings, errors: countFindings(findings).errors };
}
