/** The check types of the catalogue: their table and what each one is (`kit.ts`). */
export {
  CHECK_TYPES,
  CHECK_TYPE_NAMES,
  checksSchema,
  checkTypeNamed,
  checkTypeOf,
  checkTypeOfFile,
  type CheckRule,
  type CheckRuleFile,
} from "./registry";
export { inSentence, type CheckType, type RuleContext, type RuleFinding, type Severity } from "./kit";
export { NOT_ABOVE_WHAT } from "./notAbove";
