/**
 * How one operation is declared: the spec's facts come from the generated
 * table by operationId; the entry adds only what the spec cannot say (how the
 * service method's arguments become the call, the rules, the typed errors,
 * retry safety). Every type of the service method is inferred from the entry.
 */
import type * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Schema from "effect/Schema"
import type * as Stream from "effect/Stream"
import type { AttachmentSource } from "../AttachmentSource.js"
import type { CallOptions } from "../Conversations.js"
import type {
  AppNotFound,
  BadRequest,
  ClientNotFound,
  CommonError,
  Conflict,
  ConversationNotFound,
  DefaultConversationUndeletable,
  DeviceNotFound,
  IntegrationNotFound,
  InvalidPage,
  Locked,
  NotFound,
  PaymentRequired,
  SwitchboardIntegrationNotFound,
  SwitchboardNotFound,
  UserNotFound
} from "../ConversationsError.js"
import type { Operation as Fact, OperationId } from "../generated/Operations.js"
import type { ValidationOptions, Violation } from "../Validation.js"
import type { PathParams } from "./path.js"
import { compileQuery, type DecodedQuery, type Query, type QueryCodec } from "./query.js"
import type { Pagination } from "./stream.js"

/**
 * The errors only some operations produce, by tag.
 *
 * @since 0.2.0
 * @category models
 */
export interface SpecificErrors {
  readonly ConversationNotFound: ConversationNotFound
  readonly UserNotFound: UserNotFound
  readonly DefaultConversationUndeletable: DefaultConversationUndeletable
  readonly InvalidPage: InvalidPage
  readonly BadRequest: BadRequest
  readonly NotFound: NotFound
  readonly IntegrationNotFound: IntegrationNotFound
  readonly SwitchboardNotFound: SwitchboardNotFound
  readonly SwitchboardIntegrationNotFound: SwitchboardIntegrationNotFound
  readonly ClientNotFound: ClientNotFound
  readonly DeviceNotFound: DeviceNotFound
  readonly Conflict: Conflict
  readonly Locked: Locked
  readonly PaymentRequired: PaymentRequired
}

/**
 * How a response body becomes the operation's result, and back (the emulator
 * answers with `encode`). `decode` says what did not match.
 *
 * @since 0.2.0
 * @category models
 */
export interface ResponseCodec<A> {
  readonly decode: (json: unknown) => Either.Either<A, string>
  // A method, so a codec of one result is a codec of `unknown` for the code that handles every operation.
  encode(value: A): unknown
  /** The success body carries nothing: any 2xx body, even a truncated one, is success. */
  readonly ignoresBody?: boolean | undefined
}

/**
 * What a service method's arguments become: the path parameters other than
 * the app (which the service adds), the body and the query.
 *
 * @since 0.2.0
 * @category models
 */
export interface Request {
  readonly params?: PathParams | undefined
  readonly body?: unknown
  readonly query?: Query | undefined
  /** A file sent as `multipart/form-data` (UploadAttachment), streamed. */
  readonly upload?: AttachmentSource | undefined
}

/**
 * What every operation is called with: its path parameters by name (the app
 * always), and the body or query of the operations that take one.
 *
 * @since 0.2.0
 * @category models
 */
export interface Input {
  readonly params: PathParams
  readonly body?: unknown
  /** The body as serialized (once, before the rules run), for the backend to send as is. */
  readonly json?: string | undefined
  readonly query?: Query | undefined
  readonly upload?: AttachmentSource | undefined
}

/**
 * A request with the app among its path parameters: what the backend, the
 * rules and the store see.
 *
 * @since 0.2.0
 * @category models
 */
export type WithApp<R extends Request> =
  & Omit<R, "params">
  & { readonly params: { readonly appId: string } & (R extends { readonly params: infer P } ? P : unknown) }

/**
 * One operation of the API: the spec's facts (method, path, success status,
 * path and query parameters, from the generated table) and what the spec
 * cannot say.
 *
 * @since 0.2.0
 * @category models
 */
export interface OperationSpec<
  Args extends ReadonlyArray<unknown>,
  R extends Request,
  A,
  Tag extends keyof SpecificErrors
