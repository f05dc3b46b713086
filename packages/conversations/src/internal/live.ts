/**
 * Building the live services, shared by `Conversations` (over the platform's
 * HttpClient) and `Undici`: from options and a transport to the two
 * services, from services to a layer, and from `Config` to options.
 */
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import type { AllServices, ConversationsConfig, ConversationsOptions } from "../Conversations.js"
import type { ConfigurationError } from "../ConversationsError.js"
import * as Credentials from "../Credentials.js"
import * as Host from "../Host.js"
import * as HttpBackend from "./httpBackend.js"
import * as Pipeline from "./pipeline.js"
import { makeServices, type View } from "./service.js"
import type { Transport } from "./transport.js"
import { userAgent } from "./version.js"

/** Both live services on a transport. */
export const build = (
  options: ConversationsOptions,
  transport: Transport
): Effect.Effect<View, ConfigurationError> =>
  Effect.gen(function*() {
    const baseUrl = yield* Either.match(Host.validateBaseUrl(options.baseUrl ?? Host.us), {
      onLeft: Effect.fail,
      onRight: Effect.succeed
    })
    const authorization = yield* Credentials.authorizationSource(options.credentials)
    const backend = HttpBackend.make(
      {
        baseUrl,
        authorization,
        settings: Pipeline.settings(options),
        userAgent,
        maxResponseBytes: options.maxResponseBytes ?? 8 * 1024 * 1024
      },
      transport
    )
    return makeServices(backend, { limits: options.validateLimits ?? true }, Option.fromNullable(options.appId))
  })

/** The services as a layer; what the build acquires in its scope (an undici Agent) is released with it. */
export const toLayer = <E, R>(
  view: Effect.Effect<View, E, R>
): Layer.Layer<AllServices, E, Exclude<R, Scope.Scope>> => Layer.scopedContext(Effect.map(view, (v) => v.context))

const optional = <A>(config: Config.Config<A | Option.Option<A>>): Config.Config<A | undefined> =>
  Config.map(config, (a) => Option.isOption(a) ? Option.getOrUndefined(a) : a)

const blank = "must not be empty or only whitespace"

// Validated inside the name, so the ConfigError's path names the variable.
const nonBlank = (name: string): Config.Config<string> =>
  Config.string().pipe(Config.validate({ message: blank, validation: (s) => s.trim().length > 0 }), Config.nested(name))

// The message is fixed: a secret, even a wrong one, never reaches an error.
const nonBlankSecret = (name: string): Config.Config<Redacted.Redacted<string>> =>
  Config.redacted().pipe(
    Config.validate({ message: blank, validation: (r) => Redacted.value(r).trim().length > 0 }),
    Config.nested(name)
  )

/**
 * Where each option comes from by default: the `SUNCO_*` variables. An empty
 * or whitespace-only key id, secret or app id is refused here, naming the
 * variable, before anything is built or sent.
 */
export const defaultConfig = {
  baseUrl: Config.all({
    baseUrl: Config.option(Config.string("SUNCO_BASE_URL")),
    subdomain: Config.option(Config.string("SUNCO_SUBDOMAIN")),
    region: Config.literal("us", "eu")("SUNCO_REGION").pipe(Config.withDefault("us" as const))
  }).pipe(Config.mapOrFail((c) =>
    Option.isSome(c.baseUrl)
      ? Either.right(c.baseUrl.value)
      : Option.isSome(c.subdomain)
      ? Either.mapLeft(Host.validateSubdomain(c.subdomain.value), (e) =>
        ConfigError.InvalidData(["SUNCO_SUBDOMAIN"], e.detail))
      : Either.right(c.region === "eu" ? Host.eu : Host.us)
  )),
  credentials: Config.all({
    keyId: nonBlank("SUNCO_KEY_ID"),
    secret: nonBlankSecret("SUNCO_KEY_SECRET"),
    auth: Config.literal("basic", "jwt")("SUNCO_AUTH").pipe(Config.withDefault("basic" as const)),
    scope: Config.literal("app", "account", "integration")("SUNCO_JWT_SCOPE").pipe(Config.withDefault("app" as const))
  }).pipe(Config.map((c): Credentials.Credentials =>
    c.auth === "jwt"
      ? Credentials.jwt({ keyId: c.keyId, secret: c.secret, scope: c.scope })
      : Credentials.basic({ keyId: c.keyId, secret: c.secret })
  )),
  appId: Config.option(nonBlank("SUNCO_APP_ID")),
  timeout: Config.option(Config.duration("SUNCO_TIMEOUT"))
} satisfies Required<Pick<ConversationsConfig, "baseUrl" | "credentials" | "appId" | "timeout">>

/** The options, each field from its own `Config` (the user's, or the `SUNCO_*` default). */
export const options = <O extends ConversationsConfig>(
  config: O
): Effect.Effect<Omit<O, keyof typeof defaultConfig> & ConversationsOptions, ConfigError.ConfigError> =>
  Effect.map(
    Config.all({
      baseUrl: config.baseUrl ?? defaultConfig.baseUrl,
      credentials: config.credentials ?? defaultConfig.credentials,
      appId: optional(config.appId ?? defaultConfig.appId),
      timeout: optional(config.timeout ?? defaultConfig.timeout)
    }),
    (fromConfig) => ({ ...config, ...fromConfig })
  )
