/**
 * The Clients family, as a user of the service observes it: pending clients
 * made for a user, paged through, removed.
 */
import { expect } from "@effect/vitest"
import { Clients, Conversations, Users } from "@sunco-effect/conversations"
import { Chunk, Effect, Stream } from "effect"
import { APP, newUser } from "./fixtures.js"
import type { Section } from "./sections.js"

const INTEGRATION = "5e8b49d936c1df272e8e1460"

const whatsapp = (conversationId: string, phoneNumber: string) => ({
  matchCriteria: { type: "whatsapp", integrationId: INTEGRATION, phoneNumber } as const,
  confirmation: { type: "immediate" } as const,
  target: { conversationId }
})

export const clients: Section = (it) => {
  it.effect("clients: create makes a pending client; list and stream page through them; remove unlinks", () =>
    Effect.gen(function*() {
      const k = (yield* Clients).forApp(APP)
      const user = yield* newUser
      const convo = yield* (yield* Conversations).forApp(APP).create({
        type: "personal",
        participants: [{ userId: user.id }]
      })
      const made = []
      for (const phone of ["+15145550001", "+15145550002", "+15145550003"]) {
        made.push(yield* k.create(user.externalId!, whatsapp(convo.id, phone)))
      }
      expect(made[0]).toMatchObject({ type: "whatsapp", status: "pending", integrationId: INTEGRATION })
      const ids = made.map((c) => c.id)
      const first = yield* k.list(user.id, { page: { size: 2 } })
      expect(first.clients.map((c) => c.id)).toEqual(ids.slice(0, 2))
      expect(first.meta.hasMore).toBe(true)
      const streamed = yield* k.stream(user.externalId!, { page: { size: 2 } }).pipe(Stream.runCollect)
      expect(Chunk.toReadonlyArray(streamed).map((c) => c.id)).toEqual(ids)
      yield* k.remove(user.id, ids[1]!)
      expect((yield* k.list(user.id, {})).clients.map((c) => c.id)).toEqual([ids[0], ids[2]])
      expect((yield* Effect.flip(k.remove(user.id, ids[1]!)))._tag).toBe("ClientNotFound")
    }))

  it.effect("clients: rules are checked before sending; a user's clients go with the user", () =>
    Effect.gen(function*() {
      const k = (yield* Clients).forApp(APP)
      const user = yield* newUser
      const convo = yield* (yield* Conversations).forApp(APP).create({ type: "sdkGroup" })
      expect(yield* Effect.flip(k.list(user.id, { page: { size: 0 } }))).toMatchObject({
        _tag: "ValidationError",
        field: "page.size"
      })
      const file = {
        ...whatsapp(convo.id, "+15145550009"),
        confirmation: {
          type: "prompt",
          message: {
            author: { type: "business" },
            content: { type: "file", mediaUrl: "https://example.org/a.pdf" }
          }
        } as const
      }
      expect(yield* Effect.flip(k.create(user.id, file))).toMatchObject({
        _tag: "ValidationError",
        field: "confirmation.message.content.type"
      })
      yield* k.create(user.id, whatsapp(convo.id, "+15145550010"))
      yield* (yield* Users).forApp(APP).delete(user.id)
      expect(yield* Effect.flip(k.list(user.id, {}))).toMatchObject({ _tag: "ApiError", status: 404 })
    }))
}
