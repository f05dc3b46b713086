/**
 * The rules of the spec that the JSON types alone do not express, checked
 * before anything is sent. The same functions guard the test layer and the
 * emulator, so all three reject the same input with the same field and rule.
 *
 * Two kinds of rule:
 * - structural rules always hold (required fields, non-empty ids, exactly one
 *   filter, at most one cursor, flat metadata, bodies under the 100 KB limit);
 * - limits (lengths, ranges, counts, the type enum) follow the service's
 *   current values and can be switched off with `limits: false`, because
 *   server limits drift.
 *
 * @since 0.1.0
 */
import type { ConversationCreateBody, ConversationUpdateBody } from "./ConversationBody.js"
import { type Operation, ValidationError, type ValidationRule } from "./ConversationsError.js"
import type { DownloadMessageRefBody } from "./DownloadMessageRef.js"
import { MessagePost as messageRules } from "./generated/Constraints.js"
import type { MessagePost } from "./generated/Schemas.js"
import type { ConversationListFilter, Page } from "./Pagination.js"
import type { UserCreateBody, UserUpdateBody } from "./User.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface ValidationOptions {
  /** Check lengths, ranges, counts and the type enum. Default `true`. */
  readonly limits: boolean
}

/**
 * The service's request limit: bodies over 100 KB are rejected with 413.
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_BODY_BYTES = 100 * 1024

/**
 * The spec's metadata limit.
 *
 * @since 0.1.0
 * @category constants
 */
export const MAX_METADATA_BYTES = 4 * 1024

/**
 * Cursor (record id) length, from the spec's `page.after` / `page.before`.
 *
 * @since 0.1.0
 * @category constants
 */
export const CURSOR_LENGTH = 24

/**
 * A failed rule, before it is attached to an operation.
 *
 * @since 0.1.0
 * @category models
 */
export interface Violation {
  readonly field: string
  readonly rule: ValidationRule
  readonly detail: string
}

type Check = Violation | undefined

const violation = (field: string, rule: ValidationRule, detail: string): Violation => ({ field, rule, detail })

const encoder = new TextEncoder()

/**
 * UTF-8 size of a string, as the service counts body and metadata sizes.
 *
 * @since 0.1.0
 * @category utils
 */
export const byteLength = (s: string): number => encoder.encode(s).length

/**
 * Length in characters (Unicode code points), as JSON Schema's `minLength` and
 * `maxLength` count: an emoji is one character, not two UTF-16 units.
 *
 * @since 0.2.0
 * @category utils
 */
export const characterLength = (s: string): number => {
  // A string iterates by code point; a lone surrogate counts as one, as JSON Schema counts it.
  let n = 0
  for (const _ of s) n++
  return n
}

// RFC 3986's `absolute-URI` grammar as the reference JSON Schema validator (ajv-formats' `uri`,
// after jmrware's RFC 3986 regex) checks it, piece for piece, so that what passes here passes the
// service: ASCII only, brackets only around an IP literal, a port of digits, at most one "@" in the
// authority, and, unlike RFC 3986, a path that is not empty ("x:" and "x:?q" are refused).
const unreserved = "a-z0-9\\-._~"
const subDelims = "!$&'()*+,;="
const pct = "%[0-9a-f]{2}"
const pchar = `(?:[${unreserved}${subDelims}:@]|${pct})`
const h16 = "[0-9a-f]{1,4}"
const decOctet = "(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)"
const ipv4 = `(?:${decOctet}\\.){3}${decOctet}`
const ls32 = `(?:${h16}:${h16}|${ipv4})`
const ipv6 = `(?:(?:(?:${h16}:){6}|::(?:${h16}:){5}|(?:${h16})?::(?:${h16}:){4}` +
  `|(?:(?:${h16}:){0,1}${h16})?::(?:${h16}:){3}|(?:(?:${h16}:){0,2}${h16})?::(?:${h16}:){2}` +
  `|(?:(?:${h16}:){0,3}${h16})?::${h16}:|(?:(?:${h16}:){0,4}${h16})?::)${ls32}` +
  `|(?:(?:${h16}:){0,5}${h16})?::${h16}|(?:(?:${h16}:){0,6}${h16})?::)`
