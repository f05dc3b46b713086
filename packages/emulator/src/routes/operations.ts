/**
 * The API's routes, one per operation of the client's table: its method and
 * path, its body's Schema and rules, its success status and envelope, and the
 * store's answer. Nothing here names an operation.
 */
import * as HttpRouter from "@effect/platform/HttpRouter"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { InMemoryStore, Operations } from "@sunco-effect/conversations/Testing"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { errorResponse, failures } from "../ErrorBody.js"
import { endpoint, limits, readBody, respond } from "./endpoint.js"
import { readUpload } from "./upload.js"

const route = (
  spec: Operations.AnyOperationSpec,
  operation: Operations.Operation
) => {
  const path = spec.path.replace(/\{(\w+)\}/g, ":$1") as HttpRouter.PathInput
  const handler = endpoint(operation, (request, params, state) => {
    const answer = (input: Operations.Input): HttpServerResponse.HttpServerResponse =>
      respond(
        InMemoryStore.handleUnchecked(state.store, operation, input, state.publicBaseUrl),
        spec.status,
        spec.response.encode
      )
    // The router gives every `:param` of the path (and nothing else).
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
