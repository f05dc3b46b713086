/**
 * The receiver and its inbox against the emulator's delivery: attempts dropped, batches
 * duplicated, held back and reordered, delayed, and a receiver that is sometimes slower than
 * the service waits (so the attempt times out after the batch was stored, and comes again).
 * Every event published is handled exactly once, none lost.
 */
import { FetchHttpClient } from "@effect/platform"
import { SqlClient } from "@effect/sql"
import { LibsqlClient } from "@effect/sql-libsql"
import { describe, expect, it } from "@effect/vitest"
import * as WebhookInbox from "@sunco-effect/conversations/WebhookInbox"
import * as Webhooks from "@sunco-effect/conversations/Webhooks"
import { WebhookDelivery } from "@sunco-effect/emulator"
import { Effect, Fiber, Layer, Redacted } from "effect"
import * as fs from "node:fs"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import * as os from "node:os"
import * as path from "node:path"

const SECRET = Redacted.make("inbox-exactly-once-key")
const EVENTS = 1000
const SPEED = 120 // the service's 20 s timeout becomes 167 ms, the 15-minute schedule 7.5 s

/** SQLite in a temporary file, in WAL mode as docs/webhooks.md advises. */
const Sqlite = Layer.unwrapScoped(Effect.gen(function*() {
  const dir = yield* Effect.acquireRelease(
    Effect.sync(() => fs.mkdtempSync(path.join(os.tmpdir(), "sunco-exactly-once-"))),
    (dir) => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true }))
  )
  return LibsqlClient.layer({ url: `file:${path.join(dir, "inbox.db")}` })
})).pipe(
  Layer.tap((context) =>
    Effect.provide(
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        yield* sql`PRAGMA journal_mode = WAL`
        yield* sql`PRAGMA synchronous = NORMAL`
      }),
      context
    )
  ),
  Layer.orDie
)

interface Tally {
  requests: number
  eventsReceived: number
  slowAnswers: number
  /** Each event id in the order it first arrived. */
  firstArrivals: Array<string>
}

/**
 * A node:http server in front of the Web-standard handler; every `slowEvery`-th request is
 * answered only after the (scaled) 20 s timeout, once its batch is stored.
 */
const receiverServer = (handler: (request: Request) => Promise<Response>, slowEvery: number, slowMs: number) =>
  Effect.acquireRelease(
    Effect.async<{ url: string; server: http.Server; tally: Tally }>((resume) => {
      const tally: Tally = { requests: 0, eventsReceived: 0, slowAnswers: 0, firstArrivals: [] }
      const seen = new Set<string>()
      const server = http.createServer((req, res) => {
        const chunks: Array<Buffer> = []
        req.on("data", (c: Buffer) => chunks.push(c))
        req.on("end", () => {
          const body = Buffer.concat(chunks)
          const n = ++tally.requests
          const headers = Object.entries(req.headers).flatMap(([k, v]) =>
            typeof v === "string" ? [[k, v] as [string, string]] : []
          )
          void handler(new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers, body })).then(
            async (response) => {
              if (response.status === 200) {
                const { events } = JSON.parse(body.toString("utf8")) as { events: Array<{ id: string }> }
                tally.eventsReceived += events.length
                for (const { id } of events) {
                  if (!seen.has(id)) tally.firstArrivals.push(id)
                  seen.add(id)
                }
              }
              const text = await response.text()
              const slow = n % slowEvery === 0
              if (slow) tally.slowAnswers++
              setTimeout(() => {
                if (!res.destroyed) res.writeHead(response.status, { "content-type": "application/json" }).end(text)
              }, slow ? slowMs : 0)
            }
          )
        })
      })
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo
        resume(Effect.succeed({ url: `http://127.0.0.1:${port}/webhooks`, server, tally }))
      })
    }),
    ({ server }) =>
      Effect.async<void>((resume) => {
        server.closeAllConnections()
        server.close(() => resume(Effect.void))
      })
  )

const until = (check: Effect.Effect<boolean>, what: string, timeoutMs: number) =>
  Effect.gen(function*() {
    const deadline = Date.now() + timeoutMs
    while (!(yield* check)) {
      if (Date.now() > deadline) return yield* Effect.dieMessage(`timed out waiting until ${what}`)
      yield* Effect.sleep("50 millis")
    }
  })

