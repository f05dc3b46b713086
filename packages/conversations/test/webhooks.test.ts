import { describe, expect, expectTypeOf, it } from "@effect/vitest"
import * as Webhooks from "@sunco-effect/conversations/Webhooks"
import { Effect, FastCheck, Logger, Redacted } from "effect"
import type { ConversationMessageEvent } from "../src/generated/Schemas.js"
import { recordingTracer } from "./support/Tracing.js"

const SECRET = Redacted.make("current-key-0123456789")
const OLD = Redacted.make("old-key-abcdef")

/** A sink that records what it was given. */
const recordingSink = () => {
  const stored: Array<Webhooks.ReceivedEvent> = []
  const sink: Webhooks.WebhookSink = { store: (d) => Effect.sync(() => void stored.push(...d.events)) }
  return { sink, stored }
}

const post = (handler: (r: Request) => Promise<Response>, body: string, headers: Record<string, string>) =>
  Effect.promise(() => handler(new Request("http://localhost/webhooks", { method: "POST", body, headers })))

describe("Webhooks receiver", () => {
  it.effect("accepts a delivery signed with any current key, typed by event type", () =>
    Effect.gen(function*() {
      const { sink, stored } = recordingSink()
      const handler = Webhooks.webHandler({ secrets: [SECRET, OLD], sink })
      for (const secret of [SECRET, OLD]) {
        const response = yield* Effect.promise(() =>
          handler(Webhooks.testRequest({ secret, events: [Webhooks.testEvent("conversation:message")] }))
        )
        expect(response.status).toBe(200)
      }
      expect(stored.map((e) => e.event.type)).toEqual(["conversation:message", "conversation:message"])
      expect(stored[0]!.appId).toBe("test-app")
    }))

  it.effect("answers 401 and stores nothing for a wrong, missing or rotated-out key", () =>
    Effect.gen(function*() {
      const { sink, stored } = recordingSink()
      const handler = Webhooks.webHandler({ secrets: SECRET, sink })
      const { body } = Webhooks.testDelivery({ secret: SECRET, events: [Webhooks.testEvent("conversation:read")] })
      const wrong = yield* post(handler, body, { "x-api-key": "current-key-0123456788" })
      const missing = yield* post(handler, body, {})
      const rotated = yield* post(handler, body, { "x-api-key": Redacted.value(OLD) })
      expect([wrong.status, missing.status, rotated.status]).toEqual([401, 401, 401])
      expect(stored).toEqual([])
      // The answer never echoes a key.
      expect(yield* Effect.promise(() => wrong.text())).not.toContain("key-")
    }))

  it.effect("answers 400 to a malformed body, 413 to one over the cap, and never fails", () =>
    Effect.gen(function*() {
      const { sink, stored } = recordingSink()
      const handler = Webhooks.webHandler({ secrets: SECRET, sink, maxBodyBytes: 1000 })
      const key = { "x-api-key": Redacted.value(SECRET) }
      const statuses = []
      for (
        const body of [
          "not json",
          "[]",
          "{\"events\": 3}",
          "{\"events\": [1]}",
          "{\"events\": [{\"id\": \"x\"}]}",
          "[".repeat(200) + "]".repeat(200),
          "\u0000\uffff"
        ]
      ) statuses.push((yield* post(handler, body, key)).status)
      expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 400])
      const big = JSON.stringify({ events: [{ type: "conversation:read", pad: "x".repeat(2000) }] })
      expect((yield* post(handler, big, key)).status).toBe(413)
      // Too large without a Content-Length: a stream of chunks.
      const chunks = new ReadableStream({
        pull: (c) => c.enqueue(new TextEncoder().encode("x".repeat(400)))
      })
      const streamed = yield* Effect.promise(() =>
        handler(new Request("http://localhost/", { method: "POST", body: chunks, headers: key, duplex: "half" } as any))
      )
      expect(streamed.status).toBe(413)
      const deep = JSON.stringify({ events: [{ type: "conversation:read", a: [[[[[[[[[[[[1]]]]]]]]]]]] }] })
      const shallow = Webhooks.webHandler({ secrets: SECRET, sink, maxDepth: 8 })
      expect((yield* post(shallow, deep, key)).status).toBe(400)
      expect(stored).toEqual([])
    }))

  it.effect("answers any body a sender can send with 200 or 400, never a crash", () =>
    Effect.gen(function*() {
      const { sink } = recordingSink()
      const handler = Webhooks.webHandler({ secrets: SECRET, sink })
      const key = { "x-api-key": Redacted.value(SECRET) }
      const body = FastCheck.oneof(
        FastCheck.string(),
        FastCheck.json(),
        FastCheck.jsonValue().map((v) => JSON.stringify({ events: [v] })),
        FastCheck.dictionary(FastCheck.string(), FastCheck.jsonValue()).map((o) =>
          JSON.stringify({ events: [{ ...o, type: "conversation:message" }] })
        )
      )
      yield* Effect.promise(() =>
        FastCheck.assert(
          FastCheck.asyncProperty(body, async (b) => {
            const response = await handler(new Request("http://localhost/", { method: "POST", body: b, headers: key }))
            return response.status === 200 || response.status === 400
          }),
          { numRuns: 300 }
        )
      )
    }))

  it.effect("keeps an event of unknown type, or with fields the spec does not allow, as unknown", () =>
    Effect.gen(function*() {
      const { sink, stored } = recordingSink()
      const handler = Webhooks.webHandler({ secrets: SECRET, sink })
      const body = JSON.stringify({
        events: [
          { id: "a", type: "conversation:hologram", payload: { x: 1 } },
          { id: "b", type: "conversation:read", createdAt: 42 },
          { id: "c", type: "conversation:read", brandNew: true }
        ]
      })
      expect((yield* post(handler, body, { "x-api-key": Redacted.value(SECRET) })).status).toBe(200)
      expect(stored.map((e) => [e.id, e.event.type])).toEqual([
        ["a", "unknown"],
        ["b", "unknown"],
        ["c", "conversation:read"]
      ])
      expect(stored[0]!.event).toEqual({
        type: "unknown",
        raw: { id: "a", type: "conversation:hologram", payload: { x: 1 } }
      })
      expect(stored[2]!.raw).toEqual({ id: "c", type: "conversation:read", brandNew: true })
    }))

  it.effect("answers 503 when the sink fails, so the service delivers again", () =>
    Effect.gen(function*() {
      const sink: Webhooks.WebhookSink = {
        store: () => Effect.fail(new Webhooks.WebhookStoreError({ reason: "database down" }))
      }
      const response = yield* Effect.promise(() =>
        Webhooks.webHandler({ secrets: SECRET, sink })(
          Webhooks.testRequest({ secret: SECRET, events: [Webhooks.testEvent("user:update")] })
        )
      )
      expect(response.status).toBe(503)
    }))

  it.effect("puts no key into logs or spans", () =>
    Effect.gen(function*() {
      const lines: Array<string> = []
      const { spans, tracer } = yield* recordingTracer
      const sink: Webhooks.WebhookSink = { store: () => Effect.fail(new Webhooks.WebhookStoreError({ reason: "x" })) }
      const app = Webhooks.receiver({ secrets: SECRET, sink })
      const { HttpServerRequest } = yield* Effect.promise(() => import("@effect/platform"))
      for (const key of [Redacted.value(SECRET), "guess-key-zzz"]) {
        const request = HttpServerRequest.fromWeb(
          new Request("http://localhost/", { method: "POST", body: "{\"events\":[]}", headers: { "x-api-key": key } })
        )
        yield* app.pipe(
          Effect.provideService(HttpServerRequest.HttpServerRequest, request),
          Effect.withTracer(tracer),
          Effect.provide(
            Logger.replace(Logger.defaultLogger, Logger.make(({ message }) => lines.push(String(message))))
          )
        )
      }
      const seen = JSON.stringify({ lines, spans: spans.map((s) => [s.name, [...s.attributes]]) })
      expect(spans.map((s) => s.name)).toEqual(["Webhooks.receive", "Webhooks.receive"])
      expect(lines.length).toBeGreaterThan(0)
      expect(seen).not.toContain("key-")
    }))
})

