/**
 * The emulator: an HTTP app over an in-memory store, a server on a port, and
 * a Layer that starts one on an ephemeral port for tests.
 *
 * @since 0.1.0
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpMiddleware from "@effect/platform/HttpMiddleware"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServer from "@effect/platform/HttpServer"
import type * as HttpServerError from "@effect/platform/HttpServerError"
import { ConfigurationError } from "@sunco-effect/conversations"
import { InMemoryStore } from "@sunco-effect/conversations/Testing"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Runtime from "effect/Runtime"
import { type ApiKey, keysOf, zendeskHostedOf } from "./Auth.js"
import * as DefaultSeed from "./DefaultSeed.js"
import type { EmulatorSeed } from "./EmulatorSeed.js"
import { EmulatorState, type EmulatorStateShape } from "./EmulatorState.js"
import { errorResponse, failures } from "./ErrorBody.js"
import { type FaultConfig, Faults } from "./Faults.js"
import { DeliveryEngine } from "./internal/delivery/engine.js"
import * as FrontDoor from "./internal/frontDoor.js"
import { RequestLog } from "./internal/requestLog.js"
import * as NodeServer from "./internal/server.js"
import { adminRoutes } from "./routes/admin.js"
import { deliveryRoutes } from "./routes/deliveries.js"
import { inspectorRoutes } from "./routes/inspector.js"
import { operationRoutes } from "./routes/operations.js"
import * as WebhookDelivery from "./WebhookDelivery.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface EmulatorOptions {
  /** Apps, keys, users and conversations. Default: `DefaultSeed.seed`. */
  readonly seed?: EmulatorSeed | undefined
  /** Also seed this app with one app-scoped key (the CLI's `--app-id`, `--key-id`, `--key-secret`). */
  readonly app?: { readonly appId: string; readonly keyId: string; readonly keySecret: string } | undefined
  readonly faults?: FaultConfig | undefined
  /**
   * The base URL `links` in list responses point at (as the service's point at
   * itself). Default: the address the server listens on.
   */
  readonly publicBaseUrl?: string | undefined
  /** Called with one line per request (method, path, status, duration). Never given headers. */
  readonly log?: ((line: string) => void) | undefined
  /**
   * How long a request's headers and body may take to arrive, in milliseconds
   * (a whole number, at least 1). A request still incomplete then gets a 408
   * in the API's error shape and its connection is closed. Node looks for late
   * requests every quarter of this (at least 10 ms, at most 1 s), so the 408
   * comes at most that much after the deadline: by 11 s with the default.
   * Slow answers (the `slow` fault) do not count: the clock stops once the
   * request is in. Default: 10000.
   *
   * @since 0.2.0
   */
  readonly requestTimeoutMs?: number | undefined
  /**
   * How webhooks are delivered: the events of the store (a message posted, a
   * conversation created, …) go to the webhooks of the apps' custom
   * integrations, as the service delivers them. `clockSpeed` runs the retry
   * schedule faster (60: the 15-minute schedule in 15 s); `faults` drop,
   * duplicate, delay and reorder deliveries from a seed.
   */
  readonly webhooks?: WebhookDelivery.DeliveryOptions | undefined
}

/**
 * Where a running emulator is and the credentials of its first app key.
 *
 * @since 0.1.0
 * @category models
 */
export interface EmulatorInfo {
  readonly baseUrl: string
  /** The inspector page: state, live request log, faults and reset (`{baseUrl}/__emulator/`). */
  readonly inspectorUrl: string
  readonly appId: string
  readonly keyId: string
  readonly keySecret: Redacted.Redacted<string>
  /** The live state, for tests that want to look or poke without HTTP. */
  readonly state: EmulatorStateShape
  /** Webhook delivery: what is pending, the attempts made, redelivery. */
  readonly delivery: WebhookDelivery.WebhookDelivery
}

const router = HttpRouter.empty.pipe(
  HttpRouter.concat(operationRoutes),
  HttpRouter.concat(adminRoutes),
  HttpRouter.concat(deliveryRoutes),
  HttpRouter.concat(inspectorRoutes)
)

/**
 * The emulator as an HttpApp: unknown routes get 404 in the API's shape, and
 * no failure escapes as a crash.
 *
 * @since 0.1.0
 * @category app
 */
export const app = router.pipe(
  Effect.catchTag("RouteNotFound", () => Effect.succeed(errorResponse(failures.routeNotFound))),
  Effect.catchAllCause(() => Effect.succeed(errorResponse(failures.serverError(500))))
)

