/**
 * Where figures are, from `readNamedFigures`: a figure's cell deleted, rows sorted under their
 * names, and a computed cell (a ratio) typed over (`typedOver.ts`).
 */
import type { Catalogue } from "../catalogue";
import type { Evaluated } from "../evaluate";
import type { PlacementProblem } from "../figures";
import { checkContext, fullLabel } from "./context";
import type { Finding } from "./finding";
import { typedOverFinding } from "./typedOver";

/**
 * Errors about where figures are, from `readNamedFigures`: a figure's cell deleted (its name is
 * `#REF!`), and a row whose key disagrees with the name on its figure cell (rows sorted). Both
 * leave the workbook's own formulas reading the wrong cell until `install` repairs the sheet.
 */
export function placementFindings(
  problems: readonly PlacementProblem[],
  catalogue: Catalogue,
  evaluated?: ReadonlyMap<string, Evaluated>,
): Finding[] {
  const ctx = checkContext(new Map(), catalogue, evaluated ?? new Map());
  return problems.map((problem): Finding => {
    if (problem.kind === "typedOver") return typedOverFinding(ctx, problem, evaluated?.get(problem.id));
    const what = `${fullLabel(ctx, problem.id)} (${problem.id})`;
    if (problem.kind === "brokenName") {
      return {
        severity: "error",
        checkId: `place:${problem.id}`,
        ids: [problem.id],
        cells: [],
        message:
          `Ô nhập của chỉ tiêu ${what} đã bị xoá (tên ${problem.name} ${problem.reference ? `trỏ tới ${problem.reference}` : "không còn trỏ tới ô nào"}), ` +
          `nên chỉ tiêu này không được đọc và các công thức dùng nó báo lỗi. ` +
          `Hãy cài lại mẫu (cchc install, hoặc nút Cài đặt trong Excel) để dựng lại ô, rồi nhập số liệu.`,
      };
    }
    if (problem.kind === "keyMissing") {
      return {
        severity: "error",
        checkId: `place:${problem.id}`,
        ids: [problem.id],
        cells: [problem.namedCell],
        message:
          `Ô này mang tên ${problem.name} (${what}) nhưng dòng của nó có mã ${problem.keyThere}, ` +
          `và không dòng nào mang mã ${problem.id}: chỉ tiêu này không được đọc. ` +
          `Hãy sửa lại mã ở cột đầu của dòng, hoặc cài lại mẫu (cchc install, hoặc nút Cài đặt) rồi nhập lại số liệu.`,
      };
    }
    return {
      severity: "error",
      checkId: `place:${problem.id}`,
      ids: [problem.id],
      cells: [problem.cell, problem.namedCell],
      message:
        `Các dòng đã bị sắp xếp hoặc chuyển chỗ: ô ${problem.namedCell} mang tên ${problem.name} (${what}) ` +
        `nhưng dòng của nó ${problem.keyThere ? `có mã ${problem.keyThere}` : "không có mã"}; số liệu của ${problem.id} đang ở ô ${problem.cell}. ` +
        `Các công thức trong tệp đang đọc nhầm dòng: hãy cài lại mẫu (cchc install, hoặc nút Cài đặt) để xếp lại theo mã.`,
    };
  });
}
