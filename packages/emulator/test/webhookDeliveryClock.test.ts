/**
 * Webhook delivery under TestClock, with an HTTP client that answers from memory: the exact
 * retry offsets, the speed factor, batch sizes, seeded faults replaying attempt for attempt,
 * and redelivery from the record.
 */
import { HttpClient, HttpClientResponse } from "@effect/platform"
import { describe, expect, it } from "@effect/vitest"
import { WebhookDelivery } from "@sunco-effect/emulator"
import { Effect, Redacted, TestClock } from "effect"

interface Call {
  readonly at: number
  readonly url: string
  readonly eventIds: ReadonlyArray<string>
}

/** An HttpClient that records each request and answers `status()` at once. */
const fakeClient = (status: () => number) => {
  const calls: Array<Call> = []
  const client = HttpClient.make((request, url) =>
    Effect.gen(function*() {
      const text = request.body._tag === "Uint8Array" ? new TextDecoder().decode(request.body.body) : "{}"
      const events = (JSON.parse(text) as { events: Array<{ id: string }> }).events
      calls.push({ at: yield* TestClock.currentTimeMillis, url: url.href, eventIds: events.map((e) => e.id) })
      return HttpClientResponse.fromWeb(request, new Response(null, { status: status() }))
    })
  )
  return { calls, client }
}

const hook: WebhookDelivery.Webhook = {
  id: "wh_1",
  target: "http://receiver.test/hook",
  secret: Redacted.make("s"),
  triggers: ["conversation:message"]
}

const event = (id: string): WebhookDelivery.WebhookEvent => ({
  id,
  type: "conversation:message",
  createdAt: "2026-11-29T12:00:00.000Z"
})

const startTimes = (attempts: ReadonlyArray<WebhookDelivery.DeliveryAttempt>) => attempts.map((a) => a.startedAt)

