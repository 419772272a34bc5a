/**
 * Figures kept compactly while hundreds of workbooks are read: a province's 170 communes, or
 * the country's 3,300, must fit one machine with memory that hardly grows with their number.
 * A figure set of a catalogue, and its evaluation, become typed arrays over the catalogue's
 * indicators (a few KB a unit instead of some 30 KB of objects), with cell references and notes
 * shared between units; they are still maps to every reader, the checks and the sums.
 */
import { tableFigureIds, type Catalogue } from "../catalogue";
import type { Evaluated } from "../evaluate";
import type { CellValue, DocumentRow, FigureCell, Figures } from "../figures";
import type { InputEntry } from "./model";
import { checkPart } from "./parts";

const KIND = { absent: 0, blank: 1, number: 2, text: 3, boolean: 4, error: 5 } as const;

/**
 * The same text once for every unit (cell references repeat from one workbook to the next),
 * each with a number: a figure's text is kept as its number in the unit's block (`textNumber`).
 */
export interface Interner {
  /** Each text's number, its index in `texts`. */
  numbers: Map<string, number>;
  texts: string[];
}

/** An empty interner, for the inputs of one consolidation. */
export function newInterner(): Interner {
  return { numbers: new Map(), texts: [] };
}

/** The text's number in `interner`, given one when it is new. */
function textNumber(interner: Interner, text: string): number {
  let n = interner.numbers.get(text);
  if (n === undefined) {
    n = interner.texts.push(text) - 1;
    interner.numbers.set(text, n);
  }
  return n;
}

