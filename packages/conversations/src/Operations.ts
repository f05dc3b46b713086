/**
 * The API's operations, each declared once (in its family's entries: the
 * generated facts of the spec plus what the spec cannot say). The live client,
 * the test layer, error classification, span names, the retry policy, the
 * services' methods, the emulator's routes and its fault configuration are
 * all derived from this table.
 *
 * @since 0.2.0
 */
import * as R from "effect/Record"
import { activities } from "./internal/families/activities.js"
import { appKeys } from "./internal/families/appKeys.js"
import { apps } from "./internal/families/apps.js"
import { attachments } from "./internal/families/attachments.js"
import { clients } from "./internal/families/clients.js"
import { conversations } from "./internal/families/conversations.js"
import { devices } from "./internal/families/devices.js"
import { integrationKeys } from "./internal/families/integrationKeys.js"
import { integrations } from "./internal/families/integrations.js"
import { integrationWebhooks } from "./internal/families/integrationWebhooks.js"
import { messages } from "./internal/families/messages.js"
import { oauth } from "./internal/families/oauth.js"
import { participants } from "./internal/families/participants.js"
import { switchboardActions } from "./internal/families/switchboardActions.js"
import { switchboardIntegrations } from "./internal/families/switchboardIntegrations.js"
import { switchboards } from "./internal/families/switchboards.js"
import { users } from "./internal/families/users.js"
import type { AnyOperationSpec, ErrorOfSpec, OperationSpec, WithApp } from "./internal/operation.js"

export type {
  /**
   * @since 0.2.0
   * @category models
   */
  AnyOperationSpec,
  /**
   * @since 0.2.0
   * @category models
   */
  Input,
  /**
   * @since 0.2.0
   * @category models
   */
  OperationSpec,
  /**
   * @since 0.2.0
   * @category models
   */
  Request,
  /**
   * @since 0.2.0
   * @category models
   */
  ResponseCodec,
  /**
   * @since 0.2.0
   * @category models
   */
  SpecificErrors
} from "./internal/operation.js"

/**
 * The families: each service's entries, by the family's name (the spec's tags;
 * Webhooks, Custom Integration API Keys and OAuth Endpoints are named
 * `IntegrationWebhooks`, `IntegrationKeys` and `OAuth`, so the receiver keeps
 * the name `Webhooks`).
 *
 * @since 0.2.0
 * @category operations
 */
export const families = {
  Apps: apps,
  AppKeys: appKeys,
  Attachments: attachments,
  Conversations: conversations,
  Participants: participants,
  Messages: messages,
  Activities: activities,
  SwitchboardActions: switchboardActions,
  Switchboards: switchboards,
  SwitchboardIntegrations: switchboardIntegrations,
  Integrations: integrations,
  IntegrationKeys: integrationKeys,
  IntegrationWebhooks: integrationWebhooks,
  Users: users,
  Clients: clients,
  Devices: devices,
  OAuth: oauth
}

type Families = typeof families

/**
 * The name of a family (a service).
 *
 * @since 0.2.0
 * @category models
 */
export type Family = keyof Families

type Table = {
  readonly [N in { [F in Family]: `${F}.${keyof Families[F] & string}` }[Family]]: N extends
    `${infer F extends Family}.${infer K}` ? K extends keyof Families[F] ? Families[F][K] : never : never
}

// Every family's entries under their operation names (`Conversations.get`).
const table = (): Table => {
  const out: Record<string, unknown> = {}
  for (const [family, entries] of Object.entries(families)) {
    for (const [key, spec] of Object.entries(entries)) out[`${family}.${key}`] = spec
  }
  // Built key by key from `families`, exactly as the type maps it.
  return out as Table
}

/**
 * The table: each operation of the API, by the name it has everywhere (span
 * names, errors, the test layer's `failWith`, the emulator's fault routes).
 *
 * @since 0.2.0
 * @category operations
 */
export const Operations: Table = table()

/**
 * The table's type.
 *
 * @since 0.2.0
 * @category models
 */
export type Operations = typeof Operations

/**
 * The name of an operation, as used in errors, spans and fault routes.
 *
 * @since 0.1.0
 * @category models
 */
export type Operation = keyof Operations

/**
 * Every operation name, in the table's order.
 *
 * @since 0.2.0
 * @category operations
 */
export const names: ReadonlyArray<Operation> = R.keys(Operations)

/**
 * The service method's arguments of operation `N`.
 *
 * @since 0.2.0
 * @category models
 */
export type ArgsOf<N extends Operation> = Operations[N] extends
  OperationSpec<infer Args, infer _R, infer _A, infer _T> ? Args : never

/**
 * What the arguments of operation `N` become (without the app).
 *
 * @since 0.2.0
 * @category models
 */
export type RequestOf<N extends Operation> = Operations[N] extends
  OperationSpec<infer _Args, infer Req, infer _A, infer _T> ? Req : never

/**
 * @since 0.2.0
 * @category models
 */
export type InputOf<N extends Operation> = WithApp<RequestOf<N>>

/**
 * @since 0.2.0
 * @category models
 */
export type OutputOf<N extends Operation> = Operations[N] extends
  OperationSpec<infer _Args, infer _R, infer A, infer _T> ? A : never

/**
 * @since 0.2.0
 * @category models
 */
export type TagsOf<N extends Operation> = Operations[N] extends
  OperationSpec<infer _Args, infer _R, infer _A, infer Tag> ? Tag : never

/**
 * Everything operation `N` can fail with: the common errors, `AppNotFound`
 * and its own.
 *
 * @since 0.2.0
 * @category models
 */
export type ErrorOf<N extends Operation> = ErrorOfSpec<Operations[N]>

type Specs = { readonly [N in Operation]: OperationSpec<ArgsOf<N>, RequestOf<N>, OutputOf<N>, TagsOf<N>> }

// The table, seen through a mapped type so that a lookup by a generic name keeps its operation's types.
const specs: Specs = Operations

/**
 * An operation's spec by name, typed for generic code.
 *
 * @since 0.2.0
 * @category operations
 */
export const spec = <N extends Operation>(name: N): Specs[N] => specs[name]

/**
 * Something per operation, computed once from its spec (the classifier's
 * error sets, the client's compiled paths, the emulator's routes).
 *
 * @since 0.2.0
 * @category operations
 */
export const mapOperations = <B>(f: (spec: AnyOperationSpec, operation: Operation) => B): Record<Operation, B> =>
  R.map(Operations, f)
