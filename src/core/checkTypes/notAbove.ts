/** A value not above its limit, else a warning with the excess (done above plan, staff above quota). */
import { formatNumberVi as n } from "../arithmetic";
import { ID_REF, numbersOnly, severityName, type CheckType, type RuleFileBase, type Severity } from "./kit";

/** value ≤ limit */
export interface NotAboveRule {
  type: "notAbove";
  id: string;
  value: string;
  limit: string;
  severity: Severity;
  what: string;
}

export interface NotAboveFile extends RuleFileBase {
  type: "notAbove";
  value: string;
  limit: string;
}

/** The default wording of a `notAbove` finding when the file gives no `what`. */
export const NOT_ABOVE_WHAT = "Số liệu vượt giới hạn";

export const notAbove: CheckType<NotAboveRule, NotAboveFile> = {
  type: "notAbove",
  description: "Giá trị không vượt giới hạn",
  properties: { value: ID_REF, limit: ID_REF },
  required: ["value", "limit"],
  indicatorFields: ["value", "limit"],
  kindProblem: numbersOnly,
  defaultId: (file) => `notAbove:${file.value}:${file.limit}`,
  fromFile: (file, id) => ({
    type: "notAbove",
    id,
    value: file.value,
    limit: file.limit,
    severity: file.severity ?? "error",
    what: file.what ?? NOT_ABOVE_WHAT,
  }),
  inWords: (rule) => `${rule.value} ≤ ${rule.limit}`,
  severityWords: (rule) => severityName(rule.severity),
  apply(rule, ctx) {
    const values = ctx.numbers([rule.value, rule.limit], false);
    if (!values || values[0] <= values[1]) return undefined;
    return {
      severity: rule.severity,
      ids: [rule.value, rule.limit],
      message: `${rule.what}: ${ctx.fullLabel(rule.value)} ${n(values[0])} > ${n(values[1])} (+${n(values[0] - values[1])}).`,
    };
  },
};
