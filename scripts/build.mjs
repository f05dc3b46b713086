// Builds every package, ESM (dist/esm) and CommonJS (dist/cjs), and the
// examples, with one incremental `tsc -b`; then marks each dist/cjs folder as
// CommonJS, since the packages themselves are "type": "module".
import { execFileSync } from "node:child_process"
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join, resolve } from "node:path"

const root = resolve(import.meta.dirname, "..")
const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc")
execFileSync(process.execPath, [tsc, "-b", join(root, "tsconfig.json")], { stdio: "inherit" })
for (const pkg of ["conversations", "emulator"]) {
  const cjs = join(root, "packages", pkg, "dist/cjs")
  if (existsSync(cjs)) writeFileSync(join(cjs, "package.json"), `{ "type": "commonjs" }\n`)
}

// The user guides a package describes ship in its tarball, under guides/ (gitignored, in "files").
// Links between guides shipped together stay relative; a link to any other guide becomes the
// repository's URL, so every link works both in docs/ and in the tarball.
const guides = {
  conversations: ["configuration.md", "errors.md", "retries.md", "testing.md"],
  emulator: ["emulator.md", "testing.md", "inspector.png"]
}
const repository = "https://github.com/sunco-effect/sunco-effect/blob/main/docs/"
for (const [pkg, files] of Object.entries(guides)) {
  const out = join(root, "packages", pkg, "guides")
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  for (const file of files) {
    if (!file.endsWith(".md")) {
      copyFileSync(join(root, "docs", file), join(out, file))
      continue
    }
    const text = readFileSync(join(root, "docs", file), "utf8").replace(
      /\]\(([a-z-]+\.md)(#[^)]*)?\)/g,
      (link, target, anchor = "") => files.includes(target) ? link : `](${repository}${target}${anchor})`
    )
    writeFileSync(join(out, file), text)
  }
}
