/**
 * What every card shares: the strings table and the runner that performs one operation at a
 * time. The runner is what keeps the pane from freezing or going blank: it marks the pane busy
 * (buttons disabled, still focusable), turns any rejection into a message for the ErrorBar and
 * always clears the busy mark.
 */
import { createContext, useContext } from "react";
import type { OperationName } from "./operations";
import { VI, type PaneStrings } from "./strings";

export const StringsContext = createContext<PaneStrings>(VI);

/** The strings table picked by index.tsx (Vietnamese unless Office speaks English). */
export function useStrings(): PaneStrings {
  return useContext(StringsContext);
}

export interface Runner {
  /** The operation in progress, or null. */
  busy: OperationName | null;
  /**
   * Runs an operation unless another is in progress. Resolves with its result, or with
   * undefined when it failed (the ErrorBar then shows why) or did not start.
   */
  run<T>(name: OperationName, action: () => Promise<T>): Promise<T | undefined>;
  /** Shows an error that happened outside the pane (the ribbon's command) in the ErrorBar. */
  fail(error: unknown): void;
}

export const RunnerContext = createContext<Runner>({
  busy: null,
  run: async (_name, action) => action(),
  fail: (error) => {
    throw error;
  },
});

export function useRunner(): Runner {
  return useContext(RunnerContext);
}
