/**
 * Webhook delivery against a raw node:http receiver on loopback: the headers, payloads that
 * validate against the spec's `x-webhooks` Schema, the retry schedule measured under a sped-up
 * clock, the non-recoverable statuses, the 20 s timeout, triggers, seeded faults that replay,
 * and a closed scope that stops everything.
 */
import { FetchHttpClient } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { WebhookDelivery } from "@sunco-effect/emulator"
import { Effect, Exit, Redacted, Schema, Scope } from "effect"
import { WebhookPayload } from "../../conversations/src/generated/Webhooks.js"
import { eventIds, type Received, receiver, waitFor } from "./support/WebhookReceiver.js"

const secret = "wh-secret-8564b3e6"

const webhook = (
  id: string,
  target: string,
  triggers: ReadonlyArray<string>,
  extra: Partial<WebhookDelivery.Webhook> = {}
): WebhookDelivery.Webhook => ({ id, target, secret: Redacted.make(secret), triggers, ...extra })

const messageEvent = (id: string): WebhookDelivery.WebhookEvent => ({
  id,
  type: "conversation:message",
  createdAt: "2026-11-29T12:00:00.000Z",
  payload: {
    conversation: { id: "conv_1", type: "personal" },
    message: {
      id: `msg_${id}`,
      received: "2026-11-29T12:00:00.000Z",
      author: { type: "user", userId: "user_1", user: { id: "user_1", externalId: "ext-1" } },
      content: { type: "text", text: "hello" }
    }
  }
})

const typingEvent = (id: string): WebhookDelivery.WebhookEvent => ({
  id,
  type: "conversation:typing",
  createdAt: "2026-11-29T12:00:00.000Z",
  payload: { conversation: { id: "conv_1", type: "personal" }, activity: { type: "typing:start" } }
})

