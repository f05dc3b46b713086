// Packs @sunco-effect/conversations with `pnpm pack`, unpacks the tarball
// into a plain Node ESM project (no workspace, no TypeScript) and imports it,
// so a broken `exports` map, a missing file or a CommonJS slip fails the build.
// effect and @effect/platform, its peer dependencies, are linked from this
// workspace so the check needs no network.
import { execFileSync } from "node:child_process"
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync, realpathSync } from "node:fs"
import { createRequire } from "node:module"
import { join, resolve } from "node:path"

const root = resolve(import.meta.dirname, "..")
const pkgDir = join(root, "packages/conversations")
const out = join(root, ".pack-check")
rmSync(out, { recursive: true, force: true })
mkdirSync(join(out, "node_modules/@sunco-effect/conversations"), { recursive: true })
mkdirSync(join(out, "node_modules/@effect"), { recursive: true })

const pnpm = process.env.npm_execpath && process.env.npm_execpath.includes("pnpm") ? process.env.npm_execpath : null
const packArgs = ["pack", "--pack-destination", out]
// pnpm 12 is a native executable, not a script for node.
if (pnpm) execFileSync(pnpm, packArgs, { cwd: pkgDir, stdio: "inherit" })
else execFileSync("npx", ["-y", "pnpm@12.4.2", ...packArgs], { cwd: pkgDir, stdio: "inherit" })

const tarball = readdirSync(out).find((f) => f.endsWith(".tgz"))
if (!tarball) throw new Error("pnpm pack produced no tarball")
execFileSync("tar", ["-xzf", join(out, tarball), "-C", join(out, "node_modules/@sunco-effect/conversations"), "--strip-components=1"])

const require = createRequire(join(pkgDir, "package.json"))
const linkPackage = (name) => {
  const dir = realpathSync(join(require.resolve(`${name}/package.json`), ".."))
  symlinkSync(dir, join(out, "node_modules", name), "dir")
}
linkPackage("effect")
linkPackage("@effect/platform")

writeFileSync(join(out, "package.json"), JSON.stringify({ name: "pack-check", private: true, type: "module" }))
writeFileSync(join(out, "check.mjs"), `
import { Effect } from "effect"
import { Conversations, ConversationsTest, Credentials, Host, RetryPolicy } from "@sunco-effect/conversations"
import * as Validation from "@sunco-effect/conversations/Validation"
import { readFileSync } from "node:fs"

const pkg = JSON.parse(readFileSync(new URL("./node_modules/@sunco-effect/conversations/package.json", import.meta.url)))
if (pkg.sideEffects !== false) throw new Error("sideEffects must be false")
if (JSON.stringify(pkg).includes("workspace:")) throw new Error("the packed package.json still names workspace: versions")
if (typeof Conversations.layer !== "function" || typeof Credentials.basic !== "function") throw new Error("missing exports")
if (Host.us !== "https://api.smooch.io" || typeof RetryPolicy.make !== "function" || typeof Validation.checkCreateBody !== "function") {
  throw new Error("missing exports")
}
const program = Effect.gen(function*() {
  const conversations = yield* Conversations
  const created = yield* conversations.create("app", { type: "sdkGroup", displayName: "packed" })
  return yield* conversations.get("app", created.id)
}).pipe(Effect.provide(ConversationsTest.layer({ seed: { apps: [{ id: "app" }] } })))
const conversation = await Effect.runPromise(program)
if (conversation.displayName !== "packed") throw new Error("unexpected result")
console.log("pack-check: the packed tarball imports and runs from a plain Node ESM project")
`)
execFileSync(process.execPath, ["check.mjs"], { cwd: out, stdio: "inherit" })
