/**
 * What the errors carry beyond their tag: the user a create named in
 * `UserNotFound`, the ids every API error takes the same way, and the
 * attempts and time a request took when the retry pipeline gives up.
 */
import { describe, expect, it } from "@effect/vitest"
import {
  Conversations,
  ConversationsTest,
  Credentials,
  DefaultConversationUndeletable,
  RequestTimeout,
  TransportError,
  Users
} from "@sunco-effect/conversations"
import { Undici } from "@sunco-effect/conversations/Undici"
import { Effect, Fiber, TestClock } from "effect"
import { createServer } from "node:net"
import { APP as LIVE_APP, CONV, SECRET } from "./support/MockHttp.js"

const APP = "5f0c8b0e3f1a2b001e4d6c01"
const ADA = "5f0c8b0e3f1a2b001e4d6c10"
const Test = ConversationsTest.layer({
  appId: APP,
  seed: { apps: [{ id: APP, users: [{ id: ADA, externalId: "ada" }] }] }
})

describe("UserNotFound from a user's path names the user as the path did", () => {
  it.effect("by id or externalId: the error carries it and says it", () =>
    Effect.gen(function*() {
      const users = yield* Users
      const error = yield* Effect.flip(users.get("nobody-here"))
      expect(error).toMatchObject({ _tag: "UserNotFound", appId: APP, userIdOrExternalId: "nobody-here" })
      expect(error.message).toContain("user nobody-here")
      const afterAda = yield* Effect.flip(users.get("ada").pipe(Effect.zipRight(users.get("ghost"))))
      expect(afterAda).toMatchObject({ _tag: "UserNotFound", userIdOrExternalId: "ghost" })
    }).pipe(Effect.provide(Test)))
})

describe("UserNotFound from a create names the participant the request named", () => {
  it.effect("one participant by userId or by userExternalId: that user, in the fields and the message", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const byId = yield* Effect.flip(c.create({ type: "personal", participants: [{ userId: "ghost" }] }))
      expect(byId).toMatchObject({ _tag: "UserNotFound", appId: APP, userId: "ghost" })
      expect(byId._tag === "UserNotFound" && byId.userExternalId).toBeUndefined()
      expect(byId.message).toContain("user ghost")
      const byExternal = yield* Effect.flip(
        c.create({ type: "sdkGroup", participants: [{ userExternalId: "nobody", subscribeSDKClient: false }] })
      )
      expect(byExternal).toMatchObject({ _tag: "UserNotFound", userExternalId: "nobody" })
      expect(byExternal._tag === "UserNotFound" && byExternal.userId).toBeUndefined()
      expect(byExternal.message).toContain("user externalId nobody")
    }).pipe(Effect.provide(Test)))

  it.effect("several participants: no user is named (the service does not say which), the count is", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const error = yield* Effect.flip(c.create({
        type: "sdkGroup",
        participants: [
          { userId: ADA, subscribeSDKClient: false },
          { userExternalId: "nobody", subscribeSDKClient: false },
          { userId: "ghost", subscribeSDKClient: false }
        ]
      }))
      expect(error._tag).toBe("UserNotFound")
      if (error._tag !== "UserNotFound") return
      expect(error.participantCount).toBe(3)
      expect([error.userId, error.userExternalId]).toEqual([undefined, undefined])
      expect(error.message).toContain("one of 3 participants")
    }).pipe(Effect.provide(Test)))

  it.effect("downloadMessageRef names the body's userId", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const made = yield* c.create({ type: "sdkGroup" })
      const error = yield* Effect.flip(c.downloadMessageRef(made.id, { userId: "ghost" }))
      expect(error).toMatchObject({ _tag: "UserNotFound", userId: "ghost", conversationId: made.id })
    }).pipe(Effect.provide(Test)))
})

describe("every API error takes its ids the same way", () => {
  it("DefaultConversationUndeletable, like ConversationNotFound, can be made without a conversationId", () => {
    const error = new DefaultConversationUndeletable({
      operation: "Conversations.delete",
      status: 400,
      code: "bad_request",
      title: "Cannot delete default conversation"
    })
    expect(error.conversationId).toBeUndefined()
    expect(error.message).toBe("Conversations.delete failed with 400 bad_request: Cannot delete default conversation")
  })
})

const unavailable = { status: 503, code: "unavailable", title: "Unavailable" } as const

