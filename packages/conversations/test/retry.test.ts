import { describe, expect, it } from "@effect/vitest"
import {
  Conversations,
  type ConversationsError,
  RequestTimeout,
  RetryPolicy,
  ServerError
} from "@sunco-effect/conversations"
import { Chunk, Duration, Effect, Fiber, Schedule, TestClock } from "effect"
import { apiError, APP, CONV, conversationJson, liveOn, makeMock, ok, type Reply } from "./support/MockHttp.js"

const refused: Reply = { transport: { code: "ECONNREFUSED", message: "connect ECONNREFUSED" } }
const reset: Reply = { transport: { code: "ECONNRESET", message: "socket hang up" } }
const unavailable = apiError(503, "unavailable", "Service unavailable")
const limited = (seconds?: string) =>
  apiError(429, "too_many_requests", "Too many requests", seconds ? { "retry-after": seconds } : undefined)

/** Fail with `failures` in turn, then succeed. */
const scripted = (...failures: ReadonlyArray<Reply>) =>
  makeMock((r, i) =>
    i < failures.length
      ? failures[i]!
      : r.method === "DELETE"
      ? ok({})
      : ok({ conversation: conversationJson }, r.method === "POST" ? 201 : 200)
  )

// No jitter, so delays are exact: 100, 200, 400, … ms.
const exact = { baseDelay: "100 millis", jitter: 0 } as const

const run = <A, E>(
  mock: ReturnType<typeof makeMock>,
  f: (c: Conversations["Type"]) => Effect.Effect<A, E>,
  retry: RetryPolicy.Retry = exact
) => Effect.flatMap(Conversations, f).pipe(Effect.either, Effect.provide(liveOn(mock, { retry })), Effect.fork)

/** Advance the test clock and report how many requests were made. */
const after = (mock: ReturnType<typeof makeMock>, millis: number) =>
  Effect.map(TestClock.adjust(Duration.millis(millis)), () => mock.requests.length)

