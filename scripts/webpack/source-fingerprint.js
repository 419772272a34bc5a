/**
 * A fingerprint of everything the production build reads. webpack writes it into
 * dist/build-info.json; the build tests compare it to decide whether dist/ is current and can be
 * reused instead of building again (CI runs `npm run build` just before `npm test`).
 */
"use strict";

const { createHash } = require("crypto");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");

/** Paths (relative to the project root) whose content goes into the build. */
const INPUTS = [
  "src",
  "assets",
  "scripts/webpack",
  "webpack.config.js",
  "tsconfig.json",
  "package-lock.json",
];

function listFiles(absolute) {
  if (!fs.existsSync(absolute)) return [];
  const stat = fs.statSync(absolute);
  if (stat.isFile()) return [absolute];
  return fs
    .readdirSync(absolute, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => listFiles(path.join(absolute, entry.name)));
}

/** sha256 over the relative path and content of every input file, plus manifest*.xml. */
function sourceFingerprint(root = ROOT) {
  const manifests = fs
    .readdirSync(root)
    .filter((name) => /^manifest.*\.xml$/.test(name))
    .sort();
  const hash = createHash("sha256");
  for (const file of [...INPUTS, ...manifests].flatMap((input) => listFiles(path.join(root, input)))) {
    hash.update(path.relative(root, file).split(path.sep).join("/"));
    hash.update("\0");
    hash.update(fs.readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

module.exports = { sourceFingerprint };
