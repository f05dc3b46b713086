import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/`, import.meta.url))

export default defineConfig({
  resolve: {
    // Tests run on the sources; the build is checked separately by the pack test.
    alias: [
      { find: /^@sunco-effect\/(conversations|emulator)$/, replacement: `${src("$1")}index.ts` },
      { find: /^@sunco-effect\/(conversations|emulator)\/(.+)$/, replacement: `${src("$1")}$2.ts` }
    ]
  },
  test: {
    include: ["packages/*/test/**/*.test.ts", "examples/test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000
  }
})
