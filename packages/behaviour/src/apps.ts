/** Apps: what a user of the account observes, on every backend. */
import { expect } from "@effect/vitest"
import { Apps, Conversations, Users } from "@sunco-effect/conversations"
import { Chunk, Effect, Stream } from "effect"
import type { Section } from "./sections.js"

export const apps: Section = (it) => {
  it.effect("apps: create, get, update field by field, list and delete; a deleted app is AppNotFound", () =>
    Effect.gen(function*() {
      const apps = yield* Apps
      const created = yield* apps.create({ displayName: "Behaviour", metadata: { tier: "gold" } })
      expect(created).toMatchObject({ displayName: "Behaviour", metadata: { tier: "gold" } })
      expect(created.id).toMatch(/^[0-9a-f]{24}$/)
      expect(created.settings?.multiConvoEnabled).toBe(false)
      const app = apps.forApp(created.id!)
      expect(yield* app.get()).toEqual(created)

      const updated = yield* app.update({ settings: { multiConvoEnabled: true, endSessionEnabled: true } })
      expect(updated).toMatchObject({ displayName: "Behaviour", metadata: { tier: "gold" } })
      expect(updated.settings).toMatchObject({ multiConvoEnabled: true, endSessionEnabled: true, echoPostback: false })
      const cleared = yield* app.update({ displayName: "Renamed", metadata: null })
      expect(cleared.displayName).toBe("Renamed")
      expect(cleared.metadata ?? null).toBeNull()
      // Enabling multiConvo is irreversible: the service refuses to turn it off.
      expect((yield* Effect.flip(app.update({ settings: { multiConvoEnabled: false } })))._tag).toBe("BadRequest")

      const listed = yield* Stream.runCollect(apps.stream({ page: { size: 2 } }))
      expect(Chunk.toArray(listed).filter((a) => a.id === created.id)).toHaveLength(1)

      yield* app.delete()
      expect((yield* Effect.flip(app.get()))._tag).toBe("AppNotFound")
      expect((yield* Effect.flip(app.delete()))._tag).toBe("AppNotFound")
    }))

  it.effect("apps: list pages by id, each app once; bad bodies and pages are refused before sending", () =>
    Effect.gen(function*() {
      const apps = yield* Apps
      const first = yield* apps.list({ page: { size: 1 } })
      expect(first.apps).toHaveLength(1)
      expect(first.meta.hasMore).toBe(true)
      const pages = yield* Stream.runCollect(apps.streamPages({ page: { size: 1 } }))
      const ids = Chunk.toArray(pages).flatMap((page) => page.apps.map((a) => a.id))
      expect(new Set(ids).size).toBe(ids.length)
      expect([...ids].sort()).toEqual(ids)

      const refused = [
        yield* Effect.flip(apps.create({ displayName: "" })),
        yield* Effect.flip(apps.create({ displayName: "x", settings: { endSessionEnabled: true } })),
        yield* Effect.flip(apps.create({ displayName: "x", metadata: { nested: { no: 1 } } })),
        yield* Effect.flip(apps.list({ page: { size: 0 } }))
      ]
      expect(refused.map((e) => e._tag)).toEqual([
        "ValidationError",
        "ValidationError",
        "ValidationError",
        "ValidationError"
      ])
    }))

  it.effect("apps: without multiConvoEnabled a user gets one personal conversation; enabling it allows more", () =>
    Effect.gen(function*() {
      const apps = yield* Apps
      const created = yield* apps.create({ displayName: "Single conversation" })
      const appId = created.id!
      const user = yield* (yield* Users).forApp(appId).create({ externalId: "single" })
      const conversations = (yield* Conversations).forApp(appId)
      const personal = { type: "personal", participants: [{ userId: user.id }] } as const
      const first = yield* conversations.create(personal)
      expect(first.isDefault).toBe(true)
      const refused = yield* Effect.flip(conversations.create(personal))
      expect(refused).toMatchObject({ _tag: "BadRequest", status: 400 })
      expect((yield* conversations.list({ filter: { userId: user.id } })).conversations.map((c) => c.id)).toEqual([
        first.id
      ])
      yield* apps.forApp(appId).update({ settings: { multiConvoEnabled: true } })
      const second = yield* conversations.create(personal)
      expect(second.isDefault).toBe(false)
      yield* apps.forApp(appId).delete()
    }))
}
