// Builds every package, ESM (dist/esm) and CommonJS (dist/cjs), and the
// examples: one incremental TypeScript solution build, driven project by
// project so that a long build prints a line per step instead of nothing;
// then marks each dist/cjs folder as CommonJS, since the packages themselves
// are "type": "module", and copies the guides each package ships.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join, relative, resolve } from "node:path"

const root = resolve(import.meta.dirname, "..")
const ts = createRequire(join(root, "package.json"))("typescript")

const format = ts.createDiagnosticReporter(ts.sys, process.stdout.isTTY)
let errors = 0
// A project's diagnostics are printed after its status line.
let pending = []
const host = ts.createSolutionBuilderHost(ts.sys, undefined, (diagnostic) => {
  errors++
  pending.push(diagnostic)
})
const builder = ts.createSolutionBuilder(host, [join(root, "tsconfig.json")], {})
const started = Date.now()
let built = 0
for (let project = builder.getNextInvalidatedProject(); project; project = builder.getNextInvalidatedProject()) {
  const name = relative(root, project.project)
  const began = Date.now()
  process.stdout.write(`build: ${name} ...`)
  const status = project.done()
  built++
  console.log(` ${status === ts.ExitStatus.Success ? "ok" : "FAILED"} (${((Date.now() - began) / 1000).toFixed(1)} s)`)
  pending.forEach(format)
  pending = []
}
if (errors > 0) {
  console.error(`build: ${errors} error(s)`)
  process.exit(1)
}
console.log(
  built === 0
    ? "build: everything up to date"
    : `build: ${built} project(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`
)
for (const pkg of ["conversations", "emulator"]) {
  const cjs = join(root, "packages", pkg, "dist/cjs")
  if (existsSync(cjs)) writeFileSync(join(cjs, "package.json"), `{ "type": "commonjs" }\n`)
}

// The user guides a package describes ship in its tarball, under guides/ (gitignored, in "files").
// Links between guides shipped together stay relative; a link to any other guide becomes the
// repository's URL, so every link works both in docs/ and in the tarball.
const guides = {
  conversations: ["api.md", "configuration.md", "errors.md", "retries.md", "testing.md"],
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
