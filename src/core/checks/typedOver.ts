/** A computed cell (a ratio) whose formula was typed over with a constant. */
import type { Evaluated } from "../evaluate";
import type { PlacementProblem } from "../figures";
import { fullLabel, type CheckContext } from "./context";
import type { Finding } from "./finding";
import { describe, n, percent } from "./words";

/**
 * A computed cell (a ratio) with a constant typed over its formula: what was typed, what the
 * figures give, and that the report uses the latter. `install` writes the formula back.
 */
export function typedOverFinding(
  ctx: CheckContext,
  problem: Extract<PlacementProblem, { kind: "typedOver" }>,
  computed: Evaluated | undefined,
): Finding {
  const typed =
    problem.typed.type === "number"
      ? `${percent(problem.typed.value)} (${n(problem.typed.value, 6)})`
      : describe(problem.typed);
  const gives =
    typeof computed?.value === "number"
      ? `theo số liệu đã nhập là ${percent(computed.value)}`
      : `theo số liệu đã nhập chưa tính được${computed?.note ? ` (${computed.note})` : ""}`;
  return {
    severity: "warning",
    checkId: `typed:${problem.id}`,
    ids: [problem.id],
    cells: [problem.cell],
    message:
      `${fullLabel(ctx, problem.id)} là ô tự tính, nhưng công thức đã bị gõ đè bằng ${typed}; ${gives}, ` +
      `và báo cáo dùng giá trị tính từ số liệu. Hãy xoá giá trị đã gõ, hoặc cài lại mẫu (npx cchc install, ` +
      `hoặc nút Cài đặt trong Excel) để khôi phục công thức.`,
  };
}
