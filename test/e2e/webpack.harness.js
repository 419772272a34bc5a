/**
 * Bundles test/e2e/harness.ts (the fake Office host over the in-memory fake Excel) for the
 * end-to-end test. Never into dist/: run.js passes a temporary folder, so the production bundle
 * and the folder CI ships stay free of the fake.
 *
 *   require("./webpack.harness")(outDir) → a webpack configuration
 */
"use strict";

const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");

module.exports = function harnessConfig(outDir) {
  if (!outDir) throw new Error("webpack.harness.js: an output folder is required");
  const dist = path.join(ROOT, "dist");
  const out = path.resolve(outDir);
  if (out === dist || out.startsWith(dist + path.sep)) {
    throw new Error(`webpack.harness.js: refusing to build the test harness into dist/ (${out})`);
  }
  return {
    mode: "development",
    context: ROOT,
    // A plain script with a separate source map: no eval (the page runs no eval), readable stacks.
    devtool: "source-map",
    target: "web",
    entry: { harness: "./test/e2e/harness.ts" },
    output: { path: out, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", target: "ES2020", noEmit: false },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    infrastructureLogging: { level: "error" },
    stats: "errors-warnings",
  };
};
