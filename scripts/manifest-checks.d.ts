/** Types of scripts/manifest-checks.js, for the TypeScript tests that use it. */
export interface ManifestFacts {
  id?: string;
  version?: string;
  defaultLocale?: string;
  localizedTexts?: Record<string, string[]>;
  baseRequirements?: Record<string, string>;
  overrideRequirements?: Record<string, string>;
  runtimeResid?: string;
  functions?: { script: string; metadata: string; page?: string; namespace?: string };
  controls?: string[];
}

export interface ManifestCheckResult {
  problems: string[];
  facts: ManifestFacts;
}

export function checkManifest(
  xml: string,
  options?: { resolveFile?: (url: string) => string | undefined },
): ManifestCheckResult;

export function filesUnder(baseUrl: string, dir: string, only?: string): (url: string) => string | undefined;

export function pngSize(bytes: Buffer): { width: number; height: number } | undefined;

export function compareVersions(a: string, b: string): number;

export const DEV_URL: string;
