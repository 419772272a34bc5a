#!/usr/bin/env node
/**
 * `npm run validate`: checks manifest.xml offline (and dist/manifest.xml when a build exists).
 * Microsoft's online validator is deliberately not called: it is unreachable from the offices'
 * and CI's machines, and it would send the manifest to an outside service.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { checkManifest, filesUnder, DEV_URL } = require("./manifest-checks");

const root = path.resolve(__dirname, "..");

function report(label, file, resolveFile) {
  const { problems } = checkManifest(fs.readFileSync(file, "utf8"), { resolveFile });
  if (problems.length === 0) {
    console.log(`✔ ${label}: no problems found`);
  } else {
    console.log(`✘ ${label}: ${problems.length} problem(s)`);
    for (const text of problems) console.log(`  - ${text}`);
  }
  return problems.length;
}

let failures = report("manifest.xml", path.join(root, "manifest.xml"), filesUnder(DEV_URL, root, "assets/"));

const distManifest = path.join(root, "dist", "manifest.xml");
const buildInfo = path.join(root, "dist", "build-info.json");
if (fs.existsSync(distManifest) && fs.existsSync(buildInfo)) {
  const { url } = JSON.parse(fs.readFileSync(buildInfo, "utf8"));
  failures += report(`dist/manifest.xml (${url})`, distManifest, filesUnder(url, path.join(root, "dist")));
}

console.log(
  "\nThese are offline checks (well-formed XML, element order, resources, HTTPS, shared runtime, " +
    "custom functions, requirement sets, icons). Microsoft's online validator " +
    "(`npx office-addin-manifest validate manifest.xml`) is not run: it needs the Internet and " +
    "uploads the manifest. Run it yourself from a connected machine before publishing to AppSource.",
);
process.exitCode = failures > 0 ? 1 : 0;
