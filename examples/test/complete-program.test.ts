/**
 * The README's "complete program", verbatim, run as a user runs it: a Node
 * process of its own against an emulator, plain, after a global `fetch()`
 * (which lets Node's bundled undici install its process-wide dispatcher),
 * and after `@effect/platform-node` is imported first. The suite runs on
 * every supported Node, so this does too.
 */
import { expect, layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect, Redacted } from "effect"
import { execFile } from "node:child_process"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8")
const examples = fileURLToPath(new URL("..", import.meta.url))
const program = fileURLToPath(new URL("../dist/complete-program.js", import.meta.url))

const readmeBlock = (heading: string): string => {
  const readme = read("../../README.md")
  const start = readme.indexOf(`## ${heading}\n`)
  const match = /```ts\n([\s\S]*?)```/.exec(readme.slice(start))
  if (start < 0 || !match) throw new Error(`README has no ts block under "## ${heading}"`)
  return match[1]!
}

const run = (env: Record<string, string>, preload: Array<string>) =>
  Effect.async<{ code: number; stdout: string; stderr: string }>((resume) => {
    const child = execFile(
      process.execPath,
      [...preload, program],
      { cwd: examples, env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        resume(Effect.succeed({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }))
    )
    return Effect.sync(() => child.kill())
  })

layer(Emulator.layer())("the README's complete program", (it) => {
  it("is examples/src/complete-program.ts, verbatim", () => {
    expect(readmeBlock("A complete program")).toBe(read("../src/complete-program.ts"))
  })

  const cases: ReadonlyArray<[string, (baseUrl: string) => Array<string>]> = [
    ["on its own", () => []],
    [
      "after a global fetch()",
      (baseUrl) => [`--import=data:text/javascript,await fetch(${JSON.stringify(`${baseUrl}/__emulator/state`)})`]
    ],
    ["after @effect/platform-node is imported first", () => ["--import=@effect/platform-node"]]
  ]
  for (const [name, preload] of cases) {
    it.effect(`runs against the emulator ${name} (Node ${process.versions.node})`, () =>
      Effect.gen(function*() {
        const emulator = yield* Emulator
        const result = yield* run({
          SUNCO_BASE_URL: emulator.baseUrl,
          SUNCO_APP_ID: emulator.appId,
          SUNCO_KEY_ID: emulator.keyId,
          SUNCO_KEY_SECRET: Redacted.value(emulator.keySecret)
        }, preload(emulator.baseUrl))
        expect(result.stderr).toBe("")
        expect(result.code).toBe(0)
        expect(result.stdout).toMatch(/^[0-9a-f]{24} Order #1234$/m)
      }))
  }
})
