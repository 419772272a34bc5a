/**
 * The end-to-end test's stand-in for Office: loaded by /taskpane-harness.html in place of the
 * office.js CDN script (see run.js), before the add-in's own bundles, it defines the host globals
 * the add-in expects over the in-memory fake Excel of test/fakes:
 *
 *  - `Office`: onReady resolving {host: Excel, platform: PC}; context.displayLanguage,
 *    officeTheme and requirements.isSetSupported (from the fake workbook's API version);
 *    actions.associate (recorded, so the test can press a ribbon button); addin.showAsTaskpane;
 *  - `Excel.run(batch)` → the fake workbook's run;
 *  - `CustomFunctions` (associate recorded, Error, ErrorCode) for functions.js;
 *  - `window.__cchc`: the test's hands and eyes (type like a user, read cells and the selection,
 *    press a ribbon action, hold Excel busy to see the progress).
 *
 * Query parameters of the page: `lang` (display language, default vi-VN), `theme`
 * (light | dark), `api` (highest ExcelApi set, default the fake's).
 *
 * Built by test/e2e/webpack.harness.js into a temporary folder: the production bundle in dist/
 * never contains it.
 */
import { createCustomFunctionsStub } from "../support/custom-functions-stub";
import { inputName } from "../../src/core/catalogue";
import { sampleOf } from "../../src/core/catalogue/sample";
import { boxAddress, type Scalar } from "../fakes/fakeState";
import { FakeWorkbook } from "../fakes/fakeExcel";

type Batch = Parameters<FakeWorkbook["run"]>[0];
type ActionHandler = (event: HarnessEvent) => unknown;

interface HarnessEvent {
  source: { id: string };
  completed(options?: { allowEvent?: boolean }): void;
}

/** What a ribbon action did, as `__cchc.runAction` reports it. */
export interface ActionOutcome {
  completed: boolean;
  /** How many times the action opened the task pane. */
  shownAsTaskpane: number;
}

export interface CchcHarness {
  book: FakeWorkbook;
  /**
   * Types every figure of a built-in form's sample into its named cell, as a user (validation
   * applies): the Đức Thọ sample of huyen-2021 by default, or xa-2025's Xã Thử Nghiệm.
   */
  typeSample(catalogueId?: string): number;
  /** Types a value into a cell given by defined name or `'Sheet'!D12`, as a user. */
  type(ref: string, value: Scalar): void;
  /** The selected range as `'Sheet'!D12`, null when nothing was selected. */
  selection(): string | null;
  /** The active sheet's name. */
  activeSheet(): string | null;
  /** `'Sheet'!D12` of a defined name. */
  refOfName(name: string): string;
  /** What the cell of a defined name shows, and its number format. */
  valueOfName(name: string): Scalar;
  /** What the cell at `'Sheet'!D12` holds. */
  valueAt(ref: string): Scalar;
  numberFormatOfName(name: string): string | undefined;
  sheetNames(): string[];
  /** Ribbon actions registered through Office.actions.associate. */
  actions(): string[];
  /** Custom functions registered through CustomFunctions.associate. */
  customFunctions(): string[];
  /** Presses a ribbon button: runs its action with an event, resolves once it calls completed(). */
  runAction(name: string, timeoutMs?: number): Promise<ActionOutcome>;
  /** The next Excel.run calls wait until release(): the test can look at the pane while busy. */
  hold(): void;
  release(): void;
  /** Excel.run calls so far. */
  runs(): number;
  showAsTaskpaneCalls(): number;
}

const params = new URLSearchParams(window.location.search);
const displayLanguage = params.get("lang") ?? "vi-VN";
const dark = params.get("theme") === "dark";
const book = new FakeWorkbook(params.get("api") ? { apiVersion: params.get("api")! } : {});

const actions = new Map<string, ActionHandler>();
let showAsTaskpaneCalls = 0;
let runs = 0;
let gate: { promise: Promise<void>; open: () => void } | null = null;

