/**
 * A durable inbox for webhook events on `@effect/sql`: the receiver stores a
 * delivery's events in one statement keyed by `event.id` (a redelivered id is
 * ignored) before it answers 200, and workers claim pending events under a
 * lease, run the handlers and mark them done. A handler that fails leaves its
 * event pending for a later retry; a process that dies mid-event leaves it to
 * be claimed again once the lease runs out; an event marked done is never
 * claimed again. The same SQL runs on SQLite and PostgreSQL, so every
 * receiver process of a fleet can share one PostgreSQL database.
 *
 * Imported from its own entry point, `@sunco-effect/conversations/WebhookInbox`;
 * needs the optional peer dependency `@effect/sql` and a driver
 * (`@effect/sql-libsql`, `@effect/sql-sqlite-node`, `@effect/sql-pg`, ...).
 *
 * @since 0.2.0
 */
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Predicate from "effect/Predicate"
import * as Queue from "effect/Queue"
import * as Tracer from "effect/Tracer"
import { randomUUID } from "node:crypto"
import * as Webhooks from "./Webhooks.js"

/**
 * The inbox's options.
 *
 * @since 0.2.0
 * @category models
 */
export interface InboxOptions {
  /** The table's name. Default `sunco_webhook_inbox`; created if missing. */
  readonly table?: string | undefined
  /** How long a claim holds an event before another worker may take it. Default 30 s, renewed while the handler runs. */
  readonly lease?: Duration.DurationInput | undefined
  /** The first retry's delay after a handler failure, doubled per attempt up to `maxRetryDelay`. Default 1 s. */
  readonly retryDelay?: Duration.DurationInput | undefined
  /** Default 5 minutes. */
  readonly maxRetryDelay?: Duration.DurationInput | undefined
}

/**
 * An event a worker has claimed: the event and the lease token that proves the claim.
 *
 * @since 0.2.0
 * @category models
 */
export interface Claimed {
  readonly received: Webhooks.ReceivedEvent
  readonly token: string
  /** How many times the event has been claimed, this claim included. */
  readonly attempts: number
}

/**
 * The number of events by state.
 *
 * @since 0.2.0
 * @category models
 */
export interface InboxCounts {
  readonly pending: number
  readonly done: number
}

/**
 * The inbox: a sink for the receiver and the worker side.
 *
 * @since 0.2.0
 * @category models
 */
export interface WebhookInbox {
  /** Stores a delivery's events, ignoring ids already stored. */
  readonly sink: Webhooks.WebhookSink
  /** Claims up to `limit` pending events whose lease is free and whose retry time has come. */
  readonly claim: (limit: number) => Effect.Effect<ReadonlyArray<Claimed>, SqlError>
  /** Marks a claimed event done; false when the lease was lost to another worker meanwhile. */
  readonly complete: (claimed: Claimed) => Effect.Effect<boolean, SqlError>
  /** Gives a claimed event back after a failure, to be retried after the backoff. */
  readonly release: (claimed: Claimed, reason: string) => Effect.Effect<void, SqlError>
  /** Runs `handlers` over the inbox until interrupted, `concurrency` events at a time (default 4). */
  readonly process: <E, R>(
    handlers: Webhooks.Handlers<E, R>,
    options?: {
      readonly concurrency?: number | undefined
      /** How often an idle worker looks for events other processes stored. Default 250 ms. */
      readonly pollInterval?: Duration.DurationInput | undefined
    }
  ) => Effect.Effect<never, never, R>
  readonly counts: Effect.Effect<InboxCounts, SqlError>
}

/**
 * The inbox as a service.
 *
 * @since 0.2.0
 * @category tags
 */
export const WebhookInbox: Context.Tag<WebhookInbox, WebhookInbox> = Context.GenericTag<WebhookInbox>(
  "@sunco-effect/conversations/WebhookInbox"
)

/**
 * The default table name.
 *
 * @since 0.2.0
 * @category constants
 */
export const defaultTable = "sunco_webhook_inbox"

// Rows per INSERT: 12 parameters each stays under SQLite's 32,766-parameter limit.
const INSERT_CHUNK = 500

interface Row {
  readonly id: string
  readonly event: string
  readonly app_id: string | null
  readonly webhook_id: string | null
  readonly trace_id: string | null
  readonly span_id: string | null
  readonly attempts: number | string
}

