/**
 * The API's routes, one per operation of the client's table: its method and
 * path, its body's Schema and rules, its success status and envelope, and the
 * store's answer. Nothing here names an operation.
 */
import * as HttpRouter from "@effect/platform/HttpRouter"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { InMemoryStore, OperationFacts, Operations } from "@sunco-effect/conversations/Testing"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { Scope } from "../Auth.js"
import { errorResponse, failures } from "../ErrorBody.js"
import { endpoint, limits, readBody, respond, type Security } from "./endpoint.js"
import { readUpload } from "./upload.js"

const isScope = (s: string): s is Scope => s === "app" || s === "account" || s === "integration"

/** The scopes the spec allows the operation, whichever scheme (basic or bearer) carries the key. */
const securityOf = (spec: Operations.AnyOperationSpec): Security => ({
  scopes: [...new Set(OperationFacts.operations[spec.id].security.flatMap((s) => s.scopes))].filter(isScope),
  appInPath: spec.pathParameters.includes("appId")
})

/** A redirect (Authorize's 302): the encoded answer is `{ location }`, sent as the service sends it. */
const redirectTo = (encoded: unknown, status: number): HttpServerResponse.HttpServerResponse => {
  const location = typeof encoded === "object" && encoded !== null ? Reflect.get(encoded, "location") : undefined
  const url = typeof location === "string" ? location : ""
  return HttpServerResponse.text(`Found. Redirecting to ${url}`, { status, headers: { location: url } })
}

const route = (
  spec: Operations.AnyOperationSpec,
  operation: Operations.Operation
) => {
  const path = spec.path.replace(/\{(\w+)\}/g, ":$1") as HttpRouter.PathInput
  const security = securityOf(spec)
  const redirects = spec.status >= 300 && spec.status < 400
  const handler = endpoint(operation, security, (request, routeParams, state, key) => {
    const answer = (input: Operations.Input): HttpServerResponse.HttpServerResponse => {
      const result = InMemoryStore.handleUnchecked(state.store, operation, input, state.publicBaseUrl)
      return redirects && Either.isRight(result)
        ? redirectTo(spec.response.encode(result.right), spec.status)
        : respond(result, spec.status, spec.response.encode)
    }
    // The router gives every `:param` of the path (and nothing else). An operation whose path names no
    // app (ListApps, the OAuth endpoints) concerns the app of the credentials, if they have one.
    const params = security.appInPath ? routeParams : { ...routeParams, appId: key?.appId ?? "" }
    const ids: Operations.Input = { params }
    const query = spec.query
    let withQuery: Either.Either<Operations.Input, string> = Either.right(ids)
    if (query !== undefined) {
      const q = request.url.indexOf("?")
      const decoded = query.decode(q < 0 ? "" : request.url.slice(q))
      const parse = spec.parseQuery
      const parsed: Either.Either<object, string> = parse === undefined ? decoded : Either.flatMap(decoded, parse)
      withQuery = Either.map(parsed, (q): Operations.Input => ({ params, query: q }))
    }
    if (Either.isLeft(withQuery)) return Effect.succeed(errorResponse(failures.badRequest(withQuery.left)))
    const input = withQuery.right
    if (spec.multipart) {
      return Effect.map(
        readUpload(request),
        (upload) => Either.isLeft(upload) ? errorResponse(upload.left) : answer({ ...input, upload: upload.right })
      )
    }
    if (spec.body !== undefined) {
      return Effect.map(
        readBody(
          request,
          spec.body,
          (body) => spec.check({ ...input, params: { ...params, appId: params.appId ?? "" }, body }, limits)
        ),
        (body) => Either.isLeft(body) ? errorResponse(body.left) : answer({ ...input, body: body.right })
      )
    }
    return Effect.succeed(answer(input))
  })
  // Served at the root and under `/sc`, the prefix of `https://{subdomain}.zendesk.com/sc` base URLs.
  return [
    HttpRouter.makeRoute(spec.method, path, handler),
    HttpRouter.makeRoute(spec.method, `/sc${path}` as HttpRouter.PathInput, handler)
  ]
}

export const operationRoutes = HttpRouter.fromIterable(Object.values(Operations.mapOperations(route)).flat())
