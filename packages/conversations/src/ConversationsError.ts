/**
 * Every failure of the client, as tagged classes whose `_tag` is the class
 * name. Handle them with `Effect.catchTag` / `Effect.catchTags`.
 *
 * Each operation's error type (`GetError`, `DeleteError`, …) lists only the
 * errors that operation can produce. None of them carries request headers,
 * so a credential can never leak through an error.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * The name of an operation, as used in errors and span names.
 *
 * @since 0.1.0
 * @category models
 */
export const Operation = Schema.Literal(
  "Conversations.create",
  "Conversations.get",
  "Conversations.list",
  "Conversations.update",
  "Conversations.delete",
  "Conversations.downloadMessageRef",
  "Users.create"
)

/**
 * @since 0.1.0
 * @category models
 */
export type Operation = typeof Operation.Type

/** Fields of every error that came back as an HTTP error response. */
const apiFields = {
  operation: Operation,
  status: Schema.Number,
  code: Schema.String,
  title: Schema.String,
  requestId: Schema.optional(Schema.String)
}

const describe = (self: { operation: string; status: number; code: string; title: string; requestId?: string | undefined }) =>
  `${self.operation} failed with ${self.status} ${self.code}: ${self.title}` +
  (self.requestId === undefined ? "" : ` (request id ${self.requestId})`)

/**
 * 404 `app_not_found`: the app id does not name an app these credentials reach.
 *
 * @since 0.1.0
 * @category errors
 */
export class AppNotFound extends Schema.TaggedError<AppNotFound>()("AppNotFound", apiFields) {
  override get message() {
    return describe(this)
  }
}

/**
 * 404 `conversation_not_found`.
 *
 * @since 0.1.0
 * @category errors
 */
export class ConversationNotFound extends Schema.TaggedError<ConversationNotFound>()("ConversationNotFound", apiFields) {
  override get message() {
    return describe(this)
  }
}

/**
 * 404 `user_not_found`: a participant (create) or the list filter names no user.
 *
 * @since 0.1.0
 * @category errors
 */
export class UserNotFound extends Schema.TaggedError<UserNotFound>()("UserNotFound", apiFields) {
  override get message() {
    return describe(this)
  }
}

/**
 * 400 from delete: the conversation is a user's default conversation, which
 * cannot be deleted (its messages can).
 *
 * @since 0.1.0
 * @category errors
 */
export class DefaultConversationUndeletable extends Schema.TaggedError<DefaultConversationUndeletable>()(
  "DefaultConversationUndeletable",
  { ...apiFields, conversationId: Schema.String }
) {
  override get message() {
    return describe(this)
  }
}

/**
 * 400 "Invalid page query parameters" from list.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidPage extends Schema.TaggedError<InvalidPage>()("InvalidPage", apiFields) {
  override get message() {
    return describe(this)
  }
}

/**
 * Any other 400 the service returned (an invalid body the client did not catch).
 *
 * @since 0.1.0
 * @category errors
 */
export class BadRequest extends Schema.TaggedError<BadRequest>()("BadRequest", apiFields) {
  override get message() {
    return describe(this)
  }
}

/**
 * 401: missing or rejected credentials.
 *
 * @since 0.1.0
 * @category errors
 */
export class Unauthorized extends Schema.TaggedError<Unauthorized>()("Unauthorized", apiFields) {
  override get message() {
    return describe(this)
  }
}

/**
 * 403: the credentials are valid but may not do this (an app key used on another app).
 *
 * @since 0.1.0
 * @category errors
 */
export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", apiFields) {
  override get message() {
    return describe(this)
  }
}

/**
 * 429: rate limited. `retryAfterMillis` is the server's `Retry-After`, when sent.
 *
 * @since 0.1.0
 * @category errors
 */
export class RateLimited extends Schema.TaggedError<RateLimited>()("RateLimited", {
  ...apiFields,
  retryAfterMillis: Schema.optional(Schema.Number)
}) {
  override get message() {
    return describe(this) +
      (this.retryAfterMillis === undefined ? "" : `; retry after ${this.retryAfterMillis} ms`)
  }
}

/**
 * 5xx: the service failed.
 *
 * @since 0.1.0
 * @category errors
 */
export class ServerError extends Schema.TaggedError<ServerError>()("ServerError", apiFields) {
  override get message() {
    return describe(this)
  }
}

