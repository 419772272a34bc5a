/** The shape of the CCHC catalogue: data from which sheets, checks and report rows derive. */
import type { CheckRule, CheckRuleFile, Severity } from "../checkTypes";
import type { Outline } from "./outline";

export type { Outline, OutlinePart, OutlineParagraph } from "./outline";

export type IndicatorKind = "count" | "money" | "ratio" | "text" | "date" | "choice" | "percent";

/** The administrative level a catalogue is for: xã (commune, ward, special zone), huyện (before 1/7/2025), tỉnh. */
export type CatalogueLevel = "xa" | "huyen" | "tinh";

/**
 * How a figure consolidates over units and periods (docs/reporting-rules.md): summed (flow), the latest
 * period's value (stock, at the period's end) or the earliest period's (opening, at its start).
 */
export type Aggregate = "flow" | "stock" | "opening";

/** A ratio argument: an indicator id, or a list of ids that are summed (blank as 0). */
export type RatioArg = string | readonly string[];

/** A ratio is always one of the core's computations over two arguments. */
export interface RatioFormula {
  fn: "TYLE" | "DUNGHAN";
  args: readonly [RatioArg, RatioArg];
}

/** A date computed from the period unless the user types one (CCHC.TUNGAY / CCHC.DENNGAY). */
export type DerivedDate = "TUNGAY" | "DENNGAY";

/**
 * A target a province sets for an indicator (Hà Nội for its wards: ≥ 60 % of dossiers received
 * online): the value in the indicator's own terms (a ratio as a fraction, 0.6 for 60 %; a count
 * in its unit) and which side of it is met. `check` warns of a target missed; Phụ lục I prints it.
 */
export interface IndicatorTarget {
  value: number;
  /** `higher`: the figure meets the target when ≥ value; `lower`: when ≤ value. */
  better: "higher" | "lower";
}

export interface Indicator {
  /** Stable id: lower-case ASCII and `_`; stored in workbooks as the name `CCHC_<ID>`. */
  id: string;
  /** Vietnamese label with full diacritics. */
  label: string;
  unit: string;
  kind: IndicatorKind;
  /** Section id (see `SECTIONS`). */
  section: string;
  /** A component row (printed with `-`) of this indicator. */
  parent?: string;
  formula?: RatioFormula;
  choices?: readonly string[];
  derived?: DerivedDate;
  /** Help shown as the input prompt. */
  hint?: string;
  /**
   * How the figure consolidates (docs/reporting-rules.md): `flow` (what happened in the period: summed over
   * units and over periods) or `stock` (a state at the period's end: summed over units, the
   * latest period's value over periods) or `opening` (a state at the period's start, such as
   * dossiers carried over from the previous period: summed over units, the earliest period's
   * value over periods). Default: flow for count and money.
   */
  aggregate?: Aggregate;
  /**
   * For an `opening` figure: the id of the `stock` figure it continues, the same state at the
   * previous period's end (hồ sơ từ kỳ trước chuyển sang = the previous period's hồ sơ đang giải
   * quyết). A consolidation over periods warns when a part's opening differs from the previous
   * part's closing figure.
   */
  openingOf?: string;
  /**
   * A row the report cannot go without: blank, it is an error of `check` naming its cell
   * (src/core/requiredFindings.ts). The program's own Thông tin chung requires the issuing body,
   * the period and the year of every form.
   */
  required?: boolean;
  /**
   * For a `percent` figure (a percentage typed without its parts, «96,8%»): the largest value
   * allowed, in percent (default 100; e.g. 150 for a rate that may exceed its plan).
   */
  max?: number;
  /**
   * For a `percent` figure: the id of the count indicator that weighs it when reports are
   * consolidated (Σ(rate × weight) / Σ weight over units and periods). Without it the
   * percentage is not combined: the consolidated cell stays blank (docs/reporting-rules.md).
   */
  weightedBy?: string;
  /** The province's target for the figure (see `IndicatorTarget`); numeric kinds only. */
  target?: IndicatorTarget;
}

export interface Section {
  id: string;
  /** The number printed in the report (`1` … `11`); empty for the metadata. */
  number: string;
  title: string;
  /** Key of the input sheet that holds the section. */
  sheet: string;
}

export interface InputSheetDef {
  key: string;
  /** Sheet name (≤ 31 characters, none of : \ / ? * [ ]). */
  name: string;
  title: string;
}

// Severity and the checks' shapes (`CheckRule`, `CheckRuleFile`) are the check types' own:
// core/checkTypes, one module a type.
export type { CheckRule, CheckRuleFile, Severity };

