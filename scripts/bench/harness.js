/**
 * Timing helpers for `npm run bench`. Each section under scripts/bench/ exports
 * `{ title, run({ lib, measure, report }) }`; `lib` is the compiled code in lib/.
 */
"use strict";

const fs = require("fs");
const ts = require("typescript");

/**
 * Runs `body(iterations)` a few times and keeps the fastest: the first runs pay for JIT
 * compilation, and the minimum is the figure least disturbed by the rest of the machine.
 * `body` must return something derived from every iteration so the loop cannot be optimized away.
 */
function measure(body, iterations, repeats = 5) {
  let best = Infinity;
  let sink;
  body(Math.max(1, Math.floor(iterations / 10))); // warm-up
  for (let r = 0; r < repeats; r += 1) {
    const start = performance.now();
    sink = body(iterations);
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, sink };
}

function report(label, ms, iterations) {
  const perCall = (ms * 1e6) / iterations;
  console.log(`  ${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms  (${perCall.toFixed(1)} ns/call)`);
}

/**
 * Lets a bench section require the project's TypeScript sources (the Office.js adapter and the
 * fake Excel, which lib/ does not hold) through the compiler's transpileModule: no build needed.
 */
function registerTypeScript() {
  if (require.extensions[".ts"]) return;
  require.extensions[".ts"] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
      fileName: filename,
    });
    module._compile(outputText, filename);
  };
}

module.exports = { measure, report, registerTypeScript };
