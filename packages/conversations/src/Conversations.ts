/**
 * The Conversations service: the six operations of the Sunshine Conversations
 * v2 Conversations API, plus streams over cursor-paginated listings.
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import type * as Stream from "effect/Stream"
import type { Conversation } from "./Conversation.js"
import type { ConversationCreateBody, ConversationUpdateBody } from "./ConversationBody.js"
import {
  ConfigurationError,
  type CreateError,
  type DeleteError,
  type DownloadMessageRefError,
  type GetError,
  type ListError,
  type UpdateError
} from "./ConversationsError.js"
import * as Credentials from "./Credentials.js"
import type { DownloadMessageRefBody, DownloadMessageRefResponse } from "./DownloadMessageRef.js"
import * as Host from "./Host.js"
import type { ListQuery } from "./ListQuery.js"
import type { CallOptions } from "./Operations.js"
import type { ConversationPage } from "./Pagination.js"
import * as HttpBackend from "./internal/httpBackend.js"
import * as Pipeline from "./internal/pipeline.js"
import * as HttpClientTransport from "./internal/httpClientTransport.js"
import type { Transport } from "./internal/transport.js"
import { makeServices } from "./internal/service.js"
import { userAgent } from "./internal/version.js"
import * as RetryPolicy from "./RetryPolicy.js"
import { Users, type UsersService } from "./Users.js"

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
 * with (`appId`, or `SUNCO_APP_ID`), or the one given to `forApp`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConversationsService {
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
   * const other = yield* conversations.forApp("5d8cff3cd55b040010928b5c").get(conversationId)
   * ```
   */
  readonly forApp: (appId: string) => ConversationsService
  /**
   * CreateConversation. Returns the created conversation (the `{ conversation }` envelope unwrapped).
   *
   * @example
   * ```ts
   * const conversation = yield* conversations.create({
   *   type: "sdkGroup",
   *   participants: [{ userExternalId: "customer-17" }],
   *   displayName: "Order #1234"
   * })
   * ```
   */
  readonly create: (body: ConversationCreateBody, options?: CallOptions) => Effect.Effect<Conversation, CreateError>
  /**
   * GetConversation.
   *
   * @example
   * ```ts
   * const conversation = yield* conversations.get("c93bb9c14dde8ffb94564eae")
   * ```
   */
  readonly get: (conversationId: string, options?: CallOptions) => Effect.Effect<Conversation, GetError>
  /**
   * ListConversations: one page. Use `stream` to walk every page.
   *
   * @example
   * ```ts
   * const page = yield* conversations.list({ filter: { userId }, page: { size: 50 } })
   * ```
   */
  readonly list: (query: ListQuery, options?: CallOptions) => Effect.Effect<ConversationPage, ListError>
  /**
   * UpdateConversation: only the given fields change; `null` clears a field.
   *
   * @example
   * ```ts
   * yield* conversations.update(id, { displayName: "Renamed", description: null })
   * ```
   */
  readonly update: (
    conversationId: string,
    body: ConversationUpdateBody,
    options?: CallOptions
  ) => Effect.Effect<Conversation, UpdateError>
  /**
   * DeleteConversation. A user's default conversation fails with `DefaultConversationUndeletable`.
   *
   * @example
   * ```ts
   * yield* conversations.delete(id).pipe(
   *   Effect.catchTag("DefaultConversationUndeletable", () => Effect.void)
   * )
   * ```
   */
  readonly delete: (conversationId: string, options?: CallOptions) => Effect.Effect<void, DeleteError>
  /**
   * DownloadMessageRef: fetch the data behind a third-party channel's message reference (Apple only).
   */
  readonly downloadMessageRef: (
    conversationId: string,
    body: DownloadMessageRefBody,
    options?: CallOptions
  ) => Effect.Effect<DownloadMessageRefResponse, DownloadMessageRefError>
  /**
   * Every conversation of a user, following the cursors lazily. Takes the same
   * `filter` and `page` as `list` (`page.size` per request; `page.after` or
   * `page.before` to start from a cursor, walking forwards or backwards).
   *
   * @example
   * ```ts
   * const all = yield* conversations.stream({ filter: { userExternalId: "customer-17" }, page: { size: 100 } }).pipe(
   *   Stream.runCollect
   * )
   * ```
   */
  readonly stream: (options: StreamOptions) => Stream.Stream<Conversation, ListError>
  /**
   * Every page of a user's conversations, with `meta` and `links`.
   */
  readonly streamPages: (options: StreamOptions) => Stream.Stream<ConversationPage, ListError>
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
  /** Add middleware to the HTTP client (logging, a proxy, your own retries). */
  readonly transformClient?: ((client: HttpClient.HttpClient) => HttpClient.HttpClient) | undefined
}

