/**
 * Builds the public services from a backend, bound to an app (the configured
 * one, or the one given to `forApp`): each family's methods are derived from
 * its entries in the operation table; input is validated before the backend
 * sees it (ids by the operation's path, the rest by its rules), and streams
 * are derived from list. The live client and the test layer both go through here.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { CallOptions, ConversationsService, Services, StreamOptions } from "../Conversations.js"
import type { ConversationsError } from "../ConversationsError.js"
import type { families } from "../Operations.js"
import { type AnyOperationSpec, type Input, names, type Operation, Operations } from "../Operations.js"
import type { UsersService } from "../Users.js"
import { checkId, checkListQuery, toError, type ValidationOptions, type Violation } from "../Validation.js"
import type { Backend } from "./backend.js"
import type { Methods } from "./operation.js"
import * as Pipeline from "./pipeline.js"
import * as Streams from "./stream.js"

const noApp: Violation = {
  field: "appId",
  rule: "required",
  detail: "no app is configured: give the layer an appId (SUNCO_APP_ID) or use forApp(appId)"
}

const isCallOptions = (u: unknown): u is CallOptions | undefined => u === undefined || typeof u === "object"

type Call = (
  operation: Operation,
  input: Input,
  options: CallOptions | undefined,
  refused: Violation | undefined
) => Effect.Effect<unknown, ConversationsError>

/**
 * The methods of one family, bound to an app: each entry's `args` turns the
 * method's arguments into the call, the app is added, the call options follow.
 */
const bindFamily = <F>(family: string, app: string, refused: Violation | undefined, call: Call): Methods<F> => {
  const methods: Record<string, unknown> = {}
  const prefix = `${family}.`
  for (const operation of names) {
    if (!operation.startsWith(prefix)) continue
    const spec: AnyOperationSpec = Operations[operation]
    const arity = spec.args.length
    methods[operation.slice(prefix.length)] = (...all: ReadonlyArray<unknown>) => {
      const request = spec.args(...all.slice(0, arity))
      const options = all[arity]
      return call(
        operation,
        { params: { ...request.params, appId: app }, body: request.body, query: request.query },
        isCallOptions(options) ? options : undefined,
        refused
      )
    }
  }
  // Built from the table's entries of `family`, one method per entry, as `Methods` maps them.
  return methods as Methods<F>
}

export const makeServices = (
  backend: Backend,
  validation: ValidationOptions,
  appId: Option.Option<string>
): Services => {
  const call: Call = (operation, input, options, refused) => {
    const spec: AnyOperationSpec = Operations[operation]
    let idViolation = refused
    for (const name of spec.pathParameters) {
      if (idViolation !== undefined) break
      idViolation = checkId(name, input.params[name])
    }
    if (idViolation !== undefined) return Effect.fail(toError(operation, idViolation))
    let sent = input
    if (spec.body !== undefined) {
      const serialized = Pipeline.serializeBody(operation, input.body)
      if (Either.isLeft(serialized)) return Effect.fail(serialized.left)
      sent = { ...input, body: serialized.right.body, json: serialized.right.json }
    }
    const violation = spec.check({ ...sent, params: { ...sent.params, appId: sent.params.appId ?? "" } }, validation)
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
    const methods = bindFamily<typeof families.Conversations>("Conversations", app, refused, call)
    // The first page's query is checked before the stream starts, so a bad
    // filter or page size fails at once rather than after a request.
    const streamGuard = <A, E>(options: StreamOptions, run: () => Stream.Stream<A, E>) => {
      const v = refused ?? checkId("appId", app) ?? checkListQuery(options.filter, options.page, validation)
      return v === undefined ? run() : Stream.fail(toError("Conversations.list", v))
    }
    const conversations: ConversationsService = {
      ...methods,
      appId: Option.fromNullable(configured),
      forApp: (other) => forApp(other).conversations,
      streamPages: (options) => streamGuard(options, () => Streams.pages(methods.list, options)),
      stream: (options) => streamGuard(options, () => Streams.conversations(methods.list, options))
    }
    const users: UsersService = {
      ...bindFamily<typeof families.Users>("Users", app, refused, call),
      forApp: (other) => forApp(other).users
    }
    return { conversations, users }
  }

  return Option.match(appId, { onSome: forApp, onNone: () => bind(undefined) })
}
