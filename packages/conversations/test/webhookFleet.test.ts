/**
 * Receiver processes sharing one PostgreSQL: each process stores what it
 * receives and handles part of the inbox; every event is handled once overall,
 * and a process killed mid-batch loses nothing.
 */
import { SqlClient } from "@effect/sql"
import { describe, expect, it } from "@effect/vitest"
import * as Webhooks from "@sunco-effect/conversations/Webhooks"
import { Effect, Layer, Random, Redacted } from "effect"
import { type ChildProcess, spawn } from "node:child_process"
import { createRequire } from "node:module"
import { fileURLToPath, pathToFileURL } from "node:url"
import { pgLayer, postgres } from "./support/Databases.js"

const SECRET = "fleet-test-key"
const script = fileURLToPath(new URL("./support/inboxReceiver.ts", import.meta.url))
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href

interface Receiver {
  readonly child: ChildProcess
  readonly url: string
}

/** Starts a receiver process; killed with SIGKILL when the scope closes, if still alive. */
const receiverProcess = (env: Record<string, string>) =>
  Effect.acquireRelease(
    Effect.async<Receiver, Error>((resume) => {
      const child = spawn(process.execPath, ["--import", tsx, script], {
        env: { ...process.env, ...env, INBOX_SECRET: SECRET },
        stdio: ["ignore", "pipe", "inherit"]
      })
      let out = ""
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString()
        const match = /listening (\d+)/.exec(out)
        if (match) resume(Effect.succeed({ child, url: `http://127.0.0.1:${match[1]}/webhooks` }))
      })
      child.on("exit", (code) => resume(Effect.fail(new Error(`receiver exited early (${code})`))))
    }),
    ({ child }) => Effect.sync(() => child.exitCode === null && child.kill("SIGKILL"))
  )

const deliver = (url: string, events: ReadonlyArray<Webhooks.WebhookEvent>) =>
  Effect.tryPromise(() => {
    const { body, headers } = Webhooks.testDelivery({ secret: Redacted.make(SECRET), events })
    return fetch(url, { method: "POST", body, headers }).then((r) => r.status)
  }).pipe(Effect.orElseSucceed(() => 0))

const messages = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => Webhooks.testEvent("conversation:message", { id: `${prefix}${i}` }))

const batchesOf = <A>(items: ReadonlyArray<A>, size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size))

const poll = <R>(check: Effect.Effect<boolean, unknown, R>, what: string) =>
  Effect.gen(function*() {
    for (let i = 0; i < 1200; i++) {
      if (yield* Effect.orDie(check)) return
      yield* Effect.sleep("50 millis")
    }
    return yield* Effect.dieMessage(`timed out waiting until ${what}`)
  })

const handledCounts = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const rows = yield* sql<{ id: string; pid: number; n: string }>`
    SELECT id, MIN(pid) AS pid, COUNT(*) AS n FROM handled GROUP BY id`
  return rows
})

const doneCount = (table: string) =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const [row] = yield* sql<{ n: string }>`SELECT COUNT(*) AS n FROM ${sql(table)} WHERE status = 'done'`
    return Number(row!.n)
  })

describe("WebhookInbox on one PostgreSQL shared by receiver processes", () => {
  it.live(
    "two processes, a thousand events with duplicates sent to either: each handled exactly once",
    () =>
      Effect.gen(function*() {
        const url = yield* postgres
        const env = { INBOX_PG_URL: url, INBOX_TABLE: "fleet", INBOX_LEASE_MS: "10000", INBOX_HANDLE_MS: "1" }
        const program = Effect.gen(function*() {
          const sql = yield* SqlClient.SqlClient
          yield* sql`CREATE TABLE IF NOT EXISTS handled (id TEXT NOT NULL, pid INTEGER NOT NULL)`
          const [a, b] = yield* Effect.all([receiverProcess(env), receiverProcess(env)], { concurrency: 2 })
          const events = messages(1000, "f")
          const batches = batchesOf(events, 10)
          // Every batch to one process, a third of them again to the other (a redelivery), all shuffled.
          const deliveries = yield* Random.shuffle([
            ...batches.map((batch, i) => [i % 2 === 0 ? a!.url : b!.url, batch] as const),
            ...batches.filter((_, i) => i % 3 === 0).map((batch, i) => [i % 2 === 0 ? b!.url : a!.url, batch] as const)
          ])
          const statuses = yield* Effect.forEach(deliveries, ([to, batch]) => deliver(to, batch), { concurrency: 8 })
          expect(statuses.every((s) => s === 200)).toBe(true)
          yield* poll(Effect.map(doneCount("fleet"), (n) => n === 1000), "all are done")
          const counts = yield* handledCounts
          const byPid = new Map<number, number>()
          for (const row of counts) byPid.set(Number(row.pid), (byPid.get(Number(row.pid)) ?? 0) + 1)
          expect(counts.length).toBe(1000)
          expect(counts.every((row) => Number(row.n) === 1)).toBe(true)
          expect(byPid.size).toBe(2)
          console.log(
            `fleet: sent ${events.length} events in ${deliveries.length} deliveries (${
              deliveries.length - batches.length
            } redelivered) to 2 processes; handled ${counts.length} (${
              [...byPid.values()].join(" + ")
            }), each once; lost 0`
          )
        })
        yield* program.pipe(Effect.provide(Layer.orDie(pgLayer(url))))
      }).pipe(Effect.scoped),
    { timeout: 120_000 }
  )

  it.live("a receiver killed mid-batch and restarted loses nothing", () =>
    Effect.gen(function*() {
      const url = yield* postgres
      const env = { INBOX_PG_URL: url, INBOX_TABLE: "killed", INBOX_LEASE_MS: "1000", INBOX_HANDLE_MS: "20" }
      const program = Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE IF NOT EXISTS handled (id TEXT NOT NULL, pid INTEGER NOT NULL)`
        const first = yield* receiverProcess(env)
        const events = messages(300, "k")
        const statuses = yield* Effect.forEach(batchesOf(events, 20), (batch) => deliver(first.url, batch), {
          concurrency: 4
        })
        expect(statuses.every((s) => s === 200)).toBe(true)
        // Kill it while it is handling: some done, some claimed, most still pending.
        yield* poll(Effect.map(doneCount("killed"), (n) => n >= 20), "some are done")
        first.child.kill("SIGKILL")
        const doneAtKill = yield* doneCount("killed")
        expect(doneAtKill).toBeLessThan(300)
        yield* receiverProcess(env)
        yield* poll(Effect.map(doneCount("killed"), (n) => n === 300), "all are done after the restart")
        const counts = yield* handledCounts
        expect(counts.length).toBe(300)
        // Only events claimed at the moment of the kill (at most the 4 in flight, plus a claimed batch) may run twice.
        const twice = counts.filter((row) => Number(row.n) > 1).length
        expect(twice).toBeLessThanOrEqual(8)
        console.log(
          `killed: 300 events stored, ${doneAtKill} done when the receiver was killed, 300 done after the restart; handled twice: ${twice}; lost 0`
        )
      })
      yield* program.pipe(Effect.provide(Layer.orDie(pgLayer(url))))
    }).pipe(Effect.scoped), { timeout: 120_000 })
})