/**
 * Build the state an emulator serves, or say what is wrong with the seed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeState = (options: EmulatorOptions = {}): Either.Either<EmulatorStateShape, ConfigurationError> => {
  const timeout = options.requestTimeoutMs
  if (timeout !== undefined && !(Number.isSafeInteger(timeout) && timeout >= 1)) {
    return Either.left(
      new ConfigurationError({ detail: `requestTimeoutMs must be a whole number >= 1, got ${timeout}` })
    )
  }
  const base = options.seed ?? DefaultSeed.seed
  const extra = options.app
  const initialSeed: EmulatorSeed = extra && !base.apps.some((a) => a.id === extra.appId)
    ? { ...base, apps: [...base.apps, { id: extra.appId }] }
    : base
  const extraKeys: Array<ApiKey> = extra
    ? [{ id: extra.keyId, secret: extra.keySecret, scope: "app", appId: extra.appId }]
    : []
  return Either.map(
    Either.mapLeft(
      InMemoryStore.InMemoryStore.make(initialSeed),
      (detail) => new ConfigurationError({ detail: `invalid seed: ${detail}` })
    ),
    (store) => {
      const keys = keysOf(initialSeed)
      for (const key of extraKeys) keys.set(key.id, key)
      return {
        store,
        faults: new Faults(options.faults ?? {}),
        keys,
        zendeskHosted: zendeskHostedOf(initialSeed),
        initialSeed,
        extraKeys,
        publicBaseUrl: options.publicBaseUrl ?? "http://127.0.0.1",
        log: new RequestLog(),
        allowedHosts: FrontDoor.loopbackHosts(options.publicBaseUrl)
      }
    }
  )
}

/** The first app key of the state, as the credentials to print or provide. */
const firstAppKey = (state: EmulatorStateShape, options: EmulatorOptions) => {
  if (options.app) return { appId: options.app.appId, keyId: options.app.keyId, secret: options.app.keySecret }
  const key = [...state.keys.values()].find((k) => k.scope === "app")
  return { appId: key?.appId ?? "", keyId: key?.id ?? "", secret: key?.secret ?? "" }
}

/**
 * The store's events, delivered to the webhooks of its apps' custom
 * integrations for as long as the scope lives.
 */
const deliver = (state: EmulatorStateShape, options: WebhookDelivery.DeliveryOptions | undefined) =>
  Effect.gen(function*() {
    // Built in this scope: delivery's fibers use the client long after `make` returns. Fetch, not
    // undici's Agent: the emulator also runs on Bun and Deno.
    const client = yield* Layer.build(FetchHttpClient.layer)
    const delivery = yield* Effect.provide(WebhookDelivery.make(options), client)
    const runtime = yield* Effect.runtime<never>()
    const unsubscribe = state.store.subscribe((event) => {
      const webhooks = InMemoryStore.webhooksOf(state.store, event.appId)
      if (webhooks.length === 0) return
      const { appId, ...rest } = event
      Runtime.runFork(runtime)(delivery.publish(appId, webhooks, [rest]))
    })
    yield* Effect.addFinalizer(() => Effect.sync(unsubscribe))
    return delivery
  })

/**
 * Serve the emulator on `host:port` (port 0 picks a free one) for the life of
 * the scope, and describe where it is.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerServer = (
  options: EmulatorOptions & { readonly host?: string | undefined; readonly port?: number | undefined } = {}
): Layer.Layer<Emulator, ConfigurationError | HttpServerError.ServeError> =>
  Layer.unwrapScoped(
    Effect.gen(function*() {
      const state = yield* Either.match(makeState(options), { onLeft: Effect.fail, onRight: Effect.succeed })
      const delivery = yield* deliver(state, options.webhooks)
      const served = FrontDoor.guard(options.log)(app)
      const server = NodeHttpServer.layer(() => NodeServer.make(options.requestTimeoutMs), {
        host: options.host ?? "127.0.0.1",
        port: options.port ?? 0
      })
      const info = Layer.effect(
        Emulator,
        HttpServer.addressWith((address) =>
          Effect.succeed<EmulatorInfo>((() => {
            const key = firstAppKey(state, options)
            const host = address._tag === "TcpAddress"
              ? (address.hostname.includes(":") ? `[${address.hostname}]` : address.hostname)
              : "127.0.0.1"
            const port = address._tag === "TcpAddress" ? address.port : 0
            const baseUrl = `http://${host}:${port}`
            if (options.publicBaseUrl === undefined) state.publicBaseUrl = baseUrl
            state.allowedHosts.add(host.toLowerCase())
            return {
              baseUrl,
              inspectorUrl: `${baseUrl}/__emulator/`,
              appId: key.appId,
              keyId: key.keyId,
              keySecret: Redacted.make(key.secret),
              state,
              delivery
            }
          })())
        )
      )
      // Per-request server spans cost ~25% of throughput and a test tool has no one to send them to.
      const serve = HttpMiddleware.withTracerDisabledWhen(
        HttpServer.serve(served.pipe(
          Effect.provideService(EmulatorState, state),
          Effect.provideService(DeliveryEngine, delivery)
        )),
        () => true
      )
      return Layer.merge(serve, info).pipe(Layer.provideMerge(server))
    })
  ).pipe(Layer.map((ctx) => Context.make(Emulator, Context.get(ctx, Emulator))))

/**
 * An emulator on an ephemeral loopback port, for tests. Quiet, default seed
 * unless told otherwise.
 *
 * @example
 * ```ts
 * import { Emulator } from "@sunco-effect/emulator"
 * import { Effect } from "effect"
 *
 * // in a test suite: layer(Emulator.layer())("against the emulator", (it) => …)
 * const baseUrl = Effect.map(Emulator, (emulator) => emulator.baseUrl).pipe(Effect.provide(Emulator.layer()))
 * ```
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: EmulatorOptions = {}) => layerServer({ ...options, port: 0 })

/**
 * The running emulator's address and credentials. `Emulator.layer()` starts one.
 *
 * @since 0.1.0
 * @category tags
 */
export class Emulator extends Context.Tag("@sunco-effect/emulator/Emulator")<Emulator, EmulatorInfo>() {
  /** See `layer`. */
  static readonly layer = layer
  /** See `layerServer`. */
  static readonly layerServer = layerServer
}
