/**
 * The check types of the catalogue, one line each (docs/developer-guide.md, "Adding a check
 * type"). The catalogue's JSON Schema, its validation, the catalogue listing and the check
 * engine all read this table, so a new type is its module and one line here.
 */
import { balance } from "./balance";
import { dateOrder } from "./dateOrder";
import { schemaOf, type CheckType, type SchemaFragment } from "./kit";
import { notAbove } from "./notAbove";
import { partOfWhole } from "./partOfWhole";
import { sum } from "./sum";

/** Every check type, in the order the schema and the messages list them. */
export const CHECK_TYPES = { partOfWhole, sum, balance, notAbove, dateOrder } as const;

type Types = typeof CHECK_TYPES;
type RuleOf<T> = T extends { fromFile(...args: never[]): infer Rule } ? Rule : never;
type FileOf<T> = T extends { defaultId(file: infer File): string } ? File : never;

/** A check as the program uses it (ids and defaults completed), evaluated by `checkFigures`. */
export type CheckRule = { [K in keyof Types]: RuleOf<Types[K]> }[keyof Types];
/** A check as a catalogue file writes it: `id` and `severity` optional (docs/catalogue-format.md). */
export type CheckRuleFile = { [K in keyof Types]: FileOf<Types[K]> }[keyof Types];

/** The names of the check types, in table order. */
export const CHECK_TYPE_NAMES = Object.keys(CHECK_TYPES) as ReadonlyArray<keyof Types>;

/**
 * The definition of a type by its name, undefined for a name no type has (a file's typo); the
 * `type` of a check the program holds always has one.
 */
export function checkTypeNamed(type: string): CheckType<CheckRule, CheckRuleFile> | undefined {
  return Object.prototype.hasOwnProperty.call(CHECK_TYPES, type)
    ? (CHECK_TYPES[type as keyof Types] as unknown as CheckType<CheckRule, CheckRuleFile>)
    : undefined;
}

/** The definition of a check's type (typed for the rule at hand). */
export function checkTypeOf<R extends CheckRule>(rule: R): CheckType<R, CheckRuleFile> {
  return CHECK_TYPES[rule.type] as unknown as CheckType<R, CheckRuleFile>;
}

/** The definition of a file check's type. */
export function checkTypeOfFile<F extends CheckRuleFile>(file: F): CheckType<CheckRule, F> {
  return CHECK_TYPES[file.type] as unknown as CheckType<CheckRule, F>;
}

/** The schema of a catalogue's `checks`: one alternative per type, told apart by `type`. */
export function checksSchema(): SchemaFragment {
  return {
    type: "array",
    items: {
      type: "object",
      required: ["type"],
      discriminator: { propertyName: "type" },
      oneOf: Object.values(CHECK_TYPES).map((definition) =>
        schemaOf(definition as unknown as CheckType<never, never>),
      ),
    },
  };
}
