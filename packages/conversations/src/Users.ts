/**
 * Users: the people conversations belong to, found by their id or by the
 * external id your system gives them. Create, get, update, list by email
 * identity, clear personal information, delete (with their conversation
 * history), and sync with a core Zendesk user. Provided by the same layers as
 * `Conversations`.
 *
 * @example
 * ```ts
 * import { Users } from "@sunco-effect/conversations"
 * import { Effect } from "effect"
 *
 * // The user of an external id, made on first sight.
 * const userOf = (externalId: string) =>
 *   Effect.gen(function*() {
 *     const users = yield* Users
 *     return yield* users.get(externalId).pipe(
 *       Effect.catchTag("UserNotFound", () => users.create({ externalId })),
 *       Effect.catchTag("Conflict", () => users.get(externalId))
 *     )
 *   })
 * ```
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import type { Methods } from "./internal/operation.js"
import type { families } from "./Operations.js"

/**
 * The Users operations of one app (derived from their entries in the operation table).
 *
 * @since 0.1.0
 * @category models
 */
export interface UsersService extends Methods<typeof families.Users> {
  /** The same operations on another app. */
  readonly forApp: (appId: string) => UsersService
}

/**
 * The users service tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class Users extends Context.Tag("@sunco-effect/conversations/Users")<Users, UsersService>() {}