const decodePayload = Schema.decodeUnknownSync(WebhookPayload)
describe("webhook delivery to a raw HTTP receiver", () => {
  it.live("sends the secret, JSON and a user agent; batches close events; payloads validate; triggers filter", () =>
    Effect.gen(function*() {
      const { base, received } = yield* receiver(() => ({ status: 200 }))
      const delivery = yield* WebhookDelivery.make({ batchWindowMs: 50 })
      const messages = webhook("wh_msg", `${base}/msg`, ["conversation:message"])
      const typing = webhook("wh_typing", `${base}/typing`, ["conversation:typing"], { includeFullUser: true })
      const full = webhook("wh_full", `${base}/full`, ["conversation:message"], { includeFullUser: true })
      yield* delivery.publish("app_1", [messages, typing, full], [messageEvent("ev_1"), typingEvent("ev_2")])
      yield* delivery.publish("app_1", [messages, typing, full], [messageEvent("ev_3")])
      yield* waitFor(() => received.length >= 3)
      yield* Effect.sleep("100 millis") // nothing else arrives
      expect(received.map((r) => r.path).sort()).toEqual(["/full", "/msg", "/typing"])
      for (const r of received) {
        expect(r.headers["x-api-key"]).toBe(secret)
        expect(r.headers["content-type"]).toBe("application/json")
        expect(r.headers["user-agent"]).toMatch(/sunco-effect-emulator/)
        const payload = decodePayload(r.body)
        expect(payload.app).toEqual({ id: "app_1" })
        expect(payload.webhook?.version).toBe("v2")
      }
      const byPath = (path: string) => received.find((r) => r.path === path)!
      // Two publishes within the batching window: one payload, in order.
      expect(eventIds(byPath("/msg"))).toEqual(["ev_1", "ev_3"])
      expect(eventIds(byPath("/typing"))).toEqual(["ev_2"])
      expect((byPath("/msg").body as { webhook: { id: string } }).webhook.id).toBe("wh_msg")
      // includeFullUser: the author's user only where asked for.
      const author = (r: Received) =>
        (r.body as { events: Array<{ payload: { message: { author: Record<string, unknown> } } }> }).events[0]!
          .payload.message.author
      expect(author(byPath("/msg"))).toEqual({ type: "user", userId: "user_1" })
      expect(author(byPath("/full")).user).toEqual({ id: "user_1", externalId: "ext-1" })
      const attempts = yield* delivery.attempts()
      expect(attempts.map((a) => a.outcome)).toEqual(Array(3).fill({ _tag: "Delivered", status: 200 }))
      expect(JSON.stringify(attempts)).not.toContain(secret)
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer)))

  it.live("400, 401, 403, 404 and 406 are tried once, never retried", () =>
    Effect.gen(function*() {
      // At 60×, the second attempt would come 1 s after the first, and the timeout is 333 ms.
      const rejected = [400, 401, 403, 404, 406]
      const { base, received } = yield* receiver((path) => ({ status: Number(path.slice(1)) }))
      const delivery = yield* WebhookDelivery.make({ clockSpeed: 60, batchWindowMs: 0 })
      // A first request pays for the HTTP client's start (it could outlast the scaled timeout).
      yield* delivery.publish("app_1", [webhook("wh_warm", `${base}/200`, ["conversation:typing"])], [
        typingEvent("ev_0")
      ])
      yield* waitFor(() => received.length >= 1)
      const hooks = rejected.map((status) => webhook(`wh_${status}`, `${base}/${status}`, ["conversation:message"]))
      yield* delivery.publish("app_1", hooks, [messageEvent("ev_1")])
      yield* waitFor(() => received.length >= 1 + rejected.length)
      yield* Effect.sleep("1500 millis")
      const attempts = yield* delivery.attempts()
      for (const status of rejected) {
        expect(received.filter((r) => r.path === `/${status}`).length, JSON.stringify(attempts)).toBe(1)
        expect(attempts.filter((a) => a.webhookId === `wh_${status}`).map((a) => [a.outcome, a.willRetry])).toEqual([
          [{ _tag: "Rejected", status }, false]
        ])
      }
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer)), 10_000)

  it.live("a 500 and a receiver slower than 20 s are retried 5 times, on the schedule", () =>
    Effect.gen(function*() {
      const speed = 200
      const errors = yield* receiver(() => ({ status: 500 }))
      const slow = yield* receiver(() => ({ status: 200, delayMs: 20_000 / speed + 150 })) // past the scaled 20 s
      const delivery = yield* WebhookDelivery.make({ clockSpeed: speed, batchWindowMs: 0 })
      // A first request pays for the HTTP client's start: made before the measured one.
      yield* delivery.publish("app_1", [webhook("wh_warm", `${errors.base}/warm`, ["conversation:typing"])], [
        typingEvent("ev_0")
      ])
      yield* waitFor(() => errors.received.length >= 1)
      const hooks = [
        webhook("wh_error", `${errors.base}/error`, ["conversation:message"]),
        webhook("wh_slow", `${slow.base}/slow`, ["conversation:message"])
      ]
      yield* delivery.publish("app_1", hooks, [messageEvent("ev_1")])
      const errorHits = () => errors.received.filter((r) => r.path === "/error")
      // The schedule ends 900 s / 200 = 4.5 s after the first attempt.
      yield* waitFor(() => errorHits().length >= 5 && slow.received.length >= 5, 8000)
      yield* Effect.sleep("500 millis") // a sixth attempt would be due by now if there were one
      const intended = [60_000, 120_000, 240_000, 480_000].map((ms) => ms / speed)
      const gaps = (times: ReadonlyArray<number>) => times.slice(1).map((t, i) => Math.round(t - times[i]!))
      const attempts = yield* delivery.attempts()
      const errorAttempts = attempts.filter((a) => a.webhookId === "wh_error")
      const sent = gaps(errorAttempts.map((a) => a.startedAt))
      const arrived = gaps(errorHits().map((r) => r.at))
      console.log(
        `retry intervals at clockSpeed ${speed}: intended ${intended.join(", ")} ms; ` +
          `sent ${sent.join(", ")} ms; arrived at the receiver ${arrived.join(", ")} ms`
      )
      const summary = JSON.stringify(errorAttempts)
      expect(errorAttempts.map((a) => [a.attempt, a.willRetry]), summary).toEqual(
        [1, 2, 3, 4, 5].map((n) => [n, n < 5])
      )
      // Under a loaded machine a 500 can come after the scaled timeout (100 ms): a failure too.
      for (const a of errorAttempts) expect(["Failed", "TimedOut"]).toContain(a.outcome._tag)
      expect(errorAttempts.some((a) => a.outcome._tag === "Failed" && a.outcome.status === 500)).toBe(true)
      expect(errorHits().length).toBeLessThanOrEqual(5)
      // The schedule is anchored to the first attempt (0, 1, 3, 7, 15 minutes), so each attempt is
      // judged by its offset from the first: one late attempt does not shorten the next gap's due time.
      const first = errorAttempts[0]!.startedAt
      intended.forEach((_, i) => {
        const due = intended.slice(0, i + 1).reduce((a, b) => a + b, 0)
        const offset = errorAttempts[i + 1]!.startedAt - first
        expect(offset, summary).toBeGreaterThanOrEqual(due - 5)
        expect(offset, summary).toBeLessThan(due + 100)
      })
      expect(slow.received.length).toBe(5)
      expect(attempts.filter((a) => a.webhookId === "wh_slow").map((a) => a.outcome._tag)).toEqual(
        Array(5).fill("TimedOut")
      )
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer)), 15_000)

  it.live(
    "with drops, duplicates and reordering on, every event still arrives at least once",
    () =>
      Effect.gen(function*() {
        const { base, received } = yield* receiver(() => ({ status: 200 }))
        const delivery = yield* WebhookDelivery.make({
          clockSpeed: 300,
          batchWindowMs: 0,
          faults: { seed: 7, default: { drop: 0.4, duplicate: 0.3, reorder: 0.3 } }
        })
        const hook = webhook("wh_1", `${base}/hook`, ["conversation:message"])
        const ids = Array.from({ length: 20 }, (_, i) => `ev_${i + 1}`)
        for (const id of ids) {
          yield* delivery.publish("app_1", [hook], [messageEvent(id)])
          yield* Effect.sleep("10 millis")
        }
        yield* waitFor(() => ids.every((id) => received.some((r) => eventIds(r).includes(id))), 8000)
        for (const r of received) expect(decodePayload(r.body).events?.length).toBeGreaterThan(0)
        const arrived = received.flatMap(eventIds)
        const attempts = yield* delivery.attempts()
        expect([...new Set(arrived)].sort(), JSON.stringify(attempts)).toEqual([...ids].sort())
        expect(arrived.length).toBeGreaterThan(ids.length) // duplicates
        expect(arrived).not.toEqual(ids) // reordered (and duplicated)
        expect(attempts.some((a) => a.outcome._tag === "Dropped")).toBe(true)
      }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer)),
    15_000
  )

  it.live("closing the scope stops delivery: no retry after it, and publish does nothing", () =>
    Effect.gen(function*() {
      const speed = 300
      const { base, received } = yield* receiver(() => ({ status: 503 }))
      const scope = yield* Scope.make()
      const delivery = yield* WebhookDelivery.make({ clockSpeed: speed, batchWindowMs: 0 }).pipe(
        Scope.extend(scope)
      )
      const hook = webhook("wh_1", `${base}/hook`, ["conversation:message"])
      yield* delivery.publish("app_1", [hook], [messageEvent("ev_1")])
      yield* waitFor(() => received.length >= 2) // the second attempt is 200 ms after the first
      yield* Scope.close(scope, Exit.void)
      const count = received.length
      yield* delivery.publish("app_1", [hook], [messageEvent("ev_2")])
      yield* Effect.sleep("1 second") // the third attempt would have come 400 ms after the second
      expect(count).toBe(2)
      expect(received.length).toBe(2)
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer)))
})
