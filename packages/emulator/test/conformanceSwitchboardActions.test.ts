/**
 * The SwitchboardActions operations' answers, successes and documented
 * errors, validated against the OpenAPI spec by openapi-backend (ajv), and
 * the control they change as GetConversation shows it.
 */
import { expect, layer } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { conforms } from "./support/Conformance.js"
import { call } from "./support/Http.js"

layer(Emulator.layer(), { timeout: "60 seconds" })("SwitchboardActions conform to the OpenAPI spec", (it) => {
  it.effect("pass, offer, accept and release, and their errors", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const switchboard = yield* call("POST", `/v2/apps/${appId}/switchboards`)
      const { id } = (switchboard.json as { switchboard: { id: string } }).switchboard
      const integrations = `/v2/apps/${appId}/switchboards/${id}/switchboardIntegrations`
      const agents = yield* call("POST", integrations, {
        body: { name: "agents", integrationType: "zd:agentWorkspace" }
      })
      const agentsId = (agents.json as { switchboardIntegration: { id: string } }).switchboardIntegration.id
      const bot = yield* call("POST", integrations, {
        body: { name: "bot", integrationId: "5ef21b86e933b7355c11c605", nextSwitchboardIntegrationId: agentsId }
      })
      const botId = (bot.json as { switchboardIntegration: { id: string } }).switchboardIntegration.id
      yield* call("PATCH", `/v2/apps/${appId}/switchboards/${id}`, {
        body: { enabled: true, defaultSwitchboardIntegrationId: botId }
      })
      const user = yield* call("POST", `/v2/apps/${appId}/users`, { body: { externalId: `sw-${Date.now()}` } })
      const userId = (user.json as { user: { id: string } }).user.id
      const conversation = yield* call("POST", `/v2/apps/${appId}/conversations`, {
        body: { type: "personal", participants: [{ userId }] }
      })
      yield* conforms("CreateConversation", conversation, 201)
      const conversationId = (conversation.json as { conversation: { id: string } }).conversation.id
      const base = `/v2/apps/${appId}/conversations/${conversationId}`
      const missing = `/v2/apps/${appId}/conversations/0123456789abcdef01234567`

      const offered = yield* call("POST", `${base}/offerControl`, {
        body: { switchboardIntegration: "next", metadata: { a: 1 } }
      })
      yield* conforms("OfferControl", offered, 200)
      expect(offered.json).toEqual({})
      const shown = yield* call("GET", base)
      yield* conforms("GetConversation", shown, 200)
      expect(shown.json).toMatchObject({
        conversation: {
          activeSwitchboardIntegration: { id: botId, name: "bot", integrationId: "5ef21b86e933b7355c11c605" },
          pendingSwitchboardIntegration: { id: agentsId, name: "agents", integrationType: "zd:agentWorkspace" }
        }
      })
      yield* conforms("AcceptControl", yield* call("POST", `${base}/acceptControl`, { body: {} }), 200)
      yield* conforms(
        "PassControl",
        yield* call("POST", `${base}/passControl`, { body: { switchboardIntegration: "bot" } }),
        200
      )
      yield* conforms("ReleaseControl", yield* call("POST", `${base}/releaseControl`, { body: {} }), 200)
      // The spec makes its body optional: a request without one is answered as one with `{}`.
      yield* conforms("ReleaseControl", yield* call("POST", `${base}/releaseControl`), 200)
      const released = yield* call("GET", base)
      yield* conforms("GetConversation", released, 200)
      expect(released.json).not.toHaveProperty("conversation.activeSwitchboardIntegration")
      yield* conforms(
        "ListConversations",
        yield* call("GET", `/v2/apps/${appId}/conversations?filter[userId]=${userId}`),
        200
      )

      yield* conforms(
        "PassControl",
        yield* call("POST", `${missing}/passControl`, { body: { switchboardIntegration: "bot" } }),
        404
      )
      yield* conforms(
        "OfferControl",
        yield* call("POST", `${missing}/offerControl`, { body: { switchboardIntegration: "bot" } }),
        404
      )
      yield* conforms("AcceptControl", yield* call("POST", `${missing}/acceptControl`, { body: {} }), 404)
      const gone = yield* call("POST", `${missing}/releaseControl`, { body: {} })
      yield* conforms("ReleaseControl", gone, 404)
      expect(gone.json).toEqual({ errors: [{ code: "conversation_not_found", title: "Conversation not found" }] })
    }))
})
