/** The OpenAPI spec kept in the repository (spec/), parsed once. */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { parse } from "yaml"

export const specPath = fileURLToPath(
  new URL("../../../../spec/sunshine-conversations-openapi.yaml", import.meta.url)
)

export const spec = parse(readFileSync(specPath, "utf8")) as {
  readonly paths: Record<string, Record<string, any>>
  readonly components: { readonly examples: Record<string, { value: unknown }>; readonly schemas: Record<string, any> }
}

/**
 * The spec in the dialect ajv accepts. OpenAPI 3.0 allows `nullable: true`
 * beside `allOf` without a `type` (the spec does this for
 * `activeSwitchboardIntegration`, for instance); ajv refuses that form, so it
 * is rewritten to its JSON Schema meaning, `anyOf: [schema, { type: "null" }]`.
 * Nothing else changes: the validator still does all the checking.
 */
export const specForAjv = (): unknown => {
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite)
    if (typeof node !== "object" || node === null) return node
    const entries = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, rewrite(v)]))
    if (entries.nullable === true && entries.type === undefined) {
      const { description, example: _example, nullable: _, ...rest } = entries
      return { anyOf: [rest, { type: "null" }], ...(description ? { description } : {}) }
    }
    if (entries.nullable !== undefined && entries.type === undefined) {
      const { nullable: _, ...rest } = entries
      return rest
    }
    return entries
  }
  return rewrite(parse(readFileSync(specPath, "utf8")))
}
