/**
 * Webhook delivery as the service does it (the spec's tag "Webhooks"): events go to every webhook
 * whose `triggers` list their type, in batches `{ app, webhook, events }`, with the webhook's secret
 * as `X-API-Key`; at least once, up to 5 attempts over 15 minutes at exponentially growing
 * intervals, 20 s per attempt, 400/401/403/404/406 never retried. Delivery runs in background
 * fibers of the scope it is made in and never blocks the caller. Its clock can be sped up, and
 * seeded faults drop, duplicate, delay and reorder deliveries.
 *
 * @since 0.2.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Clock from "effect/Clock"
import * as Data from "effect/Data"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Queue from "effect/Queue"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import { Ring } from "./internal/delivery/attemptLog.js"
import { type AttemptFate, Dice } from "./internal/delivery/dice.js"
import { attemptOffsetsMs, attemptTimeoutMs, nonRecoverable } from "./internal/delivery/schedule.js"
import { shapeEvent } from "./internal/delivery/shape.js"

/**
 * A webhook as delivery needs it: where, with which secret, for which triggers.
 *
 * @example
 * ```ts
 * import type { WebhookDelivery } from "@sunco-effect/emulator"
 * import { Redacted } from "effect"
 *
 * const webhook: WebhookDelivery.Webhook = {
 *   id: "wh_1",
 *   target: "http://127.0.0.1:3000/hooks",
 *   secret: Redacted.make("8564b3e6a8b20a4bdb68b05ce9bc5936"),
 *   triggers: ["conversation:message", "conversation:read"],
 *   includeFullUser: true
 * }
 * ```
 * @since 0.2.0
 * @category models
 */
export interface Webhook {
  readonly id: string
  /** The URL every payload is POSTed to. */
  readonly target: string
  /** Sent as `X-API-Key`; never logged nor recorded. */
  readonly secret: Redacted.Redacted<string>
  /** The event types (`conversation:message`, …) this webhook receives. Case sensitive, as in the spec. */
  readonly triggers: ReadonlyArray<string>
  /** Keep `author.user` in events (default false: only `author.userId`). */
  readonly includeFullUser?: boolean | undefined
  /** Keep `source.client` and `source.device` in events (default false). */
  readonly includeFullSource?: boolean | undefined
  /** The payload's `webhook.version` (default `v2`). */
  readonly version?: string | undefined
}

/**
 * One event, in its encoded (JSON) form and with everything in it: the shape of the spec's
 * `x-webhooks` events (the generated `WebhookEvent` Schema's encoded side). `includeFullUser` and
 * `includeFullSource` are applied per webhook when a payload is built.
 *
 * @example
 * ```ts
 * import type { WebhookDelivery } from "@sunco-effect/emulator"
 *
 * const event: WebhookDelivery.WebhookEvent = {
 *   id: "5f2a3b7c1d4e5f6a7b8c9d0e",
 *   type: "conversation:message",
 *   createdAt: "2026-11-29T12:00:00.000Z",
 *   payload: {
 *     conversation: { id: "conv_1", type: "personal" },
 *     message: {
 *       id: "msg_1",
 *       received: "2026-11-29T12:00:00.000Z",
 *       author: { type: "user", userId: "user_1", user: { id: "user_1" } },
 *       content: { type: "text", text: "Hello" }
 *     }
 *   }
 * }
 * ```
 * @since 0.2.0
 * @category models
 */
export interface WebhookEvent {
  /** What a receiver deduplicates on. */
  readonly id: string
  readonly type: string
  readonly createdAt: string
  readonly payload?: unknown
}

/**
 * Faults on the deliveries to one webhook. Probabilities are 0-1, drawn from the seed:
 * per batch `duplicate` then `reorder`, per attempt `drop` then `delay`.
 *
 * @example
 * ```ts
 * import type { WebhookDelivery } from "@sunco-effect/emulator"
 *
 * // A flaky network: a third of the attempts lost, some batches twice or late.
 * const rule: WebhookDelivery.DeliveryFaultRule = { drop: 0.3, duplicate: 0.1, reorder: 0.1, delay: 0.2, delayMs: { min: 500, max: 5_000 } }
 * ```
 * @since 0.2.0
 * @category models
 */
export interface DeliveryFaultRule {
  /** The attempt is not made and counts as failed (so it is retried on the schedule); never the 5th. */
  readonly drop?: number | undefined
  /** The batch is delivered twice: a second delivery of the same events, with its own retries. */
  readonly duplicate?: number | undefined
  /** The attempt waits `delayMs` (service time, 0-60,000 ms) before it is sent; the 20 s timeout starts after. */
  readonly delay?: number | undefined
  readonly delayMs?: number | { readonly min: number; readonly max: number } | undefined
  /** The batch is held back and sent after the next one (or alone after a second with none). */
  readonly reorder?: number | undefined
}

