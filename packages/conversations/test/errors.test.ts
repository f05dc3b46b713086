import { describe, expect, it } from "@effect/vitest"
import { Conversations } from "@sunco-effect/conversations"
import { Duration, Effect, Fiber, TestClock } from "effect"
import { apiError, APP, CONV, conversationJson, liveOn, makeMock, ok, type Reply } from "./support/MockHttp.js"

const failureOf = <A, E>(reply: Reply, f: (c: Conversations["Type"]) => Effect.Effect<A, E>) =>
  Effect.gen(function*() {
    const mock = makeMock(() => reply)
    return yield* Effect.flatMap(Conversations, f).pipe(Effect.flip, Effect.provide(liveOn(mock)))
  })

describe("HTTP errors become the operation's typed errors", () => {
  it.effect("404 app_not_found is AppNotFound on every operation", () =>
    Effect.gen(function*() {
      const reply = apiError(404, "app_not_found", "App not found")
      const errors = yield* Effect.all([
        failureOf(reply, (c) => c.forApp(APP).create({ type: "sdkGroup" })),
        failureOf(reply, (c) => c.forApp(APP).get(CONV)),
        failureOf(reply, (c) => c.forApp(APP).list({ filter: { userId: "u" } })),
        failureOf(reply, (c) => c.forApp(APP).update(CONV, {})),
        failureOf(reply, (c) => c.forApp(APP).delete(CONV)),
        failureOf(reply, (c) => c.forApp(APP).downloadMessageRef(CONV, { userId: "u" }))
      ])
      expect(errors.map((e) => e._tag)).toEqual(Array(6).fill("AppNotFound"))
    }))

  it.effect("each error carries status, code, title, operation and request id", () =>
    Effect.gen(function*() {
      const error = yield* failureOf(
        {
          status: 404,
          body: { errors: [{ code: "conversation_not_found", title: "Conversation not found" }] },
          headers: { "x-zendesk-request-id": "req-123" }
        },
        (c) => c.forApp(APP).get(CONV)
      )
      expect(error).toMatchObject({
        _tag: "ConversationNotFound",
        status: 404,
        code: "conversation_not_found",
        title: "Conversation not found",
        operation: "Conversations.get",
        requestId: "req-123"
      })
      expect(error.message).toContain("req-123")
    }))

  it.effect("user_not_found from create and list is UserNotFound", () =>
    Effect.gen(function*() {
      const reply = apiError(404, "user_not_found", "User not found")
      expect(
        (yield* failureOf(reply, (c) =>
          c.forApp(APP).create({ type: "sdkGroup", participants: [{ userId: "x", subscribeSDKClient: true }] })))
          ._tag
      )
        .toBe("UserNotFound")
      expect(
        (yield* failureOf(reply, (c) =>
          c.forApp(APP).list({ filter: { userId: "x" } })))._tag
      ).toBe(
        "UserNotFound"
      )
      // get cannot produce UserNotFound: an unexpected code is an ApiError
      expect((yield* failureOf(reply, (c) => c.forApp(APP).get(CONV)))._tag).toBe("ApiError")
    }))

  it.effect("400 on deleting the default conversation is DefaultConversationUndeletable", () =>
    Effect.gen(function*() {
      const error = yield* failureOf(
        apiError(400, "bad_request", `Conversation ${CONV} cannot be deleted because it is the default.`),
        (c) => c.forApp(APP).delete(CONV)
      )
      expect(error._tag).toBe("DefaultConversationUndeletable")
      expect(error._tag === "DefaultConversationUndeletable" && error.conversationId).toBe(CONV)
    }))

  it.effect("400 Invalid page query parameters from list is InvalidPage; other 400s are BadRequest", () =>
    Effect.gen(function*() {
      expect(
        (yield* failureOf(
          apiError(400, "bad_request", "Invalid page query parameters"),
          (c) => c.forApp(APP).list({ filter: { userId: "u" } })
        ))._tag
      ).toBe("InvalidPage")
      expect(
        (yield* failureOf(
          apiError(400, "bad_request", "Invalid type"),
          (c) => c.forApp(APP).create({ type: "sdkGroup" })
        ))._tag
      ).toBe("BadRequest")
    }))

  it.effect("401, 403, 429, 5xx and other statuses", () =>
    Effect.gen(function*() {
      const get = (reply: Reply) => failureOf(reply, (c) => c.forApp(APP).get(CONV))
      expect((yield* get(apiError(401, "unauthorized", "Invalid credentials")))._tag).toBe("Unauthorized")
      expect((yield* get(apiError(403, "forbidden", "Forbidden")))._tag).toBe("Forbidden")
      const limited = yield* get(apiError(429, "too_many_requests", "Slow down", { "retry-after": "7" }))
      expect(limited).toMatchObject({ _tag: "RateLimited", retryAfterMillis: 7000 })
      expect(yield* get({ status: 502, raw: "<html>bad gateway</html>" })).toMatchObject({
        _tag: "ServerError",
        status: 502,
        code: "unknown"
      })
      expect((yield* get(apiError(423, "locked", "Locked")))._tag).toBe("ApiError")
    }))

  it.effect("a Retry-After HTTP date is read relative to now", () =>
    Effect.gen(function*() {
      const date = new Date(Date.now() + 30_000).toUTCString()
      const error = yield* failureOf(apiError(429, "too_many_requests", "Slow down", { "retry-after": date }), (c) =>
        c.forApp(APP).get(CONV))
      expect(error._tag === "RateLimited" && error.retryAfterMillis).toBeGreaterThan(25_000)
      expect(error._tag === "RateLimited" && error.retryAfterMillis).toBeLessThanOrEqual(30_000)
    }))
})

