import { describe, expect, it } from "@effect/vitest"
import { Conversations, ConversationsTest, RateLimited, ServerError } from "@sunco-effect/conversations"
import { Effect, Fiber, Layer, TestClock } from "effect"

const APP = "5f0c8b0e3f1a2b001e4d6c01"
const Test = ConversationsTest.layer({
  seed: { apps: [{ id: APP, users: [{ id: "5f0c8b0e3f1a2b001e4d6c10", externalId: "ada" }] }] }
})

const unavailable = new ServerError({
  operation: "Conversations.get",
  status: 503,
  code: "unavailable",
  title: "Unavailable"
})

describe("the test layer's controls", () => {
  it.effect("a chosen operation fails with a chosen typed error, for a number of attempts", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const control = yield* ConversationsTest.Control
      const limited = new RateLimited({
        operation: "Conversations.create",
        status: 429,
        code: "too_many_requests",
        title: "Slow down",
        retryAfterMillis: 1000
      })
      yield* control.failWith("Conversations.create", limited, 1)
      expect(yield* Effect.flip(c.forApp(APP).create({ type: "sdkGroup" }, { retry: false }))).toBe(limited)
      expect((yield* c.forApp(APP).create({ type: "sdkGroup" })).type).toBe("sdkGroup")
    }).pipe(Effect.provide(Test)))

  it.effect("injected failures are retried by the layer's policy, with the live client's waits", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const control = yield* ConversationsTest.Control
      const made = yield* c.forApp(APP).create({ type: "sdkGroup" })
      yield* control.failWith("Conversations.get", unavailable, 2)
      const fiber = yield* Effect.fork(c.forApp(APP).get(made.id))
      const attempts = () =>
        Effect.map(control.calls, (calls) => calls.filter((op) => op === "Conversations.get").length)
      yield* TestClock.adjust(0)
      expect(yield* attempts()).toBe(1)
      yield* TestClock.adjust("99 millis")
      expect(yield* attempts()).toBe(1)
      yield* TestClock.adjust("1 millis") // 100 ms, as live (retry.test.ts)
      expect(yield* attempts()).toBe(2)
      yield* TestClock.adjust("199 millis")
      expect(yield* attempts()).toBe(2)
      yield* TestClock.adjust("1 millis") // +200 ms
      expect(yield* attempts()).toBe(3)
      expect((yield* Fiber.join(fiber)).id).toBe(made.id)
    }).pipe(Effect.provide(ConversationsTest.layer({
      seed: { apps: [{ id: APP }] },
      retry: { baseDelay: "100 millis", jitter: 0 }
    }))))

  it.effect("a per-call retry setting applies to the test layer as to the live one", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const control = yield* ConversationsTest.Control
      const made = yield* c.forApp(APP).create({ type: "sdkGroup" })
      yield* control.failWith("Conversations.get", unavailable, 1)
      expect((yield* Effect.flip(c.forApp(APP).get(made.id, { retry: false })))._tag).toBe("ServerError")
      yield* control.failWith("Conversations.get", unavailable, 1)
      const fiber = yield* Effect.fork(c.forApp(APP).get(made.id, { retry: { baseDelay: "1 second", jitter: 0 } }))
      yield* TestClock.adjust("999 millis")
      expect(fiber.unsafePoll()).toBe(null)
      yield* TestClock.adjust("1 millis")
      expect((yield* Fiber.join(fiber)).id).toBe(made.id)
    }).pipe(Effect.provide(Test)))

  it.effect("an injected error response is classified like a real one", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const control = yield* ConversationsTest.Control
      const made = yield* c.forApp(APP).create({ type: "sdkGroup" })
      yield* control.failWith("Conversations.delete", {
        status: 400,
        code: "bad_request",
        title: "Conversation x cannot be deleted because it is the default."
      })
      expect((yield* Effect.flip(c.forApp(APP).delete(made.id)))._tag).toBe("DefaultConversationUndeletable")
      yield* control.clearFailures
      yield* c.forApp(APP).delete(made.id)
    }).pipe(Effect.provide(Test)))

  it.effect("records the operations that passed validation", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const control = yield* ConversationsTest.Control
      yield* Effect.flip(c.forApp(APP).get(""))
      yield* Effect.flip(c.forApp(APP).get("0123456789abcdef01234567"))
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
