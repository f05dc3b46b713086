/**
 * The official JavaScript SDK (sunshine-conversations-client 14.1.0) drives
 * the Switchboards, SwitchboardIntegrations and SwitchboardActions operations
 * against the emulator: a client we did not write sets up a switchboard and
 * moves control of a conversation.
 */
import { expect } from "@effect/vitest"
import { Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import { call } from "../support/Http.js"
import { promise, Sdk, sdkClient, type Section } from "../support/OfficialSdk.js"

const apis = Effect.map(sdkClient(), ({ client }) => ({
  switchboards: new Sdk.SwitchboardsApi(client),
  integrations: new Sdk.SwitchboardIntegrationsApi(client),
  actions: new Sdk.SwitchboardActionsApi(client),
  conversations: new Sdk.ConversationsApi(client)
}))

export const switchboards: Section = (it) => {
  it.effect("Switchboards: switchboards and their integrations: create, list, update, delete", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const { integrations, switchboards } = yield* apis
      const created = yield* promise(() => switchboards.createSwitchboard(appId))
      const id = created.switchboard.id
      expect(created.switchboard.enabled).toBe(false)
      const second = yield* Effect.flip(promise(() => switchboards.createSwitchboard(appId)))
      expect(second.status).toBe(400)

      const body = new Sdk.SwitchboardIntegrationCreateBody("agents")
      body.integrationType = "zd:agentWorkspace"
      const agents = yield* promise(() => integrations.createSwitchboardIntegration(appId, id, body))
      expect(agents.switchboardIntegration).toMatchObject({ name: "agents", deliverStandbyEvents: true })
      const listed = yield* promise(() => integrations.listSwitchboardIntegrations(appId, id))
      expect(listed.switchboardIntegrations.map((i: { id: string }) => i.id)).toEqual([
        agents.switchboardIntegration.id
      ])

      const change = new Sdk.SwitchboardIntegrationUpdateBody()
      change.deliverStandbyEvents = false
      const changed = yield* promise(() =>
        integrations.updateSwitchboardIntegration(appId, id, agents.switchboardIntegration.id, change)
      )
      expect(changed.switchboardIntegration.deliverStandbyEvents).toBe(false)

      const enable = new Sdk.SwitchboardUpdateBody()
      enable.enabled = true
      enable.defaultSwitchboardIntegrationId = agents.switchboardIntegration.id
      const enabled = yield* promise(() => switchboards.updateSwitchboard(appId, id, enable))
      expect(enabled.switchboard).toEqual({
        id,
        enabled: true,
        defaultSwitchboardIntegrationId: agents.switchboardIntegration.id
      })
      expect((yield* promise(() => switchboards.listSwitchboards(appId))).switchboards).toEqual([enabled.switchboard])

      const refused = yield* Effect.flip(
        promise(() => integrations.deleteSwitchboardIntegration(appId, id, agents.switchboardIntegration.id))
      )
      expect(refused.status).toBe(400)
      yield* promise(() => switchboards.deleteSwitchboard(appId, id))
      const gone = yield* Effect.flip(promise(() => integrations.listSwitchboardIntegrations(appId, id)))
      expect(gone).toEqual({
        status: 404,
        body: { errors: [{ code: "switchboard_not_found", title: "Switchboard not found" }] }
      })
    }))

  it.effect("Switchboards: control: offer, accept, pass and release, as the conversation shows it", () =>
    Effect.gen(function*() {
      const { appId } = yield* Emulator
      const { actions, conversations, integrations, switchboards } = yield* apis
      for (const old of (yield* promise(() => switchboards.listSwitchboards(appId))).switchboards) {
        yield* promise(() => switchboards.deleteSwitchboard(appId, old.id))
      }
      const id = (yield* promise(() => switchboards.createSwitchboard(appId))).switchboard.id
      const agents = (yield* promise(() =>
        integrations.createSwitchboardIntegration(appId, id, { name: "agents", integrationType: "zd:agentWorkspace" })
      )).switchboardIntegration
      const bot = (yield* promise(() =>
        integrations.createSwitchboardIntegration(appId, id, {
          name: "bot",
          integrationId: "5ef21b86e933b7355c11c605",
          nextSwitchboardIntegrationId: agents.id
        })
      )).switchboardIntegration
      yield* promise(() =>
        switchboards.updateSwitchboard(appId, id, { enabled: true, defaultSwitchboardIntegrationId: bot.id })
      )
      const user = yield* call("POST", `/v2/apps/${appId}/users`, { body: { externalId: `sdk-sw-${Date.now()}` } })
      const userId = (user.json as { user: { id: string } }).user.id
      const created = yield* promise(() =>
        conversations.createConversation(appId, { type: "personal", participants: [{ userId }] })
      )
      const conversationId = created.conversation.id
      const control = Effect.map(
        promise(() =>
          conversations.getConversation(appId, conversationId)
        ),
        (r) => ({
          active: r.conversation.activeSwitchboardIntegration?.name,
          pending: r.conversation.pendingSwitchboardIntegration?.name
        })
      )
      expect(yield* control).toEqual({ active: "bot", pending: undefined })

      const offer = new Sdk.OfferControlBody("next")
      offer.switchboardIntegration = "next"
      yield* promise(() => actions.offerControl(appId, conversationId, offer))
      expect(yield* control).toEqual({ active: "bot", pending: "agents" })
      yield* promise(() => actions.acceptControl(appId, conversationId, new Sdk.AcceptControlBody()))
      expect(yield* control).toEqual({ active: "agents", pending: undefined })
      const pass = new Sdk.PassControlBody("bot")
      pass.switchboardIntegration = "bot"
      yield* promise(() => actions.passControl(appId, conversationId, pass))
      expect(yield* control).toEqual({ active: "bot", pending: undefined })
      // The SDK sends releaseControl without a body, which the spec allows.
      yield* promise(() => actions.releaseControl(appId, conversationId))
      expect(yield* control).toEqual({ active: undefined, pending: undefined })

      const missing = yield* Effect.flip(promise(() => actions.passControl(appId, "0123456789abcdef01234567", pass)))
      expect(missing.status).toBe(404)
    }))
}
