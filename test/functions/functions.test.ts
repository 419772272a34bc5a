import fc from "fast-check";
import {
  createCustomFunctionsStub,
  ErrorCode,
  StubCustomFunctionsError,
} from "../support/custom-functions-stub";
import { describeAnswer, expectAnswer, KNOWN_ANSWERS, type KnownAnswer } from "../support/known-answers";

// functions.ts reads the CustomFunctions global when it throws; Excel's runtime defines it.
const stub = createCustomFunctionsStub();
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = stub;

// Imported after the global exists, as in the shared runtime.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const functions = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

const byId: Record<KnownAnswer["id"], (...args: unknown[]) => unknown> = {
  TYLE: (a, b) => functions.tyle(a, b),
  DUNGHAN: (a, b) => functions.dunghan(a, b),
  DIEM: (a, b, c, d) => functions.diem(a, b, c, d),
  KIEMTRA: (a, b) => functions.kiemtra(a, b as unknown[][][]),
  TUNGAY: (a, b, c) => functions.tungay(a, b, c),
  DENNGAY: (a, b, c) => functions.denngay(a, b, c),
};

describe("CCHC custom functions: known answers", () => {
  it.each(KNOWN_ANSWERS.map((answer) => [describeAnswer(answer), answer] as const))(
    "%s",
    (_label, answer) => {
      expectAnswer(() => byId[answer.id](...answer.args), answer.expect, StubCustomFunctionsError);
    },
  );
});

