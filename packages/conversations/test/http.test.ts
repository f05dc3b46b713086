import { describe, expect, it } from "@effect/vitest"
import { Conversations, Credentials, Host } from "@sunco-effect/conversations"
import { Effect, Either, Layer, TestClock } from "effect"
import * as jose from "jose"
import packageJson from "../package.json" with { type: "json" }
import { apiError, APP, CONV, conversationJson, liveOn, makeMock, ok, SECRET } from "./support/MockHttp.js"

const withConversations = <A, E>(
  mock: ReturnType<typeof makeMock>,
  f: (c: Conversations["Type"]) => Effect.Effect<A, E>,
  options = {}
) => Effect.flatMap(Conversations, f).pipe(Effect.provide(liveOn(mock, options)))

describe("operations on the wire", () => {
  it.effect("create POSTs the body as JSON and unwraps the conversation", () =>
    Effect.gen(function*() {
      const mock = makeMock(() => ok({ conversation: conversationJson }, 201))
      const conversation = yield* withConversations(mock, (c) =>
        c.forApp(APP).create({
          type: "personal",
          participants: [{ userId: "42589ad070d43be9b00ff7e5" }],
          displayName: "Hi"
        }))
      expect(conversation.id).toBe(conversationJson.id)
      const [req] = mock.requests
      expect(req!.method).toBe("POST")
      expect(req!.url.href).toBe(`https://api.smooch.io/v2/apps/${APP}/conversations`)
      expect(req!.headers["content-type"]).toBe("application/json")
      expect(JSON.parse(req!.body!)).toEqual({
        type: "personal",
        participants: [{ userId: "42589ad070d43be9b00ff7e5" }],
        displayName: "Hi"
      })
    }))

  it.effect("get, update, delete and downloadMessageRef use their methods and paths", () =>
    Effect.gen(function*() {
      const mock = makeMock((r) =>
        r.method === "DELETE" || r.url.pathname.endsWith("/download") ? ok({}) : ok({ conversation: conversationJson })
      )
      yield* withConversations(mock, (c) =>
        Effect.all([
          c.forApp(APP).get(CONV),
          c.forApp(APP).update(CONV, { displayName: null, metadata: { a: 1 } }),
          c.forApp(APP).delete(CONV),
          c.forApp(APP).downloadMessageRef(CONV, { userId: "6e416caac6a5e9544e3fb6d7" })
        ]))
      expect(mock.requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
        `GET /v2/apps/${APP}/conversations/${CONV}`,
        `PATCH /v2/apps/${APP}/conversations/${CONV}`,
        `DELETE /v2/apps/${APP}/conversations/${CONV}`,
        `POST /v2/apps/${APP}/conversations/${CONV}/download`
      ])
      // null is sent, so the field is cleared
      expect(JSON.parse(mock.requests[1]!.body!)).toEqual({ displayName: null, metadata: { a: 1 } })
    }))

  it.effect("list sends the filter and every page key, as deepObject parameters", () =>
    Effect.gen(function*() {
      const mock = makeMock(() => ok({ conversations: [conversationJson], meta: { hasMore: false } }))
      const page = yield* withConversations(mock, (c) =>
        c.forApp(APP).list({
          filter: { userExternalId: "ada" },
          page: { after: "5e1606762556d93e9c176f69", size: 10 }
        }))
      expect(page.conversations).toHaveLength(1)
      expect(page.links).toEqual({})
      const params = mock.requests[0]!.url.searchParams
      expect(params.get("filter[userExternalId]")).toBe("ada")
      expect(params.get("page[after]")).toBe("5e1606762556d93e9c176f69")
      expect(params.get("page[size]")).toBe("10")
      expect(params.has("filter[userId]")).toBe(false)
    }))

  it.effect("path parameters are percent-encoded so an id cannot reach another route", () =>
    Effect.gen(function*() {
      const mock = makeMock(() => apiError(404, "conversation_not_found", "Conversation not found"))
      yield* withConversations(mock, (c) => Effect.flip(c.forApp(APP).get("../users/x?y#z")))
      expect(mock.requests[0]!.url.pathname).toBe(`/v2/apps/${APP}/conversations/..%2Fusers%2Fx%3Fy%23z`)
      expect(mock.requests[0]!.url.search).toBe("")
    }))

  it.effect("the zendesk host keeps its /sc path", () =>
    Effect.gen(function*() {
      const mock = makeMock(() => ok({ conversation: conversationJson }))
      yield* withConversations(mock, (c) => c.forApp(APP).get(CONV), { baseUrl: Host.zendesk("acme") })
      expect(mock.requests[0]!.url.href).toBe(`https://acme.zendesk.com/sc/v2/apps/${APP}/conversations/${CONV}`)
    }))

  it.effect("requests carry a User-Agent naming the library and its package.json version", () =>
    Effect.gen(function*() {
      const mock = makeMock(() => ok({ conversation: conversationJson }))
      yield* withConversations(mock, (c) => c.forApp(APP).get(CONV))
      expect(mock.requests[0]!.headers["user-agent"]).toMatch(
        new RegExp(`^sunco-effect/${packageJson.version.replace(/\./g, "\\.")} `)
      )
    }))
})

