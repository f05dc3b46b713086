/**
 * Every failure of the client, as tagged classes whose `_tag` is the class
 * name. Handle them with `Effect.catchTag` / `Effect.catchTags`.
 *
 * Each operation's error type (`GetError`, `DeleteError`, …) lists only the
 * errors that operation can produce. None of them carries request headers,
 * so a credential can never leak through an error.
 *
 * The ids of an error response (`appId`, `conversationId`, `userId`,
 * `userExternalId`, `userIdOrExternalId`) are optional on every error class alike, filled from the
 * call; an error the retry pipeline gives up with after more than one attempt
 * carries `attempts` and `elapsedMillis`.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { ErrorOf, Operation as OperationName } from "./Operations.js"

/**
 * The name of an operation (`Conversations.get`, …), as errors carry it.
 *
 * @since 0.1.0
 * @category models
 */
export type Operation = OperationName

// The names are the keys of the operation table (Operations.ts); a plain string on the wire,
// since that module depends on this one and a value import would make a cycle.
const OperationSchema: Schema.Schema<Operation, string> = Schema.String.pipe(
  Schema.filter((name: string): name is Operation => name.length > 0)
)

/**
 * How many attempts a request took and over how long, set by the retry
 * pipeline on the error it gives up with when it made more than one attempt
 * (absent: the first attempt's error was final).
 */
const retryFields = {
  /** The attempts made, the first included (2 or more). */
  attempts: Schema.optional(Schema.Number),
  /** From the start of the first attempt to the end of the last, in milliseconds. */
  elapsedMillis: Schema.optional(Schema.Number)
}

interface Retried {
  readonly attempts?: number | undefined
  readonly elapsedMillis?: number | undefined
}

const formatElapsed = (millis: number) => millis < 1000 ? `${Math.round(millis)} ms` : `${(millis / 1000).toFixed(1)} s`

/** " after 4 attempts over 1.2 s", or nothing for an error of the first attempt. */
const retried = (self: Retried) =>
  self.attempts === undefined
    ? ""
    : ` after ${self.attempts} attempts` +
      (self.elapsedMillis === undefined ? "" : ` over ${formatElapsed(self.elapsedMillis)}`)

/**
 * Fields of every error that came back as an HTTP error response. Every id is
 * optional and filled from the call (the app, the conversation the path names,
 * the user the list filter or the body names): an error carries the ids of
 * its call, whichever error it is, and a hand-made one (for `failWith`) needs
 * none of them.
 */
const apiFields = {
  operation: OperationSchema,
  status: Schema.Number,
  code: Schema.String,
  title: Schema.String,
  requestId: Schema.optional(Schema.String),
  /** The app of the call that failed. */
  appId: Schema.optional(Schema.String),
  /** The conversation of the call, for the operations that name one. */
  conversationId: Schema.optional(Schema.String),
  /** The list filter's user, for list and stream. */
  userId: Schema.optional(Schema.String),
  userExternalId: Schema.optional(Schema.String),
  /** The user a path named by id or externalId (`Users.get("ext-17")`): the service takes either. */
  userIdOrExternalId: Schema.optional(Schema.String),
  ...retryFields
}

interface Described extends Retried {
  readonly operation: string
  readonly status: number
  readonly code: string
  readonly title: string
  readonly requestId?: string | undefined
  readonly appId?: string | undefined
  readonly conversationId?: string | undefined
  readonly userId?: string | undefined
  readonly userExternalId?: string | undefined
  readonly userIdOrExternalId?: string | undefined
  readonly participantCount?: number | undefined
}

const describe = (self: Described) => {
  const ids = [
    self.appId === undefined ? undefined : `app ${self.appId}`,
    self.conversationId === undefined ? undefined : `conversation ${self.conversationId}`,
    self.userId === undefined ? undefined : `user ${self.userId}`,
    self.userExternalId === undefined ? undefined : `user externalId ${self.userExternalId}`,
    self.userIdOrExternalId === undefined ? undefined : `user ${self.userIdOrExternalId}`,
    self.participantCount === undefined ? undefined : `one of ${self.participantCount} participants`,
    self.requestId === undefined ? undefined : `request id ${self.requestId}`
  ].filter((id) => id !== undefined)
  return `${self.operation} failed with ${self.status} ${self.code}${retried(self)}: ${self.title}` +
    (ids.length === 0 ? "" : ` (${ids.join(", ")})`)
}

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
export class ConversationNotFound
  extends Schema.TaggedError<ConversationNotFound>()("ConversationNotFound", apiFields)
{
  override get message() {
    return describe(this)
  }
}

