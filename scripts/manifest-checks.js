/**
 * Offline checks of the XML add-in manifest: the parts that break an add-in silently (a resid
 * that points nowhere, the shared runtime wired to two different pages, an http URL, an icon of
 * the wrong size). Microsoft's validator (`office-addin-manifest validate`) posts the manifest to
 * an online service, which is out of reach here and would send the manifest out; these checks
 * run locally and are shared by `npm run validate` and test/manifest.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { DOMParser } = require("@xmldom/xmldom");

const DEV_URL = "https://localhost:3000/";
const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
};
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Limits of the manifest schema's ShortString / LongString types.
const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;

/** Element children of a node (xmldom has no `children`). */
function elements(node) {
  const out = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) out.push(child);
  }
  return out;
}

function child(node, localName) {
  return node ? elements(node).find((el) => el.localName === localName) : undefined;
}

function descendants(node, localName) {
  const out = [];
  const visit = (el) => {
    for (const c of elements(el)) {
      if (localName === undefined || c.localName === localName) out.push(c);
      visit(c);
    }
  };
  if (node) visit(node);
  return out;
}

function xsiType(el) {
  return el.getAttributeNS(NS.xsi, "type") || "";
}

/**
 * Child order the manifest schemas require (xs:sequence), for the parts this add-in uses;
 * Office rejects a manifest whose elements are out of order.
 */
const SEQUENCES = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "VersionOverrides",
  ],
  VersionOverrides: [
    "Description",
    "Requirements",
    "Hosts",
    "Resources",
    "EquivalentAddins",
    "VersionOverrides",
    "WebApplicationInfo",
  ],
  Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  CustomFunctions: ["Script", "Page", "Metadata", "Namespace"],
};

function checkOrder(el, sequence, label, problem) {
  let last = -1;
  for (const c of elements(el)) {
    const index = sequence.indexOf(c.localName);
    if (index < 0) problem(`<${c.localName}> is not expected inside ${label}`);
    else if (index < last)
      problem(`<${c.localName}> is out of order inside ${label} (expected order: ${sequence.join(", ")})`);
    else last = index;
  }
}

