import { expect, it } from "@effect/vitest"
import { Conversations, ConversationsTest, RateLimited, ServerError } from "@sunco-effect/conversations"
import { Effect, Fiber, TestClock } from "effect"

const APP = "5f0c8b0e3f1a2b001e4d6c01"
// No `retry` option: the default policy (3 retries, 250 ms doubling, half of each wait random).
const TestLayer = ConversationsTest.layer({ appId: APP, seed: { apps: [{ id: APP }] } })

const unavailable = (operation: "Conversations.get" | "Conversations.create") =>
  new ServerError({ operation, status: 503, code: "unavailable", title: "Unavailable" })

it.effect("a get that meets two 503s succeeds on its third attempt, without sleeping", () =>
  Effect.gen(function*() {
    const conversations = yield* Conversations
    const control = yield* ConversationsTest.Control
    const gets = Effect.map(control.calls, (calls) => calls.filter((call) => call === "Conversations.get").length)
    const created = yield* conversations.create({ type: "sdkGroup" })
    yield* control.failWith("Conversations.get", unavailable("Conversations.get"), 2)

    // The retries wait on the TestClock: run the call in a fiber, then move the clock.
    const fiber = yield* Effect.fork(conversations.get(created.id))
    yield* TestClock.adjust("124 millis") // the first wait is 125-250 ms
    expect(yield* gets).toBe(1)
    yield* TestClock.adjust("126 millis") // 250 ms: the second attempt has run; its wait is 250-500 ms
    expect(yield* gets).toBe(2)
    yield* TestClock.adjust("500 millis")
    expect((yield* Fiber.join(fiber)).id).toBe(created.id)
    expect(yield* gets).toBe(3)
  }).pipe(Effect.provide(TestLayer)))

it.effect("a 429's Retry-After is waited for exactly", () =>
  Effect.gen(function*() {
    const conversations = yield* Conversations
    const control = yield* ConversationsTest.Control
    yield* control.failWith(
      "Conversations.create",
      new RateLimited({
        operation: "Conversations.create",
        status: 429,
        code: "too_many_requests",
        title: "Too many requests",
        retryAfterMillis: 2000
      }),
      1
    )
    const fiber = yield* Effect.fork(conversations.create({ type: "sdkGroup" }))
    yield* TestClock.adjust("1999 millis")
    expect(fiber.unsafePoll()).toBeNull()
    yield* TestClock.adjust("1 millis")
    expect((yield* Fiber.join(fiber)).type).toBe("sdkGroup")
  }).pipe(Effect.provide(TestLayer)))

it.effect("a create that meets a 503 is not repeated: it may have happened", () =>
  Effect.gen(function*() {
    const conversations = yield* Conversations
    const control = yield* ConversationsTest.Control
    yield* control.failWith("Conversations.create", unavailable("Conversations.create"), 1)
    const error = yield* Effect.flip(conversations.create({ type: "sdkGroup" }))
    expect(error._tag).toBe("ServerError")
    expect(yield* control.calls).toEqual(["Conversations.create"])
  }).pipe(Effect.provide(TestLayer)))