describe("an error after retries says how many attempts were made and over how long", () => {
  it.effect("the default policy: 4 attempts, over the backoff the clock saw (TestClock, no real sleep)", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const control = yield* ConversationsTest.Control
      const made = yield* c.create({ type: "sdkGroup" })
      yield* control.failWith("Conversations.get", unavailable)
      const fiber = yield* Effect.fork(Effect.flip(c.get(made.id)))
      yield* TestClock.adjust("1 minute")
      const error = yield* Fiber.join(fiber)
      expect(error._tag).toBe("ServerError")
      if (error._tag !== "ServerError") return
      expect(error.attempts).toBe(4)
      // Three waits of 250, 500 and 1000 ms, each with half of it random.
      expect(error.elapsedMillis).toBeGreaterThanOrEqual(125 + 250 + 500)
      expect(error.elapsedMillis).toBeLessThanOrEqual(250 + 500 + 1000)
      expect((yield* control.calls).filter((o) => o === "Conversations.get")).toHaveLength(4)
      expect(error.message).toMatch(/^Conversations\.get failed with 503 unavailable after 4 attempts over \d\.\d s: /)
    }).pipe(Effect.provide(Test)))

  it.effect("exact delays (100, 200, 400 ms): the elapsed time is their sum; a first-attempt error has neither", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const control = yield* ConversationsTest.Control
      const made = yield* c.create({ type: "sdkGroup" })
      yield* control.failWith("Conversations.get", unavailable)
      const fiber = yield* Effect.fork(Effect.flip(c.get(made.id, { retry: { baseDelay: "100 millis", jitter: 0 } })))
      yield* TestClock.adjust("1 minute")
      const error = yield* Fiber.join(fiber)
      expect(error).toMatchObject({ _tag: "ServerError", attempts: 4, elapsedMillis: 700 })
      expect(error.message).toContain("after 4 attempts over 700 ms")
      // Not retried (retries off, or an error no policy repeats): nothing to say.
      const once = yield* Effect.flip(c.get(made.id, { retry: false }))
      expect(once).toMatchObject({ _tag: "ServerError" })
      expect(once._tag === "ServerError" && [once.attempts, once.elapsedMillis]).toEqual([undefined, undefined])
      expect(once.message).not.toContain("attempts")
    }).pipe(Effect.provide(Test)))

  it.effect("a timeout that was retried says it was the last of them", () =>
    Effect.gen(function*() {
      const c = yield* Conversations
      const control = yield* ConversationsTest.Control
      const made = yield* c.create({ type: "sdkGroup" })
      yield* control.failWith(
        "Conversations.get",
        new RequestTimeout({ operation: "Conversations.get", timeoutMillis: 30_000 }),
        2
      )
      const fiber = yield* Effect.fork(
        Effect.flip(c.get(made.id, { retry: { baseDelay: "100 millis", jitter: 0, maxRetries: 1 } }))
      )
      yield* TestClock.adjust("1 minute")
      const error = yield* Fiber.join(fiber)
      expect(error).toMatchObject({ _tag: "RequestTimeout", attempts: 2, elapsedMillis: 100 })
      expect(error.message).toBe("Conversations.get timed out after 30000 ms (the last of 2 attempts over 100 ms)")
    }).pipe(Effect.provide(Test)))

  it.live("a closed port: a TransportError after 4 attempts, over the real waits", () =>
    Effect.gen(function*() {
      const port = yield* Effect.async<number>((resume) => {
        const server = createServer()
        server.listen(0, "127.0.0.1", () => {
          const { port } = server.address() as { port: number }
          server.close(() => resume(Effect.succeed(port)))
        })
      })
      const options = {
        baseUrl: `http://127.0.0.1:${port}`,
        credentials: Credentials.basic({ keyId: "app_abc", secret: SECRET }),
        retry: { baseDelay: "20 millis", jitter: 0 } as const
      }
      const error = yield* Effect.flip(Effect.flatMap(Conversations, (c) => c.forApp(LIVE_APP).get(CONV))).pipe(
        Effect.provide(Undici.layer(options))
      )
      expect(error).toBeInstanceOf(TransportError)
      if (error._tag !== "TransportError") return
      expect(error).toMatchObject({ sent: false, errorCode: "ECONNREFUSED", attempts: 4 })
      // 20 + 40 + 80 ms of waits, and the refused connections themselves.
      expect(error.elapsedMillis).toBeGreaterThanOrEqual(140)
      expect(error.message).toMatch(
        /^Conversations\.get could not reach the service after 4 attempts over \d+ ms \(ECONNREFUSED\): /
      )
    }))
})