describe("the inbox against the emulator's delivery faults", () => {
  it.live(
    `${EVENTS} events, dropped, duplicated, reordered, delayed and answered late: each handled exactly once`,
    () =>
      Effect.gen(function*() {
        const inbox = yield* WebhookInbox.make({ table: "exactly_once" })
        const handled = new Map<string, number>()
        const handlers = Webhooks.handlers.pipe(
          Webhooks.on("conversation:message", (_, received) =>
            Effect.sync(() => handled.set(received.id, (handled.get(received.id) ?? 0) + 1)))
        )
        // Two workers compete for every claim, as two processes of a fleet would.
        const workers = yield* Effect.fork(
          Effect.all([inbox.process(handlers, { concurrency: 4 }), inbox.process(handlers, { concurrency: 4 })], {
            concurrency: 2
          })
        )
        const scaledTimeoutMs = 20_000 / SPEED
        const { tally, url } = yield* receiverServer(
          Webhooks.webHandler({ secrets: SECRET, sink: inbox.sink }),
          7,
          scaledTimeoutMs + 100
        )
        const delivery = yield* WebhookDelivery.make({
          clockSpeed: SPEED,
          maxBatchSize: 20,
          faults: {
            seed: 2026,
            default: { drop: 0.2, duplicate: 0.2, reorder: 0.2, delay: 0.1, delayMs: { min: 1_000, max: 30_000 } }
          }
        })
        const webhook: WebhookDelivery.Webhook = {
          id: "wh_exactly_once",
          target: url,
          secret: SECRET,
          triggers: ["conversation:message"]
        }
        const events: Array<WebhookDelivery.WebhookEvent> = Array.from({ length: EVENTS }, (_, i) => {
          const { createdAt, payload, type } = Webhooks.testEvent("conversation:message")
          return { id: `once-${i}`, type, createdAt: createdAt ?? new Date().toISOString(), payload: payload ?? {} }
        })
        for (let i = 0; i < events.length; i += 10) {
          yield* delivery.publish("app_1", [webhook], events.slice(i, i + 10))
          yield* Effect.sleep("2 millis")
        }
        yield* until(
          Effect.map(delivery.pending, (n) =>
            n === 0),
          "delivery has nothing pending",
          60_000
        )
        yield* until(
          Effect.map(Effect.orDie(inbox.counts), (c) => c.pending === 0 && c.done === EVENTS),
          "the inbox has handled every event",
          30_000
        )
        yield* Fiber.interrupt(workers)

        const attempts = yield* delivery.attempts()
        const outcome = (tag: string) => attempts.filter((a) => a.outcome._tag === tag).length
        const lost = events.filter((e) => !handled.has(e.id)).length
        const twice = [...handled.values()].filter((n) => n > 1).length
        expect({ lost, twice, handled: handled.size }).toEqual({ lost: 0, twice: 0, handled: EVENTS })
        // The faults did happen: more events arrived than were published, some attempts were
        // dropped, some timed out, some batches were sent twice.
        expect(tally.eventsReceived).toBeGreaterThan(EVENTS)
        expect(outcome("Dropped")).toBeGreaterThan(0)
        expect(outcome("TimedOut")).toBeGreaterThan(0)
        expect(attempts.some((a) => a.origin === "duplicate")).toBe(true)
        expect(attempts.some((a) => a.fault === "delay")).toBe(true)
        // Published as once-0, once-1, …: held-back and delayed batches make them arrive out of order.
        const order = tally.firstArrivals.map((id) => Number(id.slice("once-".length)))
        expect(order.some((n, i) => i > 0 && n < order[i - 1]!)).toBe(true)
        console.log(
          `exactly once against delivery faults: published ${EVENTS} events; ${attempts.length} attempts ` +
            `(${outcome("Delivered")} delivered, ${outcome("Dropped")} dropped, ${outcome("TimedOut")} timed out, ` +
            `${attempts.filter((a) => a.origin === "duplicate").length} duplicate batches); ` +
            `${tally.requests} requests reached the receiver (${tally.slowAnswers} answered late) carrying ` +
            `${tally.eventsReceived} events; duplicates suppressed ${tally.eventsReceived - EVENTS}; ` +
            `handled ${handled.size}, each once; lost ${lost}`
        )
      }).pipe(Effect.scoped, Effect.provide(Layer.merge(FetchHttpClient.layer, Sqlite))),
    120_000
  )
})
