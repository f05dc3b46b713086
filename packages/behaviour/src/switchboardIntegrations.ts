/**
 * Switchboard integrations: linked by integrationId or integrationType, at
 * most 10 per switchboard, checked before sending, updated field by field,
 * and not deletable while the default or another's next.
 */
import { expect } from "@effect/vitest"
import { SwitchboardIntegrations, Switchboards } from "@sunco-effect/conversations"
import { Effect } from "effect"
import { OTHER_APP } from "./fixtures.js"
import type { Section } from "./sections.js"
import { freshSwitchboard } from "./switchboards.js"

const customIntegration = "5ef21b86e933b7355c11c605"

export const switchboardIntegrations: Section = (it) => {
  it.effect("create links an integration by id or by type; list gives them oldest first", () =>
    Effect.gen(function*() {
      const integrations = (yield* SwitchboardIntegrations).forApp(OTHER_APP)
      const { id } = yield* freshSwitchboard
      const agents = yield* integrations.create(id, {
        name: "agents",
        integrationType: "zd:agentWorkspace",
        messageHistoryCount: 5
      })
      expect(agents).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: "agents",
        integrationType: "zd:agentWorkspace",
        integrationId: expect.any(String),
        deliverStandbyEvents: true,
        messageHistoryCount: 5
      })
      const bot = yield* integrations.create(id, {
        name: "bot",
        integrationId: customIntegration,
        deliverStandbyEvents: false,
        nextSwitchboardIntegrationId: agents.id
      })
      expect(bot).toMatchObject({
        name: "bot",
        integrationId: customIntegration,
        deliverStandbyEvents: false,
        nextSwitchboardIntegrationId: agents.id
      })
      expect(yield* integrations.list(id)).toEqual([agents, bot])
      const unknownNext = yield* Effect.flip(
        integrations.create(id, {
          name: "x",
          integrationId: customIntegration,
          nextSwitchboardIntegrationId: "0123456789abcdef01234567"
        })
      )
      expect(unknownNext._tag).toBe("SwitchboardIntegrationNotFound")
      const noSwitchboard = yield* Effect.flip(
        integrations.create("0123456789abcdef01234567", { name: "x", integrationId: customIntegration })
      )
      expect(noSwitchboard._tag).toBe("SwitchboardNotFound")
    }))

  it.effect("the spec's rules are checked before sending", () =>
    Effect.gen(function*() {
      const integrations = (yield* SwitchboardIntegrations).forApp(OTHER_APP)
      const { id } = yield* freshSwitchboard
      const both = yield* Effect.flip(
        integrations.create(id, { name: "bot", integrationId: customIntegration, integrationType: "t" })
      )
      expect(both).toMatchObject({ _tag: "ValidationError", field: "integrationId", rule: "exactlyOne" })
      const neither = yield* Effect.flip(integrations.create(id, { name: "bot" }))
      expect(neither).toMatchObject({ _tag: "ValidationError", rule: "exactlyOne" })
      const spaced = yield* Effect.flip(integrations.create(id, { name: "my bot", integrationId: customIntegration }))
      expect(spaced).toMatchObject({ _tag: "ValidationError", field: "name", rule: "pattern" })
      const history = yield* Effect.flip(
        integrations.create(id, { name: "bot", integrationId: customIntegration, messageHistoryCount: 11 })
      )
      expect(history).toMatchObject({ _tag: "ValidationError", field: "messageHistoryCount", rule: "range" })
      const updateBoth = yield* Effect.flip(
        integrations.update(id, "0123456789abcdef01234567", { integrationId: customIntegration, integrationType: "t" })
      )
      expect(updateBoth).toMatchObject({ _tag: "ValidationError", rule: "exactlyOne" })
      expect(yield* integrations.list(id)).toEqual([])
    }))

  it.effect("a switchboard holds at most 10 switchboard integrations", () =>
    Effect.gen(function*() {
      const integrations = (yield* SwitchboardIntegrations).forApp(OTHER_APP)
      const { id } = yield* freshSwitchboard
      for (let i = 0; i < 10; i++) yield* integrations.create(id, { name: `bot-${i}`, integrationType: `type-${i}` })
      const eleventh = yield* Effect.flip(integrations.create(id, { name: "bot-10", integrationType: "type-10" }))
      expect(eleventh).toMatchObject({ _tag: "BadRequest", status: 400, code: "too_many_switchboard_integrations" })
      expect(yield* integrations.list(id)).toHaveLength(10)
    }))

  it.effect("update changes only the given fields, and null clears the next", () =>
    Effect.gen(function*() {
      const integrations = (yield* SwitchboardIntegrations).forApp(OTHER_APP)
      const { id } = yield* freshSwitchboard
      const agents = yield* integrations.create(id, { name: "agents", integrationType: "zd:agentWorkspace" })
      const bot = yield* integrations.create(id, {
        name: "bot",
        integrationId: customIntegration,
        nextSwitchboardIntegrationId: agents.id
      })
      const renamed = yield* integrations.update(id, bot.id, { name: "triage", deliverStandbyEvents: false })
      expect(renamed).toEqual({ ...bot, name: "triage", deliverStandbyEvents: false })
      const cleared = yield* integrations.update(id, bot.id, { nextSwitchboardIntegrationId: null })
      expect(cleared.nextSwitchboardIntegrationId ?? null).toBeNull()
      expect(cleared.name).toBe("triage")
      expect((yield* integrations.list(id))[1]).toEqual(cleared)
      const unknown = yield* Effect.flip(integrations.update(id, "0123456789abcdef01234567", { name: "x" }))
      expect(unknown).toMatchObject({
        _tag: "SwitchboardIntegrationNotFound",
        code: "switchboard_integration_not_found"
      })
      const badNext = yield* Effect.flip(
        integrations.update(id, bot.id, { nextSwitchboardIntegrationId: "0123456789abcdef01234567" })
      )
      expect(badNext._tag).toBe("SwitchboardIntegrationNotFound")
    }))

  it.effect("delete refuses the default and another's next, and removes the others", () =>
    Effect.gen(function*() {
      const switchboards = (yield* Switchboards).forApp(OTHER_APP)
      const integrations = (yield* SwitchboardIntegrations).forApp(OTHER_APP)
      const { id } = yield* freshSwitchboard
      const agents = yield* integrations.create(id, { name: "agents", integrationType: "zd:agentWorkspace" })
      const bot = yield* integrations.create(id, {
        name: "bot",
        integrationId: customIntegration,
        nextSwitchboardIntegrationId: agents.id
      })
      yield* switchboards.update(id, { enabled: true, defaultSwitchboardIntegrationId: bot.id })
      expect((yield* Effect.flip(integrations.delete(id, bot.id)))._tag).toBe("BadRequest")
      expect((yield* Effect.flip(integrations.delete(id, agents.id)))._tag).toBe("BadRequest")
      yield* integrations.update(id, bot.id, { nextSwitchboardIntegrationId: null })
      yield* integrations.delete(id, agents.id)
      expect((yield* integrations.list(id)).map((i) => i.name)).toEqual(["bot"])
      expect((yield* Effect.flip(integrations.delete(id, agents.id)))._tag).toBe("SwitchboardIntegrationNotFound")
    }))
}
