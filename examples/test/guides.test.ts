/**
 * The guides stay true to the repository: the TestClock example of
 * docs/testing.md is the test that runs (examples/test/retry-clock.test.ts),
 * and every relative link of the READMEs and the guides reaches a file.
 */
import { describe, expect, it } from "@effect/vitest"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("../../", import.meta.url))
const read = (path: string) => readFileSync(join(root, path), "utf8")

const blockUnder = (path: string, heading: string): string => {
  const text = read(path)
  const start = text.indexOf(`## ${heading}\n`)
  const match = /```ts\n([\s\S]*?)```/.exec(text.slice(start))
  if (start < 0 || !match) throw new Error(`${path} has no ts block under "## ${heading}"`)
  return match[1]!
}

describe("the guides", () => {
  it("show the TestClock test that runs, verbatim", () => {
    expect(blockUnder("docs/testing.md", "Retries on the TestClock")).toBe(
      read("examples/test/retry-clock.test.ts")
    )
  })

  const pages = [
    "README.md",
    "packages/conversations/README.md",
    "packages/emulator/README.md",
    ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)
  ]
  for (const page of pages) {
    it(`${page}: every relative link reaches a file`, () => {
      const targets = [...read(page).matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)]
        .map((m) => m[1]!)
        .filter((target) => !/^[a-z]+:/.test(target))
      const missing = targets.filter((target) => !existsSync(join(root, dirname(page), target)))
      expect(missing).toEqual([])
    })
  }
})