/**
 * Delivery faults: a seed, a rule for every webhook and rules per webhook id.
 *
 * @example
 * ```ts
 * import type { WebhookDelivery } from "@sunco-effect/emulator"
 *
 * const faults: WebhookDelivery.DeliveryFaults = {
 *   seed: 42,
 *   default: { drop: 0.1 },
 *   webhooks: { wh_bot: { duplicate: 0.5 } }
 * }
 * ```
 * @since 0.2.0
 * @category models
 */
export interface DeliveryFaults {
  readonly seed?: number | undefined
  readonly default?: DeliveryFaultRule | undefined
  readonly webhooks?: { readonly [webhookId: string]: DeliveryFaultRule } | undefined
}

/**
 * How delivery behaves.
 *
 * @example
 * ```ts
 * import type { WebhookDelivery } from "@sunco-effect/emulator"
 *
 * // The 15-minute retry window in 15 s, batches of at most 10 events.
 * const options: WebhookDelivery.DeliveryOptions = { clockSpeed: 60, maxBatchSize: 10, faults: { seed: 1, default: { drop: 0.2 } } }
 * ```
 * @since 0.2.0
 * @category models
 */
export interface DeliveryOptions {
  /**
   * How much faster than the service's time delivery runs: every wait (batching window, retry
   * intervals, the 20 s timeout, fault delays) is divided by it. `60` makes the 15-minute retry
   * window take 15 s. Default 1. The CLI's flag for it: `--webhook-clock-speed N`.
   */
  readonly clockSpeed?: number | undefined
  /** How long the first event of a batch waits for others (service time). Default 100 ms. */
  readonly batchWindowMs?: number | undefined
  /** The most events in one payload. Default 100. */
  readonly maxBatchSize?: number | undefined
  /** How many attempts the record keeps (oldest dropped first). Default 1000. */
  readonly historySize?: number | undefined
  readonly faults?: DeliveryFaults | undefined
  /** The `user-agent` of every request. */
  readonly userAgent?: string | undefined
}

/**
 * How one attempt ended. `Failed`, `TimedOut`, `Unreachable` and `Dropped` are retried on the
 * schedule; `Rejected` (400, 401, 403, 404, 406) is given up at once.
 *
 * @example
 * ```ts
 * import type { WebhookDelivery } from "@sunco-effect/emulator"
 *
 * const describe = (outcome: WebhookDelivery.AttemptOutcome): string => {
 *   switch (outcome._tag) {
 *     case "Delivered":
 *     case "Rejected":
 *     case "Failed":
 *       return `${outcome._tag} ${outcome.status}`
 *     case "Unreachable":
 *       return `unreachable (${outcome.reason})`
 *     default:
 *       return outcome._tag
 *   }
 * }
 * ```
 * @since 0.2.0
 * @category models
 */
export type AttemptOutcome =
  | { readonly _tag: "Delivered"; readonly status: number }
  | { readonly _tag: "Rejected"; readonly status: number }
  | { readonly _tag: "Failed"; readonly status: number }
  | { readonly _tag: "TimedOut" }
  | { readonly _tag: "Unreachable"; readonly reason: string }
  | { readonly _tag: "Dropped" }

/**
 * One attempt as the inspector shows it. Never the secret.
 *
 * @example
 * ```ts
 * import type { WebhookDelivery } from "@sunco-effect/emulator"
 *
 * const line = (a: WebhookDelivery.DeliveryAttempt) =>
 *   `#${a.id} ${a.webhookId} batch ${a.batchId} attempt ${a.attempt}: ${a.outcome._tag} in ${a.durationMs} ms [${a.eventIds.join(", ")}]`
 * ```
 * @since 0.2.0
 * @category models
 */
export interface DeliveryAttempt {
  /** Increasing from 1 in the order attempts end; what `redeliver` takes. */
  readonly id: number
  readonly webhookId: string
  /** Increasing from 1 per batch formed (a duplicate or redelivery is a batch of its own). */
  readonly batchId: number
  /** 1-5 within its batch. */
  readonly attempt: number
  /** Epoch milliseconds (of the delivery clock) when the request was sent. */
  readonly startedAt: number
  /** Real milliseconds the attempt took. */
  readonly durationMs: number
  readonly outcome: AttemptOutcome
  /** Whether another attempt of this batch is scheduled. */
  readonly willRetry: boolean
  readonly eventIds: ReadonlyArray<string>
  /** Why this batch exists besides the events: a `duplicate` fault or a `redelivery`. */
  readonly origin: "event" | "duplicate" | "redelivery"
  /** The attempt fault applied (`drop`, `delay`), if any. */
  readonly fault?: "drop" | "delay" | undefined
}

