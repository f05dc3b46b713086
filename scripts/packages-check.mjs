// The packages as users get them: packs both with pnpm, checks the manifests,
// runs attw (node16 ESM and CJS, bundler) and `publint --strict` on the
// tarballs, installs them with npm into a fresh project on another effect 3.22
// patch than the repo's, then proves exactly one copy of effect, the types
// from CommonJS and ESM (module node16), an ESM and a CommonJS program running
// every operation against the packed emulator's CLI on Node 20, 22 and 24, and
// a smoke program on Bun and Deno. Every snippet a user can copy (the ts
// blocks of the READMEs, docs/**/*.md and the TSDoc @examples, see
// scripts/snippets.mjs) type-checks against the installed packages, and those
// that are whole programs run against the packed emulator. Needs the npm registry.
import { execFileSync, spawn, spawnSync } from "node:child_process"
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { bun, deno, node, nodeMajors } from "./runtimes.mjs"
import { collectSnippets, compileSnippets } from "./snippets.mjs"

// Not the repo's 3.22.4, on purpose: a consumer's patch must not pull in a second effect.
const CONSUMER_EFFECT = "3.22.3"
const root = resolve(import.meta.dirname, "..")
const bin = (name) => join(root, "node_modules/.bin", name)
const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc")
const step = (what) => console.log(`\npackages-check: ${what}`)
const fail = (what) => {
  console.error(`packages-check: FAILED: ${what}`)
  process.exit(1)
}
const run = (cmd, args, options = {}) => execFileSync(cmd, args, { encoding: "utf8", ...options })

// 1. Pack ---------------------------------------------------------------------
const packDir = join(root, ".pack")
rmSync(packDir, { recursive: true, force: true })
mkdirSync(packDir)
const pnpm = process.env.npm_execpath?.includes("pnpm")
  ? [process.env.npm_execpath, []]
  : ["npx", ["-y", "pnpm@12.4.2"]]
const tarballs = {}
for (const pkg of ["conversations", "emulator"]) {
  run(pnpm[0], [...pnpm[1], "pack", "--pack-destination", packDir], {
    cwd: join(root, "packages", pkg),
    stdio: "ignore"
  })
  tarballs[pkg] = join(packDir, readdirSync(packDir).find((f) => f.includes(pkg)))
}

// 2. Manifests and files --------------------------------------------------------
step("manifests")
for (const [pkg, tarball] of Object.entries(tarballs)) {
  const files = run("tar", ["-tzf", tarball]).split("\n")
  for (const f of ["README.md", "LICENSE", "CHANGELOG.md", "package.json"]) {
    if (!files.includes(`package/${f}`)) fail(`${pkg}: the tarball has no ${f}`)
  }
  // the user guides that describe the package (copied from docs/ by scripts/build.mjs)
  const guides = pkg === "emulator" ? ["emulator", "testing"] : ["configuration", "errors", "retries", "testing"]
  for (const guide of guides) {
    if (!files.includes(`package/guides/${guide}.md`)) fail(`${pkg}: the tarball has no guides/${guide}.md`)
  }
  const text = run("tar", ["-xzOf", tarball, "package/package.json"])
  if (text.includes("workspace:")) fail(`${pkg}: the packed package.json names a workspace: version`)
  const manifest = JSON.parse(text)
  for (const field of ["repository", "homepage", "bugs", "keywords", "license"]) {
    if (!manifest[field]) fail(`${pkg}: package.json has no ${field}`)
  }
  if (manifest.publishConfig?.access !== "public") fail(`${pkg}: publishConfig.access is not public`)
  for (const shared of ["effect", "@effect/platform", "@effect/platform-node"]) {
    if (manifest.dependencies?.[shared]) fail(`${pkg}: ${shared} must be a peer dependency, not a dependency`)
  }
  console.log(
    `  ${pkg}: README.md, LICENSE, CHANGELOG.md, guides; repository, homepage, bugs, keywords; public; no workspace:; effect as a peer`
  )
}

