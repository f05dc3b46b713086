/**
 * Custom integration API keys as a user sees them: the secret once, at
 * creation, in a Redacted; get, list and delete; only custom integrations.
 */
import { expect } from "@effect/vitest"
import { IntegrationKeys, Integrations } from "@sunco-effect/conversations"
import { Effect, Redacted } from "effect"
import { APP } from "./fixtures.js"
import { customIntegration } from "./integrations.js"
import type { Section } from "./sections.js"

export const integrationKeys: Section = (it) => {
  it.effect("create returns the secret once; get and list never do; delete removes the key", () =>
    Effect.gen(function*() {
      const keys = (yield* IntegrationKeys).forApp(APP)
      const integration = yield* customIntegration
      const id = integration.id!
      const key = yield* keys.create(id, { displayName: "Bot key" })
      expect(key.id).toMatch(/^int_[0-9a-f]{24}$/)
      expect(key.displayName).toBe("Bot key")
      expect(Redacted.isRedacted(key.secret)).toBe(true)
      expect(Redacted.value(key.secret!).length).toBeGreaterThanOrEqual(32)
      const other = yield* keys.create(id, { displayName: "Second" })
      expect(yield* keys.get(id, key.id!)).toEqual({ id: key.id, displayName: "Bot key" })
      expect(yield* keys.list(id)).toEqual([
        { id: key.id, displayName: "Bot key" },
        { id: other.id, displayName: "Second" }
      ])
      yield* keys.delete(id, key.id!)
      expect((yield* Effect.flip(keys.get(id, key.id!)))._tag).toBe("NotFound")
      expect((yield* Effect.flip(keys.delete(id, key.id!)))._tag).toBe("NotFound")
      expect((yield* keys.list(id)).map((k) => k.id)).toEqual([other.id])
    }))

  it.effect("keys are for custom integrations only; unknown integrations and bad bodies are typed", () =>
    Effect.gen(function*() {
      const keys = (yield* IntegrationKeys).forApp(APP)
      const web = yield* (yield* Integrations).forApp(APP).create({ type: "web", displayName: "Site" })
      expect(yield* Effect.flip(keys.create(web.id!, { displayName: "k" }))).toMatchObject({
        _tag: "BadRequest",
        status: 400
      })
      expect((yield* Effect.flip(keys.list(web.id!)))._tag).toBe("BadRequest")
      expect((yield* Effect.flip(keys.create("0123456789abcdef01234567", { displayName: "k" })))._tag)
        .toBe("IntegrationNotFound")
      expect((yield* Effect.flip(keys.list("0123456789abcdef01234567")))._tag).toBe("IntegrationNotFound")
      expect((yield* Effect.flip(keys.get("0123456789abcdef01234567", "int_0123456789abcdef01234567")))._tag)
        .toBe("NotFound")
      const integration = yield* customIntegration
      expect(yield* Effect.flip(keys.create(integration.id!, { displayName: "" }))).toMatchObject({
        _tag: "ValidationError",
        field: "displayName"
      })
    }))
}
