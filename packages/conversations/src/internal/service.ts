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
import type { Services } from "../Conversations.js"
import type { ConversationsError, ValidationError } from "../ConversationsError.js"
import type { families } from "../Operations.js"
import { type Family } from "../Operations.js"
import { type AnyOperationSpec, type Input, names, type Operation, Operations } from "../Operations.js"
import type { Page } from "../Pagination.js"
import { checkId, toError, type ValidationOptions, type Violation } from "../Validation.js"
import type { Backend } from "./backend.js"
import { type Methods, streamName, type StreamSettings } from "./operation.js"
import * as Pipeline from "./pipeline.js"
import * as Streams from "./stream.js"

const noApp: Violation = {
  field: "appId",
  rule: "required",
  detail: "no app is configured: give the layer an appId (SUNCO_APP_ID) or use forApp(appId)"
}

const isCallOptions = (u: unknown): u is StreamSettings | undefined => u === undefined || typeof u === "object"

type Validate = (
  operation: Operation,
  input: Input,
  refused: Violation | undefined
) => Either.Either<Input, ValidationError>

/** Each family's service, by its key in `Services`. */
export const serviceKeys = {
  Apps: "apps",
  AppKeys: "appKeys",
  Attachments: "attachments",
  Conversations: "conversations",
  Participants: "participants",
  Messages: "messages",
  Activities: "activities",
  SwitchboardActions: "switchboardActions",
  Switchboards: "switchboards",
  SwitchboardIntegrations: "switchboardIntegrations",
  Integrations: "integrations",
  IntegrationKeys: "integrationKeys",
  IntegrationWebhooks: "integrationWebhooks",
  Users: "users",
  Clients: "clients",
  Devices: "devices",
  OAuth: "oauth"
} as const satisfies { readonly [F in Family]: keyof Services }

/**
 * The methods of one family, bound to an app: each entry's `args` turns the
 * method's arguments into the call, the app is added, the call options
 * follow. A paginated entry also gives its streams, whose last argument is
 * the list's query with the call options and read-ahead.
 */
const bindFamily = <F extends Family>(
  family: F,
  app: string,
  refused: Violation | undefined,
  validate: Validate,
  backend: Backend
): Methods<(typeof families)[F]> => {
  const methods: Record<string, unknown> = {}
  const prefix = `${family}.`
  for (const operation of names) {
    if (!operation.startsWith(prefix)) continue
    const spec: AnyOperationSpec = Operations[operation]
    const arity = spec.args.length
    const input = (args: ReadonlyArray<unknown>): Input => {
      const request = spec.args(...args)
      return { params: { ...request.params, appId: app }, body: request.body, query: request.query }
    }
    const method = operation.slice(prefix.length)
    methods[method] = (...all: ReadonlyArray<unknown>) => {
      const options = all[arity]
      return Either.match(validate(operation, input(all.slice(0, arity)), refused), {
        onLeft: Effect.fail,
        onRight: (sent) => backend(operation, sent, isCallOptions(options) ? options : undefined)
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
      return Either.match(validate(operation, first, refused), {
        onLeft: Stream.fail,
        onRight: () =>
          each({
            operation,
            pagination,
            start: isPage(start) ? start : undefined,
            readAhead: options?.readAhead
          }, (page) =>
            Either.match(validate(operation, input([...lead, { ...query, page }]), refused), {
              onLeft: Effect.fail,
              onRight: (sent) => backend(operation, sent, options)
            }))
      })
    }
    const name = streamName(method)
    methods[name] = (...all: ReadonlyArray<unknown>) => walk(all, Streams.items)
    methods[`${name}Pages`] = (...all: ReadonlyArray<unknown>) => walk(all, Streams.pages)
  }
  // Built from the table's entries of `family`, one method per entry (and streams per paginated one), as `Methods` maps them.
  return methods as Methods<(typeof families)[F]>
}

const isPage = (u: unknown): u is Page => typeof u === "object" && u !== null

export const makeServices = (
  backend: Backend,
  validation: ValidationOptions,
  appId: Option.Option<string>
): Services => {
  const validate: Validate = (operation, input, refused) => {
    const spec: AnyOperationSpec = Operations[operation]
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
    const apps: Services["apps"] = {
      ...bindFamily("Apps", app, refused, validate, backend),
      forApp: (other) => forApp(other).apps
    }
    const appKeys: Services["appKeys"] = {
      ...bindFamily("AppKeys", app, refused, validate, backend),
      forApp: (other) => forApp(other).appKeys
    }
    const attachments: Services["attachments"] = {
      ...bindFamily("Attachments", app, refused, validate, backend),
      forApp: (other) => forApp(other).attachments
    }
    const conversations: Services["conversations"] = {
      ...bindFamily("Conversations", app, refused, validate, backend),
      appId: Option.fromNullable(configured),
      forApp: (other) => forApp(other).conversations
    }
    const participants: Services["participants"] = {
      ...bindFamily("Participants", app, refused, validate, backend),
      forApp: (other) => forApp(other).participants
    }
    const messages: Services["messages"] = {
      ...bindFamily("Messages", app, refused, validate, backend),
      forApp: (other) => forApp(other).messages
    }
    const activities: Services["activities"] = {
      ...bindFamily("Activities", app, refused, validate, backend),
      forApp: (other) => forApp(other).activities
    }
    const switchboardActions: Services["switchboardActions"] = {
      ...bindFamily("SwitchboardActions", app, refused, validate, backend),
      forApp: (other) => forApp(other).switchboardActions
    }
    const switchboards: Services["switchboards"] = {
      ...bindFamily("Switchboards", app, refused, validate, backend),
      forApp: (other) => forApp(other).switchboards
    }
    const switchboardIntegrations: Services["switchboardIntegrations"] = {
      ...bindFamily("SwitchboardIntegrations", app, refused, validate, backend),
      forApp: (other) => forApp(other).switchboardIntegrations
    }
    const integrations: Services["integrations"] = {
      ...bindFamily("Integrations", app, refused, validate, backend),
      forApp: (other) => forApp(other).integrations
    }
    const integrationKeys: Services["integrationKeys"] = {
      ...bindFamily("IntegrationKeys", app, refused, validate, backend),
      forApp: (other) => forApp(other).integrationKeys
    }
    const integrationWebhooks: Services["integrationWebhooks"] = {
      ...bindFamily("IntegrationWebhooks", app, refused, validate, backend),
      forApp: (other) => forApp(other).integrationWebhooks
    }
    const users: Services["users"] = {
      ...bindFamily("Users", app, refused, validate, backend),
      forApp: (other) => forApp(other).users
    }
    const clients: Services["clients"] = {
      ...bindFamily("Clients", app, refused, validate, backend),
      forApp: (other) => forApp(other).clients
    }
    const devices: Services["devices"] = {
      ...bindFamily("Devices", app, refused, validate, backend),
      forApp: (other) => forApp(other).devices
    }
    const oauth: Services["oauth"] = {
      ...bindFamily("OAuth", app, refused, validate, backend),
      forApp: (other) => forApp(other).oauth
    }
    return {
      apps,
      appKeys,
      attachments,
      conversations,
      participants,
      messages,
      activities,
      switchboardActions,
      switchboards,
      switchboardIntegrations,
      integrations,
      integrationKeys,
      integrationWebhooks,
      users,
      clients,
      devices,
      oauth
    }
  }

  return Option.match(appId, { onSome: forApp, onNone: () => bind(undefined) })
}
