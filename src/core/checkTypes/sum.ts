/** A total equal to the sum of its parts (hồ sơ đã giải quyết = trước hạn + đúng hạn + trễ hạn). */
import { difference, formatNumberVi as n, sumOfParts } from "../arithmetic";
import {
  addableOnly,
  ID_LIST,
  ID_REF,
  inSentence,
  severityName,
  type CheckType,
  type RuleFileBase,
  type Severity,
} from "./kit";

/** total = Σ parts (blank parts count as 0) */
export interface SumRule {
  type: "sum";
  id: string;
  total: string;
  parts: readonly string[];
  severity: Severity;
  what?: string;
}

export interface SumFile extends RuleFileBase {
  type: "sum";
  total: string;
  parts: string[];
}

export const sum: CheckType<SumRule, SumFile> = {
  type: "sum",
  description: "Tổng bằng tổng các phần",
  properties: { total: ID_REF, parts: ID_LIST },
  required: ["total", "parts"],
  indicatorFields: ["total", "parts"],
  kindProblem: addableOnly,
  defaultId: (file) => `sum:${file.total}:${file.parts.join("+")}`,
  fromFile: (file, id) => ({
    type: "sum",
    id,
    total: file.total,
    parts: file.parts,
    severity: file.severity ?? "error",
    ...(file.what !== undefined ? { what: file.what } : {}),
  }),
  inWords: (rule) => `${rule.total} = ${rule.parts.join(" + ")}`,
  severityWords: (rule) => severityName(rule.severity),
  apply(rule, ctx) {
    // Nothing to compare until both sides hold something (a draft being filled in).
    if (!ctx.anyGiven([rule.total]) || !ctx.anyGiven(rule.parts)) return undefined;
    const total = ctx.numbers([rule.total], false);
    const parts = ctx.numbers(rule.parts, true);
    if (!total || !parts) return undefined;
    const gap = difference(total[0], parts);
    if (gap === 0) return undefined;
    const partsText = rule.what ?? `Tổng ${rule.parts.map((id) => inSentence(ctx.label(id))).join(" + ")}`;
    return {
      severity: rule.severity,
      ids: [rule.total, ...rule.parts],
      message: `${partsText} là ${n(sumOfParts(parts))}, khác ${inSentence(ctx.label(rule.total))} (${n(total[0])}), lệch ${n(Math.abs(gap))}.`,
    };
  },
};
