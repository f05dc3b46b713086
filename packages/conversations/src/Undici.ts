/**
 * The live services over undici's dispatcher, driven directly: the fastest
 * way to run the client on Node (see BENCHMARKS.md). Same constructors,
 * options, retries, timeouts, spans and errors as `Conversations`; it only
 * skips the platform HttpClient, so `transformClient` does not apply.
 *
 * Node only. Imported from its own entry point,
 * `@sunco-effect/conversations/Undici`, so that programs which do not use it
 * never load undici.
 *
 * @since 0.1.0
 */
import type * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import { Agent, type Dispatcher } from "undici"
import type { AllServices, ConversationsConfig, ConversationsOptions, Services } from "./Conversations.js"
import type { ConfigurationError } from "./ConversationsError.js"
import * as Live from "./internal/live.js"
import * as UndiciTransport from "./internal/undiciTransport.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface UndiciOptions extends Omit<ConversationsOptions, "transformClient"> {
  /**
   * The undici dispatcher (an Agent, a Pool, a ProxyAgent), owned and closed by the caller.
   * Default: an `Agent` of the layer's own, closed when the layer is released. Never undici's
   * process-wide dispatcher: Node's bundled undici (behind `fetch`) may have installed one with an
   * older handler API, which fails every request with `UND_ERR_INVALID_ARG`.
   */
  readonly dispatcher?: Dispatcher | undefined
}

/**
 * `Undici.layerConfig`'s options: as `Conversations.layerConfig`'s, plus a dispatcher.
 *
 * @since 0.2.0
 * @category models
 */
export interface UndiciConfig extends Omit<ConversationsConfig, "transformClient"> {
  readonly dispatcher?: Dispatcher | undefined
}

const ownAgent = Effect.acquireRelease(
  Effect.sync(() => new Agent()),
  (agent) => Effect.promise(() => agent.close())
)

const build = (options: UndiciOptions) =>
  Effect.flatMap(
    options.dispatcher ? Effect.succeed(options.dispatcher) : ownAgent,
    (dispatcher) => Live.build(options, UndiciTransport.make(dispatcher))
  )

/**
 * The constructors of the live services over undici, named as `Conversations`'s.
 *
 * @example
 * ```ts
 * import { Credentials, Host } from "@sunco-effect/conversations"
 * import { Undici } from "@sunco-effect/conversations/Undici"
 * import { Config, Redacted } from "effect"
 *
 * // explicit values
 * const Explicit = Undici.layer({
 *   baseUrl: Host.eu,
 *   appId: "5d8cff3cd55b040010928b5b",
 *   credentials: Credentials.basic({ keyId: "app_5d8cff3cd55b040010928b5c", secret: Redacted.make("…") })
 * })
 * // from the SUNCO_* variables, the app from one of your own
 * const FromEnv = Undici.layerConfig({ appId: Config.string("SUPPORT_APP_ID") })
 * ```
 * @since 0.1.0
 * @category constructors
 */
export const Undici: {
  /** Both services, in a scope that owns the Agent (unless `dispatcher` is given). */
  readonly make: (options: UndiciOptions) => Effect.Effect<Services, ConfigurationError, Scope.Scope>
  /** The live services as a layer, from explicit values. */
  readonly layer: (options: UndiciOptions) => Layer.Layer<AllServices, ConfigurationError>
  /** The live services as a layer, options from `Config` (the `SUNCO_*` variables by default). */
  readonly layerConfig: (
    config?: UndiciConfig
  ) => Layer.Layer<AllServices, ConfigError.ConfigError | ConfigurationError>
} = {
  make: (options) => Effect.map(build(options), (view) => view.services),
  layer: (options) => Live.toLayer(build(options)),
  layerConfig: (config = {}) => Live.toLayer(Effect.flatMap(Live.options(config), build))
}
