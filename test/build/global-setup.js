/**
 * Builds dist/ once for the tests of test/build, unless dist/build-info.json says it was built in
 * production mode from exactly the current sources (CI runs `npm run build` right before
 * `npm test`, and a developer re-running the tests should not wait for webpack again).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { sourceFingerprint } = require("../../scripts/webpack/source-fingerprint");

const root = path.resolve(__dirname, "..", "..");

function currentBuild() {
  try {
    const info = JSON.parse(fs.readFileSync(path.join(root, "dist", "build-info.json"), "utf8"));
    return info.mode === "production" && info.sources === sourceFingerprint(root);
  } catch {
    return false;
  }
}

module.exports = async function buildOnce() {
  if (currentBuild()) return;
  const run = spawnSync("npm", ["run", "build"], {
    cwd: root,
    encoding: "utf8",
    shell: process.platform === "win32",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new Error(`npm run build failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
};