describe("the default retry policy", () => {
  it.effect("retries a 429 with exponential backoff, proven with TestClock", () =>
    Effect.gen(function*() {
      const mock = scripted(limited(), limited(), limited())
      const fiber = yield* run(mock, (c) => c.forApp(APP).get(CONV))
      yield* TestClock.adjust(0)
      expect(mock.requests.length).toBe(1)
      expect(yield* after(mock, 99)).toBe(1)
      expect(yield* after(mock, 1)).toBe(2) // 100 ms
      expect(yield* after(mock, 199)).toBe(2)
      expect(yield* after(mock, 1)).toBe(3) // +200 ms
      expect(yield* after(mock, 399)).toBe(3)
      expect(yield* after(mock, 1)).toBe(4) // +400 ms
      const result = yield* Fiber.join(fiber)
      expect(result._tag).toBe("Right")
    }))

  it.effect("honours Retry-After over a shorter backoff", () =>
    Effect.gen(function*() {
      const mock = scripted(limited("3"))
      const fiber = yield* run(mock, (c) => c.forApp(APP).get(CONV))
      expect(yield* after(mock, 2999)).toBe(1)
      expect(yield* after(mock, 1)).toBe(2)
      expect((yield* Fiber.join(fiber))._tag).toBe("Right")
    }))

  it.effect("caps Retry-After at maxRetryAfter", () =>
    Effect.gen(function*() {
      const mock = scripted(limited("3600"))
      const fiber = yield* run(mock, (c) => c.forApp(APP).get(CONV), { ...exact, maxRetryAfter: "5 seconds" })
      expect(yield* after(mock, 4999)).toBe(1)
      expect(yield* after(mock, 1)).toBe(2)
      yield* Fiber.join(fiber)
    }))

  it.effect("jitter keeps each delay within [base × (1 − jitter), base]", () =>
    Effect.gen(function*() {
      const mock = scripted(unavailable)
      const fiber = yield* run(mock, (c) => c.forApp(APP).get(CONV), { baseDelay: "1 second", jitter: 0.5 })
      expect(yield* after(mock, 499)).toBe(1)
      expect(yield* after(mock, 501)).toBe(2)
      yield* Fiber.join(fiber)
    }))

  it.effect("retries 5xx, resets and timeouts for GET, PATCH and DELETE", () =>
    Effect.gen(function*() {
      for (
        const [name, f] of [
          ["get", (c: Conversations["Type"]) => c.forApp(APP).get(CONV)],
          ["update", (c: Conversations["Type"]) => c.forApp(APP).update(CONV, { displayName: "x" })],
          ["delete", (c: Conversations["Type"]) => c.forApp(APP).delete(CONV)]
        ] as const
      ) {
        const mock = scripted(unavailable, reset)
        const fiber = yield* run(mock, f as never)
        yield* TestClock.adjust("1 second")
        expect([name, mock.requests.length]).toEqual([name, 3])
        expect((yield* Fiber.join(fiber))._tag).toBe("Right")
      }
    }))

  it.effect("a create is repeated after a 429 or a failure before sending, never after a 5xx, a reset or a timeout", () =>
    Effect.gen(function*() {
      const create = (c: Conversations["Type"]) => c.forApp(APP).create({ type: "sdkGroup" })

      const safe = scripted(limited(), refused, { transport: { code: "ENOTFOUND" } }, {
        transport: { code: "EHOSTUNREACH" }
      })
      const ok = yield* run(safe, create, { ...exact, maxRetries: 4 })
      yield* TestClock.adjust("10 seconds")
      expect(safe.requests.length).toBe(5)
      expect((yield* Fiber.join(ok))._tag).toBe("Right")

      for (const failure of [unavailable, reset]) {
        const mock = scripted(failure)
        const fiber = yield* run(mock, create)
        yield* TestClock.adjust("10 seconds")
        expect(mock.requests.length).toBe(1)
        expect((yield* Fiber.join(fiber))._tag).toBe("Left")
      }

      const hanging = makeMock(() => ({ hang: true }))
      const timedOut = yield* Effect.flatMap(Conversations, create).pipe(
        Effect.flip,
        Effect.provide(liveOn(hanging, { retry: exact, timeout: "1 second" })),
        Effect.fork
      )
      yield* TestClock.adjust("10 seconds")
      expect(hanging.requests.length).toBe(1)
      expect((yield* Fiber.join(timedOut))._tag).toBe("RequestTimeout")
    }))

  it.effect("retryUnsafe opts a create into retries after a 5xx", () =>
    Effect.gen(function*() {
      const mock = scripted(unavailable)
      const fiber = yield* run(mock, (c) => c.forApp(APP).create({ type: "sdkGroup" }), { ...exact, retryUnsafe: true })
      yield* TestClock.adjust("1 second")
      expect(mock.requests.length).toBe(2)
      expect((yield* Fiber.join(fiber))._tag).toBe("Right")
    }))

  it.effect("never retries other 4xx, 423 Locked included", () =>
    Effect.gen(function*() {
      for (
        const reply of [
          apiError(423, "locked", "Locked"),
          apiError(400, "bad_request", "Nope"),
          apiError(404, "conversation_not_found", "Gone"),
          apiError(401, "unauthorized", "No")
        ]
      ) {
        const mock = scripted(reply)
        const fiber = yield* run(mock, (c) => c.forApp(APP).get(CONV))
        yield* TestClock.adjust("1 minute")
        expect(mock.requests.length).toBe(1)
        expect((yield* Fiber.join(fiber))._tag).toBe("Left")
      }
    }))

  it.effect("gives up after maxRetries", () =>
    Effect.gen(function*() {
      const mock = makeMock(() => unavailable)
      const fiber = yield* run(mock, (c) => c.forApp(APP).get(CONV), { ...exact, maxRetries: 2 })
      yield* TestClock.adjust("1 minute")
      expect(mock.requests.length).toBe(3)
      const result = yield* Fiber.join(fiber)
      expect(result._tag === "Left" && result.left._tag).toBe("ServerError")
    }))

  it.effect("gives up when the delays would exceed maxTotalDelay", () =>
    Effect.gen(function*() {
      const mock = makeMock(() => limited("10"))
      const fiber = yield* run(mock, (c) => c.forApp(APP).get(CONV), {
        ...exact,
        maxRetries: 10,
        maxTotalDelay: "25 seconds"
      })
      yield* TestClock.adjust("5 minutes")
      expect(mock.requests.length).toBe(3) // 10 s + 10 s fit, a third 10 s would not
      expect((yield* Fiber.join(fiber))._tag).toBe("Left")
    }))
})