/**
 * Build both live services (Conversations and Users) on a transport.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeWith = (options: ConversationsOptions, transport: Transport) =>
  Effect.gen(function*() {
    const baseUrl = yield* Either.match(Host.validateBaseUrl(options.baseUrl ?? Host.us), {
      onLeft: Effect.fail,
      onRight: Effect.succeed
    })
    const authorization = yield* Credentials.authorization(options.credentials)
    const backend = HttpBackend.make({ baseUrl, authorization, settings: Pipeline.settings(options), userAgent }, transport)
    return makeServices(backend, { limits: options.validateLimits ?? true }, Option.fromNullable(options.appId))
  })

/**
 * Build both live services (Conversations and Users) on the platform's HttpClient.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeAll = (options: ConversationsOptions) =>
  Effect.flatMap(HttpClient.HttpClient, (client) =>
    makeWith(options, HttpClientTransport.make(options.transformClient ? options.transformClient(client) : client)))

/**
 * The two services as a layer, from whatever builds them. Resources the
 * build acquires in its `Scope` (an undici Agent) are released with the layer.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFrom = <E, R>(
  build: Effect.Effect<{ readonly conversations: ConversationsService; readonly users: UsersService }, E, R>
): Layer.Layer<Conversations | Users, E, Exclude<R, Scope.Scope>> =>
  Layer.scopedContext(
    Effect.map(build, (s) => Context.make(Conversations, s.conversations).pipe(Context.add(Users, s.users)))
  )

/**
 * Build the Conversations service on an HttpClient.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: ConversationsOptions
): Effect.Effect<ConversationsService, ConfigurationError, HttpClient.HttpClient> =>
  Effect.map(makeAll(options), (s) => s.conversations)

/**
 * A layer of the live services (Conversations and Users) from explicit values,
 * on the platform's HttpClient (any runtime, any client middleware). On Node,
 * `Undici.layer` from `@sunco-effect/conversations/Undici` is faster.
 *
 * @example
 * ```ts
 * import { NodeHttpClient } from "@effect/platform-node"
 * import { Layer, Redacted } from "effect"
 * import { Conversations, Credentials, Host } from "@sunco-effect/conversations"
 *
 * const ConversationsLive = Conversations.layer({
 *   baseUrl: Host.eu,
 *   credentials: Credentials.basic({ keyId: "app_…", secret: Redacted.make("…") })
 * }).pipe(Layer.provide(NodeHttpClient.layerUndici))
 * ```
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: ConversationsOptions
): Layer.Layer<Conversations | Users, ConfigurationError, HttpClient.HttpClient> => layerFrom(makeAll(options))

/**
 * The options read from configuration (environment variables by default):
 *
 * | variable | meaning |
 * |---|---|
 * | `SUNCO_BASE_URL` | base URL; or `SUNCO_SUBDOMAIN` for `https://{subdomain}.zendesk.com/sc`, or `SUNCO_REGION` = `us` / `eu` |
 * | `SUNCO_APP_ID` | optional app id |
 * | `SUNCO_KEY_ID`, `SUNCO_KEY_SECRET` | the API key |
 * | `SUNCO_AUTH` | `basic` (default) or `jwt` |
 * | `SUNCO_JWT_SCOPE` | `app` (default), `account` or `integration` |
 * | `SUNCO_TIMEOUT` | per-attempt timeout, a duration such as `10 seconds` |
 *
 * @since 0.1.0
 * @category config
 */
