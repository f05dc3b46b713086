/**
 * An in-memory implementation of the Conversations and Users services with
 * the API's semantics, for testing programs without a network.
 *
 * It runs the same validation and the same streams as the live client, on
 * the same store as the emulator, and can be told to make an operation fail.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { Conversations } from "./Conversations.js"
import { ConfigurationError, type ConversationsError, type Operation } from "./ConversationsError.js"
import type { Backend } from "./internal/backend.js"
import { type ApiFailure, classify } from "./internal/classify.js"
import { makeServices } from "./internal/service.js"
import { InMemoryStore, pageLinks, type Result } from "./InMemoryStore.js"
import type { Seed } from "./Seed.js"
import { Users } from "./Users.js"
import { checkBodySize, toError } from "./Validation.js"

/**
 * A failure to inject: a typed error, or an error response (status, code,
 * title) that is classified like a real one.
 *
 * @since 0.1.0
 * @category models
 */
export type InjectedFailure = ConversationsError | ApiFailure

/**
 * Control over the test layer, for tests.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConversationsTestControl {
  /** The state behind the services. */
  readonly store: InMemoryStore
  /** Make `operation` fail with `failure` for the next `times` calls (default: until cleared). */
  readonly failWith: (operation: Operation, failure: InjectedFailure, times?: number) => Effect.Effect<void>
  /** Remove every injected failure. */
  readonly clearFailures: Effect.Effect<void>
  /** The operations that reached the backend (passed validation), in order. */
  readonly calls: Effect.Effect<ReadonlyArray<Operation>>
}

/**
 * The control tag of the test layer.
 *
 * @since 0.1.0
 * @category tags
 */
export class ConversationsTest extends Context.Tag("@sunco-effect/conversations/ConversationsTest")<
  ConversationsTest,
  ConversationsTestControl
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
}

const isTyped = (f: InjectedFailure): f is ConversationsError => "_tag" in f

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
    const injected = new Map<Operation, { failure: InjectedFailure; remaining: number }>()
    const calls: Array<Operation> = []

    const run = <A>(operation: Operation, f: () => Result<A>, conversationId?: string, body?: unknown) =>
      Effect.suspend(() => {
        if (body !== undefined) {
          const tooBig = checkBodySize(JSON.stringify(body))
          if (tooBig) return Effect.fail(toError(operation, tooBig))
        }
        calls.push(operation)
        const injection = injected.get(operation)
        if (injection) {
          if (--injection.remaining <= 0) injected.delete(operation)
          return Effect.fail(isTyped(injection.failure) ? injection.failure : classify(operation, injection.failure, conversationId))
        }
        const result = f()
        return Either.isRight(result)
          ? Effect.succeed(result.right)
          : Effect.fail(classify(operation, result.left, conversationId))
      })

    // Each method is typed by Backend; classify only produces the errors of its operation.
    const backend = {
      create: (appId, body) => run("Conversations.create", () => store.createConversation(appId, body), undefined, body),
      get: (appId, id) => run("Conversations.get", () => store.getConversation(appId, id), id),
      list: (appId, query) =>
        run("Conversations.list", () =>
          Either.map(store.listConversations(appId, query.filter, query.page), (page) => ({
            conversations: page.conversations,
            meta: page.meta,
            links: pageLinks(baseUrl, appId, query.filter, page)
          }))),
      update: (appId, id, body) => run("Conversations.update", () => store.updateConversation(appId, id, body), id, body),
      delete: (appId, id) => run("Conversations.delete", () => store.deleteConversation(appId, id), id),
      downloadMessageRef: (appId, id, body) =>
        run("Conversations.downloadMessageRef", () => store.downloadMessageRef(appId, id, body), id, body),
      createUser: (appId, body) => run("Users.create", () => store.createUser(appId, body), undefined, body)
    } as Backend

    const services = makeServices(backend, { limits: options.validateLimits ?? true }, Option.fromNullable(options.appId))
    const control: ConversationsTestControl = {
      store,
      failWith: (operation, failure, times = Infinity) =>
        Effect.sync(() => void injected.set(operation, { failure, remaining: times })),
      clearFailures: Effect.sync(() => injected.clear()),
      calls: Effect.sync(() => [...calls])
    }
    return { ...services, control }
  })

/**
 * The test layer: Conversations and Users in memory, plus `ConversationsTest` to control them.
 *
 * @example
 * ```ts
 * import { it } from "@effect/vitest"
 * import { Effect } from "effect"
 * import { Conversations, ConversationsTest } from "@sunco-effect/conversations"
 *
 * it.effect("finds the conversation", () =>
 *   Effect.gen(function*() {
 *     const conversations = yield* Conversations
 *     const created = yield* conversations.create("app1", { type: "sdkGroup" })
 *     const found = yield* conversations.get("app1", created.id!)
 *   }).pipe(Effect.provide(ConversationsTest.layer({ seed: { apps: [{ id: "app1" }] } }))))
 * ```
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: TestOptions = {}
): Layer.Layer<Conversations | Users | ConversationsTest, ConfigurationError> =>
  Layer.effectContext(
    Effect.map(make(options), (s) =>
      Context.make(Conversations, s.conversations).pipe(
        Context.add(Users, s.users),
        Context.add(ConversationsTest, s.control)
      ))
  )
