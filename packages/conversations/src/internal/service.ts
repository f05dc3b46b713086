/**
 * Builds the public services from a backend: input is validated before the
 * backend sees it (ids by the table's path, the rest by the table's rules),
 * and streams are derived from list. The live client and the test layer both
 * go through here.
 */
import * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { ConversationsService } from "../Conversations.js"
import type { ListQuery } from "../ListQuery.js"
import {
  type CallOptions,
  type ErrorOf,
  type InputOf,
  mapOperations,
  type Operation,
  type OutputOf,
  spec
} from "../Operations.js"
import type { UsersService } from "../Users.js"
import { checkId, checkListQuery, toError, type ValidationOptions } from "../Validation.js"
import type { Backend } from "./backend.js"
import * as Streams from "./stream.js"

const namesConversation = mapOperations((s) => s.path.includes("{conversationId}"))

export const makeServices = (
  backend: Backend,
  validation: ValidationOptions,
  appId: Option.Option<string>
): { readonly conversations: ConversationsService; readonly users: UsersService } => {
  const call = <N extends Operation>(
    operation: N,
    input: InputOf<N>,
    options: CallOptions | undefined
  ): Effect.Effect<OutputOf<N>, ErrorOf<N>> => {
    const violation = checkId("appId", input.appId) ??
      (namesConversation[operation] ? checkId("conversationId", input.conversationId) : undefined) ??
      spec(operation).check(input, validation)
    return violation === undefined ? backend(operation, input, options) : Effect.fail(toError(operation, violation))
  }

  const list = (app: string, query: ListQuery, options?: CallOptions) =>
    call("Conversations.list", { appId: app, query }, options)

  // The first page's query is checked before the stream starts, so a bad
  // filter or page size fails at once rather than after a request.
  const streamGuard = <A, E>(app: string, options: Streams.StreamOptions, run: () => Stream.Stream<A, E>) => {
    const violation = checkId("appId", app) ??
      checkListQuery(options.filter, { after: options.after, before: options.before, size: options.pageSize }, validation)
    return violation === undefined ? run() : Stream.fail(toError("Conversations.list", violation))
  }

  const conversations: ConversationsService = {
    appId,
    create: (app, body, options) => call("Conversations.create", { appId: app, body }, options),
    get: (app, conversationId, options) => call("Conversations.get", { appId: app, conversationId }, options),
    list,
    update: (app, conversationId, body, options) => call("Conversations.update", { appId: app, conversationId, body }, options),
    delete: (app, conversationId, options) => call("Conversations.delete", { appId: app, conversationId }, options),
    downloadMessageRef: (app, conversationId, body, options) =>
      call("Conversations.downloadMessageRef", { appId: app, conversationId, body }, options),
    streamPages: (app, options) => streamGuard(app, options, () => Streams.pages(list, app, options)),
    stream: (app, options) => streamGuard(app, options, () => Streams.conversations(list, app, options))
  }

  const users: UsersService = {
    create: (app, body, options) => call("Users.create", { appId: app, body }, options)
  }

  return { conversations, users }
}
