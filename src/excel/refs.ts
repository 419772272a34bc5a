/**
 * Cell references as Office.js hands them out (`Range.address`: `Sheet1!D12`,
 * `'1. Chỉ đạo điều hành'!D12:E13`) and as the core writes them (`cellRef`: always quoted).
 */
import { cellRef } from "../core/figures";

export interface SplitRef {
  /** The sheet name, unquoted; null for an address without a sheet. */
  sheet: string | null;
  /** The address on the sheet, without `$`, e.g. `D12` or `A1:F10`. */
  address: string;
}

/** Splits `'It''s'!$D$12` into `{ sheet: "It's", address: "D12" }`. */
export function splitRef(ref: string): SplitRef {
  const text = ref.trim().replace(/^=/, "");
  let sheet: string | null = null;
  let rest = text;
  if (text.startsWith("'")) {
    // A quoted name ends at the first quote that is not doubled.
    let i = 1;
    let name = "";
    for (; i < text.length; i++) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i++;
          continue;
        }
        break;
      }
      name += text[i];
    }
    if (text[i + 1] !== "!") throw new Error(`Not a cell reference: ${ref}`);
    sheet = name;
    rest = text.slice(i + 2);
  } else {
    const bang = text.lastIndexOf("!");
    if (bang >= 0) {
      sheet = text.slice(0, bang);
      rest = text.slice(bang + 1);
    }
  }
  return { sheet, address: rest.replace(/\$/g, "").toUpperCase() };
}

/** `Sheet1!$D$12` (Office.js) → `'Sheet1'!D12` (the core's form), so both adapters agree. */
export function normalizeRef(rangeAddress: string): string {
  const { sheet, address } = splitRef(rangeAddress);
  if (sheet === null) throw new Error(`A reference without its sheet: ${rangeAddress}`);
  return cellRef(sheet, address);
}
