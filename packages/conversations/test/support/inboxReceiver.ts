/**
 * A receiver process for the fleet tests: the Webhooks receiver on an HTTP
 * port of its own, over a WebhookInbox in the PostgreSQL at `INBOX_PG_URL`.
 * Its handler waits `INBOX_HANDLE_MS`, then records the event id and its pid
 * in `handled` (no unique key: a second handling would show as a second row).
 * Prints `listening <port>` once it serves.
 */
import { HttpServer } from "@effect/platform"
import { NodeHttpServer, NodeRuntime } from "@effect/platform-node"
import { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { Duration, Effect, Layer, Redacted } from "effect"
import { createServer } from "node:http"
import * as WebhookInbox from "../../src/WebhookInbox.js"
import * as Webhooks from "../../src/Webhooks.js"

const env = (name: string) => process.env[name] ?? ""

const program = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const inbox = yield* WebhookInbox.make({
    table: env("INBOX_TABLE"),
    lease: Duration.millis(Number(env("INBOX_LEASE_MS")))
  })
  yield* sql`CREATE TABLE IF NOT EXISTS handled (id TEXT NOT NULL, pid INTEGER NOT NULL)`
  const handlers = Webhooks.handlers.pipe(
    Webhooks.on(
      "conversation:message",
      (_, received) =>
        Effect.sleep(Duration.millis(Number(env("INBOX_HANDLE_MS")))).pipe(
          Effect.zipRight(sql`INSERT INTO handled (id, pid) VALUES (${received.id}, ${process.pid})`),
          Effect.orDie
        )
    )
  )
  yield* Effect.forkScoped(inbox.process(handlers, { concurrency: 4, pollInterval: "50 millis" }))
  const app = Webhooks.receiver({ secrets: Redacted.make(env("INBOX_SECRET")), sink: inbox.sink })
  const server = yield* HttpServer.HttpServer
  yield* Effect.forkScoped(HttpServer.serveEffect(app))
  const address = server.address as HttpServer.TcpAddress
  yield* Effect.sync(() => process.stdout.write(`listening ${address.port}\n`))
  return yield* Effect.never
})

const Live = Layer.mergeAll(
  PgClient.layer({ url: Redacted.make(env("INBOX_PG_URL")) }),
  NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" })
)

NodeRuntime.runMain(program.pipe(Effect.scoped, Effect.provide(Live)))
