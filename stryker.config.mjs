// Mutation testing of the client's core and the emulator's auth and faults:
//   npx -y pnpm@12.4.2 mutation      (reports/mutation/index.html and mutation.json)
// Incremental: a run reuses the results of the last one for code and tests that did not change.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  // Named explicitly: under pnpm, Stryker cannot discover plugins by scanning node_modules.
  plugins: ["@stryker-mutator/vitest-runner"],
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  coverageAnalysis: "perTest",
  // Static mutants (module-level values: the operation table, regular expressions, the set of
  // not-sent transport codes) rerun the whole suite each (~43 s): a from-scratch pass with them takes
  // 44 minutes. Their behaviour is pinned by named tests instead; reports/mutation/README.md says what
  // the last pass with them found.
  ignoreStatic: true,
  mutate: [
    "packages/conversations/src/Operations.ts",
    "packages/conversations/src/internal/classify.ts",
    "packages/conversations/src/RetryPolicy.ts",
    "packages/conversations/src/internal/stream.ts",
    "packages/conversations/src/Validation.ts",
    "packages/conversations/src/Credentials.ts",
    "packages/conversations/src/Host.ts",
    "packages/conversations/src/ListQuery.ts",
    "packages/emulator/src/Auth.ts",
    "packages/emulator/src/Faults.ts"
  ],
  reporters: ["html", "json", "clear-text", "progress"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
  concurrency: 2,
  timeoutMS: 20000,
  tempDirName: ".stryker-tmp",
  thresholds: { high: 90, low: 85, break: null }
}
