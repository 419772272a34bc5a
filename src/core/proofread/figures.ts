/**
 * The proofreader against a workbook's figures (`cchc proofread --figures BÁO_CÁO.xlsx`, the
 * pane's «dùng số liệu của bảng tính»). Two more kinds of error than the prose alone shows:
 *  - a percentage written after a ratio's two parts (the numerator's and the denominator's values
 *    of a catalogue ratio, both in the sentence) that is not the workbook's ratio at the precision
 *    written («giao 84 nhiệm vụ, hoàn thành 76 nhiệm vụ, đạt 95%» when the workbook's ratio of
 *    76 and 84 is 90,48%);
 *  - a figure written right after an indicator's own wording (its label, unique in the form) that
 *    is not the workbook's value for it («Số văn bản chỉ đạo, điều hành CCHC ban hành trong kỳ:
 *    21 văn bản» when the workbook holds 20), or a percentage after a ratio's label.
 * The values are the core's (`evaluateIndicators`, the same arithmetic as the appendix).
 */
import { formatNumberVi } from "../arithmetic";
import { argIds, type Catalogue, type Indicator } from "../catalogue";
import { evaluateIndicators, numericOfArg } from "../evaluate";
import type { Figures } from "../figures";
import { sentenceNumbers } from "./claims";
import type { NumberToken } from "./numbers";
import { percentMatches, wrongPercent, type ProofFinding } from "./result";

/** A catalogue ratio with its parts' values in the workbook. */
interface RatioParts {
  indicator: Indicator;
  numerator: number;
  denominator: number;
  value: number;
  cells: string[];
  ids: string[];
}

/** What the workbook says, prepared once for a whole document. */
export interface WorkbookContext {
  ratios: RatioParts[];
  /** Labels unique in the form, long enough not to be common words, lower-cased (NFC). */
  labels: Array<{ text: string; indicator: Indicator; value: number; cell: string }>;
}

/** A ratio whose parts are both below this is not identified by its parts (1 of 5 is everywhere). */
const MIN_PART = 10;

/** Labels shorter than this are too common to identify an indicator («Có mặt», «Kế hoạch năm»). */
const MIN_LABEL = 12;

const normal = (text: string) => text.normalize("NFC").toLowerCase();

