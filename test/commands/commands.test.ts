/**
 * The ribbon's "Tạo báo cáo" over the fake Excel: it writes the report, hands the outcome to
 * the pane through the shared runtime's window, opens the pane when there is something to say,
 * and always completes the command (a command left open freezes the button).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { inputName } from "../../src/core/catalogue";
import { SAMPLE_FIGURES } from "../../src/core/catalogue/sample";
import { subscribeRibbonReport, type RibbonReportOutcome } from "../../src/bridge/ribbonReport";
import { installedWorkbook } from "../excel/support";
import type { FakeWorkbook } from "../fakes/fakeExcel";

type Globals = { Excel?: unknown; Office?: unknown; window?: unknown };
const g = globalThis as unknown as Globals;

function host(book: FakeWorkbook) {
  const associated = new Map<string, (event: { completed: () => void }) => Promise<void>>();
  const shown = jest.fn(async () => undefined);
  const listeners = new Map<string, Array<(e: Event) => void>>();
  g.window = {
    dispatchEvent: (e: Event) => (listeners.get(e.type) ?? []).forEach((l) => l(e)),
    addEventListener: (type: string, l: (e: Event) => void) =>
      listeners.set(type, [...(listeners.get(type) ?? []), l]),
    removeEventListener: () => undefined,
  };
  g.Excel = {
    run: async (batch: (c: unknown) => Promise<unknown>) => (await book.run(batch as never)).result,
  };
  g.Office = {
    onReady: (callback: () => void) => callback(),
    actions: {
      associate: (name: string, fn: (event: { completed: () => void }) => Promise<void>) =>
        associated.set(name, fn),
    },
    addin: { showAsTaskpane: shown },
  };
  return { associated, shown, window: g.window as Window };
}

beforeAll(() => {
  (globalThis as unknown as { CustomEvent: unknown }).CustomEvent = class<T> extends Event {
    detail: T;
    constructor(type: string, init: { detail: T }) {
      super(type);
      this.detail = init.detail;
    }
  };
});

afterEach(() => {
  delete g.Excel;
  delete g.Office;
  delete g.window;
  jest.resetModules();
});

async function press(book: FakeWorkbook) {
  const env = host(book);
  const outcomes: RibbonReportOutcome[] = [];
  subscribeRibbonReport((o) => outcomes.push(o), env.window);
  await jest.isolateModulesAsync(async () => {
    await import("../../src/commands/commands");
  });
  const completed = jest.fn();
  await env.associated.get("generateReport")!({ completed });
  return { ...env, outcomes, completed };
}

describe("ribbon: Tạo báo cáo", () => {
  it("is the function the manifest's ExecuteFunction names", () => {
    const manifest = readFileSync(join(__dirname, "../../manifest.xml"), "utf8");
    expect(manifest).toMatch(
      /<Action xsi:type="ExecuteFunction">\s*<FunctionName>generateReport<\/FunctionName>/,
    );
  });

  it("writes the report and passes the outcome to the pane without opening it when all is well", async () => {
    const book = await installedWorkbook({ sample: true });
    const { outcomes, completed, shown } = await press(book);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(outcomes).toEqual([
      // The sample's document list is empty here: no Phụ lục II (issue 17).
      { ok: true, result: { errors: 0, warnings: 4, sheets: ["Phụ lục I"], keptEdited: [] } },
    ]);
    expect(shown).not.toHaveBeenCalled();
    expect(book.valueOf(book.refOf("BC_KH_TYLE"))).toBeCloseTo(24 / 47, 12);
  });

  it("opens the pane when the figures still have errors", async () => {
    const book = await installedWorkbook({ sample: true });
    book.paste(inputName("iso_xa_apdung"), (SAMPLE_FIGURES.iso_xa_tong as number) + 1);
    const { outcomes, shown, completed } = await press(book);
    expect(outcomes[0]).toMatchObject({ ok: true, result: { errors: 1 } });
    expect(shown).toHaveBeenCalledTimes(1);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("hands a failure to the pane, opens it and still completes the command", async () => {
    const { FakeWorkbook: Empty } = await import("../fakes/fakeExcel");
    const { outcomes, shown, completed } = await press(new Empty());
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0].ok).toBe(false);
    expect(String((outcomes[0] as { error: Error }).error.message)).toMatch(/chưa có mẫu CCHC/);
    expect(shown).toHaveBeenCalledTimes(1);
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
