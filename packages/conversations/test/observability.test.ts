import { describe, expect, it } from "@effect/vitest"
import { Conversations, Credentials } from "@sunco-effect/conversations"
import { Cause, Effect, Layer, Logger, Tracer } from "effect"
import { inspect } from "node:util"
import { apiError, APP, CONV, conversationJson, liveOn, makeMock, ok, SECRET } from "./support/MockHttp.js"
import { recordingTracer } from "./support/Tracing.js"

describe("spans", () => {
  it.live(
    "the same Effect run many times at once gives each run its own span and attempt count",
    () =>
      Effect.gen(function*() {
        const { spans, tracer } = yield* recordingTracer
        // every third request fails with a 503, so runs need one attempt or more
        const mock = makeMock((
          _,
          i
        ) => (i % 3 === 0 ? apiError(503, "unavailable", "busy") : ok({ conversation: conversationJson })))
        yield* Effect.flatMap(Conversations, (c) => {
          const one = c.forApp(APP).get(CONV)
          return Effect.forEach(Array.from({ length: 12 }), () => one, { concurrency: 12, discard: true })
        }).pipe(
          Effect.provide(liveOn(mock, { retry: { baseDelay: "1 millis", jitter: 0 } })),
          Effect.withTracer(tracer)
        )
        const gets = spans.filter((s) => s.name === "Conversations.get")
        expect(gets).toHaveLength(12)
        const attempts = gets.map((s) => s.attributes.get("sunco.attempts") as number)
        // every request is some run's attempt: the counts add up, and no run saw another's
        expect(attempts.reduce((a, b) => a + b, 0)).toBe(mock.requests.length)
        expect(attempts.every((n) => n >= 1)).toBe(true)
        expect(gets.every((s) => s.attributes.get("http.response.status_code") === 200)).toBe(true)
      }),
    { timeout: 10_000 }
  )

  it.live(
    "one span per operation with app id, conversation id, method, status and attempts",
    () =>
      Effect.gen(function*() {
        const { spans, tracer } = yield* recordingTracer
        const mock = makeMock((
          _,
          i
        ) => (i === 0 ? apiError(503, "unavailable", "busy") : ok({ conversation: conversationJson })))
        yield* Effect.flatMap(Conversations, (c) => c.forApp(APP).get(CONV)).pipe(
          Effect.provide(liveOn(mock, { retry: { baseDelay: "1 millis", jitter: 0 } })),
          Effect.withTracer(tracer)
        )
        const span = spans.find((s) => s.name === "Conversations.get")!
        expect(span).toBeDefined()
        expect(Object.fromEntries(span.attributes)).toMatchObject({
          "sunco.app_id": APP,
          "sunco.conversation_id": CONV,
          "http.request.method": "GET",
          "http.response.status_code": 200,
          "sunco.attempts": 2
        })
      }),
    { timeout: 10_000 }
  )
})

