// `node scripts/generate.mjs --check`, the test command's staleness step:
// it passes on the committed output and fails, naming the file and the
// command to regenerate, once a generated file differs by one byte.
import { describe, expect, it } from "@effect/vitest"
import { spawnSync } from "node:child_process"
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("../../../", import.meta.url))
const generated = join(root, "packages/conversations/src/generated")
const check = (...args: Array<string>) =>
  spawnSync(process.execPath, [join(root, "scripts/generate.mjs"), "--check", ...args], {
    cwd: root,
    encoding: "utf8"
  })

describe("generate.mjs --check", () => {
  it("passes on the committed output", () => {
    const result = check()
    expect([result.status, result.stderr]).toEqual([0, ""])
    expect(result.stdout).toContain("generated code is up to date")
  }, 180_000)

  it("fails after a one-byte change to a generated file, naming it and the command", () => {
    const dir = mkdtempSync(join(tmpdir(), "generated-"))
    try {
      cpSync(generated, dir, { recursive: true })
      const file = join(dir, "Operations.ts")
      const text = readFileSync(file, "utf8")
      const at = text.indexOf("201")
      writeFileSync(file, `${text.slice(0, at)}202${text.slice(at + 3)}`)
      const result = check("--out", dir)
      expect(result.status).toBe(1)
      expect(result.stderr).toContain("Operations.ts")
      expect(result.stderr).not.toContain("Schemas.ts")
      expect(result.stderr).toContain("node scripts/generate.mjs")
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)
})