> {
  /** The spec's operationId. */
  readonly id: OperationId
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
  /** The path under the base URL, with its `{param}`s. */
  readonly path: string
  /** The names of the path's parameters. */
  readonly pathParameters: ReadonlyArray<string>
  /** The status of a success. */
  readonly status: number
  /** The request body's Schema, for operations that send one. */
  readonly body: Schema.Schema.AnyNoContext | undefined
  /** The body is a file sent as `multipart/form-data` (the request's `upload`). */
  readonly multipart: boolean
  /** The deepObject query codec, for operations whose spec has query parameters. */
  readonly query: QueryCodec | undefined
  /** The query as the operation takes it, from its decoded form (the emulator's side): the rules beyond the types. */
  readonly parseQuery?: ((query: DecodedQuery) => Either.Either<Query, string>) | undefined
  // Methods (bivariant parameters), so that code handling every operation sees each entry as an `OperationSpec` of `Input`.
  /** The service method's arguments (their names are the method's parameter names) as the call. */
  args(...args: Args): R
  /** The rules of the body or query beyond the path's ids (which are always checked). */
  check(input: WithApp<R>, options: ValidationOptions): Violation | undefined
  readonly response: ResponseCodec<A>
  /** The errors this operation can produce beyond the common ones and `AppNotFound`. */
  readonly errors: ReadonlyArray<Tag>
  /**
   * Safe to send again after a failure that may have reached the server (a
   * reset, a timeout, a 5xx). The API has no idempotency key, so a POST is not.
   */
  readonly repeatable: boolean
  /** For a cursor-paginated list: its items and direction (`list` gets `stream` and `streamPages`). */
  readonly pagination?: Pagination<string> | undefined
}

/**
 * Any operation, as code that handles every operation sees it.
 *
 * @since 0.2.0
 * @category models
 */
export type AnyOperationSpec = OperationSpec<ReadonlyArray<unknown>, Request, unknown, keyof SpecificErrors>

/**
 * What the hand-written entry says; the rest comes from the generated facts.
 *
 * @since 0.2.0
 * @category models
 */
export interface Declaration<
  Args extends ReadonlyArray<unknown>,
  R extends Request,
  A,
  Tag extends keyof SpecificErrors
> {
  readonly args: (...args: Args) => R
  readonly body: Schema.Schema.AnyNoContext | undefined
  readonly parseQuery?: ((query: DecodedQuery) => Either.Either<Query, string>) | undefined
  readonly check: (input: WithApp<R>, options: ValidationOptions) => Violation | undefined
  readonly response: ResponseCodec<A>
  readonly errors: ReadonlyArray<Tag>
  readonly repeatable: boolean
}

/**
 * Declare an operation of the spec from its generated facts (method, path,
 * path parameters, query parameters and success status): `define(Facts.GetConversation)`.
 * Each operation's facts are a constant of their own, so a program's bundle
 * keeps only those of the operations it declares.
 *
 * @since 0.2.0
 * @category constructors
 */
export const define = (fact: Fact) =>
<
  Args extends ReadonlyArray<unknown>,
  R extends Request,
  A,
  const Tag extends keyof SpecificErrors,
  P extends Pagination<string> | undefined = undefined
>(
  declaration: Declaration<Args, R, A, Tag> & { readonly pagination?: P }
): OperationSpec<Args, R, A, Tag> & { readonly pagination: P | undefined } => {
  return {
    id: fact.operationId,
    method: fact.method,
    path: fact.path,
    pathParameters: fact.pathParameters,
    status: fact.success.status,
    query: fact.query.length > 0 ? compileQuery(fact.query) : undefined,
    body: declaration.body,
    multipart: fact.body?.contentType === "multipart/form-data",
    parseQuery: declaration.parseQuery,
    args: declaration.args,
    check: declaration.check,
    response: declaration.response,
    errors: declaration.errors,
    repeatable: declaration.repeatable,
    pagination: declaration.pagination
  }
}

/**
 * A response whose one field (`{ conversation }`, `{ user }`) is the result.
 *
 * @since 0.2.0
 * @category constructors
 */
