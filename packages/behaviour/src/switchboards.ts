/**
 * Switchboards: one per app, created disabled, enabled only with a default
 * switchboard integration, deleted with its switchboard integrations. Every
 * switchboard section works in OTHER_APP and starts from no switchboard, so
 * the conversations of the other sections never come under one.
 */
import { expect } from "@effect/vitest"
import { type Schemas, SwitchboardIntegrations, Switchboards } from "@sunco-effect/conversations"
import { Effect } from "effect"
import { OTHER_APP } from "./fixtures.js"
import type { Section } from "./sections.js"

/** OTHER_APP's switchboard, made anew: any earlier one is deleted first. */
export const freshSwitchboard: Effect.Effect<Schemas.Switchboard, unknown, Switchboards> = Effect.gen(function*() {
  const switchboards = (yield* Switchboards).forApp(OTHER_APP)
  for (const old of yield* switchboards.list()) yield* switchboards.delete(old.id)
  return yield* switchboards.create()
})

export const switchboards: Section = (it) => {
  it.effect("an app has one switchboard, created disabled; a second is refused", () =>
    Effect.gen(function*() {
      const switchboards = (yield* Switchboards).forApp(OTHER_APP)
      const created = yield* freshSwitchboard
      expect(created).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), enabled: false })
      expect(yield* switchboards.list()).toEqual([created])
      const second = yield* Effect.flip(switchboards.create())
      expect(second).toMatchObject({ _tag: "BadRequest", status: 400, code: "bad_request" })
      expect(yield* switchboards.list()).toEqual([created])
      expect((yield* Effect.flip(switchboards.forApp("000000000000000000000000").list()))._tag).toBe("AppNotFound")
    }))

  it.effect("update enables a switchboard only with a default that is one of its switchboard integrations", () =>
    Effect.gen(function*() {
      const switchboards = (yield* Switchboards).forApp(OTHER_APP)
      const integrations = (yield* SwitchboardIntegrations).forApp(OTHER_APP)
      const { id } = yield* freshSwitchboard
      const noDefault = yield* Effect.flip(switchboards.update(id, { enabled: true }))
      expect(noDefault._tag).toBe("SwitchboardIntegrationNotFound")
      const unknown = yield* Effect.flip(
        switchboards.update(id, { defaultSwitchboardIntegrationId: "0123456789abcdef01234567" })
      )
      expect(unknown._tag).toBe("SwitchboardIntegrationNotFound")
      const bot = yield* integrations.create(id, { name: "bot", integrationType: "bot-partner" })
      const enabled = yield* switchboards.update(id, { enabled: true, defaultSwitchboardIntegrationId: bot.id })
      expect(enabled).toEqual({ id, enabled: true, defaultSwitchboardIntegrationId: bot.id })
      expect(yield* switchboards.update(id, { enabled: false })).toEqual({ ...enabled, enabled: false })
      expect(yield* switchboards.list()).toEqual([{ ...enabled, enabled: false }])
      const missing = yield* Effect.flip(switchboards.update("0123456789abcdef01234567", { enabled: false }))
      expect(missing).toMatchObject({ _tag: "SwitchboardNotFound", status: 404, code: "switchboard_not_found" })
    }))

  it.effect("delete removes the switchboard with its switchboard integrations; then one can be created again", () =>
    Effect.gen(function*() {
      const switchboards = (yield* Switchboards).forApp(OTHER_APP)
      const integrations = (yield* SwitchboardIntegrations).forApp(OTHER_APP)
      const { id } = yield* freshSwitchboard
      yield* integrations.create(id, { name: "bot", integrationId: "5ef21b86e933b7355c11c605" })
      yield* switchboards.delete(id)
      expect(yield* switchboards.list()).toEqual([])
      expect((yield* Effect.flip(integrations.list(id)))._tag).toBe("SwitchboardNotFound")
      expect((yield* Effect.flip(switchboards.delete(id)))._tag).toBe("SwitchboardNotFound")
      const again = yield* switchboards.create()
      expect(again.id).not.toBe(id)
      expect(yield* integrations.list(again.id)).toEqual([])
    }))
}
