/**
 * The SwitchboardIntegrations operations' answers, successes and documented
 * errors, validated against the OpenAPI spec by openapi-backend (ajv).
 */
import { expect, layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { conforms, conformsAsError } from "./support/Conformance.js"
import { call } from "./support/Http.js"

layer(Emulator.layer(), { timeout: "60 seconds" })("SwitchboardIntegrations conform to the OpenAPI spec", (it) => {
  it.effect("create, list, update and delete, and their errors", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const created = yield* call("POST", `/v2/apps/${appId}/switchboards`)
      const { id } = (created.json as { switchboard: { id: string } }).switchboard
      const base = `/v2/apps/${appId}/switchboards/${id}/switchboardIntegrations`
      const missing = `/v2/apps/${appId}/switchboards/0123456789abcdef01234567/switchboardIntegrations`

      yield* conforms("ListSwitchboardIntegrations", yield* call("GET", base), 200)
      const agents = yield* call("POST", base, {
        body: { name: "agents", integrationType: "zd:agentWorkspace", messageHistoryCount: 5 }
      })
      yield* conforms("CreateSwitchboardIntegration", agents, 201)
      const agentsId = (agents.json as { switchboardIntegration: { id: string } }).switchboardIntegration.id
      const bot = yield* call("POST", base, {
        body: {
          name: "bot",
          integrationId: "5ef21b86e933b7355c11c605",
          deliverStandbyEvents: false,
          nextSwitchboardIntegrationId: agentsId
        }
      })
      yield* conforms("CreateSwitchboardIntegration", bot, 201)
      const botId = (bot.json as { switchboardIntegration: { id: string } }).switchboardIntegration.id
      yield* conforms(
        "CreateSwitchboardIntegration",
        yield* call("POST", missing, { body: { name: "x", integrationId: "5ef21b86e933b7355c11c605" } }),
        404
      )
      // Both links at once break the spec's prose rule: refused as the client refuses it.
      yield* conformsAsError(
        "CreateSwitchboardIntegration",
        yield* call("POST", base, { body: { name: "x", integrationId: "a", integrationType: "b" } }),
        400
      )
      const listed = yield* call("GET", base)
      yield* conforms("ListSwitchboardIntegrations", listed, 200)
      expect(
        (listed.json as { switchboardIntegrations: Array<{ id: string }> }).switchboardIntegrations.map((i) => i.id)
      )
        .toEqual([agentsId, botId])
      yield* conforms("ListSwitchboardIntegrations", yield* call("GET", missing), 404)

      const updated = yield* call("PATCH", `${base}/${botId}`, {
        body: { deliverStandbyEvents: true, nextSwitchboardIntegrationId: null, messageHistoryCount: null }
      })
      yield* conforms("UpdateSwitchboardIntegration", updated, 200)
      yield* conforms(
        "UpdateSwitchboardIntegration",
        yield* call("PATCH", `${base}/0123456789abcdef01234567`, { body: { name: "x" } }),
        404
      )

      for (let i = 0; i < 8; i++) yield* call("POST", base, { body: { name: `b${i}`, integrationType: `t${i}` } })
      const eleventh = yield* call("POST", base, { body: { name: "b10", integrationType: "t10" } })
      yield* conforms("CreateSwitchboardIntegration", eleventh, 400)
      expect(eleventh.json).toEqual({
        errors: [{
          code: "too_many_switchboard_integrations",
          title: "Switchboard has reached the max number of switchboard integrations (10)"
        }]
      })

      yield* call("PATCH", `/v2/apps/${appId}/switchboards/${id}`, {
        body: { enabled: true, defaultSwitchboardIntegrationId: botId }
      })
      // The default cannot be deleted: an answer the spec describes in prose, with no status.
      yield* conformsAsError("DeleteSwitchboardIntegration", yield* call("DELETE", `${base}/${botId}`), 400)
      yield* conforms("DeleteSwitchboardIntegration", yield* call("DELETE", `${base}/${agentsId}`), 200)
      const gone = yield* call("DELETE", `${base}/${agentsId}`)
      yield* conforms("DeleteSwitchboardIntegration", gone, 404)
      expect(gone.json).toEqual({
        errors: [{ code: "switchboard_integration_not_found", title: "SwitchboardIntegration not found" }]
      })
    }))
})
