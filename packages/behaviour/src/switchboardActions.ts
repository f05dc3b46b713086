/**
 * Switchboard control: which switchboard integration controls a
 * conversation, changed by pass, offer, accept and release and shown on the
 * conversation as activeSwitchboardIntegration and pendingSwitchboardIntegration.
 */
import { expect } from "@effect/vitest"
import {
  Conversations,
  SwitchboardActions,
  SwitchboardIntegrations,
  Switchboards,
  Users
} from "@sunco-effect/conversations"
import { Effect } from "effect"
import { OTHER_APP } from "./fixtures.js"
import type { Section } from "./sections.js"
import { freshSwitchboard } from "./switchboards.js"

let counter = 0

/** An enabled switchboard in OTHER_APP (bot, whose next is agents; bot the default) and a new conversation there. */
const setUp = Effect.gen(function*() {
  const switchboards = (yield* Switchboards).forApp(OTHER_APP)
  const integrations = (yield* SwitchboardIntegrations).forApp(OTHER_APP)
  const { id } = yield* freshSwitchboard
  const agents = yield* integrations.create(id, { name: "agents", integrationType: "zd:agentWorkspace" })
  const bot = yield* integrations.create(id, {
    name: "bot",
    integrationId: "5ef21b86e933b7355c11c605",
    nextSwitchboardIntegrationId: agents.id
  })
  yield* switchboards.update(id, { enabled: true, defaultSwitchboardIntegrationId: bot.id })
  const user = yield* (yield* Users).forApp(OTHER_APP).create({ externalId: `switchboard-${Date.now()}-${++counter}` })
  const conversation = yield* (yield* Conversations).forApp(OTHER_APP).create({
    type: "personal",
    participants: [{ userId: user.id }]
  })
  const short = (i: typeof bot) => ({
    id: i.id,
    name: i.name,
    integrationId: i.integrationId,
    integrationType: i.integrationType
  })
  return { switchboardId: id, agents: short(agents), bot: short(bot), conversation, userId: user.id }
})

/** Who controls the conversation, as GetConversation shows it. */
const control = (conversationId: string) =>
  Effect.map(Effect.flatMap(Conversations, (c) => c.forApp(OTHER_APP).get(conversationId)), (c) => ({
    active: c.activeSwitchboardIntegration ?? undefined,
    pending: c.pendingSwitchboardIntegration ?? undefined
  }))

export const switchboardActions: Section = (it) => {
  it.effect("a conversation starts under the default; offer, accept, pass and release move control", () =>
    Effect.gen(function*() {
      const actions = (yield* SwitchboardActions).forApp(OTHER_APP)
      const { agents, bot, conversation, userId } = yield* setUp
      expect(conversation.activeSwitchboardIntegration).toEqual(bot)
      expect(yield* control(conversation.id)).toEqual({ active: bot, pending: undefined })

      yield* actions.offerControl(conversation.id, { switchboardIntegration: "agents", metadata: { why: "vip" } })
      expect(yield* control(conversation.id)).toEqual({ active: bot, pending: agents })
      yield* actions.acceptControl(conversation.id)
      expect(yield* control(conversation.id)).toEqual({ active: agents, pending: undefined })

      yield* actions.passControl(conversation.id, { switchboardIntegration: bot.id })
      expect(yield* control(conversation.id)).toEqual({ active: bot, pending: undefined })
      yield* actions.passControl(conversation.id, { switchboardIntegration: "next" })
      expect(yield* control(conversation.id)).toEqual({ active: agents, pending: undefined })

      yield* actions.releaseControl(conversation.id)
      expect(yield* control(conversation.id)).toEqual({ active: undefined, pending: undefined })
      yield* actions.passControl(conversation.id, { switchboardIntegration: "zd:agentWorkspace" })
      const listed = yield* (yield* Conversations).forApp(OTHER_APP).list({ filter: { userId } })
      expect(listed.conversations[0]?.activeSwitchboardIntegration).toEqual(agents)
    }))

  it.effect("a transition that cannot happen answers, and leaves control as it was", () =>
    Effect.gen(function*() {
      const actions = (yield* SwitchboardActions).forApp(OTHER_APP)
      const { bot, conversation } = yield* setUp
      yield* actions.acceptControl(conversation.id)
      yield* actions.offerControl(conversation.id, { switchboardIntegration: "bot" })
      yield* actions.passControl(conversation.id, { switchboardIntegration: "nobody" })
      expect(yield* control(conversation.id)).toEqual({ active: bot, pending: undefined })
    }))

  it.effect("deleting the active switchboard integration gives control back to the default", () =>
    Effect.gen(function*() {
      const actions = (yield* SwitchboardActions).forApp(OTHER_APP)
      const integrations = (yield* SwitchboardIntegrations).forApp(OTHER_APP)
      const { agents, bot, conversation, switchboardId } = yield* setUp
      yield* actions.passControl(conversation.id, { switchboardIntegration: "next" })
      expect((yield* control(conversation.id)).active).toEqual(agents)
      yield* integrations.update(switchboardId, bot.id, { nextSwitchboardIntegrationId: null })
      yield* integrations.delete(switchboardId, agents.id)
      expect(yield* control(conversation.id)).toEqual({ active: bot, pending: undefined })
    }))

  it.effect("an unknown conversation is ConversationNotFound; bodies are checked before sending", () =>
    Effect.gen(function*() {
      const actions = (yield* SwitchboardActions).forApp(OTHER_APP)
      const missing = "0123456789abcdef01234567"
      for (
        const attempt of [
          actions.passControl(missing, { switchboardIntegration: "next" }),
          actions.offerControl(missing, { switchboardIntegration: "next" }),
          actions.acceptControl(missing),
          actions.releaseControl(missing)
        ]
      ) expect((yield* Effect.flip(attempt))._tag).toBe("ConversationNotFound")
      const empty = yield* Effect.flip(actions.passControl(missing, { switchboardIntegration: "" }))
      expect(empty).toMatchObject({ _tag: "ValidationError", field: "switchboardIntegration", rule: "nonEmpty" })
      const nested = yield* Effect.flip(actions.releaseControl(missing, { metadata: { deep: { no: 1 } } }))
      expect(nested).toMatchObject({ _tag: "ValidationError", field: "metadata.deep", rule: "flat" })
    }))
}
