/**
 * Any thrown value → one readable sentence for the pane. Office errors
 * (`OfficeExtension.Error`: `code` + `message` + `debugInfo`) are matched by code, since their
 * messages are neither stable nor meant for users; errors the pane or the core raise on purpose
 * carry their own text; anything else gets a generic sentence with the original message, so the
 * user has something to send to support. Pure: no Office, no DOM.
 */
import { PaneError, type PaneErrorCode } from "./operations";
import { VI, type PaneStrings } from "./strings";

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  detail?: unknown;
  /** OtherCatalogueError: the installed and the wanted catalogue ids. */
  installed?: unknown;
  wanted?: unknown;
  debugInfo?: { code?: unknown; message?: unknown; errorLocation?: unknown };
}

const PANE_CODES: readonly PaneErrorCode[] = [
  "notInExcel",
  "notInstalled",
  "missingRequirements",
  "consolidationForm",
  "consolidationUnit",
];

/** Messages of a protected sheet or workbook, whatever code the host gives them. */
const PROTECTED = /\bprotect|bảo vệ/i;

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** Describes a thrown value in the table's language (Vietnamese by default). */
export function describeError(error: unknown, strings: PaneStrings = VI): string {
  const e: ErrorLike = typeof error === "object" && error !== null ? (error as ErrorLike) : {};
  const name = text(e.name);
  const message = typeof error === "string" ? error.trim() : text(e.message);

  if (error instanceof PaneError || (name === "PaneError" && PANE_CODES.includes(e.code as PaneErrorCode))) {
    const base = strings.errors.pane[e.code as PaneErrorCode];
    const detail = text(e.detail);
    return detail ? `${base} (${detail})` : base;
  }
  if (name === "NotInstalledError") return strings.errors.notInstalled;
  if (name === "ChunkLoadError") return strings.errors.download;
  // A document the proofreader cannot read: its reason is Vietnamese (src/docx/readText.ts).
  if (name === "DocumentReadError")
    return strings.lang === "vi" && message ? message : strings.errors.unreadableDocument;
  // A workbook to compare with, refused: its (Vietnamese) message names the file and why.
  if (name === "CompareRefusedError")
    return strings.lang === "vi" && message ? message : strings.errors.compareRefused;
  if (name === "OtherCatalogueError") return strings.errors.otherCatalogue(text(e.installed), text(e.wanted));
  if (name === "CatalogueError")
    return strings.errors.brokenCatalogue(message.split("\n").slice(1).join(" "));
  // The Excel adapter's own refusal, before any change: its (Vietnamese) message names what is missing.
  if (name === "UnsupportedExcelError") {
    return strings.lang === "vi" && message ? message : strings.errors.pane.missingRequirements;
  }

  // Office reports the precise code in debugInfo when the top-level one is generic.
  const codes = [text(e.code), text(e.debugInfo?.code)].filter(Boolean);
  const debugMessage = text(e.debugInfo?.message);
  if (codes.length > 0 && [message, debugMessage].some((m) => PROTECTED.test(m)))
    return strings.errors.office.AccessDenied;
  const has = (code: string) => Object.prototype.hasOwnProperty.call(strings.errors.office, code);
  const chosen = codes.find((code) => code !== "GeneralException" && has(code)) ?? codes.find(has);
  if (chosen) return strings.errors.office[chosen];

  if (!message && codes.length === 0) return strings.errors.empty;
  const detail = message || debugMessage;
  return strings.errors.unknown(detail ? strings.errors.detail(codes[0] ?? "", detail) : codes[0]);
}
