// The packed packages from CommonJS: require() of every public entry point
// returns the same API as import(), and every operation runs over the
// platform's HttpClient.
const { readFileSync } = require("node:fs")
const { join } = require("node:path")

const main = async () => {
  for (const name of ["@sunco-effect/conversations", "@sunco-effect/emulator"]) {
    const { exports } = JSON.parse(readFileSync(join(__dirname, "node_modules", name, "package.json"), "utf8"))
    for (const entry of Object.keys(exports).filter((e) => e !== "./package.json")) {
      const specifier = entry === "." ? name : `${name}/${entry.slice(2)}`
      const required = Object.keys(require(specifier)).filter((k) => k !== "__esModule").sort()
      const imported = Object.keys(await import(specifier)).filter((k) => k !== "default" && k !== "module.exports")
        .sort()
      if (required.length === 0 || JSON.stringify(required) !== JSON.stringify(imported)) {
        throw new Error(`${specifier}: require() gives [${required}], import() gives [${imported}]`)
      }
    }
  }
  const conversations = require("@sunco-effect/conversations")
  const { NodeHttpClient } = require("@effect/platform-node")
  const effect = require("effect")
  const layer = conversations.Conversations.layerConfig().pipe(effect.Layer.provide(NodeHttpClient.layerUndici))
  const done = await (await import("./operations.mjs")).everyOperation({ effect, conversations, layer })
  console.log(
    `cjs (Node ${process.versions.node}): require() of every entry point equals import(); ${done} over the platform HttpClient`
  )
}
main().catch((e) => {
  console.error(e)
  process.exit(1)
})
