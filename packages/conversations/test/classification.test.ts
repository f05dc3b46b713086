/**
 * The rules that decide which typed error a response becomes, and whether a
 * failed POST may be sent again, each pinned at its edges: the codes and
 * titles that select an error, the 5xx boundary, what Retry-After accepts,
 * and which transport codes prove that nothing was sent.
 */
import { describe, expect, it } from "@effect/vitest"
import { Conversations, Users } from "@sunco-effect/conversations"
import { Effect } from "effect"
import { apiError, APP, CONV, conversationJson, liveOn, makeMock, ok, type Reply } from "./support/MockHttp.js"

type Call = (c: Conversations["Type"]) => Effect.Effect<unknown, { readonly _tag: string }>

const tagOf = (reply: Reply, call: Call) =>
  Effect.gen(function*() {
    const mock = makeMock(() => reply)
    return yield* Effect.flatMap(Conversations, call).pipe(Effect.flip, Effect.provide(liveOn(mock)))
  })

const create: Call = (c) => c.forApp(APP).create({ type: "sdkGroup" })
const get: Call = (c) => c.forApp(APP).get(CONV)
const list: Call = (c) => c.forApp(APP).list({ filter: { userId: "u" } })
const remove: Call = (c) => c.forApp(APP).delete(CONV)

describe("which typed error a response becomes", () => {
  it.effect("404 is UserNotFound only with the user_not_found code, and only where the operation names it", () =>
    Effect.gen(function*() {
      expect((yield* tagOf(apiError(404, "user_not_found", "User not found"), create))._tag).toBe("UserNotFound")
      expect((yield* tagOf(apiError(404, "not_found", "Not found"), create))._tag).toBe("ApiError")
      expect((yield* tagOf(apiError(404, "not_found", "Not found"), list))._tag).toBe("ApiError")
      // get cannot fail with UserNotFound: the same code is an ApiError there
      expect((yield* tagOf(apiError(404, "user_not_found", "User not found"), get))._tag).toBe("ApiError")
      expect((yield* tagOf(apiError(404, "conversation_not_found", "Gone"), get))._tag).toBe("ConversationNotFound")
      expect((yield* tagOf(apiError(404, "conversation_not_found", "Gone"), create))._tag).toBe("ApiError")
      expect((yield* tagOf(apiError(404, "app_not_found", "No app"), list))._tag).toBe("AppNotFound")
      // a 400 with a not-found code is not a 404
      expect((yield* tagOf(apiError(400, "user_not_found", "odd"), create))._tag).toBe("BadRequest")
    }))

  it.effect("a 400 needs both the operation and the title: default (delete only), page (list only)", () =>
    Effect.gen(function*() {
      const titled = (title: string) => apiError(400, "bad_request", title)
      expect((yield* tagOf(titled("Cannot delete the DEFAULT conversation"), remove))._tag).toBe(
        "DefaultConversationUndeletable"
      )
      expect((yield* tagOf(titled("Something else"), remove))._tag).toBe("BadRequest")
      expect((yield* tagOf(titled("Invalid page query parameters"), remove))._tag).toBe("BadRequest")
      expect((yield* tagOf(titled("Invalid PAGE"), list))._tag).toBe("InvalidPage")
      expect((yield* tagOf(titled("A default filter"), list))._tag).toBe("BadRequest")
      expect((yield* tagOf(titled("Invalid filter"), list))._tag).toBe("BadRequest")
    }))

  it.effect("5xx starts at 500: 499 is an ApiError, 500 and 599 are ServerErrors", () =>
    Effect.gen(function*() {
      expect(yield* tagOf(apiError(500, "internal", "boom"), get)).toMatchObject({ _tag: "ServerError", status: 500 })
      expect(yield* tagOf(apiError(599, "internal", "boom"), get)).toMatchObject({ _tag: "ServerError", status: 599 })
      expect(yield* tagOf(apiError(499, "closed", "client closed"), get)).toMatchObject({
        _tag: "ApiError",
        status: 499
      })
      expect((yield* tagOf(apiError(401, "unauthorized", "no"), get))._tag).toBe("Unauthorized")
      expect((yield* tagOf(apiError(403, "forbidden", "no"), get))._tag).toBe("Forbidden")
    }))
})

