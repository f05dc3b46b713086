/**
 * The tests StrykerJS runs against each mutant: every test that states the
 * behaviour of the mutated modules and runs in-process, without the ones
 * that spawn processes, drive a browser or soak (they add minutes per run
 * and kill no mutant the others miss).
 */
import { defineConfig } from "vitest/config"
import base from "./vitest.config.js"

// Spread, not mergeConfig: mergeConfig would append to the base include list instead of replacing it.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      "packages/conversations/test/**/*.test.ts",
      "packages/emulator/test/**/*.test.ts",
      "packages/behaviour/test/**/*.test.ts"
    ],
    exclude: [
      "packages/emulator/test/cli.test.ts",
      "packages/emulator/test/inspector.test.ts",
      "packages/emulator/test/soak.test.ts",
      "packages/emulator/test/fuzz.test.ts",
      "packages/emulator/test/officialSdk.test.ts",
      "packages/conversations/test/types.test.ts"
    ]
  }
})
