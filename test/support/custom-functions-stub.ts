/**
 * A stand-in for the `CustomFunctions` global that Excel's runtime provides: the Error class
 * with code and message, the ErrorCode values of @types/custom-functions-runtime, and an
 * `associate` that records what a bundle registers.
 */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

export class StubCustomFunctionsError {
  constructor(
    public readonly code: ErrorCodeValue,
    public readonly message?: string,
  ) {}
}

export interface CustomFunctionsStub {
  Error: typeof StubCustomFunctionsError;
  ErrorCode: typeof ErrorCode;
  associate(idOrMappings: string | Record<string, unknown>, fn?: unknown): void;
  /** Every function registered so far, by id. */
  registered: Map<string, (...args: unknown[]) => unknown>;
}

export function createCustomFunctionsStub(): CustomFunctionsStub {
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  const add = (id: string, fn: unknown): void => {
    if (typeof fn !== "function") throw new TypeError(`associate("${id}") was given a ${typeof fn}`);
    if (registered.has(id)) throw new Error(`associate("${id}") was called twice`);
    registered.set(id, fn as (...args: unknown[]) => unknown);
  };
  return {
    Error: StubCustomFunctionsError,
    ErrorCode,
    registered,
    associate(idOrMappings, fn) {
      if (typeof idOrMappings === "string") add(idOrMappings, fn);
      else for (const [id, f] of Object.entries(idOrMappings)) add(id, f);
    },
  };
}