/**
 * `redeliver` was given an attempt the record does not hold (never made, or rotated out).
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { WebhookDelivery } from "@sunco-effect/emulator"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const delivery = yield* WebhookDelivery.make()
 *   return yield* delivery.redeliver(12)
 * }).pipe(
 *   Effect.catchTag("AttemptNotFound", (e) => Effect.succeed(`no attempt ${e.attemptId} in the record`)),
 *   Effect.scoped,
 *   Effect.provide(FetchHttpClient.layer)
 * )
 * ```
 * @since 0.2.0
 * @category errors
 */
export class AttemptNotFound extends Data.TaggedError("AttemptNotFound")<{ readonly attemptId: number }> {}

/**
 * The delivery engine of one emulator.
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { WebhookDelivery } from "@sunco-effect/emulator"
 * import { Effect } from "effect"
 *
 * // Redeliver the last failed attempt of a webhook.
 * const redeliverLastFailure = (delivery: WebhookDelivery.WebhookDelivery, webhookId: string) =>
 *   Effect.gen(function*() {
 *     const failed = (yield* delivery.attempts(webhookId)).filter((a) => a.outcome._tag !== "Delivered")
 *     const last = failed.at(-1)
 *     return last === undefined ? undefined : yield* delivery.redeliver(last.id)
 *   })
 *
 * const program = Effect.gen(function*() {
 *   const delivery = yield* WebhookDelivery.make()
 *   return yield* redeliverLastFailure(delivery, "wh_1")
 * }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))
 * ```
 * @since 0.2.0
 * @category models
 */
export interface WebhookDelivery {
  /**
   * Queue `events` of app `appId` for every webhook in `webhooks` whose triggers list their type.
   * Returns at once: delivery happens in the background. Does nothing once the scope is closed.
   */
  readonly publish: (
    appId: string,
    webhooks: ReadonlyArray<Webhook>,
    events: ReadonlyArray<WebhookEvent>
  ) => Effect.Effect<void>
  /** The recorded attempts, oldest first, for one webhook or all. */
  readonly attempts: (webhookId?: string) => Effect.Effect<ReadonlyArray<DeliveryAttempt>>
  /** Deliver again the batch of an attempt, as a new batch with a fresh schedule; its batch id. */
  readonly redeliver: (attemptId: number) => Effect.Effect<number, AttemptNotFound>
  /**
   * What is left to do: events queued or being batched, plus batches not yet finished (delivered,
   * given up or out of attempts). 0 once everything published so far has been dealt with, which
   * is what a test or a soak waits for.
   */
  readonly pending: Effect.Effect<number>
}

interface Batch {
  readonly id: number
  readonly appId: string
  readonly webhook: Webhook
  readonly events: ReadonlyArray<WebhookEvent>
  readonly origin: DeliveryAttempt["origin"]
  /** Drawn when the batch is formed, in order, so concurrent retries cannot change a seed's outcome. */
  readonly fates: ReadonlyArray<AttemptFate>
}

interface Item {
  readonly appId: string
  readonly webhook: Webhook
  readonly event: WebhookEvent
}

const defaultUserAgent = "sunco-effect-emulator-webhooks/0.2"

// A reordered batch waits at most this long (service time) for a batch to overtake it.
const reorderHoldMs = 1000

const retried = (outcome: AttemptOutcome) => outcome._tag !== "Delivered" && outcome._tag !== "Rejected"

/**
 * Start delivery in the current scope: one background fiber per webhook batches its events, and
 * every retry schedule runs in a fiber of its own. Closing the scope stops all of them.
 *
 * @example
 * ```ts
 * import { FetchHttpClient } from "@effect/platform"
 * import { WebhookDelivery } from "@sunco-effect/emulator"
 * import { Effect, Redacted } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const delivery = yield* WebhookDelivery.make({ clockSpeed: 60 })
 *   const webhook = {
 *     id: "wh_1",
 *     target: "http://127.0.0.1:3000/hooks",
 *     secret: Redacted.make("s3cret"),
 *     triggers: ["conversation:message"]
 *   }
 *   yield* delivery.publish("app_1", [webhook], [
 *     { id: "ev_1", type: "conversation:message", createdAt: new Date().toISOString(), payload: {} }
 *   ])
 *   yield* Effect.sleep("1 second")
 *   return yield* delivery.attempts("wh_1")
 * }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))
 * ```
 * @since 0.2.0
 * @category constructors
 */
