/**
 * Three projects so each test gets the environment it needs without a per-file docblock:
 *  - node: the core, the custom functions, the CLI and the scripts (test/**\/*.test.ts);
 *  - dom: React components in jsdom (test/**\/*.test.tsx);
 *  - build: tests of dist/ (test/build), which need one production build first (globalSetup).
 * Suites needing a system program call `requirePrograms` (test/support/system-programs.js).
 * ts-jest compiles file by file (tsconfig has isolatedModules); `npm run typecheck` checks types.
 */
"use strict";

const transform = { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }] };
const common = {
  rootDir: __dirname,
  transform,
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};

module.exports = {
  testTimeout: 30000,
  // Suites that need LibreOffice, poppler or Chromium skip where they are missing (fail under
  // CI); the teardown prints the one notice of what was skipped (test/support/system-programs.js).
  globalSetup: "<rootDir>/test/support/skip-notice.js",
  globalTeardown: "<rootDir>/test/support/skip-notice-teardown.js",
  projects: [
    {
      ...common,
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/build/"],
    },
    {
      ...common,
      displayName: "dom",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/test/setup/jsdom.ts"],
    },
    {
      ...common,
      displayName: "build",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/build/**/*.test.ts"],
      globalSetup: "<rootDir>/test/build/global-setup.js",
    },
  ],
};