// 3. attw and publint ------------------------------------------------------------
step("attw --profile node16 (node16 ESM and CJS, bundler) and publint --strict")
for (const [pkg, tarball] of Object.entries(tarballs)) {
  try {
    run(bin("attw"), [tarball, "--profile", "node16", "--format", "table-flipped"])
    const lint = run(bin("publint"), [tarball, "--strict"])
    if (!lint.includes("All good!")) fail(`${pkg}: publint: ${lint}`)
  } catch (e) {
    fail(`${pkg}: ${e.stdout ?? ""}${e.stderr ?? e.message}`)
  }
  console.log(`  ${pkg}: attw no problems; publint All good!`)
}

// 4. A fresh npm project ----------------------------------------------------------
step(`npm install of both tarballs into a fresh project, with effect@${CONSUMER_EFFECT}`)
const consumer = mkdtempSync(join(tmpdir(), "sunco-consumer-"))
process.on("exit", () => rmSync(consumer, { recursive: true, force: true }))
writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }))
run("npm", [
  "install",
  "--no-audit",
  "--no-fund",
  "--loglevel=error",
  `effect@${CONSUMER_EFFECT}`,
  "@effect/platform@^0.97.0",
  "@effect/platform-node@^0.108.0",
  "@types/node@^20",
  // the README's test example imports @effect/vitest
  "@effect/vitest@0.30.0",
  "vitest@3.2.7",
  // the optional peer of @sunco-effect/conversations/WebhookInbox, and the drivers its docs use
  "@effect/sql@^0.52.0",
  "@effect/experimental@^0.61.0",
  "@effect/sql-libsql@^0.42.0",
  "@effect/sql-pg@^0.53.0",
  tarballs.conversations,
  tarballs.emulator
], { cwd: consumer, stdio: "inherit" })
for (const f of readdirSync(join(root, "scripts/consumer"))) {
  copyFileSync(join(root, "scripts/consumer", f), join(consumer, f))
}
copyFileSync(join(consumer, "types.cts"), join(consumer, "types.mts"))

const effectCopies = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (!d.isDirectory()) return []
    const here = join(dir, d.name)
    const isEffect = d.name === "effect" && existsSync(join(here, "package.json")) &&
      JSON.parse(readFileSync(join(here, "package.json"), "utf8")).name === "effect"
    return [...(isEffect ? [here] : []), ...effectCopies(here)]
  })
const copies = effectCopies(join(consumer, "node_modules"))
if (copies.length !== 1) fail(`expected one copy of effect, found ${copies.length}: ${copies.join(", ")}`)
console.log(`  one copy of effect: ${JSON.parse(readFileSync(join(copies[0], "package.json"))).version}`)

step("TypeScript consumers, module node16, strict, skipLibCheck off")
for (const file of ["types.cts", "types.mts"]) {
  try {
    run(process.execPath, [tsc, "--noEmit", "--strict", "--module", "node16", "--target", "es2022", file], {
      cwd: consumer
    })
  } catch (e) {
    fail(`${file} does not type-check:\n${e.stdout}`)
  }
  console.log(`  ${file}: type-checks`)
}

step("every snippet a user can copy (READMEs, docs/**/*.md, TSDoc @example): tsc, strict, module nodenext")
const snippets = collectSnippets(root)
const compiled = compileSnippets({ blocks: snippets, dir: consumer, tsc })
if (compiled.errors.length > 0) fail(`snippets do not type-check:\n${compiled.errors.join("\n")}`)
console.log(`  ${snippets.length} blocks type-check`)