/**
 * 404 `user_not_found`: a participant (create), the list filter or the body's
 * `userId` (downloadMessageRef) names no user. `userId` / `userExternalId` is
 * the user the request named; when a create named several participants the
 * service does not say which one is missing, so neither is set and
 * `participantCount` says how many there were.
 *
 * @since 0.1.0
 * @category errors
 */
export class UserNotFound extends Schema.TaggedError<UserNotFound>()("UserNotFound", {
  ...apiFields,
  /** The number of participants of a create that named more than one. @since 0.2.0 */
  participantCount: Schema.optional(Schema.Number)
}) {
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
  apiFields
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
 * 404 `not_found` for a resource the service names no code for: a message, an
 * app key, an integration key, a webhook, an attachment, a participant who is
 * not in the conversation.
 *
 * @since 0.2.0
 * @category errors
 */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", apiFields) {
  override get message() {
    return describe(this)
  }
}

/**
 * 404 `integration_not_found`.
 *
 * @since 0.2.0
 * @category errors
 */
export class IntegrationNotFound extends Schema.TaggedError<IntegrationNotFound>()("IntegrationNotFound", apiFields) {
  override get message() {
    return describe(this)
  }
}

/**
 * 404 `switchboard_not_found`.
 *
 * @since 0.2.0
 * @category errors
 */
export class SwitchboardNotFound extends Schema.TaggedError<SwitchboardNotFound>()("SwitchboardNotFound", apiFields) {
  override get message() {
    return describe(this)
  }
}

/**
 * 404 `switchboard_integration_not_found`.
 *
 * @since 0.2.0
 * @category errors
 */
export class SwitchboardIntegrationNotFound extends Schema.TaggedError<SwitchboardIntegrationNotFound>()(
  "SwitchboardIntegrationNotFound",
  apiFields
) {
  override get message() {
    return describe(this)
  }
}

/**
 * 404 `client_not_found`.
 *
 * @since 0.2.0
 * @category errors
 */
export class ClientNotFound extends Schema.TaggedError<ClientNotFound>()("ClientNotFound", apiFields) {
  override get message() {
    return describe(this)
  }
}

/**
 * 404 `device_not_found`.
 *
 * @since 0.2.0
 * @category errors
 */
export class DeviceNotFound extends Schema.TaggedError<DeviceNotFound>()("DeviceNotFound", apiFields) {
  override get message() {
    return describe(this)
  }
}

/**
 * 409 `conflict`: what the request would create exists already (a user's
 * `externalId`, for one).
 *
 * @since 0.2.0
 * @category errors
 */
export class Conflict extends Schema.TaggedError<Conflict>()("Conflict", apiFields) {
  override get message() {
    return describe(this)
  }
}

/**
 * 423 `locked`: the conversation holds the service's limit of 30,000
 * messages; `Messages.deleteAll` makes room again.
 *
 * @since 0.2.0
 * @category errors
 */
export class Locked extends Schema.TaggedError<Locked>()("Locked", apiFields) {
  override get message() {
    return describe(this)
  }
}

/**
 * 402 `payment_required`: the account's plan does not allow it (another app, say).
 *
 * @since 0.2.0
 * @category errors
 */
export class PaymentRequired extends Schema.TaggedError<PaymentRequired>()("PaymentRequired", apiFields) {
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
  operation: OperationSchema,
  sent: Schema.Boolean,
  errorCode: Schema.optional(Schema.String),
  description: Schema.String,
  ...retryFields
}) {
  override get message() {
    return `${this.operation} could not reach the service${retried(this)}` +
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
  operation: OperationSchema,
  timeoutMillis: Schema.Number,
  ...retryFields
}) {
  override get message() {
    return `${this.operation} timed out after ${this.timeoutMillis} ms` +
      (this.attempts === undefined
        ? ""
        : ` (the last of ${this.attempts} attempts over ${formatElapsed(this.elapsedMillis ?? 0)})`)
  }
}

/**
 * The response was not what the spec describes. `issue` says what did not decode.
 *
 * @since 0.1.0
 * @category errors
 */
export class ResponseDecodeError extends Schema.TaggedError<ResponseDecodeError>()("ResponseDecodeError", {
  operation: OperationSchema,
  status: Schema.Number,
  issue: Schema.String,
  requestId: Schema.optional(Schema.String),
  ...retryFields
}) {
  override get message() {
    return `${this.operation} got a ${this.status} response that did not decode${retried(this)}: ${this.issue}`
  }
}

