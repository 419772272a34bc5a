/** Types of test/support/system-programs.js, for the TypeScript tests that use it. */
export type SystemProgram = "libreoffice" | "writer" | "poppler" | "chromium";

export interface SkipRecord {
  suite: string;
  missing: SystemProgram[];
}

export const PROGRAMS: Record<SystemProgram, { label: string; packages: string[]; found(): boolean }>;
export function isAvailable(name: SystemProgram): boolean;
export function underCi(env?: NodeJS.ProcessEnv): boolean;
export function installCommand(names: SystemProgram[]): string;
/** True when every program is there; false (skip recorded) or throws under CI when one is missing. */
export function requirePrograms(suite: string, names: SystemProgram[]): boolean;
export function skipNotice(records: SkipRecord[]): string;
