/**
 * The Switchboards operations' answers, successes and documented errors,
 * validated against the OpenAPI spec by openapi-backend (ajv).
 */
import { expect, layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { conforms } from "./support/Conformance.js"
import { call } from "./support/Http.js"

layer(Emulator.layer(), { timeout: "60 seconds" })("Switchboards conform to the OpenAPI spec", (it) => {
  it.effect("create, list, update and delete, and their errors", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const base = `/v2/apps/${appId}/switchboards`
      yield* conforms("ListSwitchboards", yield* call("GET", base), 200)
      const created = yield* call("POST", base)
      yield* conforms("CreateSwitchboard", created, 201)
      const { id } = (created.json as { switchboard: { id: string } }).switchboard
      const second = yield* call("POST", base)
      yield* conforms("CreateSwitchboard", second, 400)
      expect(second.json).toEqual({
        errors: [{ code: "bad_request", title: "Only one switchboard can be created per app" }]
      })
      const listed = yield* call("GET", base)
      yield* conforms("ListSwitchboards", listed, 200)
      expect(listed.json).toEqual({ switchboards: [{ id, enabled: false }] })

      const integration = yield* call("POST", `${base}/${id}/switchboardIntegrations`, {
        body: { name: "bot", integrationType: "zd:agentWorkspace" }
      })
      const integrationId = (integration.json as { switchboardIntegration: { id: string } }).switchboardIntegration.id
      const updated = yield* call("PATCH", `${base}/${id}`, {
        body: { enabled: true, defaultSwitchboardIntegrationId: integrationId }
      })
      yield* conforms("UpdateSwitchboard", updated, 200)
      expect(updated.json).toEqual({
        switchboard: { id, enabled: true, defaultSwitchboardIntegrationId: integrationId }
      })
      yield* conforms("UpdateSwitchboard", yield* call("PATCH", `${base}/0123456789abcdef01234567`, { body: {} }), 404)
      // Enabling needs a default: the spec's example of this answer is a 404 switchboard_integration_not_found.
      const fresh = yield* call("PATCH", `${base}/${id}`, {
        body: { defaultSwitchboardIntegrationId: "0123456789abcdef01234567" }
      })
      yield* conforms("UpdateSwitchboard", fresh, 404)

      yield* conforms("DeleteSwitchboard", yield* call("DELETE", `${base}/${id}`), 200)
      const gone = yield* call("DELETE", `${base}/${id}`)
      yield* conforms("DeleteSwitchboard", gone, 404)
      expect(gone.json).toEqual({ errors: [{ code: "switchboard_not_found", title: "Switchboard not found" }] })
      yield* conforms("CreateSwitchboard", yield* call("POST", base), 201)
    }))

  it.effect("an unknown app is 404 app_not_found", () =>
    Effect.gen(function*() {
      const account = `Basic ${
        Buffer.from("act_5f0c8b0e3f1a2b001e4d6c03:emulator-account-secret-not-for-production").toString("base64")
      }`
      const path = "/v2/apps/000000000000000000000000/switchboards"
      yield* conforms("CreateSwitchboard", yield* call("POST", path, { authorization: account }), 404)
      yield* conforms("ListSwitchboards", yield* call("GET", path, { authorization: account }), 404)
    }))
})