/**
 * The server broke the protocol in a way no retry mends: a status outside
 * 100-599, a body past the client's cap (`maxResponseBytes`), or a listing
 * whose cursors repeat or whose pages stop making progress (which would
 * otherwise loop forever).
 *
 * @since 0.2.0
 * @category errors
 */
export class ProtocolError extends Schema.TaggedError<ProtocolError>()("ProtocolError", {
  operation: OperationSchema,
  detail: Schema.String,
  status: Schema.optional(Schema.Number),
  requestId: Schema.optional(Schema.String),
  ...retryFields
}) {
  override get message() {
    return `${this.operation}: the server broke the protocol${retried(this)}: ${this.detail}`
  }
}

/**
 * The rules a `ValidationError` can name, each checked before anything is sent:
 *
 * - `type`: the value has the wrong JSON type (a number for a string, an array for an object).
 * - `required`: a required field is missing (`type`, `appId`, an sdkGroup participant's `subscribeSDKClient`, …).
 * - `nonEmpty`: an id is the empty string.
 * - `pathSegment`: an id is `.` or `..`, which a URL would resolve away.
 * - `exactlyOne`: a participant or the list filter has both or neither of `userId` and `userExternalId`.
 * - `enum`: `type` is not `personal` or `sdkGroup`.
 * - `personalParticipants`: a personal conversation does not have exactly one participant.
 * - `maxItems`: more than 10 participants.
 * - `length`: a text is outside its 1-N characters (displayName, description, the profile's fields, brandId), or a cursor is not 24.
 * - `maxLength`: a URI is over 2048 characters, or an externalId over 1024.
 * - `uri`: not an absolute URI (`format: uri`).
 * - `email`: not an email address (`format: email`).
 * - `flat`: a metadata value is not a string, a finite number or a boolean.
 * - `maxSize`: metadata serializes to more than 4 KB.
 * - `maxBodySize`: the body serializes to more than the service's 100 KB.
 * - `serializable`: the body cannot be serialized to JSON (a BigInt, a cycle, a throwing getter).
 * - `oneCursor`: the page has both `after` and `before`.
 * - `integer`: the page size is not a whole number.
 * - `range`: the page size is outside 1-100.
 *
 * @since 0.2.0
 * @category models
 */
export const ValidationRule = Schema.Literal(
  "type",
  "required",
  "nonEmpty",
  "pathSegment",
  "exactlyOne",
  "enum",
  "personalParticipants",
  "maxItems",
  "length",
  "maxLength",
  "uri",
  "email",
  "flat",
  "maxSize",
  "maxBodySize",
  "serializable",
  "oneCursor",
  "integer",
  "range",
  "minItems",
  "uniqueItems",
  "pattern"
)

/**
 * @since 0.2.0
 * @category models
 */
export type ValidationRule = typeof ValidationRule.Type

/**
 * The input broke a rule of the spec; no request was sent. `field` is a path
 * such as `participants[1].userId` and `rule` the `ValidationRule` it broke,
 * such as `length` for a displayName over 100 characters.
 *
 * @since 0.1.0
 * @category errors
 */
export class ValidationError extends Schema.TaggedError<ValidationError>()("ValidationError", {
  operation: OperationSchema,
  field: Schema.String,
  rule: ValidationRule,
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
  | ProtocolError

/** @since 0.1.0 @category errors */
export type CreateError = ErrorOf<"Conversations.create">
/** @since 0.1.0 @category errors */
export type GetError = ErrorOf<"Conversations.get">
/** @since 0.1.0 @category errors */
export type ListError = ErrorOf<"Conversations.list">
/** @since 0.1.0 @category errors */
export type UpdateError = ErrorOf<"Conversations.update">
/** @since 0.1.0 @category errors */
export type DeleteError = ErrorOf<"Conversations.delete">
/** @since 0.1.0 @category errors */
export type DownloadMessageRefError = ErrorOf<"Conversations.downloadMessageRef">
/** @since 0.1.0 @category errors */
export type CreateUserError = ErrorOf<"Users.create">

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
  | NotFound
  | IntegrationNotFound
  | SwitchboardNotFound
  | SwitchboardIntegrationNotFound
  | ClientNotFound
  | DeviceNotFound
  | Conflict
  | Locked
  | PaymentRequired
