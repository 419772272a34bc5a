/**
 * Over units: many units' workbooks of one period into one report of the same form (a
 * province's Sở Nội vụ over its communes). Flows and stocks are summed, every ratio recomputed
 * from the summed parts by the core arithmetic (never an average of rates), texts, choices and
 * dates left to type (docs/reporting-rules.md). Files of another form, another period or a unit already
 * read are refused, named, while the rest consolidate.
 */
import { formatNumberVi } from "../arithmetic";
import { describeCatalogue } from "../identity";
import { ratioGaps } from "../checks";
import { CELL_TEXT_LIMIT } from "../layout/cellText";
import { evaluateIndicators, type Evaluated } from "../evaluate";
import { figuresFromValues } from "../figures";
import { indexIndicators, type Catalogue } from "../catalogue";
import {
  aggregateOf,
  isInfo,
  type ConsolidatedDocument,
  type ConsolidationOutcome,
  type FileStatus,
  type InputEntry,
  type ReadWorkbook,
} from "./model";
import {
  compareVi,
  dataSpanOf,
  formatSpan,
  periodLabelOf,
  plainOf,
  sumOver,
  includeParts,
  inUnitOrder,
  unitKey,
  unitNameOf,
  type DataSpan,
} from "./parts";
import { provincePlace, sharedProvince, sharedSuperior } from "./province";
import { UNITS_SHEET } from "./sheets";
import { tableValuesOverUnits } from "./tables";
import { combinedValue, keepNote, type Combined } from "./values";

export interface UnitsOptions {
  /** The consolidating body's name for the result's Thông tin chung (`--co-quan`); else left to type. */
  coQuan?: string;
}

export { describeCatalogue };

const catalogueKey = (c: Catalogue) => `${c.id}\u0000${c.version}`;
const spanKey = (s: DataSpan) => `${s.from}-${s.to}`;

/** The key most inputs share; a tie goes to the key of the first input (inputs come sorted). */
export function majorityKey<T>(items: readonly T[], keyOf: (item: T) => string): string | undefined {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  let best: string | undefined;
  for (const [key, count] of counts) if (best === undefined || count > counts.get(best)!) best = key;
  return best;
}

/**
 * Inputs in a stable order, by file name, so the result never depends on the order given. Names
 * are compared without their extension first, as a file manager lists them: `xa.xlsx` comes
 * before `xa_ban_sao.xlsx` (whole names would put `_` before `.`).
 */
export function sortEntries<T extends { source: string }>(entries: readonly T[]): T[] {
  const stem = (source: string) => source.replace(/\.[^./\\]*$/, "");
  return [...entries].sort(
    (a, b) => compareVi(stem(a.source), stem(b.source)) || compareVi(a.source, b.source),
  );
}

/** A readable input with what the consolidations look at. */
interface Candidate {
  input: ReadWorkbook;
  name: string;
  span?: DataSpan;
  /** Why a workbook naming its period has no data span (a period before the unit began …). */
  undated?: string;
  status: FileStatus;
}

/**
 * The two dates of the data period, evaluated by the core's one evaluation but alone, not the
 * whole form (for an entry not checked as it was read).
 */
function evaluateDates(entry: ReadWorkbook) {
  const dates = entry.catalogue.indicators.filter((i) => i.id === "tu_ngay" || i.id === "den_ngay");
  return evaluateIndicators(entry.figures, { ...entry.catalogue, indicators: dates });
}

/** Reads the unit and period of every readable input; unread files are refused as the adapter said. */
export function candidatesOf(entries: readonly InputEntry[]): {
  files: FileStatus[];
  candidates: Candidate[];
} {
  const files: FileStatus[] = [];
  const candidates: Candidate[] = [];
  // Each period's text once: the country's 3,300 units of one quarter share one, where each
  // unit's own copy (pieces joined) stayed in its file's line to the end, some 0.5 MB (issue 19).
  const periods = new Map<string, string>();
  const once = (text: string) => periods.get(text) ?? (periods.set(text, text), text);
  for (const entry of sortEntries(entries)) {
    if (!entry.ok) {
      files.push({ source: entry.source, included: false, reason: entry.reason });
      continue;
    }
    const dates = entry.checked?.evaluated ?? evaluateDates(entry);
    const span = dataSpanOf(dates);
    const label = periodLabelOf(entry);
    // The evaluation's own words when the period is named but gives no dates (Quý II/2025 of
    // a commune that began on 1/7/2025), instead of "no period", which the file contradicts.
    const undated = span || !label ? undefined : (dates.get("den_ngay")?.note ?? dates.get("tu_ngay")?.note);
    const name = unitNameOf(entry);
    const status: FileStatus = {
      source: entry.source,
      unit: name || undefined,
      period: span ? once(`${label ? `${label}, ` : ""}${formatSpan(span)}`) : label || undefined,
      included: false,
    };
    files.push(status);
    candidates.push({ input: entry, name, span, undated, status });
  }
  return { files, candidates };
}

