/**
 * The default form's file alone (`xa-2025`), without the other built-in forms or the catalogue
 * builder: `cchc --version` names it and should start as fast as Node itself (`npm run bench`).
 */
import xa2025 from "./data/xa-2025.json";

/** The default form of a new workbook. */
export const DEFAULT_CATALOGUE_ID = "xa-2025";

/** The default form's id and version, as its file states them (`xa-2025`, `2025.1`). */
export function defaultFormVersion(): { id: string; version: string } {
  const file = xa2025 as { id: string; version: string };
  return { id: file.id, version: file.version };
}