describe("Retry-After", () => {
  const afterHeader = (value: string) =>
    Effect.map(
      tagOf(apiError(429, "too_many_requests", "Slow down", { "retry-after": value }), get),
      (e) => (e as unknown as { retryAfterMillis?: number }).retryAfterMillis
    )

  it.effect("delta seconds, with spaces around them and fractions, are read", () =>
    Effect.gen(function*() {
      expect(yield* afterHeader("7")).toBe(7000)
      expect(yield* afterHeader("  3  ")).toBe(3000)
      expect(yield* afterHeader("1.5")).toBe(1500)
      expect(yield* afterHeader("1.25")).toBe(1250)
      expect(yield* afterHeader("0")).toBe(0)
    }))

  it.effect("trailing or leading garbage is not a delay", () =>
    Effect.gen(function*() {
      expect(yield* afterHeader("3abc")).toBeUndefined()
      expect(yield* afterHeader("x3")).toBeUndefined()
      expect(yield* afterHeader("1.")).toBeUndefined()
      expect(yield* afterHeader("-5")).toBeUndefined()
      expect(yield* afterHeader("soon")).toBeUndefined()
    }))

  it.effect("an HTTP date is a delay from now; a date in the past is no delay", () =>
    Effect.gen(function*() {
      const future = yield* afterHeader(new Date(Date.now() + 20_000).toUTCString())
      expect(future).toBeGreaterThan(15_000)
      expect(future).toBeLessThanOrEqual(20_000)
      expect(yield* afterHeader(new Date(Date.now() - 60_000).toUTCString())).toBe(0)
      // the obsolete forms a recipient must still accept
      expect(yield* afterHeader("Sunday, 06-Nov-94 08:49:37 GMT")).toBe(0)
      expect(yield* afterHeader("Sun Nov  6 08:49:37 1994")).toBe(0)
      expect(yield* afterHeader("Wed Nov 16 08:49:37 1994")).toBe(0)
      // Date.parse would take both of these
      expect(yield* afterHeader("Sun, 06 Nov 1994 08:49:37 GMT junk")).toBeUndefined()
      expect(yield* afterHeader("junk Sun, 06 Nov 1994 08:49:37 GMT")).toBeUndefined()
    }))
})

describe("a POST after a transport failure", () => {
  /** The create's outcome and how many times it was sent, when the first attempt fails with `code`. */
  const createAfter = (code: string, nested = false) =>
    Effect.gen(function*() {
      const cause = nested ? { message: "fetch failed", cause: { code, message: code } } : { code, message: code }
      const mock = makeMock((_, i) => (i === 0 ? { transport: cause } : ok({ conversation: conversationJson }, 201)))
      const outcome = yield* Effect.flatMap(Conversations, create).pipe(
        Effect.either,
        Effect.provide(liveOn(mock, { retry: { baseDelay: "1 millis", jitter: 0 } }))
      )
      return { outcome, sent: mock.requests.length }
    })

  for (
    const code of ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]
  ) {
    it.live(`${code} proves nothing was sent: the create is sent again and succeeds`, () =>
      Effect.gen(function*() {
        const { outcome, sent } = yield* createAfter(code)
        expect(outcome._tag).toBe("Right")
        expect(sent).toBe(2)
        // also when the code is nested in a cause, as undici and fetch report it
        expect((yield* createAfter(code, true)).sent).toBe(2)
      }))
  }

  for (const code of ["ECONNRESET", "UND_ERR_SOCKET", "EPIPE"]) {
    it.live(`${code} may have reached the server: the create is not repeated`, () =>
      Effect.gen(function*() {
        const { outcome, sent } = yield* createAfter(code)
        expect(outcome._tag === "Left" && outcome.left).toMatchObject({
          _tag: "TransportError",
          sent: true,
          errorCode: code
        })
        expect(sent).toBe(1)
      }))
  }
})

describe("what a typed error carries", () => {
  it.effect("a 400 is BadRequest only where the operation can fail with it: get has none, so ApiError", () =>
    Effect.gen(function*() {
      expect(yield* tagOf(apiError(400, "bad_request", "Bad"), get)).toMatchObject({ _tag: "ApiError", status: 400 })
      expect((yield* tagOf(apiError(400, "bad_request", "Bad"), create))._tag).toBe("BadRequest")
    }))

  it.effect("the list's user filter is named in UserNotFound: userId or userExternalId", () =>
    Effect.gen(function*() {
      const gone = apiError(404, "user_not_found", "User not found")
      expect(yield* tagOf(gone, list)).toMatchObject({ _tag: "UserNotFound", userId: "u", appId: APP })
      const byExternal = yield* tagOf(gone, (c) => c.forApp(APP).list({ filter: { userExternalId: "ext-1" } }))
      expect(byExternal).toMatchObject({ _tag: "UserNotFound", userExternalId: "ext-1" })
      expect(byExternal).not.toHaveProperty("userId", expect.anything())
    }))
})