/** Refuses the candidates of another form than most; returns the rest and the form. */
export function keepOneCatalogue(candidates: readonly Candidate[]): {
  kept: Candidate[];
  catalogue?: Catalogue;
} {
  const key = majorityKey(candidates, (c) => catalogueKey(c.input.catalogue));
  const reference = candidates.find((c) => catalogueKey(c.input.catalogue) === key)?.input.catalogue;
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (catalogueKey(c.input.catalogue) === key) kept.push(c);
    else
      c.status.reason = `Tệp theo mẫu ${describeCatalogue(c.input.catalogue)}, khác mẫu ${describeCatalogue(reference!)} của các tệp đang tổng hợp.`;
  }
  return { kept, catalogue: reference };
}

/** Refuses the candidates without a data period (they cannot be placed); returns the rest. */
export function keepDated(candidates: readonly Candidate[]): Candidate[] {
  return candidates.filter((c) => {
    if (c.span) return true;
    c.status.reason = c.undated
      ? `${c.undated.replace(/\.$/, "")}: không có số liệu để tổng hợp.`
      : "Thông tin chung chưa có kỳ báo cáo và năm (hoặc ngày đầu, cuối kỳ số liệu): không biết số liệu thuộc kỳ nào.";
    return false;
  });
}

/**
 * Refuses, over units, the inputs that are themselves a consolidation over units (they hold the
 * sheet «Tổng hợp theo đơn vị»): their figures are already the sum of their units, so counting
 * one as one more unit counts those units twice (an earlier result left in the input folder).
 * A consolidation over periods is one unit's report of a longer period and stays.
 */
export function keepUnitReports<T extends { input: ReadWorkbook; status: FileStatus }>(
  candidates: readonly T[],
): T[] {
  return candidates.filter((c) => {
    const mark = c.input.consolidated;
    if (mark?.over !== "units") return true;
    const of = mark.parts !== undefined ? `${mark.parts} đơn vị` : "nhiều đơn vị";
    c.status.reason = `Tệp là kết quả tổng hợp của ${of} (có trang «${UNITS_SHEET.name}»), không phải báo cáo của một đơn vị: hãy tổng hợp từ chính các tệp của các đơn vị.`;
    return false;
  });
}

/**
 * Why the second file of a unit already read is refused. The first by file name is kept (a
 * rule that does not depend on the order given); the reason says whether the second is a copy
 * (the same figures) or differs, so that a corrected report is not dropped unseen. Thông tin
 * chung is not compared: its texts (the name as written, the signer) are not figures.
 */
function duplicateReason(second: Candidate, first: Candidate, catalogue: Catalogue): string {
  const read = `Đơn vị «${second.name}» đã được đọc từ tệp «${first.input.source}»`;
  const differing = catalogue.indicators.filter(
    (i) =>
      !isInfo(i, catalogue) &&
      plainOf(second.input.figures.get(i.id)) !== plainOf(first.input.figures.get(i.id)),
  );
  if (differing.length === 0) return `${read}: tệp này là bản sao với số liệu giống hệt, không cộng hai lần.`;
  return `${read}: tệp này là báo cáo thứ hai của cùng đơn vị, không cộng hai lần; hai tệp có số liệu khác nhau — hãy kiểm tra và chỉ để lại tệp đúng (khác ở ${differing.length} chỉ tiêu, ví dụ «${differing[0].label}»).`;
}

/**
 * Consolidates units of one period. `entries` come from an adapter, one per file given;
 * the outcome lists every file (sorted by name) and, when at least one unit could be used,
 * the consolidated report with one summary per unit (sorted by name). Total: never throws
 * on bad figures (they are counted as the unit's errors and add nothing).
 */