describe("secrets never leak", () => {
  const leaks = (text: string) =>
    text.includes(SECRET) || text.includes(Buffer.from(`app_abc:${SECRET}`).toString("base64"))

  for (
    const credentials of [
      Credentials.basic({ keyId: "app_abc", secret: SECRET }),
      Credentials.jwt({ keyId: "app_abc", secret: SECRET }),
      Credentials.bearer(SECRET)
    ]
  ) {
    it.effect(`${credentials._tag}: not in errors, logs, spans or printed configuration`, () =>
      Effect.gen(function*() {
        const { spans, tracer } = yield* recordingTracer
        const logs: Array<string> = []
        const logger = Logger.make(({ cause, message }) =>
          logs.push(`${JSON.stringify(message)} ${Cause.pretty(cause)}`)
        )
        const replies = [
          apiError(401, "unauthorized", "Invalid credentials"),
          { transport: { code: "ECONNRESET", message: "socket hang up" } },
          { status: 200, raw: "not json" }
        ] as const
        for (const reply of replies) {
          const mock = makeMock(() => reply)
          const error = yield* Effect.flatMap(Conversations, (c) => c.forApp(APP).get(CONV)).pipe(
            Effect.tapErrorCause(Effect.logError),
            Effect.flip,
            Effect.provide(liveOn(mock, { credentials, retry: false })),
            Effect.provide(Logger.replace(Logger.defaultLogger, logger)),
            Effect.withTracer(tracer)
          )
          // the request did carry the credentials (a JWT carries a signature, not the secret)...
          expect(mock.requests[0]!.headers.authorization).toMatch(/^(Basic|Bearer) ./)
          if (credentials._tag !== "Jwt") expect(leaks(JSON.stringify(mock.requests[0]!.headers))).toBe(true)
          // ...but nothing the user can see does
          expect(leaks(JSON.stringify(error))).toBe(false)
          expect(leaks(String(error))).toBe(false)
          expect(leaks(error.message)).toBe(false)
          expect(leaks(Cause.pretty(Cause.fail(error)))).toBe(false)
        }
        expect(logs.length).toBe(replies.length)
        expect(logs.some(leaks)).toBe(false)
        const spanText = JSON.stringify(spans.map((s) => [s.name, Object.fromEntries(s.attributes)]))
        expect(spanText).toContain("Conversations.get")
        expect(leaks(spanText)).toBe(false)
        expect(leaks(JSON.stringify(credentials))).toBe(false)
        expect(leaks(String(credentials))).toBe(false)
        expect(leaks(JSON.stringify({ baseUrl: "https://api.smooch.io", credentials }))).toBe(false)
      }))
  }

  it.live("a tracer that serializes everything it receives (spans, attributes, events, exits) sees no secret", () =>
    Effect.gen(function*() {
      const native = yield* Effect.tracer
      const received: Array<string> = []
      const keep = (...values: ReadonlyArray<unknown>) => {
        for (const value of values) {
          received.push(inspect(value, { depth: 12, showHidden: true, getters: true }))
          try {
            received.push(JSON.stringify(value) ?? "")
          } catch {
            // a value JSON cannot carry is still inspected above
          }
        }
      }
      const tracer = Tracer.make({
        span: (name, parent, context, links, startTime, kind, options) => {
          const span = native.span(name, parent, context, links, startTime, kind, options)
          keep(name, links, options)
          const { attribute, end, event } = span
          span.attribute = (key, value) => {
            keep(key, value)
            attribute.call(span, key, value)
          }
          span.event = (eventName, time, attributes) => {
            keep(eventName, attributes)
            event.call(span, eventName, time, attributes)
          }
          span.end = (endTime, exit) => {
            keep(exit, Object.fromEntries(span.attributes), span.status)
            end.call(span, endTime, exit)
          }
          return span
        },
        context: (f, fiber) => native.context(f, fiber)
      })
      const replies = [
        ok({ conversation: conversationJson }),
        apiError(401, "unauthorized", "Invalid credentials"),
        { transport: { code: "ECONNRESET", message: "socket hang up" } },
        { status: 200, raw: "not json" }
      ] as const
      for (const credentials of [Credentials.basic({ keyId: "app_abc", secret: SECRET }), Credentials.bearer(SECRET)]) {
        for (const reply of replies) {
          const mock = makeMock(() => reply)
          yield* Effect.flatMap(Conversations, (c) => c.forApp(APP).get(CONV)).pipe(
            Effect.exit,
            Effect.provide(liveOn(mock, { credentials, retry: false })),
            Effect.withTracer(tracer)
          )
        }
      }
      expect(received.join("\n")).toContain("Conversations.get")
      expect(received.filter(leaks)).toEqual([])
    }))

  it.effect("a base URL that does not parse is not echoed with its userinfo", () =>
    Effect.gen(function*() {
      const error = yield* Layer.build(liveOn(makeMock(() => ok({})), {
        baseUrl: `https://app_abc:${SECRET}@exa mple.com`
      })).pipe(Effect.scoped, Effect.flip)
      expect(error._tag).toBe("ConfigurationError")
      expect(leaks(JSON.stringify(error) + error.message)).toBe(false)
      expect(error.message).toContain("<redacted>@exa mple.com")
    }))

  it.effect("configuration errors do not quote the secret either", () =>
    Effect.gen(function*() {
      const error = yield* Layer.build(liveOn(makeMock(() => ok({})), {
        baseUrl: "http://example.com",
        credentials: Credentials.basic({ keyId: "app_abc", secret: SECRET })
      })).pipe(Effect.scoped, Effect.flip)
      expect(error._tag).toBe("ConfigurationError")
      expect(leaks(JSON.stringify(error) + error.message)).toBe(false)
    }))
})