/**
 * Makes the inbox on the `SqlClient` in context, creating its table if missing.
 *
 * @since 0.2.0
 * @category constructors
 * @example
 * ```ts
 * import { LibsqlClient } from "@effect/sql-libsql"
 * import { Effect, Redacted } from "effect"
 * import * as WebhookInbox from "@sunco-effect/conversations/WebhookInbox"
 * import * as Webhooks from "@sunco-effect/conversations/Webhooks"
 *
 * const program = Effect.gen(function*() {
 *   const inbox = yield* WebhookInbox.make()
 *   const handler = Webhooks.webHandler({ secrets: Redacted.make("key"), sink: inbox.sink })
 *   yield* Effect.forkScoped(inbox.process(Webhooks.handlers.pipe(
 *     Webhooks.on("conversation:message", (event) => Effect.log(event.payload?.message?.id))
 *   )))
 *   return handler
 * })
 * void program.pipe(Effect.scoped, Effect.provide(LibsqlClient.layer({ url: "file:inbox.db" })))
 * ```
 */
export const make = (options?: InboxOptions): Effect.Effect<WebhookInbox, SqlError, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const table = sql(options?.table ?? defaultTable)
    const index = sql(`${options?.table ?? defaultTable}_pending`)
    const lease = Duration.toMillis(options?.lease ?? "30 seconds")
    const retryDelay = Duration.toMillis(options?.retryDelay ?? "1 second")
    const maxRetryDelay = Duration.toMillis(options?.maxRetryDelay ?? "5 minutes")

    yield* sql`CREATE TABLE IF NOT EXISTS ${table} (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      event TEXT NOT NULL,
      app_id TEXT,
      webhook_id TEXT,
      trace_id TEXT,
      span_id TEXT,
      status TEXT NOT NULL,
      attempts INTEGER NOT NULL,
      available_at BIGINT NOT NULL,
      lease_owner TEXT,
      lease_until BIGINT,
      last_error TEXT,
      received_at BIGINT NOT NULL,
      done_at BIGINT
    )`
    // Claims walk this index in order and stop at their LIMIT, without sorting the backlog.
    yield* sql`CREATE INDEX IF NOT EXISTS ${index} ON ${table} (status, available_at, id)`

    // Wakes this process's idle workers as soon as its receiver stores events.
    const wakeup = yield* Queue.sliding<void>(1)

    const sink: Webhooks.WebhookSink = {
      store: (delivery) =>
        Effect.gen(function*() {
          const now = yield* Clock.currentTimeMillis
          const seen = new Set<string>()
          const rows = delivery.events.filter((e) => !seen.has(e.id) && seen.add(e.id)).map((e) => ({
            id: e.id,
            type: e.event.type === "unknown" ? e.event.raw.type : e.event.type,
            event: JSON.stringify(e.raw),
            app_id: e.appId ?? null,
            webhook_id: e.webhookId ?? null,
            trace_id: e.deliverySpan?.traceId ?? null,
            span_id: e.deliverySpan?.spanId ?? null,
            status: "pending",
            attempts: 0,
            available_at: now,
            received_at: now
          }))
          if (rows.length === 0) return
          const inserts = []
          for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
            inserts.push(
              sql`INSERT INTO ${table} ${sql.insert(rows.slice(i, i + INSERT_CHUNK))} ON CONFLICT (id) DO NOTHING`
            )
          }
          // One statement is atomic by itself; a transaction costs a connection and two round trips more.
          yield* inserts.length === 1 ? inserts[0]! : sql.withTransaction(Effect.all(inserts, { discard: true }))
          yield* Queue.offer(wakeup, undefined)
        }).pipe(Effect.mapError(() => new Webhooks.WebhookStoreError({ reason: "inbox insert failed" })))
    }

    // PostgreSQL skips rows another claimer holds locked; on SQLite writers are serialised anyway.
    // Either way the outer WHERE is checked again on the row, so only one claimer wins it.
    const skipLocked = sql.onDialectOrElse({
      pg: () => sql.literal("FOR UPDATE SKIP LOCKED"),
      orElse: () => sql.literal("")
    })

    const claim = (limit: number) =>
      Effect.gen(function*() {
        const now = yield* Clock.currentTimeMillis
        const token = randomUUID()
        const rows = yield* sql<Row>`UPDATE ${table}
          SET lease_owner = ${token}, lease_until = ${now + lease}, attempts = attempts + 1
          WHERE id IN (
            SELECT id FROM ${table}
            WHERE status = 'pending' AND available_at <= ${now} AND (lease_until IS NULL OR lease_until < ${now})
            ORDER BY available_at, id LIMIT ${limit} ${skipLocked}
          )
          AND status = 'pending' AND (lease_until IS NULL OR lease_until < ${now})
          RETURNING id, event, app_id, webhook_id, trace_id, span_id, attempts`
        return rows.map((row): Claimed => {
          const raw = JSON.parse(row.event)
          return {
            token,
            attempts: Number(row.attempts),
            received: {
              id: row.id,
              event: Webhooks.decodeEvent(raw),
              raw,
              appId: row.app_id ?? undefined,
              webhookId: row.webhook_id ?? undefined,
              deliverySpan: row.trace_id !== null && row.span_id !== null
                ? Tracer.externalSpan({ traceId: row.trace_id, spanId: row.span_id })
                : undefined
            }
          }
        })
      })

    const complete = (claimed: Claimed) =>
      Effect.gen(function*() {
        const now = yield* Clock.currentTimeMillis
        const rows = yield* sql`UPDATE ${table}
          SET status = 'done', done_at = ${now}, lease_owner = NULL, lease_until = NULL, last_error = NULL
          WHERE id = ${claimed.received.id} AND lease_owner = ${claimed.token} AND status = 'pending'
          RETURNING id`
        return rows.length === 1
      })

    const release = (claimed: Claimed, reason: string) =>
      Effect.gen(function*() {
        const now = yield* Clock.currentTimeMillis
        const delay = Math.min(maxRetryDelay, retryDelay * 2 ** Math.min(30, Math.max(0, claimed.attempts - 1)))
        yield* sql`UPDATE ${table}
          SET lease_owner = NULL, lease_until = NULL, available_at = ${now + delay}, last_error = ${reason}
          WHERE id = ${claimed.received.id} AND lease_owner = ${claimed.token}`
      })

    const renew = (claimed: Claimed) =>
      Effect.gen(function*() {
        const now = yield* Clock.currentTimeMillis
        yield* sql`UPDATE ${table} SET lease_until = ${now + lease}
          WHERE id = ${claimed.received.id} AND lease_owner = ${claimed.token}`
      })

    const counts = Effect.map(
      sql<{ status: string; n: number | string }>`SELECT status, COUNT(*) AS n FROM ${table} GROUP BY status`,
      (rows) => {
        const of = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0)
        return { pending: of("pending"), done: of("done") }
      }
    )

    const process: WebhookInbox["process"] = (handlers, processOptions) => {
      const concurrency = processOptions?.concurrency ?? 4
      const pollInterval = processOptions?.pollInterval ?? "250 millis"
      const dispatch = Webhooks.dispatch(handlers)
      const handleOne = (claimed: Claimed) =>
        Effect.scoped(
          Effect.gen(function*() {
            // Renew the lease while the handler runs, so a slow handler is not handled twice.
            yield* Effect.forkScoped(
              Effect.forever(Effect.zipRight(Effect.sleep(lease / 3), Effect.ignore(renew(claimed))))
            )
            return yield* Effect.exit(dispatch(claimed.received))
          })
        ).pipe(
          Effect.flatMap((exit) =>
            exit._tag === "Success"
              ? complete(claimed)
              : Effect.zipRight(
                Effect.logWarning("webhook handler failed, will retry", claimed.received.id),
                release(claimed, failureReason(exit.cause))
              )
          ),
          Effect.catchAllCause((cause) => Effect.logError("webhook inbox update failed", claimed.received.id, cause))
        )
      const round = claim(concurrency * 2).pipe(
        Effect.tap((claimed) => Effect.forEach(claimed, handleOne, { concurrency, discard: true })),
        Effect.map((claimed) => claimed.length),
        Effect.catchAllCause((cause) => Effect.as(Effect.logError("webhook inbox claim failed", cause), 0))
      )
      return Effect.forever(
        Effect.flatMap(
          round,
          (n) => n > 0 ? Effect.void : Effect.ignore(Effect.timeout(Queue.take(wakeup), pollInterval))
        )
      )
    }

    return { sink, claim, complete, release, process, counts }
  })

// Only the error's tag reaches the table: a handler's error may hold anything.
const failureReason = <E>(cause: Cause.Cause<E>): string =>
  Option.match(Cause.failureOption(cause), {
    onNone: () => Cause.isInterruptedOnly(cause) ? "interrupted" : "defect",
    onSome: (error) => Predicate.hasProperty(error, "_tag") ? String(error._tag) : "failure"
  })

/**
 * The inbox as a layer, on the `SqlClient` the layer is given.
 *
 * @since 0.2.0
 * @category layers
 * @example
 * ```ts
 * import { PgClient } from "@effect/sql-pg"
 * import { Layer, Redacted } from "effect"
 * import * as WebhookInbox from "@sunco-effect/conversations/WebhookInbox"
 *
 * const InboxLive = WebhookInbox.layer().pipe(
 *   Layer.provide(PgClient.layer({ url: Redacted.make("postgres://localhost/app") }))
 * )
 * void InboxLive
 * ```
 */
export const layer = (options?: InboxOptions): Layer.Layer<WebhookInbox, SqlError, SqlClient.SqlClient> =>
  Layer.effect(WebhookInbox, make(options))
