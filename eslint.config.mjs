/**
 * ESLint 9 flat config. The office-addins rules catch real Office.js bugs (a read before
 * context.sync, a sync inside a loop…); they are errors here, not the plugin's warnings, so CI
 * stops on them. Formatting is prettier's job (`npm run prettier`), not lint's.
 */
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Take the rule list from the plugin's own recommended config, so new rules arrive with updates.
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.keys(config.rules ?? {}))
    .filter((name) => name.startsWith("office-addins/"))
    .map((name) => [name, "error"]),
);

export default defineConfig(
  { ignores: ["dist/", "lib/", "node_modules/", "coverage/", "test-artifacts/", ".lo-profile*/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // `interface FontApi extends Pick<Excel.RangeFont, …> {}` names a narrow view of an Office.js
      // type for the adapters and their fakes; an empty `{}` type is still refused.
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
    },
  },
  {
    // The office-addins rules recognise Office.js by shape (load, sync, getCell…), so they only
    // look at code that runs in Office: ExcelJS's API has the same shape and would be misread, and
    // the core and the CLI never touch Office. Tests inspect the Office.js fake's state directly.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/core/**", "src/cli/**", "src/xlsx/**"],
    plugins: { "office-addins": officeAddins },
    rules: officeAddinsRules,
  },
  {
    files: ["**/*.tsx"],
    ...react.configs.flat.recommended,
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      // React 17+ JSX transform (tsconfig "jsx": "react-jsx"): no React import needed.
      ...react.configs.flat["jsx-runtime"].rules,
    },
  },
  {
    // Node scripts and configs are CommonJS.
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
  {
    files: ["test/**"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
);
