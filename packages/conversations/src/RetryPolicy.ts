/**
 * When and how long to wait before repeating a failed request.
 *
 * The default policy follows the API's advice (retry 429 with exponential
 * backoff and jitter) and the rules users of payment and messaging SDKs rely
 * on:
 * - `Retry-After` is honoured (delta seconds or HTTP date), capped by `maxRetryAfter`;
 * - 5xx, timeouts and transport failures are retried only for requests that
 *   are safe to repeat (GET, PATCH, DELETE). The API has no idempotency key,
 *   so a POST (create, downloadMessageRef, Users.create) is repeated only after
 *   a 429 or a failure before the request was sent, unless `retryUnsafe` is set;
 * - other 4xx (423 Locked included), validation and decode errors are never retried;
 * - attempts are bounded by `maxRetries` and the sum of delays by `maxTotalDelay`.
 *
 * @since 0.1.0
 */
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Random from "effect/Random"
import * as Schedule from "effect/Schedule"
import * as ScheduleDecision from "effect/ScheduleDecision"
import * as ScheduleInterval from "effect/ScheduleInterval"
import type { ConversationsError } from "./ConversationsError.js"
import { specOf } from "./internal/registry.js"
import type { Operation } from "./Operations.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  readonly maxRetries?: number
  /** Delay before the first retry, doubled each time. Default 250 ms. */
  readonly baseDelay?: Duration.DurationInput
  /** Largest backoff delay for one retry. Default 10 s. */
  readonly maxDelay?: Duration.DurationInput
  /** Largest `Retry-After` honoured; longer values wait this long. Default 60 s. */
  readonly maxRetryAfter?: Duration.DurationInput
  /** Give up when the delays would add up to more than this. Default 90 s. */
  readonly maxTotalDelay?: Duration.DurationInput
  /** Fraction of each backoff delay that is randomized, 0-1. Default 0.5. */
  readonly jitter?: number
  /** Also repeat POSTs after a reset, a timeout or a 5xx (may duplicate a conversation). Default false. */
  readonly retryUnsafe?: boolean
}

/**
 * A retry policy as a Schedule over the errors of one request.
 *
 * @since 0.1.0
 * @category models
 */
export type RetrySchedule = Schedule.Schedule<unknown, ConversationsError>

// An operation of a family the program never loaded is treated as unsafe to repeat.
const repeatable = (operation: Operation): boolean => specOf(operation)?.repeatable ?? false

/**
 * Whether an error of `operation` may be retried: a 429 always; a failure
 * before anything was sent always; a reset, a timeout or a 5xx only for an
 * operation the table marks `repeatable` (not the POSTs), unless `retryUnsafe`.
 *
 * @example
 * ```ts
 * import { RetryPolicy, ServerError } from "@sunco-effect/conversations"
 *
 * const error = new ServerError({ operation: "Conversations.create", status: 503, code: "unavailable", title: "Unavailable" })
 * RetryPolicy.isRetryable("Conversations.create", error) // false: the create may have happened
 * RetryPolicy.isRetryable("Conversations.get", error) // true
 * ```
 * @since 0.1.0
 * @category predicates
 */
export const isRetryable = (operation: Operation, error: ConversationsError, retryUnsafe = false): boolean => {
  switch (error._tag) {
    case "RateLimited":
      return true
    case "TransportError":
      return !error.sent || repeatable(operation) || retryUnsafe
    case "RequestTimeout":
    case "ServerError":
      return repeatable(operation) || retryUnsafe
    default:
      return false
  }
}

/**
 * A policy: for each operation, the schedule of its retries.
 *
 * @example
 * ```ts
 * import { Conversations, RetryPolicy } from "@sunco-effect/conversations"
 * import { Effect, Schedule } from "effect"
 *
 * // a more patient policy for one call: options…
 * const patient = Effect.flatMap(Conversations, (c) => c.get("c93bb9c14dde8ffb94564eae", { retry: { maxRetries: 6 } }))
 * // …or the policy's schedule for an operation, composed with one of your own
 * const capped = RetryPolicy.make({ maxRetries: 6 })("Conversations.get").pipe(Schedule.upTo("2 minutes"))
 * const withCap = Effect.flatMap(Conversations, (c) => c.get("c93bb9c14dde8ffb94564eae", { retry: capped }))
 * ```
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: RetryOptions = {}): (operation: Operation) => RetrySchedule => {
  const maxRetries = options.maxRetries ?? 3
  const base = Duration.toMillis(options.baseDelay ?? "250 millis")
  const maxDelay = Duration.toMillis(options.maxDelay ?? "10 seconds")
  const maxRetryAfter = Duration.toMillis(options.maxRetryAfter ?? "60 seconds")
  const maxTotal = Duration.toMillis(options.maxTotalDelay ?? "90 seconds")
  const jitter = Math.min(1, Math.max(0, options.jitter ?? 0.5))
  const retryUnsafe = options.retryUnsafe ?? false
  return (operation) =>
    Schedule.makeWithState<{ readonly retries: number; readonly total: number }, ConversationsError, number>(
      { retries: 0, total: 0 },
      (now, error, state) => {
        if (state.retries >= maxRetries || !isRetryable(operation, error, retryUnsafe)) {
          return Effect.succeed([state, state.retries, ScheduleDecision.done] as const)
        }
        return Effect.map(Random.next, (r) => {
          const backoff = Math.min(maxDelay, base * 2 ** state.retries)
          // "Equal jitter": keep (1 - jitter) of the delay, randomize the rest.
          let delay = Math.round(backoff * (1 - jitter) + backoff * jitter * r)
          if (error._tag === "RateLimited" && error.retryAfterMillis !== undefined) {
            delay = Math.max(delay, Math.min(error.retryAfterMillis, maxRetryAfter))
          }
          const total = state.total + delay
          if (total > maxTotal) return [state, state.retries, ScheduleDecision.done] as const
          const next = { retries: state.retries + 1, total }
          return [next, next.retries, ScheduleDecision.continueWith(ScheduleInterval.after(now + delay))] as const
        })
      }
    )
}

/**
 * The policy used when none is configured: `make()` with its defaults.
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultPolicy: (operation: Operation) => RetrySchedule = make()

/**
 * How a layer or a call is told to retry: `false` turns retries off, a
 * Schedule replaces the policy (it sees every error of the request, so filter
 * with `Schedule.whileInput` and `RetryPolicy.isRetryable`), options tune the
 * default policy.
 *
 * @since 0.1.0
 * @category models
 */
export type Retry = false | RetrySchedule | RetryOptions

/**
 * Resolve a `Retry` setting to a per-operation schedule, or `undefined` for none.
 *
 * @since 0.1.0
 * @category constructors
 */
export const resolve = (retry: Retry | undefined): ((operation: Operation) => RetrySchedule) | undefined => {
  if (retry === false) return undefined
  if (retry === undefined) return defaultPolicy
  if (!Schedule.isSchedule(retry)) return make(retry)
  return () => retry
}
