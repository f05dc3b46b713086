// Builds every package, ESM (dist/esm) and CommonJS (dist/cjs), and the
// examples, with one incremental `tsc -b`; then marks each dist/cjs folder as
// CommonJS, since the packages themselves are "type": "module".
import { execFileSync } from "node:child_process"
import { existsSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join, resolve } from "node:path"

const root = resolve(import.meta.dirname, "..")
const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc")
execFileSync(process.execPath, [tsc, "-b", join(root, "tsconfig.json")], { stdio: "inherit" })
for (const pkg of ["conversations", "emulator"]) {
  const cjs = join(root, "packages", pkg, "dist/cjs")
  if (existsSync(cjs)) writeFileSync(join(cjs, "package.json"), `{ "type": "commonjs" }\n`)
}