/**
 * Any other error status (409, 413, 423, a 404 with an unexpected code, …).
 *
 * @since 0.1.0
 * @category errors
 */
export class ApiError extends Schema.TaggedError<ApiError>()("ApiError", apiFields) {
  override get message() {
    return describe(this)
  }
}

/**
 * The request could not be completed at the transport level. `sent` is
 * `false` when the failure happened before any byte reached the server
 * (connection refused, DNS failure, host or network unreachable), which is
 * what makes repeating a create safe.
 *
 * @since 0.1.0
 * @category errors
 */
export class TransportError extends Schema.TaggedError<TransportError>()("TransportError", {
  operation: Operation,
  sent: Schema.Boolean,
  errorCode: Schema.optional(Schema.String),
  description: Schema.String
}) {
  override get message() {
    return `${this.operation} could not reach the service` +
      (this.errorCode === undefined ? "" : ` (${this.errorCode})`) + `: ${this.description}`
  }
}

/**
 * One attempt took longer than the configured timeout.
 *
 * @since 0.1.0
 * @category errors
 */
export class RequestTimeout extends Schema.TaggedError<RequestTimeout>()("RequestTimeout", {
  operation: Operation,
  timeoutMillis: Schema.Number
}) {
  override get message() {
    return `${this.operation} timed out after ${this.timeoutMillis} ms`
  }
}

/**
 * The response was not what the spec describes. `issue` says what did not decode.
 *
 * @since 0.1.0
 * @category errors
 */
export class ResponseDecodeError extends Schema.TaggedError<ResponseDecodeError>()("ResponseDecodeError", {
  operation: Operation,
  status: Schema.Number,
  issue: Schema.String,
  requestId: Schema.optional(Schema.String)
}) {
  override get message() {
    return `${this.operation} got a ${this.status} response that did not decode: ${this.issue}`
  }
}

/**
 * The input broke a rule of the spec; no request was sent. `field` is a path
 * such as `participants[1].userId` and `rule` a short rule name such as
 * `maxLength`.
 *
 * @since 0.1.0
 * @category errors
 */
export class ValidationError extends Schema.TaggedError<ValidationError>()("ValidationError", {
  operation: Operation,
  field: Schema.String,
  rule: Schema.String,
  detail: Schema.String
}) {
  override get message() {
    return `${this.operation}: invalid ${this.field} (${this.rule}): ${this.detail}`
  }
}

/**
 * The client's configuration cannot be used (a bad base URL, credentials over
 * plain http to a non-loopback host, a missing variable).
 *
 * @since 0.1.0
 * @category errors
 */
export class ConfigurationError extends Schema.TaggedError<ConfigurationError>()("ConfigurationError", {
  detail: Schema.String
}) {
  override get message() {
    return `Invalid sunco-effect configuration: ${this.detail}`
  }
}

/**
 * Errors any operation can produce.
 *
 * @since 0.1.0
 * @category errors
 */
export type CommonError =
  | ValidationError
  | Unauthorized
  | Forbidden
  | RateLimited
  | ServerError
  | ApiError
  | TransportError
  | RequestTimeout
  | ResponseDecodeError

/** @since 0.1.0 @category errors */
export type CreateError = CommonError | AppNotFound | UserNotFound | BadRequest
/** @since 0.1.0 @category errors */
export type GetError = CommonError | AppNotFound | ConversationNotFound
/** @since 0.1.0 @category errors */
export type ListError = CommonError | AppNotFound | UserNotFound | InvalidPage | BadRequest
/** @since 0.1.0 @category errors */
export type UpdateError = CommonError | AppNotFound | ConversationNotFound | BadRequest
/** @since 0.1.0 @category errors */
export type DeleteError = CommonError | AppNotFound | ConversationNotFound | DefaultConversationUndeletable | BadRequest
/** @since 0.1.0 @category errors */
export type DownloadMessageRefError = CommonError | AppNotFound | ConversationNotFound | UserNotFound | BadRequest
/** @since 0.1.0 @category errors */
export type CreateUserError = CommonError | AppNotFound | BadRequest

/**
 * Any error of the client.
 *
 * @since 0.1.0
 * @category errors
 */
export type ConversationsError =
  | CommonError
  | AppNotFound
  | ConversationNotFound
  | UserNotFound
  | DefaultConversationUndeletable
  | InvalidPage
  | BadRequest
