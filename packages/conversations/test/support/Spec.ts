/** The OpenAPI spec in ../shared, parsed once. */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { parse } from "yaml"

export const specPath = fileURLToPath(
  new URL("../../../../../shared/spec/sunshine-conversations-openapi.yaml", import.meta.url)
)

export const spec = parse(readFileSync(specPath, "utf8")) as {
  readonly paths: Record<string, Record<string, any>>
  readonly components: { readonly examples: Record<string, { value: unknown }>; readonly schemas: Record<string, any> }
}
