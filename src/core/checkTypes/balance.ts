/**
 * A total accounted for by its parts and one explaining figure (cán bộ được giao = có mặt +
 * vắng mặt + chưa rõ): an error when the explaining figure is typed and the sums disagree, a
 * warning naming the unexplained count when it is blank.
 */
import { difference, formatNumberVi as n } from "../arithmetic";
import { addableOnly, ID_LIST, ID_REF, inSentence, type CheckType, type RuleFileBase } from "./kit";

/** total = Σ parts + explainedBy */
export interface BalanceRule {
  type: "balance";
  id: string;
  total: string;
  parts: readonly string[];
  explainedBy: string;
}

export interface BalanceFile extends RuleFileBase {
  type: "balance";
  total: string;
  parts: string[];
  explainedBy: string;
}

export const balance: CheckType<BalanceRule, BalanceFile> = {
  type: "balance",
  description: "Tổng bằng các phần cộng số giải thích",
  properties: { total: ID_REF, parts: ID_LIST, explainedBy: ID_REF },
  required: ["total", "parts", "explainedBy"],
  indicatorFields: ["total", "parts", "explainedBy"],
  kindProblem: addableOnly,
  defaultId: (file) => `balance:${file.total}`,
  // Its severity follows from the explaining figure (typed: error, blank: warning), not the file.
  fromFile: (file, id) => ({
    type: "balance",
    id,
    total: file.total,
    parts: file.parts,
    explainedBy: file.explainedBy,
  }),
  inWords: (rule) => `${rule.total} = ${rule.parts.join(" + ")} + ${rule.explainedBy}`,
  severityWords: () => "Lỗi / cảnh báo",
  apply(rule, ctx) {
    const total = ctx.numbers([rule.total], false);
    const parts = ctx.numbers(rule.parts, false);
    if (!total || !parts) return undefined;
    const explained = ctx.numeric(rule.explainedBy);
    if (explained === "invalid") return undefined;
    const given = explained !== "blank";
    const gap = difference(total[0], given ? [...parts, explained] : parts);
    if (gap === 0) return undefined;
    const terms = rule.parts.map((id, i) => `${inSentence(ctx.label(id))} ${n(parts[i])}`).join(" − ");
    const ids = [rule.total, ...rule.parts, rule.explainedBy];
    if (given) {
      return {
        severity: "error",
        ids,
        message: `${ctx.label(rule.total)} (${n(total[0])}) khác ${terms.replace(/ − /g, " + ")} + ${inSentence(ctx.label(rule.explainedBy))} ${n(
          explained,
        )}, lệch ${n(Math.abs(gap))}.`,
      };
    }
    return {
      severity: "warning",
      ids,
      message: `Có ${n(gap)} ${ctx.unit(rule.total)} chưa rõ tình trạng: ${inSentence(ctx.label(rule.total))} ${n(total[0])} − ${terms}. Nếu có, điền «${ctx.label(
        rule.explainedBy,
      )}».`,
    };
  },
};