export const envelope = <K extends string, A>(
  key: K,
  decodeResponse: (json: unknown) => Either.Either<{ readonly [k in K]?: A | undefined }, string>
): ResponseCodec<A> => ({
  decode: (json) =>
    Either.flatMap(decodeResponse(json), (r) => {
      const value = r[key]
      return value === undefined ? Either.left(`the response has no ${key}`) : Either.right(value)
    }),
  encode: (value) => ({ [key]: value })
})

/**
 * The service answers a delete with `{}`; nothing in it is needed, so nothing in it can fail the call.
 *
 * @since 0.2.0
 * @category constructors
 */
export const empty: ResponseCodec<void> = {
  decode: () => Either.right(undefined),
  encode: () => ({}),
  ignoresBody: true
}

/**
 * Everything an operation can fail with: the common errors, `AppNotFound` and its own.
 *
 * @since 0.2.0
 * @category models
 */
export type ErrorOfSpec<S> = S extends OperationSpec<infer _Args, infer _R, infer _A, infer Tag>
  ? CommonError | AppNotFound | SpecificErrors[Tag]
  : never

/**
 * The service method of an operation: its arguments (named as the entry's
 * `args` names them), then the call options.
 *
 * @since 0.2.0
 * @category models
 */
export type Method<S> = S extends OperationSpec<infer Args, infer _R, infer A, infer _Tag>
  ? (...args: [...Args, options?: CallOptions]) => Effect.Effect<A, ErrorOfSpec<S>>
  : never

/**
 * The methods of a family of operations, one per entry (a homomorphic mapped
 * type: each entry's TSDoc shows on its method).
 *
 * @since 0.2.0
 * @category models
 */
export type Methods<F> = { readonly [K in keyof F]: Method<F[K]> } & Streams<F>

/**
 * What a stream takes beyond its list's query: the call options and read-ahead.
 *
 * @since 0.2.0
 * @category models
 */
export interface StreamSettings extends CallOptions {
  /**
   * Pages to fetch ahead while the consumer works on the current one.
   * 0 (the default) requests a page only when the consumer needs it.
   */
  readonly readAhead?: number | undefined
}

type StreamArgs<S> = S extends OperationSpec<[...infer Lead, infer Q], infer _R, infer _A, infer _T>
  ? [...Lead, options: Q & StreamSettings]
  : never

/**
 * Every item of a paginated list, following its cursors lazily.
 *
 * @since 0.2.0
 * @category models
 */
export type StreamMethod<S> = S extends
  & OperationSpec<infer _Args, infer _R, infer A, infer _T>
  & { readonly pagination: infer P }
  ? NonNullable<P> extends Pagination<infer K> ?
    A extends { readonly [k in K]: ReadonlyArray<infer Item> }
      ? (...args: StreamArgs<S>) => Stream.Stream<Item, ErrorOfSpec<S>>
    : never
  : never
  : never

/**
 * Every page of a paginated list.
 *
 * @since 0.2.0
 * @category models
 */
export type StreamPagesMethod<S> = S extends OperationSpec<infer _Args, infer _R, infer A, infer _T>
  ? (...args: StreamArgs<S>) => Stream.Stream<A, ErrorOfSpec<S>>
  : never

type Paginated<F> = {
  [K in keyof F]: F[K] extends { readonly pagination: infer P } ? [NonNullable<P>] extends [never] ? never : K : never
}[keyof F]

/**
 * The streams of a family's paginated lists: `list` gives `stream` and
 * `streamPages`, `listX` gives `streamX` and `streamXPages`.
 *
 * @since 0.2.0
 * @category models
 */
export type Streams<F> =
  & { readonly [K in Paginated<F> & string as `stream${K extends `list${infer X}` ? X : K}`]: StreamMethod<F[K]> }
  & {
    readonly [K in Paginated<F> & string as `stream${K extends `list${infer X}` ? X : K}Pages`]: StreamPagesMethod<
      F[K]
    >
  }

/**
 * The stream names of a paginated entry: `list` → `stream`, `listX` → `streamX`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const streamName = (method: string): string => `stream${method.startsWith("list") ? method.slice(4) : method}`
