/**
 * The emulator's answers to the Webhooks operations validate against the
 * OpenAPI spec (openapi-backend, ajv), successes and documented errors.
 */
import { layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { conforms } from "./support/Conformance.js"
import { call } from "./support/Http.js"

const MISSING = "0123456789abcdef01234567"

layer(Emulator.layer(), { timeout: "60 seconds" })("IntegrationWebhooks answers conform to the OpenAPI spec", (it) => {
  it.effect("create, list, get, update and delete: successes and errors", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const integrations = `/v2/apps/${appId}/integrations`
      const hook = { target: "https://example.com/hooks", triggers: ["conversation:message"] }
      const custom = yield* call("POST", integrations, { body: { type: "custom", webhooks: [hook] } })
      const id = (custom.json as { integration: { id: string } }).integration.id
      const web = yield* call("POST", integrations, { body: { type: "web" } })
      const webId = (web.json as { integration: { id: string } }).integration.id
      const base = `${integrations}/${id}/webhooks`

      const created = yield* call("POST", base, { body: { ...hook, includeFullUser: true } })
      yield* conforms("CreateWebhook", created, 201)
      const webhookId = (created.json as { webhook: { id: string } }).webhook.id
      yield* conforms("CreateWebhook", yield* call("POST", base, { body: { target: "https://example.com/x" } }), 400)
      yield* conforms("CreateWebhook", yield* call("POST", `${integrations}/${webId}/webhooks`, { body: hook }), 403)
      yield* conforms("CreateWebhook", yield* call("POST", `${integrations}/${MISSING}/webhooks`, { body: hook }), 404)

      yield* conforms("ListWebhooks", yield* call("GET", base), 200)
      yield* conforms("ListWebhooks", yield* call("GET", `${integrations}/${webId}/webhooks`), 403)
      yield* conforms("ListWebhooks", yield* call("GET", `${integrations}/${MISSING}/webhooks`), 404)
      // With two webhooks, the integration still shows one (the spec's custom.webhooks has maxItems 1).
      yield* conforms("GetIntegration", yield* call("GET", `${integrations}/${id}`), 200)

      yield* conforms("GetWebhook", yield* call("GET", `${base}/${webhookId}`), 200)
      yield* conforms("GetWebhook", yield* call("GET", `${base}/${MISSING}`), 404)

      yield* conforms(
        "UpdateWebhook",
        yield* call("PATCH", `${base}/${webhookId}`, { body: { triggers: ["conversation:read"] } }),
        200
      )
      yield* conforms("UpdateWebhook", yield* call("PATCH", `${base}/${webhookId}`, { body: { target: "x" } }), 400)
      yield* conforms(
        "UpdateWebhook",
        yield* call("PATCH", `${base}/${MISSING}`, { body: { target: hook.target } }),
        404
      )

      yield* conforms("DeleteWebhook", yield* call("DELETE", `${base}/${webhookId}`), 200)
      yield* conforms("DeleteWebhook", yield* call("DELETE", `${base}/${webhookId}`), 404)
    }))
})
