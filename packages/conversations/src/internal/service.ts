/**
 * Builds the public services from a backend: input is validated before the
 * backend sees it, and streams are derived from `list`. The live client and
 * the test layer both go through here.
 */
import * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { ConversationsService } from "../Conversations.js"
import type { Operation } from "../ConversationsError.js"
import type { UsersService } from "../Users.js"
import {
  checkCreateBody,
  checkDownloadMessageRefBody,
  checkId,
  checkListQuery,
  checkUpdateBody,
  checkUserCreateBody,
  toError,
  type ValidationOptions,
  type Violation
} from "../Validation.js"
import type { Backend } from "./backend.js"
import * as Streams from "./stream.js"

const first = (...checks: ReadonlyArray<Violation | undefined>) => checks.find((c) => c !== undefined)

export const makeServices = (
  backend: Backend,
  validation: ValidationOptions,
  appId: Option.Option<string>
): { readonly conversations: ConversationsService; readonly users: UsersService } => {
  const guard = <A, E>(operation: Operation, violation: Violation | undefined, run: () => Effect.Effect<A, E>) =>
    violation === undefined ? run() : Effect.fail(toError(operation, violation))

  const conversations: ConversationsService = {
    appId,
    create: (app, body, options) =>
      guard("Conversations.create", first(checkId("appId", app), checkCreateBody(body, validation)), () =>
        backend.create(app, body, options)),
    get: (app, id, options) =>
      guard("Conversations.get", first(checkId("appId", app), checkId("conversationId", id)), () =>
        backend.get(app, id, options)),
    list: (app, query, options) =>
      guard("Conversations.list", first(checkId("appId", app), checkListQuery(query.filter, query.page, validation)), () =>
        backend.list(app, query, options)),
    update: (app, id, body, options) =>
      guard(
        "Conversations.update",
        first(checkId("appId", app), checkId("conversationId", id), checkUpdateBody(body, validation)),
        () => backend.update(app, id, body, options)
      ),
    delete: (app, id, options) =>
      guard("Conversations.delete", first(checkId("appId", app), checkId("conversationId", id)), () =>
        backend.delete(app, id, options)),
    downloadMessageRef: (app, id, body, options) =>
      guard(
        "Conversations.downloadMessageRef",
        first(checkId("appId", app), checkId("conversationId", id), checkDownloadMessageRefBody(body)),
        () => backend.downloadMessageRef(app, id, body, options)
      ),
    streamPages: (app, options) =>
      streamGuard(app, options, () => Streams.pages(backend.list, app, options)),
    stream: (app, options) =>
      streamGuard(app, options, () => Streams.conversations(backend.list, app, options))
  }

  // The first page's query is checked before the stream starts, so a bad
  // filter or page size fails at once rather than after a request.
  const streamGuard = <A, E>(app: string, options: Streams.StreamOptions, run: () => Stream.Stream<A, E>) => {
    const violation = first(
      checkId("appId", app),
      checkListQuery(options.filter, { after: options.after, before: options.before, size: options.pageSize }, validation)
    )
    return violation === undefined ? run() : Stream.fail(toError("Conversations.list", violation))
  }

  const users: UsersService = {
    create: (app, body, options) =>
      guard("Users.create", first(checkId("appId", app), checkUserCreateBody(body, validation)), () =>
        backend.createUser(app, body, options))
  }

  return { conversations, users }
}
