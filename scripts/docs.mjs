// API docs with @effect/docgen for both packages: every export needs its
// @since tag, and every @example is type-checked and run. Writes each
// package's docs/ (not committed).
import { spawnSync } from "node:child_process"
import { delimiter, join, resolve } from "node:path"

const root = resolve(import.meta.dirname, "..")
// docgen spawns `tsc` and `tsx` by name.
const env = { ...process.env, PATH: [join(root, "node_modules/.bin"), process.env.PATH].join(delimiter) }
for (const pkg of ["conversations", "emulator"]) {
  console.log(`docs: @sunco-effect/${pkg}`)
  const { status } = spawnSync(join(root, "node_modules/.bin/docgen"), [], {
    cwd: join(root, "packages", pkg),
    env,
    stdio: "inherit"
  })
  if (status !== 0) process.exit(status ?? 1)
}
