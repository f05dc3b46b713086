// Effect's own lint setup (Effect-TS/effect's eslint.config.mjs), trimmed to
// what this repository uses: typescript-eslint's recommended rules and
// @effect/eslint-plugin's dprint formatting with Effect's settings.
import * as effectEslint from "@effect/eslint-plugin"
import sortDestructureKeys from "eslint-plugin-sort-destructure-keys"
import tseslint from "typescript-eslint"

export default [
  { ignores: ["**/dist", "**/node_modules", "**/.pack", "**/.snippets", "**/docs", "**/*.md", "bench/**/*.mjs"] },
  ...tseslint.configs.recommended,
  ...effectEslint.configs.dprint,
  {
    plugins: { "sort-destructure-keys": sortDestructureKeys },
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "no-fallthrough": "off",
      "object-shorthand": "error",
      "require-yield": "off",
      "sort-destructure-keys/sort-destructure-keys": "error",
      "@typescript-eslint/array-type": ["error", { default: "generic", readonly: "generic" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-empty-object-type": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@effect/dprint": ["error", {
        config: {
          indentWidth: 2,
          lineWidth: 120,
          semiColons: "asi",
          quoteStyle: "alwaysDouble",
          trailingCommas: "never",
          operatorPosition: "maintain",
          "arrowFunction.useParentheses": "force"
        }
      }]
    }
  },
  {
    // A CommonJS consumer program: require() is what it tests.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" }
  },
  {
    files: ["packages/conversations/src/**/*.ts", "packages/emulator/src/**/*.ts"],
    rules: {
      "no-console": "error",
      "@effect/no-import-from-barrel-package": ["error", { packageNames: ["effect", "@effect/platform"] }]
    }
  },
  {
    // The CLI's whole job is to print.
    files: ["packages/emulator/src/bin.ts"],
    rules: { "no-console": "off" }
  }
]
