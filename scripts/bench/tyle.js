/**
 * CCHC.TYLE against a bare division: what the wrapper and the core's checks (blank, type,
 * sign, zero denominator) cost per call. The aim is under 3×.
 */
"use strict";

const N = 1_000_000;

module.exports = {
  title: "TYLE vs bare division (1,000,000 calls each)",
  run({ lib, measure, report }) {
    const { tyle } = lib("functions/functions");
    // Varied inputs, read from arrays, so neither loop can be folded into a constant.
    const numerators = Array.from({ length: 1024 }, (_, i) => (i * 37) % 500);
    const denominators = Array.from({ length: 1024 }, (_, i) => 500 + ((i * 53) % 700));

    const viaTyle = measure((n) => {
      let sum = 0;
      for (let i = 0; i < n; i += 1) sum += tyle(numerators[i & 1023], denominators[i & 1023]);
      return sum;
    }, N);
    const bare = measure((n) => {
      let sum = 0;
      for (let i = 0; i < n; i += 1) sum += numerators[i & 1023] / denominators[i & 1023];
      return sum;
    }, N);

    if (Math.abs(viaTyle.sink - bare.sink) > 1e-6 * Math.abs(bare.sink)) {
      throw new Error(`TYLE and the bare division disagree: ${viaTyle.sink} vs ${bare.sink}`);
    }
    report("CCHC.TYLE (functions.ts → core ratio)", viaTyle.ms, N);
    report("bare division a / b", bare.ms, N);
    console.log(`  ratio: ${(viaTyle.ms / bare.ms).toFixed(2)}× (aim: under 3×)`);
  },
};