describe("Webhooks handlers", () => {
  it("type a conversation:message handler's argument as the message event", () => {
    Webhooks.handlers.pipe(
      Webhooks.on("conversation:message", (event) => {
        expectTypeOf(event).toEqualTypeOf<ConversationMessageEvent>()
        // @ts-expect-error a message event carries no switchboard fields
        void event.payload?.newSwitchboardIntegration
        return Effect.void
      }),
      Webhooks.onUnknown((event) => {
        expectTypeOf(event.raw.type).toEqualTypeOf<string>()
        return Effect.void
      })
    )
  })

  it.live("run each event through its handler after the acknowledgement, once per id, in linked spans", () =>
    Effect.gen(function*() {
      const handled: Array<string> = []
      let failuresLeft = 2
      const { spans, tracer } = yield* recordingTracer
      const handlers = Webhooks.handlers.pipe(
        Webhooks.on("conversation:message", (_, received) => Effect.sync(() => handled.push(`message ${received.id}`))),
        Webhooks.on("conversation:read", (_, received) =>
          failuresLeft-- > 0
            ? Effect.fail("flaky" as const)
            : Effect.sync(() => handled.push(`read ${received.id}`))),
        Webhooks.onUnknown((event) => Effect.sync(() => handled.push(`unknown ${event.raw.type}`)))
      )
      const sink = yield* Webhooks.queueSink({ handlers, concurrency: 1 }).pipe(Effect.withTracer(tracer))
      const app = Webhooks.receiver({ secrets: SECRET, sink })
      const { HttpServerRequest } = yield* Effect.promise(() => import("@effect/platform"))
      const request = Webhooks.testRequest({
        secret: SECRET,
        events: [
          Webhooks.testEvent("conversation:message", { id: "m1" }),
          Webhooks.testEvent("conversation:read", { id: "r1" }),
          { type: "unknown", raw: { type: "conversation:hologram", id: "h1" } }
        ]
      })
      const body = yield* Effect.promise(() => request.text())
      for (let i = 0; i < 3; i++) {
        yield* app.pipe(
          Effect.provideService(
            HttpServerRequest.HttpServerRequest,
            HttpServerRequest.fromWeb(new Request(request.url, { method: "POST", body, headers: request.headers }))
          ),
          Effect.withTracer(tracer)
        )
      }
      yield* Effect.sleep("1 second").pipe(Effect.repeat({ until: () => handled.length >= 3, times: 10 }))
      expect(handled).toEqual(["message m1", "read r1", "unknown conversation:hologram"])
      const delivery = spans.find((s) => s.name === "Webhooks.receive")!
      const handle = spans.filter((s) => s.name === "Webhooks.handle")
      expect(handle.length).toBeGreaterThanOrEqual(3)
      expect(handle.every((s) => s.links.some((l) => l.span.spanId === delivery.spanId))).toBe(true)
    }).pipe(Effect.scoped))

  it.scoped("offer the events as a Stream", () =>
    Effect.gen(function*() {
      const { Chunk, Stream } = yield* Effect.promise(() => import("effect"))
      const { events, sink } = yield* Webhooks.queue({ capacity: 4 })
      const handler = Webhooks.webHandler({ secrets: SECRET, sink })
      yield* Effect.promise(() =>
        handler(Webhooks.testRequest({
          secret: SECRET,
          events: [Webhooks.testEvent("user:merge", { id: "u1" }), Webhooks.testEvent("client:add", { id: "c1" })]
        }))
      )
      const taken = yield* Stream.runCollect(Stream.take(events, 2))
      expect(Chunk.toArray(taken).map((e) => [e.id, e.event.type])).toEqual([["u1", "user:merge"], [
        "c1",
        "client:add"
      ]])
    }))
})
