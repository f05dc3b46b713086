/**
 * The API's routes, one per operation of the client's table: its method and
 * path, its body's Schema and rules, its success status and envelope, and the
 * store's answer. Nothing here names an operation.
 */
import * as HttpRouter from "@effect/platform/HttpRouter"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import { ListQuery, Operations } from "@sunco-effect/conversations"
import { InMemoryStore } from "@sunco-effect/conversations/Testing"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { errorResponse, failures } from "../ErrorBody.js"
import { endpoint, limits, readBody, respond } from "./endpoint.js"

const route = (
  spec: Operations.OperationSpec<any, unknown, keyof Operations.SpecificErrors>,
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
    const ids = { appId: params.appId ?? "", conversationId: params.conversationId }
    if (spec.body !== undefined) {
      return Effect.map(
        readBody(request, spec.body, (body) => spec.check({ ...ids, body }, limits)),
        (body) => Either.isLeft(body) ? errorResponse(body.left) : answer({ ...ids, body: body.right })
      )
    }
    if (spec.query) {
      const q = request.url.indexOf("?")
      return Effect.succeed(Either.match(ListQuery.decode(q < 0 ? "" : request.url.slice(q)), {
        onLeft: (title) => errorResponse(failures.badRequest(title)),
        onRight: (query) => answer({ ...ids, query })
      }))
    }
    return Effect.succeed(answer(ids))
  })
  // Served at the root and under `/sc`, the prefix of `https://{subdomain}.zendesk.com/sc` base URLs.
  return [
    HttpRouter.makeRoute(spec.method, path, handler),
    HttpRouter.makeRoute(spec.method, `/sc${path}` as HttpRouter.PathInput, handler)
  ]
}

export const operationRoutes = HttpRouter.fromIterable(Object.values(Operations.mapOperations(route)).flat())
