/**
 * Hostile input from loopback, without credentials or with them: the emulator
 * answers every request in the API's error shape, never crashes, never
 * buffers an oversized body, and holds the service's rules where it was lenient.
 */
import { expect, layer } from "@effect/vitest"
import { DefaultSeed, Emulator } from "@sunco-effect/emulator"
import { Effect } from "effect"
import * as jose from "jose"
import { basicAuth, call } from "./support/Http.js"
import { chunkedPost, raw } from "./support/Raw.js"

const base = `/v2/apps/${DefaultSeed.appId}/conversations`
const auth = basicAuth(DefaultSeed.keyId, DefaultSeed.keySecret)
const titleOf = (json: unknown) => (json as { errors: Array<{ title: string }> }).errors[0]?.title ?? ""
const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth)

/** The emulator still answers, and the seeded conversation is still there. */
const stillServing = Effect.gen(function*() {
  const answer = yield* call("GET", `${base}/5f0c8b0e3f1a2b001e4d6c20`)
  expect(answer.status).toBe(200)
})

const jwt = (payload: Record<string, unknown>) =>
  Effect.promise(() =>
    new jose.SignJWT(payload).setProtectedHeader({ alg: "HS256", kid: DefaultSeed.keyId })
      .sign(new TextEncoder().encode(DefaultSeed.keySecret))
  )

