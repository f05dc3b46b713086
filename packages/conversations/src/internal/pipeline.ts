/**
 * What happens around every attempt of every operation, for the live client
 * and the test layer alike: the per-attempt timeout setting, the retry
 * policy (layer's or call's), and one span named after the operation.
 */
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schedule from "effect/Schedule"
import * as Tracer from "effect/Tracer"
import type { CallOptions } from "../Conversations.js"
import type { ConversationsError, ValidationError } from "../ConversationsError.js"
import type { Input, Operation } from "../Operations.js"
import * as RetryPolicy from "../RetryPolicy.js"
import { checkBodySize, toError } from "../Validation.js"
import { bounded } from "./decode.js"

export interface Settings {
  readonly retry: ((operation: Operation) => RetryPolicy.RetrySchedule) | undefined
  readonly timeout: Duration.Duration
}

export const settings = (
  options: { readonly retry?: RetryPolicy.Retry | undefined; readonly timeout?: Duration.DurationInput | undefined }
): Settings => ({
  retry: RetryPolicy.resolve(options.retry),
  timeout: Duration.decode(options.timeout ?? "30 seconds")
})

/** A body as it will be sent: the JSON text, and that text parsed back (what the rules check). */
export interface Serialized {
  readonly json: string | undefined
  readonly body: unknown
}

/**
 * Serialize an operation's body once, refusing (as a `ValidationError`) what
 * JSON cannot carry (a BigInt, a cycle, a getter that throws) and bodies over
 * the service's 100 KB limit. The parsed-back value is what the rules check
 * and the store sees, so a `toJSON` or a getter cannot send anything other
 * than what was checked. The same rule for the live client and the test layer.
 */
export const serializeBody = (operation: Operation, body: unknown): Either.Either<Serialized, ValidationError> => {
  let json: string | undefined
  try {
    json = JSON.stringify(body)
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return Either.left(toError(operation, {
      field: "body",
      rule: "serializable",
      detail: `cannot be serialized to JSON: ${bounded(reason, 200)}`
    }))
  }
  if (json === undefined) return Either.right({ json, body: undefined })
  const tooBig = checkBodySize(json)
  return tooBig === undefined ? Either.right({ json, body: JSON.parse(json) }) : Either.left(toError(operation, tooBig))
}

/** What an attempt is told, and can tell the span. */
export interface Attempt {
  readonly timeoutMillis: number
  readonly setStatus: (status: number) => void
}

/**
 * Repeat `attempt` by `schedule` after it fails. The schedule is set up only
 * on a first failure, so a request that succeeds pays nothing for retries.
 */
const retryAfterFailure = <A, E extends ConversationsError>(
  attempt: Effect.Effect<A, E>,
  schedule: RetryPolicy.RetrySchedule
): Effect.Effect<A, E> =>
  Effect.catchAll(attempt, (first) =>
    Effect.flatMap(Schedule.driver(schedule), (driver) => {
      const again = (error: E): Effect.Effect<A, E> =>
        Effect.matchEffect(driver.next(error), {
          onFailure: () => Effect.fail(error),
          onSuccess: () => Effect.catchAll(attempt, again)
        })
      return again(first)
    }))

/**
 * The error the pipeline gives up with, saying how many attempts were made and
 * over how long. Every error an attempt can fail with has both fields.
 */
const withAttempts = <E extends ConversationsError>(error: E, attempts: number, elapsedMillis: number): E => {
  const constructor = error.constructor
  if (!isErrorClass<E>(constructor) || !("attempts" in constructor.fields)) return error
  const props: Record<string, unknown> = {}
  for (const key of Object.keys(constructor.fields)) {
    if (key !== "_tag") props[key] = Reflect.get(error, key)
  }
  return new constructor({ ...props, attempts, elapsedMillis })
}

/** The errors are Schema classes: their constructor has the Schema's `fields` and builds an error of its class. */
const isErrorClass = <E>(
  c: unknown
): c is { readonly fields: Record<string, unknown>; new(props: Record<string, unknown>): E } =>
  typeof c === "function" && "fields" in c && typeof c.fields === "object" && c.fields !== null

const builtInTracer = Context.get(DefaultServices.liveServices, Tracer.Tracer)

export const run = <N extends Operation, A, E extends ConversationsError>(
  operation: N,
  method: string,
  input: Input,
  options: CallOptions | undefined,
  config: Settings,
  attempt: (attempt: Attempt) => Effect.Effect<A, E>
): Effect.Effect<A, E> => {
  const timeoutMillis = Duration.toMillis(options?.timeout === undefined ? config.timeout : options.timeout)
  const schedule = options?.retry === undefined ? config.retry : RetryPolicy.resolve(options.retry)
  // The attempt counter and the span belong to one execution: the same Effect value may be run
  // again, or many times at once.
  return Effect.suspend(() => {
    let attempts = 0
    let span: Tracer.Span | undefined
    const context: Attempt = {
      timeoutMillis,
      setStatus: (status) => span?.attribute("http.response.status_code", status)
    }
    const once = Effect.suspend(() => {
      attempts++
      span?.attribute("sunco.attempts", attempts)
      return attempt(context)
    })
    const retried = schedule === undefined ?
      once :
      Effect.flatMap(
        Clock.currentTimeMillis,
        (start) =>
          Effect.catchAll(retryAfterFailure(once, schedule(operation)), (error) =>
            attempts < 2
              ? Effect.fail(error)
              : Effect.flatMap(
                Clock.currentTimeMillis,
                (end) => Effect.fail(withAttempts(error, attempts, end - start))
              ))
      )
    return Effect.tracerWith((tracer) =>
      // Effect's built-in tracer exports nowhere; a span there would cost ~30 µs per request for nothing.
      tracer === builtInTracer ? retried : Effect.useSpan(operation, {
        kind: "client",
        attributes: {
          "sunco.app_id": input.params.appId,
          ...(input.params.conversationId === undefined
            ? {}
            : { "sunco.conversation_id": input.params.conversationId }),
          "http.request.method": method
        }
      }, (s) => {
        span = s
        return Effect.withParentSpan(retried, s)
      })
    )
  })
}
