/**
 * Generating the report, as a pure function over what the workbook holds: the report sheets
 * to write, and which old report sheet to keep under another name because someone edited it
 * by hand since it was generated (a fingerprint of what we wrote is kept in the meta sheet).
 */
import type { Catalogue } from "../catalogue";

import { countFindings, workbookFindings, type Finding } from "../checks";
import { comparedPeriods, type ComparedWorkbook } from "./comparison";
import { evaluateIndicators } from "../evaluate";
import type { DocumentRow, Figures, PlacementProblem } from "../figures";
import { existingCells, resolveSheetNames, type ExistingWorkbook } from "../install";
import { formatNumberVi } from "../arithmetic";
import { CELL_TEXT_LIMIT, limitCellTexts } from "../layout/cellText";
import { address, parseAddress, type SheetPlan } from "../layout/model";
import { catalogueOfMeta, findMetaSheet, metaSheetPlan, META_SHEET_NAME, META_SHEET_NAMES } from "../meta";
import { documentsReportPlan, REPORT_SHEETS, statisticsSheetPlan } from "./appendices";
import { TABLE_REPORT_NAMES, tableAppendixPlans, tableReportSheet } from "./tableAppendix";
import { isDateFormat, storedValue } from "../layout/dateCells";
import { DATE1904_OFFSET } from "../dates";

export interface ReportRequest {
  figures: Figures;
  documents: readonly DocumentRow[];
  /** Recorded in the meta sheet (`report_generated_at`), which does not print; never on the pages. */
  generatedAt: Date;
  catalogue?: Catalogue;
  /**
   * Phụ lục II with an empty document list: by default there is none (an appendix saying «Không
   * có văn bản» is not sent); true prints it all the same (`cchc report --phu-luc-ii`). A list
   * with documents always gets its appendix.
   */
  documentsAppendix?: boolean;
  /** Where figures are, as the reader found (see `readNamedFigures`): counted as `check` does. */
  problems?: readonly PlacementProblem[];
  /** A consolidation's findings on its parts (`breakdownFindings`), counted as `check` does. */
  consolidation?: readonly Finding[];
  /**
   * Earlier workbooks of the same unit and form to compare with (`cchc report --compare`, the
   * pane's «So sánh với kỳ trước»): the previous period and/or the same period of last year,
   * printed in Phụ lục I beside the report's figures with the change. Anything else raises
   * CompareRefusedError (./comparison) before any sheet is planned.
   */
  compared?: readonly ComparedWorkbook[];
  /** A consolidation's result over units: its data period names the units (`ReportInput.overUnits`). */
  overUnits?: boolean;
}

export interface ReportPlan {
  /** Sheets renamed before writing: report sheets edited by hand, kept under another name. */
  renames: Array<{ from: string; to: string }>;
  /**
   * The report sheets and the updated meta sheet. A Phụ lục II left out but written by an earlier
   * report is planned very hidden (and emptied), so it neither prints nor shows stale documents.
   */
  sheets: SheetPlan[];
  findings: Finding[];
  summary: {
    errors: number;
    warnings: number;
    /** The report sheets written visible (what prints). */
    sheets: string[];
    keptEdited: string[];
    /** Phụ lục II left out: the document list is empty and it was not asked for. */
    documentsOmitted?: boolean;
  };
}

/** Thrown when the workbook has no CCHC template to report from. */
export class NotInstalledError extends Error {
  constructor() {
    super("Sổ tính chưa có mẫu CCHC: hãy cài đặt mẫu và nhập số liệu trước khi tạo báo cáo.");
    this.name = "NotInstalledError";
  }
}

const REPORTS = [REPORT_SHEETS.statistics, REPORT_SHEETS.documents];

/** The sheet names an adapter must read before planning a report. */
export function candidateReportNames(): string[] {
  return [
    ...META_SHEET_NAMES,
    ...[...REPORTS.map((r) => r.name), ...TABLE_REPORT_NAMES].flatMap((name) => [name, `${name} (CCHC)`]),
  ];
}

/** A short, stable digest of a sheet's non-empty values, position by position. */
export function fingerprintCells(cells: ReadonlyArray<{ address: string; value: unknown }>): string {
  const parts = cells
    .filter((c) => c.value !== null && c.value !== undefined && c.value !== "")
    .map(
      (c) =>
        `${c.address}=${typeof c.value === "number" ? Number(c.value.toPrecision(12)) : String(c.value).trim()}`,
    )
    .sort();
  // FNV-1a, twice with different seeds: enough to notice an edit, no crypto dependency needed.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  // Code point by code point (a surrogate pair is one step), without a string per character.
  const text = parts.join("\n");
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i)!;
    i += code > 0xffff ? 2 : 1;
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
  }
  return `${a.toString(16).padStart(8, "0")}${b.toString(16).padStart(8, "0")}`;
}

/** The fingerprint of a grid read back from a workbook (row 1 first). */
export function fingerprintGrid(grid: ReadonlyArray<ReadonlyArray<unknown>>): string {
  const cells: Array<{ address: string; value: unknown }> = [];
  grid.forEach((row, r) =>
    row.forEach((value, c) => {
      cells.push({ address: address(c + 1, r + 1), value });
    }),
  );
  return fingerprintCells(cells);
}

/**
 * The fingerprint of what a plan writes, as the workbook will store it (dates in its own date
 * system, `storedValue`): what `fingerprintGrid` of the sheet read back gives.
 */
