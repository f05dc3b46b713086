/**
 * The API's operations, each declared once: its name, HTTP method and path,
 * the body it sends and the rules that body must follow, how its response is
 * decoded (and, for the emulator, encoded), the errors particular to it, and
 * whether it is safe to send again after a failure that may have reached the
 * server. The live client, the test layer, error classification, span names,
 * the retry policy, the emulator's routes and its fault configuration are all
 * derived from this table.
 *
 * @since 0.2.0
 */
import * as Either from "effect/Either"
import type * as Schema from "effect/Schema"
import { type Conversation, ConversationResponse } from "./Conversation.js"
import { ConversationCreateBody, ConversationUpdateBody } from "./ConversationBody.js"
import type {
  AppNotFound,
  BadRequest,
  CommonError,
  ConversationNotFound,
  DefaultConversationUndeletable,
  InvalidPage,
  UserNotFound
} from "./ConversationsError.js"
import { DownloadMessageRefBody, DownloadMessageRefResponse } from "./DownloadMessageRef.js"
import { decoder } from "./internal/decode.js"
import type { ListQuery } from "./ListQuery.js"
import { ConversationListResponse, type ConversationPage } from "./Pagination.js"
import { type User, UserCreateBody, UserResponse } from "./User.js"
import * as Validation from "./Validation.js"

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
  readonly encode: (value: A) => unknown
  /** The success body carries nothing: any 2xx body, even a truncated one, is success. */
  readonly ignoresBody?: boolean | undefined
}

/**
 * One operation of the API.
 *
 * @since 0.2.0
 * @category models
 */
export interface OperationSpec<In extends Input, A, Tag extends keyof SpecificErrors> {
  readonly method: "GET" | "POST" | "PATCH" | "DELETE"
  /** The path under the base URL, with `{appId}` and `{conversationId}` parameters. */
  readonly path: string
  /** The status of a success. */
  readonly status: 200 | 201
  /** The request body's Schema, for operations that send one. */
  readonly body: Schema.Schema<any, any> | undefined
  /** Takes the list query (`filter[…]`, `page[…]`; see `ListQuery`). */
  readonly query?: true
  /** The rules of the body or query beyond the ids (which are always checked). */
  readonly check: (input: In, options: Validation.ValidationOptions) => Validation.Violation | undefined
  readonly response: ResponseCodec<A>
  /** The errors this operation can produce beyond the common ones and `AppNotFound`. */
  readonly errors: ReadonlyArray<Tag>
  /**
   * Safe to send again after a failure that may have reached the server (a
   * reset, a timeout, a 5xx). The API has no idempotency key, so a POST is not.
   */
  readonly repeatable: boolean
}

/**
 * What every operation is called with: the app, and the conversation, body
 * or query of the operations that take one.
 *
 * @since 0.2.0
 * @category models
 */
export interface Input {
  readonly appId: string
  readonly conversationId?: string | undefined
  readonly body?: unknown
  /** The body as serialized (once, before the rules run), for the backend to send as is. */
  readonly json?: string | undefined
  readonly query?: ListQuery | undefined
}

const define =
  <In extends Input>() =>
  <A, const Tag extends keyof SpecificErrors>(spec: OperationSpec<In, A, Tag>): OperationSpec<In, A, Tag> => spec

