/**
 * Turns an error response (status, code, title) into the typed error of the
 * operation that got it. Used by the live client on HTTP responses and by the
 * test layer on in-memory store failures, so both fail the same way.
 */
import {
  ApiError,
  AppNotFound,
  BadRequest,
  ClientNotFound,
  Conflict,
  ConversationNotFound,
  type ConversationsError,
  DefaultConversationUndeletable,
  DeviceNotFound,
  Forbidden,
  IntegrationNotFound,
  InvalidPage,
  Locked,
  NotFound,
  PaymentRequired,
  RateLimited,
  ServerError,
  SwitchboardIntegrationNotFound,
  SwitchboardNotFound,
  TransportError,
  Unauthorized,
  UserNotFound
} from "../ConversationsError.js"
import type { AnyOperationSpec, Input, Operation, SpecificErrors } from "../Operations.js"

import type { ApiFailure } from "../ErrorResponse.js"

export type { ApiFailure }

// Each operation's error list as a set, built on its first error.
const specific = new WeakMap<AnyOperationSpec, ReadonlySet<keyof SpecificErrors>>()
const errorsOf = (spec: AnyOperationSpec) => {
  let errors = specific.get(spec)
  if (errors === undefined) specific.set(spec, errors = new Set(spec.errors))
  return errors
}

/** The ids of the call, carried by every API error so it says which app, conversation or user. */
const idsOf = (input: Input) => {
  const filter = objectField(input.query, "filter")
  return {
    appId: input.params.appId,
    conversationId: input.params.conversationId,
    userId: stringField(filter, "userId") ?? input.params.userId,
    userExternalId: stringField(filter, "userExternalId"),
    userIdOrExternalId: input.params.userIdOrExternalId
  }
}

const objectField = (u: unknown, key: string): unknown =>
  typeof u === "object" && u !== null && key in u ? Reflect.get(u, key) : undefined

const stringField = (u: unknown, key: string): string | undefined => {
  const v = objectField(u, key)
  return typeof v === "string" ? v : undefined
}

/**
 * The user a 404 `user_not_found` is about, as the request named it (the
 * service does not say): the body's `userId` (downloadMessageRef), the one
 * participant of a create, or, for a create naming several, how many there
 * were. The list filter's user is already among the call's ids.
 */
const namedUsers = (operation: Operation, input: Input) => {
  if (operation === "Conversations.downloadMessageRef") return { userId: stringField(input.body, "userId") }
  if (operation !== "Conversations.create") return {}
  const participants = objectField(input.body, "participants")
  if (!Array.isArray(participants) || participants.length === 0) return {}
  if (participants.length > 1) return { participantCount: participants.length }
  return {
    userId: stringField(participants[0], "userId"),
    userExternalId: stringField(participants[0], "userExternalId")
  }
}

type ApiFields = ConstructorParameters<typeof NotFound>[0]

/** The 404 codes that name their resource, with the error each becomes where the operation documents it. */
const notFoundByCode = new Map<string, { tag: keyof SpecificErrors; make: (fields: ApiFields) => ConversationsError }>([
  ["not_found", { tag: "NotFound", make: (f) => new NotFound(f) }],
  ["integration_not_found", { tag: "IntegrationNotFound", make: (f) => new IntegrationNotFound(f) }],
  ["switchboard_not_found", { tag: "SwitchboardNotFound", make: (f) => new SwitchboardNotFound(f) }],
  [
    "switchboard_integration_not_found",
    { tag: "SwitchboardIntegrationNotFound", make: (f) => new SwitchboardIntegrationNotFound(f) }
  ],
  ["client_not_found", { tag: "ClientNotFound", make: (f) => new ClientNotFound(f) }],
  ["device_not_found", { tag: "DeviceNotFound", make: (f) => new DeviceNotFound(f) }]
])

/**
 * The typed error of `operation` for an error response. A code or status the
 * operation cannot produce (by the table) becomes `ApiError`, so the result
 * is always one of `ErrorOf<N>`.
 */
