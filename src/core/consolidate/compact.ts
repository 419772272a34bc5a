/**
 * Figures kept compactly while hundreds of workbooks are read: a province's 170 communes, or
 * the country's 3,300, must fit one machine with memory that hardly grows with their number.
 * A figure set of a catalogue, and its evaluation, become typed arrays over the catalogue's
 * indicators (a few KB a unit instead of some 30 KB of objects), with cell references and notes
 * shared between units; they are still maps to every reader, the checks and the sums.
 */
import { tableFigureIds, type Catalogue } from "../catalogue";
import type { Evaluated } from "../evaluate";
import type { CellValue, FigureCell, Figures } from "../figures";
import type { InputEntry } from "./model";
import { checkPart } from "./parts";

const KIND = { absent: 0, blank: 1, number: 2, text: 3, boolean: 4, error: 5 } as const;

/** The same text once for every unit (cell references repeat from one workbook to the next). */
export type Interner = Map<string, string>;

function intern(interner: Interner, text: string): string {
  const known = interner.get(text);
  if (known !== undefined) return known;
  interner.set(text, text);
  return text;
}

/**
 * A read-only map by indicator id over storage indexed like the catalogue's indicators: the
 * subclass stores its values compactly and rebuilds one on each look-up.
 */
abstract class IndexedMap<V> implements ReadonlyMap<string, V> {
  abstract readonly size: number;

  constructor(
    protected readonly ids: readonly string[],
    protected readonly index: ReadonlyMap<string, number>,
  ) {}

  /** The value at the indicator's position; undefined when there is none. */
  protected abstract at(i: number): V | undefined;

  get(id: string): V | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.at(i);
  }

  has(id: string): boolean {
    const i = this.index.get(id);
    return i !== undefined && this.at(i) !== undefined;
  }

  *entries(): MapIterator<[string, V]> {
    for (let i = 0; i < this.ids.length; i++) {
      const value = this.at(i);
      if (value !== undefined) yield [this.ids[i], value];
    }
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [id, value] of this.entries()) callback(value, id, this);
  }
}

/** A `Figures` map over typed arrays, indexed like the catalogue's indicators. */
class CompactFigures extends IndexedMap<FigureCell> {
  private readonly kinds: Uint8Array;
  private readonly numbers: Float64Array;
  private readonly cells: Array<string | undefined>;
  private readonly texts = new Map<number, string>();
  private readonly formulas = new Map<number, string>();
  private readonly notes = new Map<number, string>();
  readonly size: number;

  constructor(
    ids: readonly string[],
    index: ReadonlyMap<string, number>,
    figures: Figures,
    interner: Interner,
  ) {
    super(ids, index);
    this.kinds = new Uint8Array(ids.length);
    this.numbers = new Float64Array(ids.length);
    this.cells = new Array<string | undefined>(ids.length);
    let size = 0;
    for (const [id, figure] of figures) {
      const i = index.get(id);
      if (i === undefined) continue;
      size++;
      this.cells[i] = intern(interner, figure.cell);
      const v = figure.value;
      this.kinds[i] = KIND[v.type];
      if (v.type === "number") this.numbers[i] = v.value;
      else if (v.type === "boolean") this.numbers[i] = v.value ? 1 : 0;
      else if (v.type === "text" || v.type === "error") this.texts.set(i, v.value);
      if (figure.formula !== undefined) this.formulas.set(i, intern(interner, figure.formula));
      if (figure.note !== undefined) this.notes.set(i, figure.note);
    }
    this.size = size;
  }