function fingerprintPlan(plan: SheetPlan, date1904: boolean): string {
  return fingerprintCells(plan.cells.map((c) => ({ address: c.address, value: storedValue(c, date1904) })));
}

/**
 * Whether an old report sheet read back (`grid`, row 1 first) is the one whose fingerprint was
 * recorded: as read, or with its date cells (those of `plan`, the same report made again) moved
 * back to the system the report was written in. A workbook whose date system was changed since
 * (LibreOffice's «null date», an old Excel for Mac) stores the same days 1,462 apart, and its
 * untouched Phụ lục II was kept as «sửa tay» once. An edit that moves every date by exactly
 * that many days, the only one this would miss, is not a correction anyone makes.
 */
function sameAsRecorded(
  grid: ReadonlyArray<ReadonlyArray<unknown>>,
  recorded: string,
  plan: SheetPlan,
  date1904: boolean,
): boolean {
  if (fingerprintGrid(grid) === recorded) return true;
  const dates = plan.cells
    .filter((c) => typeof c.value === "number" && isDateFormat(c.style?.numberFormat))
    .map((c) => parseAddress(c.address));
  if (dates.length === 0) return false;
  // Stored now in this system; recorded in the other (the offset's sign follows).
  const shift = date1904 ? DATE1904_OFFSET : -DATE1904_OFFSET;
  const moved = grid.map((row) => [...row]);
  for (const { row, column } of dates) {
    const value = moved[row - 1]?.[column - 1];
    if (typeof value === "number") moved[row - 1][column - 1] = value + shift;
  }
  return fingerprintGrid(moved) === recorded;
}

function freeName(base: string, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? " (sửa tay)" : ` (sửa tay ${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** The check id of a report text cut to what a cell holds (see `limitCellTexts`). */
export const TEXT_CUT_CHECK = "cell:text-limit";

function textCutFinding(cut: { sheet: string; address: string; length: number }): Finding {
  return {
    severity: "warning",
    checkId: TEXT_CUT_CHECK,
    ids: [],
    cells: [`'${cut.sheet.replace(/'/g, "''")}'!${cut.address}`],
    message: `Chữ dài ${formatNumberVi(cut.length)} ký tự, quá ${formatNumberVi(CELL_TEXT_LIMIT)} ký tự một ô Excel chứa được: đã cắt bớt phần cuối. Hãy rút ngắn chữ đã nhập (ví dụ tên cơ quan) rồi lập lại báo cáo.`,
  };
}

export function planReport(existing: ExistingWorkbook, request: ReportRequest): ReportPlan {
  const { name: metaName, meta } = findMetaSheet(existingCells(existing));
  if (!meta || request.figures.size === 0) throw new NotInstalledError();
  // The report has the rows of the template the workbook was installed with (huyện or xã).
  const catalogue = request.catalogue ?? catalogueOfMeta(meta);

  // The same findings as `check`, so the report's summary counts what the check lists.
  const findings = workbookFindings(request, catalogue, request.consolidation);
  const evaluated = evaluateIndicators(request.figures, catalogue);
  const compared = comparedPeriods({ catalogue, evaluated }, request.compared ?? []);
  const { figures, documents, overUnits } = request;
  const input = { catalogue, figures, evaluated, documents, compared, overUnits };
  const tableSheets = (catalogue.tables ?? []).map(tableReportSheet);
  const { names, existingKeys } = resolveSheetNames(existing, meta, [...REPORTS, ...tableSheets]);
  const withDocuments = request.documents.length > 0 || request.documentsAppendix === true;
  // Each table of the form prints as an appendix of its own after Phụ lục I.
  const plans = [statisticsSheetPlan(input), ...tableAppendixPlans(input, existingKeys)];
  if (withDocuments) plans.push(documentsReportPlan(input));
  else if (existingKeys.has(REPORT_SHEETS.documents.key))
    plans.push({ ...documentsReportPlan(input), visibility: "veryHidden" });

  const taken = new Set(existing.sheetNames.map((n) => n.toLowerCase()));
  for (const plan of plans) plan.name = names.get(plan.key)!;
  // A text past what a cell holds (a very long typed name) is cut, each cut named: the file
  // must still open in Excel. Before the fingerprint, which is of what is written.
  findings.push(...limitCellTexts(plans).map(textCutFinding));
  const renames: ReportPlan["renames"] = [];
  const extra = { ...meta.extra };
  for (const plan of plans) {
    const name = names.get(plan.key)!;
    if (existingKeys.has(plan.key)) {
      const old = existing.sheets.get(name);
      const recorded = meta.extra[`fingerprint:${plan.key}`];
      if (old && recorded && !sameAsRecorded(old.cells, recorded, plan, existing.date1904 === true)) {
        const to = freeName(name, taken);
        taken.add(to.toLowerCase());
        renames.push({ from: name, to });
      }
    }
    plan.name = name;
    extra[`fingerprint:${plan.key}`] = fingerprintPlan(plan, existing.date1904 === true);
  }
  extra.report_generated_at = request.generatedAt.toISOString();

  const sheets = { ...meta.sheets, ...Object.fromEntries(plans.map((p) => [p.key, p.name])) };
  const counts = countFindings(findings);
  return {
    renames,
    sheets: [...plans, metaSheetPlan({ ...meta, sheets, extra }, metaName ?? META_SHEET_NAME)],
    findings,
    summary: {
      ...counts,
      sheets: plans.filter((p) => p.visibility === "visible").map((p) => p.name),
      keptEdited: renames.map((r) => r.to),
      documentsOmitted: !withDocuments,
    },
  };
}