describe("responses that do not decode", () => {
  it.effect("a wrong field type says which field", () =>
    Effect.gen(function*() {
      const error = yield* failureOf(ok({ conversation: { ...conversationJson, isDefault: "yes" } }), (c) =>
        c.forApp(APP).get(CONV))
      expect(error._tag).toBe("ResponseDecodeError")
      expect(error._tag === "ResponseDecodeError" && error.issue).toMatch(/isDefault/)
    }))

  it.effect("a body that is not JSON, or has no envelope", () =>
    Effect.gen(function*() {
      const notJson = yield* failureOf({ status: 200, raw: "{\"conversation\":" }, (c) => c.forApp(APP).get(CONV))
      expect(notJson._tag === "ResponseDecodeError" && notJson.issue).toMatch(/not JSON/)
      const noEnvelope = yield* failureOf(ok({}), (c) => c.forApp(APP).get(CONV))
      expect(noEnvelope._tag === "ResponseDecodeError" && noEnvelope.issue).toMatch(/no conversation/)
    }))
})

describe("transport failures and timeouts", () => {
  it.effect("connection refused is a TransportError that was not sent", () =>
    Effect.gen(function*() {
      const error = yield* failureOf({ transport: { message: "connect failed", code: "ECONNREFUSED" } }, (c) =>
        c.forApp(APP).get(CONV))
      expect(error).toMatchObject({ _tag: "TransportError", sent: false, errorCode: "ECONNREFUSED" })
      const reset = yield* failureOf({ transport: { message: "socket hang up", code: "ECONNRESET" } }, (c) =>
        c.forApp(APP).get(CONV))
      expect(reset).toMatchObject({ _tag: "TransportError", sent: true, errorCode: "ECONNRESET" })
    }))

  it.effect("a request that takes too long is a RequestTimeout (default and per call)", () =>
    Effect.gen(function*() {
      const mock = makeMock(() => ({ hang: true }))
      const layer = liveOn(mock, { timeout: "5 seconds" })
      const byDefault = yield* Effect.flatMap(Conversations, (c) => c.forApp(APP).get(CONV)).pipe(
        Effect.flip,
        Effect.provide(layer),
        Effect.fork
      )
      yield* TestClock.adjust(Duration.seconds(5))
      expect(yield* Fiber.join(byDefault)).toMatchObject({ _tag: "RequestTimeout", timeoutMillis: 5000 })

      const perCall = yield* Effect.flatMap(Conversations, (c) => c.forApp(APP).get(CONV, { timeout: "1 second" }))
        .pipe(
          Effect.flip,
          Effect.provide(layer),
          Effect.fork
        )
      yield* TestClock.adjust(Duration.seconds(1))
      expect(yield* Fiber.join(perCall)).toMatchObject({ _tag: "RequestTimeout", timeoutMillis: 1000 })
    }))
})
