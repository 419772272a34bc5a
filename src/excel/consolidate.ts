/**
 * Consolidation into the open workbook through Office.js: one sync to read what the workbook
 * holds (its form, its sheets), the core's planner, one sync to write the consolidated figures
 * and the two consolidation sheets. Two round trips, whatever the number of units.
 */
import {
  FILES_SHEET,
  PERIODS_SHEET,
  UNITS_SHEET,
  consolidationSubtitle,
  describeCatalogue,
  planConsolidationInto,
  type Consolidation,
  type FileStatus,
} from "../core/consolidate";
import { unitKey } from "../core/consolidate/parts";
import { candidateSheetNames, figuresOfPlans } from "../core/install";
import { existingForInstall } from "../core/workbook/install";
import type { ContextApi } from "./api";
import { applySheets } from "./applySheets";
import { assertCanRun, hostCapabilities, type Capabilities } from "./capabilities";
import { furtherAlternates, queueInstallRead } from "./installSheets";

/** Why the open workbook cannot take the consolidation; nothing was written. */
export type ConsolidationRefusal =
  /** The workbook holds no CCHC form: install the inputs' form first. */
  | { ok: false; reason: "notInstalled"; expected: string }
  /** The workbook holds another form (or version) than the inputs. */
  | { ok: false; reason: "otherForm"; expected: string; found: string }
  /** Over periods: the workbook's Thông tin chung names another unit than the files (its name, theirs). */
  | { ok: false; reason: "otherUnit"; expected: string; found: string };

export interface ConsolidationWritten {
  ok: true;
  /** The sheets written for the consolidation (breakdown, file list). */
  sheets: string[];
  /**
   * The workbook's own «Danh mục văn bản» held this many documents and was kept as typed, so
   * Phụ lục II lists them, not the parts' documents; 0 when the parts' documents were listed
   * (or there were none).
   */
  keptDocuments: number;
}

/**
 * Writes a consolidation into the open workbook, which must hold the inputs' form (same id and
 * version): the consolidated figures into its input sheets, every cached value recomputed, and
 * the breakdown and file sheets. `over` says which consolidation `result` is (the core's
 * `consolidateUnits` or `consolidatePeriods`): over units the workbook's own Thông tin chung
 * and texts are kept, only the period is the inputs'; over periods the target period is
 * written, and the unit's details and the latest period's texts fill only the cells left blank
 * (`valuesForOpenWorkbook`), and a workbook whose Thông tin chung names another unit than the
 * files is refused after the read. Counts and amounts are the consolidation's either way. The
 * parts' documents fill «Danh mục văn bản» when it holds none; a list holding documents is kept
 * as typed (`keptDocuments`). Exactly two
 * syncs; the breakdown sheet is «Tổng hợp theo đơn vị» or «Tổng hợp theo kỳ». Office errors
 * propagate with their message.
 */
export async function consolidateIntoWorkbook(
  context: ContextApi,
  result: Consolidation,
  files: readonly FileStatus[],
  options: { over?: "units" | "periods"; capabilities?: Capabilities } = {},
): Promise<ConsolidationWritten | ConsolidationRefusal> {
  const capabilities = options.capabilities ?? hostCapabilities();
  assertCanRun(capabilities);
  const over = options.over ?? "units";
  const collect = queueInstallRead(
    context,
    candidateSheetNames(result.catalogue, [
      ...furtherAlternates(result.catalogue),
      UNITS_SHEET.name,
      PERIODS_SHEET.name,
      FILES_SHEET.name,
    ]),
    capabilities.dateSystem,
  );
  await context.sync();
  const seen = collect();

  // The meta as install finds it: `_CCHC`, or an alternate when a user's sheet has that name.
  const meta = seen.workbook.meta();
  const expected = describeCatalogue(result.catalogue);
  if (!meta) return { ok: false, reason: "notInstalled", expected };
  if (meta.templateId !== result.catalogue.id || meta.version !== result.catalogue.version) {
    return {
      ok: false,
      reason: "otherForm",
      expected,
      found: `«${meta.templateId}» phiên bản ${meta.version}`,
    };
  }

  // What the workbook holds, read through the port as install reads it (the same use case).
  const existing = existingForInstall(seen.workbook, { catalogue: result.catalogue });
  const planned = planConsolidationInto(existing, result, files, {
    over,
    subtitle: consolidationSubtitle(result),
  });
  const plans = planned.sheets;
  if (over === "periods") {
    // The longer period's report of the same unit: another unit's workbook keeps its own
    // figures (the core compares names the same way when it keeps one unit's periods).
    const unit = files.find((f) => f.included && f.unit)?.unit;
    const own = figuresOfPlans(plans, result.catalogue).get("co_quan")?.value;
    const found = own?.type === "text" ? own.value.trim() : "";
    if (unit && found && unitKey(found) !== unitKey(unit))
      return { ok: false, reason: "otherUnit", expected: unit, found };
  }
  applySheets(context, plans, seen.state, capabilities);
  await context.sync();
  return {
    ok: true,
    sheets: [over === "units" ? UNITS_SHEET.name : PERIODS_SHEET.name, FILES_SHEET.name],
    keptDocuments: planned.keptDocuments,
  };
}
