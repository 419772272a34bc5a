/**
 * The samples of the built-in forms (data files beside them): the Đức Thọ Q3/2021 report for
 * `huyen-2021` (the seed's figures) and the fictional Xã Thử Nghiệm for `xa-2025`. They feed
 * `cchc template --sample`, `cchc demo` and the tests. A missing id is a figure the sample does
 * not state; tu_ngay and den_ngay are left to their period formulas.
 */
import huyenSample from "./data/huyen-2021.sample.json";
import xaSample from "./data/xa-2025.sample.json";
import { LEGACY_IDS } from "./builtins";

/** A directive document of the "Danh mục văn bản" list. Dates are ISO `YYYY-MM-DD`. */
export interface SampleDocument {
  number: string;
  date: string;
  summary: string;
}

export interface Sample {
  /** The catalogue id the sample is for. */
  catalogue: string;
  description: string;
  /**
   * Typed values by figure id: an indicator's id, a table cell's `<table>.<row>.<column>` or an
   * extra row's label `<table>.x<n>` (see tables.ts); install types each at its defined name.
   */
  figures: Readonly<Record<string, number | string>>;
  documents: readonly SampleDocument[];
  /** Last year's self-assessment score by criterion code. */
  lastYear: Readonly<Record<string, number>>;
}

const SAMPLES: readonly Sample[] = [huyenSample as Sample, xaSample as Sample];

/** The sample of a built-in catalogue (a legacy id: its catalogue's), or undefined. */
export function sampleOf(catalogueId: string): Sample | undefined {
  const id = LEGACY_IDS[catalogueId] ?? catalogueId;
  // The old commune subset is filled from the district's sample: its rows are a part of them.
  return SAMPLES.find((s) => s.catalogue === (id === "cchc-xa" ? "huyen-2021" : id));
}

/** The Đức Thọ Q3/2021 figures (the seed report's). */
export const SAMPLE_FIGURES = huyenSample.figures as Readonly<Record<string, number | string>>;

/** The documents the seed names inside Q3/2021's data period (15/06–14/09). */
export const SAMPLE_DOCUMENTS: readonly SampleDocument[] = huyenSample.documents;

/** A document the seed names outside the period (the check must flag it). */
export const OUT_OF_PERIOD_DOCUMENT: SampleDocument = huyenSample.outOfPeriodDocument;