/** Prepares the workbook's ratios and labels for proofreading (see the module's comment). */
export function workbookContext(figures: Figures, catalogue: Catalogue): WorkbookContext {
  const values = evaluateIndicators(figures, catalogue);
  const ratios: RatioParts[] = [];
  for (const indicator of catalogue.indicators) {
    const value = values.get(indicator.id)?.value;
    if (indicator.kind !== "ratio" || !indicator.formula || typeof value !== "number") continue;
    const [numArg, denArg] = indicator.formula.args;
    const numerator = numericOfArg(numArg, figures);
    const other = numericOfArg(denArg, figures);
    if (typeof numerator !== "number") continue;
    // DUNGHAN(on time, late): the denominator is on time + late (a blank late counts as 0).
    const denominator =
      indicator.formula.fn === "DUNGHAN" ? numerator + (typeof other === "number" ? other : 0) : other;
    if (typeof denominator !== "number" || denominator <= 0) continue;
    const ids = [...argIds(numArg), ...argIds(denArg)];
    const cells = ids.map((id) => figures.get(id)?.cell).filter((c): c is string => !!c);
    ratios.push({ indicator, numerator, denominator, value, ids: [indicator.id, ...ids], cells });
  }
  const counts = new Map<string, number>();
  for (const indicator of catalogue.indicators) {
    const key = normal(indicator.label.trim());
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const labels: WorkbookContext["labels"] = [];
  const all = [...counts.keys()];
  for (const indicator of catalogue.indicators) {
    const text = normal(indicator.label.trim());
    const value = values.get(indicator.id)?.value;
    if (text.length < MIN_LABEL || counts.get(text) !== 1 || typeof value !== "number") continue;
    // A component row's wording reads only under its parent («Hoàn thành đúng hạn» of which
    // total?); a label that begins another («… đúng hạn» / «… đúng hạn (lũy kế)») is ambiguous.
    if (indicator.parent || all.some((other) => other !== text && other.startsWith(text))) continue;
    if (!["count", "money", "ratio"].includes(indicator.kind)) continue;
    const cell =
      indicator.kind === "ratio"
        ? (ratios.find((r) => r.indicator === indicator)?.cells[0] ?? "")
        : (figures.get(indicator.id)?.cell ?? "");
    labels.push({ text, indicator, value, cell });
  }
  return { ratios, labels };
}

/** What may stand between an indicator's wording and its figure: «: », « là », « đạt », « có ». */
const LABEL_GAP = /^\s*:?\s*(?:(?:là|đạt|có|được|gồm|tổng cộng|tổng số)\s*:?\s*)?$/iu;

/** Between two positions of a sentence: one clause (no «;», no sentence end). */
const oneClause = (text: string) => !/[;.!?…]/.test(text);

/** The percentages after a ratio's two parts that are not the workbook's ratio. */
function ratioFindings(
  paragraph: number,
  sentence: string,
  tokens: NumberToken[],
  context: WorkbookContext,
): ProofFinding[] {
  const found: ProofFinding[] = [];
  const figures = tokens.filter((t) => t.role === "figure");
  tokens.forEach((p, i) => {
    if (p.role !== "percent") return;
    // The figures of the percentage's own stretch: after the previous percentage, in its clause.
    const from = tokens.slice(0, i).reduce((at, t) => (t.role === "percent" ? t.end : at), 0);
    const stretch = figures.filter(
      (t) => t.start >= from && t.end <= p.start && oneClause(sentence.slice(t.end, p.start)),
    );
    // Every ratio whose two parts stand in the stretch; small parts (1 of 5) are too common to
    // identify a ratio. A percentage any of them explains is right; several that disagree are
    // not guessed between.
    const matching = context.ratios.flatMap((ratio) => {
      if (Math.max(ratio.numerator, ratio.denominator) < MIN_PART) return [];
      const top = stretch.find((t) => t.value === ratio.numerator);
      const bottom = stretch.find((t) => t.value === ratio.denominator && t !== top);
      return top && bottom ? [{ ratio, top, bottom }] : [];
    });
    const written = { value: p.value, decimals: p.decimals };
    if (matching.length === 0 || matching.some(({ ratio }) => percentMatches(written, ratio.value))) return;
    if (new Set(matching.map(({ ratio }) => `${ratio.numerator}/${ratio.denominator}`)).size > 1) return;
    const { ratio, top, bottom } = matching[0];
    const excerpt = sentence.slice(Math.min(top.start, bottom.start), p.end);
    found.push(
      wrongPercent(
        { paragraph, sentence, excerpt, offset: p.start },
        p,
        ratio.value,
        { checkId: "proofread:figures", ids: ratio.ids, cells: ratio.cells },
        `theo bảng tính, ${ratio.indicator.label} = ${formatNumberVi(ratio.numerator)}/${formatNumberVi(ratio.denominator)} =`,
      ),
    );
  });
  return found;
}

/** The figures written right after an indicator's label that are not the workbook's. */
function labelFindings(
  paragraph: number,
  sentence: string,
  tokens: NumberToken[],
  context: WorkbookContext,
): ProofFinding[] {
  const found: ProofFinding[] = [];
  const lower = normal(sentence);
  for (const label of context.labels) {
    for (let at = lower.indexOf(label.text); at >= 0; at = lower.indexOf(label.text, at + 1)) {
      const end = at + label.text.length;
      const next = tokens.find((t) => t.start >= end);
      if (!next) continue;
      // Right after the wording: «…: 21», «… là 21», «… đạt 95%»; nothing else between.
      if (/^\p{L}/u.test(sentence.slice(end)) || !LABEL_GAP.test(sentence.slice(end, next.start))) continue;
      const { indicator } = label;
      const excerpt = sentence.slice(at, next.end);
      if (indicator.kind === "ratio") {
        if (next.role !== "percent") continue;
        if (percentMatches({ value: next.value, decimals: next.decimals }, label.value)) continue;
        found.push(
          wrongPercent(
            { paragraph, sentence, excerpt, offset: next.start },
            next,
            label.value,
            { checkId: "proofread:figures", ids: [indicator.id], cells: label.cell ? [label.cell] : [] },
            `theo bảng tính, ${indicator.label} là`,
          ),
        );
        continue;
      }
      if (next.role !== "figure") continue;
      // The figure in the indicator's own unit («20 văn bản», «86.450.000 đồng»), else not guessed.
      const unit = normal(indicator.unit.trim());
      if (!normal(sentence.slice(next.end)).trimStart().startsWith(unit)) continue;
      if (next.value === label.value) continue;
      const expected = formatNumberVi(label.value);
      found.push({
        severity: "error",
        checkId: "proofread:figures",
        ids: [indicator.id],
        cells: label.cell ? [label.cell] : [],
        paragraph,
        sentence,
        excerpt,
        offset: next.start,
        written: next.text,
        expected,
        exact: expected,
        message: `Đoạn ${paragraph}: «${excerpt} ${indicator.unit}»: bảng tính ghi ${indicator.label} = ${expected} ${indicator.unit}${label.cell ? ` (ô ${label.cell})` : ""}, văn bản ghi ${next.text}.`,
      });
    }
  }
  return found;
}

/** The findings of one sentence against the workbook, in the order written. */
export function checkAgainstWorkbook(
  paragraph: number,
  sentence: string,
  context: WorkbookContext,
): ProofFinding[] {
  const tokens = sentenceNumbers(sentence);
  return [
    ...ratioFindings(paragraph, sentence, tokens, context),
    ...labelFindings(paragraph, sentence, tokens, context),
  ].sort((a, b) => a.offset - b.offset);
}