/** A criterion of the PAR index self-assessment ("Chỉ số CCHC"). */
export interface Criterion {
  /** Stable code, e.g. `TC_TTHC_DUNGHAN`. */
  code: string;
  label: string;
  max: number;
  /** 0 proportional, 1 all-or-nothing at the threshold, 2 proportional from the threshold. */
  method: 0 | 1 | 2;
  threshold?: number;
  /** The indicator whose value is the rate; without it the score is typed. */
  rateFrom?: string;
  /** A sample's result of the year before (set from a sample file, never from a catalogue file). */
  lastYear?: number;
}

/**
 * A catalogue ready for use: the file's form (docs/catalogue-format.md) with the program's own
 * "Thông tin chung" block (sheet `info`, section `0`, its indicators and its checks) in front.
 */
export interface Catalogue {
  /** Lower-case ASCII, digits, `-` and `_`; stable across versions. */
  id: string;
  version: string;
  title: string;
  level: CatalogueLevel;
  /** ISO dates (YYYY-MM-DD) bounding the periods this form is for. */
  validFrom?: string;
  validTo?: string;
  /**
   * ISO date (YYYY-MM-DD): the day the form's units began (the communes, wards and special zones
   * of the two-tier system: 2025-07-01). A period's data window starts no earlier, and a period
   * ending before it cannot be reported (docs/reporting-rules.md, issue 21).
   */
  unitsFrom?: string;
  sections: readonly Section[];
  sheets: readonly InputSheetDef[];
  indicators: readonly Indicator[];
  checks: readonly CheckRule[];
  criteria: readonly Criterion[];
  /** The narrative report's headings and sentence templates (`cchc draft`); optional. */
  outline?: Outline;
  /** Tables of figures by row and column (one-stop statistics by field); optional. */
  tables?: readonly TableDef[];
}

/** A row of a table: a field (lĩnh vực), a deciding authority … */
export interface TableRow {
  /** Lower-case ASCII, digits and `_`; not `x<n>` (the unit's extra rows take those). */
  id: string;
  label: string;
}

/** A column of a table: one figure of every row, optionally summing up to an indicator. */
export interface TableColumn {
  /** Lower-case ASCII, digits and `_`. */
  id: string;
  label: string;
  /** A heading over adjacent columns with the same group (`Tiếp nhận`, `Đã giải quyết`). */
  group?: string;
  /**
   * The indicator the column sums to (its cells over every row, extra rows included, must equal
   * it); its `aggregate` is also how the column consolidates over periods.
   */
  total?: string;
  /** How the column consolidates over periods when it has no total (default flow). */
  aggregate?: Aggregate;
}

/**
 * A table kind of figure (docs/catalogue-format.md, "Tables"): each cell a named input
 * `CCHC_T_<TABLE>_<ROW>_<COL>` of the kind `kind` (count by default), laid out on its own input
 * sheet, its column sums checked against the totals, consolidated cell by cell, printed as an
 * appendix of its own.
 */
export interface TableDef {
  /** Lower-case ASCII, digits and `_`. */
  id: string;
  title: string;
  /** Key of the input sheet that holds the table (a sheet of tables holds no section). */
  sheet: string;
  /** The section the table belongs to (the draft prints it after the section's sentences). */
  section?: string;
  /** The unit of every cell, e.g. `hồ sơ`. */
  unit: string;
  /** The heading of the label column (`Lĩnh vực`); default «Nội dung». */
  rowHeading?: string;
  /** count (default) or money. */
  kind?: "count" | "money";
  rows: readonly TableRow[];
  columns: readonly TableColumn[];
  /** Rows a unit may add at the end, each with its own label (`x1`, `x2` …); default 0. */
  extraRows?: number;
}

/** An indicator as a catalogue file writes it. */
export interface IndicatorFile {
  id: string;
  label: string;
  unit: string;
  kind: IndicatorKind;
  section: string;
  parent?: string;
  formula?: { fn: "TYLE" | "DUNGHAN"; args: [string | string[], string | string[]] };
  choices?: string[];
  aggregate?: Aggregate;
  /** See `Indicator.openingOf`. */
  openingOf?: string;
  hint?: string;
  /** See `Indicator.required`. */
  required?: boolean;
  /** See `Indicator.max`. */
  max?: number;
  /** See `Indicator.weightedBy`. */
  weightedBy?: string;
  /** See `Indicator.target`. */
  target?: IndicatorTarget;
}

/**
 * A catalogue file (docs/catalogue-format.md; `catalogue.schema.json` is its schema): a province's
 * form without the program's "Thông tin chung" block. Field names are a contract.
 */
export interface CatalogueFile {
  id: string;
  version: string;
  title: string;
  level: CatalogueLevel;
  validFrom?: string;
  validTo?: string;
  /** See `Catalogue.unitsFrom`. */
  unitsFrom?: string;
  sheets: InputSheetDef[];
  sections: Section[];
  indicators: IndicatorFile[];
  checks: CheckRuleFile[];
  criteria: Array<Omit<Criterion, "lastYear">>;
  outline?: Outline;
  /** See `Catalogue.tables`. */
  tables?: TableDef[];
}