function hold(): void {
  if (gate) return;
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  gate = { promise, open };
}

function release(): void {
  gate?.open();
  gate = null;
}

const onReadyInfo = { host: "Excel", platform: "PC" };

const office = {
  HostType: { Excel: "Excel" },
  PlatformType: { PC: "PC" },
  onReady(callback?: (info: typeof onReadyInfo) => void): Promise<typeof onReadyInfo> {
    // Like office.js: asynchronous, after the page's scripts have run.
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(onReadyInfo);
        resolve(onReadyInfo);
      }, 0),
    );
  },
  context: {
    host: "Excel",
    platform: "PC",
    displayLanguage,
    contentLanguage: displayLanguage,
    officeTheme: dark
      ? {
          bodyBackgroundColor: "#262626",
          bodyForegroundColor: "#FFFFFF",
          controlBackgroundColor: "#3B3B3B",
          controlForegroundColor: "#FFFFFF",
          isDarkTheme: true,
        }
      : {
          bodyBackgroundColor: "#FFFFFF",
          bodyForegroundColor: "#000000",
          controlBackgroundColor: "#FFFFFF",
          controlForegroundColor: "#000000",
          isDarkTheme: false,
        },
    requirements: {
      isSetSupported: (name: string, version?: string) => book.isSetSupported(name, version ?? "1.1"),
    },
  },
  actions: {
    associate(name: string, handler: ActionHandler): void {
      actions.set(name, handler);
    },
  },
  addin: {
    showAsTaskpane(): Promise<void> {
      showAsTaskpaneCalls++;
      return Promise.resolve();
    },
    hide(): Promise<void> {
      return Promise.resolve();
    },
  },
};

const excel = {
  async run<T>(batch: Batch): Promise<T> {
    runs++;
    if (gate) await gate.promise;
    const { result } = await book.run(batch);
    return result as T;
  },
};

// The same stand-in for Excel's CustomFunctions global as the unit and build tests use.
const customFunctionsGlobal = createCustomFunctionsStub();

const harness: CchcHarness = {
  book,
  typeSample(catalogueId = "huyen-2021") {
    const sample = sampleOf(catalogueId);
    if (!sample) throw new Error(`no sample for the form «${catalogueId}»`);
    const entries = Object.entries(sample.figures);
    for (const [id, value] of entries) book.type(inputName(id), value);
    return entries.length;
  },
  type: (ref, value) => book.type(ref, value),
  selection() {
    const selected = book.selection;
    return selected ? `'${selected.sheet.name.replace(/'/g, "''")}'!${boxAddress(selected.box)}` : null;
  },
  activeSheet: () => book.active?.name ?? null,
  refOfName: (name) => book.refOf(name),
  valueOfName: (name) => book.valueOf(book.refOf(name)),
  valueAt: (ref) => book.valueOf(ref),
  numberFormatOfName: (name) => book.cellAt(book.refOf(name)).numberFormat,
  sheetNames: () => book.sheetNames(),
  actions: () => [...actions.keys()],
  customFunctions: () => [...customFunctionsGlobal.registered.keys()],
  runAction(name, timeoutMs = 10_000) {
    const handler = actions.get(name);
    if (!handler) return Promise.reject(new Error(`no ribbon action «${name}» was associated`));
    const shownBefore = showAsTaskpaneCalls;
    return new Promise<ActionOutcome>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`ribbon action «${name}» did not call event.completed() within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const event: HarnessEvent = {
        source: { id: name },
        completed() {
          clearTimeout(timer);
          resolve({ completed: true, shownAsTaskpane: showAsTaskpaneCalls - shownBefore });
        },
      };
      Promise.resolve()
        .then(() => handler(event))
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  },
  hold,
  release,
  runs: () => runs,
  showAsTaskpaneCalls: () => showAsTaskpaneCalls,
};

const host = window as unknown as Record<string, unknown>;
host.Office = office;
host.Excel = excel;
host.CustomFunctions = customFunctionsGlobal;
host.__cchc = harness;
