/**
 * Deadlines on the request path: a request whose headers or body stop
 * coming gets a 408 in the API's shape once the configured deadline passes
 * (instead of Node's 300 s of silence), while ordinary requests go on being
 * served; a coding the emulator cannot read is refused from the headers.
 */
import { NodeHttpClient } from "@effect/platform-node"
import { expect, layer } from "@effect/vitest"
import { Conversations } from "@sunco-effect/conversations"
import { DefaultSeed, Emulator, EmulatorClient } from "@sunco-effect/emulator"
import { Effect, Either, Layer } from "effect"
import { basicAuth, call } from "./support/Http.js"
import { raw } from "./support/Raw.js"

const DEADLINE = 2000
// Node looks for late requests every quarter of the deadline; the rest is room for a loaded machine.
const LATEST = DEADLINE + DEADLINE / 4 + 1500

const base = `/v2/apps/${DefaultSeed.appId}/conversations`
const auth = basicAuth(DefaultSeed.keyId, DefaultSeed.keySecret)
const seeded = "5f0c8b0e3f1a2b001e4d6c20"

const post = (path: string, headers: string) =>
  `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: ${auth}\r\ncontent-type: application/json\r\n${headers}\r\n`

/** Requests that never finish arriving, each kind twice (on an API route, then an admin route or a variant). */
const stalled: ReadonlyArray<readonly [string, string]> = [
  ["content-length 50, 2 bytes sent", post(base, "content-length: 50\r\n") + "{}"],
  [
    "content-length 50, admin route",
    post("/__emulator/faults", "content-length: 50\r\n").replace("POST", "PUT") + "{}"
  ],
  ["chunked, no chunk", post(base, "transfer-encoding: chunked\r\n")],
  ["chunked, no chunk, admin route", post("/__emulator/reset", "transfer-encoding: chunked\r\n")],
  ["chunked, one chunk then silence", post(base, "transfer-encoding: chunked\r\n") + "2\r\n{}\r\n"],
  ["chunked, half a chunk", post(base, "transfer-encoding: chunked\r\n") + "10\r\n{\"type\""],
  ["headers without their end", `POST ${base} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n`],
  ["half a request line", "POST /v2/apps"],
  ["a GET without its blank line", `GET ${base}/${seeded} HTTP/1.1\r\nhost: 127.0.0.1\r\n`],
  ["nothing at all", ""],
  ["a keep-alive request, then half the next", `GET /v2/nowhere HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\nGET /v2/`],
  ["content-length 50, nothing sent", post(base, "content-length: 50\r\n")]
]

const Live = EmulatorClient.layer({ retry: false }).pipe(
  Layer.provideMerge(Emulator.layer({ requestTimeoutMs: DEADLINE })),
  Layer.provide(NodeHttpClient.layerUndici)
)

const elapsed = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const start = performance.now()
    const result = yield* effect
    return [result, performance.now() - start] as const
  })

layer(Live, { timeout: "60 seconds", excludeTestServices: true })("request deadlines", (it) => {
  it.effect("a dozen stalled requests each get a 408 within the bound, while ordinary requests are served", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator
      const conversations = yield* Conversations
      const ordinary = elapsed(Effect.forEach(Array.from({ length: 20 }), () =>
        Effect.zip(
          Effect.either(conversations.get(seeded)),
          call("GET", `${base}/${seeded}`)
        )))
      yield* ordinary // warm: connections open, code paths compiled
      const [, baseline] = yield* ordinary
      const waiting = yield* Effect.forEach(
        stalled,
        ([what, bytes]) =>
          Effect.fork(Effect.map(elapsed(raw(emulator.baseUrl, bytes, 10_000)), (r) => [what, ...r] as const)),
        { concurrency: "unbounded" }
      )
      // Meanwhile: 20 requests through the client and 20 through plain HTTP, each at its usual pace.
      const [served, servedIn] = yield* ordinary
      expect(served.every(([client, plain]) => Either.isRight(client) && plain.status === 200)).toBe(true)
      // All forty were served before the stalled requests' deadline came, about as fast as with none stalled.
      expect(servedIn).toBeLessThan(DEADLINE / 2)
      expect(servedIn).toBeLessThan(3 * baseline + 100)

      const answers = yield* Effect.forEach(waiting, (fiber) => fiber.await.pipe(Effect.flatten))
      for (const [what, answer, ms] of answers) {
        // The keep-alive case got its first answer at once; the 408 is the second response on the socket.
        const timedOut = what.startsWith("a keep-alive") ? /408/.test(answer.body) : answer.status === 408
        expect({ what, timedOut }).toEqual({ what, timedOut: true })
        expect({ what, early: ms < DEADLINE - 50, late: ms > LATEST }).toEqual({ what, early: false, late: false })
        if (answer.status === 408) {
          expect(answer.head).toMatch(/\r\nconnection: close(\r\n|$)/i)
          expect(JSON.parse(answer.body)).toEqual({
            errors: [{ code: "request_timeout", title: "The request did not arrive in time" }]
          })
        }
      }
      // The stalled API calls show in the log as the 408s they got.
      yield* Effect.sleep("200 millis")
      const timedOutRows = emulator.state.log.recent().filter((e) => e.status === 408)
      expect(timedOutRows.length).toBeGreaterThanOrEqual(4)
      expect(timedOutRows.every((e) => e.path === base)).toBe(true)
      // And the emulator still answers.
      expect((yield* call("GET", `${base}/${seeded}`)).status).toBe(200)
    }))

  it.effect("a transfer coding other than chunked gets a 501 and a content coding a 415, without waiting for the body", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator
      const cases: ReadonlyArray<readonly [string, number, string]> = [
        ["transfer-encoding: gzip, chunked\r\n", 501, "not_implemented"],
        ["transfer-encoding: deflate, chunked\r\n", 501, "not_implemented"],
        // Chunked not last: the body's length cannot be known, so Node's parser answers 400 (RFC 9112 §6.3).
        ["transfer-encoding: gzip\r\ncontent-length: 50\r\n", 400, "bad_request"],
        ["transfer-encoding: chunked\r\ncontent-encoding: gzip\r\n", 415, "unsupported_media_type"],
        ["content-encoding: br\r\ncontent-length: 50\r\n", 415, "unsupported_media_type"]
      ]
      for (const [headers, status, code] of cases) {
        const [answer, ms] = yield* elapsed(raw(emulator.baseUrl, post(base, headers), 5000))
        expect({ headers, status: answer.status }).toEqual({ headers, status })
        expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ code }] })
        // Answered from the headers, and the connection closed: the body is never waited for.
        expect(ms).toBeLessThan(DEADLINE / 2)
        expect(answer.head).toMatch(/\r\nconnection: close(\r\n|$)/i)
        if (status === 415) expect(answer.head).toMatch(/\r\naccept-encoding: identity(\r\n|$)/i)
      }
      // identity and plain chunked are read as before.
      const identity = yield* call("POST", base, {
        body: { type: "sdkGroup" },
        headers: { "content-type": "application/json", "content-encoding": "identity" }
      })
      expect(identity.status).toBe(201)
    }))

  it.effect("a requestTimeoutMs that is not a whole number of at least 1 is a ConfigurationError", () =>
    Effect.gen(function*() {
      for (const requestTimeoutMs of [0, -1, 1.5, Number.NaN]) {
        const error = yield* Effect.flip(Effect.scoped(Layer.build(Emulator.layer({ requestTimeoutMs }))))
        expect(error).toMatchObject({ _tag: "ConfigurationError", detail: expect.stringContaining("requestTimeoutMs") })
      }
    }))
})
