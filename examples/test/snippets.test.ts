/**
 * Every `ts` code block of the READMEs compiles, against the packages as
 * users import them: each block becomes a module of its own under
 * examples/.snippets, type-checked with the repository's settings.
 */
import { expect, it } from "@effect/vitest"
import { execFile } from "node:child_process"
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("../../", import.meta.url))
const out = fileURLToPath(new URL("../.snippets/", import.meta.url))
const readmes = [
  "README.md",
  "packages/conversations/README.md",
  "packages/emulator/README.md",
  ...["benchmarks", "configuration", "contributing", "emulator", "errors", "retries", "testing"].map((guide) =>
    `docs/${guide}.md`
  )
]

const blocks = readmes.flatMap((readme) =>
  [...readFileSync(root + readme, "utf8").matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m, i) => ({
    name: `${readme.replace(/[/.]/g, "-")}-${i + 1}.ts`,
    code: m[1]!
  }))
)

it("the READMEs have ts blocks to check", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(7)
})

it("every ts block of the READMEs type-checks", { timeout: 120_000 }, async () => {
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  for (const block of blocks) writeFileSync(out + block.name, block.code)
  writeFileSync(
    out + "tsconfig.json",
    JSON.stringify({
      extends: "../../tsconfig.base.json",
      compilerOptions: {
        noEmit: true,
        composite: false,
        incremental: false,
        declaration: false,
        declarationMap: false
      },
      include: ["*.ts"]
    })
  )
  const tsc = createRequire(root + "package.json").resolve("typescript/bin/tsc")
  const result = await new Promise<{ code: number; output: string }>((resolve) =>
    execFile(
      process.execPath,
      [tsc, "-p", out + "tsconfig.json"],
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr })
    )
  )
  expect(result.output).toBe("")
  expect(result.code).toBe(0)
})
