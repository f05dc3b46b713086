/**
 * The Conversations service: the six operations of the Sunshine Conversations
 * v2 Conversations API, plus streams over cursor-paginated listings.
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import type * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import type { Activities } from "./Activities.js"
import type { AppKeys } from "./AppKeys.js"
import type { Apps } from "./Apps.js"
import type { Attachments } from "./Attachments.js"
import type { Clients } from "./Clients.js"
import type { ConfigurationError } from "./ConversationsError.js"
import type * as Credentials from "./Credentials.js"
import type { Devices } from "./Devices.js"
import type { IntegrationKeys } from "./IntegrationKeys.js"
import type { Integrations } from "./Integrations.js"
import type { IntegrationWebhooks } from "./IntegrationWebhooks.js"
import * as HttpClientTransport from "./internal/httpClientTransport.js"
import * as Live from "./internal/live.js"
import type { Methods } from "./internal/operation.js"
import { conversationsKey } from "./internal/tags.js"
import type { ListQuery } from "./ListQuery.js"
import type { Messages, MessagesService } from "./Messages.js"
import type { OAuth } from "./OAuth.js"
import type { families } from "./Operations.js"
import type { Participants } from "./Participants.js"
import type * as RetryPolicy from "./RetryPolicy.js"
import type { SwitchboardActions } from "./SwitchboardActions.js"
import type { SwitchboardIntegrations } from "./SwitchboardIntegrations.js"
import type { Switchboards } from "./Switchboards.js"
import type { Users, UsersService } from "./Users.js"

/**
 * What to stream and how: the list query (`filter`, and `page` with `size`
 * per request and an optional starting cursor), the call options, and read-ahead.
 *
 * @since 0.1.0
 * @category models
 */
export interface StreamOptions extends ListQuery, CallOptions {
  /**
   * Pages to fetch ahead while the consumer works on the current one.
   * 0 (the default) requests a page only when the consumer needs it.
   */
  readonly readAhead?: number | undefined
}

/**
 * The Conversations operations of one app: the app the layer was configured
 * with (`appId`, or `SUNCO_APP_ID`), or the one given to `forApp`. The
 * operations' methods (`create`, `get`, `list`, `update`, `delete`,
 * `downloadMessageRef`) and the list's streams (`stream`, `streamPages`) are
 * derived from their entries in the operation table.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConversationsService extends Methods<typeof families.Conversations> {
  /**
   * The app these operations address. Without one, every operation fails with a
   * `ValidationError` on `appId` before anything is sent: configure one, or use `forApp`.
   */
  readonly appId: Option.Option<string>
  /**
   * The same operations on another app (an account key reaches every app of the account).
   *
   * @example
   * ```ts
   * import { Conversations } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const conversations = yield* Conversations
   *   return yield* conversations.forApp("5d8cff3cd55b040010928b5c").get("c93bb9c14dde8ffb94564eae")
   * })
   * ```
   */
  readonly forApp: (appId: string) => ConversationsService
}

/**
 * @since 0.1.0
 * @category models
 */
export interface ConversationsOptions {
  /** The API's base URL: `Host.us` (default), `Host.eu`, `Host.zendesk(subdomain)` or any URL. */
  readonly baseUrl?: string | undefined
  readonly credentials: Credentials.Credentials
  /** The app the services address (`forApp` reaches others). */
  readonly appId?: string | undefined
  /** The retry policy of every call; `false` turns retries off. Default: `RetryPolicy.defaultPolicy`. */
  readonly retry?: RetryPolicy.Retry | undefined
  /** Timeout of each attempt. Default 30 seconds. */
  readonly timeout?: Duration.DurationInput | undefined
  /** Check lengths, ranges, counts and the type enum before sending. Default true. */
  readonly validateLimits?: boolean | undefined
  /**
   * The largest response body read, in bytes; a larger one is abandoned as it
   * streams in and fails with `ProtocolError`. Default 8 MiB (a page of 100
   * conversations with full metadata is under 1 MiB).
   */
  readonly maxResponseBytes?: number | undefined
  /** Add middleware to the HTTP client (logging, a proxy, your own retries). */
  readonly transformClient?: ((client: HttpClient.HttpClient) => HttpClient.HttpClient) | undefined
}

/**
 * Per-call settings that override the layer's.
 *
 * @since 0.1.0
 * @category models
 */
export interface CallOptions {
  /** `false` turns retries off for this call; a Schedule or options replace the layer's policy. */
  readonly retry?: RetryPolicy.Retry | undefined
  /** Timeout of each attempt, overriding the layer's. */
  readonly timeout?: Duration.DurationInput | undefined
}

/**
 * Every service tag: what the layers provide.
 *
 * @since 0.2.0
 * @category models
 */
export type AllServices =
  | Apps
  | AppKeys
  | Attachments
  | Conversations
  | Participants
  | Messages
  | Activities
  | SwitchboardActions
  | Switchboards
  | SwitchboardIntegrations
  | Integrations
  | IntegrationKeys
  | IntegrationWebhooks
  | Users
  | Clients
  | Devices
  | OAuth

/**
 * The services every layer provides, by name: what `make` gives. The other
 * families' services come from the same layers, through their tags.
 *
 * @since 0.1.0
 * @category models
 */
export interface Services {
  readonly conversations: ConversationsService
  readonly users: UsersService
  readonly messages: MessagesService
}

/**
 * `layerConfig`'s options: each of these fields is read from its own `Config`
 * (the `SUNCO_*` variables unless given), the others are plain values.
 *
 * @since 0.2.0
 * @category models
 */
