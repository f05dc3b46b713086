/**
 * An in-memory implementation of the Conversations and Users services with
 * the API's semantics, for testing programs without a network.
 *
 * It is the live client's twin: the same validation, the same pipeline
 * (retry policy and per-call `retry` / `timeout`, spans), the same error
 * classification and the same streams, on the same store as the emulator.
 * It can be told to make an operation fail, with an error that operation can
 * produce.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { AllServices } from "./Conversations.js"
import { ConfigurationError, type ConversationsError } from "./ConversationsError.js"
import type { ApiFailure } from "./ErrorResponse.js"
import { handleUnchecked, InMemoryStore } from "./InMemoryStore.js"
import type { Backend } from "./internal/backend.js"
import { classify } from "./internal/classify.js"
import * as Multipart from "./internal/multipart.js"
import * as Pipeline from "./internal/pipeline.js"
import { makeServices } from "./internal/service.js"
import type { ErrorOf, Input, Operation } from "./Operations.js"
import type { Retry } from "./RetryPolicy.js"
import type { Seed } from "./Seed.js"

/**
 * A failure to inject into `operation`: one of its own typed errors, or an
 * error response (status, code, title) that is classified like a real one.
 *
 * @since 0.1.0
 * @category models
 */
export type InjectedFailure<N extends Operation = Operation> =
  | ErrorOf<N>
  // `_tag?: never` keeps another operation's typed error (which has status, code and title too) out of this branch.
  | (ApiFailure & { readonly _tag?: never })

/**
 * Control over the test layer, for tests: what `Control` gives.
 *
 * @since 0.2.0
 * @category models
 */
export interface ControlService {
  /** The state behind the services. */
  readonly store: InMemoryStore
  /**
   * Make each of the next `times` attempts of `operation` (default: until cleared) fail with
   * `failure`. Retries are attempts: under the default policy, `failWith("Conversations.get",
   * serverError, 2)` then succeeds on the third attempt, after the same waits as the live client.
   * An injected error that was retried comes back as a copy carrying `attempts` and `elapsedMillis`.
   */
  readonly failWith: <N extends Operation>(
    operation: N,
    failure: InjectedFailure<N>,
    times?: number
  ) => Effect.Effect<void>
  /** Remove every injected failure. */
  readonly clearFailures: Effect.Effect<void>
  /** The attempts that reached the backend (passed validation), in order. */
  readonly calls: Effect.Effect<ReadonlyArray<Operation>>
}

/**
 * The control tag of the test layer (`yield* ConversationsTest.Control`): its
 * store, injected failures and the calls that reached it.
 *
 * @since 0.2.0
 * @category tags
 */
export class Control extends Context.Tag("@sunco-effect/conversations/ConversationsTest/Control")<
  Control,
  ControlService
>() {}

/**
 * @since 0.1.0
 * @category models
 */
export interface TestOptions {
  /** Apps, users and conversations to start with. */
  readonly seed?: Seed | undefined
  /** Check lengths, ranges, counts and the type enum, as the live layer does. Default true. */
  readonly validateLimits?: boolean | undefined
  /** Base URL used in `links`. Default `https://api.smooch.io`. */
  readonly baseUrl?: string | undefined
  /** The app id the service reports as configured. */
  readonly appId?: string | undefined
  /** The retry policy, as for the live layer. Default: `RetryPolicy.defaultPolicy`. */
  readonly retry?: Retry | undefined
  /** Timeout of each attempt, as for the live layer (the store answers at once). */
  readonly timeout?: Duration.DurationInput | undefined
}

const isTyped = (f: ConversationsError | ApiFailure): f is ConversationsError => "_tag" in f

/**
 * Build the test services and their control.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: TestOptions = {}) =>
  Effect.gen(function*() {
    const store = yield* Either.match(InMemoryStore.make(options.seed), {
      onLeft: (detail) => Effect.fail(new ConfigurationError({ detail: `invalid seed: ${detail}` })),
      onRight: Effect.succeed
    })
    const baseUrl = options.baseUrl ?? "https://api.smooch.io"
    const settings = Pipeline.settings(options)
    const injected = new Map<Operation, { readonly failure: ConversationsError | ApiFailure; remaining: number }>()
    const calls: Array<Operation> = []

    const backend: Backend = (operation, spec, input, callOptions) => {
      return Pipeline.run(operation, spec.method, input, callOptions, settings, (attempt) =>
        Effect.suspend(() => {
          calls.push(operation)
          const injection = injected.get(operation)
          if (injection) {
            if (--injection.remaining <= 0) injected.delete(operation)
            const { failure } = injection
            // failWith stores only failures of the operation they are stored under.
            return Effect.fail(isTyped(failure) ? failure : classify(operation, spec, failure, input))
          }
          const answer = (sent: Input) => {
            const result = handleUnchecked(store, operation, sent, baseUrl)
            if (Either.isLeft(result)) return Effect.fail(classify(operation, spec, result.left, sent))
            attempt.setStatus(spec.status)
            return Effect.succeed(result.right)
          }
          const upload = input.upload
          if (upload === undefined) return answer(input)
          // A file is read as the live client would send it (its limit, its progress), and only its size kept.
          let size = 0
          return Multipart.counted(operation, upload).pipe(
            Stream.runForEach((chunk) => Effect.sync(() => void (size += chunk.length))),
            Effect.flatMap(() => answer({ ...input, upload: { ...upload, size } }))
          )
        }))
    }

    const view = makeServices(
      backend,
      { limits: options.validateLimits ?? true },
      Option.fromNullable(options.appId)
    )
    const control: ControlService = {
      store,
      failWith: (operation, failure, times = Infinity) =>
        Effect.sync(() => void injected.set(operation, { failure, remaining: times })),
      clearFailures: Effect.sync(() => injected.clear()),
      calls: Effect.sync(() => [...calls])
    }
    return { ...view.services, control, context: Context.add(view.context, Control, control) }
  })

/**
 * The test layer: Conversations and Users in memory, plus `Control` to control them.
 *
 * @example
 * ```ts
 * import { Conversations, ConversationsTest } from "@sunco-effect/conversations"
 * import { Effect } from "effect"
 *
 * const TestLayer = ConversationsTest.layer({ appId: "app1", seed: { apps: [{ id: "app1" }] } })
 *
 * const program = Effect.gen(function*() {
 *   const conversations = yield* Conversations
 *   const created = yield* conversations.create({ type: "sdkGroup" })
 *   return yield* conversations.get(created.id)
 * })
 * // in a test: it.effect("finds the conversation", () => program.pipe(Effect.provide(TestLayer)))
 * Effect.runPromise(program.pipe(Effect.provide(TestLayer)))
 * ```
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: TestOptions = {}
): Layer.Layer<AllServices | Control, ConfigurationError> =>
  Layer.effectContext(
    Effect.map(make(options), (s) => s.context)
  )
