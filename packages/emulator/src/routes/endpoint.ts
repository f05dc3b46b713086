/**
 * What every API route does around its own work: authenticate against the
 * app in the path and the scopes the operation allows, roll the fault dice,
 * read and check a JSON body.
 */
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { Validation } from "@sunco-effect/conversations/Testing"
import { InMemoryStore } from "@sunco-effect/conversations/Testing"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { type Access, type ApiKey, authorize, isFailure, type MadeKeys, type Scope } from "../Auth.js"
import { EmulatorState, type EmulatorStateShape } from "../EmulatorState.js"
import { type ApiFailure, errorResponse, failures } from "../ErrorBody.js"
import type { RouteName } from "../Faults.js"
import * as Body from "../internal/body.js"
import { note } from "../internal/requestNotes.js"

/** A route's own work: given the request, its path params, the state and the key that called, the response. */
export type Handler = (
  request: HttpServerRequest.HttpServerRequest,
  params: Readonly<Record<string, string | undefined>>,
  state: EmulatorStateShape,
  key: ApiKey | undefined
) => Effect.Effect<HttpServerResponse.HttpServerResponse>

/**
 * What a route asks of the credentials: the scopes its operation allows
 * (none: it takes no credentials, though a key that verifies is still the
 * caller) and whether its path names an app.
 */
export interface Security {
  readonly scopes: ReadonlyArray<Scope>
  readonly appInPath: boolean
}

const asKey = (key: InMemoryStore.StoredKey): ApiKey => ({
  id: key.id,
  secret: key.secret,
  scope: key.integrationId === undefined ? "app" : "integration",
  appId: key.appId,
  integrationId: key.integrationId
})

/** The keys of the state's store: those made through the API, and OAuth grants. */
const madeKeys = (state: EmulatorStateShape): MadeKeys => ({
  byId: (id) => {
    const key = InMemoryStore.madeKey(state.store, id)
    return key === undefined ? undefined : asKey(key)
  },
  byToken: (token) => {
    const grant = InMemoryStore.grantOf(state.store, token)
    return grant === undefined ? undefined : asKey(grant)
  }
})

const faultNames = { Drop: "drop", RateLimit: "rateLimit", ServerError: "serverError" } as const

const malformedBody = "{\"conversation\":{\"id\":"

/** Wrap a handler with authentication and fault injection. */
export const endpoint = (route: RouteName, security: Security, handler: Handler) =>
  // One context read for request, params and state: this runs on every request.
  Effect.contextWithEffect((
    context: Context.Context<EmulatorState | HttpServerRequest.HttpServerRequest | HttpRouter.RouteContext>
  ) => {
    const state = Context.get(context, EmulatorState)
    const request = Context.get(context, HttpServerRequest.HttpServerRequest)
    const params = Context.get(context, HttpRouter.RouteContext).params
    const header = request.headers["authorization"]
    const appId = security.appInPath ? params.appId ?? "" : undefined
    const open = security.scopes.length === 0
    const access: Access = {
      scopes: open ? undefined : security.scopes,
      made: madeKeys(state),
      zendeskHosted: appId !== undefined && state.zendeskHosted.has(appId) && request.url.startsWith("/sc/")
    }
    const authorized = open && header === undefined
      ? undefined
      : authorize(header, appId, state.keys, undefined, access)
    let key: ApiKey | undefined
    if (authorized !== undefined && isFailure(authorized)) {
      // An operation that takes no credentials proceeds without a caller.
      if (!open) {
        note(request, { route })
        return Effect.succeed(errorResponse(authorized))
      }
    } else key = authorized
    const fault = state.faults.decide(route)
    note(request, {
      route,
      keyId: key?.id,
      fault: fault._tag === "Proceed"
        ? (fault.malformed ? "malformed" : fault.delayMs > 0 ? "slow" : undefined)
        : faultNames[fault._tag]
    })
    switch (fault._tag) {
      case "Drop":
        NodeHttpServerRequest.toIncomingMessage(request).socket.destroy()
        return Effect.succeed(HttpServerResponse.empty({ status: 500 }))
      case "RateLimit":
        return Effect.succeed(errorResponse(failures.rateLimited, { "retry-after": String(fault.retryAfterSeconds) }))
      case "ServerError":
        return Effect.succeed(errorResponse(failures.serverError(fault.status)))
    }
    const response = handler(request, params, state, key)
    const answered = fault.malformed
      ? Effect.map(
        response,
        (r) => HttpServerResponse.text(malformedBody, { status: r.status, contentType: "application/json" })
      )
      : response
    return fault.delayMs > 0 ? Effect.zipRight(Effect.sleep(fault.delayMs), answered) : answered
  })

/**
 * Read a JSON body: none at all reads as `{}`; 413 past the service's limit
 * (counted as it streams), 400 for a content type other than JSON, bad UTF-8
 * or JSON, JSON nested too deep,
 * a body that breaks a rule (checked on the JSON as sent, so a participant
 * with both ids is refused as the client refuses it) or that the schema rejects.
 */
export const readBody = <A, I>(
  request: HttpServerRequest.HttpServerRequest,
  schema: Schema.Schema<A, I>,
  check: (body: unknown) => Validation.Violation | undefined
): Effect.Effect<Either.Either<A, ApiFailure>> => {
  const checked = (json: unknown): Either.Either<A, ApiFailure> => {
    const violation = check(json)
    if (violation) return Either.left(failures.badRequest(`Invalid body: ${violation.field} ${violation.detail}`))
    return Either.mapLeft(
      Schema.decodeUnknownEither(schema, { onExcessProperty: "ignore" })(json),
      (e) => failures.badRequest(Body.boundedTitle("Invalid body", ParseResult.ArrayFormatter.formatErrorSync(e)))
    )
  }
  // No body at all reads as `{}`: the spec makes some bodies optional (ReleaseControl, SyncUser), and the
  // official SDK sends none there; where `{}` breaks a rule, the answer says which.
  if (isBodiless(request)) return Effect.succeed(checked({}))
  if (!Body.isJsonContentType(request.headers["content-type"])) {
    return Effect.succeed(Either.left(failures.unsupportedMediaType))
  }
  return Effect.map(
    Body.readText(request, Validation.MAX_BODY_BYTES),
    (text) => Either.flatMap(Either.flatMap(text, Body.parseJson), checked)
  )
}

const isBodiless = (request: HttpServerRequest.HttpServerRequest): boolean =>
  request.headers["content-type"] === undefined && request.headers["transfer-encoding"] === undefined &&
  (request.headers["content-length"] ?? "0") === "0"

/** Answer a store result: the value wrapped by `wrap`, or the failure. */
export const respond = <A>(
  result: Either.Either<A, ApiFailure>,
  status: number,
  wrap: (a: A) => unknown
): HttpServerResponse.HttpServerResponse =>
  Either.isRight(result)
    ? HttpServerResponse.unsafeJson(wrap(result.right), { status })
    : errorResponse(result.left)

export const limits: Validation.ValidationOptions = { limits: true }