export interface ConversationsConfig
  extends Omit<ConversationsOptions, "baseUrl" | "credentials" | "appId" | "timeout">
{
  /** Default: `SUNCO_BASE_URL`, else `https://{SUNCO_SUBDOMAIN}.zendesk.com/sc`, else `SUNCO_REGION` (`us` or `eu`). */
  readonly baseUrl?: Config.Config<string> | undefined
  /**
   * Default: `SUNCO_KEY_ID` and `SUNCO_KEY_SECRET` (read as `Redacted`), `SUNCO_AUTH` (`basic` or `jwt`),
   * `SUNCO_JWT_SCOPE`. A blank key id or secret is a `ConfigError` naming the variable.
   */
  readonly credentials?: Config.Config<Credentials.Credentials> | undefined
  /** Default: `SUNCO_APP_ID`, optional; set but blank, a `ConfigError`. */
  readonly appId?: Config.Config<string | Option.Option<string>> | undefined
  /** Default: `SUNCO_TIMEOUT`, optional (e.g. `10 seconds`). */
  readonly timeout?: Config.Config<Duration.Duration | Option.Option<Duration.Duration>> | undefined
}

const overHttpClient = (options: ConversationsOptions) =>
  Effect.flatMap(
    HttpClient.HttpClient,
    (client) =>
      Live.build(
        options,
        HttpClientTransport.make(
          // The platform's own `http.client` span would end with the request, plain
          // `Authorization` header included, in its Exit: the operation's span stands instead.
          HttpClient.withTracerDisabledWhen(
            options.transformClient ? options.transformClient(client) : client,
            () => true
          )
        )
      )
  )

/**
 * The Conversations service tag.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Conversations } from "@sunco-effect/conversations"
 *
 * const program = Effect.gen(function*() {
 *   const conversations = yield* Conversations
 *   return yield* conversations.get("c93bb9c14dde8ffb94564eae")
 * })
 * ```
 * @since 0.1.0
 * @category tags
 */
export class Conversations extends Context.Tag(conversationsKey)<
  Conversations,
  ConversationsService
>() {
  /**
   * Both services (`conversations`, `users`) on the platform's `HttpClient`, from explicit values.
   *
   * @example
   * ```ts
   * import { Conversations, Credentials } from "@sunco-effect/conversations"
   * import { Effect, Redacted } from "effect"
   *
   * const services = Conversations.make({
   *   appId: "5d8cff3cd55b040010928b5b",
   *   credentials: Credentials.basic({ keyId: "app_5d8cff3cd55b040010928b5c", secret: Redacted.make("…") })
   * })
   * const conversation = Effect.flatMap(services, ({ conversations }) => conversations.get("c93bb9c14dde8ffb94564eae"))
   * ```
   * @since 0.1.0
   */
  static readonly make = (
    options: ConversationsOptions
  ): Effect.Effect<Services, ConfigurationError, HttpClient.HttpClient> =>
    Effect.map(overHttpClient(options), (view) => view.services)

  /**
   * A layer of the live services (Conversations and Users) from explicit values, on the platform's
   * `HttpClient` (any runtime, any client middleware). On Node, `Undici.layer` from
   * `@sunco-effect/conversations/Undici` is faster.
   *
   * @example
   * ```ts
   * import { NodeHttpClient } from "@effect/platform-node"
   * import { Conversations, Credentials, Host } from "@sunco-effect/conversations"
   * import { Layer, Redacted } from "effect"
   *
   * const ConversationsLive = Conversations.layer({
   *   baseUrl: Host.eu,
   *   appId: "5d8cff3cd55b040010928b5b",
   *   credentials: Credentials.basic({ keyId: "app_5d8cff3cd55b040010928b5c", secret: Redacted.make("…") })
   * }).pipe(Layer.provide(NodeHttpClient.layerUndici))
   * ```
   * @since 0.1.0
   */
  static readonly layer = (
    options: ConversationsOptions
  ): Layer.Layer<AllServices, ConfigurationError, HttpClient.HttpClient> => Live.toLayer(overHttpClient(options))

  /**
   * A layer of the live services with options from Effect `Config`: each of `baseUrl`,
   * `credentials`, `appId` and `timeout` from the `Config` you give, or from the `SUNCO_*`
   * variables (`Conversations.defaultConfig`). A missing or invalid variable fails the layer with
   * its `ConfigError`.
   *
   * @example
   * ```ts
   * import { NodeHttpClient } from "@effect/platform-node"
   * import { Conversations } from "@sunco-effect/conversations"
   * import { Config, Layer } from "effect"
   *
   * // SUNCO_BASE_URL, SUNCO_KEY_ID, SUNCO_KEY_SECRET, …; the app from a variable of your own
   * const ConversationsLive = Conversations.layerConfig({ appId: Config.string("SUPPORT_APP_ID") }).pipe(
   *   Layer.provide(NodeHttpClient.layerUndici)
   * )
   * ```
   * @since 0.1.0
   */
  static readonly layerConfig = (
    config: ConversationsConfig = {}
  ): Layer.Layer<
    AllServices,
    ConfigError.ConfigError | ConfigurationError,
    HttpClient.HttpClient
  > => Live.toLayer(Effect.flatMap(Live.options(config), overHttpClient))

  /**
   * Where `layerConfig` reads each option when not told otherwise: the `SUNCO_*` variables.
   *
   * @since 0.2.0
   */
  static readonly defaultConfig = Live.defaultConfig
}
