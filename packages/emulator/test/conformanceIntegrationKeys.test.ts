/**
 * The emulator's answers to the Custom Integration API Keys operations
 * validate against the OpenAPI spec (openapi-backend, ajv). The spec
 * documents no error for most of them: those are checked as `errorResponse`.
 */
import { layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { conforms, conformsAsError } from "./support/Conformance.js"
import { call } from "./support/Http.js"

const MISSING = "0123456789abcdef01234567"

layer(Emulator.layer(), { timeout: "60 seconds" })("IntegrationKeys answers conform to the OpenAPI spec", (it) => {
  it.effect("create, list, get and delete: successes and errors", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const integrations = `/v2/apps/${appId}/integrations`
      const custom = yield* call("POST", integrations, {
        body: {
          type: "custom",
          webhooks: [{ target: "https://example.com/hooks", triggers: ["conversation:message"] }]
        }
      })
      const id = (custom.json as { integration: { id: string } }).integration.id
      const web = yield* call("POST", integrations, { body: { type: "web" } })
      const webId = (web.json as { integration: { id: string } }).integration.id
      const base = `${integrations}/${id}/keys`

      const created = yield* call("POST", base, { body: { displayName: "Bot key" } })
      yield* conforms("CreateCustomIntegrationKey", created, 201)
      const keyId = (created.json as { key: { id: string } }).key.id
      yield* conformsAsError(
        "CreateCustomIntegrationKey",
        yield* call("POST", `${integrations}/${MISSING}/keys`, { body: { displayName: "k" } }),
        404
      )
      yield* conformsAsError(
        "CreateCustomIntegrationKey",
        yield* call("POST", `${integrations}/${webId}/keys`, { body: { displayName: "k" } }),
        400
      )

      yield* conforms("ListCustomIntegrationKeys", yield* call("GET", base), 200)
      yield* conforms("ListCustomIntegrationKeys", yield* call("GET", `${integrations}/${webId}/keys`), 400)

      yield* conforms("GetCustomIntegrationKey", yield* call("GET", `${base}/${keyId}`), 200)
      yield* conformsAsError("GetCustomIntegrationKey", yield* call("GET", `${base}/int_${MISSING}`), 404)

      yield* conforms("DeleteCustomIntegrationKey", yield* call("DELETE", `${base}/${keyId}`), 200)
      yield* conformsAsError("DeleteCustomIntegrationKey", yield* call("DELETE", `${base}/${keyId}`), 404)
    }))
})