  protected at(i: number): FigureCell | undefined {
    const kind = this.kinds[i];
    if (kind === KIND.absent) return undefined;
    let value: CellValue;
    if (kind === KIND.number) value = { type: "number", value: this.numbers[i] };
    else if (kind === KIND.boolean) value = { type: "boolean", value: this.numbers[i] === 1 };
    else if (kind === KIND.text) value = { type: "text", value: this.texts.get(i)! };
    else if (kind === KIND.error) value = { type: "error", value: this.texts.get(i)! };
    else value = { type: "blank" };
    const figure: FigureCell = { id: this.ids[i], cell: this.cells[i]!, value };
    if (this.formulas.has(i)) figure.formula = this.formulas.get(i);
    if (this.notes.has(i)) figure.note = this.notes.get(i);
    return figure;
  }
}

/** An evaluation (`Evaluated` by id) over a typed array, indexed like the catalogue's indicators. */
class CompactEvaluation extends IndexedMap<Evaluated> {
  /** NaN where the value is a text (kept in `texts`) or absent (not in `present`). */
  private readonly numbers: Float64Array;
  private readonly present: Uint8Array;
  private readonly texts = new Map<number, string>();
  private readonly notes = new Map<number, string>();
  readonly size: number;

  constructor(
    ids: readonly string[],
    index: ReadonlyMap<string, number>,
    evaluated: ReadonlyMap<string, Evaluated>,
    interner: Interner,
  ) {
    super(ids, index);
    this.numbers = new Float64Array(ids.length);
    this.present = new Uint8Array(ids.length);
    let size = 0;
    for (const [id, { value, note }] of evaluated) {
      const i = index.get(id);
      if (i === undefined) continue;
      size++;
      this.present[i] = 1;
      if (typeof value === "number") this.numbers[i] = value;
      else this.texts.set(i, intern(interner, value));
      // The notes are a few sentences, the same for many units.
      if (note !== undefined) this.notes.set(i, intern(interner, note));
    }
    this.size = size;
  }

  protected at(i: number): Evaluated | undefined {
    if (!this.present[i]) return undefined;
    const text = this.texts.get(i);
    const evaluated: Evaluated = { value: text ?? this.numbers[i] };
    const note = this.notes.get(i);
    if (note !== undefined) evaluated.note = note;
    return evaluated;
  }
}

/** The indicator ids and their positions, once per catalogue. */
const indexes = new WeakMap<Catalogue, { ids: string[]; index: Map<string, number> }>();

function indexOf(catalogue: Catalogue): { ids: string[]; index: Map<string, number> } {
  let found = indexes.get(catalogue);
  if (!found) {
    // The tables' cells are figures too (`catalogue/tables.ts`).
    const ids = [...catalogue.indicators.map((i) => i.id), ...tableFigureIds(catalogue)];
    found = { ids, index: new Map(ids.map((id, i) => [id, i])) };
    indexes.set(catalogue, found);
  }
  return found;
}

/**
 * The same input, checked now and kept compactly: its figures (the same figures to every
 * reader) and its check result (`checkPart`: evaluation and counts, which the consolidation
 * would otherwise compute at the end), without the placement problems that only the checks look
 * at, and its documents as their values only (the consolidated list carries them). A province's hundreds of units are so folded in as they are read, each
 * holding a few kilobytes. A refused file is returned as it is. `interner` is shared by the
 * inputs of one consolidation.
 */
export function compactEntry(entry: InputEntry, interner: Interner): InputEntry {
  if (!entry.ok) return entry;
  const { ids, index } = indexOf(entry.catalogue);
  const checked = entry.checked ?? checkPart(entry);
  return {
    ok: true,
    source: entry.source,
    catalogue: entry.catalogue,
    figures: new CompactFigures(ids, index, entry.figures, interner),
    // Four small values a document (the cells they came from only served the checks, done now).
    documents: entry.documents.map(({ index, number, date, summary, note }) => ({
      index,
      number,
      date,
      summary,
      note,
      numberCell: "",
      dateCell: "",
    })),
    checked: { ...checked, evaluated: new CompactEvaluation(ids, index, checked.evaluated, interner) },
    ...(entry.consolidated ? { consolidated: entry.consolidated } : {}),
  };
}