const ipFuture = `v[0-9a-f]+\\.[${unreserved}${subDelims}:]+`
const userinfo = `(?:[${unreserved}${subDelims}:]|${pct})*@`
const host = `(?:\\[(?:${ipv6}|${ipFuture})\\]|${ipv4}|(?:[${unreserved}${subDelims}]|${pct})*)`
const segments = `(?:\\/${pchar}*)*`
// ajv's own quirk, kept: one slash may introduce an authority, as two do.
const hierPart = `(?:\\/?\\/(?:${userinfo})?${host}(?::\\d*)?${segments}` +
  `|\\/(?:${pchar}+${segments})?|${pchar}+${segments})`
const queryOrFragment = `(?:[${unreserved}${subDelims}:@/?]|${pct})*`
const uri = new RegExp(`^[a-z][a-z0-9+\\-.]*:${hierPart}(?:\\?${queryOrFragment})?(?:#${queryOrFragment})?$`, "i")

/**
 * Whether a string is an absolute URI as JSON Schema's `format: uri` is
 * checked by the reference validator (ajv-formats): RFC 3986's `absolute-URI`
 * with a fragment allowed and an empty path refused.
 *
 * @since 0.2.0
 * @category utils
 */
export const isUri = (value: string): boolean => uri.test(value)

// JSON Schema's `format: email` as ajv-formats checks it.
const email =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i

/**
 * Whether a parsed JSON value nests deeper than `max` levels, counted without
 * recursion, so a hostile value cannot overflow the stack. The client checks
 * responses with it before Schema formats them; the emulator checks bodies.
 *
 * @since 0.2.0
 * @category utils
 */
export const nestsDeeperThan = (value: unknown, max: number): boolean => {
  if (typeof value !== "object" || value === null) return false
  // Only objects and arrays are pushed: leaves add no depth.
  const stack: Array<readonly [object, number]> = [[value, 1]]
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [v, depth] = item
    if (depth > max) return true
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1])
    }
  }
  return false
}

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * A body is a JSON object: what every other rule of a body assumes (the
 * emulator checks the rules on the JSON as sent, before its Schema).
 *
 * @since 0.2.0
 * @category rules
 */
export const checkBodyObject = (body: unknown): Check =>
  isObject(body) ? undefined : violation("body", "type", "must be an object")

/**
 * A non-empty string id (app, conversation, user). Always checked.
 *
 * @since 0.1.0
 * @category rules
 */
export const checkId = (field: string, value: unknown): Check => {
  if (typeof value !== "string") return violation(field, "type", "must be a string")
  if (value.length === 0) return violation(field, "nonEmpty", "must not be empty")
  // URL parsers resolve "." and ".." (even percent-encoded) as dot segments, which would change the route.
  if (value === "." || value === "..") return violation(field, "pathSegment", "must not be . or ..")
  return undefined
}

const checkText = (field: string, value: unknown, max: number, options: ValidationOptions): Check => {
  if (value === undefined || value === null) return undefined
  if (typeof value !== "string") return violation(field, "type", "must be a string or null")
  if (options.limits) {
    const length = characterLength(value)
    if (length < 1 || length > max) {
      return violation(field, "length", `must be 1-${max} characters or null, got ${length}`)
    }
  }
  return undefined
}

const checkUri = (field: string, value: unknown, options: ValidationOptions): Check => {
  if (value === undefined || value === null) return undefined
  if (typeof value !== "string") return violation(field, "type", "must be a string or null")
  if (options.limits && characterLength(value) > 2048) {
    return violation(field, "maxLength", `must be at most 2048 characters, got ${characterLength(value)}`)
  }
  return isUri(value) ? undefined : violation(field, "uri", "must be an absolute URI (format: uri)")
}

/**
 * Whether a string is an email address as JSON Schema's `format: email` is
 * checked by the reference validator (ajv-formats).
 *
 * @since 0.2.0
 * @category utils
 */
export const isEmail = (value: string): boolean => email.test(value)

const checkEmail = (field: string, value: unknown, options: ValidationOptions): Check => {
  const text = checkText(field, value, 128, options)
  if (text || typeof value !== "string") return text
  return email.test(value) ? undefined : violation(field, "email", "must be an email address")
}