/** "1.10" > "1.9": requirement set versions compare part by part, as numbers. */
function compareVersions(a, b) {
  const pa = String(a).split(".").map(Number);
  const pb = String(b).split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const diff = (pa[i] || 0) - (pb[i] || 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (
    bytes.length < 24 ||
    !bytes.subarray(0, 8).equals(signature) ||
    bytes.toString("ascii", 12, 16) !== "IHDR"
  ) {
    return undefined;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Parses strictly: any warning or error of the parser is a problem of the manifest. */
function parseXml(xml) {
  const problems = [];
  let document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        problems.push(`XML ${level}: ${String(message).split("\n")[0]}`);
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(xml, "text/xml");
  } catch {
    return { problems: problems.length > 0 ? problems : ["XML is not well-formed"] };
  }
  return { document, problems };
}

/**
 * Checks a manifest's text. `resolveFile(url)` maps a URL to the local file that will be served
 * there (or undefined to skip it); referenced files are then checked to exist, and icons to be
 * PNGs of the declared size. Returns the list of problems (empty when the manifest is sound) and
 * a few facts for reports.
 */
function checkManifest(xml, { resolveFile } = {}) {
  const { document, problems } = parseXml(xml);
  if (!document) return { problems, facts: {} };
  const root = document.documentElement;
  const facts = {};
  const problem = (text) => problems.push(text);

  if (root.localName !== "OfficeApp" || root.namespaceURI !== NS.officeApp) {
    problem(`root element must be OfficeApp in ${NS.officeApp}`);
    return { problems, facts };
  }
  if (xsiType(root) !== "TaskPaneApp") problem('OfficeApp must have xsi:type="TaskPaneApp"');
  checkOrder(root, SEQUENCES.OfficeApp, "OfficeApp", problem);

  // Identity and texts of the base manifest.
  const text = (name) => (child(root, name)?.textContent || "").trim();
  facts.id = text("Id");
  facts.version = text("Version");
  if (!GUID.test(facts.id)) problem(`Id must be a GUID (got "${facts.id}")`);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(facts.version))
    problem(`Version must have four parts, e.g. 1.0.0.0 (got "${facts.version}")`);
  if (!text("ProviderName")) problem("ProviderName is empty");
  facts.defaultLocale = text("DefaultLocale");
  if (!facts.defaultLocale) problem("DefaultLocale is missing");
  facts.localizedTexts = {};
  for (const [name, max] of [
    ["DisplayName", SHORT_STRING_MAX],
    ["Description", LONG_STRING_MAX],
  ]) {
    const el = child(root, name);
    const value = el?.getAttribute("DefaultValue") || "";
    if (!value) problem(`${name} has no DefaultValue`);
    const localized = el ? elements(el).filter((o) => o.localName === "Override") : [];
    for (const v of [value, ...localized.map((o) => o.getAttribute("Value") || "")]) {
      if (v.length > max) problem(`${name} is longer than ${max} characters: "${v.slice(0, 40)}…"`);
    }
    facts.localizedTexts[name] = localized.map((o) => o.getAttribute("Locale"));
  }
  const hosts = descendants(child(root, "Hosts"), "Host").map((h) => h.getAttribute("Name"));
  if (!hosts.includes("Workbook")) problem('Hosts must list Host Name="Workbook"');

  // Requirement sets: base manifest (activation) and VersionOverrides (functions and ribbon).
  const setsOf = (requirements) => {
    const sets = {};
    for (const set of descendants(requirements, "Set"))
      sets[set.getAttribute("Name")] = set.getAttribute("MinVersion") || "1.1";
    return sets;
  };
  const requireSet = (sets, name, min, where) => {
    if (!(name in sets)) problem(`${where} requirements must declare ${name}`);
    else if (compareVersions(sets[name], min) < 0)
      problem(`${where} requirements: ${name} must be at least ${min} (got ${sets[name]})`);
  };
  facts.baseRequirements = setsOf(child(root, "Requirements"));
  requireSet(facts.baseRequirements, "SharedRuntime", "1.1", "base");
  requireSet(facts.baseRequirements, "ExcelApi", "1.1", "base");

  const overrides = child(root, "VersionOverrides");
  if (!overrides || overrides.namespaceURI !== NS.overrides) {
    problem("VersionOverrides (taskpaneappversionoverrides) is missing");
    return { problems, facts };
  }
  checkOrder(overrides, SEQUENCES.VersionOverrides, "VersionOverrides", problem);
  facts.overrideRequirements = setsOf(child(overrides, "Requirements"));
  requireSet(facts.overrideRequirements, "ExcelApi", "1.9", "VersionOverrides");
  requireSet(facts.overrideRequirements, "CustomFunctionsRuntime", "1.1", "VersionOverrides");
  for (const [name, min] of Object.entries(facts.baseRequirements)) {
    // The override must be at least as demanding as the base, or it promises what activation did not check.
    if (name in facts.overrideRequirements && compareVersions(facts.overrideRequirements[name], min) < 0) {
      problem(
        `VersionOverrides requires less ${name} (${facts.overrideRequirements[name]}) than the base manifest (${min})`,
      );
    }
  }

  // Resources: one id each, typed by where they live.
  const resources = child(overrides, "Resources");
  const defined = new Map(); // id → { kind, value, overrides: { locale: value } }
  for (const [group, kind] of [
    ["Images", "image"],
    ["Urls", "url"],
    ["ShortStrings", "short"],
    ["LongStrings", "long"],
  ]) {
    const groupElement = child(resources, group);
    for (const el of groupElement ? elements(groupElement) : []) {
      const id = el.getAttribute("id");
      if (defined.has(id)) problem(`resource id "${id}" is defined twice`);
      const localized = {};
      for (const o of elements(el).filter((e) => e.localName === "Override"))
        localized[o.getAttribute("Locale")] = o.getAttribute("Value") || "";
      defined.set(id, { kind, value: el.getAttribute("DefaultValue") || "", overrides: localized });
      const max = kind === "short" ? SHORT_STRING_MAX : kind === "long" ? LONG_STRING_MAX : Infinity;
      for (const value of [el.getAttribute("DefaultValue") || "", ...Object.values(localized)]) {
        if (value.length > max) problem(`resource "${id}" is longer than ${max} characters`);
      }
    }
  }

  // Every resid must point at a resource of the right kind; every resource must be used.
  const used = new Set();
  const expectedKind = (el) => {
    if (el.localName === "Image") return ["image"];
    if (["SourceLocation", "FunctionFile", "Runtime"].includes(el.localName)) return ["url"];
    if (el.localName === "Namespace" || el.localName === "Label" || el.localName === "Title")
      return ["short"];
    if (el.localName === "Description") return ["long"];
    return ["image", "url", "short", "long"];
  };
  for (const el of descendants(overrides)) {
    if (!el.hasAttribute("resid")) continue;
    const resid = el.getAttribute("resid");
    used.add(resid);
    const resource = defined.get(resid);
    if (!resource) problem(`<${el.localName} resid="${resid}"> refers to no resource`);
    else if (!expectedKind(el).includes(resource.kind))
      problem(`<${el.localName} resid="${resid}"> refers to a ${resource.kind} resource`);
  }
  for (const id of defined.keys()) if (!used.has(id)) problem(`resource "${id}" is defined but never used`);
  const resourceValue = (resid) => defined.get(resid)?.value;

  // The shared runtime: one long-lived runtime, first child of the Workbook host, and the same
  // page for the runtime, the custom functions, the function file and the task pane.
  const host = elements(child(overrides, "Hosts") || root).find(
    (h) => h.localName === "Host" && xsiType(h) === "Workbook",
  );
  if (!host) {
    problem('VersionOverrides has no Host xsi:type="Workbook"');
    return { problems, facts };
  }
  checkOrder(host, SEQUENCES.Host, "Host", problem);
  for (const formFactor of descendants(host, "DesktopFormFactor"))
    checkOrder(formFactor, SEQUENCES.DesktopFormFactor, "DesktopFormFactor", problem);
  const first = elements(host)[0];
  if (!first || first.localName !== "Runtimes")
    problem("Runtimes must be the first child of the Workbook Host");
  const runtimes = descendants(child(host, "Runtimes"), "Runtime");
  const longLived = runtimes.filter((r) => r.getAttribute("lifetime") === "long");
  if (longLived.length !== 1)
    problem(`exactly one Runtime must have lifetime="long" (found ${longLived.length})`);
  const runtimeResid = longLived[0]?.getAttribute("resid");
  facts.runtimeResid = runtimeResid;

  const customFunctions = descendants(host, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions");
  if (!customFunctions) {
    problem("there is no CustomFunctions extension point");
  } else {
    checkOrder(customFunctions, SEQUENCES.CustomFunctions, "the CustomFunctions extension point", problem);
    const location = (name) => child(child(customFunctions, name), "SourceLocation")?.getAttribute("resid");
    const scriptUrl = resourceValue(location("Script")) || "";
    const metadataResid = location("Metadata");
    const metadataUrl = resourceValue(metadataResid) || "";
    const pageResid = location("Page");
    const namespace = resourceValue(child(customFunctions, "Namespace")?.getAttribute("resid"));
    facts.functions = { script: scriptUrl, metadata: metadataUrl, page: resourceValue(pageResid), namespace };
    if (!/\/functions\.js$/.test(scriptUrl))
      problem(`custom functions Script must be functions.js (got "${scriptUrl}")`);
    if (!/\/functions\.json$/.test(metadataUrl))
      problem(`custom functions Metadata must be functions.json (got "${metadataUrl}")`);
    const english = defined.get(metadataResid)?.overrides["en-US"] || "";
    if (!/\/functions\.en-US\.json$/.test(english))
      problem("custom functions Metadata has no en-US override pointing at functions.en-US.json");
    if (pageResid !== runtimeResid)
      problem(`custom functions Page (${pageResid}) must be the shared runtime's page (${runtimeResid})`);
    if (namespace !== "CCHC") problem(`custom functions Namespace must be CCHC (got "${namespace}")`);
  }
  const functionFile = descendants(host, "FunctionFile")[0];
  if (!functionFile) problem("DesktopFormFactor has no FunctionFile");
  else if (functionFile.getAttribute("resid") !== runtimeResid)
    problem(
      `FunctionFile (${functionFile.getAttribute("resid")}) must be the shared runtime's page (${runtimeResid})`,
    );
  for (const action of descendants(host, "Action").filter((a) => xsiType(a) === "ShowTaskpane")) {
    const resid = child(action, "SourceLocation")?.getAttribute("resid");
    if (resid !== runtimeResid)
      problem(`ShowTaskpane opens ${resid}, not the shared runtime's page (${runtimeResid})`);
  }
  const controlIds = descendants(host, "Control").map((c) => c.getAttribute("id"));
  facts.controls = controlIds;
  if (new Set(controlIds).size !== controlIds.length) problem("two ribbon controls share an id");

  // Every URL is HTTPS (Office refuses anything else), wherever it appears.
  for (const el of [root, ...descendants(root)]) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name === "xmlns" || attr.prefix === "xmlns") continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(attr.value) && !attr.value.startsWith("https://")) {
        problem(`<${el.localName} ${attr.name}="${attr.value}"> is not an https:// URL`);
      }
    }
  }
  for (const [id, resource] of defined) {
    if (resource.kind !== "url" && resource.kind !== "image") continue;
    for (const value of [resource.value, ...Object.values(resource.overrides)]) {
      if (!value.startsWith("https://")) problem(`resource "${id}" must be an https:// URL (got "${value}")`);
    }
  }

  // Files behind the URLs, and icons of the size each place declares.
  if (resolveFile) {
    const expectFile = (url, size, where) => {
      const file = resolveFile(url);
      if (file === undefined) return;
      if (!fs.existsSync(file)) {
        problem(`${where}: ${url} → ${file} does not exist`);
        return;
      }
      if (size === undefined) return;
      const dimensions = pngSize(fs.readFileSync(file));
      if (!dimensions) problem(`${where}: ${file} is not a PNG`);
      else if (dimensions.width !== size || dimensions.height !== size) {
        problem(`${where}: ${file} is ${dimensions.width}×${dimensions.height}, expected ${size}×${size}`);
      }
    };
    expectFile(child(root, "IconUrl")?.getAttribute("DefaultValue") || "", 32, "IconUrl");
    expectFile(
      child(root, "HighResolutionIconUrl")?.getAttribute("DefaultValue") || "",
      64,
      "HighResolutionIconUrl",
    );
    expectFile(
      child(child(root, "DefaultSettings"), "SourceLocation")?.getAttribute("DefaultValue") || "",
      undefined,
      "DefaultSettings",
    );
    for (const image of descendants(host, "Image")) {
      const size = Number(image.getAttribute("size"));
      expectFile(
        resourceValue(image.getAttribute("resid")) || "",
        size,
        `Image resid="${image.getAttribute("resid")}"`,
      );
    }
    for (const [id, resource] of defined) {
      if (resource.kind !== "url") continue;
      for (const value of [resource.value, ...Object.values(resource.overrides)])
        expectFile(value, undefined, `resource "${id}"`);
    }
  }

  return { problems, facts };
}

/**
 * A resolveFile for a manifest whose URLs start with `baseUrl` and are served from `dir`.
 * URLs elsewhere are skipped; `only` limits the check to paths under it (e.g. "assets/").
 */
function filesUnder(baseUrl, dir, only = "") {
  return (url) => {
    if (!url.startsWith(baseUrl)) return undefined;
    const relative = url.slice(baseUrl.length).split(/[?#]/)[0];
    if (!relative.startsWith(only)) return undefined;
    return path.join(dir, ...relative.split("/"));
  };
}

module.exports = { checkManifest, filesUnder, pngSize, compareVersions, DEV_URL };
