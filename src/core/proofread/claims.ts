/**
 * The claims a sentence makes that can be checked: a percentage written with the two figures it
 * is computed from. Two shapes, the ones reports use (issue 18):
 *  - «a/b … c%»: a fraction, units allowed on both sides («32 doanh nghiệp/20 doanh nghiệp»,
 *    «47,9 tỷ đồng/120,535 tỷ đồng»), then the percentage later in the same clause
 *    («24/47 nhiệm vụ, đạt 51,06%», «04/62 (chiếm tỷ lệ 6,5%)»);
 *  - «b …, [trong đó] … a (đạt c%)»: a total, then the part, the percentage right after the part
 *    («giao 84 nhiệm vụ, đã hoàn thành đúng hạn 76 (Đạt 90,4%)», «tiếp nhận … 17.990 hồ sơ …,
 *    trong đó … 17.694 hồ sơ, đạt tỷ lệ đúng hạn 99,8%»).
 * Anything else is not guessed at: a proofreader that cries wolf is switched off, so every rule
 * here errs towards reading no claim (dates, document symbols, scores «2,92/3 điểm», a
 * percentage with no figures beside it «đến nay 100% xã»).
 */
import { readNumbers, type NumberToken } from "./numbers";

/** A figure of a claim, as written and as read. */
export interface WrittenFigure {
  text: string;
  value: number;
}

/** A percentage written beside the two figures it should follow from. */
export interface PercentClaim {
  /** Which shape the sentence has: `fraction` «a/b … c%», `part` «b …, … a (đạt c%)». */
  shape: "fraction" | "part";
  numerator: WrittenFigure;
  denominator: WrittenFigure;
  /** The percentage as written (`90,4`, without «%»), its value and its decimals. */
  percent: WrittenFigure & { decimals: number };
  /** The words of the sentence from the first figure to the «%», e.g. «76 (Đạt 90,4%)». */
  excerpt: string;
  /** Offsets of the excerpt in the sentence, and of the percentage's digits. */
  start: number;
  end: number;
  percentStart: number;
}

/** Words before a number that make «a/b» a date (ngày 24/8, tháng 9/2021, quý 3/2021). */
const DATE_WORDS = new Set(["ngày", "tháng", "quý", "năm", "từ", "đến", "trước", "sau", "hết"]);
/** Words before a number that make it a date or a year, not a total or a part («năm 2020»). */
const CALENDAR_WORDS = new Set(["ngày", "tháng", "quý", "năm"]);
/** Units of scores: «đạt 2,92/3 điểm» is a mark out of a maximum, not a fraction to check. */
const SCORE_WORDS = new Set(["điểm"]);
/** At most this many words of unit between a figure and the slash or separator («tỷ đồng»). */
const UNIT_WORDS = 3;

/** A fraction «a/b» found in a sentence (tokens are indexes into the sentence's numbers). */
interface Fraction {
  a: number;
  b: number;
  /** The unit written after a («doanh nghiệp»), or after b when a has none. */
  unit: string;
}

function wordBefore(sentence: string, at: number): string {
  const match = /(\p{L}+)[^\p{L}\d]*$/u.exec(sentence.slice(0, at));
  return match ? match[1].toLowerCase() : "";
}

function wordsAfter(sentence: string, at: number, max = UNIT_WORDS): string[] {
  const match = new RegExp(`^(?:\\s+\\p{L}+){0,${max}}`, "u").exec(sentence.slice(at));
  return match ? match[0].trim().toLowerCase().split(/\s+/).filter(Boolean) : [];
}

const startsWithWords = (words: readonly string[], prefix: readonly string[]) =>
  prefix.every((word, i) => words[i] === word);

/**
 * The fractions of a sentence, and the numbers that are pieces of slashed things that are not
 * fractions (dates «14/9/2021», symbols «2403 /UBND-TCNV», «30/2020/NĐ-CP»): those are set to
 * `other` in `tokens`, so no rule reads them as figures.
 */
