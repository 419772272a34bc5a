/**
 * What the running Excel supports, by requirement set, and a Vietnamese message for what is
 * missing. Calling an API that the host lacks makes the whole batch fail at `context.sync()`
 * ("ApiNotFound"), so the adapter asks first and leaves out what it cannot do: an older Excel
 * still gets the sheets, the names and the formulas, without data validation or page setup.
 */

export type Capability =
  /** Defined names, `*OrNullObject`, used ranges (ExcelApi 1.4): without them nothing works. */
  | "core"
  /** Freeze panes and tab colours (ExcelApi 1.7). */
  | "freezePanes"
  /** Data validation with prompts and error alerts (ExcelApi 1.8). */
  | "dataValidation"
  /** Page layout, print area and titles, headers, indent levels (ExcelApi 1.9). */
  | "pageLayout"
  /** `suspendApiCalculationUntilNextSync` (ExcelApi 1.6): speed only. */
  | "suspendCalculation"
  /** `suspendScreenUpdatingUntilNextSync` (ExcelApi 1.9): speed only. */
  | "suspendScreenUpdating"
  /** `Workbook.use1904DateSystem` (ExcelApi 1.16): dates of a workbook in the 1904 date system. */
  | "dateSystem";

export type Capabilities = Readonly<Record<Capability, boolean>>;

interface Requirement {
  capability: Capability;
  version: string;
  /** What the user loses, in Vietnamese; empty for speed-only features (not worth a message). */
  what: string;
  /** Without it the operation cannot run at all. */
  required: boolean;
}

export const REQUIREMENTS: readonly Requirement[] = [
  { capability: "core", version: "1.4", what: "tên ô CCHC_… và đọc, ghi các trang tính", required: true },
  { capability: "suspendCalculation", version: "1.6", what: "", required: false },
  {
    capability: "freezePanes",
    version: "1.7",
    what: "cố định dòng tiêu đề và màu thẻ trang tính",
    required: false,
  },
  {
    capability: "dataValidation",
    version: "1.8",
    what: "ràng buộc dữ liệu nhập (số nguyên, số, danh sách, ngày) kèm lời nhắc",
    required: false,
  },
  {
    capability: "pageLayout",
    version: "1.9",
    what: "thiết lập trang in (khổ A4, lề, vùng in, số trang) và thụt lề chỉ tiêu con",
    required: false,
  },
  { capability: "suspendScreenUpdating", version: "1.9", what: "", required: false },
  // Only a workbook saved in the 1904 date system (rare) is affected: not worth a message to all.
  { capability: "dateSystem", version: "1.16", what: "", required: false },
];

export const ALL_CAPABILITIES: Capabilities = Object.freeze(
  Object.fromEntries(REQUIREMENTS.map((r) => [r.capability, true])) as Record<Capability, boolean>,
);

/** The capabilities of a host, from its `isSetSupported` (Office.context.requirements). */
export function detectCapabilities(
  isSetSupported: (name: string, minVersion: string) => boolean,
): Capabilities {
  return Object.fromEntries(
    REQUIREMENTS.map((r) => [r.capability, isSetSupported("ExcelApi", r.version)]),
  ) as Record<Capability, boolean>;
}

/**
 * The capabilities of the Excel the add-in runs in. Outside Office (unit tests, the command
 * line) there is no `Office` global: the caller then passes capabilities explicitly, or gets
 * everything (the in-memory fake implements every set).
 */
export function hostCapabilities(): Capabilities {
  if (typeof Office === "undefined" || !Office.context?.requirements) return ALL_CAPABILITIES;
  const requirements = Office.context.requirements;
  return detectCapabilities((name, version) => requirements.isSetSupported(name, version));
}

/** Whether installing and checking can run at all. */
export function canRun(capabilities: Capabilities): boolean {
  return REQUIREMENTS.every((r) => !r.required || capabilities[r.capability]);
}

/**
 * A Vietnamese message for the task pane: null when nothing the user would notice is missing;
 * otherwise what cannot be done and which Excel API version it needs.
 */
export function missingCapabilitiesMessage(capabilities: Capabilities): string | null {
  const missing = REQUIREMENTS.filter((r) => r.what && !capabilities[r.capability]);
  if (missing.length === 0) return null;
  const list = missing.map((r) => `${r.what} (cần ExcelApi ${r.version})`).join("; ");
  if (!canRun(capabilities)) {
    return `Phiên bản Excel này quá cũ, không cài đặt được các trang CCHC: thiếu ${list}. Hãy dùng Excel 2016 trở lên, Excel cho Microsoft 365 hoặc Excel trên web.`;
  }
  return `Phiên bản Excel này chưa hỗ trợ: ${list}. Các trang CCHC vẫn được cài và kiểm tra bình thường, chỉ thiếu những phần trên; cập nhật Excel để có đủ.`;
}

/** Thrown before any change when the host cannot run the operation; its message is for the user. */
export class UnsupportedExcelError extends Error {
  constructor(capabilities: Capabilities) {
    super(missingCapabilitiesMessage(capabilities) ?? "Phiên bản Excel này không hỗ trợ thao tác này.");
    this.name = "UnsupportedExcelError";
  }
}

/** Throws `UnsupportedExcelError` when a required set is missing. */
export function assertCanRun(capabilities: Capabilities): void {
  if (!canRun(capabilities)) throw new UnsupportedExcelError(capabilities);
}
