/**
 * Builds the public services from a backend, bound to an app (the configured
 * one, or the one given to `forApp`): input is validated before the backend
 * sees it (ids by the table's path, the rest by the table's rules), and
 * streams are derived from list. The live client and the test layer both go
 * through here.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { CallOptions, ConversationsService, Services, StreamOptions } from "../Conversations.js"
import type { ListQuery } from "../ListQuery.js"
import { type ErrorOf, type InputOf, mapOperations, type Operation, type OutputOf, spec } from "../Operations.js"
import type { UsersService } from "../Users.js"
import { checkId, checkListQuery, toError, type ValidationOptions, type Violation } from "../Validation.js"
import type { Backend } from "./backend.js"
import * as Pipeline from "./pipeline.js"
import * as Streams from "./stream.js"

const namesConversation = mapOperations((s) => s.path.includes("{conversationId}"))
const hasBody = mapOperations((s) => s.body !== undefined)

const noApp: Violation = {
  field: "appId",
  rule: "required",
  detail: "no app is configured: give the layer an appId (SUNCO_APP_ID) or use forApp(appId)"
}

export const makeServices = (
  backend: Backend,
  validation: ValidationOptions,
  appId: Option.Option<string>
): Services => {
  const call = <N extends Operation>(
    operation: N,
    input: InputOf<N>,
    options: CallOptions | undefined,
    refused: Violation | undefined
  ): Effect.Effect<OutputOf<N>, ErrorOf<N>> => {
    const idViolation = refused ?? checkId("appId", input.appId) ??
      (namesConversation[operation] ? checkId("conversationId", input.conversationId) : undefined)
    if (idViolation !== undefined) return Effect.fail(toError(operation, idViolation))
    let sent: InputOf<N> = input
    if (hasBody[operation]) {
      const serialized = Pipeline.serializeBody(operation, input.body)
      if (Either.isLeft(serialized)) return Effect.fail(serialized.left)
      sent = { ...input, body: serialized.right.body, json: serialized.right.json }
    }
    const violation = spec(operation).check(sent, validation)
    return violation === undefined ? backend(operation, sent, options) : Effect.fail(toError(operation, violation))
  }

  // One view per app, made once: programs that call forApp(id) per request allocate nothing.
  const views = new Map<string, Services>()
  const forApp = (app: string): Services => {
    const known = views.get(app)
    if (known) return known
    const view = bind(app)
    views.set(app, view)
    return view
  }

  // Without an app every call is refused before anything is sent; forApp still reaches any app.
  const bind = (configured: string | undefined): Services => {
    const app = configured ?? ""
    const refused = configured === undefined ? noApp : undefined
    const list = (query: ListQuery, options?: CallOptions) =>
      call("Conversations.list", { appId: app, query }, options, refused)
    // The first page's query is checked before the stream starts, so a bad
    // filter or page size fails at once rather than after a request.
    const streamGuard = <A, E>(options: StreamOptions, run: () => Stream.Stream<A, E>) => {
      const v = refused ?? checkId("appId", app) ?? checkListQuery(options.filter, options.page, validation)
      return v === undefined ? run() : Stream.fail(toError("Conversations.list", v))
    }
    const conversations: ConversationsService = {
      appId: Option.fromNullable(configured),
      forApp: (other) => forApp(other).conversations,
      create: (body, options) => call("Conversations.create", { appId: app, body }, options, refused),
      get: (conversationId, options) => call("Conversations.get", { appId: app, conversationId }, options, refused),
      list,
      update: (conversationId, body, options) =>
        call("Conversations.update", { appId: app, conversationId, body }, options, refused),
      delete: (conversationId, options) =>
        call("Conversations.delete", { appId: app, conversationId }, options, refused),
      downloadMessageRef: (conversationId, body, options) =>
        call("Conversations.downloadMessageRef", { appId: app, conversationId, body }, options, refused),
      streamPages: (options) => streamGuard(options, () => Streams.pages(list, options)),
      stream: (options) => streamGuard(options, () => Streams.conversations(list, options))
    }
    const users: UsersService = {
      create: (body, options) => call("Users.create", { appId: app, body }, options, refused),
      forApp: (other) => forApp(other).users
    }
    return { conversations, users }
  }

  return Option.match(appId, { onSome: forApp, onNone: () => bind(undefined) })
}