describe("a transport failure", () => {
  const failWith = (cause: unknown) =>
    Effect.gen(function*() {
      const mock = makeMock(() => ({ transport: cause }))
      const error = yield* Effect.flatMap(Conversations, get).pipe(Effect.flip, Effect.provide(liveOn(mock)))
      return error as unknown as { _tag: string; sent: boolean; errorCode?: string; description: string }
    })
  const nested = (depth: number, leaf: object): object => depth === 0 ? leaf : { cause: nested(depth - 1, leaf) }

  it.effect("without an error code counts as sent: a POST is not repeated", () =>
    Effect.gen(function*() {
      const mock = makeMock((_, i) => (i === 0 ? { transport: { message: "socket hang up" } } : ok({}, 201)))
      const outcome = yield* Effect.flatMap(Conversations, create).pipe(
        Effect.flip,
        Effect.provide(liveOn(mock, { retry: { baseDelay: "1 millis", jitter: 0 } }))
      )
      expect(outcome).toMatchObject({ _tag: "TransportError", sent: true, description: "socket hang up" })
      expect(mock.requests).toHaveLength(1)
    }))

  it.effect("takes the code of the first attempt of a happy-eyeballs AggregateError", () =>
    Effect.gen(function*() {
      const aggregate = { message: "", errors: [{ code: "ECONNREFUSED", message: "connect ECONNREFUSED ::1:1" }] }
      expect(yield* failWith({ message: "fetch failed", cause: aggregate })).toMatchObject({
        sent: false,
        errorCode: "ECONNREFUSED"
      })
      // an empty list of attempts says nothing: the cause is read instead
      expect(yield* failWith({ errors: [], cause: { code: "ENOTFOUND" } })).toMatchObject({
        sent: false,
        errorCode: "ENOTFOUND"
      })
    }))

  it.effect("describes itself by the first cause with a message other than 'fetch failed'", () =>
    Effect.gen(function*() {
      const error = yield* failWith({
        message: "fetch failed",
        cause: { message: "", cause: { message: "getaddrinfo" } }
      })
      expect(error.description).toBe("getaddrinfo")
      expect((yield* failWith({ message: "fetch failed" })).description).toBe("transport failure")
      expect((yield* failWith("a string")).description).toBe("transport failure")
    }))

  it.effect("follows causes six deep, and ends on a cause that points to itself", () =>
    Effect.gen(function*() {
      expect(yield* failWith(nested(5, { code: "ENOTFOUND", message: "deep" }))).toMatchObject({
        sent: false,
        errorCode: "ENOTFOUND",
        description: "deep"
      })
      const tooDeep = yield* failWith(nested(6, { code: "ENOTFOUND", message: "deep" }))
      expect(tooDeep).toMatchObject({ sent: true, description: "transport failure" })
      expect(tooDeep.errorCode).toBeUndefined()
      // a chain that ends in null
      expect(yield* failWith({ message: "", cause: null })).toMatchObject({
        _tag: "TransportError",
        sent: true,
        description: "transport failure"
      })
      const loop: { message: string; cause?: unknown } = { message: "" }
      loop.cause = loop
      expect(yield* failWith(loop)).toMatchObject({ _tag: "TransportError", sent: true })
    }))
})

describe("each operation's own errors and retry safety", () => {
  const download = (c: Conversations["Type"]) => c.forApp(APP).downloadMessageRef(CONV, { userId: "u" })
  const update = (c: Conversations["Type"]) => c.forApp(APP).update(CONV, { displayName: "x" })
  const createUser = Effect.flatMap(Users, (u) => u.forApp(APP).create({ externalId: "ada" }))

  it.effect("update and downloadMessageRef name a missing conversation; download names a missing user", () =>
    Effect.gen(function*() {
      const gone = apiError(404, "conversation_not_found", "Gone")
      expect((yield* tagOf(gone, update))._tag).toBe("ConversationNotFound")
      expect((yield* tagOf(gone, download))._tag).toBe("ConversationNotFound")
      expect((yield* tagOf(apiError(404, "user_not_found", "No user"), download))._tag).toBe("UserNotFound")
    }))

  it.effect("creating a user fails with BadRequest on a 400", () =>
    Effect.gen(function*() {
      const mock = makeMock(() => apiError(400, "bad_request", "Bad"))
      const error = yield* createUser.pipe(Effect.flip, Effect.provide(liveOn(mock)))
      expect(error._tag).toBe("BadRequest")
    }))

  it.live("a 503 is retried for a list, never for a user's creation or a download (they may have happened)", () =>
    Effect.gen(function*() {
      const retry = { baseDelay: "1 millis", jitter: 0 } as const
      const once = (reply: Reply) => makeMock((_, i) => (i === 0 ? apiError(503, "unavailable", "U") : reply))
      const listed = once(ok({ conversations: [], meta: {} }))
      yield* Effect.flatMap(Conversations, list).pipe(Effect.provide(liveOn(listed, { retry })))
      expect(listed.requests).toHaveLength(2)
      const user = once(ok({ user: { id: "5f0c8b0e3f1a2b001e4d6c10", externalId: "ada" } }, 201))
      yield* createUser.pipe(Effect.flip, Effect.provide(liveOn(user, { retry })))
      expect(user.requests).toHaveLength(1)
      const downloaded = once(ok({}))
      yield* Effect.flatMap(Conversations, download).pipe(Effect.flip, Effect.provide(liveOn(downloaded, { retry })))
      expect(downloaded.requests).toHaveLength(1)
    }))
})