function findFractions(sentence: string, tokens: NumberToken[]): Map<number, Fraction> {
  const fractions = new Map<number, Fraction>();
  const slashed = new Set<number>();
  tokens.forEach((token, i) => {
    const before = sentence.slice(0, token.start);
    const after = sentence.slice(token.end);
    if (/\/\s*$/.test(before)) slashed.add(i);
    if (/^\s*\//.test(after)) slashed.add(i);
  });
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (a.role !== "figure" || b.role !== "figure") continue;
    // a [unit] / b, the slash right before b: «500/1500», «32 doanh nghiệp/20 doanh nghiệp».
    const between = sentence.slice(a.end, b.start);
    const shape = new RegExp(`^((?:\\s+\\p{L}+){0,${UNIT_WORDS}})\\s*/\\s*$`, "u").exec(between);
    if (!shape) continue;
    // Part of a chain (14/9/2021, 30/2020/NĐ-CP): not a fraction.
    if (/\/\s*$/.test(sentence.slice(0, a.start)) || /^\s*\//.test(sentence.slice(b.end))) continue;
    const unitA = shape[1].trim().toLowerCase().split(/\s+/).filter(Boolean);
    const unitB = wordsAfter(sentence, b.end);
    if (SCORE_WORDS.has(unitA[0] ?? "") || SCORE_WORDS.has(unitB[0] ?? "")) continue;
    // «47,9 tỷ đồng/120,535 tỷ đồng»: the same unit on both sides, or no unit between.
    if (unitA.length > 0 && !startsWithWords(unitB, unitA)) continue;
    // Dates written as fractions: «ngày 24/8», «tháng 9/2021».
    const lead = wordBefore(sentence, a.start);
    if (DATE_WORDS.has(lead) && a.value <= 31 && b.value <= 12) continue;
    if (unitA.length === 0 && b.value >= 1900 && b.value <= 2100 && a.value <= 12) continue;
    fractions.set(i, { a: i, b: i + 1, unit: (unitA.length > 0 ? unitA : unitB).join(" ") });
  }
  const inFraction = new Set([...fractions.values()].flatMap((f) => [f.a, f.b]));
  for (const i of slashed) if (!inFraction.has(i) && tokens[i].role === "figure") tokens[i].role = "other";
  return fractions;
}

/** Between the fraction and its percentage: words and light punctuation, within one clause. */
function sameClause(gap: string, max: number): boolean {
  return gap.length <= max && !/[;:.!?…\d%]/.test(gap);
}

/** «a [unit], đạt [tỷ lệ …] c%» / «a [unit] (đạt c%)» / «(chiếm tỷ lệ c%)»: the percentage of a part. */
const PART_GAP = new RegExp(
  `^((?:\\s+\\p{L}+){0,${UNIT_WORDS}})\\s*[,(]\\s*(?:đạt|chiếm)(?:\\s+\\p{L}+){0,5}\\s*$`,
  "iu",
);

/**
 * The numbers of a sentence with their roles, the pieces of slashed things that are no fraction
 * (dates, symbols, scores) set to `other`.
 */
export function sentenceNumbers(sentence: string): NumberToken[] {
  const tokens = readNumbers(sentence);
  findFractions(sentence, tokens);
  return tokens;
}

/** Words right after a percentage that say what it rates («100% đúng hạn», «20% trực tuyến»). */
const QUALIFIER = /^\s+(đúng hạn|quá hạn|trước hạn|trễ hạn|chậm|trực tuyến)/iu;

/** The checkable claims of one sentence, in the order written. */
export function findClaims(sentence: string): PercentClaim[] {
  const tokens = readNumbers(sentence);
  const fractions = findFractions(sentence, tokens);
  const fractionOfB = new Map([...fractions.values()].map((f) => [f.b, f]));
  const inFraction = new Set([...fractions.values()].flatMap((f) => [f.a, f.b]));
  const claims: PercentClaim[] = [];
  // «76 (Đạt 90,4%)»: the excerpt closes the bracket it opened.
  const closing = (start: number, end: number) =>
    sentence.slice(start, end).includes("(") &&
    !sentence.slice(start, end).includes(")") &&
    sentence[end] === ")"
      ? end + 1
      : end;
  const figure = (t: NumberToken): WrittenFigure => ({ text: t.text, value: t.value });
  tokens.forEach((p, i) => {
    if (p.role !== "percent" || i === 0) return;
    const percent = { text: p.text, value: p.value, decimals: p.decimals };
    const previous = tokens[i - 1];
    const fraction = fractionOfB.get(i - 1);
    if (fraction) {
      if (!sameClause(sentence.slice(previous.end, p.start), 80)) return;
      const a = tokens[fraction.a];
      claims.push({
        shape: "fraction",
        numerator: figure(a),
        denominator: figure(previous),
        percent,
        excerpt: sentence.slice(a.start, closing(a.start, p.end)),
        start: a.start,
        end: closing(a.start, p.end),
        percentStart: p.start,
      });
      return;
    }
    // The part form: the part right before the percentage, the total before the part.
    if (i < 2 || previous.role !== "figure" || inFraction.has(i - 1)) return;
    const gap = PART_GAP.exec(sentence.slice(previous.end, p.start));
    if (!gap) return;
    const total = tokens[i - 2];
    if (total.role !== "figure" || inFraction.has(i - 2)) return;
    // A year is no total («năm 2020, … 95 …»).
    if (
      CALENDAR_WORDS.has(wordBefore(sentence, total.start)) ||
      CALENDAR_WORDS.has(wordBefore(sentence, previous.start))
    )
      return;
    // The total and the part in one sentence, clauses apart by commas only («…, trong đó …»).
    const between = sentence.slice(total.end, previous.start);
    if (between.length > 160 || !between.includes(",") || /[;:()]/.test(between)) return;
    // A part is at most its total, in the total's unit when the part names one.
    if (total.value <= 0 || previous.value > total.value) return;
    // «…, đã giải quyết 877 hồ sơ, đạt 100% đúng hạn»: the percentage says what it rates right
    // after it; a rate of another quantity than the part as written is not this claim's.
    const qualifier = QUALIFIER.exec(sentence.slice(p.end))?.[1]?.toLowerCase();
    if (qualifier && !sentence.slice(total.start, p.start).toLowerCase().includes(qualifier)) return;
    const unit = gap[1].trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (unit.length > 0 && !startsWithWords(wordsAfter(sentence, total.end), unit)) return;
    claims.push({
      shape: "part",
      numerator: figure(previous),
      denominator: figure(total),
      percent,
      excerpt: sentence.slice(previous.start, closing(previous.start, p.end)),
      start: previous.start,
      end: closing(previous.start, p.end),
      percentStart: p.start,
    });
  });
  return claims;
}
