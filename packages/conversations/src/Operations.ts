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
import { conversations } from "./internal/families/conversations.js"
import { messages } from "./internal/families/messages.js"
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

type Prefixed<P extends string, F> = { readonly [K in keyof F & string as `${P}.${K}`]: F[K] }

// A family's entries under their operation names (`Conversations.get`).
const prefixed = <P extends string, F extends object>(prefix: P, family: F): Prefixed<P, F> => {
  const out: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries(family)) out[`${prefix}.${key}`] = spec
  // Built key by key from `family`, exactly as the type maps it.
  return out as Prefixed<P, F>
}

/**
 * The table: each operation of the API, by the name it has everywhere (span
 * names, errors, the test layer's `failWith`, the emulator's fault routes).
 *
 * @since 0.2.0
 * @category operations
 */
export const Operations = {
  ...prefixed("Conversations", conversations),
  ...prefixed("Users", users),
  ...prefixed("Messages", messages)
}

/**
 * The families: each service's entries, by the family's name.
 *
 * @since 0.2.0
 * @category operations
 */
export const families = { Conversations: conversations, Users: users, Messages: messages }

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