const envelope = <K extends string, A>(
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

const conversation = envelope<"conversation", Conversation>("conversation", decoder(ConversationResponse))
// The service answers a delete with `{}`; nothing in it is needed, so nothing in it can fail the call.
const empty: ResponseCodec<void> = { decode: () => Either.right(undefined), encode: () => ({}), ignoresBody: true }
const decodeList = decoder(ConversationListResponse)

/**
 * The table: each operation of the API, by the name it has everywhere (span
 * names, errors, the test layer's `failWith`, the emulator's fault routes).
 *
 * @since 0.2.0
 * @category operations
 */
export const Operations = {
  "Conversations.create": define<{ readonly appId: string; readonly body: ConversationCreateBody }>()({
    method: "POST",
    path: "/v2/apps/{appId}/conversations",
    status: 201,
    body: ConversationCreateBody,
    check: ({ body }, options) => Validation.checkCreateBody(body, options),
    response: conversation,
    errors: ["UserNotFound", "BadRequest"],
    repeatable: false
  }),
  "Conversations.get": define<{ readonly appId: string; readonly conversationId: string }>()({
    method: "GET",
    path: "/v2/apps/{appId}/conversations/{conversationId}",
    status: 200,
    body: undefined,
    check: () => undefined,
    response: conversation,
    errors: ["ConversationNotFound"],
    repeatable: true
  }),
  "Conversations.list": define<{ readonly appId: string; readonly query: ListQuery }>()({
    method: "GET",
    path: "/v2/apps/{appId}/conversations",
    status: 200,
    body: undefined,
    query: true,
    check: ({ query }, options) => Validation.checkListQuery(query.filter, query.page, options),
    response: {
      decode: (json) =>
        Either.map(decodeList(json), (r): ConversationPage => ({
          conversations: r.conversations ?? [],
          meta: r.meta ?? {},
          links: r.links ?? {}
        })),
      encode: (page) => page
    },
    errors: ["UserNotFound", "InvalidPage", "BadRequest"],
    repeatable: true
  }),
  "Conversations.update": define<
    { readonly appId: string; readonly conversationId: string; readonly body: ConversationUpdateBody }
  >()({
    method: "PATCH",
    path: "/v2/apps/{appId}/conversations/{conversationId}",
    status: 200,
    body: ConversationUpdateBody,
    check: ({ body }, options) => Validation.checkUpdateBody(body, options),
    response: conversation,
    errors: ["ConversationNotFound", "BadRequest"],
    repeatable: true
  }),
  "Conversations.delete": define<{ readonly appId: string; readonly conversationId: string }>()({
    method: "DELETE",
    path: "/v2/apps/{appId}/conversations/{conversationId}",
    status: 200,
    body: undefined,
    check: () => undefined,
    response: empty,
    errors: ["ConversationNotFound", "DefaultConversationUndeletable", "BadRequest"],
    repeatable: true
  }),
  "Conversations.downloadMessageRef": define<
    { readonly appId: string; readonly conversationId: string; readonly body: DownloadMessageRefBody }
  >()({
    method: "POST",
    path: "/v2/apps/{appId}/conversations/{conversationId}/download",
    status: 200,
    body: DownloadMessageRefBody,
    check: ({ body }) => Validation.checkDownloadMessageRefBody(body),
    response: { decode: decoder(DownloadMessageRefResponse), encode: (value: DownloadMessageRefResponse) => value },
    errors: ["ConversationNotFound", "UserNotFound", "BadRequest"],
    repeatable: false
  }),
  "Users.create": define<{ readonly appId: string; readonly body: UserCreateBody }>()({
    method: "POST",
    path: "/v2/apps/{appId}/users",
    status: 201,
    body: UserCreateBody,
    check: ({ body }, options) => Validation.checkUserCreateBody(body, options),
    response: envelope<"user", User>("user", decoder(UserResponse)),
    errors: ["BadRequest"],
    repeatable: false
  })
}

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
export const names = Object.keys(Operations) as ReadonlyArray<Operation>

/**
 * @since 0.2.0
 * @category models
 */
export type InputOf<N extends Operation> = Operations[N] extends OperationSpec<infer In, any, any> ? In : never

/**
 * @since 0.2.0
 * @category models
 */
export type OutputOf<N extends Operation> = Operations[N] extends OperationSpec<any, infer A, any> ? A : never

/**
 * Everything operation `N` can fail with: the common errors, `AppNotFound`
 * and its own.
 *
 * @since 0.2.0
 * @category models
 */
export type ErrorOf<N extends Operation> = CommonError | AppNotFound | SpecificErrors[Operations[N]["errors"][number]]

/**
 * An operation's spec by name, typed for generic code.
 *
 * @since 0.2.0
 * @category operations
 */
export const spec = <N extends Operation>(name: N): OperationSpec<InputOf<N>, OutputOf<N>, keyof SpecificErrors> =>
  Operations[name] as unknown as OperationSpec<InputOf<N>, OutputOf<N>, keyof SpecificErrors>

/**
 * Something per operation, computed once from its spec (the classifier's
 * error sets, the client's compiled paths, the emulator's routes).
 *
 * @since 0.2.0
 * @category operations
 */
export const mapOperations = <B>(
  f: (spec: OperationSpec<Input, unknown, keyof SpecificErrors>, operation: Operation) => B
): Record<Operation, B> => {
  const out: Partial<Record<Operation, B>> = {}
  for (const name of names) out[name] = f(Operations[name] as OperationSpec<any, unknown, keyof SpecificErrors>, name)
  return out as Record<Operation, B>
}