const checkProfile = (value: unknown, options: ValidationOptions): Check => {
  if (value === undefined || value === null) return undefined
  if (!isObject(value)) return violation("profile", "type", "must be an object")
  return firstOf(
    () => checkText("profile.givenName", value.givenName, 128, options),
    () => checkText("profile.surname", value.surname, 128, options),
    () => checkEmail("profile.email", value.email, options),
    () => checkUri("profile.avatarUrl", value.avatarUrl, options),
    () => checkText("profile.locale", value.locale, 64, options)
  )
}

/**
 * The rules of a `metadata` object: flat (strings, finite numbers, booleans)
 * and, with `limits`, at most 4 KB serialized; `null` and absent pass.
 *
 * @since 0.2.0
 * @category rules
 */
export const checkMetadata = (value: unknown, options: ValidationOptions): Check => {
  if (value === undefined || value === null) return undefined
  if (!isObject(value)) return violation("metadata", "type", "must be an object or null")
  for (const key in value) {
    const v = value[key]
    const t = typeof v
    if (t !== "string" && t !== "boolean" && !(t === "number" && Number.isFinite(v))) {
      return violation(`metadata.${key}`, "flat", "metadata values must be strings, finite numbers or booleans")
    }
  }
  if (options.limits) {
    const size = byteLength(JSON.stringify(value))
    if (size > MAX_METADATA_BYTES) {
      return violation("metadata", "maxSize", `must serialize to at most ${MAX_METADATA_BYTES} bytes, got ${size}`)
    }
  }
  return undefined
}

/** Exactly one of two id keys, each a non-empty string when present. */
const checkExactlyOne = (prefix: string, value: unknown, a: string, b: string): Check => {
  if (!isObject(value)) return violation(prefix, "type", "must be an object")
  const hasA = value[a] !== undefined
  const hasB = value[b] !== undefined
  if (hasA === hasB) {
    return violation(prefix, "exactlyOne", `must have exactly one of ${a} or ${b}`)
  }
  return checkId(`${prefix}.${hasA ? a : b}`, hasA ? value[a] : value[b])
}

const checkParticipants = (type: unknown, value: unknown, options: ValidationOptions): Check => {
  if (value === undefined) {
    return options.limits && type === "personal"
      ? violation("participants", "personalParticipants", "a personal conversation needs exactly 1 participant")
      : undefined
  }
  if (!Array.isArray(value)) return violation("participants", "type", "must be an array")
  if (options.limits && value.length > 10) {
    return violation("participants", "maxItems", `must have at most 10 items, got ${value.length}`)
  }
  if (options.limits && type === "personal" && value.length !== 1) {
    return violation("participants", "personalParticipants", "a personal conversation needs exactly 1 participant")
  }
  for (let i = 0; i < value.length; i++) {
    const p: unknown = value[i]
    const field = `participants[${i}]`
    const c = checkExactlyOne(field, p, "userId", "userExternalId")
    if (c) return c
    const subscribe = isObject(p) ? p.subscribeSDKClient : undefined
    if (subscribe !== undefined && typeof subscribe !== "boolean") {
      return violation(`${field}.subscribeSDKClient`, "type", "must be a boolean")
    }
    if (options.limits && type === "sdkGroup" && subscribe === undefined) {
      return violation(
        `${field}.subscribeSDKClient`,
        "required",
        "is required for an sdkGroup conversation's participants"
      )
    }
  }
  return undefined
}

const firstOf = (...checks: ReadonlyArray<() => Check>): Check => {
  for (const check of checks) {
    const c = check()
    if (c) return c
  }
  return undefined
}

/**
 * The rules of `conversationCreateBody`.
 *
 * @since 0.1.0
 * @category rules
 */
