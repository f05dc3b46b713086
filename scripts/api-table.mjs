// Prints the operation table as Markdown (family, method, operationId, HTTP,
// typed errors, retry-safe, paginated), from the built package: what
// docs/api.md holds. Run after `node scripts/build.mjs`.
import { Operations } from "../packages/conversations/dist/esm/Testing.js"

const rows = Operations.names.map((name) => {
  const spec = Operations.Operations[name]
  const [family, method] = name.split(".")
  const paginated = spec.pagination === undefined ? "" : spec.pagination.direction ?? "yes"
  return `| ${family} | \`${method}\` | ${spec.id} | \`${spec.method} ${spec.path}\` | ${
    spec.errors.map((e) => `\`${e}\``).join(", ") || "–"
  } | ${spec.repeatable ? "yes" : "no"} | ${paginated} |`
})
console.log(
  "| family | method | operation | HTTP | typed errors (besides the common ones and `AppNotFound`) | retry-safe | paginated |"
)
console.log("|---|---|---|---|---|---|---|")
for (const row of rows.sort()) console.log(row)
console.log(`\n${rows.length} operations in ${new Set(Operations.names.map((n) => n.split(".")[0])).size} families.`)
