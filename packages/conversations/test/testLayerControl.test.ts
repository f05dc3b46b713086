import { describe, expect, it } from "@effect/vitest"
import { Conversations, ConversationsTest, RateLimited } from "@sunco-effect/conversations"
import { Effect, Layer } from "effect"

const APP = "5f0c8b0e3f1a2b001e4d6c01"
const Test = ConversationsTest.layer({ seed: { apps: [{ id: APP, users: [{ id: "5f0c8b0e3f1a2b001e4d6c10", externalId: "ada" }] }] } })

describe("the test layer's controls", () => {
  it.effect("a chosen operation fails with a chosen typed error, for a number of calls", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const control = yield* ConversationsTest.ConversationsTest
      const limited = new RateLimited({
        operation: "Conversations.create",
        status: 429,
        code: "too_many_requests",
        title: "Slow down",
        retryAfterMillis: 1000
      })
      yield* control.failWith("Conversations.create", limited, 1)
      expect(yield* Effect.flip(c.create(APP, { type: "sdkGroup" }))).toBe(limited)
      expect((yield* c.create(APP, { type: "sdkGroup" })).type).toBe("sdkGroup")
    }).pipe(Effect.provide(Test)))

  it.effect("an injected error response is classified like a real one", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const control = yield* ConversationsTest.ConversationsTest
      const made = yield* c.create(APP, { type: "sdkGroup" })
      yield* control.failWith("Conversations.delete", { status: 400, code: "bad_request", title: "Conversation x cannot be deleted because it is the default." })
      expect((yield* Effect.flip(c.delete(APP, made.id!)))._tag).toBe("DefaultConversationUndeletable")
      yield* control.clearFailures
      yield* c.delete(APP, made.id!)
    }).pipe(Effect.provide(Test)))

  it.effect("records the operations that passed validation", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const control = yield* ConversationsTest.ConversationsTest
      yield* Effect.flip(c.get(APP, ""))
      yield* Effect.flip(c.get(APP, "0123456789abcdef01234567"))
      expect(yield* control.calls).toEqual(["Conversations.get"])
    }).pipe(Effect.provide(Test)))

  it.effect("a seed naming an unknown participant is a typed error, not a crash", () =>
    Effect.gen(function*() {
      const error = yield* Layer.build(ConversationsTest.layer({
        seed: { apps: [{ id: APP, conversations: [{ type: "personal", participants: ["ghost"] }] }] }
      })).pipe(Effect.scoped, Effect.flip)
      expect(error._tag).toBe("ConfigurationError")
    }))
})
