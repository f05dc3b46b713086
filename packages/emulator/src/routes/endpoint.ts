/**
 * What every API route does around its own work: authenticate against the
 * app in the path, roll the fault dice, read and check a JSON body.
 */
import * as NodeHttpServerRequest from "@effect/platform-node/NodeHttpServerRequest"
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { Validation } from "@sunco-effect/conversations/Testing"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { authorize } from "../Auth.js"
import { EmulatorState, type EmulatorStateShape } from "../EmulatorState.js"
import { type ApiFailure, errorResponse, failures } from "../ErrorBody.js"
import type { RouteName } from "../Faults.js"

/** A route's own work: given the request, its path params and the state, the response. */
export type Handler = (
  request: HttpServerRequest.HttpServerRequest,
  params: Readonly<Record<string, string | undefined>>,
  state: EmulatorStateShape
) => Effect.Effect<HttpServerResponse.HttpServerResponse>

const malformedBody = "{\"conversation\":{\"id\":"

/** Wrap a handler with authentication and fault injection. */
export const endpoint = (route: RouteName, handler: Handler) =>
  // One context read for request, params and state: this runs on every request.
  Effect.contextWithEffect((
    context: Context.Context<EmulatorState | HttpServerRequest.HttpServerRequest | HttpRouter.RouteContext>
  ) => {
    const state = Context.get(context, EmulatorState)
    const request = Context.get(context, HttpServerRequest.HttpServerRequest)
    const params = Context.get(context, HttpRouter.RouteContext).params
    const denied = authorize(request.headers["authorization"], params.appId ?? "", state.keys)
    if (denied) return Effect.succeed(errorResponse(denied))
    const fault = state.faults.decide(route)
    switch (fault._tag) {
      case "Drop":
        NodeHttpServerRequest.toIncomingMessage(request).socket.destroy()
        return Effect.succeed(HttpServerResponse.empty({ status: 500 }))
      case "RateLimit":
        return Effect.succeed(errorResponse(failures.rateLimited, { "retry-after": String(fault.retryAfterSeconds) }))
      case "ServerError":
        return Effect.succeed(errorResponse(failures.serverError(fault.status)))
    }
    const response = handler(request, params, state)
    const answered = fault.malformed
      ? Effect.map(response, (r) =>
        HttpServerResponse.text(malformedBody, { status: r.status, contentType: "application/json" }))
      : response
    return fault.delayMs > 0 ? Effect.zipRight(Effect.sleep(fault.delayMs), answered) : answered
  })

const formatIssue = (e: ParseResult.ParseError) =>
  ParseResult.ArrayFormatter.formatErrorSync(e)
    .map((i) => `${i.path.length ? i.path.join(".") : "body"}: ${i.message}`)
    .join("; ")

/**
 * Read a JSON body: 413 over the service's limit, 400 for a wrong content
 * type, bad JSON, a body the schema rejects or one that breaks a rule.
 */
export const readBody = <A, I>(
  request: HttpServerRequest.HttpServerRequest,
  schema: Schema.Schema<A, I>,
  check: (body: A) => Validation.Violation | undefined
): Effect.Effect<Either.Either<A, ApiFailure>> =>
  Effect.gen(function*() {
    const length = Number(request.headers["content-length"] ?? "0")
    if (length > Validation.MAX_BODY_BYTES) return Either.left(failures.payloadTooLarge)
    const contentType = request.headers["content-type"] ?? ""
    if (!contentType.toLowerCase().startsWith("application/json")) return Either.left(failures.unsupportedMediaType)
    const text = yield* Effect.either(request.text)
    if (Either.isLeft(text)) return Either.left(failures.invalidJson)
    // Chunked bodies carry no content-length: check what arrived.
    if (Validation.checkBodySize(text.right)) return Either.left(failures.payloadTooLarge)
    let json: unknown
    try {
      json = JSON.parse(text.right)
    } catch {
      return Either.left(failures.invalidJson)
    }
    const decoded = Schema.decodeUnknownEither(schema, { onExcessProperty: "ignore" })(json)
    if (Either.isLeft(decoded)) return Either.left(failures.badRequest(`Invalid body: ${formatIssue(decoded.left)}`))
    const violation = check(decoded.right)
    return violation
      ? Either.left(failures.badRequest(`Invalid body: ${violation.field} ${violation.detail}`))
      : Either.right(decoded.right)
  })

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
