// The packed packages from an ES module: every public entry point imports,
// and every operation runs over the Node-only undici entry.
import * as conversations from "@sunco-effect/conversations"
import { Undici } from "@sunco-effect/conversations/Undici"
import * as effect from "effect"
import { readFileSync } from "node:fs"
import { everyOperation } from "./operations.mjs"

for (const name of ["@sunco-effect/conversations", "@sunco-effect/emulator"]) {
  const { exports } = JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), "utf8"))
  for (const entry of Object.keys(exports).filter((e) => e !== "./package.json")) {
    const module = await import(entry === "." ? name : `${name}/${entry.slice(2)}`)
    if (Object.keys(module).length === 0) throw new Error(`${name} ${entry}: no exports`)
  }
}
for (
  const internal of [
    "@sunco-effect/conversations/internal/classify",
    "@sunco-effect/emulator/routes/admin",
    "@sunco-effect/emulator/bin"
  ]
) {
  const error = await import(internal).then(() => undefined, (e) => e)
  if (error?.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") throw new Error(`${internal} is importable`)
}
const done = await everyOperation({ effect, conversations, layer: Undici.layerConfig() })
console.log(
  `esm (Node ${process.versions.node}): every entry point imports, internals do not; ${done} over Undici.layer`
)
