/** A start date not after its end date (the data period: từ ngày ≤ đến ngày). */
import { formatSerialVi } from "../dates";
import { ID_REF, inSentence, severityName, type CheckType, type RuleFileBase, type Severity } from "./kit";

/** from ≤ to */
export interface DateOrderRule {
  type: "dateOrder";
  id: string;
  from: string;
  to: string;
  severity: Severity;
}

export interface DateOrderFile extends RuleFileBase {
  type: "dateOrder";
  from: string;
  to: string;
}

export const dateOrder: CheckType<DateOrderRule, DateOrderFile> = {
  type: "dateOrder",
  description: "Ngày bắt đầu không sau ngày kết thúc",
  properties: { from: ID_REF, to: ID_REF },
  required: ["from", "to"],
  indicatorFields: ["from", "to"],
  kindProblem: (kind, ref) =>
    kind !== "date"
      ? `Kiểm tra ngày (dateOrder) chỉ dùng chỉ tiêu ngày (date); "${ref}" là "${kind}".`
      : undefined,
  defaultId: (file) => `dates:${file.from}:${file.to}`,
  fromFile: (file, id) => ({
    type: "dateOrder",
    id,
    from: file.from,
    to: file.to,
    severity: file.severity ?? "error",
  }),
  inWords: (rule) => `${rule.from} ≤ ${rule.to}`,
  severityWords: (rule) => severityName(rule.severity),
  apply(rule, ctx) {
    const from = ctx.date(rule.from);
    const to = ctx.date(rule.to);
    if (from === undefined || to === undefined || from <= to) return undefined;
    return {
      severity: rule.severity,
      ids: [rule.from, rule.to],
      message: `${ctx.label(rule.from)} (${formatSerialVi(from)}) sau ${inSentence(ctx.label(rule.to))} (${formatSerialVi(to)}).`,
    };
  },
};