export const config: Config.Config<ConversationsOptions> = Config.all({
  baseUrl: Config.option(Config.string("SUNCO_BASE_URL")),
  subdomain: Config.option(Config.string("SUNCO_SUBDOMAIN")),
  region: Config.literal("us", "eu")("SUNCO_REGION").pipe(Config.withDefault("us" as const)),
  appId: Config.option(Config.string("SUNCO_APP_ID")),
  keyId: Config.string("SUNCO_KEY_ID"),
  secret: Config.redacted("SUNCO_KEY_SECRET"),
  auth: Config.literal("basic", "jwt")("SUNCO_AUTH").pipe(Config.withDefault("basic" as const)),
  scope: Config.literal("app", "account", "integration")("SUNCO_JWT_SCOPE").pipe(Config.withDefault("app" as const)),
  timeout: Config.option(Config.duration("SUNCO_TIMEOUT"))
}).pipe(
  Config.mapOrFail((c) => {
    const baseUrl = Option.isSome(c.baseUrl)
      ? Either.right(c.baseUrl.value)
      : Option.isSome(c.subdomain)
      ? Either.mapLeft(Host.validateSubdomain(c.subdomain.value), (e) => ConfigError.InvalidData(["SUNCO_SUBDOMAIN"], e.detail))
      : Either.right(c.region === "eu" ? Host.eu : Host.us)
    return Either.map(baseUrl, (baseUrl): ConversationsOptions => ({
      baseUrl,
      appId: Option.getOrUndefined(c.appId),
      timeout: Option.getOrUndefined(c.timeout),
      credentials: c.auth === "jwt"
        ? Credentials.jwt({ keyId: c.keyId, secret: c.secret, scope: c.scope })
        : Credentials.basic({ keyId: c.keyId, secret: c.secret })
    }))
  })
)

/**
 * A layer of the live services from Effect `Config` (see `config`), with
 * optional overrides for what configuration does not carry (retry policy,
 * client middleware).
 *
 * @example
 * ```ts
 * const ConversationsLive = Conversations.layerConfig().pipe(Layer.provide(NodeHttpClient.layerUndici))
 * ```
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  overrides: Omit<Partial<ConversationsOptions>, "credentials" | "baseUrl"> = {},
  from: Config.Config<ConversationsOptions> = config
): Layer.Layer<Conversations | Users, ConfigurationError, HttpClient.HttpClient> => layerFromConfig(from, overrides, layer)

/**
 * Read options from `Config`, apply overrides, and build a layer with them;
 * a configuration error becomes a `ConfigurationError`.
 *
 * @since 0.1.0
 * @category config
 */
export const layerFromConfig = <O extends ConversationsOptions, R>(
  from: Config.Config<ConversationsOptions>,
  overrides: Omit<Partial<O>, "credentials" | "baseUrl">,
  build: (options: O) => Layer.Layer<Conversations | Users, ConfigurationError, R>
): Layer.Layer<Conversations | Users, ConfigurationError, R> =>
  Layer.unwrapEffect(
    Effect.map(
      Effect.mapError(from, (e) => new ConfigurationError({ detail: String(e) })),
      (options) => build({ ...options, ...overrides } as O)
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
 *   return yield* conversations.get("5d8cff3cd55b040010928b5b", "c93bb9c14dde8ffb94564eae")
 * })
 * ```
 * @since 0.1.0
 * @category tags
 */
export class Conversations extends Context.Tag("@sunco-effect/conversations/Conversations")<
  Conversations,
  ConversationsService
>() {
  /** See `layer`. */
  static readonly layer = layer
  /** See `layerConfig`. */
  static readonly layerConfig = layerConfig
  /** See `make`. */
  static readonly make = make
  /** See `config`. */
  static readonly config = config
}

