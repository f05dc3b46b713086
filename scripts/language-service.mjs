// The Effect language service's diagnostics (floating effects, missing
// services in context, leaked requirements, …) on every project, as the
// editor plugin in tsconfig.base.json reports them; any finding fails.
import { spawnSync } from "node:child_process"
import { createRequire } from "node:module"
import { join, resolve } from "node:path"

const root = resolve(import.meta.dirname, "..")
const cli = join(
  createRequire(join(root, "package.json")).resolve("@effect/language-service/package.json"),
  "../cli.js"
)
const projects = [
  "packages/conversations/tsconfig.build.json",
  "packages/conversations/tsconfig.test.json",
  "packages/emulator/tsconfig.build.json",
  "examples/tsconfig.json"
]
let failed = false
for (const project of projects) {
  const { status, stderr, stdout } = spawnSync(
    process.execPath,
    [cli, "diagnostics", "--project", join(root, project), "--format", "text", "--strict"],
    { encoding: "utf8" }
  )
  const summary = stdout.trim().split("\n").at(-1)
  console.log(`language service: ${project}: ${summary}`)
  if (status !== 0) {
    failed = true
    console.error(stdout + stderr)
  }
}
process.exit(failed ? 1 : 0)
