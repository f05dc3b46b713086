/**
 * The Users family: one entry per operation (see `conversations.ts`).
 */
import * as Either from "effect/Either"
import * as Facts from "../../generated/Operations.js"
import { SyncUserBody } from "../../generated/Schemas.js"
import {
  type BrandQuery,
  type User,
  UserCreateBody,
  type UserListQuery,
  UserListResponse,
  UserResponse,
  UserUpdateBody
} from "../../User.js"
import * as Validation from "../../Validation.js"
import { decoder } from "../decode.js"
import { define, empty, envelope } from "../operation.js"

const user = envelope<"user", User>("user", decoder(UserResponse))
const decodeList = decoder(UserListResponse)

// The emulator checks a body before decoding it: the rules may not assume its shape.
const field = (u: unknown, key: string): unknown =>
  typeof u === "object" && u !== null ? Reflect.get(u, key) : undefined

const emailOf = (query: unknown): unknown => field(field(query, "filter"), "identities.email")

export const users = {
  /**
   * CreateUser, in the configured app. A taken `externalId` fails with `Conflict` (409).
   *
   * @example
   * ```ts
   * import { Users } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const users = yield* Users
   *   return yield* users.create({ externalId: "customer-17" }).pipe(
   *     Effect.catchTag("Conflict", () => users.get("customer-17"))
   *   )
   * })
   * ```
   */
  create: define(Facts.CreateUser)({
    args: (body: UserCreateBody) => ({ body }),
    body: UserCreateBody,
    check: ({ body }, options) => Validation.checkUserCreateBody(body, options),
    response: user,
    errors: ["BadRequest", "Conflict"],
    repeatable: false
  }),
  /**
   * GetUser: by the user's id or external id (`query.brandId` for a
   * brand-separated user found by external id). An unknown user fails with
   * `UserNotFound`.
   *
   * @example
   * ```ts
   * import { Users } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const users = yield* Users
   *   const byExternalId = yield* users.get("customer-17")
   *   return yield* users.get(byExternalId.id)
   * })
   * ```
   */
  get: define(Facts.GetUser)({
    args: (userIdOrExternalId: string, query?: BrandQuery) => ({ params: { userIdOrExternalId }, query }),
    body: undefined,
    check: () => undefined,
    response: user,
    errors: ["UserNotFound"],
    repeatable: true
  }),
  /**
   * UpdateUser: only the given fields change (`profile` field by field, `null`
   * clearing one; `metadata` as a whole, `null` clearing it). Returns the
   * updated user; an unknown user fails with `UserNotFound`.
   *
   * @example
   * ```ts
   * import { Users } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const users = yield* Users
   *   return yield* users.update("customer-17", { profile: { givenName: "Ada" }, metadata: { plan: "pro" } })
   * })
   * ```
   */
  update: define(Facts.UpdateUser)({
    args: (userIdOrExternalId: string, body: UserUpdateBody, query?: BrandQuery) => ({
      params: { userIdOrExternalId },
      body,
      query
    }),
    body: UserUpdateBody,
    check: ({ body }, options) => Validation.checkUserUpdateBody(body, options),
    response: user,
    errors: ["UserNotFound"],
    repeatable: true
  }),
  /**
   * DeleteUser: the user, its clients and its conversation history (the
   * conversations no one else takes part in go, with their messages; the
   * others lose the user). `deletePersonalInformation` keeps the history.
   *
   * @example
   * ```ts
   * import { Users } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const users = yield* Users
   *   yield* users.delete("customer-17").pipe(Effect.catchTag("UserNotFound", () => Effect.void))
   * })
   * ```
   */
  delete: define(Facts.DeleteUser)({
    args: (userIdOrExternalId: string, query?: BrandQuery) => ({ params: { userIdOrExternalId }, query }),
    body: undefined,
    check: () => undefined,
    response: empty,
    errors: ["UserNotFound"],
    repeatable: true
  }),
  /**
   * ListUsers: the users with an email identity (in `identities`, never
   * `profile.email`), the filter being required. Not paginated: returns the
   * users (the `{ users }` envelope unwrapped), none when nobody matches.
   *
   * @example
   * ```ts
   * import { Users } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const users = yield* Users
   *   return yield* users.list({ filter: { "identities.email": "sue@example.org" } })
   * })
   * ```
   */
  list: define(Facts.ListUsers)({
    args: (query: UserListQuery) => ({ query }),
    body: undefined,
    parseQuery: (query) =>
      typeof emailOf(query) === "string"
        ? Either.right(query)
        : Either.left("filter[identities.email] is required"),
    check: ({ query }) => {
      const email = emailOf(query)
      return typeof email === "string" && email.length > 0 ? undefined : {
        field: "filter.identities.email",
        rule: "required",
        detail: "is required: the email identity to look for"
      }
    },
    response: {
      decode: (json) => Either.map(decodeList(json), (r): ReadonlyArray<User> => r.users ?? []),
      encode: (users: ReadonlyArray<User>) => ({ users })
    },
    errors: [],
    repeatable: true
  }),
  /**
   * DeleteUserPersonalInformation: clears the user's `givenName`, `surname`,
   * `email`, `avatarUrl` and metadata, and each of its clients' `displayName`,
   * `avatarUrl`, `info` and `raw`; keeps its conversations. Returns the user.
   *
   * @example
   * ```ts
   * import { Users } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const users = yield* Users
   *   return yield* users.deletePersonalInformation("customer-17")
   * })
   * ```
   */
  deletePersonalInformation: define(Facts.DeleteUserPersonalInformation)({
    args: (userIdOrExternalId: string, query?: BrandQuery) => ({ params: { userIdOrExternalId }, query }),
    body: undefined,
    check: () => undefined,
    response: user,
    errors: ["UserNotFound"],
    repeatable: true
  }),
  /**
   * SyncUser: update the messaging user linked to a core Zendesk user
   * (`zendeskId`) from that user; `survivingZendeskId` applies a merge of two
   * Zendesk users. The spec documents no error of its own: an unknown
   * `zendeskId` is an `ApiError` (404). Not repeated after a failure that may
   * have reached the service: a merge that happened cannot happen again.
   *
   * @example
   * ```ts
   * import { Users } from "@sunco-effect/conversations"
   * import { Effect } from "effect"
   *
   * const program = Effect.gen(function*() {
   *   const users = yield* Users
   *   return yield* users.sync("35436")
   * })
   * ```
   */
  sync: define(Facts.SyncUser)({
    // The body is optional in the spec; `{}` is sent so every request is JSON.
    args: (zendeskId: string, body?: SyncUserBody) => ({ params: { zendeskId }, body: body ?? {} }),
    body: SyncUserBody,
    check: ({ body }) => {
      const surviving = field(body, "survivingZendeskId")
      return surviving === undefined ? undefined : Validation.checkId("survivingZendeskId", surviving)
    },
    response: user,
    errors: [],
    repeatable: false
  })
}