// Each entry point loads on its own, first thing in a process (a module cycle shows only then).
step("every public entry point, alone in a fresh process: import() and require()")
for (const name of ["@sunco-effect/conversations", "@sunco-effect/emulator"]) {
  const { exports } = JSON.parse(readFileSync(join(consumer, "node_modules", name, "package.json"), "utf8"))
  for (const entry of Object.keys(exports).filter((e) => e !== "./package.json")) {
    const specifier = entry === "." ? name : `${name}/${entry.slice(2)}`
    for (
      const args of [["--input-type=module", "-e", `await import(${JSON.stringify(specifier)})`], [
        "-e",
        `require(${JSON.stringify(specifier)})`
      ]]
    ) {
      const alone = spawnSync(process.execPath, args, { cwd: consumer, encoding: "utf8" })
      if (alone.status !== 0) fail(`${specifier} does not load alone (${args[0]}):\n${alone.stderr}`)
    }
  }
}
console.log("  every entry point loads alone, as ESM and as CommonJS")

// 5. Programs against the packed emulator's CLI -----------------------------------
const emulator = spawn(
  process.execPath,
  [join(consumer, "node_modules/.bin/sunco-emulator"), "--port", "0", "--quiet"],
  {
    cwd: consumer,
    stdio: ["ignore", "pipe", "inherit"]
  }
)
process.on("exit", () => emulator.kill())
const env = await new Promise((ok, ko) => {
  let out = ""
  emulator.stdout.on("data", (chunk) => {
    out += chunk
    if (out.includes("SUNCO_KEY_SECRET=")) {
      ok(Object.fromEntries([...out.matchAll(/(SUNCO_[A-Z_]+)=(\S+)/g)].map((m) => [m[1], m[2]])))
    }
  })
  emulator.on("exit", (code) => ko(new Error(`the packed emulator exited with ${code}: ${out}`)))
})

const program = (label, [cmd, lead], file) => {
  step(`${label}: ${file}`)
  const result = spawnSync(cmd, [...lead, file], {
    cwd: consumer,
    env: { ...process.env, ...env, NO_COLOR: "1" },
    encoding: "utf8"
  })
  if (result.status !== 0) fail(`${label} ${file} exited with ${result.status}:\n${result.stdout}\n${result.stderr}`)
  if (/Executing an Effect versioned/.test(result.stdout + result.stderr)) {
    fail(`${label} ${file}: effect version mismatch warning`)
  }
  console.log(`  ${result.stdout.trim()}`)
}
step("the snippets that are whole programs (they call a runner), each in a Node process of its own")
snippets.forEach((b, n) => {
  if (!b.program) return
  const result = spawnSync(process.execPath, [compiled.js(n)], {
    cwd: consumer,
    env: { ...process.env, ...env, NO_COLOR: "1" },
    encoding: "utf8",
    timeout: 30_000
  })
  if (result.status !== 0) {
    const how = result.error?.code === "ETIMEDOUT" ? "did not finish in 30 s" : `exited with ${result.status}`
    fail(`the program at ${b.file}:${b.line} ${how}:\n${result.stdout}\n${result.stderr}`)
  }
  console.log(`  ${b.file}:${b.line}: exit 0`)
})
const counts = new Map()
for (const b of snippets) {
  const c = counts.get(b.source) ?? { compiled: 0, run: 0 }
  c.compiled++
  if (b.program) c.run++
  counts.set(b.source, c)
}
for (const [source, c] of counts) {
  console.log(`  ${source}: ${c.compiled} block${c.compiled === 1 ? "" : "s"} compiled, ${c.run} run`)
}
if (!counts.has("docs/**/*.md")) console.log("  docs/**/*.md: 0 blocks")

for (const major of nodeMajors) {
  const runtime = node(major)
  program(`Node ${major}`, runtime, "esm.mjs")
  program(`Node ${major}`, runtime, "cjs.cjs")
}
program("Bun", bun(), "smoke.mjs")
program("Deno", deno(), "smoke.mjs")
console.log("\npackages-check: all passed")
// The emulator child keeps the event loop alive: exit (which stops it through the exit hook).
process.exit(0)