/** The one copy of `text` the units share. */
function intern(interner: Interner, text: string): string {
  return interner.texts[textNumber(interner, text)];
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

/**
 * What the units of one form share, by indicator position: the cell each figure is read from
 * and its formula, as the first unit giving one had them (the same in nearly every unit's copy
 * of the form), so that a unit keeps only where its own differ.
 */
interface Usual {
  cells: Array<string | undefined>;
  formulas: Array<string | undefined>;
}

/** A kind's bit saying the figure has a formula. */
const FORMULA_BIT = 0x80;

/**
 * A few values by indicator position, as two short arrays rather than a map (the cells,
 * formulas and notes a unit has unlike the usual ones, the evaluation's texts that are not a
 * figure's: a handful where a unit has any; a map's table would cost more than they do).
 */
class Sparse<V> {
  private at: number[] = [];
  private values: V[] = [];

  set(i: number, value: V): void {
    this.at.push(i);
    this.values.push(value);
  }

  /**
   * Drops the room pushing left for more (an array pushed to holds 16 at least): a unit's
   * values are kept to the end of a consolidation, 3,300 times over the country.
   */
  trim(): void {
    this.at = this.at.slice();
    this.values = this.values.slice();
  }

  get(i: number): V | undefined {
    const k = this.at.indexOf(i);
    return k < 0 ? undefined : this.values[k];
  }
}

/**
 * Blocks the units' numbers are carved from (`unitBuffer`): one block, seen as numbers, codes
 * and bytes, holds some fifty units, where a buffer of its own for each unit cost an
 * ArrayBuffer, three views and the native record behind them (some 500 bytes, a third of the
 * unit's numbers themselves) — 1.6 MB more at the country's 3,300 units (issue 19).
 */
interface Slab {
  numbers: Float64Array;
  floats: Float32Array;
  held: Uint16Array;
  bytes: Uint8Array;
}

/** A block's bytes: some fifty units of a hundred indicators; a larger unit gets a block of its own. */
const SLAB_BYTES = 1 << 16;

/**
 * One unit's place in a block: the evaluated numbers that are not a figure's own (its ratios, a
 * dozen) from `numbers[ownAt]`; its figures' numbers (a text's: its number in the interner)
 * from `floats[figuresAt]` when `narrow` (each one a 32-bit float exactly: counts, most
 * amounts), else from `numbers[figuresAt]`; the evaluation's `HELD` codes from `held[heldAt]`,
 * or from `bytes[heldAt]` when `heldBytes` (every code under 256: a unit's own numbers are a
 * dozen); the figures' kinds from `bytes[kindsAt]`. Zero until written (a fresh block's bytes; a
 * place is never handed out twice): absent kinds and codes.
 */
interface UnitBuffer {
  slab: Slab;
  ownAt: number;
  narrow: boolean;
  figuresAt: number;
  heldBytes: boolean;
  heldAt: number;
  kindsAt: number;
}

/** A `Figures` map over typed arrays, indexed like the catalogue's indicators. */
class CompactFigures extends IndexedMap<FigureCell> {
  /** `KIND` of each figure (`kinds[kindsAt + i]`), with FORMULA_BIT when it has a formula. */
  readonly kinds: Uint8Array;
  readonly kindsAt: number;
  /**
   * Each figure's number, `numbers[numbersAt + i]` (32-bit floats when each one is exactly
   * one); a text's or an error's is its number among the interner's `texts`. Kept there, a
   * unit's dozen texts cost no arrays of their own (some 300 bytes a unit, 1 MB over the
   * country's 3,300 units, issue 19).
   */
  readonly numbers: Float64Array | Float32Array;
  readonly numbersAt: number;
  /** The interner's texts (shared by every unit). */
  private readonly texts: readonly string[];
  /** Cells, formulas and notes unlike the usual ones: only where a unit has any. */
  private ownCells?: Sparse<string>;
  private ownFormulas?: Sparse<string>;
  private notes?: Sparse<string>;
  readonly size: number;

  constructor(
    ids: readonly string[],
    index: ReadonlyMap<string, number>,
    private readonly usual: Usual,
    figures: Figures,
    buffer: UnitBuffer,
    interner: Interner,
  ) {
    super(ids, index);
    this.kinds = buffer.slab.bytes;
    this.kindsAt = buffer.kindsAt;
    this.numbers = buffer.narrow ? buffer.slab.floats : buffer.slab.numbers;
    this.numbersAt = buffer.figuresAt;
    this.texts = interner.texts;
    const k0 = this.kindsAt;
    const n0 = this.numbersAt;
    let size = 0;
    for (const [id, figure] of figures) {
      const i = index.get(id);
      if (i === undefined) continue;
      size++;
      const cell = intern(interner, figure.cell);
      usual.cells[i] ??= cell;
      if (usual.cells[i] !== cell) (this.ownCells ??= new Sparse()).set(i, cell);
      const v = figure.value;
      this.kinds[k0 + i] = KIND[v.type];
      if (v.type === "number") this.numbers[n0 + i] = v.value;
      else if (v.type === "boolean") this.numbers[n0 + i] = v.value ? 1 : 0;
      // Thông tin chung's texts (the period, the province, the signer's title) repeat from unit to unit.
      else if (v.type === "text" || v.type === "error") this.numbers[n0 + i] = textNumber(interner, v.value);
      if (figure.formula !== undefined) {
        this.kinds[k0 + i] |= FORMULA_BIT;
        const formula = intern(interner, figure.formula);
        usual.formulas[i] ??= formula;
        if (usual.formulas[i] !== formula) (this.ownFormulas ??= new Sparse()).set(i, formula);
      }
      if (figure.note !== undefined) (this.notes ??= new Sparse()).set(i, figure.note);
    }
    for (const sparse of [this.ownCells, this.ownFormulas, this.notes]) sparse?.trim();
    this.size = size;
  }

  /** The text of the figure at position `i`, a text or an error. */
  textAt(i: number): string {
    return this.texts[this.numbers[this.numbersAt + i]];
  }

  protected at(i: number): FigureCell | undefined {
    const kinds = this.kinds[this.kindsAt + i];
    const kind = kinds & ~FORMULA_BIT;
    if (kind === KIND.absent) return undefined;
    let value: CellValue;
    if (kind === KIND.number) value = { type: "number", value: this.numbers[this.numbersAt + i] };
    else if (kind === KIND.boolean)
      value = { type: "boolean", value: this.numbers[this.numbersAt + i] === 1 };
    else if (kind === KIND.text) value = { type: "text", value: this.textAt(i) };
    else if (kind === KIND.error) value = { type: "error", value: this.textAt(i) };
    else value = { type: "blank" };
    const cell = this.ownCells?.get(i) ?? this.usual.cells[i]!;
    const figure: FigureCell = { id: this.ids[i], cell, value };
    if (kinds & FORMULA_BIT) figure.formula = this.ownFormulas?.get(i) ?? this.usual.formulas[i];
    const note = this.notes?.get(i);
    if (note !== undefined) figure.note = note;
    return figure;
  }
}

/**
 * How an evaluated value is kept (`CompactEvaluation`); from OWN_NUMBER on, the evaluated number
 * is the unit's own `numbers[ownAt + held − OWN_NUMBER]`.
 */
const HELD = { absent: 0, figureNumber: 1, figureText: 2, emptyText: 3, text: 4 } as const;
const OWN_NUMBER = 5;

/** Whether an evaluated value is a number the figure at its position holds already. */
function isFigureNumber(figure: FigureCell | undefined, value: number | string): boolean {
  return figure?.value.type === "number" && Object.is(figure.value.value, value);
}

/**
 * An evaluation (`Evaluated` by id) over the unit's compact figures: most values are a figure's
 * own number or text, kept once there, or the empty text of a blank; the others (ratios, dates
 * worked out) on their own.
 */
class CompactEvaluation extends IndexedMap<Evaluated> {
  private readonly held: Uint16Array | Uint8Array;
  private readonly heldAt: number;
  /** The evaluated numbers of its own, `numbers[ownAt + held − OWN_NUMBER]`. */
  private readonly numbers: Float64Array;
  private readonly ownAt: number;
  private texts?: Sparse<string>;
  private notes?: Sparse<string>;
  readonly size: number;

  constructor(
    ids: readonly string[],
    index: ReadonlyMap<string, number>,
    private readonly figures: CompactFigures,
    evaluated: ReadonlyMap<string, Evaluated>,
    buffer: UnitBuffer,
    interner: Interner,
  ) {
    super(ids, index);
    this.held = buffer.heldBytes ? buffer.slab.bytes : buffer.slab.held;
    this.heldAt = buffer.heldAt;
    this.numbers = buffer.slab.numbers;
    this.ownAt = buffer.ownAt;
    const { kinds, kindsAt, numbers, numbersAt } = figures;
    const h0 = this.heldAt;
    let own = 0;
    let size = 0;
    for (const [id, { value, note }] of evaluated) {
      const i = index.get(id);
      if (i === undefined) continue;
      size++;
      const kind = kinds[kindsAt + i] & ~FORMULA_BIT;
      if (typeof value === "number") {
        // Object.is: a figure's −0 or NaN is kept as itself, never another number's.
        if (kind === KIND.number && Object.is(numbers[numbersAt + i], value))
          this.held[h0 + i] = HELD.figureNumber;
        else {
          this.numbers[this.ownAt + own] = value;
          this.held[h0 + i] = OWN_NUMBER + own;
          own++;
        }
      } else if (kind === KIND.text && figures.textAt(i) === value) this.held[h0 + i] = HELD.figureText;
      else if (value === "") this.held[h0 + i] = HELD.emptyText;
      else {
        this.held[h0 + i] = HELD.text;
        (this.texts ??= new Sparse()).set(i, intern(interner, value));
      }
      // The notes are a few sentences, the same for many units.
      if (note !== undefined) (this.notes ??= new Sparse()).set(i, intern(interner, note));
    }
    this.texts?.trim();
    this.notes?.trim();
    this.size = size;
  }

  protected at(i: number): Evaluated | undefined {
    const held = this.held[this.heldAt + i];
    if (held === HELD.absent) return undefined;
    const value =
      held === HELD.figureNumber
        ? this.figures.numbers[this.figures.numbersAt + i]
        : held === HELD.figureText
          ? this.figures.textAt(i)
          : held === HELD.emptyText
            ? ""
            : held === HELD.text
              ? this.texts!.get(i)!
              : this.numbers[this.ownAt + held - OWN_NUMBER];
    const evaluated: Evaluated = { value };
    const note = this.notes?.get(i);
    if (note !== undefined) evaluated.note = note;
    return evaluated;
  }
}

function newSlab(bytes: number): Slab {
  const buffer = new ArrayBuffer(bytes);
  return {
    numbers: new Float64Array(buffer),
    floats: new Float32Array(buffer),
    held: new Uint16Array(buffer),
    bytes: new Uint8Array(buffer),
  };
}

/** The block units are being carved from, and the bytes of it handed out (a multiple of 8). */
let slab: Slab | undefined;
let slabUsed = 0;

/**
 * The place of a unit of `count` indicators whose evaluation has `own` numbers of its own: its
 * numbers first (8-byte aligned), then the codes (a byte each when every one fits), then the
 * kinds, in the current block or a new one. A block lives as long as one of its units.
 */
function unitBuffer(count: number, own: number, narrow: boolean): UnitBuffer {
  const heldBytes = OWN_NUMBER + own <= 0xff;
  // Rounded up to 8 bytes: the next unit's numbers stay aligned.
  const bytes = Math.ceil((8 * own + (narrow ? 4 : 8) * count + (heldBytes ? 2 : 3) * count) / 8) * 8;
  if (bytes > SLAB_BYTES) return placeIn(newSlab(bytes), 0, count, own, narrow, heldBytes);
  if (!slab || slabUsed + bytes > SLAB_BYTES) {
    slab = newSlab(SLAB_BYTES);
    slabUsed = 0;
  }
  const place = placeIn(slab, slabUsed, count, own, narrow, heldBytes);
  slabUsed += bytes;
  return place;
}

function placeIn(
  slab: Slab,
  at: number,
  count: number,
  own: number,
  narrow: boolean,
  heldBytes: boolean,
): UnitBuffer {
  const figures = at + 8 * own;
  // 4-byte aligned: a 16-bit code's place is whole.
  const held = figures + (narrow ? 4 : 8) * count;
  return {
    slab,
    ownAt: at / 8,
    narrow,
    figuresAt: figures / (narrow ? 4 : 8),
    heldBytes,
    heldAt: heldBytes ? held : held / 2,
    kindsAt: held + (heldBytes ? 1 : 2) * count,
  };
}

/**
 * Whether every number among `figures` is a 32-bit float exactly (−0 and NaN as themselves),
 * and so is the number of each text: the unit's texts, cells and formulas not yet interned are
 * numbered past the last, three a figure at most.
 */
function fitsFloat32(figures: Figures, interner: Interner): boolean {
  if (interner.texts.length + 3 * figures.size >= FLOAT32_INTEGERS) return false;
  for (const { value } of figures.values())
    if (value.type === "number" && !Object.is(Math.fround(value.value), value.value)) return false;
  return true;
}

/** 2^24: every integer below is a 32-bit float exactly. */
const FLOAT32_INTEGERS = 1 << 24;

/** The documents of every unit that lists none: read only (`ReadWorkbook.documents`). */
const NO_DOCUMENTS: readonly DocumentRow[] = Object.freeze([]);

/** The indicator ids and their positions, once per catalogue. */
const indexes = new WeakMap<Catalogue, { ids: string[]; index: Map<string, number>; usual: Usual }>();

function indexOf(catalogue: Catalogue): { ids: string[]; index: Map<string, number>; usual: Usual } {
  let found = indexes.get(catalogue);
  if (!found) {
    // The tables' cells are figures too (`catalogue/tables.ts`).
    const ids = [...catalogue.indicators.map((i) => i.id), ...tableFigureIds(catalogue)];
    const usual: Usual = { cells: new Array(ids.length), formulas: new Array(ids.length) };
    found = { ids, index: new Map(ids.map((id, i) => [id, i])), usual };
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
  const { ids, index, usual } = indexOf(entry.catalogue);
  const checked = entry.checked ?? checkPart(entry);
  let own = 0;
  for (const [id, { value }] of checked.evaluated) {
    if (typeof value === "number" && index.has(id) && !isFigureNumber(entry.figures.get(id), value)) own++;
  }
  const buffer = unitBuffer(ids.length, own, fitsFloat32(entry.figures, interner));
  const figures = new CompactFigures(ids, index, usual, entry.figures, buffer, interner);
  return {
    ok: true,
    source: entry.source,
    catalogue: entry.catalogue,
    figures,
    // Four small values a document (the cells they came from only served the checks, done now);
    // a unit without any shares one empty list (an array of its own is 32 bytes, kept to the end).
    documents:
      entry.documents.length === 0
        ? NO_DOCUMENTS
        : entry.documents.map(({ index, number, date, summary, note }) => ({
            index,
            number,
            date,
            summary,
            note,
            numberCell: "",
            dateCell: "",
          })),
    checked: {
      ...checked,
      evaluated: new CompactEvaluation(ids, index, figures, checked.evaluated, buffer, interner),
    },
    ...(entry.consolidated ? { consolidated: entry.consolidated } : {}),
  };
}