describe("replacing the policy", () => {
  it.effect("retries can be turned off for the layer", () =>
    Effect.gen(function*() {
      const mock = scripted(limited())
      const fiber = yield* run(mock, (c) => c.forApp(APP).get(CONV), false)
      yield* TestClock.adjust("1 minute")
      expect(mock.requests.length).toBe(1)
      expect((yield* Fiber.join(fiber))._tag).toBe("Left")
    }))

  it.effect("one call can turn retries off or bring its own Schedule", () =>
    Effect.gen(function*() {
      const off = scripted(limited())
      const offFiber = yield* run(off, (c) => c.forApp(APP).get(CONV, { retry: false }))
      yield* TestClock.adjust("1 minute")
      expect(off.requests.length).toBe(1)
      yield* Fiber.join(offFiber)

      const own = scripted(apiError(423, "locked", "Locked"), apiError(423, "locked", "Locked"))
      const schedule = Schedule.spaced("2 seconds").pipe(Schedule.intersect(Schedule.recurs(5)))
      const ownFiber = yield* run(own, (c) => c.forApp(APP).get(CONV, { retry: schedule }))
      expect(yield* after(own, 1999)).toBe(1)
      expect(yield* after(own, 1)).toBe(2)
      expect(yield* after(own, 2000)).toBe(3)
      expect((yield* Fiber.join(ownFiber))._tag).toBe("Right")
    }))

  it.effect("a layer-wide Schedule replaces the default", () =>
    Effect.gen(function*() {
      const mock = scripted(unavailable)
      const fiber = yield* run(mock, (c) =>
        c.forApp(APP).get(CONV), Schedule.spaced("7 seconds").pipe(Schedule.intersect(Schedule.recurs(1))))
      expect(yield* after(mock, 6999)).toBe(1)
      expect(yield* after(mock, 1)).toBe(2)
      yield* Fiber.join(fiber)
    }))

  it.effect("isRetryable states the safety rules", () =>
    Effect.sync(() => {
      expect(RetryPolicy.isRetryable("Conversations.create", { _tag: "ServerError" } as never)).toBe(false)
      expect(RetryPolicy.isRetryable("Conversations.get", { _tag: "ServerError" } as never)).toBe(true)
      expect(RetryPolicy.isRetryable("Conversations.create", { _tag: "RateLimited" } as never)).toBe(true)
      expect(RetryPolicy.isRetryable("Conversations.create", { _tag: "TransportError", sent: false } as never)).toBe(
        true
      )
      expect(RetryPolicy.isRetryable("Conversations.create", { _tag: "TransportError", sent: true } as never)).toBe(
        false
      )
      expect(RetryPolicy.isRetryable("Conversations.get", { _tag: "ValidationError" } as never)).toBe(false)
    }))
})

describe("the policy's delays", () => {
  const serverError = new ServerError({ operation: "Conversations.get", status: 503, code: "unavailable", title: "U" })
  /**
   * The delays (ms) the policy for a get chooses after each of `errors` until it gives up (`Schedule.run`
   * also emits the 0 of the step that gives up: dropped, so `errors` must outnumber the retries).
   */
  const delaysAfter = (options: RetryPolicy.RetryOptions, errors: ReadonlyArray<ConversationsError>) =>
    Schedule.run(Schedule.delays(RetryPolicy.make(options)("Conversations.get")), 0, errors).pipe(
      Effect.map((delays) => Chunk.toReadonlyArray(delays).map(Duration.toMillis).slice(0, -1))
    )
  const firstDelays = (options: RetryPolicy.RetryOptions) =>
    Effect.forEach(
      Array.from({ length: 40 }),
      () => Effect.map(delaysAfter(options, [serverError, serverError]), (d) => d[0]!)
    )

  it.effect("a 5xx waits the backoff alone, doubling from the base", () =>
    Effect.gen(function*() {
      expect(yield* delaysAfter({ ...exact, maxRetries: 3 }, Array(5).fill(serverError))).toEqual([100, 200, 400])
    }))

  it.effect("the delays may add up to maxTotalDelay exactly, not beyond", () =>
    Effect.gen(function*() {
      expect(yield* delaysAfter({ ...exact, maxTotalDelay: "300 millis" }, Array(5).fill(serverError))).toEqual([
        100,
        200
      ])
    }))

  it.effect("by default half of each delay is random: the first of a 250 ms base is within 125-250 ms, and varies", () =>
    Effect.gen(function*() {
      const first = yield* firstDelays({})
      expect(Math.min(...first)).toBeGreaterThanOrEqual(125)
      expect(Math.max(...first)).toBeLessThanOrEqual(250)
      expect(new Set(first).size).toBeGreaterThan(1)
    }))

  it.effect("jitter 1 randomizes the whole delay; jitter is clamped to 0-1", () =>
    Effect.gen(function*() {
      for (const jitter of [1, 2]) {
        const first = yield* firstDelays({ baseDelay: "100 millis", jitter })
        expect(Math.max(...first)).toBeLessThanOrEqual(100)
        expect(Math.min(...first)).toBeLessThan(50)
      }
      expect(new Set(yield* firstDelays({ baseDelay: "100 millis", jitter: -1 }))).toEqual(new Set([100]))
    }))

  it.effect("a request timeout is retried where a 5xx is: for a get, never for a create", () =>
    Effect.sync(() => {
      const timeout = new RequestTimeout({ operation: "Conversations.get", timeoutMillis: 1000 })
      expect(RetryPolicy.isRetryable("Conversations.get", timeout)).toBe(true)
      expect(RetryPolicy.isRetryable("Conversations.create", timeout)).toBe(false)
      expect(RetryPolicy.isRetryable("Conversations.create", timeout, true)).toBe(true)
    }))
})
