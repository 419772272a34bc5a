/** The catalogue's checks, each applied by its type (core/checkTypes), in catalogue order. */
import { checkTypeOf } from "../checkTypes";
import { cellsOf, ruleContext, type CheckContext } from "./context";
import type { Finding } from "./finding";

/** What the catalogue's checks find over the figures (figures of a wrong kind left out). */
export function ruleFindings(ctx: CheckContext): Finding[] {
  const reads = ruleContext(ctx);
  return ctx.catalogue.checks.flatMap((rule): Finding[] => {
    const found = checkTypeOf(rule).apply(rule, reads);
    if (!found) return [];
    const { severity, ids, message } = found;
    return [{ severity, checkId: rule.id, ids, cells: cellsOf(ctx, ids), message }];
  });
}