export const make = (
  options: DeliveryOptions = {}
): Effect.Effect<WebhookDelivery, never, HttpClient.HttpClient | Scope.Scope> =>
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    const scope = yield* Effect.scope
    const speed = options.clockSpeed !== undefined && options.clockSpeed > 0 ? options.clockSpeed : 1
    const scaled = (serviceMs: number) => Duration.millis(serviceMs / speed)
    const batchWindowMs = options.batchWindowMs ?? 100
    const maxBatchSize = Math.max(1, options.maxBatchSize ?? 100)
    const userAgent = options.userAgent ?? defaultUserAgent
    const seed = options.faults?.seed ?? 1
    const log = new Ring<{ readonly record: DeliveryAttempt; readonly batch: Batch }>(options.historySize ?? 1000)
    const queues = new Map<string, Queue.Queue<Item>>()
    const dice = new Map<string, Dice>()
    const lock = yield* Effect.makeSemaphore(1)
    let closed = false
    let batchSeq = 0
    let attemptSeq = 0
    // Batches formed and not finished, and events taken from a queue but not yet in a batch.
    let unfinished = 0
    let forming = 0
    yield* Effect.addFinalizer(() => Effect.sync(() => (closed = true)))

    const diceFor = (webhookId: string) => {
      let d = dice.get(webhookId)
      if (d === undefined) {
        d = new Dice(seed, webhookId, options.faults?.webhooks?.[webhookId] ?? options.faults?.default)
        dice.set(webhookId, d)
      }
      return d
    }

    const newBatch = (
      appId: string,
      webhook: Webhook,
      events: ReadonlyArray<WebhookEvent>,
      origin: Batch["origin"]
    ): Batch => {
      const webhookDice = diceFor(webhook.id)
      // A drop stands for a lost request, not a dead receiver: never the last attempt, so drops
      // alone lose no event (a receiver that keeps failing does, as with the service).
      const fates = attemptOffsetsMs.map((_, i) => {
        const fate = webhookDice.attempt()
        return i === attemptOffsetsMs.length - 1 ? { ...fate, drop: false } : fate
      })
      unfinished++
      return { id: ++batchSeq, appId, webhook, events, origin, fates }
    }

    const send = (batch: Batch): Effect.Effect<AttemptOutcome> => {
      const { webhook } = batch
      const body = JSON.stringify({
        app: { id: batch.appId },
        webhook: { id: webhook.id, version: webhook.version ?? "v2" },
        events: batch.events.map((event) =>
          shapeEvent(event, webhook.includeFullUser === true, webhook.includeFullSource === true)
        )
      })
      const request = HttpClientRequest.post(webhook.target).pipe(
        HttpClientRequest.setHeaders({ "x-api-key": Redacted.value(webhook.secret), "user-agent": userAgent }),
        HttpClientRequest.bodyText(body, "application/json")
      )
      return client.execute(request).pipe(
        // The body is read (and dropped) so the connection is freed; it counts towards the 20 s.
        Effect.flatMap((response) => Effect.as(Effect.ignore(response.text), response.status)),
        Effect.map((status): AttemptOutcome =>
          status >= 200 && status < 300
            ? { _tag: "Delivered", status }
            : nonRecoverable.has(status)
            ? { _tag: "Rejected", status }
            : { _tag: "Failed", status }
        ),
        Effect.timeoutTo({
          duration: scaled(attemptTimeoutMs),
          onSuccess: (outcome) => outcome,
          onTimeout: (): AttemptOutcome => ({ _tag: "TimedOut" })
        }),
        Effect.catchAll((error) => Effect.succeed<AttemptOutcome>({ _tag: "Unreachable", reason: error.reason }))
      )
    }

    const attempt = (batch: Batch, n: number) =>
      Effect.gen(function*() {
        const fate = batch.fates[n - 1]!
        if (fate.delayMs > 0) yield* Effect.sleep(scaled(fate.delayMs))
        const startedAt = yield* Clock.currentTimeMillis
        const outcome: AttemptOutcome = fate.drop ? { _tag: "Dropped" } : yield* send(batch)
        const durationMs = (yield* Clock.currentTimeMillis) - startedAt
        const record: DeliveryAttempt = {
          id: ++attemptSeq,
          webhookId: batch.webhook.id,
          batchId: batch.id,
          attempt: n,
          startedAt,
          durationMs,
          outcome,
          willRetry: retried(outcome) && n < attemptOffsetsMs.length,
          eventIds: batch.events.map((event) => event.id),
          origin: batch.origin,
          fault: fate.drop ? "drop" : fate.delayMs > 0 ? "delay" : undefined
        }
        log.add({ record, batch })
        if (!record.willRetry) unfinished--
        return record
      })

    // Attempts `from` on, each at its offset from the first attempt's start.
    const retries = (batch: Batch, firstStartedAt: number, from: number): Effect.Effect<void> =>
      Effect.gen(function*() {
        for (let n = from; n <= attemptOffsetsMs.length; n++) {
          const due = firstStartedAt + attemptOffsetsMs[n - 1]! / speed
          const now = yield* Clock.currentTimeMillis
          if (due > now) yield* Effect.sleep(Duration.millis(due - now))
          const record = yield* attempt(batch, n)
          if (!record.willRetry) return
        }
      })

    // The first attempt in line (so batches of one webhook go out in order), the retries behind.
    const dispatch = (batch: Batch) =>
      Effect.gen(function*() {
        const startedAt = yield* Clock.currentTimeMillis
        const first = yield* attempt(batch, 1)
        if (first.willRetry) yield* Effect.forkIn(retries(batch, startedAt, 2), scope)
      })

    const worker = (webhookId: string, queue: Queue.Queue<Item>) =>
      Effect.gen(function*() {
        const d = diceFor(webhookId)
        let held: Batch | undefined
        while (true) {
          const first = held === undefined
            ? Option.some(yield* Queue.take(queue))
            : yield* Effect.timeoutOption(Queue.take(queue), scaled(reorderHoldMs))
          if (Option.isNone(first)) {
            yield* dispatch(held!)
            held = undefined
            continue
          }
          forming++
          if (batchWindowMs > 0) yield* Effect.sleep(scaled(batchWindowMs))
          const rest = yield* Queue.takeUpTo(queue, maxBatchSize - 1)
          const items = [first.value, ...rest]
          const last = items[items.length - 1]!
          const fate = d.batch()
          const batch = newBatch(last.appId, last.webhook, items.map((item) => item.event), "event")
          forming--
          const copy = fate.duplicate ? newBatch(batch.appId, batch.webhook, batch.events, "duplicate") : undefined
          if (held === undefined && fate.reorder) {
            held = batch
          } else {
            yield* dispatch(batch)
            if (held !== undefined) {
              yield* dispatch(held)
              held = undefined
            }
          }
          if (copy !== undefined) yield* dispatch(copy)
        }
      })

    const queueFor = (webhookId: string) =>
      Effect.gen(function*() {
        const existing = queues.get(webhookId)
        if (existing !== undefined) return existing
        const queue = yield* Queue.unbounded<Item>()
        queues.set(webhookId, queue)
        yield* Effect.forkIn(worker(webhookId, queue), scope)
        return queue
      })

    const publish: WebhookDelivery["publish"] = (appId, webhooks, events) =>
      Effect.suspend(() =>
        closed ? Effect.void : lock.withPermits(1)(Effect.forEach(webhooks, (webhook) => {
          const matching = events.filter((event) => webhook.triggers.includes(event.type))
          if (matching.length === 0) return Effect.void
          return Effect.flatMap(
            queueFor(webhook.id),
            (queue) => Queue.offerAll(queue, matching.map((event) => ({ appId, webhook, event })))
          )
        }, { discard: true }))
      )

    const attempts: WebhookDelivery["attempts"] = (webhookId) =>
      Effect.sync(() =>
        log.all().map((entry) => entry.record).filter((record) =>
          webhookId === undefined || record.webhookId === webhookId
        )
      )

    const redeliver: WebhookDelivery["redeliver"] = (attemptId) =>
      Effect.suspend(() => {
        const entry = log.all().find((e) => e.record.id === attemptId)
        if (entry === undefined) return Effect.fail(new AttemptNotFound({ attemptId }))
        const batch = newBatch(entry.batch.appId, entry.batch.webhook, entry.batch.events, "redelivery")
        return Effect.as(Effect.forkIn(dispatch(batch), scope), batch.id)
      })

    const pending: WebhookDelivery["pending"] = Effect.suspend(() =>
      Effect.map(
        Effect.forEach([...queues.values()], (queue) => Queue.size(queue)),
        // A queue's size is negative while its worker waits to take.
        (sizes) => sizes.reduce((a, b) => a + Math.max(0, b), unfinished + forming)
      )
    )

    return { publish, attempts, redeliver, pending }
  })
