/**
 * Builds the services from a backend, bound to an app (the configured one,
 * or the one given to `forApp`): each registered family's methods are derived
 * from its entries; input is validated before the backend sees it (ids by the
 * operation's path, the rest by its rules), and streams are derived from
 * list. The live client and the test layer both go through here.
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import type { AllServices, Services } from "../Conversations.js"
import type { ConversationsError, ValidationError } from "../ConversationsError.js"
import type { AnyOperationSpec, Input, Operation } from "../Operations.js"
import type { Page } from "../Pagination.js"
import { checkId, toError, type ValidationOptions, type Violation } from "../Validation.js"
import type { Backend } from "./backend.js"
import { conversations } from "./families/conversations.js"
import { messages } from "./families/messages.js"
import { users } from "./families/users.js"
import { type Methods, streamName, type StreamSettings } from "./operation.js"
import * as Pipeline from "./pipeline.js"
import { type Entries, isOperation, register, registered } from "./registry.js"
import * as Streams from "./stream.js"

// The families every layer provides (and `make` returns); the others register when their service module loads.
register("Conversations", conversations)
register("Users", users)
register("Messages", messages)

const noApp: Violation = {
  field: "appId",
  rule: "required",
  detail: "no app is configured: give the layer an appId (SUNCO_APP_ID) or use forApp(appId)"
}

const isCallOptions = (u: unknown): u is StreamSettings | undefined => u === undefined || typeof u === "object"

type Validate = (
  operation: Operation,
  spec: AnyOperationSpec,
  input: Input,
  refused: Violation | undefined
) => Either.Either<Input, ValidationError>

/**
 * The methods of one family, bound to an app: each entry's `args` turns the
 * method's arguments into the call, the app is added, the call options
 * follow. A paginated entry also gives its streams, whose last argument is
 * the list's query with the call options and read-ahead.
 */
const bindFamily = (
  family: string,
  entries: Entries,
  app: string,
  refused: Violation | undefined,
  validate: Validate,
  backend: Backend
): Record<string, unknown> => {
  const methods: Record<string, unknown> = {}
  for (const [method, spec] of Object.entries(entries)) {
    const operation = `${family}.${method}`
    if (!isOperation(operation)) continue
    const arity = spec.args.length
    const input = (args: ReadonlyArray<unknown>): Input => {
      const request = spec.args(...args)
      return {
        params: { ...request.params, appId: app },
        body: request.body,
        query: request.query,
        upload: request.upload
      }
    }
    methods[method] = (...all: ReadonlyArray<unknown>) => {
      const options = all[arity]
      return Either.match(validate(operation, spec, input(all.slice(0, arity)), refused), {
        onLeft: Effect.fail,
        onRight: (sent) => backend(operation, spec, sent, isCallOptions(options) ? options : undefined)
      })
    }
    const pagination = spec.pagination
    if (pagination === undefined) continue
    // The stream's last argument is the list's query, plus the call options and read-ahead.
    const walk = (
      all: ReadonlyArray<unknown>,
      each: (
        walk: Streams.Walk,
        list: (page: Page) => Effect.Effect<unknown, ConversationsError>
      ) => Stream.Stream<unknown, ConversationsError>
    ) => {
      const lead = all.slice(0, arity - 1)
      const last = all[arity - 1]
      const query = typeof last === "object" && last !== null ? last : {}
      const start = Reflect.get(query, "page")
      const options = isCallOptions(last) ? last : undefined
      const first = input([...lead, query])
      // The first page's query is checked before the stream starts, so a bad
      // filter or page size fails at once rather than after a request.
      return Either.match(validate(operation, spec, first, refused), {
        onLeft: Stream.fail,
        onRight: () =>
          each({
            operation,
            pagination,
            start: isPage(start) ? start : undefined,
            readAhead: options?.readAhead
          }, (page) =>
            Either.match(validate(operation, spec, input([...lead, { ...query, page }]), refused), {
              onLeft: Effect.fail,
              onRight: (sent) => backend(operation, spec, sent, options)
            }))
      })
    }
    const name = streamName(method)
    methods[name] = (...all: ReadonlyArray<unknown>) => walk(all, Streams.items)
    methods[`${name}Pages`] = (...all: ReadonlyArray<unknown>) => walk(all, Streams.pages)
  }
  return methods
}

const isPage = (u: unknown): u is Page => typeof u === "object" && u !== null

/**
 * The services of one app: the three every layer provides, typed, and every
 * registered family's service under its tag's key (Effect identifies a tag by
 * its key, so the tags need not be imported here).
 */
export interface View {
  readonly services: Services
  readonly context: Context.Context<AllServices>
  readonly byFamily: ReadonlyMap<string, unknown>
}

// A family's methods as `Methods` maps its entries: built by `bindFamily` from exactly those entries.
const typed = <F>(_entries: F, methods: Record<string, unknown>): Methods<F> => methods as Methods<F>

export const makeServices = (
  backend: Backend,
  validation: ValidationOptions,
  appId: Option.Option<string>
): View => {
  const validate: Validate = (operation, spec, input, refused) => {
    // Account-level operations (CreateApp, ListApps, the OAuth endpoints) need no app.
    let idViolation = spec.pathParameters.includes("appId") ? refused : undefined
    for (const name of spec.pathParameters) {
      if (idViolation !== undefined) break
      idViolation = checkId(name, input.params[name])
    }
    if (idViolation !== undefined) return Either.left(toError(operation, idViolation))
    let sent = input
    if (spec.body !== undefined) {
      const serialized = Pipeline.serializeBody(operation, input.body)
      if (Either.isLeft(serialized)) return Either.left(serialized.left)
      sent = { ...input, body: serialized.right.body, json: serialized.right.json }
    }
    const violation = spec.check({ ...sent, params: { ...sent.params, appId: sent.params.appId ?? "" } }, validation)
    return violation === undefined ? Either.right(sent) : Either.left(toError(operation, violation))
  }

  // One view per app, made once: programs that call forApp(id) per request allocate nothing.
  const views = new Map<string, View>()
  const forApp = (app: string): View => {
    const known = views.get(app)
    if (known) return known
    const view = bind(app)
    views.set(app, view)
    return view
  }

  // Without an app every call is refused before anything is sent; forApp still reaches any app.
  const bind = (configured: string | undefined): View => {
    const app = configured ?? ""
    const refused = configured === undefined ? noApp : undefined
    const byFamily = new Map<string, unknown>()
    for (const [family, entries] of registered()) {
      byFamily.set(family, {
        ...bindFamily(family, entries, app, refused, validate, backend),
        forApp: (other: string) => forApp(other).byFamily.get(family)
      })
    }
    const services: Services = {
      conversations: {
        ...typed(conversations, bindFamily("Conversations", conversations, app, refused, validate, backend)),
        appId: Option.fromNullable(configured),
        forApp: (other) => forApp(other).services.conversations
      },
      users: {
        ...typed(users, bindFamily("Users", users, app, refused, validate, backend)),
        forApp: (other) => forApp(other).services.users
      },
      messages: {
        ...typed(messages, bindFamily("Messages", messages, app, refused, validate, backend)),
        forApp: (other) => forApp(other).services.messages
      }
    }
    byFamily.set("Conversations", services.conversations)
    byFamily.set("Users", services.users)
    byFamily.set("Messages", services.messages)
    const context = Context.unsafeMake<AllServices>(
      new Map([...byFamily].map(([family, service]) => [`@sunco-effect/conversations/${family}`, service]))
    )
    return { services, context, byFamily }
  }

  return Option.match(appId, { onSome: forApp, onNone: () => bind(undefined) })
}
