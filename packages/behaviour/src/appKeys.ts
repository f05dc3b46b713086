/** App keys: what a user of the account observes, on every backend. */
import { expect } from "@effect/vitest"
import { AppKeys } from "@sunco-effect/conversations"
import { Effect, Redacted } from "effect"
import { APP } from "./fixtures.js"
import type { Section } from "./sections.js"

export const appKeys: Section = (it) => {
  it.effect("app keys: create gives the secret once (Redacted); list and get never; delete; then NotFound", () =>
    Effect.gen(function*() {
      const keys = (yield* AppKeys).forApp(APP)
      const created = yield* keys.create({ displayName: "Behaviour key" })
      expect(created.displayName).toBe("Behaviour key")
      expect(Redacted.isRedacted(created.secret)).toBe(true)
      expect(Redacted.value(created.secret).length).toBeGreaterThan(16)
      expect(String(created.secret)).not.toContain(Redacted.value(created.secret))

      expect(yield* keys.get(created.id)).toEqual({ id: created.id, displayName: "Behaviour key" })
      expect(yield* keys.list()).toContainEqual({ id: created.id, displayName: "Behaviour key" })
      yield* keys.delete(created.id)
      expect((yield* Effect.flip(keys.get(created.id)))._tag).toBe("NotFound")
      expect((yield* Effect.flip(keys.delete(created.id)))._tag).toBe("NotFound")
      expect(yield* keys.list()).not.toContainEqual({ id: created.id, displayName: "Behaviour key" })
      expect((yield* Effect.flip(keys.create({ displayName: "" })))._tag).toBe("ValidationError")
      expect((yield* Effect.flip(keys.forApp("000000000000000000000000").list()))._tag).toBe("AppNotFound")
    }))
}