layer(Emulator.layer(), { timeout: "60 seconds" })("hostile input", (it) => {
  it.effect("a 200 MB chunked body gets 413 without being read whole, on an API route and an admin route", () =>
    Effect.gen(function*() {
      const { baseUrl } = yield* Emulator
      const before = process.memoryUsage().rss
      const api = yield* chunkedPost(baseUrl, base, auth, 64 * 1024, 3200)
      const admin = yield* chunkedPost(baseUrl, "/__emulator/faults", auth, 64 * 1024, 3200)
      const grown = (process.memoryUsage().rss - before) / 1024 / 1024
      expect(api.status).toBe(413)
      expect(admin.status).toBe(413)
      expect(JSON.parse(api.body)).toMatchObject({ errors: [{ code: "payload_too_large" }] })
      // The connection is closed long before 200 MB went through.
      expect(api.sentBytes).toBeLessThan(200 * 1024 * 1024)
      expect(grown).toBeLessThan(100)
      yield* stillServing
    }))

  it.effect("a declared 600 MB body is refused from its content-length", () =>
    Effect.gen(function*() {
      const { baseUrl } = yield* Emulator
      const answer = yield* raw(
        baseUrl,
        "PUT /__emulator/faults HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n" +
          "content-length: 629145600\r\n\r\n{"
      )
      expect(answer.status).toBe(413)
      yield* stillServing
    }))

  it.effect("JSON nested 2,000 or 2,500 levels gets a 400 whose title is short and does not echo it", () =>
    Effect.gen(function*() {
      for (const depth of [2000, 2500, 40_000]) {
        const answer = yield* call("POST", base, { raw: `{"type":"sdkGroup","metadata":${nested(depth)}}` })
        expect(answer.status).toBe(400)
        expect(titleOf(answer.json)).toContain("deeper than")
        expect(titleOf(answer.json).length).toBeLessThan(200)
        const admin = yield* call("PUT", "/__emulator/faults", { raw: `{"default":${nested(depth)}}` })
        expect(admin.status).toBe(400)
      }
      // A wrong value in a shallow body is named, not quoted.
      const quoted = yield* call("PUT", "/__emulator/faults", { raw: `{"default":{"drop":"${"x".repeat(5000)}"}}` })
      expect(quoted.status).toBe(400)
      expect(titleOf(quoted.json).length).toBeLessThanOrEqual(400)
      expect(titleOf(quoted.json)).not.toContain("xxxxxxxxxx")
      yield* stillServing
    }))

  it.effect("seed and fault values are bounded, and a value out of bounds gets a 400 naming the field", () =>
    Effect.gen(function*() {
      const reset = yield* call("POST", "/__emulator/reset", {
        body: { apps: [{ id: "a", users: [{ externalId: "u", conversationCount: 1e9 }] }] }
      })
      expect(reset.status).toBe(400)
      expect(titleOf(reset.json)).toContain("conversationCount")
      for (
        const [rule, field] of [
          [{ slow: 1, latencyMs: 1e12 }, "latencyMs"],
          [{ slow: 1, latencyMs: { min: 0, max: 1e12 } }, "latencyMs"],
          [{ rateLimit: 1, retryAfterSeconds: 0.001 }, "retryAfterSeconds"],
          [{ rateLimit: 1, retryAfterSeconds: 1e308 }, "retryAfterSeconds"],
          [{ drop: 2 }, "drop"],
          [{ serverError: 1, serverErrorStatus: 200 }, "serverErrorStatus"]
        ] as const
      ) {
        const answer = yield* call("PUT", "/__emulator/faults", { body: { default: rule } })
        expect([field, answer.status]).toEqual([field, 400])
        expect(titleOf(answer.json)).toContain(field)
      }
      yield* stillServing
    }))

  it.effect("a seed that repeats an id is refused, and the state it would have corrupted is untouched", () =>
    Effect.gen(function*() {
      const conversation = { id: "5f0c8b0e3f1a2b001e4d6c99", type: "personal", participants: ["u"] }
      const seeds = [
        { apps: [{ id: "a", users: [{ externalId: "u" }], conversations: [conversation, conversation] }] },
        { apps: [{ id: "a", users: [{ id: "x", externalId: "u" }, { id: "x", externalId: "v" }] }] },
        { apps: [{ id: "a", users: [{ externalId: "u" }, { externalId: "u" }] }] },
        { apps: [{ id: "a" }, { id: "a" }] }
      ]
      for (const seed of seeds) {
        const answer = yield* call("POST", "/__emulator/reset", { body: seed })
        expect(answer.status).toBe(400)
        expect(titleOf(answer.json)).toContain("appears twice")
      }
      yield* stillServing
    }))

  it.effect("malformed HTTP gets the API's JSON error; CONNECT gets an answer", () =>
    Effect.gen(function*() {
      const { baseUrl } = yield* Emulator
      const cases: ReadonlyArray<readonly [string, string, number]> = [
        ["NUL in the path", "GET /v2/\u0000 HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n", 400],
        ["space in the path", "GET /v2/a b/c HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n", 400],
        ["bad content-length", "POST /v2 HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: 12abc\r\n\r\n", 400],
        ["headers over 16 KB", `GET / HTTP/1.1\r\nhost: 127.0.0.1\r\nx-big: ${"a".repeat(20_000)}\r\n\r\n`, 431],
        ["CONNECT", "CONNECT example.com:443 HTTP/1.1\r\nhost: example.com:443\r\n\r\n", 405]
      ]
      for (const [name, bytes, status] of cases) {
        const answer = yield* raw(baseUrl, bytes)
        expect([name, answer.status]).toEqual([name, status])
        expect(answer.head.toLowerCase()).toContain("content-type: application/json")
        expect(JSON.parse(answer.body)).toMatchObject({
          errors: [{ code: expect.any(String), title: expect.any(String) }]
        })
      }
      yield* stillServing
    }))

  it.effect("content types must be JSON exactly; Basic credentials must be canonical base64", () =>
    Effect.gen(function*() {
      const body = JSON.stringify({ type: "sdkGroup" })
      for (
        const type of [
          "application/jsonx",
          "application/json; charset=utf-16",
          "text/plain",
          "application/json-patch+json"
        ]
      ) {
        const answer = yield* call("POST", base, { raw: body, headers: { "content-type": type } })
        expect([type, answer.status]).toEqual([type, 400])
      }
      for (const type of ["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"]) {
        const answer = yield* call("POST", base, { raw: body, headers: { "content-type": type } })
        expect([type, answer.status]).toEqual([type, 201])
      }
      const padded = `${auth}====`
      expect((yield* call("GET", `${base}/5f0c8b0e3f1a2b001e4d6c20`, { authorization: padded })).status).toBe(401)
      const stray = `${auth.slice(0, 10)}!${auth.slice(10)}`
      expect((yield* call("GET", `${base}/5f0c8b0e3f1a2b001e4d6c20`, { authorization: stray })).status).toBe(401)
    }))

  it.effect("a participant with both userId and userExternalId is refused, as the client refuses it", () =>
    Effect.gen(function*() {
      const answer = yield* call("POST", base, {
        body: { type: "personal", participants: [{ userId: "5f0c8b0e3f1a2b001e4d6c10", userExternalId: "ada" }] }
      })
      expect(answer.status).toBe(400)
      expect(titleOf(answer.json)).toContain("exactly one of userId or userExternalId")
    }))

  it.effect("JWTs: an expired exp or a future nbf is refused, within a minute's skew accepted", () =>
    Effect.gen(function*() {
      const now = Math.floor(Date.now() / 1000)
      const status = (payload: Record<string, unknown>) =>
        Effect.flatMap(
          jwt(payload),
          (token) =>
            Effect.map(
              call("GET", `${base}/5f0c8b0e3f1a2b001e4d6c20`, { authorization: `Bearer ${token}` }),
              (a) => a.status
            )
        )
      expect(yield* status({ scope: "app", exp: now - 3600 })).toBe(401)
      expect(yield* status({ scope: "app", exp: now - 30 })).toBe(200)
      expect(yield* status({ scope: "app", exp: now + 3600 })).toBe(200)
      expect(yield* status({ scope: "app", nbf: now + 3600 })).toBe(401)
      expect(yield* status({ scope: "app", nbf: now + 30 })).toBe(200)
      expect(yield* status({ scope: "app", exp: "tomorrow" })).toBe(401)
      expect(yield* status({ scope: "integration" })).toBe(401)
    }))

  it.effect("the API is served under /sc too; links use the emulator's base URL whatever the Host header", () =>
    Effect.gen(function*() {
      const { baseUrl } = yield* Emulator
      const prefixed = yield* call("GET", `/sc${base}/5f0c8b0e3f1a2b001e4d6c20`)
      expect(prefixed.status).toBe(200)
      for (let i = 0; i < 2; i++) {
        yield* call("POST", base, { body: { type: "personal", participants: [{ userExternalId: "ada" }] } })
      }
      // Reached by another of its names, it still links to its own base URL.
      const port = new URL(baseUrl).port
      const viaLocalhost = yield* raw(
        baseUrl,
        `GET ${base}?filter[userExternalId]=ada&page[size]=1 HTTP/1.1\r\nhost: localhost:${port}\r\n` +
          `authorization: ${auth}\r\nconnection: close\r\n\r\n`
      )
      expect(viaLocalhost.status).toBe(200)
      const listed = JSON.parse(viaLocalhost.body) as { links: { next?: string } }
      // A foreign Host (a DNS-rebinding page) is not served at all.
      const foreign = yield* raw(
        baseUrl,
        `GET ${base}?filter[userExternalId]=ada HTTP/1.1\r\nhost: evil.example:${port}\r\n` +
          `authorization: ${auth}\r\nconnection: close\r\n\r\n`
      )
      expect(foreign.status).toBe(403)
      expect(listed.links.next?.startsWith(`${baseUrl}/v2/apps/`)).toBe(true)
    }))

  it.effect("fields never set are omitted, as in the service's examples", () =>
    Effect.gen(function*() {
      const created = yield* call("POST", base, { body: { type: "sdkGroup" } })
      const conversation = (created.json as { conversation: Record<string, unknown> }).conversation
      expect(Object.keys(conversation)).not.toContain("metadata")
      expect(Object.keys(conversation)).not.toContain("businessLastRead")
      expect(Object.keys(conversation)).not.toContain("displayName")
    }))
})
