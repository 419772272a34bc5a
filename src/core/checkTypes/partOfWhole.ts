/** A part never above its whole (hồ sơ đúng hạn ≤ hồ sơ đã giải quyết). */
import {
  ID_REF,
  inSentence,
  numbersOnly,
  severityName,
  type CheckType,
  type RuleFileBase,
  type Severity,
} from "./kit";

/** part ≤ whole */
export interface PartOfWholeRule {
  type: "partOfWhole";
  id: string;
  part: string;
  whole: string;
  severity: Severity;
}

export interface PartOfWholeFile extends RuleFileBase {
  type: "partOfWhole";
  part: string;
  whole: string;
}

export const partOfWhole: CheckType<PartOfWholeRule, PartOfWholeFile> = {
  type: "partOfWhole",
  description: "Phần không vượt toàn bộ",
  properties: { part: ID_REF, whole: ID_REF },
  required: ["part", "whole"],
  indicatorFields: ["part", "whole"],
  kindProblem: numbersOnly,
  defaultId: (file) => `part:${file.part}`,
  fromFile: (file, id) => ({
    type: "partOfWhole",
    id,
    part: file.part,
    whole: file.whole,
    severity: file.severity ?? "error",
  }),
  inWords: (rule) => `${rule.part} ≤ ${rule.whole}`,
  severityWords: (rule) => severityName(rule.severity),
  apply(rule, ctx) {
    const values = ctx.numbers([rule.part, rule.whole], false);
    if (!values || values[0] <= values[1]) return undefined;
    return {
      severity: rule.severity,
      ids: [rule.part, rule.whole],
      message: `${ctx.numbered(rule.part, values[0], rule.whole)} lớn hơn ${inSentence(ctx.numbered(rule.whole, values[1]))}: phần không thể vượt tổng.`,
    };
  },
};