export const checkCreateBody = (body: ConversationCreateBody | unknown, options: ValidationOptions): Check => {
  if (!isObject(body)) return violation("body", "type", "must be an object")
  return firstOf(
    () => {
      if (body.type === undefined) return violation("type", "required", "is required")
      if (typeof body.type !== "string") return violation("type", "type", "must be a string")
      if (options.limits && body.type !== "personal" && body.type !== "sdkGroup") {
        return violation("type", "enum", `must be one of personal, sdkGroup, got ${JSON.stringify(body.type)}`)
      }
      return undefined
    },
    () => checkParticipants(body.type, body.participants, options),
    () => checkText("displayName", body.displayName, 100, options),
    () => checkText("description", body.description, 100, options),
    () => checkUri("iconUrl", body.iconUrl, options),
    () => checkMetadata(body.metadata, options)
  )
}

/**
 * The rules of `conversationUpdateBody`.
 *
 * @since 0.1.0
 * @category rules
 */
export const checkUpdateBody = (body: ConversationUpdateBody | unknown, options: ValidationOptions): Check => {
  if (!isObject(body)) return violation("body", "type", "must be an object")
  return firstOf(
    () => checkText("displayName", body.displayName, 100, options),
    () => checkText("description", body.description, 100, options),
    () => checkUri("iconUrl", body.iconUrl, options),
    () => checkMetadata(body.metadata, options)
  )
}

/**
 * The rules of the list query: exactly one filter, at most one cursor,
 * cursors of 24 characters, a page size of 1-100.
 *
 * @since 0.1.0
 * @category rules
 */
export const checkListQuery = (
  filter: ConversationListFilter | unknown,
  page: Page | undefined,
  options: ValidationOptions
): Check => {
  const f = checkExactlyOne("filter", filter, "userId", "userExternalId")
  if (f) return f
  return page === undefined ? undefined : checkPage(page, options)
}

/**
 * The rules of the `page` query object.
 *
 * @since 0.1.0
 * @category rules
 */
export const checkPage = (page: Page | unknown, options: ValidationOptions): Check => {
  if (!isObject(page)) return violation("page", "type", "must be an object")
  if (page.after !== undefined && page.before !== undefined) {
    return violation("page", "oneCursor", "must not have both after and before")
  }
  for (const key of ["after", "before"] as const) {
    const cursor = page[key]
    if (cursor === undefined) continue
    const c = checkId(`page.${key}`, cursor)
    if (c) return c
    const length = characterLength(String(cursor))
    if (options.limits && length !== CURSOR_LENGTH) {
      return violation(`page.${key}`, "length", `must be ${CURSOR_LENGTH} characters, got ${length}`)
    }
  }
  const size = page.size
  if (size !== undefined) {
    if (typeof size !== "number" || !Number.isInteger(size)) {
      return violation("page.size", "integer", "must be an integer")
    }
    if (options.limits && (size < 1 || size > 100)) return violation("page.size", "range", `must be 1-100, got ${size}`)
  }
  return undefined
}

/**
 * The rules of `downloadMessageRefBody`.
 *
 * @since 0.1.0
 * @category rules
 */
export const checkDownloadMessageRefBody = (body: DownloadMessageRefBody | unknown): Check => {
  if (!isObject(body)) return violation("body", "type", "must be an object")
  const id = checkId("userId", body.userId)
  if (id) return id
  if (body.apple === undefined) return undefined
  if (!isObject(body.apple) || !isObject(body.apple.interactiveDataRef)) {
    return violation("apple.interactiveDataRef", "required", "is required when apple is given")
  }
  const ref = body.apple.interactiveDataRef
  for (const key of ["url", "bid", "key", "signature", "owner"]) {
    if (typeof ref[key] !== "string") {
      return violation(`apple.interactiveDataRef.${key}`, "required", "is required and must be a string")
    }
  }
  return undefined
}

/**
 * The rules of `userCreateBody`: the external id, the brand id, the profile's
 * lengths and formats (email, avatar URI) and the metadata.
 *
 * @since 0.1.0
 * @category rules
 */
export const checkUserCreateBody = (body: UserCreateBody | unknown, options: ValidationOptions): Check => {
  if (!isObject(body)) return violation("body", "type", "must be an object")
  const id = checkId("externalId", body.externalId)
  if (id) return id
  if (options.limits && characterLength(String(body.externalId)) > 1024) {
    return violation("externalId", "maxLength", "must be at most 1024 characters")
  }
  return firstOf(
    () => checkText("brandId", body.brandId, 24, options),
    () => checkProfile(body.profile, options),
    () => checkMetadata(body.metadata, options)
  )
}

