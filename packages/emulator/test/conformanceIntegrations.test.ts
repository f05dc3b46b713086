/**
 * The emulator's answers to the Integrations operations validate against the
 * OpenAPI spec (openapi-backend, ajv), successes and documented errors.
 */
import { layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { conforms, conformsAsError } from "./support/Conformance.js"
import { call } from "./support/Http.js"

const MISSING = "0123456789abcdef01234567"

layer(Emulator.layer(), { timeout: "60 seconds" })("Integrations answers conform to the OpenAPI spec", (it) => {
  it.effect("create, list, get, update and delete: successes and errors", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const base = `/v2/apps/${appId}/integrations`
      const custom = yield* call("POST", base, {
        body: {
          type: "custom",
          displayName: "Bot",
          webhooks: [{ target: "https://example.com/hooks", triggers: ["conversation:message"] }]
        }
      })
      yield* conforms("CreateIntegration", custom, 201)
      const id = (custom.json as { integration: { id: string } }).integration.id
      const web = yield* call("POST", base, { body: { type: "web", displayName: "Site", brandColor: "00ff00" } })
      yield* conforms("CreateIntegration", web, 201)
      yield* conforms("CreateIntegration", yield* call("POST", base, { body: { type: "carrier-pigeon" } }), 400)

      const first = yield* call("GET", `${base}?filter[types]=custom,web&page[size]=1`)
      yield* conforms("ListIntegrations", first, 200)
      const after = (first.json as { meta: { afterCursor: string } }).meta.afterCursor
      yield* conforms("ListIntegrations", yield* call("GET", `${base}?page%5Bafter%5D=${after}&page%5Bsize%5D=1`), 200)
      yield* conforms("ListIntegrations", yield* call("GET", base), 200)
      yield* conforms("ListIntegrations", yield* call("GET", `${base}?page[size]=0`), 400)

      yield* conforms("GetIntegration", yield* call("GET", `${base}/${id}`), 200)
      yield* conforms("GetIntegration", yield* call("GET", `${base}/${MISSING}`), 404)

      yield* conforms("UpdateIntegration", yield* call("PATCH", `${base}/${id}`, { body: { displayName: "R" } }), 200)
      yield* conforms(
        "UpdateIntegration",
        yield* call("PATCH", `${base}/${MISSING}`, { body: { displayName: "R" } }),
        404
      )
      // Not documented for UpdateIntegration: a field of another type's update (brandColor on a custom one).
      yield* conformsAsError(
        "UpdateIntegration",
        yield* call("PATCH", `${base}/${id}`, { body: { brandColor: "ff0000" } }),
        400
      )

      yield* conforms("DeleteIntegration", yield* call("DELETE", `${base}/${id}`), 200)
      yield* conforms("DeleteIntegration", yield* call("DELETE", `${base}/${id}`), 404)
    }))
})