export const classify = (
  operation: Operation,
  spec: AnyOperationSpec,
  failure: ApiFailure,
  input: Input
): ConversationsError => {
  const allowed = errorsOf(spec)
  const fields = {
    operation,
    status: failure.status,
    code: failure.code,
    title: failure.title,
    requestId: failure.requestId,
    ...idsOf(input)
  }
  const { code, status, title } = failure
  if (status === 404) {
    if (code === "app_not_found") return new AppNotFound(fields)
    if (code === "conversation_not_found" && allowed.has("ConversationNotFound")) {
      return new ConversationNotFound(fields)
    }
    if (code === "user_not_found" && allowed.has("UserNotFound")) {
      return new UserNotFound({ ...fields, ...namedUsers(operation, input) })
    }
    const notFound = notFoundByCode.get(code)
    if (notFound !== undefined && allowed.has(notFound.tag)) return notFound.make(fields)
  } else if (status === 400) {
    if (allowed.has("DefaultConversationUndeletable") && /default/i.test(title)) {
      return new DefaultConversationUndeletable(fields)
    }
    if (allowed.has("InvalidPage") && /page/i.test(title)) return new InvalidPage(fields)
    if (allowed.has("BadRequest")) return new BadRequest(fields)
  } else if (status === 409 && allowed.has("Conflict")) {
    return new Conflict(fields)
  } else if (status === 423 && allowed.has("Locked")) {
    return new Locked(fields)
  } else if (status === 402 && allowed.has("PaymentRequired")) {
    return new PaymentRequired(fields)
  } else if (status === 401) {
    return new Unauthorized(fields)
  } else if (status === 403) {
    return new Forbidden(fields)
  } else if (status === 429) {
    return new RateLimited({ ...fields, retryAfterMillis: failure.retryAfterMillis })
  } else if (status >= 500) {
    return new ServerError(fields)
  }
  return new ApiError(fields)
}

/**
 * `Retry-After` as milliseconds from `now`: delta seconds or an HTTP date.
 * Returns undefined when absent or unreadable.
 */
export const parseRetryAfter = (header: string | undefined, now: number): number | undefined => {
  if (header === undefined) return undefined
  const trimmed = header.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  // Only the HTTP-date forms: Date.parse alone takes "1." or "-5" for dates.
  if (!httpDate.test(trimmed)) return undefined
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

// RFC 9110's IMF-fixdate, obsolete RFC 850 and asctime forms.
const httpDate =
  /^(?:[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT|[A-Za-z]{6,9}, \d{2}-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT|[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/

/** Error codes that mean the request never reached the server. */
const notSentCodes = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT"
])

/** Follows `cause` links to the first error code (undici and Node both nest them). */
const findCode = (u: unknown): string | undefined => {
  for (let depth = 0; depth < 6 && typeof u === "object" && u !== null; depth++) {
    const code = objectField(u, "code")
    if (typeof code === "string") return code
    // AggregateError from happy-eyeballs connection attempts
    const errors = objectField(u, "errors")
    if (Array.isArray(errors) && errors.length > 0) {
      u = errors[0]
      continue
    }
    u = objectField(u, "cause")
  }
  return undefined
}

const describeCause = (u: unknown): string => {
  for (let depth = 0; depth < 6 && typeof u === "object" && u !== null; depth++) {
    const message = objectField(u, "message")
    if (typeof message === "string" && message.length > 0 && message !== "fetch failed") return message
    u = objectField(u, "cause")
  }
  return "transport failure"
}

/**
 * A transport failure, without the request (whose headers hold credentials).
 * Only the error code and message of the cause are kept.
 */
export const transportError = (operation: Operation, cause: unknown): TransportError => {
  const errorCode = findCode(cause)
  return new TransportError({
    operation,
    sent: errorCode === undefined ? true : !notSentCodes.has(errorCode),
    errorCode,
    description: describeCause(cause)
  })
}