describe("CCHC custom functions: arguments as Excel passes them", () => {
  it("treats an omitted optional argument (null) as its default", () => {
    expect(functions.diem(0.95, 1.5, null, null)).toBe(1.43);
    expect(functions.diem(0.95, 1.5, undefined, undefined)).toBe(1.43);
  });

  it("applies the threshold methods of DIEM", () => {
    expect(functions.diem(0.5, 2, 0.6, 1)).toBe(0);
    expect(functions.diem(0.6, 2, 0.6, 1)).toBe(2);
    expect(functions.diem(0.7, 2, 0.6, 2)).toBe(1.4);
    expect(functions.diem(0.5, 2, 0.6, 2)).toBe(0);
  });

  it("reads KIEMTRA's parts from single cells, ranges and a mix, blanks counting as 0", () => {
    expect(functions.kiemtra(10, [[[7]], [[3]]])).toBe("");
    expect(functions.kiemtra(10, [[[7], [null]], [[3]]])).toBe("");
    expect(functions.kiemtra(10, [[[7, 2]]])).toBe("Lệch 1");
    expect(functions.kiemtra(10, [[[5]], [[7]]])).toBe("Lệch -2");
    // A bare value (not wrapped in arrays) is one part, not an error.
    expect(functions.kiemtra(7, 7 as unknown as unknown[][][])).toBe("");
  });

  it("counts a blank late figure as none late", () => {
    expect(functions.dunghan(76, null)).toBe(1);
  });

  it("accepts the quarter as a number", () => {
    expect(functions.tungay(3, 2021)).toBe(44362);
    expect(functions.denngay(3, 2021)).toBe(44453);
  });

  it("turns an unexpected exception into #VALUE! with a Vietnamese message", () => {
    // A revoked proxy makes even Array.isArray throw a TypeError: a failure that is not a
    // FigureError, standing for any defect the core may still have.
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    let thrown: unknown;
    try {
      functions.kiemtra(10, proxy as unknown as unknown[][][]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StubCustomFunctionsError);
    expect((thrown as StubCustomFunctionsError).code).toBe(ErrorCode.invalidValue);
    expect((thrown as StubCustomFunctionsError).message).toMatch(/^Lỗi không mong đợi/);
  });
});

describe("CCHC custom functions: no argument escapes as a raw exception or a non-finite number", () => {
  const value = fc.oneof(
    fc.anything(),
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.constantFrom(
      NaN,
      Infinity,
      -Infinity,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      Number.MIN_VALUE,
      1e308,
      -0,
      0,
      "",
      " ",
      null,
      undefined,
      true,
      "Quý III",
      "Năm",
      2021,
      9999,
    ),
    fc.array(fc.anything(), { maxLength: 4 }),
  );
  const parts = fc.oneof(
    value,
    fc.array(fc.array(fc.array(value, { maxLength: 3 }), { maxLength: 3 }), { maxLength: 3 }),
  );
  const errorCodes = new Set<string>(Object.values(ErrorCode));

  /** What is wrong with a call's outcome, or undefined when it is a value or a proper cell error. */
  function problemOf(call: () => unknown): string | undefined {
    let result: unknown;
    try {
      result = call();
    } catch (error) {
      if (!(error instanceof StubCustomFunctionsError)) return `threw ${String(error)}`;
      if (!errorCodes.has(error.code)) return `threw the unknown code ${error.code}`;
      if (typeof error.message !== "string" || error.message === "")
        return `threw ${error.code} without a message`;
      return undefined;
    }
    if (typeof result === "number") return Number.isFinite(result) ? undefined : `returned ${result}`;
    return typeof result === "string" ? undefined : `returned a ${typeof result}`;
  }

  function outcome(call: () => unknown): void {
    expect(problemOf(call)).toBeUndefined();
  }

  const runs = { numRuns: 400 };

  // The same edges on every run, pair by pair, so a failure does not depend on the random seed.
  const edges: unknown[] = [
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    1e21,
    1e-7,
    -0,
    0,
    1,
    -1,
    0.5,
    3,
    2021,
    "",
    " ",
    "1",
    "Quý III",
    null,
    undefined,
    true,
    [],
    [[1]],
    {},
  ];
  const pairs = edges.flatMap((a) => edges.map((b) => [a, b] as const));

  it.each([
    ["TYLE", functions.tyle],
    ["DUNGHAN", functions.dunghan],
    ["DIEM", (a: unknown, b: unknown) => functions.diem(a, b)],
    ["DIEM (threshold method 1)", (a: unknown, b: unknown) => functions.diem(a, b, 0.3, 1)],
    ["DIEM (threshold method 2)", (a: unknown, b: unknown) => functions.diem(a, 1.5, b, 2)],
    ["KIEMTRA", (a: unknown, b: unknown) => functions.kiemtra(a, [[[b]], [[1]]])],
    ["TUNGAY", functions.tungay],
    ["DENNGAY", functions.denngay],
  ] as const)("%s on every pair of edge values", (_name, fn) => {
    const problems = pairs.flatMap(([a, b]) => {
      const problem = problemOf(() => fn(a, b));
      return problem ? [`(${String(a)}, ${String(b)}) ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it("TYLE", () =>
    fc.assert(
      fc.property(value, value, (a, b) => outcome(() => functions.tyle(a, b))),
      runs,
    ));
  it("DUNGHAN", () =>
    fc.assert(
      fc.property(value, value, (a, b) => outcome(() => functions.dunghan(a, b))),
      runs,
    ));
  it("DIEM", () =>
    fc.assert(
      fc.property(value, value, value, value, (a, b, c, d) => outcome(() => functions.diem(a, b, c, d))),
      runs,
    ));
  it("KIEMTRA", () =>
    fc.assert(
      fc.property(value, parts, (a, b) => outcome(() => functions.kiemtra(a, b as unknown[][][]))),
      runs,
    ));
  it("TUNGAY", () =>
    fc.assert(
      fc.property(value, value, (a, b) => outcome(() => functions.tungay(a, b))),
      runs,
    ));
  it("DENNGAY", () =>
    fc.assert(
      fc.property(value, value, (a, b) => outcome(() => functions.denngay(a, b))),
      runs,
    ));
  it("DIEM with huge figures", () =>
    fc.assert(
      fc.property(fc.double({ min: 0, noNaN: true }), fc.double({ min: 0, noNaN: true }), (a, b) =>
        outcome(() => functions.diem(a, b)),
      ),
      runs,
    ));
});

describe("CCHC custom functions: nothing registers by hand", () => {
  it("leaves CustomFunctions.associate to the build (the metadata plugin adds the calls)", () => {
    expect(stub.registered.size).toBe(0);
  });
});
