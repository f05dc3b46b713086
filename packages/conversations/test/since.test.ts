/**
 * Every `@since` names a version the package has reached: the release a
 * prerelease leads to (0.2.0 for 0.2.0-next.3) or an earlier one, so a packed
 * tarball never documents an API as arriving in a later version than its own.
 */
import { describe, expect, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const packages = fileURLToPath(new URL("../../", import.meta.url))
const parse = (version: string) => version.split("-")[0]!.split(".").map(Number)
const notAfter = (a: Array<number>, b: Array<number>) => {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]!
  return true
}

describe.each(["conversations", "emulator"])("@sunco-effect/%s", (pkg) => {
  const version = JSON.parse(readFileSync(join(packages, pkg, "package.json"), "utf8")).version as string
  const src = join(packages, pkg, "src")
  const tags = readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .flatMap((file) =>
      [...readFileSync(join(src, file), "utf8").matchAll(/@since (\S+)/g)].map((m) => ({ file, since: m[1]! }))
    )

  it(`every @since is at most the release ${version} leads to`, () => {
    expect(tags.length).toBeGreaterThan(10)
    expect(tags.filter((t) => !notAfter(parse(t.since), parse(version)))).toEqual([])
  })
})