/**
 * The rules of `userUpdateBody`: the profile's lengths and formats and the
 * metadata, as for a create.
 *
 * @since 0.2.0
 * @category rules
 */
export const checkUserUpdateBody = (body: UserUpdateBody | unknown, options: ValidationOptions): Check => {
  if (!isObject(body)) return violation("body", "type", "must be an object")
  return firstOf(() => checkProfile(body.profile, options), () => checkMetadata(body.metadata, options))
}

const textFields = ["text", "htmlText", "markdownText"] as const

const checkAuthor = (author: unknown, options: ValidationOptions): Check => {
  if (!isObject(author)) return violation("author", "required", "is required and must be an object")
  const types: ReadonlyArray<unknown> = messageRules["author.type"].enum
  if (!types.includes(author.type)) return violation("author.type", "enum", `must be one of ${types.join(", ")}`)
  const named = author.userId !== undefined || author.userExternalId !== undefined
  if (author.type === "business" && named) {
    return violation("author.userId", "exactlyOne", "only a user author names a user (userId, userExternalId)")
  }
  if (author.type === "user") {
    if (!named) return violation("author.userId", "required", "a user author needs userId or userExternalId")
    for (const key of ["userId", "userExternalId"] as const) {
      const c = author[key] === undefined ? undefined : checkId(`author.${key}`, author[key])
      if (c) return c
    }
  }
  return firstOf(
    () => checkText("author.brandId", author.brandId, messageRules["author.brandId"].maxLength, options),
    () => checkUri("author.avatarUrl", author.avatarUrl, options)
  )
}

const checkContent = (content: unknown, options: ValidationOptions): Check => {
  if (!isObject(content)) return violation("content", "required", "is required and must be an object")
  if (typeof content.type !== "string") return violation("content.type", "required", "is required")
  if (content.type !== "text") return undefined
  if (textFields.every((key) => content[key] === undefined) && content.actions === undefined) {
    return violation("content.text", "required", "is required unless actions, htmlText or markdownText is given")
  }
  for (const key of textFields) {
    const value = content[key]
    if (value === undefined) continue
    if (typeof value !== "string") return violation(`content.${key}`, "type", "must be a string")
    const max = messageRules[`content<text>.${key}`].maxLength
    const length = characterLength(value)
    if (options.limits && length > max) {
      return violation(`content.${key}`, "maxLength", `must be at most ${max} characters, got ${length}`)
    }
  }
  return undefined
}

/**
 * The rules of `messagePost` (from the generated constraints and the spec's
 * prose): the author is `business` or `user`, a user author names the user
 * (`userId` or `userExternalId`) and a business author names none; `text`
 * content has its `text` unless `actions`, `htmlText` or `markdownText` is
 * given, each at most 4096 characters; the metadata's limits.
 *
 * @since 0.2.0
 * @category rules
 */
export const checkMessagePost = (body: MessagePost | unknown, options: ValidationOptions): Check => {
  if (!isObject(body)) return violation("body", "type", "must be an object")
  return firstOf(
    () => checkAuthor(body.author, options),
    () => checkContent(body.content, options),
    () => checkMetadata(body.metadata, options)
  )
}

/**
 * A serialized JSON body must fit the service's 100 KB request limit. Always checked.
 *
 * @since 0.1.0
 * @category rules
 */
export const checkBodySize = (json: string): Check => {
  // Each UTF-16 unit is at most 3 UTF-8 bytes: skip the encode for small bodies.
  if (json.length * 3 <= MAX_BODY_BYTES) return undefined
  const size = byteLength(json)
  return size > MAX_BODY_BYTES
    ? violation("body", "maxBodySize", `must serialize to at most ${MAX_BODY_BYTES} bytes, got ${size}`)
    : undefined
}

/**
 * Attach a violation to an operation, as the typed error users handle.
 *
 * @since 0.1.0
 * @category constructors
 */
export const toError = (operation: Operation, v: Violation): ValidationError =>
  new ValidationError({ operation, field: v.field, rule: v.rule, detail: v.detail })
