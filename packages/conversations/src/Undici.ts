/**
 * The live services over undici's dispatcher, driven directly: the fastest
 * way to run the client on Node (see BENCHMARKS.md). Same options, retries,
 * timeouts, spans and errors as `Conversations.layer`; it only skips the
 * platform HttpClient, so `transformClient` does not apply.
 *
 * Imported from its own entry point, `@sunco-effect/conversations/Undici`,
 * so that programs which do not use it never load undici.
 *
 * @since 0.1.0
 */
import type * as Config from "effect/Config"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import { Agent, type Dispatcher } from "undici"
import {
  config as conversationsConfig,
  type Conversations,
  type ConversationsOptions,
  layerFrom,
  layerFromConfig,
  makeWith
} from "./Conversations.js"
import type { ConfigurationError } from "./ConversationsError.js"
import * as UndiciTransport from "./internal/undiciTransport.js"
import type { Users } from "./Users.js"

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
 * Conversations and Users over undici, from explicit values.
 *
 * @example
 * ```ts
 * import { Undici } from "@sunco-effect/conversations/Undici"
 * const ConversationsLive = Undici.layer({ baseUrl: Host.eu, credentials })
 * ```
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: UndiciOptions): Layer.Layer<Conversations | Users, ConfigurationError> =>
  layerFrom(Effect.flatMap(
    options.dispatcher ? Effect.succeed(options.dispatcher) : ownAgent,
    (dispatcher) => makeWith(options, UndiciTransport.make(dispatcher))
  ))

const ownAgent = Effect.acquireRelease(
  Effect.sync(() => new Agent()),
  (agent) => Effect.promise(() => agent.close())
)

/**
 * Conversations and Users over undici, from Effect `Config` (the variables of `Conversations.config`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  overrides: Omit<Partial<UndiciOptions>, "credentials" | "baseUrl"> = {},
  from: Config.Config<ConversationsOptions> = conversationsConfig
): Layer.Layer<Conversations | Users, ConfigurationError> => layerFromConfig(from, overrides, layer)

/**
 * The namespace form, for `Undici.layer(…)`.
 *
 * @since 0.1.0
 * @category layers
 */
export const Undici = { layer, layerConfig } as const