describe("webhook delivery under TestClock", () => {
  it.scoped("5 attempts at 0, 1, 3, 7 and 15 minutes, after the batching window", () =>
    Effect.gen(function*() {
      const { calls, client } = fakeClient(() => 500)
      const delivery = yield* WebhookDelivery.make().pipe(Effect.provideService(HttpClient.HttpClient, client))
      yield* delivery.publish("app_1", [hook], [event("ev_1")])
      yield* TestClock.adjust("20 minutes")
      const attempts = yield* delivery.attempts("wh_1")
      expect(startTimes(attempts)).toEqual([0, 60_000, 180_000, 420_000, 900_000].map((t) => t + 100))
      expect(attempts.map((a) => a.outcome)).toEqual(Array(5).fill({ _tag: "Failed", status: 500 }))
      expect(calls.map((c) => c.eventIds)).toEqual(Array(5).fill(["ev_1"]))
    }))

  it.scoped("clockSpeed 60 runs the whole 15-minute schedule in 15 seconds", () =>
    Effect.gen(function*() {
      const { client } = fakeClient(() => 503)
      const delivery = yield* WebhookDelivery.make({ clockSpeed: 60, batchWindowMs: 0 }).pipe(
        Effect.provideService(HttpClient.HttpClient, client)
      )
      yield* delivery.publish("app_1", [hook], [event("ev_1")])
      yield* TestClock.adjust("14 seconds")
      expect(startTimes(yield* delivery.attempts())).toEqual([0, 1000, 3000, 7000])
      yield* TestClock.adjust("1 second")
      expect(startTimes(yield* delivery.attempts())).toEqual([0, 1000, 3000, 7000, 15_000])
    }))

  it.scoped("pending counts queued events and unfinished batches until each is delivered or given up", () =>
    Effect.gen(function*() {
      let status = 500
      const { client } = fakeClient(() => status)
      const delivery = yield* WebhookDelivery.make().pipe(Effect.provideService(HttpClient.HttpClient, client))
      expect(yield* delivery.pending).toBe(0)
      yield* delivery.publish("app_1", [hook, { ...hook, id: "wh_2" }], [event("ev_1"), event("ev_2")])
      expect(yield* delivery.pending).toBeGreaterThan(0) // events queued or being batched
      yield* TestClock.adjust("1 second")
      expect(yield* delivery.pending).toBe(2) // one batch per webhook, failed once, retrying
      status = 200
      yield* TestClock.adjust("1 minute")
      expect(yield* delivery.pending).toBe(0)
    }))

  it.scoped("events close together share a payload, up to maxBatchSize; a 2xx ends the delivery", () =>
    Effect.gen(function*() {
      const { calls, client } = fakeClient(() => 202)
      const delivery = yield* WebhookDelivery.make({ maxBatchSize: 2 }).pipe(
        Effect.provideService(HttpClient.HttpClient, client)
      )
      yield* delivery.publish("app_1", [hook], ["a", "b", "c"].map(event))
      yield* TestClock.adjust("50 millis")
      yield* delivery.publish("app_1", [hook], ["d", "e"].map(event))
      yield* TestClock.adjust("1 minute")
      expect(calls.map((c) => c.eventIds)).toEqual([["a", "b"], ["c", "d"], ["e"]])
      expect((yield* delivery.attempts()).every((a) => a.outcome._tag === "Delivered" && !a.willRetry)).toBe(true)
    }))

  it.effect("seeded faults replay attempt for attempt; another seed does otherwise", () =>
    Effect.gen(function*() {
      const run = (seed: number) =>
        Effect.gen(function*() {
          const { calls, client } = fakeClient(() => 200)
          const delivery = yield* WebhookDelivery.make({
            batchWindowMs: 0,
            faults: { seed, default: { drop: 0.3, duplicate: 0.2, reorder: 0.2, delay: 0.2, delayMs: 5_000 } }
          }).pipe(Effect.provideService(HttpClient.HttpClient, client))
          for (let i = 1; i <= 30; i++) {
            yield* delivery.publish("app_1", [hook], [event(`ev_${i}`)])
            yield* TestClock.adjust("1 second")
          }
          yield* TestClock.adjust("20 minutes")
          return { attempts: yield* delivery.attempts(), calls }
        }).pipe(Effect.scoped)
      const first = yield* run(7)
      const again = yield* run(7)
      const other = yield* run(8)
      const relative = (r: typeof first) => ({
        attempts: r.attempts.map((a) => ({ ...a, startedAt: a.startedAt - r.attempts[0]!.startedAt })),
        calls: r.calls.map((c) => ({ ...c, at: c.at - r.calls[0]!.at }))
      })
      expect(relative(again)).toEqual(relative(first))
      expect(relative(other).calls).not.toEqual(relative(first).calls)
      const { attempts, calls } = first
      expect(attempts.some((a) => a.fault === "drop" && a.outcome._tag === "Dropped" && a.willRetry)).toBe(true)
      expect(attempts.some((a) => a.fault === "delay")).toBe(true)
      expect(attempts.some((a) => a.origin === "duplicate")).toBe(true)
      // Reordered: some event reached the receiver before an earlier one.
      const order = calls.map((c) => Number(c.eventIds[0]!.slice(3)))
      expect(order.some((n, i) => i > 0 && n < order[i - 1]!)).toBe(true)
      // Every event arrived, despite the drops.
      expect(new Set(calls.flatMap((c) => c.eventIds)).size).toBe(30)
    }))

  it.scoped("redeliver sends an attempt's events again as a new batch; an unknown attempt fails", () =>
    Effect.gen(function*() {
      let status = 404
      const { calls, client } = fakeClient(() => status)
      const delivery = yield* WebhookDelivery.make({ batchWindowMs: 0 }).pipe(
        Effect.provideService(HttpClient.HttpClient, client)
      )
      yield* delivery.publish("app_1", [hook], [event("ev_1"), event("ev_2")])
      yield* TestClock.adjust("20 minutes")
      const [rejected] = yield* delivery.attempts()
      expect(rejected?.outcome).toEqual({ _tag: "Rejected", status: 404 })
      status = 200
      const batchId = yield* delivery.redeliver(rejected!.id)
      yield* TestClock.adjust("1 second")
      const again = (yield* delivery.attempts()).at(-1)!
      expect(again).toMatchObject({ batchId, origin: "redelivery", attempt: 1, outcome: { _tag: "Delivered" } })
      expect(calls.map((c) => c.eventIds)).toEqual([["ev_1", "ev_2"], ["ev_1", "ev_2"]])
      const missing = yield* Effect.flip(delivery.redeliver(999))
      expect(missing).toEqual(new WebhookDelivery.AttemptNotFound({ attemptId: 999 }))
    }))
})