export function consolidateUnits(
  entries: readonly InputEntry[],
  options: UnitsOptions = {},
): ConsolidationOutcome {
  const { files, candidates } = candidatesOf(entries);
  // Only what can be consolidated chooses the form: a consolidated result or an undated file,
  // refused anyway, must not make the units' own files "of another form".
  const { kept: dated, catalogue } = keepOneCatalogue(keepDated(keepUnitReports(candidates)));

  // The period most files share is the one consolidated.
  const periodKey = majorityKey(dated, (c) => spanKey(c.span!));
  const reference = dated.find((c) => spanKey(c.span!) === periodKey);
  const samePeriod = dated.filter((c) => {
    if (spanKey(c.span!) === periodKey) return true;
    c.status.reason = `Số liệu kỳ ${c.status.period}, khác kỳ đang tổng hợp (${reference!.status.period}).`;
    return false;
  });

  // One file per unit: the first by file name is kept, a second one is refused naming the first.
  const seen = new Map<string, Candidate>();
  const included = samePeriod.filter((c) => {
    if (!c.name) return true;
    const first = seen.get(unitKey(c.name));
    if (first) {
      c.status.reason = duplicateReason(c, first, catalogue!);
      return false;
    }
    seen.set(unitKey(c.name), c);
    return true;
  });

  if (!catalogue || !reference || included.length === 0) return { files };

  const parts = inUnitOrder(
    includeParts(included, (c) => c.name || c.input.source),
    (part) => part.name,
    (part) => part.source,
  );
  for (const c of included) {
    if (!c.name) c.status.reason = "Thông tin chung chưa ghi tên cơ quan: đơn vị được gọi theo tên tệp.";
    // The result's sheets cut it (limitCellTexts): said where the unit is listed.
    else if (c.name.length > CELL_TEXT_LIMIT)
      c.status.reason = `Tên cơ quan dài ${formatNumberVi(c.name.length)} ký tự, quá ${formatNumberVi(CELL_TEXT_LIMIT)} ký tự một ô Excel chứa được: đã cắt bớt trong tệp tổng hợp; hãy rút ngắn tên trong tệp của đơn vị`;
  }

  const values: Record<string, string | number | null> = {};
  const combined = new Map<string, Combined>();
  const unitParts = included.map((c) => ({ name: c.name || c.input.source, figures: c.input.figures }));
  const own = reference.input.figures;
  const unitFigures = included.map((c) => c.input.figures);
  const province = sharedProvince(unitFigures);
  for (const indicator of catalogue.indicators) {
    if (indicator.kind === "ratio") continue;
    if (isInfo(indicator, catalogue)) {
      // The period is the inputs'; the issuing body is the consolidating one; the province the
      // units share, the place it dates at and the body above (province.ts); the rest left to type.
      if (indicator.id === "ky_bao_cao" || indicator.id === "nam")
        values[indicator.id] = plainOf(own.get(indicator.id));
      else if (indicator.derived) {
        const figure = own.get(indicator.id);
        if (figure && !figure.formula && figure.value.type === "number")
          values[indicator.id] = figure.value.value;
      } else if (indicator.id === "co_quan") values[indicator.id] = options.coQuan?.trim() || null;
      else if (indicator.id === "tinh") values[indicator.id] = province ?? null;
      else if (indicator.id === "co_quan_cap_tren")
        values[indicator.id] = sharedSuperior(unitFigures, options.coQuan?.trim()) ?? null;
      else if (indicator.id === "dia_danh") values[indicator.id] = province ? provincePlace(province) : null;
      else values[indicator.id] = null;
      continue;
    }
    // A typed percentage (weighted or not combined), a total some unit did not report.
    const special = combinedValue(
      indicator,
      catalogue,
      unitParts,
      "đơn vị",
      aggregateOf(indicator) !== "none",
    );
    if (special) combined.set(indicator.id, special);
    values[indicator.id] =
      special?.value ??
      (aggregateOf(indicator) === "none"
        ? null
        : sumOver(included, (c) => c.input.figures.get(indicator.id)));
  }
  const tables = tableValuesOverUnits(catalogue, unitParts);
  Object.assign(values, tables.values);
  const figures = figuresFromValues(values, catalogue);
  const evaluated = evaluateIndicators(figures, catalogue);
  const notes = noteRatioGaps(evaluated, catalogue, included);
  for (const [id, result] of combined) keepNote(id, result, notes, evaluated);
  Object.assign(notes, tables.notes);
  // The documents unit by unit, in the parts' order (by name), each naming its unit.
  const documents: ConsolidatedDocument[] = inUnitOrder(included, (c) => c.name || c.input.source).flatMap(
    (c) =>
      c.input.documents.map(({ number, date, summary, note }) => ({
        unit: c.name || c.input.source,
        number,
        date,
        summary,
        note,
      })),
  );
  return {
    files,
    result: {
      catalogue,
      values,
      figures,
      evaluated,
      parts,
      ...(Object.keys(notes).length > 0 ? { notes } : {}),
      ...(documents.length > 0 ? { documents } : {}),
    },
  };
}

/**
 * Notes every consolidated ratio that some included unit typed one side of and left the other
 * blank (`ratioGaps`, the units' `ratio:<id>` warning): its value is computed over incomplete
 * parts, so the note names the units, e.g. «Tính trên số liệu chưa đủ: UBND XÃ AN BÌNH bỏ trống
 * mẫu số (Dự toán thu năm)». The value stays as the core arithmetic computed it. Returns the
 * notes by ratio id.
 */
function noteRatioGaps(
  evaluated: Map<string, Evaluated>,
  catalogue: Catalogue,
  included: readonly Candidate[],
): Record<string, string> {
  const byId = indexIndicators(catalogue);
  const gapsById = new Map<string, string[]>();
  const notes: Record<string, string> = {};
  for (const c of included) {
    for (const gap of ratioGaps(c.input.figures, catalogue)) {
      const missing = gap.missing === "denominator" ? "mẫu số" : "tử số";
      const labels = gap.blank.map((id) => byId.get(id)?.label ?? id).join(", ");
      const list = gapsById.get(gap.id) ?? [];
      list.push(`${c.name || c.input.source} bỏ trống ${missing} (${labels})`);
      gapsById.set(gap.id, list);
    }
  }
  for (const [id, units] of gapsById) {
    const own = evaluated.get(id);
    if (!own) continue;
    const note = `Tính trên số liệu chưa đủ: ${units.join("; ")}.`;
    notes[id] = note;
    evaluated.set(id, { ...own, note: own.note ? `${own.note}. ${note}` : note });
  }
  return notes;
}
