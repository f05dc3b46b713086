// The test command: builds, checks the generated code is up to date
// (scripts/generate.mjs --check), type-checks the tests and examples, lints
// (eslint, the Effect language service), generates the API docs (their
// examples type-checked), runs the whole vitest suite on Node 20, 22 and 24,
// then checks the packed packages as users install them
// (scripts/packages-check.mjs). Stops at the first
// failing step, with its exit code.
import { spawnSync } from "node:child_process"
import { createRequire } from "node:module"
import { join, resolve } from "node:path"
import { node, nodeMajors } from "./runtimes.mjs"

const root = resolve(import.meta.dirname, "..")
const resolveBin = createRequire(join(root, "package.json")).resolve
const vitest = join(resolveBin("vitest/package.json"), "../vitest.mjs")

const step = (title, [cmd, lead], args) => {
  console.log(`\n=== ${title}`)
  const started = Date.now()
  const { status } = spawnSync(cmd, [...lead, ...args], { cwd: root, stdio: "inherit" })
  if (status !== 0) {
    console.error(`=== FAILED: ${title} (exit ${status})`)
    process.exit(status ?? 1)
  }
  console.log(`=== ok: ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

const here = [process.execPath, []]
step("build (ESM, CommonJS, examples)", here, [join(root, "scripts/build.mjs")])
step("generated code is up to date (else: node scripts/generate.mjs)", here, [
  join(root, "scripts/generate.mjs"),
  "--check"
])
step("type-check tests, examples and benchmark sources", here, [
  resolveBin("typescript/bin/tsc"),
  "-p",
  "tsconfig.check.json"
])
step("lint: eslint with Effect's dprint rules", [join(root, "node_modules/.bin/eslint"), []], ["."])
step("lint: Effect language service diagnostics", here, [join(root, "scripts/language-service.mjs")])
step("docs: @effect/docgen, @example blocks type-checked and run", here, [join(root, "scripts/docs.mjs")])
for (const major of nodeMajors) {
  const runtime = node(major)
  step(`vitest on Node ${major}`, runtime, [vitest, "run"])
}
step("packages as users install them", here, [join(root, "scripts/packages-check.mjs")])
