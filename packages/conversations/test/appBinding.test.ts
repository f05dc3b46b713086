/**
 * A program configured with an app calls every operation without repeating
 * it, reaches another app with forApp, and, configured with none, is told so
 * before anything is sent. API errors say which app, conversation or user.
 */
import { describe, expect, it } from "@effect/vitest"
import { Conversations, ConversationsTest, Users } from "@sunco-effect/conversations"
import { Chunk, Effect, Option, Stream } from "effect"

const APP = "5f0c8b0e3f1a2b001e4d6c01"
const OTHER = "5f0c8b0e3f1a2b001e4d6cff"
const seed = { apps: [{ id: APP, users: [{ id: "5f0c8b0e3f1a2b001e4d6c10", externalId: "ada" }] }, { id: OTHER }] }

describe("binding the app once", () => {
  it.effect("a layer with an appId runs every operation and streams in that app", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      expect(c.appId).toEqual(Option.some(APP))
      const user = yield* (yield* Users).create({ externalId: "grace" })
      const made = yield* c.create({ type: "personal", participants: [{ userId: user.id }] })
      expect((yield* c.get(made.id)).id).toBe(made.id)
      expect((yield* c.update(made.id, { displayName: "G" })).displayName).toBe("G")
      expect((yield* c.list({ filter: { userId: user.id } })).conversations).toHaveLength(1)
      expect(Chunk.size(yield* Stream.runCollect(c.stream({ filter: { userId: user.id }, page: { size: 1 } })))).toBe(1)
      const control = yield* ConversationsTest.Control
      expect(control.store.snapshot().apps.find((a) => a.id === APP)?.conversations.some((x) => x.id === made.id)).toBe(
        true
      )
    }).pipe(Effect.provide(ConversationsTest.layer({ appId: APP, seed }))))

  it.effect("forApp addresses another app explicitly, and is the same view each time", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const made = yield* c.forApp(OTHER).create({ type: "sdkGroup" })
      expect(c.forApp(OTHER)).toBe(c.forApp(OTHER))
      expect(c.forApp(OTHER).appId).toEqual(Option.some(OTHER))
      expect((yield* Effect.flip(c.get(made.id)))._tag).toBe("ConversationNotFound") // not in APP
      expect((yield* c.forApp(OTHER).get(made.id)).id).toBe(made.id)
    }).pipe(Effect.provide(ConversationsTest.layer({ appId: APP, seed }))))

  it.effect("without an app, every call is a ValidationError on appId and nothing is sent", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const control = yield* ConversationsTest.Control
      expect(c.appId).toEqual(Option.none())
      const error = yield* Effect.flip(c.get("5f0c8b0e3f1a2b001e4d6c20"))
      expect(error).toMatchObject({ _tag: "ValidationError", field: "appId", rule: "required" })
      expect(error.message).toMatch(/forApp/)
      expect((yield* Effect.flip(Stream.runDrain(c.stream({ filter: { userExternalId: "ada" } }))))._tag).toBe(
        "ValidationError"
      )
      expect((yield* Effect.flip((yield* Users).create({ externalId: "x" })))._tag).toBe("ValidationError")
      expect(yield* control.calls).toEqual([])
      expect((yield* c.forApp(APP).list({ filter: { userExternalId: "ada" } })).conversations).toEqual([])
    }).pipe(Effect.provide(ConversationsTest.layer({ seed }))))
})

describe("errors say which call failed", () => {
  it.effect("a missing conversation names the app and the conversation", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip((yield* Conversations).get("0123456789abcdef01234567"))
      expect(error).toMatchObject({
        _tag: "ConversationNotFound",
        appId: APP,
        conversationId: "0123456789abcdef01234567"
      })
      expect(error.message).toContain(`app ${APP}, conversation 0123456789abcdef01234567`)
    }).pipe(Effect.provide(ConversationsTest.layer({ appId: APP, seed }))))

  it.effect("a missing app names the app; an unknown user in a listing names the user", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const missingApp = yield* Effect.flip(c.forApp("000000000000000000000000").get("0123456789abcdef01234567"))
      expect(missingApp).toMatchObject({ _tag: "AppNotFound", appId: "000000000000000000000000" })
      const missingUser = yield* Effect.flip(c.list({ filter: { userExternalId: "nobody" } }))
      expect(missingUser).toMatchObject({ _tag: "UserNotFound", appId: APP, userExternalId: "nobody" })
      expect(missingUser.message).toContain("user externalId nobody")
    }).pipe(Effect.provide(ConversationsTest.layer({ appId: APP, seed }))))
})