describe("authentication", () => {
  it.effect("basic auth sends key id and secret", () =>
    Effect.gen(function*() {
      const mock = makeMock(() => ok({ conversation: conversationJson }))
      yield* withConversations(mock, (c) => c.forApp(APP).get(CONV))
      const header = mock.requests[0]!.headers["authorization"]!
      expect(header.startsWith("Basic ")).toBe(true)
      expect(Buffer.from(header.slice(6), "base64").toString()).toBe(`app_abc:${SECRET}`)
    }))

  it.effect("a caller's bearer token is sent as is", () =>
    Effect.gen(function*() {
      const mock = makeMock(() => ok({ conversation: conversationJson }))
      yield* withConversations(mock, (c) => c.forApp(APP).get(CONV), {
        credentials: Credentials.bearer("tok.en.value")
      })
      expect(mock.requests[0]!.headers["authorization"]).toBe("Bearer tok.en.value")
    }))

  for (const scope of ["app", "account", "integration"] as const) {
    it.effect(`a minted JWT verifies with jose: HS256, kid, scope ${scope}`, () =>
      Effect.gen(function*() {
        const mock = makeMock(() => ok({ conversation: conversationJson }))
        yield* withConversations(mock, (c) => c.forApp(APP).get(CONV), {
          credentials: Credentials.jwt({ keyId: "app_abc", secret: SECRET, scope })
        })
        const token = mock.requests[0]!.headers["authorization"]!.replace(/^Bearer /, "")
        const verified = yield* Effect.promise(() => jose.jwtVerify(token, new TextEncoder().encode(SECRET)))
        expect(verified.protectedHeader).toMatchObject({ alg: "HS256", kid: "app_abc", typ: "JWT" })
        expect(verified.payload.scope).toBe(scope)
        const wrongKey = yield* Effect.promise(() =>
          jose.jwtVerify(token, new TextEncoder().encode("other")).then(() => "verified", () => "rejected")
        )
        expect(wrongKey).toBe("rejected")
      }))
  }
})

describe("JWTs that expire", () => {
  it.effect("carry iat and exp, and are re-signed on the Clock before they run out", () =>
    Effect.gen(function*() {
      const mock = makeMock(() => ok({ conversation: conversationJson }))
      yield* TestClock.setTime(1_800_000_000_000)
      const tokens = yield* Effect.gen(function*() {
        const c = yield* Conversations
        yield* c.forApp(APP).get(CONV)
        yield* TestClock.adjust("5 minutes")
        yield* c.forApp(APP).get(CONV) // 5 of 10 minutes used: the same token
        yield* TestClock.adjust("270 seconds")
        yield* c.forApp(APP).get(CONV) // within the last minute: a new one
        return mock.requests.map((r) => r.headers["authorization"]!.replace(/^Bearer /, ""))
      }).pipe(
        Effect.provide(liveOn(mock, {
          credentials: Credentials.jwt({ keyId: "app_abc", secret: SECRET, expiresInSeconds: 600 })
        }))
      )
      const claims = tokens.map((t) => jose.decodeJwt(t))
      expect(tokens[1]).toBe(tokens[0])
      expect(tokens[2]).not.toBe(tokens[1])
      expect(claims[2]!.exp! - claims[2]!.iat!).toBe(600)
      expect(claims[2]!.iat).toBe(1_800_000_000 + 570)
      expect(claims[0]!.scope).toBe("app")
    }))

  it.effect("a lifetime that is not a whole number of seconds, 1 or more, is a ConfigurationError", () =>
    Effect.gen(function*() {
      for (const expiresInSeconds of [0, -5, 1.5]) {
        const error = yield* Layer.build(liveOn(makeMock(() => ok({})), {
          credentials: Credentials.jwt({ keyId: "app_abc", secret: SECRET, expiresInSeconds })
        })).pipe(Effect.scoped, Effect.flip)
        expect(error._tag).toBe("ConfigurationError")
      }
    }))
})

describe("hosts and configuration errors", () => {
  const build = (baseUrl: string) =>
    Effect.either(Layer.build(liveOn(makeMock(() => ok({})), { baseUrl }))).pipe(Effect.scoped)

  it.effect("presets", () =>
    Effect.sync(() => {
      expect(Host.us).toBe("https://api.smooch.io")
      expect(Host.eu).toBe("https://api.eu-1.smooch.io")
      expect(Host.zendesk("acme")).toBe("https://acme.zendesk.com/sc")
    }))

  it.effect("plain http is refused except to loopback", () =>
    Effect.gen(function*() {
      const remote = yield* build("http://api.smooch.io")
      expect(Either.isLeft(remote) && remote.left._tag).toBe("ConfigurationError")
      expect(Either.isLeft(remote) && remote.left.message).toMatch(/plain http/)
      for (const loopback of ["http://127.0.0.1:8091", "http://localhost:1", "http://[::1]:8091"]) {
        expect(Either.isRight(yield* build(loopback))).toBe(true)
      }
      expect(Either.isLeft(yield* build("not a url"))).toBe(true)
      expect(Either.isLeft(yield* build("ftp://example.com"))).toBe(true)
    }))
})
