/** How the command line presents findings and summaries, in Vietnamese. */
import type { Finding } from "../core/checks";
import { countFindings } from "../core/checks";

const SEVERITY = { error: "Lỗi", warning: "Cảnh báo" } as const;

/** `'Sheet'!D5`, `'Sheet'!D6` → `'Sheet'!D5, D6`: the sheet is named once per run of cells. */
export function formatCells(cells: readonly string[]): string {
  let sheet: string | undefined;
  return cells
    .map((ref) => {
      const bang = ref.lastIndexOf("!");
      if (bang < 0) {
        sheet = undefined;
        return ref;
      }
      const own = ref.slice(0, bang);
      const text = own === sheet ? ref.slice(bang + 1) : ref;
      sheet = own;
      return text;
    })
    .join(", ");
}

/** One finding on one line: severity, cells, message. */
export function formatFinding(finding: Finding): string {
  const cells = finding.cells.length > 0 ? `${formatCells(finding.cells)}: ` : "";
  return `${SEVERITY[finding.severity].padEnd(8)}  ${cells}${finding.message}`;
}

/** The closing line of `check`. */
export function formatSummary(findings: readonly Finding[]): string {
  const { errors, warnings } = countFindings(findings);
  const verdict =
    errors > 0
      ? "cần sửa các lỗi trước khi gửi báo cáo"
      : warnings > 0
        ? "không có lỗi; xem lại các cảnh báo"
        : "số liệu hợp lệ";
  return `Kết quả: ${errors} lỗi, ${warnings} cảnh báo (${verdict}).`;
}

/** The JSON of `check --json`: exactly errors, warnings and the findings' four fields. */
export function findingsJson(findings: readonly Finding[]): string {
  const { errors, warnings } = countFindings(findings);
  return JSON.stringify({
    errors,
    warnings,
    findings: findings.map((f) => ({ severity: f.severity, ids: f.ids, cells: f.cells, message: f.message })),
  });
}
