/**
 * Figures kept compactly while hundreds of workbooks are read: a province's 170 communes, or
 * the country's 3,300, must fit one machine with memory that hardly grows with their number.
 * A figure set of a catalogue becomes typed arrays over the catalogue's indicators (about 2 KB
 * a unit instead of some 30 KB of objects), with cell references shared between units; it is
 * still a `Figures` map to every reader, the checks and the sums.
 */
import type { Catalogue } from "../catalogue";
import type { CellValue, FigureCell, Figures } from "../figures";
import type { InputEntry } from "./model";

const KIND = { absent: 0, blank: 1, number: 2, text: 3, boolean: 4, error: 5 } as const;

/** The same text once for every unit (cell references repeat from one workbook to the next). */
export type Interner = Map<string, string>;

function intern(interner: Interner, text: string): string {
  const known = interner.get(text);
  if (known !== undefined) return known;
  interner.set(text, text);
  return text;
}

/** A `Figures` map over typed arrays, indexed like the catalogue's indicators. */
class CompactFigures implements ReadonlyMap<string, FigureCell> {
  private readonly kinds: Uint8Array;
  private readonly numbers: Float64Array;
  private readonly cells: Array<string | undefined>;
  private readonly texts = new Map<number, string>();
  private readonly formulas = new Map<number, string>();
  private readonly notes = new Map<number, string>();
  readonly size: number;

  constructor(
    private readonly ids: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
    figures: Figures,
    interner: Interner,
  ) {
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

  private at(i: number): FigureCell | undefined {
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

  get(id: string): FigureCell | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.at(i);
  }

  has(id: string): boolean {
    const i = this.index.get(id);
    return i !== undefined && this.kinds[i] !== KIND.absent;
  }

  *entries(): MapIterator<[string, FigureCell]> {
    for (let i = 0; i < this.ids.length; i++) {
      const figure = this.at(i);
      if (figure) yield [this.ids[i], figure];
    }
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<FigureCell> {
    for (const [, figure] of this.entries()) yield figure;
  }

  [Symbol.iterator](): MapIterator<[string, FigureCell]> {
    return this.entries();
  }

  forEach(callback: (value: FigureCell, key: string, map: ReadonlyMap<string, FigureCell>) => void): void {
    for (const [id, figure] of this.entries()) callback(figure, id, this);
  }
}

/** The indicator ids and their positions, once per catalogue. */
const indexes = new WeakMap<Catalogue, { ids: string[]; index: Map<string, number> }>();

function indexOf(catalogue: Catalogue): { ids: string[]; index: Map<string, number> } {
  let found = indexes.get(catalogue);
  if (!found) {
    const ids = catalogue.indicators.map((i) => i.id);
    found = { ids, index: new Map(ids.map((id, i) => [id, i])) };
    indexes.set(catalogue, found);
  }
  return found;
}

/**
 * The same input with its figures kept compactly (the same figures to every reader). A refused
 * file is returned as it is. `interner` is shared by the inputs of one consolidation.
 */
export function compactEntry(entry: InputEntry, interner: Interner): InputEntry {
  if (!entry.ok) return entry;
  const { ids, index } = indexOf(entry.catalogue);
  return { ...entry, figures: new CompactFigures(ids, index, entry.figures, interner) };
}
