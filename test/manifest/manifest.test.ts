/**
 * Offline checks of manifest.xml (Microsoft's validator is an online service). The checks live
 * in scripts/manifest-checks.js so `npm run validate` runs the same ones; the second half of this
 * file breaks the manifest on purpose to show that each check really fires.
 */
import fs from "fs";
import path from "path";
import { checkManifest, compareVersions, DEV_URL, filesUnder, pngSize } from "../../scripts/manifest-checks";

const root = path.resolve(__dirname, "..", "..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const assets = filesUnder(DEV_URL, root, "assets/");

function problemsOf(xml: string, resolveFile = assets): string[] {
  return checkManifest(xml, { resolveFile }).problems;
}

/** The manifest with one exact piece of text replaced (fails loudly if the piece is gone). */
function broken(from: string | RegExp, to: string): string {
  const result = manifest.replace(from, to);
  if (result === manifest) throw new Error(`manifest.xml no longer contains ${from}`);
  return result;
}

describe("manifest.xml", () => {
  const { problems, facts } = checkManifest(manifest, { resolveFile: assets });

  it("passes every offline check", () => {
    expect(problems).toEqual([]);
  });

  it("identifies the add-in: fixed GUID, version 1.0.0.0, UBND, Vietnamese first with English overrides", () => {
    expect(facts.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(facts.version).toBe("1.0.0.0");
    expect(manifest).toMatch(/<ProviderName>UBND<\/ProviderName>/);
    expect(facts.defaultLocale).toBe("vi-VN");
    expect(facts.localizedTexts).toEqual({ DisplayName: ["en-US"], Description: ["en-US"] });
  });

  it("declares the requirement sets: shared runtime to activate, ExcelApi 1.9 and custom functions for the rest", () => {
    expect(facts.baseRequirements).toMatchObject({ SharedRuntime: "1.1" });
    expect(compareVersions(facts.overrideRequirements!.ExcelApi, "1.9")).toBeGreaterThanOrEqual(0);
    expect(facts.overrideRequirements).toHaveProperty("CustomFunctionsRuntime");
    // The pane must still open where the overrides' sets are missing, to say what is missing.
    expect(compareVersions(facts.baseRequirements!.ExcelApi, "1.9")).toBeLessThan(0);
  });

  it("wires one shared runtime: the task pane page runs the functions and the ribbon", () => {
    expect(facts.runtimeResid).toBe("Taskpane.Url");
    expect(facts.functions).toEqual({
      script: `${DEV_URL}functions.js`,
      metadata: `${DEV_URL}functions.json`,
      page: `${DEV_URL}taskpane.html`,
      namespace: "CCHC",
    });
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).toMatch(/<FunctionFile resid="Taskpane.Url"\/>/);
  });

  it("puts the CCHC button (task pane) and Tạo báo cáo (ExecuteFunction) on the Home tab", () => {
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(facts.controls).toEqual(["CCHC.TaskpaneButton", "CCHC.ReportButton"]);
    expect(manifest).toMatch(/<TaskpaneId>ButtonId1<\/TaskpaneId>/);
    expect(manifest).toMatch(/<bt:String id="CCHC.ReportButton.Label" DefaultValue="Tạo báo cáo">/);
    expect(manifest).toMatch(
      /<Action xsi:type="ExecuteFunction">\s*<FunctionName>generateReport<\/FunctionName>/,
    );
  });
});

describe("assets", () => {
  it.each([16, 32, 64, 80])("icon-%i.png is a %i px PNG with a drawing on it", (size) => {
    const bytes = fs.readFileSync(path.join(root, "assets", `icon-${size}.png`));
    expect(pngSize(bytes)).toEqual({ width: size, height: size });
    // Not a blank image: the encoded pixels vary (a flat square compresses to almost nothing).
    expect(bytes.length).toBeGreaterThan(150);
  });
});

describe("the offline checks fire on a broken manifest", () => {
  const cases: [string, string, RegExp][] = [
    ["malformed XML", broken("</Hosts>\n  <!--", "</Host>\n  <!--"), /^XML (error|fatalError)/],
    [
      "a resid that is not defined",
      broken('<Label resid="CCHC.Group.Label"/>', '<Label resid="CCHC.Group.Lable"/>'),
      /refers to no resource/,
    ],
    [
      "a resid of the wrong kind",
      broken('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Taskpane.Url"/>'),
      /refers to a url resource/,
    ],
    [
      "a resource nobody uses",
      broken("<bt:ShortStrings>", '<bt:ShortStrings>\n        <bt:String id="Unused" DefaultValue="x"/>'),
      /"Unused" is defined but never used/,
    ],
    [
      "an http URL",
      broken(
        'DefaultValue="https://localhost:3000/functions.js"',
        'DefaultValue="http://localhost:3000/functions.js"',
      ),
      /not an https:\/\/ URL/,
    ],
    [
      "Runtimes not first in Host",
      broken(/(<Runtimes>[\s\S]*?<\/Runtimes>)\s*(<AllFormFactors>[\s\S]*?<\/AllFormFactors>)/, "$2\n$1"),
      /Runtimes must be the first child/,
    ],
    [
      "a short-lived runtime",
      broken('lifetime="long"', 'lifetime="short"'),
      /exactly one Runtime must have lifetime="long"/,
    ],
    [
      "functions on another page",
      broken(
        /<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/,
        '<Page>\n<SourceLocation resid="Functions.Script.Url"/>',
      ),
      /Page \(Functions.Script.Url\) must be the shared runtime's page/,
    ],
    [
      "the function file on another page",
      broken('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>'),
      /FunctionFile \(Functions.Script.Url\) must be/,
    ],
    [
      "another namespace",
      broken(
        'id="Functions.Namespace" DefaultValue="CCHC"',
        'id="Functions.Namespace" DefaultValue="CONTOSO"',
      ),
      /Namespace must be CCHC/,
    ],
    [
      "no SharedRuntime requirement",
      broken('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""),
      /base requirements must declare SharedRuntime/,
    ],
    [
      "ExcelApi below 1.9 for the overrides",
      broken('<bt:Set Name="ExcelApi" MinVersion="1.9"/>', '<bt:Set Name="ExcelApi" MinVersion="1.8"/>'),
      /ExcelApi must be at least 1.9/,
    ],
    [
      "no English metadata",
      broken(/\s*<bt:Override Locale="en-US" Value="https:\/\/localhost:3000\/functions.en-US.json"\/>/, ""),
      /no en-US override/,
    ],
    [
      "elements out of schema order",
      broken(/(<DefaultLocale>vi-VN<\/DefaultLocale>)\s*(<DisplayName[\s\S]*?<\/DisplayName>)/, "$2\n$1"),
      /out of order inside OfficeApp/,
    ],
  ];

  it.each(cases)("%s", (_name, xml, expected) => {
    const found = problemsOf(xml);
    expect(found.some((text) => expected.test(text))).toBe(true);
  });

  it("an icon of the wrong size", () => {
    const swapped = (url: string) => assets(url.replace("icon-80.png", "icon-64.png"));
    expect(problemsOf(manifest, swapped)).toContainEqual(expect.stringMatching(/is 64×64, expected 80×80/));
  });

  it("an icon that does not exist", () => {
    const missing = (url: string) => assets(url.replace("icon-16.png", "icon-17.png"));
    expect(problemsOf(manifest, missing)).toContainEqual(expect.stringMatching(/icon-17.png does not exist/));
  });
});
