/** A problem of a catalogue file, and the error that carries every problem found at once. */

export interface CatalogueProblem {
  /** JSON path, e.g. `indicators[12].formula.args[1]` (`` for the whole file). */
  path: string;
  /** The id (indicator, sheet key, section id, criterion code) involved, when there is one. */
  id?: string;
  /** Vietnamese, a full sentence. */
  message: string;
}

/** One line per problem: `indicators[12].formula.args[1] (kh_ht): …`. */
export function formatProblem(problem: CatalogueProblem): string {
  const where = problem.path || "(cả tệp)";
  return `${where}${problem.id ? ` (${problem.id})` : ""}: ${problem.message}`;
}

/** Raised when a catalogue (a file, or the one a workbook carries) cannot be used. */
export class CatalogueError extends Error {
  constructor(
    readonly problems: readonly CatalogueProblem[],
    /** Where the catalogue came from (a file name, "sổ làm việc"), for the message. */
    readonly source = "",
  ) {
    super(
      `${source ? `Danh mục ${source}` : "Danh mục"} có ${problems.length} lỗi:\n` +
        problems.map((p) => `- ${formatProblem(p)}`).join("\n"),
    );
    this.name = "CatalogueError";
  }
}
